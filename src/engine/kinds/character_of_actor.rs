//! "Which character does Olivia Colman play in Heartstopper?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, Said, say, series_parts, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::Group;
use crate::engine::phrase::{capitalise, text};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `roles`.
    pub role: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, r) in b.roles.iter().enumerate() {
        // Guests are too minor to ask about.
        if r.group == Group::Guest {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CharacterOfActor(Cand { role: i as u32 }),
            base_difficulty: 0.08,
            origin: r.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let r = b.roles.get(k.role as usize)?;
    let pack = c.origin.pack;
    let pronoun = b.pronouns[r.character as usize];
    let g = r.group as u8;
    let truly_false = |d: u32| !b.is_true(r.actor, Rel::Plays, 0, d);
    let same_part = |d: u32| b.unusual_parts.contains(&d) == (r.voice || r.cameo);
    let plausible = |d: u32| (r.lead || !b.leads.contains(&d)) && same_part(d);
    let is_false = |d: u32| truly_false(d) && plausible(d);
    let mut wrong = Vec::new();
    let order = [g, g.saturating_sub(1), (g + 1).min(2)];
    let verb = if r.voice { "voice" } else { "play" };
    let [pre, series] = series_parts(b, pack, " in ");
    let same_kind =
        |d: u32| (pronoun == 0 || b.pronouns[d as usize] == pronoun) && b.same_age(d, r.character);
    // Options by kinship ("Nick's mother") where all four have one: no name's
    // language can then match the actor's.
    if let Some(kin) = b.kin.get(&r.character) {
        for &group in &order {
            let pool = b
                .pool_characters
                .get(&(pack, group))
                .map_or(&[][..], |v| v.as_slice());
            x.fill_from(r.character, pool, OPTIONS - 1, &mut wrong, |d| {
                is_false(d) && b.kin.contains_key(&d) && same_kind(d)
            });
        }
        if wrong.len() == OPTIONS - 1 {
            let prompt = text!(
                "Which part does ",
                b.name(r.actor),
                " ",
                verb,
                pre,
                series,
                "?"
            );
            let explanation = text!(
                b.name(r.actor),
                " ",
                verb,
                "s ",
                b.name(r.character),
                ", ",
                kin,
                "."
            );
            return Some(
                Draft::text::<Said>(
                    prompt,
                    capitalise(kin),
                    wrong
                        .iter()
                        .map(|&w| (capitalise(&b.kin[&w]), say::role(b, w)))
                        .collect::<Vec<_>>(),
                    explanation,
                    vec![triple(b.name(r.actor), "plays", b.name(r.character))],
                )
                .same_group(OPTIONS - 1),
            );
        }
        wrong.clear();
    }
    let pools: [&[u32]; 3] = order.map(|g| {
        b.pool_characters
            .get(&(pack, g))
            .map_or(&[][..], |v| v.as_slice())
    });
    // Characters a fan groups with the answer (its family, its kind of part)
    // first, then any plausible one of the same pronouns and age group.
    x.fill_in_passes(
        r.character,
        &pools,
        &mut wrong,
        &[
            // Cheapest test first: most of the cast is not alike.
            &|d| say::characters_alike(b, d, r.character) && same_kind(d) && is_false(d),
            // A part of unknown pronouns among parts of unknown pronouns
            // first: two girls' parts beside it would leave a 50/50.
            &|d| b.pronouns[d as usize] == pronoun && is_false(d) && same_kind(d),
            // Never another gender or age group, nor a voice for a face (an
            // adult actor for a schoolgirl is ruled out on sight): fewer than
            // three such, no question. A small cast may offer the leads last.
            &|d| is_false(d) && same_kind(d),
            &|d| truly_false(d) && same_kind(d) && same_part(d),
        ],
    );
    let same = wrong
        .iter()
        .filter(|&&d| b.prominence[d as usize] == g)
        .count();
    let prompt = text!(
        "Which character does ",
        b.name(r.actor),
        " ",
        verb,
        pre,
        series,
        "?"
    );
    let explanation = text!(b.name(r.actor), " ", verb, "s ", b.name(r.character), ".");
    let facts = vec![triple(b.name(r.actor), "plays", b.name(r.character))];
    Some(
        Draft::entities(
            b,
            prompt,
            r.character,
            &wrong,
            |e| say::role(b, e),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

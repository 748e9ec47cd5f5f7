//! "Who plays Charlie Spring in Heartstopper?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, say, series_parts, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::Group;
use crate::engine::phrase::text;

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
            ask: Ask::ActorOfCharacter(Cand { role: i as u32 }),
            base_difficulty: 0.1,
            origin: r.origin,
        });
    }
}

/// Whether an actor plays a character with these pronouns (0: unknown, any).
pub(super) fn plays_pronoun(b: &FactBase, actor: u32, pronoun: u8) -> bool {
    pronoun == 0
        || b.profile
            .get(actor as usize)
            .is_some_and(|p| p.actor_pronouns & (1 << pronoun) != 0)
}

/// Whether every part an actor plays has these pronouns (0: unknown).
fn plays_only_pronoun(b: &FactBase, actor: u32, pronoun: u8) -> bool {
    b.profile
        .get(actor as usize)
        .is_some_and(|p| p.actor_pronouns == 1 << pronoun)
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let r = b.roles.get(k.role as usize)?;
    let pack = c.origin.pack;
    let pronoun = b.pronouns[r.character as usize];
    // The leads are known to every fan as their own characters, and a voice or a
    // cameo is a different kind of part: neither is a plausible wrong option.
    let truly_false = |d: u32| !b.is_true(d, Rel::Plays, 0, r.character);
    let same_part = |d: u32| b.unusual_parts.contains(&d) == (r.voice || r.cameo);
    let plausible = |d: u32| (r.lead || !b.leads.contains(&d)) && same_part(d);
    let is_false = |d: u32| truly_false(d) && plausible(d);
    let mut wrong = Vec::new();
    // Same billing and the same kind of part first, so no option is dismissed on sight.
    let g = r.group as u8;
    let order = [g, g.saturating_sub(1), (g + 1).min(2)];
    // Actors of characters a fan groups with this one (its family, its kind of part) first.
    let plays_alike = |d: u32| {
        let ch = b.profile[d as usize].plays;
        ch != u32::MAX && say::characters_alike(b, ch, r.character)
    };
    let pools: [&[u32]; 3] = order.map(|g| {
        b.pool_actors
            .get(&(pack, g))
            .map_or(&[][..], |v| v.as_slice())
    });
    let same_kind = |d: u32| plays_pronoun(b, d, pronoun) && b.same_age(d, r.character);
    // Alike first, then any plausible one of the same pronouns and age group.
    x.fill_in_passes(
        r.actor,
        &pools,
        &mut wrong,
        &[
            // Cheapest test first: most of the cast is not alike.
            &|d| plays_alike(d) && same_kind(d) && is_false(d),
            // For a part of unknown pronouns, actors of such parts first.
            &|d| plays_only_pronoun(b, d, pronoun) && is_false(d) && same_kind(d),
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
    let [pre, series] = series_parts(b, pack, " in ");
    let (verb, prompt) = if r.voice {
        (
            "voices",
            text!("Who voices ", b.name(r.character), pre, series, "?"),
        )
    } else if r.cameo {
        (
            "makes a cameo as",
            text!(
                "Who makes a cameo as ",
                b.name(r.character),
                pre,
                series,
                "?"
            ),
        )
    } else {
        // By kinship where the pack gives one: "Stephane" would point to a French name.
        let who = b
            .kin
            .get(&r.character)
            .map_or(b.name(r.character), |k| k.as_str());
        ("plays", text!("Who plays ", who, pre, series, "?"))
    };
    let [comma, desc] = b
        .descriptions
        .get(&r.character)
        .map_or(["", ""], |d| [", ", d.as_str()]);
    let explanation = text!(
        b.name(r.actor),
        " ",
        verb,
        " ",
        b.name(r.character),
        comma,
        desc,
        "."
    );
    let facts = vec![triple(b.name(r.actor), verb, b.name(r.character))];
    Some(
        Draft::entities(
            b,
            prompt,
            r.actor,
            &wrong,
            |e| say::role(b, e),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

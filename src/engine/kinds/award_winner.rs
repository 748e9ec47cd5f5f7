//! "Who won “Outstanding Casting” at the 2022 Children's and Family Emmy Awards?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, triple};
use crate::engine::facts::{FactBase, NomineeKind, Rel};
use crate::engine::model::AwardResult;
use crate::engine::phrase::quote;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `awards`.
    pub award: u32,
}

/// Words that tie a category to one group of nominees: such a category is
/// only ever compared with categories that carry the same word.
const GENDERED: &[&str] = &[
    "actress", "actor", "female", "male", "women", "men", "woman", "man", "girl", "boy",
];

pub(super) fn gendered_word(category: &str) -> Option<&'static str> {
    GENDERED.iter().copied().find(|g| {
        category
            .split(' ')
            .any(|w| w == *g || w.trim_end_matches("'s") == *g)
    })
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, a) in b.awards.iter().enumerate() {
        let single = a.nominees.len() == 1;
        // A work (song, scene, cast) fits only some categories; the series is no rival.
        if a.result != AwardResult::Won
            || !single
            || matches!(a.nominee_kind, NomineeKind::Series | NomineeKind::Work)
        {
            continue;
        }
        // Options for a gendered category would have to be known to fit it; skip.
        if gendered_word(b.norm(a.category)).is_some() {
            continue;
        }
        out.push(Candidate {
            ask: Ask::AwardWinner(Cand { award: i as u32 }),
            base_difficulty: 0.13,
            origin: a.origin,
        });
    }
}

pub(super) fn nomination_fact(b: &FactBase, e: u32) -> Option<String> {
    let &(won, nomination) = b.primary.get(&(e, Rel::NominatedFor))?;
    let verb = if won == 1 { "won" } else { "was nominated for" };
    Some(format!("{} {verb} {}", b.name(e), b.name(nomination)))
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let a = b.awards.get(k.award as usize)?;
    let winner = *a.nominees.first()?;
    let kind = a.nominee_kind;
    let is_false = |d: u32| !b.is_true(a.slot, Rel::WonSlot, 0, d);
    // A grown star beside a young winner of "Emerging Talent" is ruled out on
    // sight (blind reviews): people whose parts share the winner's age group
    // first, in every pool, then anyone.
    let same_age = |d: u32| is_false(d) && b.same_age(d, winner);
    let rivals = b
        .slot_nominees
        .get(&a.slot)
        .map_or(&[][..], |v| v.as_slice());
    let at = b
        .pool_nominees_at
        .get(&(a.ceremony_key, kind))
        .map_or(&[][..], |v| v.as_slice());
    let anywhere = b.pool_nominees.get(&kind).map_or(&[][..], |v| v.as_slice());
    let cast: Vec<&[u32]> = if kind == NomineeKind::Actor {
        (0..3u8)
            .map(|g| {
                b.pool_actors
                    .get(&(c.origin.pack, g))
                    .map_or(&[][..], |v| v.as_slice())
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut wrong = Vec::new();
    let mut same = 0;
    for ok in [&same_age as &dyn Fn(u32) -> bool, &is_false] {
        // Those who lost this very category first: they make it a real question.
        x.fill_from(winner, rivals, OPTIONS - 1, &mut wrong, ok);
        x.fill_from(winner, at, OPTIONS - 1, &mut wrong, ok);
        same = same.max(wrong.len());
        x.fill_from(winner, anywhere, OPTIONS - 1, &mut wrong, ok);
        for pool in &cast {
            x.fill_from(winner, pool, OPTIONS - 1, &mut wrong, ok);
        }
    }
    let who = if matches!(kind, NomineeKind::Actor | NomineeKind::Person) {
        "Who"
    } else {
        "What"
    };
    let prompt = format!(
        "{who} won {} at the {} {}?",
        quote(b.name(a.category)),
        a.year,
        a.ceremony
    );
    let explanation = format!(
        "{} won {} at the {} {}.",
        b.name(winner),
        quote(b.name(a.category)),
        a.year,
        a.ceremony
    );
    let facts = vec![triple(
        b.name(winner),
        "won",
        &format!("{} ({} {})", b.name(a.category), a.ceremony, a.year),
    )];
    Some(
        Draft::entities(
            b,
            prompt,
            winner,
            &wrong,
            |d| nomination_fact(b, d),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

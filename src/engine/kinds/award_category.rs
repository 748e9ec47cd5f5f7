//! "In which category was Kit Connor nominated at the 2022 Dorian Awards?"

use rand::Rng;

use super::award_winner::gendered_word;
use super::{Ask, Candidate, Ctx, Draft, OPTIONS, Said, triple};
use crate::engine::compile::awards::ANY_CEREMONY;
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::AwardResult;
use crate::engine::phrase::quote;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `awards`.
    pub award: u32,
    /// Index into that award's nominees.
    pub nominee: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, a) in b.awards.iter().enumerate() {
        // Wrong options come from this ceremony's categories for the same kind of nominee.
        let rivals = b
            .pool_categories_at
            .get(&(a.ceremony_key, a.nominee_kind))
            .map_or(0, |v| v.len());
        if a.result == AwardResult::Pending || rivals < OPTIONS {
            continue;
        }
        for (k, &n) in a.nominees.iter().enumerate() {
            // A person the pack knows only from this table (a make-up artist) is
            // obscure to players: asked about nothing else, not asked here either.
            // A song, a scene or a cast fits only some categories: not asked.
            if a.nominee_kind == crate::engine::facts::NomineeKind::Work {
                continue;
            }
            let known = b.kinds[n as usize] != crate::engine::facts::EKind::Person
                || b.primary.contains_key(&(n, Rel::Plays))
                || b.primary.contains_key(&(n, Rel::Credit))
                || b.primary.contains_key(&(n, Rel::TrackBy));
            if !known {
                continue;
            }
            out.push(Candidate {
                ask: Ask::AwardCategory(Cand {
                    award: i as u32,
                    nominee: k as u32,
                }),
                base_difficulty: 0.3,
                origin: a.origin,
            });
        }
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let a = b.awards.get(k.award as usize)?;
    let nominee = *a.nominees.get(k.nominee as usize)?;
    let gender = gendered_word(b.norm(a.category));
    // Never a category the nominee had at any ceremony; a gendered category only
    // beside categories with the same word.
    let ok = |d: u32| {
        !b.is_true(nominee, Rel::CategoryAt, a.ceremony_key, d)
            && !b.is_true(nominee, Rel::CategoryAt, ANY_CEREMONY, d)
            && gendered_word(b.norm(d)).is_none_or(|g| Some(g) == gender)
    };
    let at = b
        .pool_categories_at
        .get(&(a.ceremony_key, a.nominee_kind))
        .map_or(&[][..], |v| v.as_slice());
    // Categories of this ceremony only: another ceremony's category names do
    // not exist here, and a player would rule them out.
    let mut wrong = Vec::new();
    x.fill_from(a.category, at, OPTIONS - 1, &mut wrong, ok);
    let same = wrong.len();
    let won = a.result == AwardResult::Won;
    // A song or a scene reads as a title.
    let who = if a.nominee_kind == crate::engine::facts::NomineeKind::Work {
        quote(b.name(nominee))
    } else {
        b.name(nominee).to_string()
    };
    let prompt = if won {
        format!(
            "Which award did {who} win at the {} {}?",
            a.year, a.ceremony
        )
    } else {
        format!(
            "In which category was {who} nominated at the {} {}?",
            a.year, a.ceremony
        )
    };
    let result = if won { "won" } else { "was nominated for" };
    let explanation = format!(
        "{} {result} {} at the {} {}.",
        crate::engine::phrase::capitalise(&who),
        quote(b.name(a.category)),
        a.year,
        a.ceremony
    );
    let facts = vec![triple(
        b.name(nominee),
        result,
        &format!("{} ({} {})", b.name(a.category), a.ceremony, a.year),
    )];
    let d = Draft::entities(
        b,
        prompt,
        a.category,
        &wrong,
        |_| None::<Said>,
        explanation,
        facts,
    )
    .same_group(same);
    Some(d)
}

//! "Which of these nominations did Heartstopper win?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::AwardResult;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    pub nominee: u32,
    /// Index into `awards`: one the nominee won.
    pub award: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (&n, noms) in &b.nominee_nominations {
        let lost = noms
            .iter()
            .filter(|&&i| b.awards[i as usize].result == AwardResult::Nominated)
            .count();
        if lost < 3 {
            continue;
        }
        for &i in noms {
            let a = &b.awards[i as usize];
            if a.result == AwardResult::Won {
                out.push(Candidate {
                    ask: Ask::AwardWon(Cand {
                        nominee: n,
                        award: i,
                    }),
                    base_difficulty: 0.4,
                    origin: a.origin,
                });
            }
        }
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let nominee = k.nominee;
    let won = b.awards.get(k.award as usize)?;
    let noms = b.nominee_nominations.get(&nominee)?;
    let mut wrong = Vec::new();
    // Bounded: a nominee's own nominations, at most a few dozen.
    let lost: Vec<u32> = noms
        .iter()
        .take(256)
        .filter(|&&i| b.awards[i as usize].result == AwardResult::Nominated)
        .map(|&i| b.awards[i as usize].nomination)
        .collect();
    x.fill_from(won.nomination, &lost, OPTIONS - 1, &mut wrong, |d| {
        !b.is_true(nominee, Rel::NominatedFor, 1, d)
    });
    let prompt = format!("Which of these nominations did {} win?", b.name(nominee));
    let explanation = format!(
        "{} won {}; the others were nominations only.",
        b.name(nominee),
        b.name(won.nomination)
    );
    let facts = vec![triple(b.name(nominee), "won", b.name(won.nomination))];
    let name = b.name(nominee).to_string();
    let d = Draft::entities(
        b,
        prompt,
        won.nomination,
        &wrong,
        |d| {
            Some(format!(
                "{name} was nominated for {} but did not win",
                b.name(d)
            ))
        },
        explanation,
        facts,
    )
    .same_group(OPTIONS - 1);
    Some(d)
}

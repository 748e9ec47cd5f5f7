//! "Which location was used for Harry's party?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, MIN_PLACES, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::capitalise;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `places`.
    pub place: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    filming(b, out, |place| Ask::PlaceOfScene(Cand { place }));
}

/// One candidate per filming place row, for this kind and `scene_at_place`.
pub(super) fn filming(b: &FactBase, out: &mut Vec<Candidate>, ask: impl Fn(u32) -> Ask) {
    for (i, p) in b.places.iter().enumerate() {
        // With few places the options differ in kind (a bay, a house, a studio)
        // and give the answer away: at least two options per one asked.
        if b.pool_places.get(&p.origin.pack).map_or(0, |v| v.len()) < MIN_PLACES {
            continue;
        }
        out.push(Candidate {
            ask: ask(i as u32),
            base_difficulty: 0.2,
            origin: p.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let p = b.places.get(k.place as usize)?;
    let pool = b
        .pool_places
        .get(&c.origin.pack)
        .map_or(&[][..], |v| v.as_slice());
    // A place used for the same episode may have served the same sequence.
    let same_episode = |d: u32| {
        p.origin.horizon != 0
            && b.place_row
                .get(&d)
                .is_some_and(|&i| b.places[i as usize].origin.horizon == p.origin.horizon)
    };
    let (wrong, same) = x.distractors(p.place, &[pool], OPTIONS - 1, |d| {
        !b.is_true(p.scene, Rel::FilmedAt, 0, d) && !same_episode(d)
    });
    let of = b
        .series(c.origin.pack)
        .map(|s| format!(" in {s}"))
        .unwrap_or_default();
    // "was used for" agrees with any scene, singular or plural.
    let prompt = format!("Which location was used for {}{of}?", b.name(p.scene));
    let location = p
        .location
        .map(|l| format!(" ({})", b.name(l)))
        .unwrap_or_default();
    let explanation = format!(
        "{} was filmed {}{location}.",
        capitalise(b.name(p.scene)),
        p.at
    );
    let facts = vec![triple(b.name(p.scene), "filmed at", b.name(p.place))];
    Some(
        Draft::entities(
            b,
            prompt,
            p.place,
            &wrong,
            |d| say::place(b, d),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

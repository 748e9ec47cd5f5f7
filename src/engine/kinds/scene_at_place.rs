//! "Which of these was filmed in Berkshire?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::capitalise;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `places`.
    pub place: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    super::place_of_scene::filming(b, out, |place| Ask::SceneAtPlace(Cand { place }));
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let p = b.places.get(k.place as usize)?;
    let pool = b
        .pool_scenes
        .get(&c.origin.pack)
        .map_or(&[][..], |v| v.as_slice());
    let (wrong, same) = x.distractors(p.scene, &[pool], OPTIONS - 1, |d| {
        !b.is_true(d, Rel::FilmedAt, 0, p.place)
    });
    let for_series = b
        .series(c.origin.pack)
        .map(|s| format!(" for {s}"))
        .unwrap_or_default();
    let prompt = format!("Which of these was filmed {}{for_series}?", p.at);
    let explanation = format!("{} was filmed {}.", capitalise(b.name(p.scene)), p.at);
    let facts = vec![triple(b.name(p.scene), "filmed at", b.name(p.place))];
    Some(
        Draft::entities(
            b,
            prompt,
            p.scene,
            &wrong,
            |d| say::place(b, d),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

//! A pack's own relation as an odd one out: "Which moon orbits Saturn?" with
//! one subject of the object asked among three of one other object (Jupiter's
//! moons), none of them known to relate to both; the explanation says the
//! split ("Titan orbits Saturn, not Jupiter.").

use rand::Rng;
use rand::seq::SliceRandom;

use super::custom_not::but_not;
use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{EKind, FactBase, Rel, RelationInfo};
use crate::engine::model::Objects;
use crate::engine::phrase::{capitalise, fill};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `custom`: the answer's fact.
    pub fact: u32,
}

/// Subjects of `other` that are not subjects of `home`, of the answer's kind.
fn others(
    b: &FactBase,
    info: &RelationInfo,
    rel: u32,
    home: u32,
    other: u32,
    kind: EKind,
) -> Vec<u32> {
    info.subjects
        .iter()
        .copied()
        .filter(|&s| {
            b.kinds[s as usize] == kind
                && b.is_true(s, Rel::Custom, rel, other)
                && !b.is_true(s, Rel::Custom, rel, home)
        })
        .collect()
}

/// Objects that can be the other side of the split for this fact.
fn sides(b: &FactBase, info: &RelationInfo, rel: u32, subject: u32, home: u32) -> Vec<u32> {
    let kind = b.kinds[subject as usize];
    info.objects
        .iter()
        .copied()
        .filter(|&o| {
            o != home
                && !b.is_true(subject, Rel::Custom, rel, o)
                && others(b, info, rel, home, o, kind).len() >= OPTIONS - 1
        })
        .collect()
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, f) in b.custom.iter().enumerate() {
        let info = &b.relations[f.relation as usize];
        if info.def.ask_subject.is_none()
            || !info.def.asked
            || info.def.objects == Objects::SomeListed
            || sides(b, info, f.relation, f.subject, f.object).is_empty()
        {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CustomOdd(Cand { fact: i as u32 }),
            base_difficulty: 0.25,
            origin: f.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let f = *b.custom.get(k.fact as usize)?;
    let info = b.relations.get(f.relation as usize)?;
    let kind = b.kinds[f.subject as usize];
    let mut choices: Vec<(u32, Vec<u32>)> = sides(b, info, f.relation, f.subject, f.object)
        .into_iter()
        .filter(|&o| x.visible(o))
        .map(|o| {
            let mut v = others(b, info, f.relation, f.object, o, kind);
            v.retain(|&s| x.visible(s));
            (o, v)
        })
        .filter(|(_, v)| v.len() >= OPTIONS - 1)
        .collect();
    if choices.is_empty() {
        return None;
    }
    let (other, mut wrong) = choices.swap_remove(x.rng.random_range(0..choices.len()));
    wrong.shuffle(x.rng);
    wrong.truncate(OPTIONS - 1);
    // The split is said in the explanation only: "Which moon orbits Saturn,
    // not Jupiter?" named where the wrong options come from, and every blind
    // editor struck the clause (9 of 13 in one review).
    let prompt = capitalise(&fill(
        info.def.ask_subject.as_deref()?,
        "",
        b.name(f.object),
        b.is_plural(f.object),
    ));
    let explanation = but_not(b, &info.def.statement, f.subject, f.relation, other);
    let facts = vec![triple(b.name(f.subject), &info.def.id, b.name(f.object))];
    Some(
        Draft::entities(
            b,
            prompt,
            f.subject,
            &wrong,
            |d| say::custom(b, d, f.relation),
            explanation,
            facts,
        )
        .same_group(OPTIONS - 1),
    )
}

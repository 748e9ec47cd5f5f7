//! A pack's own relation as an odd one out with its split said: "Which moon
//! orbits Saturn, not Jupiter?" One subject of the object asked among three
//! of another object, none of them known to relate to both.

use rand::Rng;
use rand::seq::SliceRandom;

use super::custom_not::{but_not, contrast};
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
        let Some(ask) = info.def.ask_subject.as_deref() else {
            continue;
        };
        if !info.def.asked
            || info.def.objects == Objects::SomeListed
            || contrast(ask, "", "").is_none()
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
    let ask = contrast(
        info.def.ask_subject.as_deref()?,
        b.name(f.object),
        b.name(other),
    )?;
    let prompt = capitalise(&fill(&ask, "", "", b.is_plural(f.object)));
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

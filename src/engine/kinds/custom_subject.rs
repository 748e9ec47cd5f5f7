//! A pack's own relation asked for its subject: "Which of these moons orbits
//! Saturn?" Wrong options are subjects of the same relation whose objects are
//! all known and differ (moons of other worlds).

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::Objects;
use crate::engine::phrase::{capitalise, fill, sentence};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `custom`.
    pub fact: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, f) in b.custom.iter().enumerate() {
        let info = &b.relations[f.relation as usize];
        if info.def.ask_subject.is_none()
            || !info.def.asked
            || info.def.objects == Objects::SomeListed
            || info.subjects.len() < OPTIONS
        {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CustomSubject(Cand { fact: i as u32 }),
            base_difficulty: 0.15,
            origin: f.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let f = *b.custom.get(k.fact as usize)?;
    let info = b.relations.get(f.relation as usize)?;
    // Every subject in the pool has its objects listed, so "not listed" is "false".
    let is_false = |d: u32| !b.is_true(d, Rel::Custom, f.relation, f.object);
    let mut wrong = Vec::new();
    let same = x.fill_relation(f.subject, &info.subjects, f.relation, &mut wrong, is_false);
    let prompt = capitalise(&fill(
        info.def.ask_subject.as_deref()?,
        "",
        b.name(f.object),
        b.is_plural(f.object),
    ));
    let explanation = sentence(&say::statement_all(
        b,
        &info.def.statement,
        f.subject,
        f.relation,
    ));
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
        .same_group(same),
    )
}

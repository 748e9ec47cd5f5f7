//! A pack's own relation asked for its object: "Which world does Iapetus
//! orbit?" Wrong options are objects of the same relation (worlds that have
//! moons, never Venus), each known to be false: the relation gives every
//! subject one object, or the pack lists all of them.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::model::Objects;
use crate::engine::phrase::{capitalise, fill};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `custom`.
    pub fact: u32,
}

/// A prompt that admits several true answers of which one is offered.
fn asks_for_one_of_several(template: &str) -> bool {
    let t = template.to_lowercase();
    t.contains("of these") || t.contains("one of")
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, f) in b.custom.iter().enumerate() {
        let info = &b.relations[f.relation as usize];
        if !info.def.asked
            || info.def.objects == Objects::SomeListed
            || info.objects.len() < OPTIONS
        {
            continue;
        }
        // "Who discovered Eris?" with one of its three discoverers misleads; only
        // "Which of these …" may ask for one of several.
        let several = b
            .object_count
            .get(&(f.subject, f.relation))
            .copied()
            .unwrap_or(1)
            > 1;
        if several && !asks_for_one_of_several(&info.def.ask_object) {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CustomObject(Cand { fact: i as u32 }),
            base_difficulty: 0.12,
            origin: f.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let f = *b.custom.get(k.fact as usize)?;
    let info = b.relations.get(f.relation as usize)?;
    let is_false = |d: u32| !b.is_true(f.subject, Rel::Custom, f.relation, d);
    let mut wrong = Vec::new();
    let same = x.fill_relation(f.object, &info.objects, f.relation, &mut wrong, is_false);
    let prompt = capitalise(&fill(
        &info.def.ask_object,
        b.name(f.subject),
        "",
        b.is_plural(f.subject),
    ));
    let explanation = crate::engine::phrase::sentence(&say::statement_all(
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
            f.object,
            &wrong,
            |d| say::custom(b, d, f.relation),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

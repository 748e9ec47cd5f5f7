//! "Who directed the episode “Kiss”?", only where episodes differ in it.

use std::collections::{BTreeMap, BTreeSet};

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::quote;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credit {
    Directed,
    Wrote,
}

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `episodes`.
    pub episode: u32,
    pub credit: Credit,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for credit in [Credit::Directed, Credit::Wrote] {
        let people = |i: usize| {
            let e = &b.episodes[i];
            if credit == Credit::Directed {
                &e.directors
            } else {
                &e.writers
            }
        };
        // Per pack: the distinct credit lists; one list for every episode means the
        // series-level crew question covers it.
        let mut distinct: BTreeMap<u16, BTreeSet<Vec<u32>>> = BTreeMap::new();
        for i in 0..b.episodes.len() {
            distinct
                .entry(b.episodes[i].origin.pack)
                .or_default()
                .insert(people(i).clone());
        }
        for i in 0..b.episodes.len() {
            let e = &b.episodes[i];
            if people(i).is_empty() || distinct[&e.origin.pack].len() < 2 {
                continue;
            }
            out.push(Candidate {
                ask: Ask::EpisodeCredit(Cand {
                    episode: i as u32,
                    credit,
                }),
                base_difficulty: 0.3,
                origin: e.origin,
            });
        }
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(k.episode as usize)?;
    let (rel, people, verb) = match k.credit {
        Credit::Directed => (Rel::Directed, &e.directors, "directed"),
        Credit::Wrote => (Rel::Wrote, &e.writers, "wrote"),
    };
    let answer = *people.get(x.rng.random_range(0..people.len().max(1)))?;
    let crew = b
        .pool_crew_people
        .get(&c.origin.pack)
        .map_or(&[][..], |v| v.as_slice());
    let mut wrong = Vec::new();
    // People with the same credit on other episodes first: they are the plausible ones.
    x.fill_from(answer, crew, OPTIONS - 1, &mut wrong, |d| {
        !b.is_true(d, rel, 0, e.entity) && b.primary.contains_key(&(d, rel))
    });
    x.fill_from(answer, crew, OPTIONS - 1, &mut wrong, |d| {
        !b.is_true(d, rel, 0, e.entity)
    });
    let of = b
        .series(c.origin.pack)
        .map(|s| format!(" of {s}"))
        .unwrap_or_default();
    let prompt = format!("Who {verb} the episode {}{of}?", quote(b.name(e.entity)));
    let explanation = format!("{} {verb} {}.", b.name(answer), quote(b.name(e.entity)));
    let facts = vec![triple(b.name(answer), verb, b.name(e.entity))];
    Some(Draft::entities(
        b,
        prompt,
        answer,
        &wrong,
        |d| say::crew(b, d),
        explanation,
        facts,
    ))
}

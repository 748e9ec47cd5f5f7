//! "Who is the composer of Heartstopper?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::{text, with_article};
use crate::engine::validate::contains_words;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `credits`.
    pub credit: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, cr) in b.credits.iter().enumerate() {
        out.push(Candidate {
            ask: Ask::CrewPerson(Cand { credit: i as u32 }),
            base_difficulty: 0.2,
            origin: cr.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let cr = b.credits.get(k.credit as usize)?;
    // Crew among crew, actors among actors (an actor credited as producer):
    // either kind alone among the other would stand out.
    let actor = b.performers.contains(&cr.person);
    let pools: Vec<&[u32]> = if actor {
        (0..3u8)
            .filter_map(|g| b.pool_actors.get(&(c.origin.pack, g)))
            .map(|v| v.as_slice())
            .collect()
    } else {
        vec![
            b.pool_crew_people
                .get(&c.origin.pack)
                .map_or(&[][..], |v| v.as_slice()),
        ]
    };
    // Not credited in this role on any work: "an executive producer" of the film is
    // as true as one of the series for a player.
    // Nor anyone with several credits (a creator-showrunner might be argued to
    // produce), nor anyone whose credit shares a word with this one ("Executive
    // producer" beside "Producer").
    let asked = b.norm(cr.role);
    let ok = |d: u32| {
        if b.is_true(d, Rel::Credit, 0, cr.role) || b.credits_of(d) > 1 {
            return false;
        }
        b.primary.get(&(d, Rel::Credit)).is_none_or(|&(_, role)| {
            let theirs = b.norm(role);
            !contains_words(theirs, asked) && !contains_words(asked, theirs)
        })
    };
    let (wrong, same) = x.distractors(cr.person, &pools, OPTIONS - 1, ok);
    let single = b
        .credit_count
        .get(&(cr.role, cr.work_id))
        .copied()
        .unwrap_or(0)
        == 1;
    let role = with_article(b.name(cr.role), single);
    let prompt = text!("Who is ", role, " of ", cr.work, "?");
    let explanation = text!(b.name(cr.person), " is ", role, " of ", cr.work, ".");
    let facts = vec![triple(b.name(cr.person), "credited as", b.name(cr.role))];
    Some(
        Draft::entities(
            b,
            prompt,
            cr.person,
            &wrong,
            |d| say::crew(b, d).or_else(|| say::role(b, d)),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

//! "Nick and Charlie go to the seaside. In which episode of Heartstopper does
//! this happen?"

use rand::Rng;

use super::episode_title::season_pool;
use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, series_parts, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::{quote, sentence, text};
use crate::engine::validate::contains_words;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `plots`.
    pub plot: u32,
}

/// A plot fact that names its own episode's title gives the answer away.
fn askable(b: &FactBase, p: &crate::engine::facts::PlotFact) -> bool {
    !contains_words(b.norm(p.plot), b.norm(p.episode))
}

/// The episodes a plot question asks about by their story: where a pack
/// tells what happens, an episode's number or title alone is running-order
/// trivia (blind reviews rejected 8 of 9 such questions).
pub(super) fn told_episodes(b: &FactBase) -> std::collections::HashSet<u32> {
    b.plots
        .iter()
        .filter(|p| askable(b, p))
        .map(|p| p.episode)
        .collect()
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, p) in b.plots.iter().enumerate() {
        if !askable(b, p) {
            continue;
        }
        out.push(Candidate {
            ask: Ask::PlotEpisode(Cand { plot: i as u32 }),
            base_difficulty: 0.28,
            origin: p.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let p = b.plots.get(k.plot as usize)?;
    let e = &b.episodes[*b.episode_of_entity.get(&p.episode)? as usize];
    let pool = season_pool(b, c.origin.pack, e.season);
    let (wrong, same) = x.distractors(p.episode, &[pool], OPTIONS - 1, |d| {
        !b.is_true(p.plot, Rel::PlotIn, 0, d)
    });
    let [of, series] = series_parts(b, c.origin.pack, " of ");
    let prompt = text!(
        sentence(b.name(p.plot)),
        " In which episode",
        of,
        series,
        " does this happen?"
    );
    let explanation = format!(
        "It happens in {}, episode {} of {} {}.",
        quote(b.name(p.episode)),
        e.number,
        b.season_word(c.origin.pack),
        e.season
    );
    let facts = vec![triple(b.name(p.plot), "happens in", b.name(p.episode))];
    Some(
        Draft::entities(
            b,
            prompt,
            p.episode,
            &wrong,
            |d| say::episode(b, d),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

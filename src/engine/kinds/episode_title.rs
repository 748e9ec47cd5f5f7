//! "What is the title of episode 8 of the first season of Heartstopper?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::FactBase;
use crate::engine::phrase::{ordinal_word, quote};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `episodes`.
    pub episode: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    let told = super::plot_episode::told_episodes(b);
    for (i, e) in b.episodes.iter().enumerate() {
        // An opener's title announces itself ("Meet", "Pilot"): not a fair
        // question. An episode with a story is asked by its story. Running
        // order alone is asked only where the pack says the episode is worth
        // it (`interest` 3 or more): blind reviews rejected 7 of 7 others.
        if e.number == 1 || told.contains(&e.entity) || e.origin.interest.is_none_or(|i| i < 3) {
            continue;
        }
        out.push(Candidate {
            ask: Ask::EpisodeTitle(Cand { episode: i as u32 }),
            base_difficulty: 0.2,
            origin: e.origin,
        });
    }
}

/// Episodes of the same season of the same pack.
pub(super) fn season_pool(b: &FactBase, pack: u16, season: u32) -> &[u32] {
    b.pool_episodes
        .get(&(pack, season))
        .map_or(&[][..], |v| v.as_slice())
}

/// "the first season of Heartstopper", "the first series of Fawlty Towers"
/// (the pack's `season_word`), or "the first season".
pub(super) fn season_of(b: &FactBase, pack: u16, season: u32) -> String {
    let word = b.season_word(pack);
    match b.series(pack) {
        Some(s) => format!("the {} {word} of {s}", ordinal_word(season)),
        None => format!("the {} {word}", ordinal_word(season)),
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(k.episode as usize)?;
    let pool = season_pool(b, c.origin.pack, e.season);
    let (wrong, same) = x.distractors(e.entity, &[pool], OPTIONS - 1, |d| d != e.entity);
    let prompt = format!(
        "What is the title of episode {} of {}?",
        e.number,
        season_of(b, c.origin.pack, e.season)
    );
    let explanation = format!(
        "Episode {} of {} is titled {}.",
        e.number,
        season_of(b, c.origin.pack, e.season),
        quote(b.name(e.entity))
    );
    let facts = vec![triple(
        &format!(
            "{} {} episode {}",
            b.season_word(c.origin.pack),
            e.season,
            e.number
        ),
        "is titled",
        b.name(e.entity),
    )];
    let d = Draft::entities(
        b,
        prompt,
        e.entity,
        &wrong,
        |d| say::episode(b, d),
        explanation,
        facts,
    )
    .same_group(same);
    Some(d)
}

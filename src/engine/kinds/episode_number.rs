//! "Which episode of the first season of Heartstopper is titled “Secret”?"

use rand::Rng;

use super::episode_title::{season_of, season_pool};
use super::{Ask, Candidate, Ctx, Draft, OPTIONS, Said, say, triple};
use crate::engine::facts::FactBase;
use crate::engine::phrase::quote;

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
            ask: Ask::EpisodeNumber(Cand { episode: i as u32 }),
            base_difficulty: 0.15,
            origin: e.origin,
        });
    }
}

fn label(b: &FactBase, ep: u32) -> String {
    b.episode_of_entity.get(&ep).map_or_else(String::new, |&i| {
        format!("Episode {}", b.episodes[i as usize].number)
    })
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(k.episode as usize)?;
    let pool = season_pool(b, c.origin.pack, e.season);
    let (wrong, same) = x.distractors(e.entity, &[pool], OPTIONS - 1, |d| d != e.entity);
    let prompt = format!(
        "Which episode of {} is titled {}?",
        season_of(b, c.origin.pack, e.season),
        quote(b.name(e.entity))
    );
    let explanation = format!(
        "{} is episode {} of {}.",
        quote(b.name(e.entity)),
        e.number,
        season_of(b, c.origin.pack, e.season)
    );
    let mut wrong_labels: Vec<(u32, String)> = wrong.iter().map(|&w| (w, label(b, w))).collect();
    wrong_labels.sort_by_key(|(w, _)| b.horizons[*w as usize]);
    Some(
        Draft::text::<Said>(
            prompt,
            label(b, e.entity),
            wrong_labels
                .into_iter()
                .map(|(w, l)| (l, say::episode(b, w)))
                .collect::<Vec<_>>(),
            explanation,
            vec![triple(
                b.name(e.entity),
                "is episode",
                &e.number.to_string(),
            )],
        )
        .same_group(same),
    )
}

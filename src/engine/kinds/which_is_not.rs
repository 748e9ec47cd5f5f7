//! "Which of these pieces from the score is NOT by Adiescar Chase?": three
//! tracks by one artist and one from the same album that is not.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, MAX_TRIES, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::quote;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `artist_albums`.
    pub pair: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, &(artist, album)) in b.artist_albums.iter().enumerate() {
        let mine = b.artist_tracks.get(&(artist, album)).map_or(0, |v| v.len());
        let all = b.pool_tracks.get(&album).map_or(0, |v| v.len());
        if mine < OPTIONS - 1 || all == mine {
            continue;
        }
        let first = b.artist_tracks[&(artist, album)][0];
        out.push(Candidate {
            ask: Ask::WhichIsNot(Cand { pair: i as u32 }),
            base_difficulty: 0.3,
            origin: b.tracks[b.track_index[&first] as usize].origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let &(artist, album) = b.artist_albums.get(k.pair as usize)?;
    let mine = b.artist_tracks.get(&(artist, album))?;
    let pool = b.pool_tracks.get(&album)?;
    let mut odd = None;
    for _ in 0..MAX_TRIES {
        let t = pool[x.rng.random_range(0..pool.len())];
        if !b.is_true(t, Rel::TrackBy, 0, artist) && x.visible(t) {
            odd = Some(t);
            break;
        }
    }
    let odd = odd?;
    let (wrong, _) = x.distractors(odd, &[mine], OPTIONS - 1, |d| {
        b.is_true(d, Rel::TrackBy, 0, artist)
    });
    let prompt = format!(
        "Which of these songs on {} is NOT by {}?",
        say::album_label(b, album),
        b.name(artist)
    );
    let explanation = format!(
        "{} is not by {}; the other three are.",
        quote(b.name(odd)),
        b.name(artist)
    );
    let facts = vec![triple(b.name(odd), "not performed by", b.name(artist))];
    Some(
        Draft::entities(
            b,
            prompt,
            odd,
            &wrong,
            |d| say::track(b, d),
            explanation,
            facts,
        )
        .same_group(OPTIONS - 1),
    )
}

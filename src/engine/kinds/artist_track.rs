//! "Which of these songs on the Official Mixtape is by Baby Queen?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::text;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `artist_albums`.
    pub pair: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, &(artist, album)) in b.artist_albums.iter().enumerate() {
        let mine = b.artist_tracks.get(&(artist, album)).map_or(0, |v| v.len());
        let all = b.pool_tracks.get(&album).map_or(0, |v| v.len());
        // Needs three tracks on the album by someone else.
        if all < mine + OPTIONS - 1 {
            continue;
        }
        let Some(&first) = b
            .artist_tracks
            .get(&(artist, album))
            .and_then(|v| v.first())
        else {
            continue;
        };
        let t = &b.tracks[b.track_index[&first] as usize];
        if !t.own_artists {
            continue;
        }
        out.push(Candidate {
            ask: Ask::ArtistTrack(Cand { pair: i as u32 }),
            base_difficulty: 0.25,
            origin: t.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let &(artist, album) = b.artist_albums.get(k.pair as usize)?;
    let mine = b.artist_tracks.get(&(artist, album))?;
    let answer = mine[x.rng.random_range(0..mine.len())];
    let pool = b.pool_tracks.get(&album).map_or(&[][..], |v| v.as_slice());
    let (wrong, same) = x.distractors(answer, &[pool], OPTIONS - 1, |d| {
        !b.is_true(d, Rel::TrackBy, 0, artist)
    });
    let prompt = text!(
        "Which of these songs on ",
        say::album_label(b, album),
        " is by ",
        b.name(artist),
        "?"
    );
    let explanation = text!("“", b.name(answer), "” is by ", b.name(artist), ".");
    let facts = vec![triple(b.name(answer), "performed by", b.name(artist))];
    Some(
        Draft::entities(
            b,
            prompt,
            answer,
            &wrong,
            |d| say::track(b, d),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

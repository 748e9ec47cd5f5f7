//! "Which of these tracks is from the score, not the Official Mixtape?": one
//! track of an album among three of another, with the split said.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::quote;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// The track asked for (an entity).
    pub track: u32,
    /// The album the three others come from.
    pub other: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for t in &b.tracks {
        // A score beside a mixtape gives itself away by its titles ("Rugby Match"
        // among pop songs): only albums of one nature (one artist, or many) meet.
        let compilation = |album: u32| {
            b.pool_album_artists
                .get(&album)
                .is_some_and(|v| v.len() > 1)
        };
        let other = b.albums.iter().find(|a| {
            a.origin.pack == t.origin.pack
                && a.entity != t.album
                && compilation(a.entity) == compilation(t.album)
                && b.pool_tracks
                    .get(&a.entity)
                    .is_some_and(|v| v.len() >= OPTIONS - 1)
        });
        if let Some(other) = other {
            out.push(Candidate {
                ask: Ask::OddOneOut(Cand {
                    track: t.entity,
                    other: other.entity,
                }),
                base_difficulty: 0.3,
                origin: t.origin,
            });
        }
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let home = b.tracks[*b.track_index.get(&k.track)? as usize].album;
    let pool = b.pool_tracks.get(&k.other)?;
    let (wrong, _) = x.distractors(k.track, &[pool], OPTIONS - 1, |d| {
        b.is_true(d, Rel::TrackOn, 0, k.other) && !b.is_true(d, Rel::TrackOn, 0, home)
    });
    let (home_label, other_label) = (say::album_label(b, home), say::album_label(b, k.other));
    let prompt = format!("Which of these tracks is on {home_label}, not {other_label}?");
    let explanation = format!(
        "{} is on {home_label}; the others are on {other_label}.",
        quote(b.name(k.track))
    );
    let facts = vec![triple(b.name(k.track), "is on", b.name(home))];
    Some(
        Draft::entities(
            b,
            prompt,
            k.track,
            &wrong,
            |d| say::track(b, d),
            explanation,
            facts,
        )
        .same_group(OPTIONS - 1),
    )
}

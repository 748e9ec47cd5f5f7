//! "Who performs “Girls” on the Official Mixtape?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::{quote, text};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `tracks`.
    pub track: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, t) in b.tracks.iter().enumerate() {
        // Album-wide artists make "who performs" trivial: every track has the same answer.
        if t.own_artists {
            out.push(Candidate {
                ask: Ask::TrackArtist(Cand { track: i as u32 }),
                base_difficulty: 0.2,
                origin: t.origin,
            });
        }
    }
}

fn artist_fact(b: &FactBase, artist: u32, album: u32) -> Option<say::Said> {
    // Written once at build for the artist's first album (true on any album).
    if let Some(s) = b.said.get(&(artist, say::ARTIST)) {
        return Some(s.clone());
    }
    artist_text(b, artist, album).map(Into::into)
}

/// "Girl in Red performs “Girls”": one of the artist's tracks on the album.
pub(super) fn artist_text(b: &FactBase, artist: u32, album: u32) -> Option<String> {
    let tracks = b.artist_tracks.get(&(artist, album))?;
    Some(format!(
        "{} {} {}",
        b.name(artist),
        if b.is_plural(artist) {
            "perform"
        } else {
            "performs"
        },
        quote(b.name(*tracks.first()?))
    ))
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let t = b.tracks.get(k.track as usize)?;
    let answer = *t
        .artists
        .get(x.rng.random_range(0..t.artists.len().max(1)))?;
    let album_pool = b
        .pool_album_artists
        .get(&t.album)
        .map_or(&[][..], |v| v.as_slice());
    let (wrong, same) = x.distractors(answer, &[album_pool, &b.pool_artists], OPTIONS - 1, |d| {
        !b.is_true(t.entity, Rel::TrackBy, 0, d)
    });
    let on = say::album_label(b, t.album);
    let prompt = if t.artists.len() > 1 {
        text!(
            "Which of these artists performs on “",
            b.name(t.entity),
            "” from ",
            on,
            "?"
        )
    } else {
        text!("Who performs “", b.name(t.entity), "” on ", on, "?")
    };
    let verb = if b.is_plural(answer) {
        "perform"
    } else {
        "performs"
    };
    let explanation = text!(b.name(answer), " ", verb, " “", b.name(t.entity), "”.");
    let facts = vec![triple(b.name(t.entity), "performed by", b.name(answer))];
    Some(
        Draft::entities(
            b,
            prompt,
            answer,
            &wrong,
            |d| artist_fact(b, d, t.album),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

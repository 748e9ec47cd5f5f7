//! `albums` and `tracks`.

use super::PackCx;
use crate::engine::facts::{AlbumFact, EKind, FactBase, Rel, TrackFact};
use crate::engine::phrase::quote;
use crate::engine::text::parse_date;

pub(super) fn albums(base: &mut FactBase, cx: &mut PackCx) {
    for x in &cx.pack.albums {
        let e = base.intern(EKind::Album, cx.scoped(&x.id), &x.title);
        cx.ids.insert(&x.id, e);
        if let Some(d) = x.released.as_deref().and_then(parse_date) {
            base.latest_year = base.latest_year.max(d.year);
        }
        base.album_index.insert(e, base.albums.len() as u32);
        base.albums.push(AlbumFact {
            entity: e,
            label: x.label.clone().unwrap_or_else(|| quote(&x.title)),
            origin: cx.origin(&x.source, 0),
        });
    }
    for x in &cx.pack.albums {
        let Some(album) = cx.entity(&x.id) else {
            continue;
        };
        for a in &x.artists {
            if let Some(artist) = cx.entity(a) {
                base.assert_fact(album, Rel::TrackBy, 0, artist);
            }
        }
    }
}

pub(super) fn tracks(base: &mut FactBase, cx: &PackCx) {
    let album_artists: std::collections::HashMap<&str, Vec<u32>> = cx
        .pack
        .albums
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.artists.iter().filter_map(|id| cx.entity(id)).collect(),
            )
        })
        .collect();
    for x in &cx.pack.tracks {
        let Some(album) = cx.entity(&x.album) else {
            continue;
        };
        let track = base.intern(
            EKind::Track,
            cx.scoped(&format!("{}/{}", x.album, x.number)),
            &x.title,
        );
        let own: Vec<u32> = x.artists.iter().filter_map(|a| cx.entity(a)).collect();
        let own_artists = !own.is_empty();
        let artists = if own_artists {
            own
        } else {
            album_artists
                .get(x.album.as_str())
                .cloned()
                .unwrap_or_default()
        };
        base.assert_fact(track, Rel::TrackOn, 0, album);
        for &a in &artists {
            base.assert_fact(track, Rel::TrackBy, 0, a);
            // Pools are deduplicated once in `finish`, not per push (that would be quadratic).
            base.pool_album_artists.entry(album).or_default().push(a);
            base.pool_artists.push(a);
            let list = base.artist_tracks.entry((a, album)).or_default();
            if list.is_empty() {
                base.artist_albums.push((a, album));
            }
            list.push(track);
        }
        base.pool_tracks.entry(album).or_default().push(track);
        base.track_index.insert(track, base.tracks.len() as u32);
        base.tracks.push(TrackFact {
            entity: track,
            album,
            artists,
            own_artists,
            origin: cx.origin(&x.source, 0).with_interest(x.interest),
        });
    }
}

//! One true fact about an option, in words, shown beside it on the reveal
//! ("Joe Locke plays Charlie Spring"); shared by the kinds whose options are
//! of the same type.

use std::collections::HashMap;

use crate::engine::facts::{EKind, FactBase, FastHash, Rel};
use crate::engine::phrase::{capitalise, fill, quote, with_article};

/// Which fact of an entity `said` holds.
pub(crate) const ROLE: u8 = 0;
pub(crate) const TRACK: u8 = 1;
pub(crate) const EPISODE: u8 = 2;
pub(crate) const CREW: u8 = 3;
pub(crate) const PLACE: u8 = 4;
pub(crate) const ARTIST: u8 = 5;

/// Every option's own fact, written once when the fact base is built: a
/// question then copies four strings instead of formatting them.
pub fn said_facts(b: &FactBase) -> HashMap<(u32, u8), Said, FastHash> {
    let mut out: HashMap<(u32, u8), Said, FastHash> = HashMap::default();
    let mut put = |e: u32, kind: u8, f: fn(&FactBase, u32) -> Option<String>| {
        if let std::collections::hash_map::Entry::Vacant(v) = out.entry((e, kind))
            && let Some(text) = f(b, e)
        {
            v.insert(text.into());
        }
    };
    for r in &b.roles {
        put(r.actor, ROLE, role_text);
        put(r.character, ROLE, role_text);
    }
    for t in &b.tracks {
        put(t.entity, TRACK, track_text);
    }
    for e in &b.episodes {
        put(e.entity, EPISODE, episode_text);
    }
    for c in &b.credits {
        put(c.person, CREW, crew_text);
        put(c.role, CREW, crew_text);
    }
    for p in &b.places {
        put(p.place, PLACE, place_text);
        put(p.scene, PLACE, place_text);
    }
    for &(artist, album) in &b.artist_albums {
        if let std::collections::hash_map::Entry::Vacant(v) = out.entry((artist, ARTIST))
            && let Some(text) = super::track_artist::artist_text(b, artist, album)
        {
            v.insert(text.into());
        }
    }
    out
}

/// An option's fact, shared: a question holds it without copying the text.
pub type Said = std::sync::Arc<str>;

fn memo(b: &FactBase, e: u32, kind: u8, f: fn(&FactBase, u32) -> Option<String>) -> Option<Said> {
    match b.said.get(&(e, kind)) {
        Some(s) => Some(s.clone()),
        None => f(b, e).map(Into::into),
    }
}

/// "Kit Connor plays Nick Nelson" for an actor or a character.
pub fn role(b: &FactBase, e: u32) -> Option<Said> {
    memo(b, e, ROLE, role_text)
}

/// "“Girls” by Girl in Red is on the Official Mixtape".
pub fn track(b: &FactBase, t: u32) -> Option<Said> {
    memo(b, t, TRACK, track_text)
}

/// "“Kiss” is season 1, episode 3".
pub fn episode(b: &FactBase, ep: u32) -> Option<Said> {
    memo(b, ep, EPISODE, episode_text)
}

/// "Euros Lyn was a director" for a person or a role.
pub fn crew(b: &FactBase, e: u32) -> Option<Said> {
    memo(b, e, CREW, crew_text)
}

/// "Harry's party was filmed at Hampton Court House".
pub fn place(b: &FactBase, e: u32) -> Option<Said> {
    memo(b, e, PLACE, place_text)
}

fn role_text(b: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = b.primary.get(&(e, Rel::Plays))?;
    let (actor, character) = if b.kinds[e as usize] == EKind::Person {
        (e, other)
    } else {
        (other, e)
    };
    Some(format!("{} plays {}", b.name(actor), b.name(character)))
}

fn track_text(b: &FactBase, track: u32) -> Option<String> {
    let t = &b.tracks[*b.track_index.get(&track)? as usize];
    let artists: Vec<&str> = t.artists.iter().map(|&a| b.name(a)).collect();
    let by = if artists.is_empty() {
        String::new()
    } else {
        format!(" by {}", crate::engine::phrase::list(&artists))
    };
    Some(format!(
        "{}{by} is on {}",
        quote(b.name(track)),
        album_label(b, t.album)
    ))
}

/// The album in running text.
pub fn album_label(b: &FactBase, album: u32) -> String {
    b.album_index.get(&album).map_or_else(
        || quote(b.name(album)),
        |&i| b.albums[i as usize].label.clone(),
    )
}

fn episode_text(b: &FactBase, ep: u32) -> Option<String> {
    let e = &b.episodes[*b.episode_of_entity.get(&ep)? as usize];
    Some(format!(
        "{} is {} {}, episode {}",
        quote(b.name(ep)),
        b.season_word(e.origin.pack),
        e.season,
        e.number
    ))
}

fn crew_text(b: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = b.primary.get(&(e, Rel::Credit))?;
    let (person, role) = if b.kinds[e as usize] == EKind::Person {
        (e, other)
    } else {
        (other, e)
    };
    Some(format!(
        "{} was {}",
        b.name(person),
        with_article(b.name(role), false)
    ))
}

fn place_text(b: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = b.primary.get(&(e, Rel::FilmedAt))?;
    let (scene, place) = if b.kinds[e as usize] == EKind::Scene {
        (e, other)
    } else {
        (other, e)
    };
    let at = b
        .place_row
        .get(&scene)
        .map(|&i| &b.places[i as usize])
        .filter(|p| p.place == place)
        .map_or_else(|| format!("at {}", b.name(place)), |p| p.at.clone());
    Some(format!("{} was filmed {at}", capitalise(b.name(scene))))
}

/// The statement of one fact of relation `rel` about `e`, from either end.
pub fn custom(b: &FactBase, e: u32, rel: u32) -> Option<String> {
    let info = b.relations.get(rel as usize)?;
    let f = &b.custom[*b.custom_at.get(&(e, rel))? as usize];
    Some(statement(b, &info.def.statement, f.subject, f.object))
}

/// A relation's statement for one fact, agreeing with its subject.
pub fn statement(b: &FactBase, template: &str, s: u32, o: u32) -> String {
    capitalise(&fill(template, b.name(s), b.name(o), b.is_plural(s)))
}

/// A relation's statement with every object the subject has ("Eris was
/// discovered by Michael E. Brown, Chad Trujillo and David Rabinowitz").
pub fn statement_all(b: &FactBase, template: &str, s: u32, rel: u32) -> String {
    capitalise(&fill(
        template,
        b.name(s),
        &objects_of(b, s, rel),
        b.is_plural(s),
    ))
}

/// "A, B and C": the names of what `s` relates to under `rel` (at most 8).
pub fn objects_of(b: &FactBase, s: u32, rel: u32) -> String {
    let objects: Vec<&str> = b
        .attributes
        .get(&s)
        .map(|a| {
            a.iter()
                .filter(|&&(r, _)| r == rel)
                .take(8)
                .map(|&(_, o)| b.name(o))
                .collect()
        })
        .unwrap_or_default();
    crate::engine::phrase::list(&objects)
}

/// Two characters a fan would group together: one family name ("Tao Xu",
/// "Yan Xu") or a word of their descriptions ("Nick's father", "Charlie and
/// Tori's father").
pub fn characters_alike(b: &FactBase, x: u32, y: u32) -> bool {
    let (Some(px), Some(py)) = (b.profile.get(x as usize), b.profile.get(y as usize)) else {
        return false;
    };
    (px.family != 0 && px.family == py.family) || px.description & py.description != 0
}

/// The words of a description that say who a character is ("father", "Charlie").
pub fn telling_words(description: &str) -> Vec<String> {
    const PLAIN: &[&str] = &[
        "character",
        "student",
        "school",
        "season",
        "introduced",
        "friend",
        "friends",
        "year",
        "with",
        "from",
        "their",
        "about",
        "who",
    ];
    crate::engine::text::normalise(description)
        .split(' ')
        .filter(|w| w.len() >= 4 && !PLAIN.contains(w))
        .map(str::to_string)
        .collect()
}

/// A word as a number (FNV-1a), for sets of words compared in one step.
pub fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The family name in a normalised character name: its last word, when the
/// name has a given name before it ("tao xu" → "xu"; not "mr ajayi").
pub fn family_name(name: &str) -> Option<&str> {
    let first = name.split(' ').next()?;
    let last = name.rsplit(' ').next()?;
    (last != first && last.len() >= 3 && title(first).is_none()).then_some(last)
}

/// A title before a name ("mr", "coach"), as normalised.
pub fn title(word: &str) -> Option<&str> {
    matches!(
        word,
        "mr" | "mrs" | "ms" | "miss" | "dr" | "coach" | "headmaster" | "headmistress"
    )
    .then_some(word)
}

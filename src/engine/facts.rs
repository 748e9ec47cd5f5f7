//! The fact base: every loaded pack compiled into interned entities, a set of
//! true triples for verifying distractors, pools of same-type candidates, and
//! the list of question candidates. Built once; generation then costs O(1)
//! per question whatever the pack size.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::model::*;
use super::question::QuestionKind;
use super::text::{Date, normalise, parse_date, parse_duration};
use super::validate::contains_words;

/// What an interned entity is; distractors always share the answer's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EKind {
    Person,
    Character,
    Episode,
    Album,
    Track,
    Category,
    Nomination,
    Work,
    CrewRole,
    Place,
    Scene,
    Plot,
    Event,
    Custom(u32),
}

/// Relations in the truth set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Rel {
    Plays,
    PlotIn,
    Directed,
    Wrote,
    /// nominee → nomination, param = 1 when won
    NominatedFor,
    /// nominee, param = ceremony+year key → category
    CategoryAt,
    /// nomination won, param = slot key → winner
    WonSlot,
    TrackBy,
    TrackOn,
    Credit,
    FilmedAt,
    InGroup,
    Custom,
}

/// Season·episode as one sortable number (0 = no spoiler).
pub type Horizon = u32;

pub fn horizon(season: u32, episode: u32) -> Horizon {
    season.saturating_mul(1000).saturating_add(episode)
}

#[derive(Debug, Clone)]
pub struct PackInfo {
    pub meta: Meta,
    pub facts: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub kind: QuestionKind,
    pub a: u32,
    pub b: u32,
    pub base_difficulty: f32,
    pub horizon: Horizon,
    pub pack: u16,
    pub source: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct RoleFact {
    pub actor: u32,
    pub character: u32,
    pub group: Group,
    pub voice: bool,
    pub cameo: bool,
}

#[derive(Debug, Clone)]
pub struct EpisodeFact {
    pub entity: u32,
    pub season: u32,
    pub number: u32,
    pub directors: Vec<u32>,
    pub writers: Vec<u32>,
    pub pack: u16,
    pub source: u32,
}

#[derive(Debug, Clone)]
pub struct AwardFact {
    pub year: i32,
    pub ceremony: String,
    pub category: u32,
    pub nomination: u32,
    pub nominees: Vec<u32>,
    pub result: AwardResult,
    pub slot: u32,
    pub ceremony_key: u32,
}

#[derive(Debug, Clone)]
pub struct TrackFact {
    pub entity: u32,
    pub album: u32,
    pub artists: Vec<u32>,
    pub seconds: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
pub struct CreditFact {
    pub role: u32,
    pub person: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct PlaceFact {
    pub place: u32,
    pub scene: u32,
    pub location: Option<u32>,
    pub episode: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct NumberFact {
    pub name: String,
    pub value: f64,
    pub unit: String,
    pub precision: u8,
}

#[derive(Debug, Clone)]
pub struct EventFact {
    pub event: String,
    pub date: Date,
}

#[derive(Debug, Clone, Copy)]
pub struct CustomFactRow {
    pub subject: u32,
    pub relation: u32,
    pub object: u32,
}

#[derive(Debug, Clone)]
pub struct RelationInfo {
    pub def: RelationDef,
    pub subject_kind: EKind,
    pub object_kind: EKind,
}

/// Everything the generator needs, compiled from one or more packs.
#[derive(Debug, Default)]
pub struct FactBase {
    pub packs: Vec<PackInfo>,
    pub sources: Vec<String>,
    pub names: Vec<String>,
    pub norms: Vec<String>,
    pub kinds: Vec<EKind>,
    pub horizons: Vec<Horizon>,
    /// Main/recurring/guest prominence per entity (characters and their actors).
    pub prominence: Vec<u8>,
    /// Short description per entity (characters), used in explanations.
    pub descriptions: HashMap<u32, String>,
    keys: HashMap<(EKind, String), u32>,
    truth: HashSet<(u32, Rel, u32, u32), FastHash>,
    /// A representative true fact per (entity, relation), for "its own true fact".
    pub primary: HashMap<(u32, Rel), (u32, u32), FastHash>,
    pub series_name: Vec<Option<String>>,
    pub custom_kinds: Vec<String>,

    pub roles: Vec<RoleFact>,
    pub episodes: Vec<EpisodeFact>,
    pub episode_of_entity: HashMap<u32, u32, FastHash>,
    pub plots: Vec<(u32, u32)>,
    pub awards: Vec<AwardFact>,
    pub nominee_nominations: BTreeMap<u32, Vec<u32>>,
    pub tracks: Vec<TrackFact>,
    pub credits: Vec<CreditFact>,
    pub places: Vec<PlaceFact>,
    pub numbers: Vec<NumberFact>,
    pub events: Vec<EventFact>,
    pub custom: Vec<CustomFactRow>,
    pub relations: Vec<RelationInfo>,
    pub handwritten: Vec<HandWritten>,

    pub pool_actors: [Vec<u32>; 3],
    pub pool_characters: BTreeMap<(u16, u8), Vec<u32>>,
    pub pool_episodes: BTreeMap<(u16, u32), Vec<u32>>,
    pub pool_tracks: BTreeMap<u32, Vec<u32>>,
    pub pool_album_artists: BTreeMap<u32, Vec<u32>>,
    pub pool_artists: Vec<u32>,
    pub pool_crew_people: Vec<u32>,
    pub pool_crew_roles: Vec<u32>,
    pub pool_places: Vec<u32>,
    pub pool_scenes: Vec<u32>,
    pub pool_categories: Vec<u32>,
    pub pool_award_people: Vec<u32>,
    pub pool_works: Vec<u32>,
    pub artist_tracks: BTreeMap<(u32, u32), Vec<u32>>,
    pub track_index: HashMap<u32, u32, FastHash>,
    pub artist_albums: Vec<(u32, u32)>,
    pub latest_year: i32,
    /// Actors and characters whose horizon has been set by a role.
    cast_seen: HashSet<u32>,
    /// Actors whose prominence has been set by a role.
    actors_seen: HashSet<u32>,
    /// Event indices of each pack, for timeline questions.
    pub event_ranges: Vec<std::ops::Range<u32>>,
    /// Every person, for custom relations whose objects are people.
    pub pool_people: Vec<u32>,
    /// Every entity by kind, for custom relations over people, characters, episodes, albums.
    pub pool_by_kind: BTreeMap<EKind, Vec<u32>>,

    pub candidates: Vec<Candidate>,
}

impl FactBase {
    /// Compiles validated packs. Packs are assumed valid (see `validate`);
    /// anything unresolved is skipped rather than trusted.
    pub fn build<'a>(packs: impl IntoIterator<Item = &'a Pack>) -> FactBase {
        let mut base = FactBase::default();
        for pack in packs {
            base.add_pack(pack);
        }
        base.finish();
        base
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn is_true(&self, subject: u32, rel: Rel, param: u32, object: u32) -> bool {
        self.truth.contains(&(subject, rel, param, object))
    }

    pub fn name(&self, e: u32) -> &str {
        &self.names[e as usize]
    }

    pub fn norm(&self, e: u32) -> &str {
        &self.norms[e as usize]
    }

    fn intern(&mut self, kind: EKind, key: String, name: &str) -> u32 {
        if let Some(&e) = self.keys.get(&(kind, key.clone())) {
            return e;
        }
        let e = self.names.len() as u32;
        self.names.push(name.to_string());
        self.norms.push(normalise(name));
        self.kinds.push(kind);
        self.horizons.push(0);
        self.prominence.push(0);
        self.keys.insert((kind, key), e);
        e
    }

    fn assert_fact(&mut self, s: u32, rel: Rel, param: u32, o: u32) {
        self.truth.insert((s, rel, param, o));
        self.primary.entry((s, rel)).or_insert((param, o));
        self.primary.entry((o, rel)).or_insert((param, s));
    }

    fn add_pack(&mut self, pack: &Pack) {
        let p = self.packs.len() as u16;
        let pid = pack.meta.id.clone();
        self.packs.push(PackInfo {
            meta: pack.meta.clone(),
            facts: super::validate::fact_count(pack),
        });
        self.series_name.push(pack.meta.series.clone());
        let mut source_of: HashMap<&str, u32> = HashMap::new();
        for s in &pack.meta.sources {
            source_of.insert(&s.id, self.sources.len() as u32);
            self.sources.push(s.title.clone());
        }
        let no_source = self.sources.len() as u32;
        self.sources
            .push(format!("{} (no source given)", pack.meta.title));
        let src = |id: &str| source_of.get(id).copied().unwrap_or(no_source);

        // Entities by id. People are shared across packs by name; everything
        // else is scoped to its pack.
        let mut ent: HashMap<&str, u32> = HashMap::new();
        for x in &pack.people {
            let e = self.intern(EKind::Person, normalise(&x.name), &x.name);
            for a in &x.aliases {
                self.keys.entry((EKind::Person, normalise(a))).or_insert(e);
            }
            ent.insert(&x.id, e);
            self.pool_people.push(e);
        }
        for x in &pack.characters {
            let e = self.intern(
                EKind::Character,
                format!("{pid}/{}", normalise(&x.name)),
                &x.name,
            );
            for a in &x.aliases {
                self.keys
                    .entry((EKind::Character, format!("{pid}/{}", normalise(a))))
                    .or_insert(e);
            }
            self.prominence[e as usize] = x.group as u8;
            if let Some(d) = &x.description {
                self.descriptions.insert(e, d.clone());
            }
            ent.insert(&x.id, e);
        }
        for x in &pack.episodes {
            let e = self.intern(
                EKind::Episode,
                format!("{pid}/{}/{}", x.season, x.number),
                &x.title,
            );
            self.horizons[e as usize] = horizon(x.season, x.number);
            ent.insert(&x.id, e);
        }
        for x in &pack.albums {
            let e = self.intern(EKind::Album, format!("{pid}/{}", x.id), &x.title);
            ent.insert(&x.id, e);
        }
        for x in &pack.entities {
            let kind_index = match self.custom_kinds.iter().position(|k| *k == x.kind) {
                Some(i) => i as u32,
                None => {
                    self.custom_kinds.push(x.kind.clone());
                    (self.custom_kinds.len() - 1) as u32
                }
            };
            let kind = EKind::Custom(kind_index);
            let e = self.intern(kind, format!("{pid}/{}", normalise(&x.name)), &x.name);
            for a in &x.aliases {
                self.keys
                    .entry((kind, format!("{pid}/{}", normalise(a))))
                    .or_insert(e);
            }
            ent.insert(&x.id, e);
        }
        let series_e = pack
            .meta
            .series
            .as_deref()
            .map(|s| self.intern(EKind::Work, format!("{pid}/series"), s));
        let push = |base: &mut FactBase, kind, a: u32, b: u32, d: f32, h: Horizon, s: u32| {
            base.candidates.push(Candidate {
                kind,
                a,
                b,
                base_difficulty: d,
                horizon: h,
                pack: p,
                source: s,
            });
        };

        // Roles.
        let group_of: HashMap<&str, Group> = pack
            .characters
            .iter()
            .map(|c| (c.id.as_str(), c.group))
            .collect();
        for x in &pack.roles {
            let (Some(&actor), Some(&character)) =
                (ent.get(x.actor.as_str()), ent.get(x.character.as_str()))
            else {
                continue;
            };
            let group = group_of
                .get(x.character.as_str())
                .copied()
                .unwrap_or(Group::Guest);
            let first_season = x.seasons.iter().copied().min().unwrap_or(1);
            let h = if first_season > 1 {
                horizon(first_season, 1)
            } else {
                0
            };
            // An entity is visible from its earliest role (0 = from the start).
            for e in [actor, character] {
                let first = self.cast_seen.insert(e);
                let he = &mut self.horizons[e as usize];
                *he = if first { h } else { (*he).min(h) };
            }
            let prom = &mut self.prominence[actor as usize];
            *prom = if self.actors_seen.insert(actor) {
                group as u8
            } else {
                (*prom).min(group as u8)
            };
            self.assert_fact(actor, Rel::Plays, 0, character);
            self.assert_fact(character, Rel::InGroup, p as u32, group as u8 as u32);
            let i = self.roles.len() as u32;
            self.roles.push(RoleFact {
                actor,
                character,
                group,
                voice: x.voice,
                cameo: x.cameo,
            });
            self.pool_characters
                .entry((p, group as u8))
                .or_default()
                .push(character);
            let d = 0.15 + 0.25 * group as u8 as f32;
            push(
                self,
                QuestionKind::ActorOfCharacter,
                i,
                0,
                d,
                h,
                src(&x.source),
            );
            push(
                self,
                QuestionKind::CharacterOfActor,
                i,
                0,
                d + 0.05,
                h,
                src(&x.source),
            );
        }
        for x in &pack.characters {
            if let Some(&e) = ent.get(x.id.as_str()) {
                self.assert_fact(e, Rel::InGroup, p as u32, x.group as u8 as u32);
            }
        }

        // Episodes and plot facts.
        for x in &pack.episodes {
            let Some(&e) = ent.get(x.id.as_str()) else {
                continue;
            };
            let directors: Vec<u32> = x
                .directors
                .iter()
                .filter_map(|d| ent.get(d.as_str()).copied())
                .collect();
            let writers: Vec<u32> = x
                .writers
                .iter()
                .filter_map(|d| ent.get(d.as_str()).copied())
                .collect();
            for &d in &directors {
                self.assert_fact(d, Rel::Directed, 0, e);
            }
            for &w in &writers {
                self.assert_fact(w, Rel::Wrote, 0, e);
            }
            let i = self.episodes.len() as u32;
            self.episode_of_entity.insert(e, i);
            self.episodes.push(EpisodeFact {
                entity: e,
                season: x.season,
                number: x.number,
                directors,
                writers,
                pack: p,
                source: src(&x.source),
            });
            self.pool_episodes.entry((p, x.season)).or_default().push(e);
            let h = horizon(x.season, x.number);
            let s = src(&x.source);
            push(
                self,
                QuestionKind::EpisodeTitle,
                i,
                0,
                0.35 + 0.02 * x.number as f32,
                h,
                s,
            );
            push(
                self,
                QuestionKind::EpisodeNumber,
                i,
                0,
                0.45 + 0.02 * x.number as f32,
                h,
                s,
            );
            let title = normalise(&x.title);
            for (k, plot) in x.plot.iter().enumerate() {
                let pe = self.intern(
                    EKind::Plot,
                    format!("{pid}/{}/{k}/{}", x.id, normalise(plot)),
                    plot,
                );
                self.horizons[pe as usize] = h;
                self.assert_fact(pe, Rel::PlotIn, 0, e);
                // A plot fact that names its own episode's title gives the answer away.
                if contains_words(&normalise(plot), &title) {
                    continue;
                }
                let pi = self.plots.len() as u32;
                self.plots.push((pe, e));
                push(self, QuestionKind::PlotEpisode, pi, 0, 0.5, h, s);
            }
        }
        // Episode credits only where they vary between episodes of the pack;
        // otherwise the series-level crew question covers them.
        for (credit, field) in [(0u32, 0usize), (1, 1)] {
            let eps: Vec<u32> = (0..self.episodes.len() as u32)
                .filter(|&i| self.episodes[i as usize].pack == p)
                .collect();
            let people = |e: &EpisodeFact| {
                if field == 0 {
                    e.directors.clone()
                } else {
                    e.writers.clone()
                }
            };
            let distinct: HashSet<Vec<u32>> = eps
                .iter()
                .map(|&i| people(&self.episodes[i as usize]))
                .collect();
            if distinct.len() > 1 {
                for i in eps {
                    let ep = &self.episodes[i as usize];
                    if people(ep).is_empty() {
                        continue;
                    }
                    let h = horizon(ep.season, ep.number);
                    let s = ep.source;
                    push(self, QuestionKind::EpisodeCredit, i, credit, 0.6, h, s);
                }
            }
        }

        // Awards.
        let first_award = self.awards.len();
        for x in &pack.awards {
            let ceremony_key = self.intern(
                EKind::Work,
                format!("ceremony/{}/{}", x.year, normalise(&x.ceremony)),
                &x.ceremony,
            );
            let category = self.intern(EKind::Category, normalise(&x.category), &x.category);
            let slot_name = format!("{} ({} {})", x.category, x.ceremony, x.year);
            let slot = self.intern(
                EKind::Work,
                format!(
                    "slot/{}/{}/{}",
                    x.year,
                    normalise(&x.ceremony),
                    normalise(&x.category)
                ),
                &slot_name,
            );
            let nomination = self.intern(
                EKind::Nomination,
                format!(
                    "{pid}/{}/{}/{}/{:?}",
                    x.year,
                    normalise(&x.ceremony),
                    normalise(&x.category),
                    x.nominees
                ),
                &slot_name,
            );
            let mut nominees = Vec::new();
            for n in &x.nominees {
                let e = match n {
                    Nominee::Series => series_e,
                    Nominee::Person(id) => ent.get(id.as_str()).copied(),
                    Nominee::Work(w) => Some(self.intern(EKind::Work, normalise(w), w)),
                };
                if let Some(e) = e {
                    nominees.push(e);
                }
            }
            let won = x.result == AwardResult::Won;
            for &n in &nominees {
                self.assert_fact(n, Rel::NominatedFor, u32::from(won), nomination);
                self.assert_fact(n, Rel::CategoryAt, ceremony_key, category);
                if won {
                    self.assert_fact(slot, Rel::WonSlot, 0, n);
                }
                match self.kinds[n as usize] {
                    EKind::Person => self.pool_award_people.push(n),
                    EKind::Work if Some(n) != series_e => self.pool_works.push(n),
                    _ => {}
                }
            }
            self.pool_categories.push(category);
            let i = self.awards.len() as u32;
            self.awards.push(AwardFact {
                year: x.year,
                ceremony: x.ceremony.clone(),
                category,
                nomination,
                nominees: nominees.clone(),
                result: x.result,
                slot,
                ceremony_key,
            });
            if x.result == AwardResult::Pending {
                continue; // not asked until the result is known
            }
            for &n in &nominees {
                self.nominee_nominations.entry(n).or_default().push(i);
            }
            let s = src(&x.source);
            if won && nominees.len() == 1 && Some(nominees[0]) != series_e {
                push(self, QuestionKind::AwardWinner, i, 0, 0.65, 0, s);
            }
            for (k, _) in nominees.iter().enumerate() {
                push(self, QuestionKind::AwardCategory, i, k as u32, 0.6, 0, s);
            }
        }
        let nominee_list: Vec<(u32, Vec<u32>)> = self
            .nominee_nominations
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        for (n, noms) in nominee_list {
            let noms: Vec<u32> = noms
                .into_iter()
                .filter(|&i| i as usize >= first_award)
                .collect();
            let won: Vec<u32> = noms
                .iter()
                .copied()
                .filter(|&i| self.awards[i as usize].result == AwardResult::Won)
                .collect();
            let lost = noms.len() - won.len();
            if lost >= 3 {
                for w in won {
                    let s = src(&pack
                        .awards
                        .get(w as usize - first_award)
                        .map_or(String::new(), |a| a.source.clone()));
                    push(self, QuestionKind::AwardWon, n, w, 0.7, 0, s);
                }
            }
        }

        // Albums and tracks.
        for x in &pack.albums {
            let Some(&album) = ent.get(x.id.as_str()) else {
                continue;
            };
            for a in &x.artists {
                if let Some(&artist) = ent.get(a.as_str()) {
                    self.assert_fact(album, Rel::TrackBy, 0, artist);
                }
            }
        }
        for x in &pack.tracks {
            let Some(&album) = ent.get(x.album.as_str()) else {
                continue;
            };
            let track = self.intern(
                EKind::Track,
                format!("{pid}/{}/{}", x.album, x.number),
                &x.title,
            );
            let mut artists: Vec<u32> = x
                .artists
                .iter()
                .filter_map(|a| ent.get(a.as_str()).copied())
                .collect();
            if artists.is_empty() {
                let album_def = pack.albums.iter().find(|a| a.id == x.album);
                artists = album_def.map_or(Vec::new(), |a| {
                    a.artists
                        .iter()
                        .filter_map(|id| ent.get(id.as_str()).copied())
                        .collect()
                });
            }
            self.assert_fact(track, Rel::TrackOn, 0, album);
            for &a in &artists {
                self.assert_fact(track, Rel::TrackBy, 0, a);
                // Pools are deduplicated once in `finish`, not per push (that would be quadratic).
                self.pool_album_artists.entry(album).or_default().push(a);
                self.pool_artists.push(a);
                self.artist_tracks
                    .entry((a, album))
                    .or_default()
                    .push(track);
            }
            self.pool_tracks.entry(album).or_default().push(track);
            self.pool_works.push(track);
            let i = self.tracks.len() as u32;
            self.track_index.insert(track, i);
            let seconds = x.duration.as_deref().and_then(parse_duration);
            self.tracks.push(TrackFact {
                entity: track,
                album,
                artists: artists.clone(),
                seconds,
            });
            let s = src(&x.source);
            if !x.artists.is_empty() {
                push(self, QuestionKind::TrackArtist, i, 0, 0.55, 0, s);
            }
            if let Some(sec) = seconds
                && sec >= 20
            {
                push(self, QuestionKind::ClosestNumber, i, 1, 0.8, 0, s);
            }
        }
        let track_source: HashMap<u32, u32> = pack
            .tracks
            .iter()
            .filter_map(|t| ent.get(t.album.as_str()).map(|&a| (a, src(&t.source))))
            .collect();
        let pairs: Vec<((u32, u32), usize)> = self
            .artist_tracks
            .iter()
            .map(|(k, v)| (*k, v.len()))
            .collect();
        let mut known_pairs: HashSet<(u32, u32)> = self.artist_albums.iter().copied().collect();
        for ((artist, album), n) in pairs {
            let Some(&s) = track_source.get(&album) else {
                continue;
            };
            if !known_pairs.insert((artist, album)) {
                continue;
            }
            let i = self.artist_albums.len() as u32;
            self.artist_albums.push((artist, album));
            push(self, QuestionKind::ArtistTrack, i, 0, 0.55, 0, s);
            if n >= 3 {
                push(self, QuestionKind::WhichIsNot, 1, i, 0.5, 0, s);
            }
        }

        // Crew.
        for x in &pack.crew {
            let Some(&person) = ent.get(x.person.as_str()) else {
                continue;
            };
            let role = self.intern(EKind::CrewRole, normalise(&x.role), &x.role);
            self.assert_fact(person, Rel::Credit, 0, role);
            self.pool_crew_people.push(person);
            self.pool_crew_roles.push(role);
            let i = self.credits.len() as u32;
            self.credits.push(CreditFact { role, person });
            let s = src(&x.source);
            push(self, QuestionKind::CrewPerson, i, 0, 0.6, 0, s);
            push(self, QuestionKind::CrewRole, i, 0, 0.6, 0, s);
        }

        // Filming places.
        for x in &pack.places {
            let place = self.intern(EKind::Place, normalise(&x.place), &x.place);
            let scene = self.intern(
                EKind::Scene,
                format!("{pid}/{}", normalise(&x.filmed)),
                &x.filmed,
            );
            let location = x
                .location
                .as_deref()
                .map(|l| self.intern(EKind::Place, format!("location/{}", normalise(l)), l));
            let episode = x.episode.as_deref().and_then(|e| ent.get(e).copied());
            let h = episode.map_or(0, |e| self.horizons[e as usize]);
            self.horizons[scene as usize] = h;
            self.assert_fact(scene, Rel::FilmedAt, 0, place);
            self.pool_places.push(place);
            self.pool_scenes.push(scene);
            let i = self.places.len() as u32;
            self.places.push(PlaceFact {
                place,
                scene,
                location,
                episode,
            });
            let s = src(&x.source);
            push(self, QuestionKind::PlaceOfScene, i, 0, 0.65, h, s);
            push(self, QuestionKind::SceneAtPlace, i, 0, 0.65, h, s);
        }

        // Numbers and dates.
        for x in &pack.numbers {
            let h = x
                .episode
                .as_deref()
                .and_then(|e| ent.get(e))
                .map_or(0, |&e| self.horizons[e as usize]);
            let i = self.numbers.len() as u32;
            self.numbers.push(NumberFact {
                name: x.name.clone(),
                value: x.value,
                unit: x.unit.clone(),
                precision: x.precision,
            });
            if x.value > 0.0 && !(is_percent(&x.unit) && x.value >= 100.0) {
                push(
                    self,
                    QuestionKind::ClosestNumber,
                    i,
                    0,
                    0.75,
                    h,
                    src(&x.source),
                );
            }
        }
        let first_event = self.events.len();
        for x in &pack.dates {
            if let Some(date) = parse_date(&x.date) {
                self.latest_year = self.latest_year.max(date.year);
                self.events.push(EventFact {
                    event: x.event.clone(),
                    date,
                });
                let e = self.intern(EKind::Event, format!("{pid}/{}", x.id), &x.event);
                let _ = e;
            }
        }
        let pack_events = self.events.len() - first_event;
        self.event_ranges
            .push(first_event as u32..self.events.len() as u32);
        if pack_events >= 4 {
            for (k, x) in pack.dates.iter().enumerate().take(pack_events) {
                let i = (first_event + k) as u32;
                push(
                    self,
                    QuestionKind::Timeline,
                    i,
                    (k % 2) as u32,
                    0.6,
                    0,
                    src(&x.source),
                );
            }
        }
        for x in pack
            .episodes
            .iter()
            .filter_map(|e| e.released.as_deref())
            .chain(pack.albums.iter().filter_map(|a| a.released.as_deref()))
        {
            if let Some(d) = parse_date(x) {
                self.latest_year = self.latest_year.max(d.year);
            }
        }
        for a in &pack.awards {
            self.latest_year = self.latest_year.max(a.year);
        }

        // Custom relations.
        let first_relation = self.relations.len() as u32;
        let mut rel_of: HashMap<&str, u32> = HashMap::new();
        for r in &pack.relations {
            rel_of.insert(&r.id, self.relations.len() as u32);
            self.relations.push(RelationInfo {
                def: r.clone(),
                subject_kind: EKind::Custom(u32::MAX),
                object_kind: EKind::Custom(u32::MAX),
            });
        }
        for x in &pack.facts {
            let (Some(&s), Some(&r), Some(&o)) = (
                ent.get(x.subject.as_str()),
                rel_of.get(x.relation.as_str()),
                ent.get(x.object.as_str()),
            ) else {
                continue;
            };
            self.assert_fact(s, Rel::Custom, r, o);
            let info = &mut self.relations[r as usize];
            info.subject_kind = self.kinds[s as usize];
            info.object_kind = self.kinds[o as usize];
            let i = self.custom.len() as u32;
            self.custom.push(CustomFactRow {
                subject: s,
                relation: r,
                object: o,
            });
            let sr = src(&x.source);
            push(self, QuestionKind::CustomObject, i, 0, 0.5, 0, sr);
            if self.relations[r as usize].def.ask_subject.is_some() {
                push(self, QuestionKind::CustomSubject, i, 0, 0.55, 0, sr);
            }
        }
        let _ = first_relation;

        // Hand-written questions.
        for x in &pack.questions {
            let h = x
                .episode
                .as_deref()
                .and_then(|e| ent.get(e))
                .map_or(0, |&e| self.horizons[e as usize]);
            let i = self.handwritten.len() as u32;
            self.handwritten.push(x.clone());
            push(
                self,
                QuestionKind::HandWritten,
                i,
                0,
                x.difficulty.unwrap_or(0.5),
                h,
                src(&x.source),
            );
        }

        // Which-is-not over the main cast, odd-one-out over albums and cast/crew.
        let main: Vec<u32> = self
            .pool_characters
            .get(&(p, Group::Main as u8))
            .cloned()
            .unwrap_or_default();
        if main.len() >= 3 {
            for g in [Group::Recurring, Group::Guest] {
                for x in pack.characters.iter().filter(|c| c.group == g) {
                    let Some(&c) = ent.get(x.id.as_str()) else {
                        continue;
                    };
                    push(
                        self,
                        QuestionKind::WhichIsNot,
                        0,
                        c,
                        0.45,
                        self.horizons[c as usize],
                        src(&x.source),
                    );
                }
            }
        }
        let albums: Vec<u32> = pack
            .albums
            .iter()
            .filter_map(|a| ent.get(a.id.as_str()).copied())
            .collect();
        if albums.len() >= 2 {
            for &album in &albums {
                let others_big_enough = albums
                    .iter()
                    .any(|&o| o != album && self.pool_tracks.get(&o).is_some_and(|t| t.len() >= 3));
                if others_big_enough {
                    let s = pack
                        .albums
                        .iter()
                        .find(|a| ent.get(a.id.as_str()) == Some(&album))
                        .map_or(no_source, |a| src(&a.source));
                    for &t in self
                        .pool_tracks
                        .get(&album)
                        .cloned()
                        .unwrap_or_default()
                        .iter()
                    {
                        push(self, QuestionKind::OddOneOut, 0, t, 0.5, 0, s);
                    }
                }
            }
        }
    }

    fn finish(&mut self) {
        // Actor pools by the actor's most prominent group, in a fixed order.
        let mut seen = HashSet::new();
        for r in &self.roles {
            if seen.insert(r.actor) {
                let g = (self.prominence[r.actor as usize] as usize).min(2);
                self.pool_actors[g].push(r.actor);
            }
        }
        for pool in self.pool_characters.values_mut() {
            dedup_keep_order(pool);
        }
        for pool in self.pool_album_artists.values_mut() {
            dedup_keep_order(pool);
        }
        for pool in [
            &mut self.pool_award_people,
            &mut self.pool_works,
            &mut self.pool_categories,
            &mut self.pool_people,
            &mut self.pool_artists,
            &mut self.pool_crew_people,
            &mut self.pool_crew_roles,
            &mut self.pool_places,
            &mut self.pool_scenes,
        ] {
            dedup_keep_order(pool);
        }
        // Nominated people are drawn with crew people so award-winner questions
        // have enough same-kind distractors.
        let crew = self.pool_crew_people.clone();
        self.pool_award_people.extend(crew);
        dedup_keep_order(&mut self.pool_award_people);
        for (e, kind) in self.kinds.iter().enumerate() {
            if matches!(
                kind,
                EKind::Person | EKind::Character | EKind::Episode | EKind::Album | EKind::Custom(_)
            ) {
                self.pool_by_kind.entry(*kind).or_default().push(e as u32);
            }
        }
        if self.latest_year == 0 {
            self.latest_year = i32::MAX;
        }
    }

    /// Candidates per kind, for statistics.
    pub fn kind_counts(&self) -> BTreeMap<QuestionKind, usize> {
        let mut m = BTreeMap::new();
        for c in &self.candidates {
            *m.entry(c.kind).or_insert(0) += 1;
        }
        m
    }
}

fn dedup_keep_order(v: &mut Vec<u32>) {
    let mut seen = HashSet::new();
    v.retain(|x| seen.insert(*x));
}

pub fn is_percent(unit: &str) -> bool {
    unit.trim() == "%" || unit.trim().eq_ignore_ascii_case("percent")
}

/// A small multiplicative hasher for integer keys (FxHash's scheme): the truth
/// set is probed several times per question, and SipHash's DoS resistance buys
/// nothing for keys the pack author controls anyway.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FastHash = BuildHasherDefault<FxHasher>;

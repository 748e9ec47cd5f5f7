//! The fact base: every loaded pack compiled into interned entities, a set of
//! true triples for verifying distractors, per-table rows, and pools of
//! same-type candidates. Built once; the question kinds (`kinds`) then derive
//! their candidates from it, and generation costs O(1) per question whatever
//! the pack size. The per-table compilers live in `compile`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::kinds::Candidate;
use super::model::*;
use super::question::QuestionKind;
use super::text::{Date, normalise};

pub use super::phrase::is_percent;

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

/// Where a row came from: its pack, its source, and the episode after which
/// it is no spoiler.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin {
    pub pack: u16,
    pub source: u32,
    pub horizon: Horizon,
    /// The pack's `interest` (1–5) for the fact, where given.
    pub interest: Option<u8>,
}

impl Origin {
    pub fn with_interest(mut self, interest: Option<u8>) -> Origin {
        self.interest = interest;
        self
    }
}

#[derive(Debug, Clone)]
pub struct PackInfo {
    pub meta: Meta,
    /// `meta.id`, shared by every question from the pack.
    pub id: std::sync::Arc<str>,
    pub facts: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct RoleFact {
    pub actor: u32,
    pub character: u32,
    pub group: Group,
    pub voice: bool,
    pub cameo: bool,
    /// One of the pack's first two roles: the leads every fan knows.
    pub lead: bool,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct EpisodeFact {
    pub entity: u32,
    pub season: u32,
    pub number: u32,
    pub directors: Vec<u32>,
    pub writers: Vec<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy)]
pub struct PlotFact {
    pub plot: u32,
    pub episode: u32,
    pub origin: Origin,
}

/// What kind of thing an award nominee is: categories and nominees are only
/// ever offered against the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NomineeKind {
    /// A person who plays a role (not a cameo) in some pack.
    Actor,
    /// Any other person.
    Person,
    /// The series itself.
    Series,
    /// A named work (song, scene).
    Work,
}

#[derive(Debug, Clone)]
pub struct AwardFact {
    pub year: i32,
    pub ceremony: String,
    pub category: u32,
    pub nomination: u32,
    pub nominees: Vec<u32>,
    pub nominee_kind: NomineeKind,
    pub result: AwardResult,
    pub slot: u32,
    pub ceremony_key: u32,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct AlbumFact {
    pub entity: u32,
    /// The album in running text ("the Official Mixtape").
    pub label: String,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct TrackFact {
    pub entity: u32,
    pub album: u32,
    pub artists: Vec<u32>,
    /// The track lists its own artists (not just the album's).
    pub own_artists: bool,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct CreditFact {
    pub role: u32,
    pub person: u32,
    /// The work in running text ("Heartstopper", "the Heartstopper film").
    pub work: String,
    /// The work interned, for counting holders of a role on it.
    pub work_id: u32,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct PlaceFact {
    pub place: u32,
    pub scene: u32,
    /// "at Hampton Court House", "in Berkshire".
    pub at: String,
    pub location: Option<u32>,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct NumberFact {
    pub name: String,
    pub ask: Option<String>,
    pub statement: Option<String>,
    pub value: f64,
    pub unit: String,
    pub precision: u8,
    pub min: f64,
    pub max: f64,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct EventFact {
    pub event: String,
    /// The words that say what the event is about (see `kinds::timeline`).
    pub topic: Vec<String>,
    /// The event's chain, with its pack (see `DatedEvent::chain`).
    pub chain: Option<String>,
    pub date: Date,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy)]
pub struct CustomFactRow {
    pub subject: u32,
    pub relation: u32,
    pub object: u32,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct RelationInfo {
    pub def: RelationDef,
    /// Entities that are the subject of at least one fact, in pack order.
    pub subjects: Vec<u32>,
    /// Entities that are the object of at least one fact, in pack order.
    pub objects: Vec<u32>,
}

#[derive(Debug, Clone)]
pub struct HandWrittenFact {
    pub question: HandWritten,
    pub origin: Origin,
}

/// What the distractor searches ask of an entity, in one place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Profile {
    pub family: u64,
    pub description: u64,
    pub plays: u32,
    pub actor_pronouns: u32,
}

/// A set of entities as one bit each: distractor searches ask it in their
/// innermost loops.
#[derive(Debug, Clone, Default)]
pub struct EntitySet(Vec<u64>);

impl EntitySet {
    pub fn insert(&mut self, e: u32) {
        let word = e as usize / 64;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << (e % 64);
    }

    pub fn contains(&self, e: &u32) -> bool {
        self.0
            .get(*e as usize / 64)
            .is_some_and(|w| w & (1 << (e % 64)) != 0)
    }
}

/// Everything the generator needs, compiled from one or more packs.
#[derive(Debug, Default)]
pub struct FactBase {
    pub(crate) packs: Vec<PackInfo>,
    /// Source titles, shared by every question citing them.
    pub(crate) sources: Vec<std::sync::Arc<str>>,
    pub(crate) names: Vec<String>,
    pub(crate) norms: Vec<String>,
    /// Entities with equal normalised names share a label id (compared as numbers).
    pub(crate) label_ids: Vec<u32>,
    /// Each name's visible marks and length, for the giveaway checks.
    pub(crate) shapes: Vec<crate::engine::checks::Shape>,
    /// Each normalised name's words, measured once for the giveaway checks.
    pub(crate) word_spans: Vec<crate::engine::checks::WordSpans>,
    label_of: HashMap<String, u32>,
    pub(crate) kinds: Vec<EKind>,
    pub(crate) horizons: Vec<Horizon>,
    /// Grammatically plural names ("The Paper Moths").
    pub(crate) plural: Vec<bool>,
    /// Main/recurring/guest prominence per entity (characters and their actors).
    pub(crate) prominence: Vec<u8>,
    /// A character's pronouns, interned (0 = not given).
    pub(crate) pronouns: Vec<u8>,
    /// Age groups as bits (child 1, teen 2, adult 4): a character's own, an
    /// actor's those of their parts; 0 = not given.
    pub(crate) ages: Vec<u8>,
    pub(crate) pronoun_names: Vec<String>,
    /// Short description per entity (characters), used in explanations.
    pub(crate) descriptions: HashMap<u32, String>,
    /// A character's unique kinship description ("Nick's mother"): asked by it,
    /// a character's name cannot give its actor away.
    pub(crate) kin: HashMap<u32, String, FastHash>,
    /// The family name of each character that has one ("Spring").
    pub(crate) family: HashMap<u32, u64, FastHash>,
    /// The telling words of each description, for grouping characters.
    /// As bits of a 64-bit set, so two characters compare in one step.
    pub(crate) description_words: HashMap<u32, u64, FastHash>,
    /// Per entity: (family hash, description word bits, character played,
    /// pronoun bits of an actor's parts), in one array for the distractor
    /// searches' inner loops (0 / `u32::MAX` where none).
    pub(crate) profile: Vec<Profile>,
    /// How well a fan knows each entity (see `kinds::rating::fame`).
    pub(crate) fame: Vec<f32>,
    /// For each described character, the characters its description names
    /// ("Charlie's protective best friend": Charlie).
    pub(crate) named_in_description: HashMap<u32, Vec<u32>, FastHash>,
    pub(crate) keys: HashMap<(EKind, String), u32>,
    pub(crate) truth: HashSet<(u32, Rel, u32, u32), FastHash>,
    /// A representative true fact per (entity, relation), for "its own true fact".
    pub(crate) primary: HashMap<(u32, Rel), (u32, u32), FastHash>,
    pub(crate) series_name: Vec<Option<String>>,
    pub(crate) series_entity: Vec<Option<u32>>,
    pub(crate) custom_kinds: Vec<String>,

    pub(crate) roles: Vec<RoleFact>,
    pub(crate) episodes: Vec<EpisodeFact>,
    pub(crate) episode_of_entity: HashMap<u32, u32, FastHash>,
    pub(crate) plots: Vec<PlotFact>,
    pub(crate) awards: Vec<AwardFact>,
    pub(crate) nominee_nominations: BTreeMap<u32, Vec<u32>>,
    /// Every nominee of one category at one ceremony.
    pub(crate) slot_nominees: HashMap<u32, Vec<u32>, FastHash>,
    pub(crate) albums: Vec<AlbumFact>,
    pub(crate) album_index: HashMap<u32, u32, FastHash>,
    pub(crate) tracks: Vec<TrackFact>,
    pub(crate) credits: Vec<CreditFact>,
    pub(crate) places: Vec<PlaceFact>,
    pub(crate) numbers: Vec<NumberFact>,
    pub(crate) events: Vec<EventFact>,
    pub(crate) custom: Vec<CustomFactRow>,
    pub(crate) relations: Vec<RelationInfo>,
    /// What each entity is, by its own facts: (relation, object) pairs where it
    /// is the subject. Wrong options that share one with the answer look alike
    /// (Italian cities beside an Italian city).
    pub(crate) attributes: HashMap<u32, Vec<(u32, u32)>, FastHash>,
    /// Objects per (subject, relation), for subjects with several.
    pub(crate) object_count: HashMap<(u32, u32), u32, FastHash>,
    /// The first fact of a relation at an entity, by (entity, relation).
    pub(crate) custom_at: HashMap<(u32, u32), u32, FastHash>,
    /// The first filming place row of a scene or a place.
    pub(crate) place_row: HashMap<u32, u32, FastHash>,
    pub(crate) handwritten: Vec<HandWrittenFact>,

    /// Actors by (pack, most prominent group).
    pub(crate) pool_actors: BTreeMap<(u16, u8), Vec<u32>>,
    /// Per actor: the set of pronoun ids of the characters they play, as bits.
    pub(crate) actor_pronouns: HashMap<u32, u32, FastHash>,
    pub(crate) pool_characters: BTreeMap<(u16, u8), Vec<u32>>,
    pub(crate) pool_episodes: BTreeMap<(u16, u32), Vec<u32>>,
    pub(crate) pool_tracks: BTreeMap<u32, Vec<u32>>,
    pub(crate) pool_album_artists: BTreeMap<u32, Vec<u32>>,
    pub(crate) pool_artists: Vec<u32>,
    /// Crew people per pack (never actors: they would be dismissed on sight).
    pub(crate) pool_crew_people: BTreeMap<u16, Vec<u32>>,
    pub(crate) pool_crew_roles: BTreeMap<u16, Vec<u32>>,
    /// Holders of a role on one work ("the composer" when one).
    pub(crate) credit_count: HashMap<(u32, u32), u32, FastHash>,
    pub(crate) person_credits: HashMap<u32, u32, FastHash>,
    pub(crate) pool_places: BTreeMap<u16, Vec<u32>>,
    pub(crate) pool_scenes: BTreeMap<u16, Vec<u32>>,
    /// Categories by (ceremony, nominee kind).
    pub(crate) pool_categories_at: BTreeMap<(u32, NomineeKind), Vec<u32>>,
    /// Nominees by (ceremony, kind) and by kind alone.
    pub(crate) pool_nominees_at: BTreeMap<(u32, NomineeKind), Vec<u32>>,
    pub(crate) pool_nominees: BTreeMap<NomineeKind, Vec<u32>>,
    pub(crate) artist_tracks: BTreeMap<(u32, u32), Vec<u32>>,
    pub(crate) track_index: HashMap<u32, u32, FastHash>,
    pub(crate) artist_albums: Vec<(u32, u32)>,
    pub(crate) latest_year: i32,
    /// Event indices of each pack, for timeline questions.
    pub(crate) event_ranges: Vec<std::ops::Range<u32>>,
    /// Each pack's events in date order (the same ranges as `event_ranges`),
    /// and each event's place in that order.
    pub(crate) event_order: Vec<u32>,
    pub(crate) event_rank: Vec<u32>,
    /// Actors and characters whose horizon has been set by a role.
    pub(crate) cast_seen: HashSet<u32>,
    pub(crate) actors_seen: HashSet<u32>,
    /// The leads' actors and characters (the pack's first two roles).
    pub(crate) leads: EntitySet,
    /// Actors and characters of voice parts and cameos.
    pub(crate) unusual_parts: EntitySet,
    /// People with a role that is not a cameo: the nominees of acting awards.
    pub(crate) performers: EntitySet,

    pub(crate) candidates: Vec<Candidate>,
    /// Each candidate's topic, interest and estimated difficulty.
    pub(crate) ratings: Vec<super::kinds::Rating>,
    /// Each option's own true fact, written once at build ("Joe Locke plays
    /// Charlie Spring"): by (entity, kind of fact).
    pub(crate) said: HashMap<(u32, u8), crate::engine::kinds::Said, FastHash>,
}

impl FactBase {
    /// Compiles validated packs. Packs are assumed valid (see `validate`);
    /// anything unresolved is skipped rather than trusted.
    pub fn build<'a>(packs: impl IntoIterator<Item = &'a Pack>) -> FactBase {
        let mut base = FactBase::default();
        for pack in packs {
            super::compile::add_pack(&mut base, pack);
        }
        super::compile::finish(&mut base);
        base.profile = (0..base.names.len() as u32)
            .map(|e| Profile {
                family: base.family.get(&e).copied().unwrap_or(0),
                description: base.description_words.get(&e).copied().unwrap_or(0),
                plays: base
                    .primary
                    .get(&(e, Rel::Plays))
                    .map_or(u32::MAX, |&(_, ch)| ch),
                actor_pronouns: base.actor_pronouns.get(&e).copied().unwrap_or(0),
            })
            .collect();
        base.fame = super::kinds::fame_table(&base);
        base.named_in_description = super::kinds::named_in_descriptions(&base);
        base.said = super::kinds::said_facts(&base);
        base.candidates = super::kinds::candidates(&base);
        base.ratings = base
            .candidates
            .iter()
            .map(|c| super::kinds::rate(&base, c))
            .collect();
        base
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The last season and the highest episode number the packs describe
    /// (for a spoiler setting), 0 where they have no episodes.
    pub fn episode_span(&self) -> (u32, u32) {
        let seasons = self.episodes.iter().map(|e| e.season).max().unwrap_or(0);
        let episodes = self.episodes.iter().map(|e| e.number).max().unwrap_or(0);
        (seasons, episodes)
    }

    /// Every question the packs can ask, in a fixed order (a question's `key`
    /// indexes it).
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The rating of the candidate with this key.
    pub fn rating(&self, key: u32) -> super::kinds::Rating {
        self.ratings[key as usize]
    }

    /// The packs compiled into this base, in the order they were given.
    pub fn packs(&self) -> &[PackInfo] {
        &self.packs
    }

    /// What an entity is (a person, a character, an episode…).
    pub fn kind_of(&self, e: u32) -> EKind {
        self.kinds[e as usize]
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

    /// How many crew credits a person has.
    pub fn credits_of(&self, person: u32) -> u32 {
        self.person_credits.get(&person).copied().unwrap_or(0)
    }

    /// Whether two entities share an attribute (the same object under the same
    /// relation), other than under `except`.
    pub fn alike(&self, a: u32, b: u32, except: u32) -> bool {
        let (Some(x), Some(y)) = (self.attributes.get(&a), self.attributes.get(&b)) else {
            return false;
        };
        x.iter()
            .any(|&(r, o)| r != except && y.iter().any(|&(r2, o2)| r == r2 && o == o2))
    }

    /// Whether two characters (or an actor and a character) can be of one age
    /// group: yes when either is not given.
    pub(crate) fn same_age(&self, x: u32, y: u32) -> bool {
        let (a, b) = (self.ages[x as usize], self.ages[y as usize]);
        a == 0 || b == 0 || a & b != 0
    }

    pub fn is_plural(&self, e: u32) -> bool {
        self.plural.get(e as usize).copied().unwrap_or(false)
    }

    /// The source's title, as players read it.
    pub fn source(&self, s: u32) -> &str {
        self.sources.get(s as usize).map_or("", |s| s)
    }

    pub fn series(&self, pack: u16) -> Option<&str> {
        self.series_name.get(pack as usize)?.as_deref()
    }

    /// What the pack calls a season ("season", or "series" in British packs).
    pub fn season_word(&self, pack: u16) -> &str {
        self.packs
            .get(pack as usize)
            .and_then(|p| p.meta.season_word.as_deref())
            .unwrap_or("season")
    }

    /// The label id of a name, where some entity bears it.
    pub fn label_id(&self, name: &str) -> Option<u32> {
        self.label_of.get(&normalise(name)).copied()
    }

    pub(crate) fn intern(&mut self, kind: EKind, key: String, name: &str) -> u32 {
        if let Some(&e) = self.keys.get(&(kind, key.clone())) {
            return e;
        }
        let e = self.names.len() as u32;
        self.names.push(name.to_string());
        self.shapes.push(crate::engine::checks::shape(name));
        let norm = normalise(name);
        let next = self.label_of.len() as u32;
        let label = *self.label_of.entry(norm.clone()).or_insert(next);
        self.label_ids.push(label);
        self.word_spans
            .push(crate::engine::checks::WordSpans::measure(&norm));
        self.norms.push(norm);
        self.kinds.push(kind);
        self.horizons.push(0);
        self.plural.push(false);
        self.prominence.push(0);
        self.pronouns.push(0);
        self.ages.push(0);
        self.keys.insert((kind, key), e);
        e
    }

    pub(crate) fn assert_fact(&mut self, s: u32, rel: Rel, param: u32, o: u32) {
        self.truth.insert((s, rel, param, o));
        self.primary.entry((s, rel)).or_insert((param, o));
        self.primary.entry((o, rel)).or_insert((param, s));
    }

    /// Candidates per kind, for statistics.
    pub fn kind_counts(&self) -> BTreeMap<QuestionKind, usize> {
        let mut m = BTreeMap::new();
        for c in &self.candidates {
            *m.entry(c.kind()).or_insert(0) += 1;
        }
        m
    }
}

pub(crate) fn dedup_keep_order(v: &mut Vec<u32>) {
    let mut seen = HashSet::new();
    v.retain(|x| seen.insert(*x));
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

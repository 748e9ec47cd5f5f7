//! The fact model: what a pack file contains, exactly as authors write it in RON.
//!
//! Every table is optional (`#[serde(default)]`) so a pack for a band or a book
//! only fills the tables it needs. Unknown fields are rejected so that a typo in a
//! field name is reported with its position instead of being silently ignored.

use serde::{Deserialize, Serialize};

/// An id of an entity (person, character, episode, album, custom entity) or of a source.
/// Ids are unique across the whole pack.
pub type Id = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub characters: Vec<Character>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub episodes: Vec<Episode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub albums: Vec<Album>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crew: Vec<Credit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<FilmingPlace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<Quantity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DatedEvent>,
    /// Things that are neither people nor characters, for custom relations
    /// (books, cities, teams, instruments...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<CustomFact>,
    /// Hand-written questions, used as they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<HandWritten>,
}

impl Pack {
    /// A pack with this metadata and every table empty.
    pub fn new(meta: Meta) -> Pack {
        Pack {
            meta,
            people: vec![],
            characters: vec![],
            roles: vec![],
            episodes: vec![],
            awards: vec![],
            albums: vec![],
            tracks: vec![],
            crew: vec![],
            places: vec![],
            numbers: vec![],
            dates: vec![],
            entities: vec![],
            relations: vec![],
            facts: vec![],
            questions: vec![],
        }
    }
}

/// An empty pack with an empty id and title (filled in by importers).
impl Default for Pack {
    fn default() -> Pack {
        Pack::new(Meta {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            version: "1.0.0".into(),
            language: "en".into(),
            authors: vec![],
            licence: String::new(),
            series: None,
            season_word: None,
            sources: vec![],
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default = "default_version")]
    pub version: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
    /// The name of the work the pack is about ("Heartstopper"); award nominees
    /// written as `Series` refer to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// What the series calls a run of episodes in questions: "season" unless
    /// this says otherwise ("series" for British television).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season_word: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

fn default_version() -> String {
    "1.0.0".into()
}
fn default_language() -> String {
    "en".into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The name is grammatically plural ("The Paper Moths"): verbs agree with it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plural: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    Main,
    Recurring,
    Guest,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub group: Group,
    /// A short description used in explanations ("Charlie's older sister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The character's pronouns ("he", "she", "they"): wrong options for a
    /// character prefer characters with the same pronouns, so none can be
    /// dismissed on sight. Only for fictional characters, never for real people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// The character's age group: wrong options keep to it, so no adult
    /// actor is offered for a schoolgirl and no pupil for a teacher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<AgeGroup>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
}

/// A fictional character's age group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeGroup {
    Child,
    Teen,
    Adult,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub actor: Id,
    pub character: Id,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seasons: Vec<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub voice: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cameo: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Episode {
    pub id: Id,
    pub season: u32,
    pub number: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directors: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub writers: Vec<Id>,
    /// ISO date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<String>,
    /// Things that happen in this episode and in no other, phrased as a clause
    /// ("Nick and Charlie kiss for the first time at Harry's party").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plot: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Nominee {
    /// The series itself (`meta.series`).
    Series,
    /// A person from the `people` table.
    Person(Id),
    /// A named work: a scene, a song ("Colours of You").
    Work(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AwardResult {
    Won,
    Nominated,
    Pending,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub year: i32,
    pub ceremony: String,
    pub category: String,
    pub nominees: Vec<Nominee>,
    pub result: AwardResult,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Album {
    pub id: Id,
    pub title: String,
    /// Album-level artists (people ids); empty for "various artists".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artists: Vec<Id>,
    /// How the album is named inside a sentence ("the Official Mixtape");
    /// default: the title in quotation marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    pub album: Id,
    /// The track number as listed; gaps in the numbering are kept as they are.
    pub number: u32,
    pub title: String,
    /// People ids; empty means the album's artists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artists: Vec<Id>,
    /// `m:ss`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    /// "Composer", "Cinematographer", "Casting director"...
    pub role: String,
    pub person: Id,
    /// Seasons the credit applies to; empty means the whole series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seasons: Vec<u32>,
    /// The work the credit belongs to, as it reads in a sentence ("the
    /// Heartstopper film"); default: the pack's `series`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilmingPlace {
    /// "Hampton Court House"
    pub place: String,
    /// Where the place is ("London Borough of Richmond upon Thames").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What was filmed there ("Harry's party").
    pub filmed: String,
    /// The place as it reads after "filmed" ("in Berkshire", "on the River
    /// Thames in Windsor"); default: "at" and the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub id: Id,
    /// What is measured, as a noun phrase ("hours viewed in the first week").
    pub name: String,
    pub value: f64,
    /// "million hours", "%", "reviews".
    pub unit: String,
    /// Decimal places that are meaningful (0 for counts).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub precision: u8,
    /// The question as a host would ask it ("How old does Harry turn at his
    /// party?"); default: "What is the {name}?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<String>,
    /// The explanation, with `{value}` for the value and its unit ("Beethoven
    /// completed {value}."); default: "The {name} is {value}."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The smallest and largest values a wrong option may take ("out of 5"
    /// scores, places in a top ten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The episode after which this number is known (for the spoiler horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedEvent {
    pub id: Id,
    /// What happened, as a clause ("the first teaser was released").
    pub event: String,
    /// ISO date, `YYYY-MM-DD` (or `YYYY-MM`).
    pub date: String,
    /// Events of one chain happen in an order logic gives away (optioned,
    /// ordered, filmed, released); a timeline never puts two of them together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: Id,
    pub name: String,
    /// Free-form kind ("city", "album", "team"); distractors come from the same kind.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The name is grammatically plural ("the Galilean moons").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub plural: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
}

/// How many objects a subject of a relation has, and whether the pack lists
/// them all: it decides which wrong options are known to be false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Objects {
    /// Every subject has exactly one object (a moon orbits one world).
    #[default]
    One,
    /// A subject may have several objects, and the pack lists all of them.
    AllListed,
    /// The pack lists only some objects of a subject: never asked for the
    /// object, and a subject is a wrong option only where it is known to
    /// relate to something else under a `One` reading, which it is not.
    SomeListed,
}

/// A custom relation with its own phrasing in both directions.
/// `{subject}` and `{object}` are replaced by the names; `{is|are}` picks the
/// left form for a singular subject and the right one for a plural subject
/// (in `ask_subject`, for the object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Relation")]
pub struct RelationDef {
    pub id: Id,
    /// Asks for the object: "Which city is {subject} from?" (may be left out
    /// when `asked` is false).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ask_object: String,
    /// Asks for the subject: "Which band comes from {object}?"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_subject: Option<String>,
    /// Asks which of four subjects does NOT relate to an object: "Which band
    /// does NOT come from {object}?" (default: made from `ask_subject` where
    /// its verb allows, "Which city is NOT …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_not: Option<String>,
    /// States the fact: "{subject} comes from {object}."
    pub statement: String,
    #[serde(default, skip_serializing_if = "is_one")]
    pub objects: Objects,
    /// `false`: the facts only describe entities (a city's country), so that
    /// wrong options look alike; they are never asked.
    #[serde(default = "yes")]
    pub asked: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct CustomFact {
    pub subject: Id,
    pub relation: Id,
    pub object: Id,
    /// Hidden until the player has watched this episode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandWritten {
    pub prompt: String,
    pub answer: String,
    pub wrong: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    /// Hidden until the player has watched this episode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: Id,
    /// How interesting the fact is to a fan, 1 (trivia only a devoted fan
    /// cares about) to 5 (a headline every viewer knows); the engine's
    /// default by what the fact is when absent (see docs/packs.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<u8>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn is_one(o: &Objects) -> bool {
    *o == Objects::One
}

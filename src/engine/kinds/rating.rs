//! What a candidate is worth asking and how hard it is, before it is drawn:
//! its topic, its interest (the engine's default by what the fact is, or the
//! pack's `interest`), and its estimated difficulty on the scale a player
//! reads: the chance that a fan of the subject gets it wrong.

use serde::{Deserialize, Serialize};

use super::{Ask, Candidate};
use crate::engine::facts::FactBase;
use crate::engine::model::{AwardResult, Group};
use crate::engine::question::QuestionKind;

/// What a question is about, for a balanced game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Topic {
    Cast,
    Story,
    Music,
    Awards,
    Crew,
    Production,
    Facts,
    Trivia,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Cast,
        Topic::Story,
        Topic::Music,
        Topic::Awards,
        Topic::Crew,
        Topic::Production,
        Topic::Facts,
        Topic::Trivia,
    ];

    pub fn of(kind: QuestionKind) -> Topic {
        use QuestionKind as K;
        match kind {
            K::ActorOfCharacter | K::CharacterOfActor => Topic::Cast,
            K::EpisodeTitle | K::EpisodeNumber | K::PlotEpisode | K::CharacterDescription => {
                Topic::Story
            }
            K::TrackArtist | K::ArtistTrack | K::WhichIsNot | K::OddOneOut => Topic::Music,
            K::AwardWinner | K::AwardCategory | K::AwardWon => Topic::Awards,
            K::EpisodeCredit | K::CrewPerson | K::CrewRole => Topic::Crew,
            K::PlaceOfScene | K::SceneAtPlace | K::Timeline | K::ClosestNumber => Topic::Production,
            K::CustomObject | K::CustomSubject | K::CustomNot | K::CustomOdd => Topic::Facts,
            K::HandWritten => Topic::Trivia,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Topic::Cast => "cast",
            Topic::Story => "story",
            Topic::Music => "music",
            Topic::Awards => "awards",
            Topic::Crew => "crew",
            Topic::Production => "production",
            Topic::Facts => "facts",
            Topic::Trivia => "trivia",
        }
    }
}

/// A candidate's rating, computed once when the fact base is built.
#[derive(Debug, Clone, Copy)]
pub struct Rating {
    pub topic: Topic,
    /// 0 (colour for explanations) to 1 (a headline every viewer knows).
    pub interest: f32,
    /// The estimated chance that a fan gets it wrong.
    pub difficulty: f32,
}

/// How much less interest makes a question harder: an obscure fact is one
/// fewer fans remember.
const OBSCURITY: f32 = 0.4;

pub fn rate(b: &FactBase, c: &Candidate) -> Rating {
    let interest = match c.origin.interest {
        Some(n) => (n.clamp(1, 5) - 1) as f32 / 4.0,
        None => default_interest(b, c),
    };
    let judged = |k: super::hand_written::Cand| {
        b.handwritten
            .get(k.question as usize)
            .is_some_and(|q| q.question.difficulty.is_some())
    };
    let difficulty = match c.ask {
        // A person judged it.
        Ask::HandWritten(k) if judged(k) => c.base_difficulty,
        // The kind's difficulty for its best-known facts, plus obscurity.
        _ => c.base_difficulty + OBSCURITY * (1.0 - interest) + feature_shift(b, c),
    };
    Rating {
        topic: Topic::of(c.kind()),
        interest,
        difficulty: difficulty.clamp(0.02, 0.95),
    }
}

/// How much a person's fame moves a question about them: a blind panel found
/// "Who is the creator?" (the author every fan knows) trivial and "Who won
/// Casting?" (a casting director) near a guess, at the same kind and interest.
const FAME_WEIGHT: f32 = 0.25;
/// The fame at which a question is neither easier nor harder than its kind.
const FAME_NEUTRAL: f32 = 0.4;

/// Roles that make a person a household name among fans of the work.
const HEADLINE_ROLES: &[&str] = &["creator", "author", "original author", "showrunner"];

/// How well a fan knows each entity, from what the packs say of it: the
/// leads and the creator 1, the main cast 0.6, everyone else 0.
pub fn fame_table(b: &FactBase) -> Vec<f32> {
    let mut fame = vec![0.0f32; b.names.len()];
    let mut raise = |e: u32, to: f32| {
        if let Some(f) = fame.get_mut(e as usize) {
            *f = f.max(to);
        }
    };
    for r in &b.roles {
        if r.lead {
            raise(r.actor, 1.0);
        } else if r.group == Group::Main && !r.voice && !r.cameo {
            raise(r.actor, 0.6);
        }
    }
    for cr in &b.credits {
        if HEADLINE_ROLES.contains(&b.norm(cr.role)) {
            raise(cr.person, 1.0);
        }
    }
    fame
}

/// What moves a question within its kind: the fame of the person asked about
/// (or asked for), or the size of the number asked for.
fn feature_shift(b: &FactBase, c: &Candidate) -> f32 {
    match c.ask {
        Ask::ClosestNumber(k) => b
            .numbers
            .get(k.number as usize)
            .map_or(0.0, magnitude_shift),
        _ => person_asked(b, c).map_or(0.0, |p| {
            FAME_WEIGHT * (FAME_NEUTRAL - b.fame.get(p as usize).copied().unwrap_or(0.0))
        }),
    }
}

/// The person a question asks about or for, where its difficulty depends on them.
fn person_asked(b: &FactBase, c: &Candidate) -> Option<u32> {
    match c.ask {
        Ask::CrewPerson(super::crew_person::Cand { credit })
        | Ask::CrewRole(super::crew_role::Cand { credit }) => {
            b.credits.get(credit as usize).map(|cr| cr.person)
        }
        Ask::AwardWinner(k) => b
            .awards
            .get(k.award as usize)
            .and_then(|a| a.nominees.first().copied()),
        _ => None,
    }
}

/// How much a number's size moves its question: a small count (seasons,
/// volumes, an age) can be reasoned towards, a score or a view count must be
/// remembered exactly (a blind panel put Metacritic scores and view counts
/// above every other number).
const MAGNITUDE_WEIGHT: f32 = 0.15;

/// From -0.05 for a single digit to +0.1 for three digits or more.
fn magnitude_shift(n: &crate::engine::facts::NumberFact) -> f32 {
    let digits = (n.value.abs().max(1.0).log10() as f32).clamp(0.0, 2.0) / 2.0;
    MAGNITUDE_WEIGHT * (digits - 1.0 / 3.0)
}

/// Roles that make a credit worth asking about: the people a fan can name
/// (the whole role: a casting director or an assistant director is not one).
const NOTABLE_ROLES: &[&str] = &[
    "creator",
    "writer",
    "screenwriter",
    "author",
    "original author",
    "director",
    "series director",
    "showrunner",
    "composer",
    "illustrator",
];

/// The engine's default interest by what the fact is: main cast, plot turns,
/// wins and headline numbers high; nominations lower; minor crew, bylines,
/// durations and routine dates lowest.
fn default_interest(b: &FactBase, c: &Candidate) -> f32 {
    match c.ask {
        Ask::ActorOfCharacter(super::actor_of_character::Cand { role })
        | Ask::CharacterOfActor(super::character_of_actor::Cand { role }) => {
            b.roles.get(role as usize).map_or(0.5, |r| {
                if r.lead {
                    1.0
                } else if r.voice || r.cameo {
                    0.5
                } else {
                    // A recurring part is a bit part to most fans (three
                    // blind reviews: "too obscure", "not worth asking").
                    match r.group {
                        Group::Main => 0.95,
                        Group::Recurring => 0.5,
                        Group::Guest => 0.35,
                    }
                }
            })
        }
        Ask::CharacterDescription(super::character_description::Cand { role }) => b
            .roles
            .get(role as usize)
            .map_or(0.5, |r| if r.group == Group::Main { 0.9 } else { 0.6 }),
        Ask::PlotEpisode(_) => 0.8,
        // Numbering is dry, and every plot explanation teaches it.
        Ask::EpisodeTitle(_) => 0.4,
        Ask::EpisodeNumber(_) => 0.3,
        Ask::EpisodeCredit(_) => 0.35,
        // Fans know the show won things, few know which category went to whom
        // (four blind reviews rejected award questions at the easy level).
        Ask::AwardWinner(k) => match b.awards.get(k.award as usize).map(|a| a.result) {
            Some(AwardResult::Won) => 0.55,
            _ => 0.4,
        },
        Ask::AwardWon(_) => 0.5,
        Ask::AwardCategory(_) => 0.4,
        // Viewers hear the songs, few learn who sings them: four blind reviews
        // rejected nearly every pairing as a deep cut. Colour for the hard
        // level, unless the pack says a track is a headline.
        Ask::TrackArtist(_) => 0.22,
        Ask::ArtistTrack(_) => 0.2,
        Ask::WhichIsNot(_) | Ask::OddOneOut(_) => 0.25,
        Ask::CrewPerson(super::crew_person::Cand { credit })
        | Ask::CrewRole(super::crew_role::Cand { credit }) => {
            let notable = b
                .credits
                .get(credit as usize)
                .is_some_and(|cr| NOTABLE_ROLES.contains(&b.norm(cr.role)));
            match (notable, matches!(c.ask, Ask::CrewPerson(_))) {
                (true, true) => 0.7,
                (true, false) => 0.5,
                (false, _) => 0.2,
            }
        }
        Ask::PlaceOfScene(_) => 0.55,
        Ask::SceneAtPlace(_) => 0.45,
        Ask::Timeline(_) => 0.45,
        Ask::ClosestNumber(k) => b.numbers.get(k.number as usize).map_or(0.5, |n| {
            // A track's running time or a date's day is trivia, not a headline.
            let unit = n.unit.to_ascii_lowercase();
            if ["second", "minute", "hour"]
                .iter()
                .any(|u| unit.contains(u))
            {
                0.15
            } else {
                0.55
            }
        }),
        Ask::CustomObject(_) => 0.6,
        Ask::CustomSubject(_) => 0.55,
        Ask::CustomNot(_) | Ask::CustomOdd(_) => 0.5,
        Ask::HandWritten(_) => 0.5,
    }
}

//! What the generator produces and the players see.

use serde::{Deserialize, Serialize};

/// The kinds of question the engine can make from facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// "Who plays Charlie Spring?"
    ActorOfCharacter,
    /// "Whom does Joe Locke play?"
    CharacterOfActor,
    /// "Which character is Charlie's protective best friend?"
    CharacterDescription,
    /// "What is the title of season 1, episode 3?"
    EpisodeTitle,
    /// "Which episode of season 1 is titled "Kiss"?"
    EpisodeNumber,
    /// "In which episode ...?"
    PlotEpisode,
    /// "Who directed/wrote episode X?" (only where it varies between episodes)
    EpisodeCredit,
    /// "Who won <category> at the <year> <ceremony>?"
    AwardWinner,
    /// "In which category was X nominated at the <year> <ceremony>?"
    AwardCategory,
    /// "Which of these nominations did X win?"
    AwardWon,
    /// "Who performs <track>?"
    TrackArtist,
    /// "Which of these songs is by <artist>?"
    ArtistTrack,
    /// "Who was the <role>?"
    CrewPerson,
    /// "What was <person>'s role?"
    CrewRole,
    /// "Where was <scene> filmed?"
    PlaceOfScene,
    /// "What was filmed at <place>?"
    SceneAtPlace,
    /// "Which of these is NOT ...?"
    WhichIsNot,
    /// "Which is the odd one out?"
    OddOneOut,
    /// "Which of these happened first?"
    Timeline,
    /// "What was <quantity>?" with numeric options
    ClosestNumber,
    /// A pack's own relation, asked for its object.
    CustomObject,
    /// A pack's own relation, asked for its subject.
    CustomSubject,
    /// A pack's own relation: "Which of these moons does NOT orbit Jupiter?"
    CustomNot,
    /// A pack's own relation, split two ways: "Which moon orbits Saturn, not Jupiter?"
    CustomOdd,
    /// Written by hand in the pack.
    HandWritten,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 25] = [
        QuestionKind::ActorOfCharacter,
        QuestionKind::CharacterOfActor,
        QuestionKind::CharacterDescription,
        QuestionKind::EpisodeTitle,
        QuestionKind::EpisodeNumber,
        QuestionKind::PlotEpisode,
        QuestionKind::EpisodeCredit,
        QuestionKind::AwardWinner,
        QuestionKind::AwardCategory,
        QuestionKind::AwardWon,
        QuestionKind::TrackArtist,
        QuestionKind::ArtistTrack,
        QuestionKind::CrewPerson,
        QuestionKind::CrewRole,
        QuestionKind::PlaceOfScene,
        QuestionKind::SceneAtPlace,
        QuestionKind::WhichIsNot,
        QuestionKind::OddOneOut,
        QuestionKind::Timeline,
        QuestionKind::ClosestNumber,
        QuestionKind::CustomObject,
        QuestionKind::CustomSubject,
        QuestionKind::CustomNot,
        QuestionKind::CustomOdd,
        QuestionKind::HandWritten,
    ];

    /// The kebab-case name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::ActorOfCharacter => "actor-of-character",
            QuestionKind::CharacterOfActor => "character-of-actor",
            QuestionKind::CharacterDescription => "character-description",
            QuestionKind::EpisodeTitle => "episode-title",
            QuestionKind::EpisodeNumber => "episode-number",
            QuestionKind::PlotEpisode => "plot-episode",
            QuestionKind::EpisodeCredit => "episode-credit",
            QuestionKind::AwardWinner => "award-winner",
            QuestionKind::AwardCategory => "award-category",
            QuestionKind::AwardWon => "award-won",
            QuestionKind::TrackArtist => "track-artist",
            QuestionKind::ArtistTrack => "artist-track",
            QuestionKind::CrewPerson => "crew-person",
            QuestionKind::CrewRole => "crew-role",
            QuestionKind::PlaceOfScene => "place-of-scene",
            QuestionKind::SceneAtPlace => "scene-at-place",
            QuestionKind::WhichIsNot => "which-is-not",
            QuestionKind::OddOneOut => "odd-one-out",
            QuestionKind::Timeline => "timeline",
            QuestionKind::ClosestNumber => "closest-number",
            QuestionKind::CustomObject => "custom-object",
            QuestionKind::CustomSubject => "custom-subject",
            QuestionKind::CustomNot => "custom-not",
            QuestionKind::CustomOdd => "custom-odd-one-out",
            QuestionKind::HandWritten => "hand-written",
        }
    }

    /// A short label for result screens ("Cast", "Awards").
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::ActorOfCharacter | QuestionKind::CharacterOfActor => "Cast",
            QuestionKind::EpisodeTitle | QuestionKind::EpisodeNumber => "Episodes",
            QuestionKind::PlotEpisode => "Plot",
            QuestionKind::CharacterDescription => "Characters",
            QuestionKind::EpisodeCredit | QuestionKind::CrewPerson | QuestionKind::CrewRole => {
                "Crew"
            }
            QuestionKind::AwardWinner | QuestionKind::AwardCategory | QuestionKind::AwardWon => {
                "Awards"
            }
            QuestionKind::TrackArtist | QuestionKind::ArtistTrack => "Music",
            QuestionKind::PlaceOfScene | QuestionKind::SceneAtPlace => "Filming",
            QuestionKind::WhichIsNot => "Which is not",
            QuestionKind::OddOneOut => "Odd one out",
            QuestionKind::Timeline => "Timeline",
            QuestionKind::ClosestNumber => "Numbers",
            QuestionKind::CustomObject
            | QuestionKind::CustomSubject
            | QuestionKind::CustomNot
            | QuestionKind::CustomOdd => "Facts",
            QuestionKind::HandWritten => "Trivia",
        }
    }

    pub fn from_name(name: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One fact a question rests on, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactTriple {
    pub subject: String,
    pub relation: String,
    pub object: String,
}

/// A generated multiple-choice question; exactly one option is true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<String>,
    /// Index of the true option in `options`.
    pub answer: usize,
    /// 0 (easy) to 1 (hard).
    pub difficulty: f32,
    /// Why the answer is right (the source is in `source`).
    pub explanation: String,
    /// Title of the source document.
    pub source: std::sync::Arc<str>,
    pub facts: Vec<FactTriple>,
    /// For each option: a true fact about it, where one exists
    /// ("Joe Locke plays Charlie Spring"). `None` for the answer itself.
    #[serde(skip)]
    pub option_facts: Vec<Option<std::sync::Arc<str>>>,
    /// The entity behind each option, where options are entities (for checks
    /// that options are all of one type).
    #[serde(skip)]
    pub option_entities: Vec<Option<u32>>,
    /// Identifies the candidate the question was built from.
    #[serde(skip)]
    pub key: u32,
    /// Identifies the fact asked, whichever way round ("Who plays Nick?" and
    /// "Whom does Kit Connor play?" share it): stable across runs and pack
    /// edits that keep the names, for "one fact once a game" and play history.
    pub fact_key: u64,
    /// Id of the pack the question came from.
    #[serde(skip)]
    pub pack: std::sync::Arc<str>,
}

/// FNV-1a: a hash that stays the same across runs, builds and platforms, for
/// keys saved to disk.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    fnv1a(bytes.iter().copied())
}

fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The key of the fact a question rests on: its first fact's two ends in
/// either order, ignoring the case of letters.
pub fn fact_key(facts: &[FactTriple], prompt: &str) -> u64 {
    let Some(f) = facts.first() else {
        return stable_hash(prompt.as_bytes());
    };
    // With the ASCII case bit set: "Kit Connor" and "kit connor" fold together.
    let fold = |s: &str| fnv1a(s.bytes().map(|b| b | 0x20));
    let (a, b) = (fold(&f.subject), fold(&f.object));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    lo.rotate_left(17) ^ hi
}

impl Question {
    pub fn answer_text(&self) -> &str {
        &self.options[self.answer]
    }
}

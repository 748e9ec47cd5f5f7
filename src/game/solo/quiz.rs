//! One solo game: the engine's session and scoreboard, the mode's rules and timers.

use std::collections::BTreeMap;
use std::sync::Arc;

use bevy::prelude::*;

use crate::engine::scoring::{Award, Outcome, Scoreboard};
use crate::engine::{
    Difficulty, PlayHistory, Question, Round, Session, SessionConfig, SpoilerHorizon,
};
use crate::game::Packs;
use crate::game::save::Settings;

pub const BLITZ_SECONDS: f32 = 60.0;
/// Appended to a high-score table's key for games without a clock.
pub const RELAXED_SUFFIX: &str = "-relaxed";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Classic,
    SuddenDeath,
    Blitz,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Classic, Mode::SuddenDeath, Mode::Blitz];
    pub fn name(self) -> &'static str {
        match self {
            Mode::Classic => "Classic",
            Mode::SuddenDeath => "Sudden death",
            Mode::Blitz => "Blitz 60 s",
        }
    }
    pub fn blurb(self) -> &'static str {
        match self {
            Mode::Classic => "A fixed number of questions.",
            Mode::SuddenDeath => "Keep going until the first wrong answer.",
            Mode::Blitz => "As many as you can in 60 seconds.",
        }
    }
}

/// What the mode-select screen sets up.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Setup {
    pub mode: Mode,
    pub questions: u32,
    pub difficulty: Difficulty,
    pub horizon: Option<SpoilerHorizon>,
    /// No clock and no speed points: its own high-score tables.
    pub relaxed: bool,
}

impl Setup {
    pub fn from_settings(s: &Settings) -> Setup {
        Setup {
            mode: Mode::Classic,
            questions: s.questions,
            difficulty: s.difficulty,
            horizon: None,
            relaxed: s.relaxed(),
        }
    }
    /// The high-score table of this setup.
    pub fn mode_key(&self) -> String {
        let mode = match self.mode {
            Mode::Classic => format!("classic-{}", self.questions),
            Mode::SuddenDeath => "sudden-death".into(),
            Mode::Blitz => "blitz".into(),
        };
        if self.relaxed {
            mode + RELAXED_SUFFIX
        } else {
            mode
        }
    }
}

/// Seeds for successive games.
#[derive(Resource, Debug, Clone)]
pub struct GameSeed(pub u64);

/// A finished question.
#[derive(Debug, Clone)]
pub struct Answered {
    pub question: Question,
    pub chosen: Option<usize>,
    pub outcome: Outcome,
    pub award: Award,
}

#[derive(Resource)]
pub struct Quiz {
    /// The question in play, its clock and the last answer.
    pub(crate) round: Round<Answered>,
    pub setup: Setup,
    /// Seconds per question; 0 in a relaxed game (no clock).
    limit: f32,
    /// Blitz: seconds left in the whole game.
    pub blitz_left: f32,
    pub board: Scoreboard,
    /// Label → (correct, asked).
    pub per_kind: BTreeMap<&'static str, (u32, u32)>,
    /// Seconds spent on questions.
    pub seconds_played: f32,
}

impl Quiz {
    /// `limit`: seconds per question, or 0 for a relaxed game.
    pub fn new(
        packs: &Packs,
        mut setup: Setup,
        seed: u64,
        limit: f32,
        history: Arc<PlayHistory>,
    ) -> Quiz {
        let session = Session::new(
            packs.base.clone(),
            SessionConfig {
                seed,
                difficulty: setup.difficulty,
                horizon: setup.horizon,
                kinds: vec![],
                history,
            },
        );
        setup.relaxed = limit <= 0.0;
        Quiz {
            round: Round::new(session),
            setup,
            limit,
            blitz_left: BLITZ_SECONDS,
            board: Scoreboard::default(),
            per_kind: BTreeMap::new(),
            seconds_played: 0.0,
        }
    }

    /// The question in play, its clock and the last answer.
    pub fn round(&self) -> &Round<Answered> {
        &self.round
    }

    /// The open question.
    pub fn current(&self) -> Option<&Question> {
        self.round.current()
    }

    /// No clock on the questions (Blitz keeps its clock for the whole game).
    pub fn relaxed(&self) -> bool {
        self.setup.relaxed
    }

    /// Draws the next question and restarts the timer; false if none is left.
    pub fn draw(&mut self) -> bool {
        self.round.draw(self.limit).is_some()
    }

    /// Answers the current question (`None`: the timer ran out). Scores through the engine.
    pub fn answer(&mut self, chosen: Option<usize>) -> Option<&Answered> {
        let question = self.round.close()?;
        let outcome = match chosen {
            None => Outcome::TimedOut,
            Some(i) if i == question.answer => Outcome::Correct,
            Some(_) => Outcome::Wrong,
        };
        let award = self.board.record(
            outcome,
            question.difficulty,
            self.round.time_left(),
            self.round.limit(),
        );
        let e = self.per_kind.entry(question.kind.label()).or_default();
        e.1 += 1;
        if outcome == Outcome::Correct {
            e.0 += 1;
        }
        Some(self.round.finish(Answered {
            question,
            chosen,
            outcome,
            award,
        }))
    }

    /// Is the game over (after the last reveal)?
    pub fn finished(&self) -> bool {
        if self.round.exhausted() {
            return true;
        }
        match self.setup.mode {
            Mode::Classic => self.board.answered >= self.setup.questions,
            Mode::SuddenDeath => self
                .round
                .last()
                .is_some_and(|a| a.outcome != Outcome::Correct),
            Mode::Blitz => self.blitz_left <= 0.0,
        }
    }

    /// "Question k of n" (n only in classic).
    pub fn progress_text(&self) -> String {
        let k = self.board.answered + 1;
        match self.setup.mode {
            Mode::Classic => format!("Question {k} of {}", self.setup.questions),
            Mode::SuddenDeath => format!("Question {k} · sudden death"),
            Mode::Blitz => format!(
                "Question {k} · {:.0} s left",
                self.blitz_left.max(0.0).ceil()
            ),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let seed = app
        .world()
        .get_resource::<crate::game::GameConfig>()
        .and_then(|c| c.demo.as_ref().map(|d| d.seed))
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    app.insert_resource(GameSeed(seed));
    let setup = Setup::from_settings(
        app.world()
            .get_resource::<Settings>()
            .unwrap_or(&Settings::default()),
    );
    app.insert_resource(setup);
}

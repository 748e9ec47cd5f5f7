//! A party game's course, without Bevy: the players ([`Party`]), the plan of
//! rounds, the question in play ([`Round`]), the final wagers and what comes
//! next — lobby → wager (final round) → question → reveal → standings after
//! each round → podium. The game draws it; `leafquiz host --headless` runs it
//! with phones alone.

use std::sync::Arc;

use super::party::{InputSource, JoinError, Party, PlayerId, RoundResult, RoundType};
use super::session::Difficulty;
use super::{FactBase, PlayHistory, Question, Round, Session, SessionConfig};

/// Where a party game is: what the shared screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Stage {
    #[default]
    Lobby,
    Wager,
    Question,
    Reveal,
    Standings,
    Podium,
}

/// The sequence of rounds and their length.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyPlan {
    pub rounds: Vec<RoundType>,
    pub questions_per_round: u32,
    /// Players needed to start (2; tests may allow 1).
    pub min_players: usize,
}

impl Default for PartyPlan {
    fn default() -> Self {
        PartyPlan {
            rounds: vec![
                RoundType::Classic,
                RoundType::Classic,
                RoundType::FastestFinger,
                RoundType::BuzzAndSteal,
                RoundType::FinalWager,
            ],
            questions_per_round: 3,
            min_players: 2,
        }
    }
}

/// Seconds to answer in each round type.
pub fn seconds_for(round: RoundType) -> f32 {
    match round {
        RoundType::Classic | RoundType::FinalWager => 20.0,
        RoundType::FastestFinger | RoundType::BuzzAndSteal => 15.0,
    }
}

/// Seconds to place the final wagers.
pub const WAGER_SECONDS: f32 = 25.0;
/// Wager steps and the starting bet, in percent.
pub const WAGER_STEP: u32 = 10;
pub const WAGER_START: u32 = 50;

/// One finished question, for the reveal.
#[derive(Debug, Clone)]
pub struct Revealed {
    pub question: Question,
    pub round: RoundType,
    pub results: Vec<RoundResult>,
    pub buzzer: Option<PlayerId>,
    pub wagers: Vec<(PlayerId, u32)>,
}

/// The party, its questions and where the game is.
pub struct PartyGame {
    pub party: Party,
    /// The question in play, its clock and the last reveal.
    pub(crate) round: Round<Revealed>,
    pub setup: PartyPlan,
    /// Index into `setup.rounds`.
    pub round_index: usize,
    /// Questions drawn in this round so far (the current one included).
    pub asked_in_round: u32,
    /// Final wager: the bets placed so far, and who has confirmed.
    pub wagers: Vec<(PlayerId, u32)>,
    pub wager_confirmed: Vec<PlayerId>,
    pub wager_left: f32,
    /// Points at the start of the round (the standings bars grow from them).
    pub round_start: Vec<(PlayerId, i64)>,
    /// Points before the last question (the reveal's deltas are the engine's).
    pub teams: bool,
    /// A room setting: no clock and no speed points; races become classic
    /// rounds and a question ends when everyone has answered (or the host
    /// presses Enter).
    pub relaxed: bool,
}

impl PartyGame {
    /// A party over `base`; `relaxed`: no clock and no speed points.
    pub fn new(
        base: Arc<FactBase>,
        difficulty: Difficulty,
        relaxed: bool,
        seed: u64,
        history: Arc<PlayHistory>,
    ) -> PartyGame {
        let session = Session::new(
            base,
            SessionConfig {
                seed,
                difficulty,
                horizon: None,
                kinds: vec![],
                history,
            },
        );
        PartyGame {
            party: Party::new(),
            round: Round::new(session),
            setup: PartyPlan::default(),
            round_index: 0,
            asked_in_round: 0,
            wagers: Vec::new(),
            wager_confirmed: Vec::new(),
            wager_left: WAGER_SECONDS,
            round_start: Vec::new(),
            teams: false,
            relaxed,
        }
    }

    /// The question in play, its clock and the last reveal.
    pub fn round(&self) -> &Round<Revealed> {
        &self.round
    }

    /// The open question.
    pub fn current(&self) -> Option<&Question> {
        self.round.current()
    }

    pub fn round_type(&self) -> RoundType {
        self.setup
            .rounds
            .get(self.round_index)
            .copied()
            .unwrap_or(RoundType::Classic)
    }

    /// "Round 2 of 5 · Fastest finger".
    pub fn round_text(&self) -> String {
        format!(
            "Round {} of {} · {}",
            self.round_index + 1,
            self.setup.rounds.len().max(1),
            self.round_type().name()
        )
    }

    /// Seats a player; with teams on, in the team with fewer players.
    pub fn join(
        &mut self,
        source: InputSource,
        name: Option<String>,
    ) -> Result<PlayerId, JoinError> {
        let id = self.party.join(source, name)?;
        if self.teams {
            let team = self.smaller_team();
            self.party.set_team(id, Some(team));
        }
        Ok(id)
    }

    /// The team (0 or 1) with fewer players; 0 on a tie.
    pub fn smaller_team(&self) -> u8 {
        let on = |t: u8| {
            self.party
                .players
                .iter()
                .filter(|p| p.team == Some(t))
                .count()
        };
        u8::from(on(0) > on(1))
    }

    /// A new game with the same players (engine `reset_scores`).
    pub fn start_game(&mut self, setup: PartyPlan) {
        self.party.reset_scores();
        self.setup = setup;
        if self.relaxed {
            self.setup.rounds = RoundType::relaxed(&self.setup.rounds);
        }
        if self.setup.rounds.is_empty() {
            self.setup.rounds.push(RoundType::Classic);
        }
        self.setup.questions_per_round = self.setup.questions_per_round.max(1);
        self.round_index = 0;
        self.asked_in_round = 0;
        self.round.restart();
        self.snapshot();
    }

    fn snapshot(&mut self) {
        self.round_start = self
            .party
            .players
            .iter()
            .map(|p| (p.id, p.points))
            .collect();
    }

    /// Draws the next question (after the wagers in a final-wager round):
    /// the stage to go to.
    pub fn next_question_screen(&mut self) -> Stage {
        if self.round_type() == RoundType::FinalWager {
            self.wagers.clear();
            for p in &self.party.players {
                Party::set_wager(p.id, WAGER_START, &mut self.wagers);
            }
            self.wager_confirmed.clear();
            self.wager_left = WAGER_SECONDS;
            return Stage::Wager;
        }
        self.ask_screen()
    }

    /// Draws the question and starts it in the engine.
    pub fn ask_screen(&mut self) -> Stage {
        let round = self.round_type();
        let limit = if self.relaxed {
            0.0
        } else {
            seconds_for(round)
        };
        let Some(answer) = self.round.draw(limit).map(|q| q.answer) else {
            return Stage::Podium;
        };
        let wagers = if round == RoundType::FinalWager {
            self.wagers.clone()
        } else {
            Vec::new()
        };
        self.party.start_question(round, answer, limit, wagers);
        self.asked_in_round += 1;
        Stage::Question
    }

    /// Scores the current question through the engine.
    pub fn finish_question(&mut self) {
        let Some(question) = self.round.close() else {
            return;
        };
        let buzzer = self.party.buzzer();
        let results = self.party.resolve();
        let round = self.round_type();
        self.round.finish(Revealed {
            question,
            round,
            results,
            buzzer,
            wagers: self.wagers.clone(),
        });
    }

    pub fn last_round(&self) -> bool {
        self.round_index + 1 >= self.setup.rounds.len()
    }

    /// After a reveal: the next question, or the standings at the end of a round.
    pub fn after_reveal(&mut self) -> Stage {
        if self.round.exhausted() {
            Stage::Podium
        } else if self.asked_in_round < self.setup.questions_per_round {
            self.next_question_screen()
        } else {
            Stage::Standings
        }
    }

    /// After the standings: the next round, or the podium.
    pub fn after_standings(&mut self) -> Stage {
        if self.last_round() || self.round.exhausted() {
            return Stage::Podium;
        }
        self.round_index += 1;
        self.asked_in_round = 0;
        self.snapshot();
        self.next_question_screen()
    }

    /// Points at the start of this round.
    pub fn points_before(&self, id: PlayerId) -> i64 {
        self.round_start
            .iter()
            .find(|r| r.0 == id)
            .map_or(0, |r| r.1)
    }
}

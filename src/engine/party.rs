//! Party play on one shared screen, without Bevy: players joined through key
//! clusters, gamepads or phones, secret lock-ins, the round types and their
//! scoring.
//!
//! Input arrives as `press(source, slot, at)` with the time in seconds since
//! the question appeared. Presses in the same frame carry the same time; ties
//! are broken by join order (the player who joined first ranks first), so the
//! result never depends on the order the game happened to read the devices.

use serde::{Deserialize, Serialize};

use super::scoring::{fastest_finger_points, party_points, settle_wager};

pub const MAX_PLAYERS: usize = 8;

/// The default key clusters (left to right = answers A to D), as shown in the lobby.
pub const DEFAULT_CLUSTERS: [[&str; 4]; 8] = [
    ["1", "2", "3", "4"],
    ["Q", "W", "E", "R"],
    ["A", "S", "D", "F"],
    ["Z", "X", "C", "V"],
    ["7", "8", "9", "0"],
    ["U", "I", "O", "P"],
    ["H", "J", "K", "L"],
    ["N", "M", ",", "."],
];

/// Where a player's presses come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InputSource {
    /// Index into the key clusters.
    Keys(u8),
    /// A gamepad, by the game's stable id for it.
    Gamepad(u64),
    /// A phone, by its number in the room (`remote::room::PhoneId`).
    Phone(u32),
}

pub type PlayerId = u32;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlayerStats {
    pub answered: u32,
    pub correct: u32,
    pub streak: u32,
    pub best_streak: u32,
    /// Seconds of the fastest correct answer.
    pub fastest: Option<f32>,
}

impl PlayerStats {
    pub fn accuracy(&self) -> f32 {
        if self.answered == 0 {
            0.0
        } else {
            self.correct as f32 / self.answered as f32
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Player {
    pub id: PlayerId,
    pub name: String,
    /// Index into the colour-blind-safe player palette.
    pub colour: u8,
    pub source: InputSource,
    pub team: Option<u8>,
    pub points: i64,
    /// False while the player's gamepad is disconnected: the player is paused, not removed.
    pub connected: bool,
    pub stats: PlayerStats,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundType {
    /// Everyone answers in secret; faster correct answers score more.
    Classic,
    /// The first correct answer scores most, then descending; a wrong answer locks you out.
    FastestFinger,
    /// The first to buzz answers alone; if wrong, the others may steal.
    BuzzAndSteal,
    /// Everyone bets 0–100 % of their points before the question is shown.
    FinalWager,
}

impl RoundType {
    pub fn name(self) -> &'static str {
        match self {
            RoundType::Classic => "Classic",
            RoundType::FastestFinger => "Fastest finger",
            RoundType::BuzzAndSteal => "Buzz and steal",
            RoundType::FinalWager => "Final wager",
        }
    }

    /// Whether the round is a race: it cannot be played without a clock.
    pub fn is_race(self) -> bool {
        matches!(self, RoundType::FastestFinger | RoundType::BuzzAndSteal)
    }

    /// The rounds of a relaxed room (no clock, no speed points): a race
    /// becomes a classic round, where everyone answers in their own time.
    pub fn relaxed(rounds: &[RoundType]) -> Vec<RoundType> {
        rounds
            .iter()
            .map(|&r| if r.is_race() { RoundType::Classic } else { r })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    Full,
    SourceTaken,
}

/// What a press did, for feedback on the shared screen (never revealing the choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PressOutcome {
    /// The source has not joined: ignored.
    Ignored,
    Locked(PlayerId),
    /// Already locked, locked out, or not this player's turn.
    AlreadyDone(PlayerId),
    /// Buzz and steal: this player buzzed first and now answers alone.
    Buzzed(PlayerId),
}

/// One player's answer to the current question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lock {
    pub player: PlayerId,
    pub choice: usize,
    pub at: f32,
}

/// Points of one player for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundResult {
    pub player: PlayerId,
    pub choice: Option<usize>,
    pub correct: bool,
    pub delta: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Party {
    pub players: Vec<Player>,
    next_id: PlayerId,
    question: Option<QuestionState>,
}

#[derive(Debug, Clone)]
struct QuestionState {
    round: RoundType,
    answer: usize,
    time_limit: f32,
    locks: Vec<Lock>,
    locked_out: Vec<PlayerId>,
    buzzer: Option<PlayerId>,
    /// Buzz and steal: the buzzer answered wrong, the others may now steal.
    stealing: bool,
    wagers: Vec<(PlayerId, u32)>,
}

impl Party {
    pub fn new() -> Party {
        Party::default()
    }

    pub fn join(
        &mut self,
        source: InputSource,
        name: Option<String>,
    ) -> Result<PlayerId, JoinError> {
        if self.players.iter().any(|p| p.source == source) {
            return Err(JoinError::SourceTaken);
        }
        if self.players.len() >= MAX_PLAYERS {
            return Err(JoinError::Full);
        }
        let id = self.next_id;
        self.next_id += 1;
        let colour = (0..MAX_PLAYERS as u8)
            .find(|c| !self.players.iter().any(|p| p.colour == *c))
            .unwrap_or(0);
        let name = name.unwrap_or_else(|| DEFAULT_NAMES[colour as usize].to_string());
        self.players.push(Player {
            id,
            name,
            colour,
            source,
            team: None,
            points: 0,
            connected: true,
            stats: PlayerStats::default(),
        });
        Ok(id)
    }

    /// Removes a player; standings of the others are unchanged, and a
    /// question in progress forgets the player's lock.
    pub fn leave(&mut self, id: PlayerId) {
        self.players.retain(|p| p.id != id);
        if let Some(q) = &mut self.question {
            q.locks.retain(|l| l.player != id);
            q.wagers.retain(|w| w.0 != id);
            if q.buzzer == Some(id) {
                q.buzzer = None;
                q.stealing = true;
            }
        }
    }

    pub fn player(&self, id: PlayerId) -> Option<&Player> {
        self.players.iter().find(|p| p.id == id)
    }

    pub fn player_for(&self, source: InputSource) -> Option<&Player> {
        self.players.iter().find(|p| p.source == source)
    }

    pub fn set_connected(&mut self, source: InputSource, connected: bool) {
        if let Some(p) = self.players.iter_mut().find(|p| p.source == source) {
            p.connected = connected;
        }
    }

    pub fn set_team(&mut self, id: PlayerId, team: Option<u8>) {
        if let Some(p) = self.players.iter_mut().find(|p| p.id == id) {
            p.team = team;
        }
    }

    /// Resets points and stats for "play again with the same players".
    pub fn reset_scores(&mut self) {
        for p in &mut self.players {
            p.points = 0;
            p.stats = PlayerStats::default();
        }
        self.question = None;
    }

    /// Final wager: the bet must be placed before `start_question`.
    pub fn set_wager(id: PlayerId, percent: u32, pending: &mut Vec<(PlayerId, u32)>) {
        pending.retain(|w| w.0 != id);
        pending.push((id, percent.min(100)));
    }

    pub fn start_question(
        &mut self,
        round: RoundType,
        answer: usize,
        time_limit: f32,
        wagers: Vec<(PlayerId, u32)>,
    ) {
        self.question = Some(QuestionState {
            round,
            answer,
            time_limit,
            locks: Vec::new(),
            locked_out: Vec::new(),
            buzzer: None,
            stealing: false,
            wagers,
        });
    }

    /// Players who have locked an answer (shown on screen; their choices are not).
    pub fn locked_players(&self) -> Vec<PlayerId> {
        self.question
            .as_ref()
            .map_or(Vec::new(), |q| q.locks.iter().map(|l| l.player).collect())
    }

    pub fn buzzer(&self) -> Option<PlayerId> {
        self.question.as_ref().and_then(|q| q.buzzer)
    }

    /// Players who still may answer.
    fn eligible(&self) -> Vec<PlayerId> {
        let Some(q) = &self.question else {
            return Vec::new();
        };
        self.players
            .iter()
            .filter(|p| {
                p.connected
                    && !q.locked_out.contains(&p.id)
                    && !q.locks.iter().any(|l| l.player == p.id)
            })
            .filter(|p| match q.round {
                RoundType::BuzzAndSteal if !q.stealing => q.buzzer.is_none_or(|b| b == p.id),
                RoundType::BuzzAndSteal => q.buzzer != Some(p.id),
                _ => true,
            })
            .map(|p| p.id)
            .collect()
    }

    /// Whether the question is settled before time runs out.
    pub fn all_done(&self) -> bool {
        let Some(q) = &self.question else { return true };
        match q.round {
            RoundType::FastestFinger => {
                self.eligible().is_empty()
                    || q.locks.iter().filter(|l| l.choice == q.answer).count() >= self.players.len()
            }
            RoundType::BuzzAndSteal => {
                let buzzer_right = q
                    .locks
                    .iter()
                    .any(|l| Some(l.player) == q.buzzer && l.choice == q.answer);
                buzzer_right || self.eligible().is_empty()
            }
            _ => self.eligible().is_empty(),
        }
    }

    pub fn press(&mut self, source: InputSource, slot: usize, at: f32) -> PressOutcome {
        let Some(player) = self
            .player_for(source)
            .filter(|p| p.connected)
            .map(|p| p.id)
        else {
            return PressOutcome::Ignored;
        };
        if !self.eligible().contains(&player) {
            return PressOutcome::AlreadyDone(player);
        }
        let Some(q) = &mut self.question else {
            return PressOutcome::Ignored;
        };
        if q.round == RoundType::BuzzAndSteal && !q.stealing && q.buzzer.is_none() {
            // The first press buzzes; the next press is the answer.
            q.buzzer = Some(player);
            return PressOutcome::Buzzed(player);
        }
        q.locks.push(Lock {
            player,
            choice: slot,
            at,
        });
        match q.round {
            RoundType::FastestFinger if slot != q.answer => q.locked_out.push(player),
            RoundType::BuzzAndSteal if Some(player) == q.buzzer && slot != q.answer => {
                q.stealing = true
            }
            _ => {}
        }
        PressOutcome::Locked(player)
    }

    /// Scores the question, updates points and stats, and returns what each player got.
    pub fn resolve(&mut self) -> Vec<RoundResult> {
        let Some(q) = self.question.take() else {
            return Vec::new();
        };
        let order: Vec<PlayerId> = self.players.iter().map(|p| p.id).collect();
        let rank_of = |id: PlayerId| order.iter().position(|&o| o == id).unwrap_or(usize::MAX);
        // Correct locks by time, ties by join order.
        let mut correct: Vec<&Lock> = q.locks.iter().filter(|l| l.choice == q.answer).collect();
        correct.sort_by(|a, b| {
            a.at.total_cmp(&b.at)
                .then(rank_of(a.player).cmp(&rank_of(b.player)))
        });
        let mut results = Vec::new();
        for p in &mut self.players {
            let lock = q.locks.iter().find(|l| l.player == p.id);
            let is_correct = lock.is_some_and(|l| l.choice == q.answer);
            let delta: i64 = match q.round {
                RoundType::Classic => lock.map_or(0, |l| {
                    party_points(
                        is_correct,
                        q.time_limit - l.at,
                        q.time_limit,
                        p.stats.streak,
                    ) as i64
                }),
                RoundType::FastestFinger => correct
                    .iter()
                    .position(|l| l.player == p.id)
                    .map_or(0, |r| fastest_finger_points(r) as i64),
                RoundType::BuzzAndSteal => {
                    if is_correct {
                        if Some(p.id) == q.buzzer {
                            1000
                        } else if correct.first().is_some_and(|l| l.player == p.id) {
                            500
                        } else {
                            0
                        }
                    } else if lock.is_some() && Some(p.id) == q.buzzer {
                        -250.min(p.points)
                    } else {
                        0
                    }
                }
                RoundType::FinalWager => {
                    let pct = q.wagers.iter().find(|w| w.0 == p.id).map_or(0, |w| w.1);
                    settle_wager(p.points, pct, is_correct) - p.points.max(0)
                }
            };
            if q.round == RoundType::FinalWager {
                p.points = p.points.max(0) + delta;
            } else {
                p.points = (p.points + delta).max(0);
            }
            if let Some(l) = lock {
                p.stats.answered += 1;
                if is_correct {
                    p.stats.correct += 1;
                    p.stats.streak += 1;
                    p.stats.best_streak = p.stats.best_streak.max(p.stats.streak);
                    p.stats.fastest = Some(p.stats.fastest.map_or(l.at, |f| f.min(l.at)));
                } else {
                    p.stats.streak = 0;
                }
            } else {
                p.stats.streak = 0;
            }
            results.push(RoundResult {
                player: p.id,
                choice: lock.map(|l| l.choice),
                correct: is_correct,
                delta,
            });
        }
        results
    }

    /// Standings: points descending, ties by join order.
    pub fn standings(&self) -> Vec<&Player> {
        let mut v: Vec<&Player> = self.players.iter().collect();
        v.sort_by(|a, b| b.points.cmp(&a.points).then(a.id.cmp(&b.id)));
        v
    }

    /// Sets a player's points directly (tests and the game's "restore" path).
    pub fn points_for_test(&mut self, id: PlayerId, points: i64) {
        if let Some(p) = self.players.iter_mut().find(|p| p.id == id) {
            p.points = points;
        }
    }

    /// Team totals (team, points), highest first.
    pub fn team_totals(&self) -> Vec<(u8, i64)> {
        let mut totals: Vec<(u8, i64)> = Vec::new();
        for p in &self.players {
            if let Some(t) = p.team {
                match totals.iter_mut().find(|x| x.0 == t) {
                    Some(x) => x.1 += p.points,
                    None => totals.push((t, p.points)),
                }
            }
        }
        totals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        totals
    }
}

/// Friendly default names, one per palette colour.
pub const DEFAULT_NAMES: [&str; MAX_PLAYERS] = [
    "Maple", "Willow", "Birch", "Rowan", "Hazel", "Aspen", "Cedar", "Elm",
];

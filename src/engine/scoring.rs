//! The scoring rules, one place for the solo game and party play.
//!
//! Solo: `points = round((base + speed bonus) × streak multiplier)` where
//! * base = 100 + 200 × difficulty (100 for the easiest, 300 for the hardest);
//! * speed bonus = up to 100, linear in the share of the timer left;
//! * streak multiplier = 1 + 0.1 × (correct answers in a row before this one), capped at 2;
//! * a wrong answer or a timeout scores 0 and resets the streak.

use serde::{Deserialize, Serialize};

pub const BASE_POINTS: u32 = 100;
pub const DIFFICULTY_POINTS: u32 = 200;
pub const MAX_SPEED_BONUS: u32 = 100;
pub const STREAK_STEP: f32 = 0.1;
pub const MAX_MULTIPLIER: f32 = 2.0;

/// The outcome of one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Correct,
    Wrong,
    TimedOut,
}

/// Points for one answer and how they were made up.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Award {
    pub base: u32,
    pub speed_bonus: u32,
    pub multiplier: f32,
    pub total: u32,
}

/// `time_left` and `time_limit` in seconds; `streak` = correct answers in a row before this one.
pub fn score_answer(
    outcome: Outcome,
    difficulty: f32,
    time_left: f32,
    time_limit: f32,
    streak: u32,
) -> Award {
    if outcome != Outcome::Correct {
        return Award {
            multiplier: 1.0,
            ..Award::default()
        };
    }
    let difficulty = if difficulty.is_finite() {
        difficulty.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let base = BASE_POINTS + (DIFFICULTY_POINTS as f32 * difficulty).round() as u32;
    let share = if time_limit > 0.0 && time_left.is_finite() {
        (time_left / time_limit).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let speed_bonus = (MAX_SPEED_BONUS as f32 * share).round() as u32;
    let multiplier = streak_multiplier(streak);
    let total = ((base + speed_bonus) as f32 * multiplier).round() as u32;
    Award {
        base,
        speed_bonus,
        multiplier,
        total,
    }
}

pub fn streak_multiplier(streak: u32) -> f32 {
    (1.0 + STREAK_STEP * streak.min(100) as f32).min(MAX_MULTIPLIER)
}

/// A running solo score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scoreboard {
    pub score: u64,
    pub streak: u32,
    pub best_streak: u32,
    pub answered: u32,
    pub correct: u32,
}

impl Scoreboard {
    pub fn record(
        &mut self,
        outcome: Outcome,
        difficulty: f32,
        time_left: f32,
        time_limit: f32,
    ) -> Award {
        let award = score_answer(outcome, difficulty, time_left, time_limit, self.streak);
        self.answered += 1;
        self.score += award.total as u64;
        if outcome == Outcome::Correct {
            self.correct += 1;
            self.streak += 1;
            self.best_streak = self.best_streak.max(self.streak);
        } else {
            self.streak = 0;
        }
        award
    }

    pub fn accuracy(&self) -> f32 {
        if self.answered == 0 {
            0.0
        } else {
            self.correct as f32 / self.answered as f32
        }
    }
}

/// Party "Classic" rounds: a correct answer scores 500 to 1000 by speed, plus
/// 100 per previous correct answer in a row (at most 500).
pub fn party_points(correct: bool, time_left: f32, time_limit: f32, streak: u32) -> u32 {
    if !correct {
        return 0;
    }
    let share = if time_limit > 0.0 && time_left.is_finite() {
        (time_left / time_limit).clamp(0.0, 1.0)
    } else {
        0.0
    };
    500 + (500.0 * share).round() as u32 + 100 * streak.min(5)
}

/// Party "Fastest finger": the k-th correct answer (0-based) scores 1000, 750, 500, then 250.
pub fn fastest_finger_points(rank: usize) -> u32 {
    [1000, 750, 500].get(rank).copied().unwrap_or(250)
}

/// Party "Final wager": the wager (clamped to what the player has) is won or lost.
pub fn settle_wager(points: i64, wager_percent: u32, correct: bool) -> i64 {
    let points = points.max(0);
    let stake = points * wager_percent.min(100) as i64 / 100;
    if correct {
        points + stake
    } else {
        points - stake
    }
}

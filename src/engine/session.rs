//! A quiz session: a seeded, reproducible stream of questions with no repeats
//! until the pool is exhausted, a difficulty setting and a spoiler horizon.

use std::sync::Arc;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::facts::{FactBase, Horizon, horizon};
use super::generate::render;
use super::question::{Question, QuestionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    #[default]
    Medium,
    Hard,
    /// Starts easy and gets harder question by question.
    Ramp,
}

impl Difficulty {
    pub const ALL: [Difficulty; 4] = [
        Difficulty::Easy,
        Difficulty::Medium,
        Difficulty::Hard,
        Difficulty::Ramp,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
            Difficulty::Ramp => "ramp",
        }
    }

    pub fn from_name(s: &str) -> Option<Difficulty> {
        Difficulty::ALL.into_iter().find(|d| d.name() == s)
    }

    /// The difficulty a question should have as the `n`th of a session.
    pub fn target(self, n: u32) -> f32 {
        match self {
            Difficulty::Easy => 0.2,
            Difficulty::Medium => 0.5,
            Difficulty::Hard => 0.8,
            Difficulty::Ramp => (0.15 + 0.06 * n as f32).min(0.9),
        }
    }
}

/// "I have watched up to season S, episode E".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoilerHorizon {
    pub season: u32,
    pub episode: u32,
}

impl SpoilerHorizon {
    pub fn as_horizon(self) -> Horizon {
        horizon(self.season, self.episode)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionConfig {
    pub seed: u64,
    pub difficulty: Difficulty,
    /// `None`: everything is fair game.
    pub horizon: Option<SpoilerHorizon>,
    /// Only these kinds (empty = all).
    pub kinds: Vec<QuestionKind>,
}

/// How many candidates are compared when picking the next question by difficulty.
const DIFFICULTY_SAMPLES: usize = 4;

pub struct Session {
    base: Arc<FactBase>,
    config: SessionConfig,
    rng: ChaCha8Rng,
    /// Candidate indices allowed by the configuration; `order[..remaining]`
    /// are those not yet asked in this cycle.
    order: Vec<u32>,
    remaining: usize,
    asked: u32,
    limit: Horizon,
    /// Kinds of the last few questions, so one big table does not crowd out the rest.
    recent: [Option<QuestionKind>; RECENT_KINDS],
    cycle: u32,
}

const RECENT_KINDS: usize = 4;
/// How much a kind asked recently counts against a candidate, in difficulty units.
const REPEAT_KIND_PENALTY: f32 = 0.35;

impl Session {
    pub fn new(base: Arc<FactBase>, config: SessionConfig) -> Session {
        let limit = config.horizon.map_or(0, SpoilerHorizon::as_horizon);
        let order: Vec<u32> = base
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| limit == 0 || c.horizon() == 0 || c.horizon() <= limit)
            .filter(|(_, c)| config.kinds.is_empty() || config.kinds.contains(&c.kind()))
            .map(|(i, _)| i as u32)
            .collect();
        Session {
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            remaining: order.len(),
            order,
            base,
            config,
            asked: 0,
            limit,
            recent: [None; RECENT_KINDS],
            cycle: 0,
        }
    }

    pub fn base(&self) -> &Arc<FactBase> {
        &self.base
    }

    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// Questions this configuration can ask in one cycle (an upper bound:
    /// some candidates may turn out to have no fair question).
    pub fn pool_size(&self) -> usize {
        self.order.len()
    }

    /// How many times the pool has been used up (0 during the first pass).
    pub fn cycle(&self) -> u32 {
        self.cycle
    }

    pub fn asked(&self) -> u32 {
        self.asked
    }

    /// The next question, or `None` if the configuration allows none at all.
    pub fn next_question(&mut self) -> Option<Question> {
        if self.order.is_empty() {
            return None;
        }
        let target = self.config.difficulty.target(self.asked);
        // Every candidate gets a few chances; failures are dropped for this cycle.
        let mut failures = 0usize;
        loop {
            if self.remaining == 0 {
                if failures >= self.order.len() {
                    return None;
                }
                self.remaining = self.order.len(); // a new cycle: repeats are allowed again
                self.cycle += 1;
            }
            let slot = self.pick_slot(target);
            let candidate_index = self.order[slot];
            // Move the picked candidate out of the unasked part.
            self.remaining -= 1;
            self.order.swap(slot, self.remaining);
            let candidate = self.base.candidates[candidate_index as usize];
            if let Ok(q) = render(
                &self.base,
                &candidate,
                candidate_index,
                &mut self.rng,
                self.limit,
            ) {
                self.recent[self.asked as usize % RECENT_KINDS] = Some(q.kind);
                self.asked += 1;
                return Some(q);
            }
            failures += 1;
            if failures > self.order.len() * 2 {
                return None;
            }
        }
    }

    /// Among a few random unasked candidates, the one closest to the target difficulty.
    fn pick_slot(&mut self, target: f32) -> usize {
        let mut best = self.rng.random_range(0..self.remaining);
        let mut best_gap = self.gap(best, target);
        for _ in 1..DIFFICULTY_SAMPLES.min(self.remaining) {
            let s = self.rng.random_range(0..self.remaining);
            let gap = self.gap(s, target);
            if gap < best_gap {
                best = s;
                best_gap = gap;
            }
        }
        best
    }

    fn gap(&self, slot: usize, target: f32) -> f32 {
        let c = &self.base.candidates[self.order[slot] as usize];
        let repeats = self.recent.iter().filter(|k| **k == Some(c.kind())).count() as f32;
        (c.base_difficulty - target).abs() + REPEAT_KIND_PENALTY * repeats
    }
}

//! A quiz session (one game): a seeded, reproducible stream of questions.
//! It asks each fact at most once and each prompt at most once, keeps any
//! topic from taking over, favours interesting facts at the level the player
//! chose, puts off the facts of the player's recent games, and says when the
//! packs run short instead of repeating itself.

use std::collections::HashSet;
use std::sync::Arc;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::facts::{FactBase, FastHash, Horizon, horizon};
use super::generate::render;
use super::history::{PlayHistory, RECENT_GAMES};
use super::kinds::Topic;
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

    /// The difficulty a question should have as the `n`th of a session, as
    /// the chance that a fan gets it wrong: easy is what any viewer knows,
    /// hard is what a devoted fan knows.
    pub fn target(self, n: u32) -> f32 {
        match self {
            Difficulty::Easy => 0.12,
            Difficulty::Medium => 0.3,
            Difficulty::Hard => 0.5,
            Difficulty::Ramp => (0.08 + 0.03 * n as f32).min(0.6),
        }
    }

    /// How much an uninteresting fact counts against a candidate: little at
    /// the hard level, where obscure facts are the point.
    fn interest_weight(self, target: f32) -> f32 {
        match self {
            Difficulty::Easy => 0.5,
            Difficulty::Medium => 0.35,
            Difficulty::Hard => 0.1,
            Difficulty::Ramp => (0.6 - target).clamp(0.1, 0.5),
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
    /// What players did before: the facts of their recent games are asked
    /// again only when nothing fresh is left, and each question's difficulty
    /// blends the engine's estimate with the answers recorded.
    pub history: Arc<PlayHistory>,
}

/// How many candidates are compared when picking the next question.
const SAMPLES: usize = 10;
const RECENT_KINDS: usize = 4;
/// How much a kind asked recently counts against a candidate, in difficulty units.
const REPEAT_KIND_PENALTY: f32 = 0.25;
/// A topic past its share of the game, or a fact too minor for the level.
const OFF_MENU_PENALTY: f32 = 1.0;
/// No topic takes more than about this share of a game (unless the pool has
/// fewer topics than it takes to fill one).
const TOPIC_SHARE: f32 = 0.25;
/// Facts below this interest are colour, asked only near the hard level.
const MINOR_INTEREST: f32 = 0.25;

pub struct Session {
    base: Arc<FactBase>,
    config: SessionConfig,
    rng: ChaCha8Rng,
    /// Candidate indices allowed by the configuration; `order[..remaining]`
    /// are those not yet tried in this game.
    order: Vec<u32>,
    remaining: usize,
    /// Candidates whose fact the player met in a recent game, for when
    /// nothing fresh is left.
    deferred: Vec<u32>,
    /// Facts of the player's recent games.
    recent: HashSet<u64>,
    /// Recent games no longer count: everything fresh has been asked.
    recent_spent: bool,
    asked: u32,
    limit: Horizon,
    /// Kinds of the last few questions, so one big table does not crowd out the rest.
    recent_kinds: [Option<QuestionKind>; RECENT_KINDS],
    facts_asked: HashSet<u64, FastHash>,
    prompts_asked: HashSet<u64, FastHash>,
    per_topic: [u32; Topic::ALL.len()],
    topic_cap: f32,
    ran_short: bool,
}

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
        let mut topics = HashSet::new();
        for &i in &order {
            topics.insert(base.ratings[i as usize].topic);
        }
        let topic_cap = TOPIC_SHARE.max(1.0 / topics.len().max(1) as f32);
        let recent = config.history.recent(RECENT_GAMES);
        Session {
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            remaining: order.len(),
            order,
            deferred: Vec::new(),
            recent_spent: recent.is_empty(),
            recent,
            base,
            config,
            asked: 0,
            limit,
            recent_kinds: [None; RECENT_KINDS],
            facts_asked: HashSet::default(),
            prompts_asked: HashSet::default(),
            per_topic: [0; Topic::ALL.len()],
            topic_cap,
            ran_short: false,
        }
    }

    pub fn base(&self) -> &Arc<FactBase> {
        &self.base
    }

    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// Questions this configuration can ask in one game (an upper bound:
    /// some candidates turn out to have no fair question, or repeat a fact).
    pub fn pool_size(&self) -> usize {
        self.order.len()
    }

    pub fn asked(&self) -> u32 {
        self.asked
    }

    /// Every fresh fact has been asked: the game should end rather than repeat.
    pub fn ran_short(&self) -> bool {
        self.ran_short
    }

    /// Questions asked per topic so far.
    pub fn topic_counts(&self) -> impl Iterator<Item = (Topic, u32)> + '_ {
        Topic::ALL
            .iter()
            .copied()
            .zip(self.per_topic.iter().copied())
    }

    /// The next question, or `None` when the packs have nothing fresh left
    /// for this game (`ran_short`) or allow nothing at all.
    pub fn next_question(&mut self) -> Option<Question> {
        let target = self.config.difficulty.target(self.asked);
        loop {
            if self.remaining == 0 {
                // Facts from recent games come back only when nothing else is left.
                if self.recent_spent || self.deferred.is_empty() {
                    self.ran_short = true;
                    return None;
                }
                self.recent_spent = true;
                self.order = std::mem::take(&mut self.deferred);
                self.remaining = self.order.len();
            }
            let slot = self.pick_slot(target);
            let candidate_index = self.order[slot];
            // Every candidate is tried once a game.
            self.remaining -= 1;
            self.order.swap(slot, self.remaining);
            let candidate = self.base.candidates[candidate_index as usize];
            let Ok(mut q) = render(
                &self.base,
                &candidate,
                candidate_index,
                &mut self.rng,
                self.limit,
            ) else {
                continue;
            };
            let frame = prompt_key(&q.prompt);
            if self.facts_asked.contains(&q.fact_key) || self.prompts_asked.contains(&frame) {
                continue; // the same fact or the same frame, asked another way
            }
            if !self.recent_spent && self.recent.contains(&q.fact_key) {
                self.deferred.push(candidate_index);
                continue;
            }
            q.difficulty = self.config.history.blend(q.fact_key, q.difficulty);
            self.facts_asked.insert(q.fact_key);
            self.prompts_asked.insert(frame);
            self.recent_kinds[self.asked as usize % RECENT_KINDS] = Some(q.kind);
            self.per_topic[Topic::of(q.kind) as usize] += 1;
            self.asked += 1;
            return Some(q);
        }
    }

    /// Among a few random untried candidates, the best fit for the level, the
    /// menu and the player's interest.
    fn pick_slot(&mut self, target: f32) -> usize {
        let mut best = self.rng.random_range(0..self.remaining);
        let mut best_score = self.score(best, target);
        for _ in 1..SAMPLES.min(self.remaining) {
            let s = self.rng.random_range(0..self.remaining);
            let score = self.score(s, target);
            if score < best_score {
                best = s;
                best_score = score;
            }
        }
        best
    }

    fn score(&self, slot: usize, target: f32) -> f32 {
        let index = self.order[slot] as usize;
        let c = &self.base.candidates[index];
        let r = &self.base.ratings[index];
        let repeats = self
            .recent_kinds
            .iter()
            .filter(|k| **k == Some(c.kind()))
            .count() as f32;
        let mut score = (r.difficulty - target).abs()
            + REPEAT_KIND_PENALTY * repeats
            + self.config.difficulty.interest_weight(target) * (1.0 - r.interest);
        // A balanced menu: past the first few questions, no topic beyond its share.
        let asked = self.asked as f32;
        if self.asked >= 3
            && (self.per_topic[r.topic as usize] as f32 + 1.0) > self.topic_cap * (asked + 1.0)
        {
            score += OFF_MENU_PENALTY;
        }
        if r.interest < MINOR_INTEREST && target < 0.45 {
            score += OFF_MENU_PENALTY;
        }
        score
    }
}

/// A prompt's identity within a game: the same words are one frame.
fn prompt_key(prompt: &str) -> u64 {
    super::question::stable_hash(prompt.as_bytes())
}

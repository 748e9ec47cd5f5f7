//! What players did with each fact: how often it was asked and answered
//! right, and in which game it was last asked. The game saves it in the data
//! folder; a session uses it to put off the facts of recent games and to
//! sharpen its difficulty estimate with what players actually got right.
//! Friends sharing a pack can export and import it.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::question::Question;

/// The file in the data folder that holds a player's history.
pub const HISTORY_FILE: &str = "history.ron";

/// Games whose facts wait until nothing fresh is left.
pub const RECENT_GAMES: u32 = 5;

/// How many answers the engine's own estimate is worth: after this many,
/// what players did counts as much as the estimate.
const PRIOR_ANSWERS: f32 = 8.0;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlayHistory {
    /// Games started, counting from 1.
    pub games: u32,
    /// Per fact key (`Question::fact_key`).
    pub facts: BTreeMap<u64, FactRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRecord {
    /// The question as last asked, for people reading the numbers.
    pub prompt: String,
    pub answer: String,
    /// The kind's name as the command line writes it ("track-artist").
    pub kind: String,
    pub pack: String,
    pub asked: u32,
    pub correct: u32,
    /// The game it was last asked in (0: only imported).
    #[serde(default)]
    pub last_game: u32,
    /// The engine's estimate when last asked: the chance a fan gets it wrong.
    pub estimate: f32,
    /// The explanation shown after it: what the player learnt beside the
    /// answer ("…, played by Kizzy Edgell"), so the next games do not ask it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
}

impl FactRecord {
    /// The share of answers that were wrong (timeouts count as wrong).
    pub fn wrong_rate(&self) -> f32 {
        if self.asked == 0 {
            0.0
        } else {
            1.0 - self.correct as f32 / self.asked as f32
        }
    }
}

impl PlayHistory {
    /// A new game begins; returns its number.
    pub fn start_game(&mut self) -> u32 {
        self.games += 1;
        self.games
    }

    /// One answer to a question (in party play, one per player).
    pub fn record(&mut self, q: &Question, correct: bool) {
        let r = self.seen(q);
        r.asked += 1;
        r.correct += u32::from(correct);
    }

    /// A question shown in the current game, answered or not (`leafquiz ask
    /// --history` prints questions nobody answers): later games put it off.
    pub fn seen(&mut self, q: &Question) -> &mut FactRecord {
        let game = self.games;
        let r = self.facts.entry(q.fact_key).or_insert_with(|| FactRecord {
            prompt: String::new(),
            answer: String::new(),
            kind: String::new(),
            pack: q.pack.to_string(),
            asked: 0,
            correct: 0,
            last_game: 0,
            estimate: 0.0,
            explanation: String::new(),
        });
        r.prompt.clone_from(&q.prompt);
        r.explanation.clone_from(&q.explanation);
        r.answer = q.answer_text().to_string();
        r.kind = q.kind.name().to_string();
        r.last_game = game;
        r.estimate = q.difficulty;
        r
    }

    /// The records of facts asked in the last `games` games before the
    /// current one (the current game is `self.games`).
    fn recent_records(&self, games: u32) -> impl Iterator<Item = (&u64, &FactRecord)> {
        let since = self.games.saturating_sub(games + 1);
        self.facts.iter().filter(move |(_, r)| r.last_game > since)
    }

    /// Facts asked in the last `games` games before the current one.
    pub fn recent(&self, games: u32) -> HashSet<u64> {
        self.recent_records(games).map(|(&k, _)| k).collect()
    }

    /// What the last `games` games before the current one showed, lower case:
    /// their prompts and explanations.
    pub fn recent_text(&self, games: u32) -> String {
        let mut text = String::new();
        for (_, r) in self.recent_records(games) {
            text.push_str(&r.prompt.to_lowercase());
            text.push('\n');
            text.push_str(&r.explanation.to_lowercase());
            text.push('\n');
        }
        text
    }

    /// The answers (and their kinds' names) of the facts asked in the last
    /// `games` games before the current one.
    pub fn recent_answers(&self, games: u32) -> impl Iterator<Item = (&str, &str)> {
        self.recent_records(games)
            .map(|(_, r)| (r.answer.as_str(), r.kind.as_str()))
    }

    /// The engine's estimate blended with what players did: a Beta prior
    /// worth `PRIOR_ANSWERS` answers, updated by every answer recorded.
    pub fn blend(&self, fact_key: u64, prior: f32) -> f32 {
        match self.facts.get(&fact_key) {
            Some(r) if r.asked > 0 => {
                let wrong = (r.asked - r.correct) as f32;
                (prior * PRIOR_ANSWERS + wrong) / (PRIOR_ANSWERS + r.asked as f32)
            }
            _ => prior,
        }
    }

    /// Adds another history's answers (a friend's export): counts add up,
    /// this player's recency is kept.
    pub fn import(&mut self, other: &PlayHistory) {
        for (&key, theirs) in &other.facts {
            match self.facts.get_mut(&key) {
                Some(mine) => {
                    mine.asked += theirs.asked;
                    mine.correct += theirs.correct.min(theirs.asked);
                }
                None => {
                    let mut r = theirs.clone();
                    r.correct = r.correct.min(r.asked);
                    r.last_game = 0;
                    self.facts.insert(key, r);
                }
            }
        }
    }

    /// The numbers to share: answers only, without this player's recency.
    pub fn export(&self) -> PlayHistory {
        PlayHistory {
            games: 0,
            facts: self
                .facts
                .iter()
                .map(|(&k, r)| {
                    let mut r = r.clone();
                    r.last_game = 0;
                    (k, r)
                })
                .collect(),
        }
    }

    /// Facts answered at least `min_answers` times, hardest first (by the
    /// share answered wrong, then by answers).
    pub fn hardest_first(&self, min_answers: u32) -> Vec<&FactRecord> {
        let mut v: Vec<&FactRecord> = self
            .facts
            .values()
            .filter(|r| r.asked >= min_answers)
            .collect();
        v.sort_by(|a, b| {
            b.wrong_rate()
                .total_cmp(&a.wrong_rate())
                .then(b.asked.cmp(&a.asked))
                .then(a.prompt.cmp(&b.prompt))
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::QuestionKind;
    use proptest::prelude::*;

    fn question(key: u64, difficulty: f32) -> Question {
        Question {
            kind: QuestionKind::ActorOfCharacter,
            prompt: format!("Question {key}?"),
            options: vec!["A".into(), "B".into()],
            answer: 0,
            difficulty,
            explanation: String::new(),
            source: "".into(),
            facts: Vec::new(),
            option_facts: Vec::new(),
            option_entities: Vec::new(),
            key: 0,
            fact_key: key,
            pack: "p".into(),
        }
    }

    #[test]
    fn recent_means_the_last_games_before_this_one() {
        let mut h = PlayHistory::default();
        for game in 1..=8u64 {
            h.start_game();
            h.record(&question(game, 0.3), true);
        }
        h.start_game(); // game 9
        let recent = h.recent(RECENT_GAMES);
        let expected: HashSet<u64> = (4..=8).collect();
        assert_eq!(recent, expected);
    }

    #[test]
    fn answers_pull_the_estimate_towards_what_players_did() {
        let mut h = PlayHistory::default();
        h.start_game();
        let q = question(7, 0.2);
        assert_eq!(h.blend(7, 0.2), 0.2, "no answers: the prior");
        for _ in 0..40 {
            h.record(&q, false);
        }
        let after = h.blend(7, 0.2);
        assert!(after > 0.8, "40 wrong answers make it hard: {after}");
    }

    #[test]
    fn importing_adds_a_friends_answers_but_not_their_recency() {
        let mut mine = PlayHistory::default();
        mine.start_game();
        mine.record(&question(1, 0.3), true);
        let mut theirs = PlayHistory::default();
        theirs.start_game();
        theirs.record(&question(1, 0.3), false);
        theirs.record(&question(2, 0.3), true);
        let shared = theirs.export();
        let text = ron::to_string(&shared).unwrap();
        let back: PlayHistory = ron::from_str(&text).unwrap();
        assert_eq!(back, shared, "the export round-trips");
        mine.import(&back);
        assert_eq!(mine.facts[&1].asked, 2);
        assert_eq!(mine.facts[&1].correct, 1);
        assert_eq!(mine.facts[&2].last_game, 0, "not recent for me");
        assert!(!mine.recent(RECENT_GAMES).contains(&2));
    }

    proptest! {
        #[test]
        fn the_blend_lies_between_the_prior_and_the_observed_rate(
            prior in 0.0f32..1.0,
            answers in proptest::collection::vec(any::<bool>(), 1..60),
        ) {
            let mut h = PlayHistory::default();
            h.start_game();
            let q = question(3, prior);
            for &a in &answers {
                h.record(&q, a);
            }
            let observed = h.facts[&3].wrong_rate();
            let blended = h.blend(3, prior);
            let (lo, hi) = if prior <= observed { (prior, observed) } else { (observed, prior) };
            prop_assert!(blended >= lo - 1e-5 && blended <= hi + 1e-5, "{} not in [{}, {}]", blended, lo, hi);
        }
    }
}

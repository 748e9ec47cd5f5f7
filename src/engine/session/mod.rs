//! A quiz session (one game): a seeded, reproducible stream of questions.
//! It asks each fact at most once and each prompt at most once, keeps any
//! topic from taking over, favours interesting facts at the level the player
//! chose, puts off the facts of the player's recent games, and says when the
//! packs run short instead of repeating itself.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::engine::facts::{FactBase, FastHash, Horizon, horizon};
use crate::engine::generate::{Labels, Reject, render_avoiding};
use crate::engine::history::{PlayHistory, RECENT_GAMES};
use crate::engine::kinds::Topic;

mod pool;
use crate::engine::question::{Question, QuestionKind};
use pool::{Pool, Slot, TIER_WEIGHT, TIERS};

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
            Difficulty::Hard => 0.42,
            Difficulty::Ramp => (0.08 + 0.03 * n as f32).min(0.5),
        }
    }

    /// How much an uninteresting fact counts against a candidate: little at
    /// the hard level, where obscure facts are the point.
    fn interest_weight(self, target: f32) -> f32 {
        match self {
            Difficulty::Easy => 0.5,
            Difficulty::Medium => 0.35,
            // Hard is what a devoted fan knows, not what nobody cares about.
            Difficulty::Hard => 0.3,
            Difficulty::Ramp => (0.65 - target).clamp(0.3, 0.5),
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
const SAMPLES: usize = 6;
const RECENT_KINDS: usize = 4;
/// Recent questions whose prompts and explanations are searched for a
/// later answer they spelt out.
const ANSWER_WINDOW: usize = 12;
/// Past games whose answers a new game treats as taught: a player who just
/// learnt that Kizzy Edgell plays Darcy rules her out of the next cast
/// question (a blind review of three games in a row).
const TAUGHT_GAMES: u32 = 2;
/// How much a kind asked recently counts against a candidate, in difficulty units.
const REPEAT_KIND_PENALTY: f32 = 0.25;
/// A topic past its share of the game, or a fact too minor for the level.
const OFF_MENU_PENALTY: f32 = 1.0;
/// No topic takes more than about this share of a game (unless the pool has
/// fewer topics than it takes to fill one).
const TOPIC_SHARE: f32 = 0.25;
/// At the easy level a third: most packs hold their easiest questions in one
/// or two topics (who plays whom), and an easy game filled up to a quarter
/// with soundtrack deep cuts is not easy (a blind review).
const TOPIC_SHARE_EASY: f32 = 1.0 / 3.0;
/// How strongly draws lean to interesting tiers, per unit of the level's
/// interest weight: a tier weighs its count times its interest to the power
/// (2 at easy, 1 at medium, 0 at hard).
const LEAN: f32 = 4.0;
/// Facts at or above this interest are headlines.
pub(super) const HEADLINE_INTEREST: f32 = 0.97;
const HEADLINE_BONUS: f32 = 0.3;
/// Facts below this interest are colour, asked only near the hard level.
const MINOR_INTEREST: f32 = 0.25;
/// Questions one game asks about one thing (a moon, a composer, an episode)
/// before the rest of the pool has had its turn.
const QUESTIONS_PER_THING: u8 = 2;

pub struct Session {
    base: Arc<FactBase>,
    config: SessionConfig,
    rng: ChaCha8Rng,
    /// The candidates not yet tried in this game, by interest.
    pool: Pool,
    /// Candidates allowed by the configuration.
    pool_size: usize,
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
    fact_ids_asked: HashSet<u64, FastHash>,
    prompts_asked: HashSet<u64, FastHash>,
    /// Answers of this game: no answer comes twice while fresh ones remain.
    answers_given: HashSet<u64, FastHash>,
    /// Off once the pool is down to what was put off: then anything goes.
    answer_window: bool,
    /// Candidates whose answer was given too recently, for later in the game.
    postponed: Vec<u32>,
    per_topic: [u32; Topic::ALL.len()],
    topic_cap: f32,
    ran_short: bool,
    /// The things this game's questions were about (`label_key`): a wrong
    /// option an earlier answer has tied to something else is no option.
    taught: HashSet<u64, FastHash>,
    /// The same, as entity labels, for the distractor search.
    taught_labels: Labels,
    /// Questions asked about each thing.
    asked_about: HashMap<u64, u8, FastHash>,
    /// The series themselves: every question of their pack is about them.
    hubs: Vec<u64>,
    /// What the player's last games showed (`PlayHistory::recent_text`).
    shown_before: String,
    /// How often each letter was the answer this game.
    answer_letters: [u32; 4],
    /// Recent prompts and explanations, lower case: an answer they spelt
    /// out is given away.
    explained: [String; ANSWER_WINDOW],
    /// The wrong options of the same recent questions (label keys).
    recent_wrong: [Vec<u64>; ANSWER_WINDOW],
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
        let mut topics = [false; Topic::ALL.len()];
        for &i in &order {
            topics[base.ratings[i as usize].topic as usize] = true;
        }
        let topic_count = topics.iter().filter(|&&t| t).count();
        let share = match config.difficulty {
            Difficulty::Easy => TOPIC_SHARE_EASY,
            _ => TOPIC_SHARE,
        };
        let topic_cap = share.max(1.0 / topic_count.max(1) as f32);
        // Sized for a long game at once: no regrowth while it runs.
        let sized = || HashSet::with_capacity_and_hasher(order.len().min(256), FastHash::default());
        let recent = config.history.recent(RECENT_GAMES);
        let rng = ChaCha8Rng::seed_from_u64(config.seed);
        let hubs = (0..base.packs.len() as u16)
            .filter_map(|p| base.series(p).map(label_key))
            .collect();
        let shown_before = config.history.recent_text(TAUGHT_GAMES);
        let mut session = Session {
            rng,
            pool_size: order.len(),
            pool: Pool::new(&base, &order),
            deferred: Vec::new(),
            recent_spent: recent.is_empty(),
            recent,
            base,
            config,
            asked: 0,
            limit,
            recent_kinds: [None; RECENT_KINDS],
            facts_asked: sized(),
            fact_ids_asked: sized(),
            prompts_asked: sized(),
            answers_given: HashSet::default(),
            answer_window: true,
            postponed: Vec::new(),
            per_topic: [0; Topic::ALL.len()],
            topic_cap,
            ran_short: false,
            taught: HashSet::default(),
            taught_labels: Labels::default(),
            asked_about: HashMap::default(),
            hubs,
            shown_before,
            answer_letters: [0; 4],
            explained: Default::default(),
            recent_wrong: Default::default(),
        };
        session.remember_recent_answers();
        session
    }

    /// What the player's last games taught: the answers they settled are no
    /// wrong options now, and every answer counts towards the questions
    /// about its thing.
    fn remember_recent_answers(&mut self) {
        let history = self.config.history.clone();
        for (answer, kind) in history.recent_answers(TAUGHT_GAMES) {
            if !answer.bytes().any(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            *self.asked_about.entry(label_key(answer)).or_insert(0) += 1;
            if QuestionKind::from_name(kind).is_some_and(answer_is_settled) {
                self.settle(answer);
            }
        }
    }

    /// Keeps the answer letters of a game within two of each other: uniform
    /// draws give runs (16 of 20 answers C or D in one reviewed game) that a
    /// player reads as a pattern, and a strict rotation (each letter once in
    /// four) would be a pattern too.
    fn even_out_answer_letter(&mut self, q: &mut Question) {
        let n = q.options.len();
        if n != self.answer_letters.len() {
            return;
        }
        let fewest = *self.answer_letters.iter().min().unwrap_or(&0);
        let least: Vec<usize> = (0..n)
            .filter(|&i| self.answer_letters[i] == fewest)
            .collect();
        let to = if least.contains(&q.answer) {
            q.answer
        } else {
            least[self.rng.random_range(0..least.len())]
        };
        let from = q.answer;
        q.options.swap(from, to);
        q.option_facts.swap(from, to);
        q.option_entities.swap(from, to);
        q.answer = to;
        self.answer_letters[to] += 1;
    }

    /// A thing tied to one partner: as a wrong option elsewhere it is ruled out.
    fn settle(&mut self, name: &str) {
        if !name.bytes().any(|b| b.is_ascii_alphabetic()) {
            return;
        }
        self.taught.insert(label_key(name));
        if let Some(l) = self.base.label_id(name) {
            self.taught_labels.insert(l);
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
        self.pool_size
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
            if self.pool.left == 0 {
                if !self.postponed.is_empty() {
                    // Questions put off for a recent answer: their turn, with
                    // the window off (else they might wait for ever).
                    self.answer_window = false;
                    self.pool = Pool::new(&self.base, &std::mem::take(&mut self.postponed));
                } else if !self.recent_spent && !self.deferred.is_empty() {
                    // Facts from recent games come back only when nothing else is left.
                    self.recent_spent = true;
                    self.pool = Pool::new(&self.base, &std::mem::take(&mut self.deferred));
                } else {
                    self.ran_short = true;
                    return None;
                }
            }
            let slot = self.pick_slot(target);
            // Every candidate is tried once a game.
            let candidate_index = self.pool.take(slot);
            let candidate = self.base.candidates[candidate_index as usize];
            let fact_id = candidate.fact_id(&self.base, candidate_index);
            if self.fact_ids_asked.contains(&fact_id) {
                continue; // asked the other way round: no need to build it
            }
            let mut rendered = render_avoiding(
                &self.base,
                &candidate,
                candidate_index,
                &mut self.rng,
                self.limit,
                &self.taught_labels,
            );
            if matches!(rendered, Err(Reject::TooFewOptions)) && !self.taught_labels.is_empty() {
                if self.answer_window {
                    // Its options are things this game has taught: later.
                    self.postponed.push(candidate_index);
                    continue;
                }
                // A small pack near its end: better an option met before
                // than no question.
                rendered = render_avoiding(
                    &self.base,
                    &candidate,
                    candidate_index,
                    &mut self.rng,
                    self.limit,
                    &Labels::default(),
                );
            }
            let Ok(mut q) = rendered else {
                continue;
            };
            let frame = prompt_key(&q.prompt);
            if self.facts_asked.contains(&q.fact_key) || self.prompts_asked.contains(&frame) {
                continue; // the same fact or frame, asked another way
            }
            // An answer the player has just learnt (two scenes of one episode,
            // the writer who is also the showrunner) would give this one away:
            // later.
            // So would an answer an explanation spelt out ("Secret, episode
            // 4"), and a third question about one moon bores.
            let answer = label_key(q.answer_text());
            let things = self.things(&q);
            let taught_option = || {
                q.options
                    .iter()
                    .enumerate()
                    .any(|(i, o)| i != q.answer && self.taught.contains(&label_key(o)))
            };
            let wrong: Vec<u64> = q
                .options
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != q.answer)
                .map(|(_, o)| label_key(o))
                .collect();
            // Two wrong options met together a few questions ago: the same
            // line-up again (a new author's pack offered one film's three
            // characters in ten questions of twenty).
            let same_line_up = || {
                self.recent_wrong
                    .iter()
                    .any(|r| wrong.iter().filter(|w| r.contains(w)).count() >= 2)
            };
            if self.answer_window
                && (self.answers_given.contains(&answer)
                    || self.explained_recently(q.answer_text())
                    || taught_option()
                    || same_line_up()
                    || things.iter().any(|t| {
                        self.asked_about.get(t).copied().unwrap_or(0) >= QUESTIONS_PER_THING
                    }))
            {
                self.postponed.push(candidate_index);
                continue;
            }
            if !self.recent_spent && self.recent.contains(&q.fact_key) {
                self.deferred.push(candidate_index);
                continue;
            }
            q.difficulty = self.config.history.blend(q.fact_key, q.difficulty);
            self.facts_asked.insert(q.fact_key);
            self.fact_ids_asked.insert(fact_id);
            self.prompts_asked.insert(frame);
            let slot = self.asked as usize % ANSWER_WINDOW;
            self.answers_given.insert(answer);
            self.explained[slot] = format!("{} {}", q.prompt, q.explanation).to_lowercase();
            self.recent_wrong[slot] = wrong;
            for t in things {
                *self.asked_about.entry(t).or_insert(0) += 1;
            }
            for name in settled(&q) {
                self.settle(name);
            }
            self.even_out_answer_letter(&mut q);
            self.recent_kinds[self.asked as usize % RECENT_KINDS] = Some(q.kind);
            self.per_topic[Topic::of(q.kind) as usize] += 1;
            self.asked += 1;
            return Some(q);
        }
    }

    /// The things a question is about: the named subjects and objects of its
    /// facts, but not the series every question of a pack is about.
    fn things(&self, q: &Question) -> Vec<u64> {
        let mut out = Vec::with_capacity(2 * q.facts.len());
        for f in &q.facts {
            for name in [&f.subject, &f.object] {
                if !name.bytes().any(|b| b.is_ascii_alphabetic()) {
                    continue; // a number: any question may hold it
                }
                let key = label_key(name);
                if !self.hubs.contains(&key) && !out.contains(&key) {
                    out.push(key);
                }
            }
        }
        out
    }

    /// Whether a recent prompt or explanation, of this game or the player's
    /// last ones, spelt this answer out ("Who discovered Pluto?" before
    /// "Where is Tombaugh Regio?"; names and titles, not a number that any
    /// sentence may hold).
    fn explained_recently(&self, answer: &str) -> bool {
        if answer.len() < 4 || !answer.bytes().any(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        let answer = answer.to_lowercase();
        self.explained.iter().any(|e| e.contains(&answer)) || self.shown_before.contains(&answer)
    }

    /// Among a few random untried candidates, the best fit for the level, the
    /// menu and the player's interest.
    fn pick_slot(&mut self, target: f32) -> Slot {
        // Each tier weighs its count times its interest to the level's power.
        let lean = (self.config.difficulty.interest_weight(target) * LEAN).round() as usize;
        let mut weights = [0.0f32; TIERS];
        for (t, w) in weights.iter_mut().enumerate() {
            *w = self.pool.left_in[t] as f32 * TIER_WEIGHT[lean.min(2)][t];
        }
        let total: f32 = weights.iter().sum();
        let mut best = self.draw(&weights, total);
        let mut best_score = self.score(best, target);
        for _ in 1..SAMPLES.min(self.pool.left) {
            let s = self.draw(&weights, total);
            let score = self.score(s, target);
            if score < best_score {
                best = s;
                best_score = score;
            }
        }
        // Every draw off the menu (the interesting tiers hold one topic late
        // in a game): a few more from all tiers alike.
        if best_score >= OFF_MENU_PENALTY {
            let mut even = [0.0f32; TIERS];
            for (t, w) in even.iter_mut().enumerate() {
                *w = self.pool.left_in[t] as f32;
            }
            let total = self.pool.left as f32;
            for _ in 0..2 * SAMPLES {
                let s = self.draw(&even, total);
                let score = self.score(s, target);
                if score < best_score {
                    best = s;
                    best_score = score;
                }
            }
        }
        best
    }

    /// An untried candidate, from a tier chosen with the weight the level
    /// gives interest: none at the hard level, most at the easy one.
    fn draw(&mut self, weights: &[f32; TIERS], total: f32) -> Slot {
        let mut pick = self.rng.random::<f32>() * total;
        let mut tier = TIERS - 1;
        for (t, &w) in weights.iter().enumerate() {
            if pick < w && self.pool.left_in[t] > 0 {
                tier = t;
                break;
            }
            pick -= w;
        }
        while self.pool.left_in[tier] == 0 {
            tier -= 1; // rounding left nothing here: the next tier up has some
        }
        Slot {
            tier,
            at: self.rng.random_range(0..self.pool.left_in[tier]),
        }
    }

    fn score(&self, slot: Slot, target: f32) -> f32 {
        let index = self.pool.tiers[slot.tier][slot.at] as usize;
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
        // A balanced menu: no topic beyond its share (and one more, so the
        // first questions are not all forced apart).
        let share = self.topic_cap * (self.asked as f32 + 1.0) + 1.0;
        if (self.per_topic[r.topic as usize] + 1) as f32 > share {
            score += OFF_MENU_PENALTY;
        } else if r.interest >= HEADLINE_INTEREST && target < 0.4 {
            // The headlines (the leads) belong in a fan's first games; the
            // history puts them off once they have been asked.
            score -= HEADLINE_BONUS;
        }
        if r.interest < MINOR_INTEREST && target < 0.4 {
            score += OFF_MENU_PENALTY;
        }
        score
    }
}

/// Relations that tie their object to one subject as well ("Joe Locke plays
/// Charlie Spring": Charlie is no wrong option for another actor). Any other
/// object may have many subjects: an episode holds many scenes, a composer
/// wrote many works, a world has many moons.
const ONE_TO_ONE: &[&str] = &[
    "plays",
    "voices",
    "makes a cameo as",
    "is titled",
    "is episode",
];

/// What a question settles: the subjects of its facts (a scene happens in one
/// episode, a moon orbits one world) and the objects of one-to-one facts.
fn settled(q: &Question) -> impl Iterator<Item = &str> {
    q.facts.iter().flat_map(|f| {
        let object = ONE_TO_ONE
            .contains(&f.relation.as_str())
            .then_some(f.object.as_str());
        std::iter::once(f.subject.as_str()).chain(object)
    })
}

/// Kinds whose answer is settled by the question (the subject of its fact,
/// or one end of a one-to-one fact), as the history records them.
fn answer_is_settled(kind: QuestionKind) -> bool {
    use QuestionKind as K;
    matches!(
        kind,
        K::ActorOfCharacter
            | K::CharacterOfActor
            | K::CharacterDescription
            | K::EpisodeTitle
            | K::EpisodeNumber
            | K::ArtistTrack
            | K::CrewPerson
            | K::SceneAtPlace
            | K::CustomSubject
    )
}

/// An answer's identity within a game: its letters and digits, any case.
fn label_key(label: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FastHash::default().build_hasher();
    for b in label.bytes().filter(u8::is_ascii_alphanumeric) {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
}

/// A prompt's identity within a game: the same words are one frame.
fn prompt_key(prompt: &str) -> u64 {
    use std::hash::BuildHasher;
    FastHash::default().hash_one(prompt)
}

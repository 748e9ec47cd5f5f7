//! The question kinds. Each kind is one module that owns its typed candidate,
//! how candidates are found in the fact base, its phrasing, its distractor
//! rule and its own checks. This module holds what they share: the candidate
//! envelope, the distractor search, and `finish`, which applies the checks
//! every question must pass (`checks`) and shuffles the options.

mod actor_of_character;
mod artist_track;
mod award_category;
mod award_winner;
mod award_won;
mod character_description;
mod character_of_actor;
mod closest_number;
mod crew_person;
mod crew_role;
mod custom_not;
mod custom_object;
mod custom_odd;
mod custom_subject;
mod episode_credit;
mod episode_number;
mod episode_title;
mod hand_written;
mod odd_one_out;
mod place_of_scene;
mod plot_episode;
mod rating;
mod say;
mod scene_at_place;
mod timeline;
mod track_artist;
mod which_is_not;

use rand::Rng;

use super::checks::{Reject, check_question};
use super::facts::{FactBase, Horizon, Origin, Rel};
use super::question::{FactTriple, Question, QuestionKind};

pub(crate) use character_description::named_in_descriptions;
pub use closest_number::number_distractors;
pub use rating::{Rating, Topic, fame_table, rate};
pub use say::{Said, family_name, said_facts, telling_words, word_hash};
pub use timeline::topic_words;

/// Options per question (fewer only when a hand-written question has fewer).
pub const OPTIONS: usize = 4;

/// Draws that a distractor search may make in a large pool.
const MAX_DRAWS: usize = 48;

/// Filming places a pack needs before places and scenes are asked.
pub(crate) const MIN_PLACES: usize = 8;

/// Random probes a kind may make for one element it needs.
pub(crate) const MAX_TRIES: usize = 48;

/// Attempts at one candidate: a draw whose options give the answer away is
/// redrawn, never shown.
const ATTEMPTS: usize = 4;

/// What a candidate asks about, typed per kind.
#[derive(Debug, Clone, Copy)]
pub enum Ask {
    ActorOfCharacter(actor_of_character::Cand),
    CharacterOfActor(character_of_actor::Cand),
    CharacterDescription(character_description::Cand),
    EpisodeTitle(episode_title::Cand),
    EpisodeNumber(episode_number::Cand),
    PlotEpisode(plot_episode::Cand),
    EpisodeCredit(episode_credit::Cand),
    AwardWinner(award_winner::Cand),
    AwardCategory(award_category::Cand),
    AwardWon(award_won::Cand),
    TrackArtist(track_artist::Cand),
    ArtistTrack(artist_track::Cand),
    CrewPerson(crew_person::Cand),
    CrewRole(crew_role::Cand),
    PlaceOfScene(place_of_scene::Cand),
    SceneAtPlace(scene_at_place::Cand),
    WhichIsNot(which_is_not::Cand),
    OddOneOut(odd_one_out::Cand),
    Timeline(timeline::Cand),
    ClosestNumber(closest_number::Cand),
    CustomObject(custom_object::Cand),
    CustomSubject(custom_subject::Cand),
    CustomNot(custom_not::Cand),
    CustomOdd(custom_odd::Cand),
    HandWritten(hand_written::Cand),
}

/// A test a wrong option passes, given the wrong options taken before it.
type Pass<'a> = dyn Fn(u32, &[u32]) -> bool + 'a;

/// One fact that can become a question.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub ask: Ask,
    pub base_difficulty: f32,
    pub origin: Origin,
}

impl Candidate {
    pub fn kind(&self) -> QuestionKind {
        match self.ask {
            Ask::ActorOfCharacter(_) => QuestionKind::ActorOfCharacter,
            Ask::CharacterOfActor(_) => QuestionKind::CharacterOfActor,
            Ask::CharacterDescription(_) => QuestionKind::CharacterDescription,
            Ask::EpisodeTitle(_) => QuestionKind::EpisodeTitle,
            Ask::EpisodeNumber(_) => QuestionKind::EpisodeNumber,
            Ask::PlotEpisode(_) => QuestionKind::PlotEpisode,
            Ask::EpisodeCredit(_) => QuestionKind::EpisodeCredit,
            Ask::AwardWinner(_) => QuestionKind::AwardWinner,
            Ask::AwardCategory(_) => QuestionKind::AwardCategory,
            Ask::AwardWon(_) => QuestionKind::AwardWon,
            Ask::TrackArtist(_) => QuestionKind::TrackArtist,
            Ask::ArtistTrack(_) => QuestionKind::ArtistTrack,
            Ask::CrewPerson(_) => QuestionKind::CrewPerson,
            Ask::CrewRole(_) => QuestionKind::CrewRole,
            Ask::PlaceOfScene(_) => QuestionKind::PlaceOfScene,
            Ask::SceneAtPlace(_) => QuestionKind::SceneAtPlace,
            Ask::WhichIsNot(_) => QuestionKind::WhichIsNot,
            Ask::OddOneOut(_) => QuestionKind::OddOneOut,
            Ask::Timeline(_) => QuestionKind::Timeline,
            Ask::ClosestNumber(_) => QuestionKind::ClosestNumber,
            Ask::CustomObject(_) => QuestionKind::CustomObject,
            Ask::CustomSubject(_) => QuestionKind::CustomSubject,
            Ask::CustomNot(_) => QuestionKind::CustomNot,
            Ask::CustomOdd(_) => QuestionKind::CustomOdd,
            Ask::HandWritten(_) => QuestionKind::HandWritten,
        }
    }

    /// The fact this candidate asks, the same for the kinds that ask one fact
    /// two ways round ("Who plays Nick?", "Whom does Kit Connor play?"), so a
    /// game can skip a fact already asked without building the question.
    /// `own` identifies the candidate where its fact is its own.
    pub fn fact_id(&self, b: &FactBase, own: u32) -> u64 {
        let (table, index) = match self.ask {
            Ask::ActorOfCharacter(actor_of_character::Cand { role })
            | Ask::CharacterOfActor(character_of_actor::Cand { role }) => (1, role),
            Ask::EpisodeTitle(episode_title::Cand { episode })
            | Ask::EpisodeNumber(episode_number::Cand { episode }) => (2, episode),
            Ask::AwardWinner(award_winner::Cand { award })
            | Ask::AwardCategory(award_category::Cand { award, .. })
            | Ask::AwardWon(award_won::Cand { award, .. }) => (3, award),
            Ask::CrewPerson(crew_person::Cand { credit })
            | Ask::CrewRole(crew_role::Cand { credit }) => (4, credit),
            Ask::PlaceOfScene(place_of_scene::Cand { place })
            | Ask::SceneAtPlace(scene_at_place::Cand { place }) => (5, place),
            Ask::CustomObject(custom_object::Cand { fact })
            | Ask::CustomSubject(custom_subject::Cand { fact }) => (6, fact),
            Ask::TrackArtist(track_artist::Cand { track }) => (7, track),
            // An artist with one track on the album: the question can only
            // ask that track's fact.
            Ask::ArtistTrack(artist_track::Cand { pair }) => b
                .artist_albums
                .get(pair as usize)
                .and_then(|key| b.artist_tracks.get(key))
                .and_then(|tracks| match tracks.as_slice() {
                    [only] => b.track_index.get(only).map(|&t| (7, t)),
                    _ => None,
                })
                .unwrap_or((0, own)),
            _ => (0, own),
        };
        (table << 32) | index as u64
    }

    pub fn horizon(&self) -> Horizon {
        self.origin.horizon
    }

    pub fn pack(&self) -> u16 {
        self.origin.pack
    }
}

/// Every candidate of every kind, in a fixed order.
pub fn candidates(b: &FactBase) -> Vec<Candidate> {
    let mut out = Vec::new();
    actor_of_character::candidates(b, &mut out);
    character_of_actor::candidates(b, &mut out);
    character_description::candidates(b, &mut out);
    episode_title::candidates(b, &mut out);
    episode_number::candidates(b, &mut out);
    plot_episode::candidates(b, &mut out);
    episode_credit::candidates(b, &mut out);
    award_winner::candidates(b, &mut out);
    award_category::candidates(b, &mut out);
    award_won::candidates(b, &mut out);
    track_artist::candidates(b, &mut out);
    artist_track::candidates(b, &mut out);
    crew_person::candidates(b, &mut out);
    crew_role::candidates(b, &mut out);
    place_of_scene::candidates(b, &mut out);
    scene_at_place::candidates(b, &mut out);
    which_is_not::candidates(b, &mut out);
    odd_one_out::candidates(b, &mut out);
    timeline::candidates(b, &mut out);
    closest_number::candidates(b, &mut out);
    custom_object::candidates(b, &mut out);
    custom_subject::candidates(b, &mut out);
    custom_not::candidates(b, &mut out);
    custom_odd::candidates(b, &mut out);
    hand_written::candidates(b, &mut out);
    out
}

/// The question being assembled: answer first, then distractors.
pub(crate) struct Draft {
    pub prompt: String,
    pub answer: String,
    pub wrong: Vec<(String, Option<Said>)>,
    pub explanation: String,
    pub facts: Vec<FactTriple>,
    /// Distractors from the answer's own group (for difficulty).
    pub same_group: usize,
    /// The entity behind each option, answer first, where options are entities.
    pub entities: Vec<u32>,
    /// Written by a person: the phrasing checks do not apply.
    pub hand_written: bool,
}

impl Draft {
    /// A draft whose options are entity names.
    pub(crate) fn entities<F>(
        b: &FactBase,
        prompt: String,
        answer: u32,
        wrong: &[u32],
        fact: impl Fn(u32) -> Option<F>,
        explanation: String,
        facts: Vec<FactTriple>,
    ) -> Draft
    where
        F: Into<Said>,
    {
        Draft {
            prompt,
            answer: super::phrase::capitalise(b.name(answer)),
            wrong: wrong
                .iter()
                .map(|&w| {
                    (
                        super::phrase::capitalise(b.name(w)),
                        fact(w).map(Into::into),
                    )
                })
                .collect(),
            explanation,
            facts,
            same_group: 0,
            entities: std::iter::once(answer)
                .chain(wrong.iter().copied())
                .collect(),
            hand_written: false,
        }
    }

    /// A draft whose options are computed text (numbers, dates, labels).
    pub(crate) fn text<F: Into<Said>>(
        prompt: String,
        answer: String,
        wrong: impl IntoIterator<Item = (String, Option<F>)>,
        explanation: String,
        facts: Vec<FactTriple>,
    ) -> Draft {
        Draft {
            prompt,
            answer,
            wrong: wrong
                .into_iter()
                .map(|(w, f)| (w, f.map(Into::into)))
                .collect(),
            explanation,
            facts,
            same_group: 0,
            entities: Vec::new(),
            hand_written: false,
        }
    }

    pub(crate) fn same_group(mut self, n: usize) -> Draft {
        self.same_group = n;
        self
    }
}

pub(crate) struct Ctx<'a, R: Rng> {
    pub base: &'a FactBase,
    pub rng: &'a mut R,
    pub limit: Horizon,
    /// Labels the game has already tied to another fact: as a wrong option
    /// they are ruled out by an earlier answer.
    pub avoid: &'a Labels,
}

/// A set of label ids (`FactBase::label_ids`).
pub type Labels = std::collections::HashSet<u32, super::facts::FastHash>;

impl<R: Rng> Ctx<'_, R> {
    pub fn visible(&self, e: u32) -> bool {
        let h = self.base.horizons[e as usize];
        self.limit == 0 || h == 0 || h <= self.limit
    }

    /// Up to `n` distractor entities from the pools, in order of preference,
    /// each passing `is_false` (verified false against the truth set), visible
    /// under the spoiler horizon, and with a label distinct from the others.
    /// Also returns how many came from the first pool.
    pub fn distractors(
        &mut self,
        answer: u32,
        pools: &[&[u32]],
        n: usize,
        is_false: impl Fn(u32) -> bool,
    ) -> (Vec<u32>, usize) {
        let mut chosen: Vec<u32> = Vec::with_capacity(n);
        let mut from_first = 0;
        for (pi, pool) in pools.iter().enumerate() {
            self.fill_from(answer, pool, n, &mut chosen, &is_false);
            if pi == 0 {
                from_first = chosen.len();
            }
        }
        (chosen, from_first)
    }

    /// Fills `chosen` pass by pass: each pass is a predicate, tried over every
    /// pool before the next, looser one.
    pub fn fill_in_passes(
        &mut self,
        answer: u32,
        pools: &[&[u32]],
        chosen: &mut Vec<u32>,
        passes: &[&dyn Fn(u32) -> bool],
    ) {
        for pass in passes {
            for pool in pools {
                self.fill_from(answer, pool, OPTIONS - 1, chosen, pass);
            }
        }
    }

    /// Adds up to `OPTIONS - 1` distractors one at a time, so that `ok` sees
    /// the ones taken before each pick (for rules about the options together).
    pub fn fill_each(
        &mut self,
        answer: u32,
        pool: &[u32],
        chosen: &mut Vec<u32>,
        ok: impl Fn(u32, &[u32]) -> bool,
    ) {
        for _ in 0..OPTIONS - 1 {
            // A copy on the stack: `fill_from` adds to `chosen` as it goes.
            let mut taken = [0u32; OPTIONS];
            let k = chosen.len().min(OPTIONS);
            taken[..k].copy_from_slice(&chosen[..k]);
            let n = (chosen.len() + 1).min(OPTIONS - 1);
            self.fill_from(answer, pool, n, chosen, |d| ok(d, &taken[..k]));
        }
    }

    /// Wrong options for a pack's own relation: alike the answer first (the
    /// same kind and a fact in common), then of the same kind and unlike each
    /// other (three alike among themselves would single the answer out), then
    /// of the same kind, then any. Returns how many are of the answer's kind.
    pub fn fill_relation(
        &mut self,
        answer: u32,
        pool: &[u32],
        relation: u32,
        chosen: &mut Vec<u32>,
        is_false: impl Fn(u32) -> bool,
    ) -> usize {
        let b = self.base;
        let kind = b.kinds[answer as usize];
        // Two wrong options with the same object under the asked relation (two
        // of Galileo's moons) stand or fall together, leaving the answer alone.
        let partners = |d: u32, chosen: &[u32]| {
            chosen.iter().any(|&c| {
                b.attributes.get(&c).is_some_and(|ca| {
                    ca.iter()
                        .any(|&(r, o)| r == relation && b.is_true(d, Rel::Custom, r, o))
                })
            })
        };
        let same_kind = |d: u32| is_false(d) && b.kinds[d as usize] == kind;
        // Three Mariners beside a Voyager: a name family shared by wrong options
        // but not by the answer singles the answer out.
        let answer_family = name_family(b.norm(answer));
        let family_clash = |d: u32, taken: &[u32]| {
            let f = name_family(b.norm(d));
            f.is_some() && f != answer_family && taken.iter().any(|&c| name_family(b.norm(c)) == f)
        };
        let alike_answer = |d: u32, _: &[u32]| b.alike(d, answer, relation);
        let unlike_taken = |d: u32, taken: &[u32]| !taken.iter().any(|&c| b.alike(c, d, relation));
        let anything = |_: u32, _: &[u32]| true;
        let passes: [&Pass; 3] = [&alike_answer, &unlike_taken, &anything];
        for pass in passes {
            self.fill_each(answer, pool, chosen, |d, taken| {
                same_kind(d) && !partners(d, taken) && !family_clash(d, taken) && pass(d, taken)
            });
        }
        let same = chosen.len();
        // Other kinds last, still never completing a family or a partnership.
        self.fill_each(answer, pool, chosen, |d, taken| {
            is_false(d) && !partners(d, taken) && !family_clash(d, taken)
        });
        same
    }

    /// Adds distractors from one pool to `chosen` (up to `n` in all), each
    /// passing `ok` as well as the checks of `distractors`.
    pub fn fill_from(
        &mut self,
        answer: u32,
        pool: &[u32],
        n: usize,
        chosen: &mut Vec<u32>,
        ok: impl Fn(u32) -> bool,
    ) {
        if chosen.len() >= n || pool.is_empty() {
            return;
        }
        let len = pool.len();
        let exhaustive = len <= 64;
        let tries = if exhaustive { len } else { MAX_DRAWS };
        let start = self.rng.random_range(0..len);
        for t in 0..tries {
            if chosen.len() >= n {
                break;
            }
            let d = if exhaustive {
                pool[(start + t) % len]
            } else {
                pool[self.rng.random_range(0..len)]
            };
            if d == answer || chosen.contains(&d) || !self.visible(d) {
                continue;
            }
            let label = self.base.label_ids[d as usize];
            if label == self.base.label_ids[answer as usize]
                || self.avoid.contains(&label)
                || chosen
                    .iter()
                    .any(|&c| self.base.label_ids[c as usize] == label)
            {
                continue;
            }
            if ok(d) {
                chosen.push(d);
            }
        }
    }
}

/// The first word of a normalised name that several things share ("mariner 4",
/// "mariner 10"): names of two words or more whose first word has four letters.
pub(crate) fn name_family(norm: &str) -> Option<&str> {
    let (first, rest) = norm.split_once(' ')?;
    (first.len() >= 4 && !rest.is_empty()).then_some(first)
}

/// " in Heartstopper" as two parts for `text!` (nothing when the pack names
/// no series).
pub(crate) fn series_parts<'a>(
    b: &'a FactBase,
    pack: u16,
    preposition: &'static str,
) -> [&'a str; 2] {
    b.series(pack).map_or(["", ""], |s| [preposition, s])
}

pub(crate) fn triple(s: &str, r: &str, o: &str) -> FactTriple {
    FactTriple {
        subject: s.into(),
        relation: r.into(),
        object: o.into(),
    }
}

fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    match c.ask {
        Ask::ActorOfCharacter(a) => actor_of_character::draft(x, c, a),
        Ask::CharacterOfActor(a) => character_of_actor::draft(x, c, a),
        Ask::CharacterDescription(a) => character_description::draft(x, c, a),
        Ask::EpisodeTitle(a) => episode_title::draft(x, c, a),
        Ask::EpisodeNumber(a) => episode_number::draft(x, c, a),
        Ask::PlotEpisode(a) => plot_episode::draft(x, c, a),
        Ask::EpisodeCredit(a) => episode_credit::draft(x, c, a),
        Ask::AwardWinner(a) => award_winner::draft(x, c, a),
        Ask::AwardCategory(a) => award_category::draft(x, c, a),
        Ask::AwardWon(a) => award_won::draft(x, c, a),
        Ask::TrackArtist(a) => track_artist::draft(x, c, a),
        Ask::ArtistTrack(a) => artist_track::draft(x, c, a),
        Ask::CrewPerson(a) => crew_person::draft(x, c, a),
        Ask::CrewRole(a) => crew_role::draft(x, c, a),
        Ask::PlaceOfScene(a) => place_of_scene::draft(x, c, a),
        Ask::SceneAtPlace(a) => scene_at_place::draft(x, c, a),
        Ask::WhichIsNot(a) => which_is_not::draft(x, c, a),
        Ask::OddOneOut(a) => odd_one_out::draft(x, c, a),
        Ask::Timeline(a) => timeline::draft(x, c, a),
        Ask::ClosestNumber(a) => closest_number::draft(x, c, a),
        Ask::CustomObject(a) => custom_object::draft(x, c, a),
        Ask::CustomSubject(a) => custom_subject::draft(x, c, a),
        Ask::CustomNot(a) => custom_not::draft(x, c, a),
        Ask::CustomOdd(a) => custom_odd::draft(x, c, a),
        Ask::HandWritten(a) => hand_written::draft(x, c, a),
    }
}

/// The prompt a candidate would be asked with, whether or not it passes the
/// checks: names a dropped candidate for its pack's author.
pub fn draft_prompt<R: Rng>(base: &FactBase, c: &Candidate, rng: &mut R) -> Option<String> {
    let avoid = Labels::default();
    let mut ctx = Ctx {
        base,
        rng,
        limit: 0,
        avoid: &avoid,
    };
    draft(&mut ctx, c).map(|d| d.prompt)
}

/// Builds the question for one candidate, or says why no fair question can be
/// made from it (too few verified distractors, the answer leaks into the
/// prompt, the options give it away, labels collide).
pub fn render<R: Rng>(
    base: &FactBase,
    c: &Candidate,
    key: u32,
    rng: &mut R,
    limit: Horizon,
) -> Result<Question, Reject> {
    render_avoiding(base, c, key, rng, limit, &Labels::default())
}

/// `render`, never taking a wrong option whose label is in `avoid` (what a
/// game has already taught the player about it).
pub fn render_avoiding<R: Rng>(
    base: &FactBase,
    c: &Candidate,
    key: u32,
    rng: &mut R,
    limit: Horizon,
    avoid: &Labels,
) -> Result<Question, Reject> {
    let mut last = Reject::TooFewOptions;
    for _ in 0..ATTEMPTS {
        let mut ctx = Ctx {
            base,
            rng: &mut *rng,
            limit,
            avoid,
        };
        let Some(d) = draft(&mut ctx, c) else {
            return Err(Reject::TooFewOptions);
        };
        match check_question(base, &d) {
            Ok(()) => return Ok(finish(base, c, key, d, rng)),
            // Another draw of distractors may fix a giveaway; nothing fixes the rest.
            Err(r) if r.redraw_may_fix() => last = r,
            Err(r) => return Err(r),
        }
    }
    Err(last)
}

fn finish<R: Rng>(base: &FactBase, c: &Candidate, key: u32, d: Draft, rng: &mut R) -> Question {
    let wrong_count = d.wrong.len();
    let n = wrong_count + 1;
    let mut options = Vec::with_capacity(n);
    let mut option_facts = Vec::with_capacity(n);
    let mut option_entities = Vec::with_capacity(n);
    options.push(d.answer);
    option_facts.push(None); // the answer needs no fact of its own
    option_entities.push(d.entities.first().copied());
    for (i, (w, f)) in d.wrong.into_iter().enumerate() {
        options.push(w);
        option_facts.push(f);
        option_entities.push(d.entities.get(i + 1).copied());
    }
    // Fisher–Yates: every answer position equally likely.
    let mut answer = 0;
    for i in (1..n).rev() {
        let j = rng.random_range(0..=i);
        options.swap(i, j);
        option_facts.swap(i, j);
        option_entities.swap(i, j);
        if answer == i {
            answer = j;
        } else if answer == j {
            answer = i;
        }
    }
    let similarity = if wrong_count == 0 {
        0.0
    } else {
        d.same_group as f32 / wrong_count as f32
    };
    // Wrong options of the answer's own kind (same billing, same ceremony)
    // are harder to rule out.
    let prior = base
        .ratings
        .get(key as usize)
        .map_or(c.base_difficulty, |r| r.difficulty);
    let difficulty = (prior + 0.1 * similarity).clamp(0.0, 1.0);
    Question {
        fact_key: super::question::fact_key(&d.facts, &d.prompt),
        kind: c.kind(),
        prompt: d.prompt,
        answer,
        options,
        option_facts,
        option_entities,
        difficulty,
        explanation: d.explanation,
        source: base
            .sources
            .get(c.origin.source as usize)
            .cloned()
            .unwrap_or_else(|| "".into()),
        facts: d.facts,
        key,
        pack: base
            .packs
            .get(c.origin.pack as usize)
            .map_or_else(|| "".into(), |p| p.id.clone()),
    }
}

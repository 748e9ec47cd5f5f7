//! Turning one candidate fact into a question: choosing verified distractors,
//! shuffling, and explaining. Each call costs O(1) in the size of the packs:
//! distractors come from bounded draws out of same-type pools and are checked
//! against the truth set, never by scanning tables.

use rand::Rng;

use super::facts::{Candidate, EKind, FactBase, Horizon, Rel, is_percent};
use super::model::{AwardResult, Group};
use super::question::{FactTriple, Question, QuestionKind};
use super::text::{format_duration, normalise};
use super::validate::contains_words;

/// Options per question (fewer only when a hand-written question has fewer).
pub const OPTIONS: usize = 4;

/// Draws that a distractor search may make in a large pool.
const MAX_DRAWS: usize = 48;

/// The question being assembled: answer first, then distractors.
struct Draft {
    prompt: String,
    answer: String,
    answer_fact: Option<String>,
    wrong: Vec<(String, Option<String>)>,
    explanation: String,
    facts: Vec<FactTriple>,
    same_group: usize,
    /// Set when the options are entity names whose normalised labels are
    /// already known to be distinct (see `Ctx::distractors`): the answer's
    /// normalised label, so `finish` need not normalise the options again.
    entity_answer_norm: Option<String>,
}

struct Ctx<'a, R: Rng> {
    base: &'a FactBase,
    rng: &'a mut R,
    limit: Horizon,
}

impl<R: Rng> Ctx<'_, R> {
    fn visible(&self, e: u32) -> bool {
        let h = self.base.horizons[e as usize];
        self.limit == 0 || h == 0 || h <= self.limit
    }

    /// Up to `n` distractor entities from the pools, in order of preference,
    /// each passing `is_false` (verified false against the truth set), visible
    /// under the spoiler horizon, and with a label distinct from the others.
    fn distractors(
        &mut self,
        answer: u32,
        pools: &[&[u32]],
        n: usize,
        is_false: impl Fn(u32) -> bool,
    ) -> (Vec<u32>, usize) {
        let mut chosen: Vec<u32> = Vec::with_capacity(n);
        let mut from_first = 0;
        for (pi, pool) in pools.iter().enumerate() {
            if chosen.len() >= n || pool.is_empty() {
                continue;
            }
            let len = pool.len();
            let exhaustive = len <= 64;
            let tries = if exhaustive { len } else { MAX_DRAWS };
            let start = self.rng.random_range(0..len);
            // An odd stride over a small pool visits it in a varied but complete order.
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
                let label = self.base.norm(d);
                if label == self.base.norm(answer)
                    || chosen.iter().any(|&c| self.base.norm(c) == label)
                {
                    continue;
                }
                if !is_false(d) {
                    continue;
                }
                chosen.push(d);
                if pi == 0 {
                    from_first += 1;
                }
            }
        }
        // Shuffle so the scan order does not leak into option order.
        (chosen, from_first)
    }
}

fn series_in(base: &FactBase, c: &Candidate) -> String {
    match base
        .series_name
        .get(c.pack as usize)
        .and_then(|s| s.as_deref())
    {
        Some(s) => format!(" in {s}"),
        None => String::new(),
    }
}

fn series_of(base: &FactBase, c: &Candidate) -> String {
    match base
        .series_name
        .get(c.pack as usize)
        .and_then(|s| s.as_deref())
    {
        Some(s) => format!(" of {s}"),
        None => String::new(),
    }
}

fn quote(s: &str) -> String {
    format!("“{s}”")
}

fn triple(s: &str, r: &str, o: &str) -> FactTriple {
    FactTriple {
        subject: s.into(),
        relation: r.into(),
        object: o.into(),
    }
}

/// "Kit Connor plays Nick Nelson" for an actor or a character.
fn role_fact(base: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = base.primary.get(&(e, Rel::Plays))?;
    let (actor, character) = if base.kinds[e as usize] == EKind::Person {
        (e, other)
    } else {
        (other, e)
    };
    Some(format!(
        "{} plays {}",
        base.name(actor),
        base.name(character)
    ))
}

fn track_fact(base: &FactBase, track: u32) -> Option<String> {
    let i = *base.track_index.get(&track)?;
    let t = &base.tracks[i as usize];
    let artists: Vec<&str> = t.artists.iter().map(|&a| base.name(a)).collect();
    let by = if artists.is_empty() {
        String::new()
    } else {
        format!(" by {}", artists.join(" & "))
    };
    Some(format!(
        "{}{} is on {}",
        quote(base.name(track)),
        by,
        base.name(t.album)
    ))
}

fn episode_fact(base: &FactBase, ep: u32) -> Option<String> {
    let i = *base.episode_of_entity.get(&ep)?;
    let e = &base.episodes[i as usize];
    Some(format!(
        "{} is season {}, episode {}",
        quote(base.name(ep)),
        e.season,
        e.number
    ))
}

fn crew_fact(base: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = base.primary.get(&(e, Rel::Credit))?;
    let (person, role) = if base.kinds[e as usize] == EKind::Person {
        (e, other)
    } else {
        (other, e)
    };
    Some(format!(
        "{} was {}",
        base.name(person),
        with_article(base.name(role), false)
    ))
}

fn place_fact(base: &FactBase, e: u32) -> Option<String> {
    let &(_, other) = base.primary.get(&(e, Rel::FilmedAt))?;
    let (scene, place) = if base.kinds[e as usize] == EKind::Scene {
        (e, other)
    } else {
        (other, e)
    };
    Some(format!(
        "{} was filmed at {}",
        capitalise(base.name(scene)),
        base.name(place)
    ))
}

fn custom_fact(base: &FactBase, e: u32) -> Option<String> {
    let &(rel, other) = base.primary.get(&(e, Rel::Custom))?;
    let info = base.relations.get(rel as usize)?;
    // `primary` holds the fact from either end; find which end `e` is.
    let (s, o) = if base.is_true(e, Rel::Custom, rel, other) {
        (e, other)
    } else {
        (other, e)
    };
    Some(
        info.def
            .statement
            .replace("{subject}", base.name(s))
            .replace("{object}", base.name(o)),
    )
}

fn with_article(role: &str, definite: bool) -> String {
    let lower = role.to_lowercase();
    if definite {
        return format!("the {lower}");
    }
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {lower}", if vowel { "an" } else { "a" })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn group_name(g: u8) -> &'static str {
    match g {
        0 => "main",
        1 => "recurring",
        _ => "guest",
    }
}

/// Builds the question for one candidate, or `None` when no fair question can
/// be made from it (too few verified distractors, the answer leaks into the
/// prompt, labels collide).
pub fn render<R: Rng>(
    base: &FactBase,
    c: &Candidate,
    key: u32,
    rng: &mut R,
    limit: Horizon,
) -> Option<Question> {
    let mut ctx = Ctx { base, rng, limit };
    let draft = match c.kind {
        QuestionKind::ActorOfCharacter => actor_of_character(&mut ctx, c),
        QuestionKind::CharacterOfActor => character_of_actor(&mut ctx, c),
        QuestionKind::EpisodeTitle => episode_title(&mut ctx, c),
        QuestionKind::EpisodeNumber => episode_number(&mut ctx, c),
        QuestionKind::PlotEpisode => plot_episode(&mut ctx, c),
        QuestionKind::EpisodeCredit => episode_credit(&mut ctx, c),
        QuestionKind::AwardWinner => award_winner(&mut ctx, c),
        QuestionKind::AwardCategory => award_category(&mut ctx, c),
        QuestionKind::AwardWon => award_won(&mut ctx, c),
        QuestionKind::TrackArtist => track_artist(&mut ctx, c),
        QuestionKind::ArtistTrack => artist_track(&mut ctx, c),
        QuestionKind::CrewPerson => crew_person(&mut ctx, c),
        QuestionKind::CrewRole => crew_role(&mut ctx, c),
        QuestionKind::PlaceOfScene => place_of_scene(&mut ctx, c),
        QuestionKind::SceneAtPlace => scene_at_place(&mut ctx, c),
        QuestionKind::WhichIsNot => which_is_not(&mut ctx, c),
        QuestionKind::OddOneOut => odd_one_out(&mut ctx, c),
        QuestionKind::Timeline => timeline(&mut ctx, c),
        QuestionKind::ClosestNumber => closest_number(&mut ctx, c),
        QuestionKind::CustomObject => custom(&mut ctx, c, true),
        QuestionKind::CustomSubject => custom(&mut ctx, c, false),
        QuestionKind::HandWritten => hand_written(&mut ctx, c),
    }?;
    finish(base, c, key, draft, ctx.rng)
}

fn finish<R: Rng>(
    base: &FactBase,
    c: &Candidate,
    key: u32,
    d: Draft,
    rng: &mut R,
) -> Option<Question> {
    if d.wrong.len() + 1 < 2 {
        return None;
    }
    let norm_answer = d
        .entity_answer_norm
        .clone()
        .unwrap_or_else(|| normalise(&d.answer));
    let norm_prompt = normalise(&d.prompt);
    if norm_answer.is_empty() || contains_words(&norm_prompt, &norm_answer) {
        return None;
    }
    if d.entity_answer_norm.is_none() {
        let mut labels: Vec<String> = d.wrong.iter().map(|(w, _)| normalise(w)).collect();
        labels.push(norm_answer);
        for (i, l) in labels.iter().enumerate() {
            if l.is_empty() || labels[..i].contains(l) {
                return None;
            }
        }
    }
    let wrong_count = d.wrong.len();
    let mut options: Vec<(String, Option<String>, bool)> =
        d.wrong.into_iter().map(|(w, f)| (w, f, false)).collect();
    options.push((d.answer, d.answer_fact, true));
    // Fisher–Yates: every answer position equally likely.
    for i in (1..options.len()).rev() {
        let j = rng.random_range(0..=i);
        options.swap(i, j);
    }
    let answer = options.iter().position(|o| o.2)?;
    let source = base
        .sources
        .get(c.source as usize)
        .cloned()
        .unwrap_or_default();
    let similarity = if wrong_count == 0 {
        0.0
    } else {
        d.same_group as f32 / wrong_count as f32
    };
    let difficulty = (c.base_difficulty + 0.15 * similarity - 0.05).clamp(0.0, 1.0);
    Some(Question {
        kind: c.kind,
        prompt: d.prompt,
        answer,
        option_facts: options
            .iter()
            .map(|o| if o.2 { None } else { o.1.clone() })
            .collect(),
        options: options.into_iter().map(|o| o.0).collect(),
        difficulty,
        explanation: {
            let mut e = String::with_capacity(d.explanation.len() + source.len() + 11);
            e.push_str(&d.explanation);
            e.push_str(" (Source: ");
            e.push_str(&source);
            e.push(')');
            e
        },
        source,
        facts: d.facts,
        key,
        pack: base
            .packs
            .get(c.pack as usize)
            .map(|p| p.meta.id.clone())
            .unwrap_or_default(),
    })
}

// Every entity question has these same parts; a struct for them would only rename the arguments.
#[allow(clippy::too_many_arguments)]
fn entity_draft(
    base: &FactBase,
    prompt: String,
    answer: u32,
    wrong: &[u32],
    fact: impl Fn(u32) -> Option<String>,
    explanation: String,
    facts: Vec<FactTriple>,
    same_group: usize,
) -> Draft {
    Draft {
        prompt,
        answer: base.name(answer).to_string(),
        answer_fact: fact(answer),
        wrong: wrong
            .iter()
            .map(|&w| (base.name(w).to_string(), fact(w)))
            .collect(),
        explanation,
        facts,
        same_group,
        entity_answer_norm: Some(base.norm(answer).to_string()),
    }
}

fn actor_of_character<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let r = b.roles.get(c.a as usize)?;
    let g = (r.group as usize).min(2);
    let others: Vec<u32> = (0..3)
        .filter(|&k| k != g)
        .flat_map(|k| b.pool_actors[k].iter().copied())
        .collect();
    let (wrong, same) = x.distractors(r.actor, &[&b.pool_actors[g], &others], OPTIONS - 1, |d| {
        !b.is_true(d, Rel::Plays, 0, r.character)
    });
    let verb = if r.voice {
        "voices"
    } else if r.cameo {
        "makes a cameo as"
    } else {
        "plays"
    };
    let prompt = if r.voice {
        format!("Who voices {}{}?", b.name(r.character), series_in(b, c))
    } else if r.cameo {
        format!(
            "Who makes a cameo as {}{}?",
            b.name(r.character),
            series_in(b, c)
        )
    } else {
        format!("Who plays {}{}?", b.name(r.character), series_in(b, c))
    };
    let desc = b
        .descriptions
        .get(&r.character)
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let explanation = format!("{} {verb} {}{desc}.", b.name(r.actor), b.name(r.character));
    let facts = vec![triple(b.name(r.actor), verb, b.name(r.character))];
    Some(entity_draft(
        b,
        prompt,
        r.actor,
        &wrong,
        |e| role_fact(b, e),
        explanation,
        facts,
        same,
    ))
}

fn character_of_actor<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let r = b.roles.get(c.a as usize)?;
    let g = r.group as u8;
    let same = b
        .pool_characters
        .get(&(c.pack, g))
        .map_or(&[][..], |v| v.as_slice());
    let others: Vec<u32> = [0u8, 1, 2]
        .iter()
        .filter(|&&k| k != g)
        .flat_map(|k| {
            b.pool_characters
                .get(&(c.pack, *k))
                .into_iter()
                .flatten()
                .copied()
        })
        .collect();
    let (wrong, n_same) = x.distractors(r.character, &[same, &others], OPTIONS - 1, |d| {
        !b.is_true(r.actor, Rel::Plays, 0, d)
    });
    let verb = if r.voice { "voice" } else { "play" };
    let prompt = format!(
        "Which character does {} {verb}{}?",
        b.name(r.actor),
        series_in(b, c)
    );
    let explanation = format!("{} {verb}s {}.", b.name(r.actor), b.name(r.character));
    let facts = vec![triple(b.name(r.actor), "plays", b.name(r.character))];
    Some(entity_draft(
        b,
        prompt,
        r.character,
        &wrong,
        |e| role_fact(b, e),
        explanation,
        facts,
        n_same,
    ))
}

fn season_pool<'b>(b: &'b FactBase, c: &Candidate, season: u32) -> &'b [u32] {
    b.pool_episodes
        .get(&(c.pack, season))
        .map_or(&[][..], |v| v.as_slice())
}

fn episode_title<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(c.a as usize)?;
    let (wrong, same) = x.distractors(e.entity, &[season_pool(b, c, e.season)], OPTIONS - 1, |d| {
        d != e.entity
    });
    let prompt = format!(
        "What is the title of season {}, episode {}{}?",
        e.season,
        e.number,
        series_of(b, c)
    );
    let explanation = format!(
        "Season {}, episode {} is titled {}.",
        e.season,
        e.number,
        quote(b.name(e.entity))
    );
    let facts = vec![triple(
        &format!("season {} episode {}", e.season, e.number),
        "is titled",
        b.name(e.entity),
    )];
    Some(entity_draft(
        b,
        prompt,
        e.entity,
        &wrong,
        |d| episode_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn episode_label(b: &FactBase, ep: u32) -> String {
    b.episode_of_entity.get(&ep).map_or_else(String::new, |&i| {
        format!("Episode {}", b.episodes[i as usize].number)
    })
}

fn episode_number<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(c.a as usize)?;
    let (wrong, same) = x.distractors(e.entity, &[season_pool(b, c, e.season)], OPTIONS - 1, |d| {
        d != e.entity
    });
    let prompt = format!(
        "Which episode of season {}{} is titled {}?",
        e.season,
        series_of(b, c),
        quote(b.name(e.entity))
    );
    Some(Draft {
        prompt,
        answer: episode_label(b, e.entity),
        answer_fact: None,
        wrong: wrong
            .iter()
            .map(|&w| (episode_label(b, w), episode_fact(b, w)))
            .collect(),
        explanation: format!(
            "{} is season {}, episode {}.",
            quote(b.name(e.entity)),
            e.season,
            e.number
        ),
        facts: vec![triple(
            b.name(e.entity),
            "is episode",
            &format!("{}", e.number),
        )],
        same_group: same,
        entity_answer_norm: None,
    })
}

fn plot_episode<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let &(plot, ep) = b.plots.get(c.a as usize)?;
    let e = &b.episodes[*b.episode_of_entity.get(&ep)? as usize];
    let (wrong, same) = x.distractors(ep, &[season_pool(b, c, e.season)], OPTIONS - 1, |d| {
        !b.is_true(plot, Rel::PlotIn, 0, d)
    });
    let prompt = format!(
        "In which episode{}: {}?",
        series_of(b, c),
        b.name(plot).trim_end_matches('.')
    );
    let explanation = format!(
        "It happens in {} (season {}, episode {}).",
        quote(b.name(ep)),
        e.season,
        e.number
    );
    let facts = vec![triple(b.name(plot), "happens in", b.name(ep))];
    Some(entity_draft(
        b,
        prompt,
        ep,
        &wrong,
        |d| episode_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn episode_credit<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let e = b.episodes.get(c.a as usize)?;
    let (rel, people, verb) = if c.b == 0 {
        (Rel::Directed, &e.directors, "directed")
    } else {
        (Rel::Wrote, &e.writers, "wrote")
    };
    let answer = *people.get(x.rng.random_range(0..people.len().max(1)))?;
    let (wrong, same) = x.distractors(
        answer,
        &[&b.pool_crew_people, &b.pool_people],
        OPTIONS - 1,
        |d| !b.is_true(d, rel, 0, e.entity),
    );
    let prompt = format!(
        "Who {verb} the episode {}{}?",
        quote(b.name(e.entity)),
        series_of(b, c)
    );
    let explanation = format!("{} {verb} {}.", b.name(answer), quote(b.name(e.entity)));
    let facts = vec![triple(b.name(answer), verb, b.name(e.entity))];
    Some(entity_draft(
        b,
        prompt,
        answer,
        &wrong,
        |d| crew_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn award_winner<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let a = b.awards.get(c.a as usize)?;
    let winner = *a.nominees.first()?;
    let pool: &[u32] = if b.kinds[winner as usize] == EKind::Person {
        &b.pool_award_people
    } else {
        &b.pool_works
    };
    let (wrong, same) = x.distractors(winner, &[pool], OPTIONS - 1, |d| {
        !b.is_true(a.slot, Rel::WonSlot, 0, d)
    });
    let who = if b.kinds[winner as usize] == EKind::Person {
        "Who"
    } else {
        "What"
    };
    let prompt = format!(
        "{who} won {} at the {} {}?",
        a_category(b, a.category),
        a.year,
        a.ceremony
    );
    let explanation = format!(
        "{} won {} at the {} {}.",
        b.name(winner),
        a_category(b, a.category),
        a.year,
        a.ceremony
    );
    let facts = vec![triple(
        b.name(winner),
        "won",
        &format!("{} ({} {})", b.name(a.category), a.ceremony, a.year),
    )];
    Some(entity_draft(
        b,
        prompt,
        winner,
        &wrong,
        |d| nomination_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn series_for(b: &FactBase, c: &Candidate) -> String {
    match b
        .series_name
        .get(c.pack as usize)
        .and_then(|s| s.as_deref())
    {
        Some(s) => format!(" for {s}"),
        None => String::new(),
    }
}

fn a_category(b: &FactBase, category: u32) -> String {
    quote(b.name(category))
}

fn nomination_fact(b: &FactBase, e: u32) -> Option<String> {
    let &(won, nomination) = b.primary.get(&(e, Rel::NominatedFor))?;
    let verb = if won == 1 { "won" } else { "was nominated for" };
    Some(format!("{} {verb} {}", b.name(e), b.name(nomination)))
}

fn award_category<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let a = b.awards.get(c.a as usize)?;
    let nominee = *a.nominees.get(c.b as usize)?;
    let (wrong, same) = x.distractors(a.category, &[&b.pool_categories], OPTIONS - 1, |d| {
        !b.is_true(nominee, Rel::CategoryAt, a.ceremony_key, d)
    });
    let verb = if a.result == AwardResult::Won {
        "win"
    } else {
        "was ... nominated"
    };
    let prompt = if a.result == AwardResult::Won {
        format!(
            "In which category did {} {verb} at the {} {}?",
            b.name(nominee),
            a.year,
            a.ceremony
        )
    } else {
        format!(
            "In which category was {} nominated at the {} {}?",
            b.name(nominee),
            a.year,
            a.ceremony
        )
    };
    let result = if a.result == AwardResult::Won {
        "won"
    } else {
        "was nominated for"
    };
    let explanation = format!(
        "{} {result} {} at the {} {}.",
        b.name(nominee),
        quote(b.name(a.category)),
        a.year,
        a.ceremony
    );
    let facts = vec![triple(
        b.name(nominee),
        result,
        &format!("{} ({} {})", b.name(a.category), a.ceremony, a.year),
    )];
    let wrong_facts: Vec<(String, Option<String>)> = wrong
        .iter()
        .map(|&w| (b.name(w).to_string(), category_fact(b, w)))
        .collect();
    Some(Draft {
        prompt,
        answer: b.name(a.category).to_string(),
        answer_fact: None,
        wrong: wrong_facts,
        explanation,
        facts,
        same_group: same,
        entity_answer_norm: None,
    })
}

fn category_fact(b: &FactBase, category: u32) -> Option<String> {
    let a = b.awards.iter().find(|a| a.category == category)?;
    let n = *a.nominees.first()?;
    let verb = if a.result == AwardResult::Won {
        "won"
    } else {
        "was nominated for"
    };
    Some(format!(
        "{} {verb} {} at the {} {}",
        b.name(n),
        quote(b.name(category)),
        a.year,
        a.ceremony
    ))
}

fn award_won<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let nominee = c.a;
    let won = b.awards.get(c.b as usize)?;
    let lost: Vec<u32> = b
        .nominee_nominations
        .get(&nominee)?
        .iter()
        .filter(|&&i| b.awards[i as usize].result == AwardResult::Nominated)
        .map(|&i| b.awards[i as usize].nomination)
        .collect();
    let (wrong, same) = x.distractors(won.nomination, &[&lost], OPTIONS - 1, |d| {
        !b.is_true(nominee, Rel::NominatedFor, 1, d)
    });
    let prompt = format!("Which of these nominations did {} win?", b.name(nominee));
    let explanation = format!(
        "{} won {}; the others were nominations only.",
        b.name(nominee),
        b.name(won.nomination)
    );
    let facts = vec![triple(b.name(nominee), "won", b.name(won.nomination))];
    let nominee_name = b.name(nominee).to_string();
    Some(entity_draft(
        b,
        prompt,
        won.nomination,
        &wrong,
        |d| {
            if d == won.nomination {
                None
            } else {
                Some(format!(
                    "{nominee_name} was nominated for {} but did not win",
                    b.name(d)
                ))
            }
        },
        explanation,
        facts,
        same,
    ))
}

fn track_artist<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let t = b.tracks.get(c.a as usize)?;
    let answer = *t
        .artists
        .get(x.rng.random_range(0..t.artists.len().max(1)))?;
    let album_pool = b
        .pool_album_artists
        .get(&t.album)
        .map_or(&[][..], |v| v.as_slice());
    let (wrong, same) = x.distractors(answer, &[album_pool, &b.pool_artists], OPTIONS - 1, |d| {
        !b.is_true(t.entity, Rel::TrackBy, 0, d)
    });
    let prompt = format!(
        "Who performs {} on {}?",
        quote(b.name(t.entity)),
        b.name(t.album)
    );
    let explanation = format!("{} performs {}.", b.name(answer), quote(b.name(t.entity)));
    let facts = vec![triple(b.name(t.entity), "performed by", b.name(answer))];
    Some(entity_draft(
        b,
        prompt,
        answer,
        &wrong,
        |d| artist_fact(b, d, t.album),
        explanation,
        facts,
        same,
    ))
}

fn artist_fact(b: &FactBase, artist: u32, album: u32) -> Option<String> {
    let tracks = b.artist_tracks.get(&(artist, album))?;
    Some(format!(
        "{} performs {}",
        b.name(artist),
        quote(b.name(*tracks.first()?))
    ))
}

fn artist_track<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let &(artist, album) = b.artist_albums.get(c.a as usize)?;
    let mine = b.artist_tracks.get(&(artist, album))?;
    let answer = mine[x.rng.random_range(0..mine.len())];
    let pool = b.pool_tracks.get(&album).map_or(&[][..], |v| v.as_slice());
    let (wrong, same) = x.distractors(answer, &[pool], OPTIONS - 1, |d| {
        !b.is_true(d, Rel::TrackBy, 0, artist)
    });
    let prompt = format!(
        "Which of these songs on {} is by {}?",
        b.name(album),
        b.name(artist)
    );
    let explanation = format!("{} is by {}.", quote(b.name(answer)), b.name(artist));
    let facts = vec![triple(b.name(answer), "performed by", b.name(artist))];
    Some(entity_draft(
        b,
        prompt,
        answer,
        &wrong,
        |d| track_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn crew_person<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let cr = b.credits.get(c.a as usize)?;
    let holders = b.credits.iter().filter(|o| o.role == cr.role).count();
    let (wrong, same) = x.distractors(
        cr.person,
        &[&b.pool_crew_people, &b.pool_people],
        OPTIONS - 1,
        |d| !b.is_true(d, Rel::Credit, 0, cr.role),
    );
    let prompt = format!(
        "Who was {}{}?",
        with_article(b.name(cr.role), holders == 1),
        series_of(b, c)
    );
    let explanation = format!(
        "{} was {}{}.",
        b.name(cr.person),
        with_article(b.name(cr.role), holders == 1),
        series_of(b, c)
    );
    let facts = vec![triple(b.name(cr.person), "credited as", b.name(cr.role))];
    Some(entity_draft(
        b,
        prompt,
        cr.person,
        &wrong,
        |d| crew_fact(b, d).or_else(|| role_fact(b, d)),
        explanation,
        facts,
        same,
    ))
}

fn crew_role<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let cr = b.credits.get(c.a as usize)?;
    let (wrong, same) = x.distractors(cr.role, &[&b.pool_crew_roles], OPTIONS - 1, |d| {
        !b.is_true(cr.person, Rel::Credit, 0, d)
    });
    let prompt = format!(
        "What was {}'s job on {}?",
        b.name(cr.person),
        b.series_name
            .get(c.pack as usize)
            .cloned()
            .flatten()
            .unwrap_or_else(|| "the production".into())
    );
    let explanation = format!(
        "{} was {}.",
        b.name(cr.person),
        with_article(b.name(cr.role), false)
    );
    let facts = vec![triple(b.name(cr.person), "credited as", b.name(cr.role))];
    Some(entity_draft(
        b,
        prompt,
        cr.role,
        &wrong,
        |d| crew_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn place_of_scene<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let p = b.places.get(c.a as usize)?;
    let (wrong, same) = x.distractors(p.place, &[&b.pool_places], OPTIONS - 1, |d| {
        !b.is_true(p.scene, Rel::FilmedAt, 0, d)
    });
    let prompt = format!(
        "Where was this filmed{}: {}?",
        series_for(b, c),
        b.name(p.scene)
    );
    let location = p
        .location
        .map(|l| format!(" ({})", b.name(l)))
        .unwrap_or_default();
    let explanation = format!(
        "{} was filmed at {}{location}.",
        capitalise(b.name(p.scene)),
        b.name(p.place)
    );
    let facts = vec![triple(b.name(p.scene), "filmed at", b.name(p.place))];
    Some(entity_draft(
        b,
        prompt,
        p.place,
        &wrong,
        |d| place_fact(b, d),
        explanation,
        facts,
        same,
    ))
}

fn scene_at_place<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let p = b.places.get(c.a as usize)?;
    let (wrong, same) = x.distractors(p.scene, &[&b.pool_scenes], OPTIONS - 1, |d| {
        !b.is_true(d, Rel::FilmedAt, 0, p.place)
    });
    let prompt = format!(
        "What was filmed at {}{}?",
        b.name(p.place),
        series_for(b, c)
    );
    let explanation = format!(
        "{} was filmed at {}.",
        capitalise(b.name(p.scene)),
        b.name(p.place)
    );
    let facts = vec![triple(b.name(p.scene), "filmed at", b.name(p.place))];
    let mut d = entity_draft(
        b,
        prompt,
        p.scene,
        &wrong,
        |d| place_fact(b, d),
        explanation,
        facts,
        same,
    );
    d.answer = capitalise(&d.answer);
    for w in &mut d.wrong {
        w.0 = capitalise(&w.0);
    }
    Some(d)
}

fn which_is_not<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    if c.a == 0 {
        // A character outside the main cast among three main characters.
        let odd = c.b;
        let main = b.pool_characters.get(&(c.pack, Group::Main as u8))?;
        let main_id = Group::Main as u8 as u32;
        let (wrong, _) = x.distractors(odd, &[main], OPTIONS - 1, |d| {
            b.is_true(d, Rel::InGroup, c.pack as u32, main_id)
        });
        if wrong.len() < OPTIONS - 1 || b.is_true(odd, Rel::InGroup, c.pack as u32, main_id) {
            return None;
        }
        let prompt = format!(
            "Which of these characters is NOT in the main cast{}?",
            series_of(b, c)
        );
        let explanation = format!(
            "{} is a {} character; the others are main characters.",
            b.name(odd),
            group_name(b.prominence[odd as usize])
        );
        let facts = vec![triple(
            b.name(odd),
            "is in group",
            group_name(b.prominence[odd as usize]),
        )];
        return Some(entity_draft(
            b,
            prompt,
            odd,
            &wrong,
            |d| {
                Some(format!(
                    "{} is a {} character",
                    b.name(d),
                    group_name(b.prominence[d as usize])
                ))
            },
            explanation,
            facts,
            OPTIONS - 1,
        ));
    }
    // A song on the album that is not by the artist, among three that are.
    let &(artist, album) = b.artist_albums.get(c.b as usize)?;
    let mine = b.artist_tracks.get(&(artist, album))?;
    let pool = b.pool_tracks.get(&album)?;
    let mut odd = None;
    for _ in 0..MAX_DRAWS {
        let t = pool[x.rng.random_range(0..pool.len())];
        if !b.is_true(t, Rel::TrackBy, 0, artist) && x.visible(t) {
            odd = Some(t);
            break;
        }
    }
    let odd = odd?;
    let (wrong, _) = x.distractors(odd, &[mine], OPTIONS - 1, |d| {
        b.is_true(d, Rel::TrackBy, 0, artist)
    });
    if wrong.len() < OPTIONS - 1 {
        return None;
    }
    let prompt = format!(
        "Which of these songs on {} is NOT by {}?",
        b.name(album),
        b.name(artist)
    );
    let explanation = format!(
        "{} is not by {}; the other three are.",
        quote(b.name(odd)),
        b.name(artist)
    );
    let facts = vec![triple(b.name(odd), "not performed by", b.name(artist))];
    Some(entity_draft(
        b,
        prompt,
        odd,
        &wrong,
        |d| track_fact(b, d),
        explanation,
        facts,
        OPTIONS - 1,
    ))
}

fn odd_one_out<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let odd = c.b;
    let ti = *b.track_index.get(&odd)?;
    let home = b.tracks[ti as usize].album;
    // Three tracks that all share another album.
    let others: Vec<u32> = b
        .pool_tracks
        .keys()
        .copied()
        .filter(|&a| a != home && b.pool_tracks[&a].len() >= 3)
        .collect();
    let other = *others.get(x.rng.random_range(0..others.len().max(1)))?;
    let (wrong, _) = x.distractors(odd, &[&b.pool_tracks[&other]], OPTIONS - 1, |d| {
        b.is_true(d, Rel::TrackOn, 0, other) && !b.is_true(d, Rel::TrackOn, 0, home)
    });
    if wrong.len() < OPTIONS - 1 {
        return None;
    }
    let prompt = "Which of these tracks is the odd one out?".to_string();
    let explanation = format!(
        "{} is on {}; the others are on {}.",
        quote(b.name(odd)),
        b.name(home),
        b.name(other)
    );
    let facts = vec![triple(b.name(odd), "is on", b.name(home))];
    Some(entity_draft(
        b,
        prompt,
        odd,
        &wrong,
        |d| track_fact(b, d),
        explanation,
        facts,
        OPTIONS - 1,
    ))
}

fn timeline<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    let anchor = b.events.get(c.a as usize)?;
    let first = c.b == 0;
    let range = b.event_ranges.get(c.pack as usize)?.clone();
    let len = (range.end - range.start) as usize;
    // Events certainly after (or before) the anchor, with distinct dates.
    let mut chosen: Vec<u32> = Vec::new();
    let start = x.rng.random_range(0..len.max(1));
    for k in 0..len.min(256) {
        if chosen.len() >= OPTIONS - 1 {
            break;
        }
        let i = range.start + ((start + k) % len) as u32;
        let e = &b.events[i as usize];
        let ordered = if first {
            certainly_before(anchor.date, e.date)
        } else {
            certainly_before(e.date, anchor.date)
        };
        let distinct = chosen.iter().all(|&o| {
            b.events[o as usize].date != e.date
                && normalise(&b.events[o as usize].event) != normalise(&e.event)
        });
        if ordered && distinct && normalise(&e.event) != normalise(&anchor.event) {
            chosen.push(i);
        }
    }
    if chosen.len() < OPTIONS - 1 {
        return None;
    }
    let word = if first { "first" } else { "last" };
    let prompt = format!("Which of these happened {word}?");
    let explanation = format!(
        "{} on {}.",
        capitalise(&anchor.event),
        anchor.date.display()
    );
    let wrong = chosen
        .iter()
        .map(|&i| {
            let e = &b.events[i as usize];
            (
                capitalise(&e.event),
                Some(format!("{} on {}", capitalise(&e.event), e.date.display())),
            )
        })
        .collect();
    Some(Draft {
        prompt,
        answer: capitalise(&anchor.event),
        answer_fact: None,
        wrong,
        explanation,
        facts: vec![triple(&anchor.event, "happened on", &anchor.date.display())],
        same_group: OPTIONS - 1,
        entity_answer_norm: None,
    })
}

/// `a` is before `b` whatever the missing month or day turn out to be.
fn certainly_before(a: super::text::Date, b: super::text::Date) -> bool {
    if a.year != b.year {
        return a.year < b.year;
    }
    if a.month == 0 || b.month == 0 {
        return false;
    }
    if a.month != b.month {
        return a.month < b.month;
    }
    a.day != 0 && b.day != 0 && a.day < b.day
}

fn format_number(value: f64, precision: u8, unit: &str) -> String {
    let s = format!("{:.*}", precision as usize, value);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    if is_percent(unit) {
        format!("{grouped}%")
    } else if unit.is_empty() {
        grouped
    } else {
        format!("{grouped} {unit}")
    }
}

/// Three plausible wrong values: same unit and precision, on both sides of
/// the answer, never negative, never above 100 % or past the latest year.
pub fn number_distractors<R: Rng>(
    rng: &mut R,
    value: f64,
    precision: u8,
    unit: &str,
    latest_year: i32,
) -> Option<Vec<f64>> {
    let step = 10f64.powi(-(precision as i32));
    let round = |v: f64| (v / step).round() * step;
    let max = if is_percent(unit) {
        100.0
    } else if unit.eq_ignore_ascii_case("year") {
        latest_year as f64
    } else {
        f64::INFINITY
    };
    let spread = if unit.eq_ignore_ascii_case("year") {
        // Years: a few years either side, not a share of two thousand.
        rng.random_range(1.0..3.0f64).round().max(1.0)
    } else {
        (value.abs() * rng.random_range(0.12..0.3)).max(step)
    };
    let below = rng.random_range(1..=2usize);
    let mut offsets: Vec<f64> = (1..=below)
        .map(|k| -(k as f64))
        .chain((1..=(3 - below)).map(|k| k as f64))
        .collect();
    let mut out: Vec<f64> = Vec::new();
    for o in offsets.drain(..) {
        let jitter = rng.random_range(0.85..1.15);
        let mut v = round(value + o * spread * jitter);
        // Keep the wrong value off the answer and off the others after rounding.
        let mut guard = 0;
        while (v - value).abs() < step / 2.0 || out.iter().any(|w: &f64| (w - v).abs() < step / 2.0)
        {
            v = round(v + o.signum() * step);
            guard += 1;
            if guard > 8 {
                return None;
            }
        }
        if v <= 0.0 || v > max {
            return None;
        }
        out.push(v);
    }
    Some(out)
}

fn closest_number<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let b = x.base;
    if c.b == 1 {
        let t = b.tracks.get(c.a as usize)?;
        let secs = t.seconds? as f64;
        let wrong = number_distractors(x.rng, secs, 0, "s", b.latest_year)?;
        let prompt = format!(
            "How long is {} on {}?",
            quote(b.name(t.entity)),
            b.name(t.album)
        );
        return Some(Draft {
            prompt,
            answer: format_duration(secs as u32),
            answer_fact: None,
            wrong: wrong
                .iter()
                .map(|&w| (format_duration(w as u32), None))
                .collect(),
            explanation: format!(
                "{} runs {}.",
                quote(b.name(t.entity)),
                format_duration(secs as u32)
            ),
            facts: vec![triple(
                b.name(t.entity),
                "lasts",
                &format_duration(secs as u32),
            )],
            same_group: OPTIONS - 1,
            entity_answer_norm: None,
        });
    }
    let n = b.numbers.get(c.a as usize)?;
    let wrong = number_distractors(x.rng, n.value, n.precision, &n.unit, b.latest_year)?;
    let answer = format_number(n.value, n.precision, &n.unit);
    Some(Draft {
        prompt: format!("What was the {}?", n.name.trim_end_matches('?')),
        answer: answer.clone(),
        answer_fact: None,
        wrong: wrong
            .iter()
            .map(|&w| (format_number(w, n.precision, &n.unit), None))
            .collect(),
        explanation: format!("The {} was {answer}.", n.name),
        facts: vec![triple(&n.name, "was", &answer)],
        same_group: OPTIONS - 1,
        entity_answer_norm: None,
    })
}

fn kind_pool(b: &FactBase, kind: EKind) -> &[u32] {
    b.pool_by_kind.get(&kind).map_or(&[][..], |v| v.as_slice())
}

fn custom<R: Rng>(x: &mut Ctx<R>, c: &Candidate, ask_object: bool) -> Option<Draft> {
    let b = x.base;
    let f = *b.custom.get(c.a as usize)?;
    let info = b.relations.get(f.relation as usize)?;
    let mut statement = info
        .def
        .statement
        .replace("{subject}", b.name(f.subject))
        .replace("{object}", b.name(f.object));
    if !statement.ends_with(['.', '!', '?']) {
        statement.push('.');
    }
    let facts = vec![triple(b.name(f.subject), &info.def.id, b.name(f.object))];
    let draft = if ask_object {
        let pool = kind_pool(b, b.kinds[f.object as usize]);
        let (wrong, same) = x.distractors(f.object, &[pool], OPTIONS - 1, |d| {
            !b.is_true(f.subject, Rel::Custom, f.relation, d)
        });
        let prompt = info.def.ask_object.replace("{subject}", b.name(f.subject));
        entity_draft(
            b,
            prompt,
            f.object,
            &wrong,
            |d| custom_fact(b, d),
            statement,
            facts,
            same,
        )
    } else {
        let pool = kind_pool(b, b.kinds[f.subject as usize]);
        let (wrong, same) = x.distractors(f.subject, &[pool], OPTIONS - 1, |d| {
            !b.is_true(d, Rel::Custom, f.relation, f.object)
        });
        let prompt = info
            .def
            .ask_subject
            .as_deref()?
            .replace("{object}", b.name(f.object));
        entity_draft(
            b,
            prompt,
            f.subject,
            &wrong,
            |d| custom_fact(b, d),
            statement,
            facts,
            same,
        )
    };
    Some(draft)
}

fn hand_written<R: Rng>(x: &mut Ctx<R>, c: &Candidate) -> Option<Draft> {
    let q = x.base.handwritten.get(c.a as usize)?;
    let answer_norm = normalise(&q.answer);
    let mut wrong: Vec<String> = Vec::new();
    for w in &q.wrong {
        let n = normalise(w);
        if n != answer_norm && !wrong.iter().any(|o| normalise(o) == n) {
            wrong.push(w.clone());
        }
    }
    // Keep three at random when the author wrote more.
    while wrong.len() > OPTIONS - 1 {
        let i = x.rng.random_range(0..wrong.len());
        wrong.swap_remove(i);
    }
    Some(Draft {
        prompt: q.prompt.clone(),
        answer: q.answer.clone(),
        answer_fact: None,
        wrong: wrong.into_iter().map(|w| (w, None)).collect(),
        explanation: q
            .explanation
            .clone()
            .unwrap_or_else(|| format!("The answer is {}.", q.answer)),
        facts: vec![triple(&q.prompt, "answer", &q.answer)],
        same_group: 0,
        entity_answer_norm: None,
    })
}

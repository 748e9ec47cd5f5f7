//! The editorial rules every generated question keeps, checked over the real
//! packs and random ones by checks written here, apart from the engine's own:
//! a prompt a host can read, no giveaway, options of one type, wrong options
//! known to be false (never merely unknown), and no spoilers.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leafquiz::engine::facts::EKind;
use leafquiz::engine::model::{Objects, Pack};
use leafquiz::engine::text::normalise;
use leafquiz::engine::{
    FactBase, Question, QuestionKind, Session, SessionConfig, SpoilerHorizon, load_pack_file,
};
use proptest::prelude::*;

fn fixture(name: &str) -> Pack {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    load_pack_file(&path).expect("pack loads").pack
}

fn real_packs() -> Vec<Pack> {
    vec![
        common::heartstopper(),
        fixture("tests/fixtures/packs/solar_system.ron"),
        fixture("tests/fixtures/packs/composers.ron"),
        fixture("tests/fixtures/river_league.ron"),
    ]
}

/// The frame words of prompts ("Which of these happened first?"): echoing them
/// tells nothing.
const FRAME: &[&str] = &[
    "which", "these", "happened", "first", "recently", "title", "episode", "season", "where",
    "there",
];

/// Words of five letters or more, lower case: enough to give an answer away.
fn long_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && !FRAME.contains(&w.to_lowercase().as_str()))
        .map(|w| w.to_lowercase())
        .collect()
}

fn stem(w: &str) -> String {
    w.chars().take(5).collect()
}

/// The checks an editor makes at a glance, written independently of the engine.
fn editorial(q: &Question) -> Result<(), String> {
    if q.kind == QuestionKind::HandWritten {
        return Ok(());
    }
    if q.options.len() != 4 {
        return Err(format!("{} options: {}", q.options.len(), q.prompt));
    }
    let first = q.prompt.chars().next().unwrap_or(' ');
    if !first.is_uppercase() && !first.is_ascii_digit() && first != '“' {
        return Err(format!("lower-case start: {}", q.prompt));
    }
    if !q.prompt.ends_with('?') {
        return Err(format!("not a question: {}", q.prompt));
    }
    let mut outside = String::new();
    let mut depth = 0i32;
    for ch in q.prompt.chars() {
        match ch {
            '“' => depth += 1,
            '”' => depth -= 1,
            _ if depth == 0 => outside.push(ch),
            _ => {}
        }
    }
    if outside.contains(": ") {
        return Err(format!("colon inside the prompt: {}", q.prompt));
    }
    // A long word only the answer shares with the prompt.
    let prompt: HashSet<String> = long_words(&q.prompt).iter().map(|w| stem(w)).collect();
    let shares = |o: &str| long_words(o).iter().any(|w| prompt.contains(&stem(w)));
    let answer = q.answer_text();
    let wrong: Vec<&String> = q
        .options
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != q.answer)
        .map(|(_, o)| o)
        .collect();
    if shares(answer) && !wrong.iter().any(|w| shares(w)) {
        return Err(format!("giveaway word: {} → {answer}", q.prompt));
    }
    // A mark only the answer carries.
    for (name, mark) in [
        ("brackets", (|s: &str| s.contains('(')) as fn(&str) -> bool),
        ("digits", |s: &str| s.chars().any(|c| c.is_ascii_digit())),
    ] {
        if mark(answer) && !wrong.iter().any(|w| mark(w)) {
            return Err(format!("only the answer has {name}: {answer} {wrong:?}"));
        }
    }
    Ok(())
}

/// Options of one type: all entities of the answer's kind, or for a pack's
/// own relation, all taking part in it on the same side.
fn one_type(base: &FactBase, pack: &Pack, q: &Question) -> Result<(), String> {
    let entities: Vec<u32> = q.option_entities.iter().flatten().copied().collect();
    if entities.len() != q.options.len() {
        return Ok(()); // computed options: numbers, dates, labels
    }
    let custom = matches!(
        q.kind,
        QuestionKind::CustomObject | QuestionKind::CustomSubject
    );
    if !custom {
        let kinds: HashSet<EKind> = entities.iter().map(|&e| base.kind_of(e)).collect();
        if kinds.len() != 1 {
            return Err(format!("mixed kinds {kinds:?}: {}", q.prompt));
        }
        return Ok(());
    }
    // Every option names an entity on the same side of the same relation.
    let relation = &q.facts[0].relation;
    let names = names_by_id(pack);
    let side: HashSet<String> = pack
        .facts
        .iter()
        .filter(|f| &f.relation == relation)
        .filter_map(|f| {
            let id = if q.kind == QuestionKind::CustomObject {
                &f.object
            } else {
                &f.subject
            };
            names.get(id.as_str()).map(|n| normalise(n))
        })
        .collect();
    for o in &q.options {
        if !side.contains(&normalise(o)) {
            return Err(format!(
                "{o:?} takes no part in {relation} that way: {}",
                q.prompt
            ));
        }
    }
    Ok(())
}

/// Wrong options of a pack's own relation are known false: the subject's
/// objects are all listed (one per subject, or all listed).
fn known_false(pack: &Pack, q: &Question) -> Result<(), String> {
    if !matches!(
        q.kind,
        QuestionKind::CustomObject | QuestionKind::CustomSubject
    ) {
        return Ok(());
    }
    let relation = &q.facts[0].relation;
    let def = pack
        .relations
        .iter()
        .find(|r| &r.id == relation)
        .ok_or("unknown relation")?;
    if def.objects == Objects::SomeListed {
        return Err(format!(
            "a relation with only some objects was asked: {relation}"
        ));
    }
    Ok(())
}

fn names_by_id(pack: &Pack) -> HashMap<&str, &str> {
    pack.people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(
            pack.entities
                .iter()
                .map(|e| (e.id.as_str(), e.name.as_str())),
        )
        .chain(
            pack.characters
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str())),
        )
        .collect()
}

fn check_all(pack: &Pack, seed: u64, horizon: Option<SpoilerHorizon>) -> Result<usize, String> {
    let base = Arc::new(FactBase::build([pack]));
    let mut s = Session::new(
        base.clone(),
        SessionConfig {
            seed,
            horizon,
            ..SessionConfig::default()
        },
    );
    let mut asked = 0;
    for _ in 0..s.pool_size() {
        let Some(q) = s.next_question() else { break };
        editorial(&q)?;
        one_type(&base, pack, &q)?;
        known_false(pack, &q)?;
        common::oracle(pack, &q)?;
        asked += 1;
    }
    Ok(asked)
}

#[test]
fn every_question_of_the_real_packs_keeps_the_editorial_rules() {
    for pack in real_packs() {
        for seed in 0..4 {
            let asked = check_all(&pack, seed, None).unwrap_or_else(|e| panic!("{e}"));
            // A game asks each fact once: the smallest fixture has nine.
            assert!(asked >= 8, "{}: only {asked} questions", pack.meta.id);
        }
    }
}

#[test]
fn timeline_options_never_put_two_events_of_one_chain_together() {
    // "Filming began" and "the series was released" never meet: their order is logic, not knowledge.
    let mut asked = 0;
    for pack in real_packs() {
        let chain_of: HashMap<String, String> = pack
            .dates
            .iter()
            .filter_map(|d| Some((normalise(&d.event), d.chain.clone()?)))
            .collect();
        let mut s = Session::new(
            Arc::new(FactBase::build([&pack])),
            SessionConfig {
                seed: 9,
                kinds: vec![QuestionKind::Timeline],
                ..SessionConfig::default()
            },
        );
        for _ in 0..s.pool_size() {
            let Some(q) = s.next_question() else { break };
            let chains: Vec<&String> = q
                .options
                .iter()
                .filter_map(|o| chain_of.get(&normalise(o)))
                .collect();
            let distinct: HashSet<&&String> = chains.iter().collect();
            assert_eq!(distinct.len(), chains.len(), "{:?}", q.options);
            let filming = q
                .options
                .iter()
                .filter(|o| o.to_lowercase().contains("filming"))
                .count();
            assert!(filming <= 1, "{:?}", q.options);
            asked += 1;
        }
    }
    assert!(asked > 0, "the packs give timeline questions");
}

#[test]
fn custom_facts_tied_to_an_episode_wait_for_it() {
    let mut pack = common::random_pack(7, 12);
    let last = pack.episodes.last().unwrap().clone();
    let hidden: HashSet<String> = pack
        .facts
        .iter()
        .filter(|f| f.episode.is_some())
        .map(|f| format!("{}/{}", f.subject, f.object))
        .collect();
    assert!(!hidden.is_empty());
    let names = names_by_id(&pack)
        .into_iter()
        .map(|(k, v)| (k.to_string(), normalise(v)))
        .collect::<HashMap<_, _>>();
    pack.meta.id = "spoilers".into();
    let base = Arc::new(FactBase::build([&pack]));
    let mut s = Session::new(
        base,
        SessionConfig {
            seed: 1,
            horizon: Some(SpoilerHorizon {
                season: last.season,
                episode: last.number - 1,
            }),
            kinds: vec![QuestionKind::CustomObject, QuestionKind::CustomSubject],
            ..SessionConfig::default()
        },
    );
    for _ in 0..s.pool_size() {
        let Some(q) = s.next_question() else { break };
        let f = &q.facts[0];
        for key in &hidden {
            let (sub, obj) = key.split_once('/').unwrap();
            let asked = normalise(&f.subject) == names[sub] && normalise(&f.object) == names[obj];
            assert!(
                !(asked && f.relation == "visited"),
                "spoiler fact asked: {}",
                q.prompt
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn random_packs_keep_the_editorial_rules(seed in 0u64..1_000_000, n in 6usize..40) {
        let pack = common::random_pack(seed, n);
        let r = check_all(&pack, seed, None);
        prop_assert!(r.is_ok(), "{}", r.unwrap_err());
        let r = check_all(&pack, seed, Some(SpoilerHorizon { season: 1, episode: 2 }));
        prop_assert!(r.is_ok(), "{}", r.unwrap_err());
    }

    /// The giveaway checks: an answer alone in carrying brackets, or the only
    /// option echoing a prompt word, is never shown.
    #[test]
    fn giveaway_checks_catch_what_they_claim(word in "[a-z]{5,9}", others in prop::collection::vec("[a-z]{5,9}", 3)) {
        use leafquiz::engine::checks::{odd_shape, shared_word};
        prop_assume!(others.iter().all(|o| o[..5] != word[..5]));
        let prompt = format!("Which of these is about the {word}?");
        let answer = format!("The {word} scenes");
        let wrong: Vec<String> = others.iter().map(|o| format!("The {o} scenes")).collect();
        let wrong_refs: Vec<&str> = wrong.iter().map(|s| s.as_str()).collect();
        prop_assert!(shared_word(&prompt, &answer, &wrong_refs).is_some());
        let bracketed = format!("{word} (remix)");
        prop_assert!(odd_shape(&bracketed, &wrong_refs).is_some());
    }
}

//! What a pack author sees before players do: a sample of questions with the
//! generator's own findings beside each, the candidates that can never become
//! a fair question and why, and the prompt shapes that repeat.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::checks::{Reject, odd_shape, shared_word};
use super::facts::{EKind, FactBase};
use super::model::Objects;
use super::question::{Question, QuestionKind};
use super::session::{Session, SessionConfig};
use super::text::normalise;

/// A question of the sample and what the generator noticed about it.
#[derive(Debug, Clone)]
pub struct Reviewed {
    pub question: Question,
    pub findings: Vec<String>,
}

/// Candidates of one kind that never give a question, by reason.
#[derive(Debug, Clone, Default)]
pub struct Dropped {
    pub total: usize,
    pub by_reason: BTreeMap<String, usize>,
    /// One example per reason: the particular reason ("… shares \"bowl\" …").
    pub examples: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sample: Vec<Reviewed>,
    pub dropped: BTreeMap<QuestionKind, Dropped>,
    /// Prompt shapes (names replaced by "…") used by more than a fifth of the sample.
    pub repeated_shapes: Vec<(String, usize)>,
}

/// Candidates scanned for drops at most (a sample on huge packs).
const SCAN_LIMIT: usize = 20_000;
/// Seeds tried per candidate before it counts as dropped.
const SEEDS: u64 = 3;

pub fn review(base: std::sync::Arc<FactBase>, count: usize, seed: u64) -> Report {
    let mut report = Report {
        dropped: dropped(&base),
        ..Report::default()
    };
    let mut session = Session::new(
        base.clone(),
        SessionConfig {
            seed,
            ..SessionConfig::default()
        },
    );
    let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..count {
        let Some(q) = session.next_question() else {
            break;
        };
        *shapes.entry(shape(&q)).or_insert(0) += 1;
        let findings = findings(&base, &q);
        report.sample.push(Reviewed {
            question: q,
            findings,
        });
    }
    let n = report.sample.len();
    report.repeated_shapes = shapes
        .into_iter()
        .filter(|&(_, k)| n >= 10 && k * 5 > n)
        .collect();
    report
}

/// Every candidate tried a few times; those that never pass, with the last reason.
pub fn dropped(base: &FactBase) -> BTreeMap<QuestionKind, Dropped> {
    let mut out: BTreeMap<QuestionKind, Dropped> = BTreeMap::new();
    let step = (base.candidates.len() / SCAN_LIMIT).max(1);
    for (i, c) in base.candidates.iter().enumerate().step_by(step) {
        let entry = out.entry(c.kind()).or_default();
        entry.total += 1;
        let mut last: Option<Reject> = None;
        for s in 0..SEEDS {
            let mut rng = ChaCha8Rng::seed_from_u64(s);
            match super::kinds::render(base, c, i as u32, &mut rng, 0) {
                Ok(_) => {
                    last = None;
                    break;
                }
                Err(r) => last = Some(r),
            }
        }
        if let Some(r) = last {
            *entry.by_reason.entry(r.category()).or_insert(0) += 1;
            // Name the question, so its author can find the rows behind it.
            let prompt = super::kinds::draft_prompt(base, c, &mut ChaCha8Rng::seed_from_u64(0));
            entry
                .examples
                .entry(r.category())
                .or_insert_with(|| match prompt {
                    Some(p) if r.category() == r.to_string() => format!("“{p}”"),
                    Some(p) => format!("“{p}”: {r}"),
                    None => r.to_string(),
                });
        }
    }
    out.retain(|_, d| !d.by_reason.is_empty());
    out
}

/// The prompt with every option-like name taken out: questions of one shape.
fn shape(q: &Question) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in q.prompt.split(' ') {
        let proper = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '“');
        if proper && !words.is_empty() {
            if words.last() != Some(&"…") {
                words.push("…");
            }
        } else {
            words.push(w);
        }
    }
    format!("[{}] {}", q.kind.name(), words.join(" "))
}

/// Risks the checks let through, worth a human look.
fn findings(base: &FactBase, q: &Question) -> Vec<String> {
    let mut out = Vec::new();
    let answer = q.answer_text();
    let wrong: Vec<&str> = q
        .options
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != q.answer)
        .map(|(_, o)| o.as_str())
        .collect();
    // Softer than the check: a word the answer shares with the prompt at all.
    if shared_word(&q.prompt, answer, &[]).is_some() {
        out.push("giveaway risk: the answer shares a word with the prompt".to_string());
    }
    if let Some(s) = odd_shape(answer, &wrong) {
        out.push(format!("giveaway risk: the answer {s}"));
    }
    let one_word = |s: &str| !s.trim().contains(' ');
    if wrong.iter().all(|w| one_word(w) != one_word(answer)) {
        out.push(
            "giveaway risk: the answer alone differs in word count (one word or several)"
                .to_string(),
        );
    }
    let len = |s: &str| s.chars().count();
    let longest_wrong = wrong.iter().map(|w| len(w)).max().unwrap_or(0);
    if len(answer) * 2 > longest_wrong * 3 && len(answer) > longest_wrong + 8 {
        out.push("giveaway risk: the answer is the longest option by far".to_string());
    }
    let kinds: Vec<EKind> = q
        .option_entities
        .iter()
        .flatten()
        .map(|&e| base.kinds[e as usize])
        .collect();
    if kinds.windows(2).any(|w| w[0] != w[1]) {
        let mut names: Vec<String> = kinds.iter().map(|k| kind_name(base, *k)).collect();
        names.sort();
        names.dedup();
        out.push(format!("mixed-type options: {}", names.join(", ")));
    }
    if matches!(
        q.kind,
        QuestionKind::CustomObject | QuestionKind::CustomSubject
    ) && let Some(rel) = base
        .relations
        .iter()
        .find(|r| normalise(&r.def.id) == normalise(&q.facts[0].relation))
    {
        // `One` is checked by validation; a complete list is the author's word alone.
        if rel.def.objects == Objects::AllListed {
            out.push(format!(
                "closed-world: the wrong options are false only because the pack lists every object of \"{}\" (`objects: AllListed`)",
                rel.def.id
            ));
        }
    }
    out
}

fn kind_name(base: &FactBase, k: EKind) -> String {
    match k {
        EKind::Custom(i) => base
            .custom_kinds
            .get(i as usize)
            .cloned()
            .unwrap_or_default(),
        other => format!("{other:?}").to_lowercase(),
    }
}

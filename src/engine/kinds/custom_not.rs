//! A pack's own relation asked the other way round: "Which of these moons
//! does NOT orbit Jupiter?" Three subjects that relate to the object and one
//! that is known not to (it relates to something else), so a custom pack gets
//! the same NOT question a TV pack gets from its soundtrack.

use std::collections::HashSet;

use rand::Rng;
use rand::seq::SliceRandom;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel, RelationInfo};
use crate::engine::model::Objects;
use crate::engine::phrase::{capitalise, fill, sentence};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `custom`: the first fact of the (relation, object) asked.
    pub fact: u32,
}

/// Subjects of the relation that relate to `object`, and those known not to.
pub(super) fn split(
    b: &FactBase,
    info: &RelationInfo,
    rel: u32,
    object: u32,
) -> (Vec<u32>, Vec<u32>) {
    info.subjects
        .iter()
        .partition(|&&s| b.is_true(s, Rel::Custom, rel, object))
}

/// The NOT question of a relation: the author's `ask_not`, else one made
/// from `ask_subject` where its verb allows it.
pub(super) fn ask_not(info: &RelationInfo) -> Option<String> {
    info.def
        .ask_not
        .clone()
        .or_else(|| derive_not(info.def.ask_subject.as_deref()?))
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    let mut seen = HashSet::new();
    for (i, f) in b.custom.iter().enumerate() {
        let info = &b.relations[f.relation as usize];
        // A subject missing from a partial list is not known to be false.
        if !info.def.asked
            || info.def.objects == Objects::SomeListed
            || ask_not(info).is_none()
            || !seen.insert((f.relation, f.object))
        {
            continue;
        }
        let (yes, no) = split(b, info, f.relation, f.object);
        if yes.len() < OPTIONS - 1 || no.is_empty() {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CustomNot(Cand { fact: i as u32 }),
            base_difficulty: 0.3,
            origin: f.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let f = *b.custom.get(k.fact as usize)?;
    let info = b.relations.get(f.relation as usize)?;
    let (mut yes, mut no) = split(b, info, f.relation, f.object);
    yes.retain(|&s| x.visible(s));
    no.retain(|&s| x.visible(s));
    // The odd one is of the same kind as the others (a moon among moons).
    let kind = b.kinds[*yes.first()? as usize];
    no.retain(|&s| b.kinds[s as usize] == kind);
    yes.retain(|&s| b.kinds[s as usize] == kind);
    if yes.len() < OPTIONS - 1 || no.is_empty() {
        return None;
    }
    let odd = no[x.rng.random_range(0..no.len())];
    yes.shuffle(x.rng);
    yes.truncate(OPTIONS - 1);
    let prompt = capitalise(&fill(
        &ask_not(info)?,
        "",
        b.name(f.object),
        b.is_plural(f.object),
    ));
    let explanation = but_not(b, &info.def.statement, odd, f.relation, f.object);
    let facts = vec![triple(
        b.name(odd),
        &format!("not {}", info.def.id),
        b.name(f.object),
    )];
    Some(
        Draft::entities(
            b,
            prompt,
            odd,
            &yes,
            |d| say::custom(b, d, f.relation),
            explanation,
            facts,
        )
        .same_group(OPTIONS - 1),
    )
}

/// "Titan orbits Saturn, not Jupiter.": the subject's own statement, with the
/// object it lacks named where the statement ends on its object.
pub(super) fn but_not(b: &FactBase, statement: &str, s: u32, rel: u32, not: u32) -> String {
    let own = say::objects_of(b, s, rel);
    match contrast(statement, &own, b.name(not)) {
        Some(t) => sentence(&capitalise(&fill(&t, b.name(s), "", b.is_plural(s)))),
        None => sentence(&say::statement_all(b, statement, s, rel)),
    }
}

/// The template with `{object}` replaced by "A, not B" when `{object}` ends
/// it (before the final punctuation, keeping quotes around each name).
pub(super) fn contrast(template: &str, a: &str, not: &str) -> Option<String> {
    let at = template.rfind("{object}")?;
    let before = &template[..at];
    let after = &template[at + "{object}".len()..];
    let close: String = after
        .chars()
        .take_while(|c| matches!(c, '”' | '"' | '’' | '\''))
        .collect();
    let end = &after[close.len()..];
    if !matches!(end.trim(), "" | "." | "?" | "!") {
        return None;
    }
    let open: String = before
        .chars()
        .rev()
        .take_while(|c| matches!(c, '“' | '"' | '‘' | '\''))
        .collect();
    // "on the {object}" → "on the Danube, not the Elbe".
    let article = before[..before.len() - open.len()]
        .rsplit(' ')
        .nth(1)
        .filter(|w| *w == "the")
        .map_or("", |_| "the ");
    Some(format!(
        "{before}{a}{close}, not {article}{open}{not}{close}{end}"
    ))
}

const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "can", "could", "does", "do", "did", "has", "have", "had", "will",
    "would",
];

/// "Which band comes from {object}?" → "Which band does NOT come from
/// {object}?"; "Which city is …" → "Which city is NOT …". None where the verb
/// cannot be found with confidence.
pub(super) fn derive_not(ask_subject: &str) -> Option<String> {
    let words: Vec<&str> = ask_subject.split(' ').collect();
    let first = words.first()?.to_lowercase();
    // Where the verb may be: after "Who"/"What", or after "Which [of these]
    // NOUN", looking at most two words on (a two-word noun).
    let start = match first.as_str() {
        "who" | "what" => 1,
        "which" => {
            let mut i = 1;
            if words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && words
                    .get(2)
                    .is_some_and(|w| ["these", "the", "those"].contains(&w.to_lowercase().as_str()))
            {
                i = 3;
            }
            i + 1
        }
        _ => return None,
    };
    for i in start..(start + 3).min(words.len()) {
        let w = words[i];
        if w.contains('{') || !w.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let lower = w.to_lowercase();
        if AUXILIARIES.contains(&lower.as_str()) {
            // "did {object} discover" → "did {object} NOT discover".
            let after = if words.get(i + 1).is_some_and(|w| w.starts_with("{object}")) {
                i + 2
            } else {
                i + 1
            };
            let mut out = words.clone();
            out.insert(after.min(words.len()), "NOT");
            return Some(out.join(" "));
        }
        if let Some(base) = base_form(&lower)
            && i + 1 < words.len()
        {
            let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            out[i] = format!("does NOT {base}");
            return Some(out.join(" "));
        }
    }
    None
}

/// The base form of a regular third-person verb: "orbits" → "orbit",
/// "goes" → "go", "flies" → "fly". None for words that are not such verbs.
fn base_form(w: &str) -> Option<String> {
    if w.len() < 3
        || !w.ends_with('s')
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
    {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for ending in ["sses", "shes", "ches", "xes", "zes", "oes"] {
        if w.ends_with(ending) {
            return Some(w[..w.len() - 2].to_string());
        }
    }
    Some(w[..w.len() - 1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_questions_are_made_from_the_verb() {
        for (ask, want) in [
            (
                "Which band comes from {object}?",
                Some("Which band does NOT come from {object}?"),
            ),
            (
                "Which moon orbits {object}?",
                Some("Which moon does NOT orbit {object}?"),
            ),
            (
                "Which city is the capital of {object}?",
                Some("Which city is NOT the capital of {object}?"),
            ),
            (
                "Who plays for {object}?",
                Some("Who does NOT play for {object}?"),
            ),
            (
                "Which rugby club plays at {object}?",
                Some("Which rugby club does NOT play at {object}?"),
            ),
            (
                "Which of these actors appears in “{object}”?",
                Some("Which of these actors does NOT appear in “{object}”?"),
            ),
            (
                "Which singer watches {object}?",
                Some("Which singer does NOT watch {object}?"),
            ),
            ("Which band released {object}?", None),
            (
                "Which moon did {object} discover?",
                Some("Which moon did {object} NOT discover?"),
            ),
            ("Name the band from {object}.", None),
        ] {
            assert_eq!(derive_not(ask).as_deref(), want, "{ask}");
        }
    }

    #[test]
    fn a_contrast_keeps_quotes_and_final_punctuation() {
        assert_eq!(
            contrast("{subject} orbits {object}.", "Saturn", "Jupiter").as_deref(),
            Some("{subject} orbits Saturn, not Jupiter.")
        );
        assert_eq!(
            contrast("Which actor appears in “{object}”?", "Kiss", "Meet").as_deref(),
            Some("Which actor appears in “Kiss”, not “Meet”?")
        );
        assert_eq!(
            contrast("Which city stands on the {object}?", "Danube", "Elbe").as_deref(),
            Some("Which city stands on the Danube, not the Elbe?")
        );
        assert_eq!(
            contrast("{object} is where {subject} lives.", "A", "B"),
            None
        );
    }
}

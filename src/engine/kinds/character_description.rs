//! "Which Heartstopper character is Charlie's protective best friend?" —
//! who a character is, from the pack's description: the story every viewer
//! knows, the easy end of a game.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::FactBase;
use crate::engine::model::Group;
use crate::engine::phrase::text;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `roles` (its character is the answer; its origin the pack).
    pub role: u32,
}

/// Words a definite description needs ("the head teacher of Truham Grammar
/// School"); shorter ones are too vague to single anyone out.
const MIN_WORDS: usize = 4;

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    let mut seen = std::collections::HashSet::new();
    for (i, r) in b.roles.iter().enumerate() {
        if r.group == Group::Guest || r.voice || r.cameo || !seen.insert(r.character) {
            continue;
        }
        let Some(d) = b.descriptions.get(&r.character) else {
            continue;
        };
        if !telling(b, r.character, d) {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CharacterDescription(Cand { role: i as u32 }),
            base_difficulty: match r.group {
                Group::Main => 0.0,
                _ => 0.1,
            },
            origin: r.origin,
        });
    }
}

/// A description that singles its character out: held by no other character,
/// about the story rather than the show ("introduced in the second season"),
/// and either relational ("Charlie's protective best friend", "an art teacher
/// who looks out for Charlie") or definite ("the head teacher of Truham").
/// "A year 10 student at Truham" fits half the cast.
fn telling(b: &FactBase, character: u32, d: &str) -> bool {
    let words = d.split_whitespace().count();
    let definite = d.starts_with("the ") && words >= MIN_WORDS;
    let relational = b.kin.contains_key(&character) || !named_in(b, character).is_empty();
    let unique = !b
        .descriptions
        .iter()
        .any(|(&e, other)| e != character && other.eq_ignore_ascii_case(d));
    let about_the_story = !crate::engine::text::normalise(d)
        .split(' ')
        .any(|w| matches!(w, "character" | "season" | "episode" | "series"));
    unique && about_the_story && (definite || relational)
}

/// The characters a character's description names.
fn named_in(b: &FactBase, character: u32) -> &[u32] {
    b.named_in_description
        .get(&character)
        .map_or(&[], Vec::as_slice)
}

/// For each described character, the characters of its pack whose given name
/// its description mentions ("Charlie, Tao and Isaac's friend"): never an
/// option, and a family name they share with the answer would give it away.
pub(crate) fn named_in_descriptions(
    b: &FactBase,
) -> std::collections::HashMap<u32, Vec<u32>, crate::engine::facts::FastHash> {
    let mut out = std::collections::HashMap::default();
    for (&(pack, _), cast) in &b.pool_characters {
        for &c in cast {
            if let Some(d) = b.descriptions.get(&c) {
                out.insert(c, mentioned(b, pack, d));
            }
        }
    }
    out
}

fn mentioned(b: &FactBase, pack: u16, description: &str) -> Vec<u32> {
    let words: Vec<String> = crate::engine::text::normalise(description)
        .split(' ')
        .map(str::to_string)
        .collect();
    let mut out = Vec::new();
    for (_, cast) in b.pool_characters.range((pack, 0)..=(pack, u8::MAX)) {
        for &c in cast {
            let given = b.norm(c).split(' ').next().unwrap_or("");
            // "Charlie's" normalises to "charlies".
            let named = |w: &String| w == given || w.strip_suffix('s') == Some(given);
            if given.len() >= 3 && words.iter().any(named) && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let r = b.roles.get(k.role as usize)?;
    let pack = c.origin.pack;
    let answer = r.character;
    let description = b.descriptions.get(&answer)?;
    let named = named_in(b, answer);
    if named.contains(&answer) {
        return None; // "Nick's …" about Nick: the answer is in the prompt
    }
    let family = b.profile.get(answer as usize).map_or(0, |p| p.family);
    // "Tao's mother" with Yan Xu among the options: the family name answers.
    let family_gives_away = family != 0
        && named.iter().any(|&n| {
            b.profile
                .get(n as usize)
                .is_some_and(|p| p.family == family)
        });
    if family_gives_away {
        return None;
    }
    let pronoun = b.pronouns[answer as usize];
    let title = |e: u32| b.norm(e).split(' ').next().and_then(say::title);
    // Another character described by the same people ("… next to Charlie")
    // might fit the description too.
    let about_the_same = |d: u32| named_in(b, d).iter().any(|n| named.contains(n));
    let fits = |d: u32| {
        !named.contains(&d)
            && !say::characters_alike(b, d, answer)
            && !about_the_same(d)
            // "Mr Farouk" for Nick's father: a title sets a character apart.
            && title(d) == title(answer)
            && (pronoun == 0 || b.pronouns[d as usize] == pronoun)
            && b.same_age(d, answer)
            && !b.unusual_parts.contains(&d)
    };
    let g = r.group as u8;
    let order = [g, g.saturating_sub(1), (g + 1).min(2), 2];
    let pools: [&[u32]; 4] = order.map(|g| {
        b.pool_characters
            .get(&(pack, g))
            .map_or(&[][..], |v| v.as_slice())
    });
    let mut wrong = Vec::with_capacity(OPTIONS - 1);
    // Characters of the answer's standing first (a bit part beside three
    // leads stands out). Never one of unknown pronouns for an answer of known
    // ones: a schoolgirl for "a year 11 rugby player" is ruled out on sight.
    // Unknown pronouns among unknown first: two boys beside a girl of
    // unknown pronouns leave a 50/50.
    let mirrors = |d: u32| b.pronouns[d as usize] == pronoun && fits(d);
    x.fill_in_passes(answer, &pools[..1], &mut wrong, &[&mirrors, &fits]);
    let same = wrong.len();
    x.fill_in_passes(answer, &pools, &mut wrong, &[&mirrors, &fits]);
    let whose = match b.series(pack) {
        Some(series) => text!("Which ", series, " character is "),
        None => "Which character is ".to_string(),
    };
    let prompt = text!(whose, description, "?");
    let actor = b
        .roles
        .iter()
        .find(|role| role.character == answer && !role.voice && !role.cameo)
        .map(|role| b.name(role.actor));
    let explanation = match actor {
        Some(actor) => text!(
            b.name(answer),
            ", played by ",
            actor,
            ", is ",
            description,
            "."
        ),
        None => text!(b.name(answer), " is ", description, "."),
    };
    let facts = vec![triple(b.name(answer), "is", description)];
    Some(
        Draft::entities(
            b,
            prompt,
            answer,
            &wrong,
            |e| say::role(b, e),
            explanation,
            facts,
        )
        .same_group(same),
    )
}

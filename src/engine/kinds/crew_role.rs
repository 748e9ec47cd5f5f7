//! "What is Jamie Laurenson's job on Heartstopper?"

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, say, triple};
use crate::engine::facts::{FactBase, Rel};
use crate::engine::phrase::{role_label, text, with_article};
use crate::engine::validate::contains_words;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `credits`.
    pub credit: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    let mut credits_of: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for cr in &b.credits {
        *credits_of.entry(cr.person).or_insert(0) += 1;
    }
    for (i, cr) in b.credits.iter().enumerate() {
        // "What is X's job?" implies one: a director who also produced has two answers.
        if credits_of[&cr.person] > 1 {
            continue;
        }
        out.push(Candidate {
            ask: Ask::CrewRole(Cand { credit: i as u32 }),
            base_difficulty: 0.3,
            origin: cr.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let cr = b.credits.get(k.credit as usize)?;
    let roles = b
        .pool_crew_roles
        .get(&c.origin.pack)
        .map_or(&[][..], |v| v.as_slice());
    let answer = b.norm(cr.role);
    // "Producer" beside "Executive producer" is half true: one may not contain the other.
    // Roles someone holds on the same work: no "Showrunner" for a film.
    let ok = |d: u32| {
        !b.is_true(cr.person, Rel::Credit, 0, d)
            && b.credit_count.contains_key(&(d, cr.work_id))
            && !contains_words(answer, b.norm(d))
            && !contains_words(b.norm(d), answer)
    };
    // Roles of different people first: three jobs of one person rule each other out.
    let holder = |d: u32| b.primary.get(&(d, Rel::Credit)).map(|&(_, p)| p);
    let mut wrong = Vec::new();
    x.fill_each(cr.role, roles, &mut wrong, |d, taken| {
        ok(d) && !taken.iter().any(|&c| holder(c) == holder(d))
    });
    x.fill_from(cr.role, roles, OPTIONS - 1, &mut wrong, ok);
    let same = 0;
    let prompt = text!("What is ", b.name(cr.person), "'s job on ", cr.work, "?");
    let single = b
        .credit_count
        .get(&(cr.role, cr.work_id))
        .copied()
        .unwrap_or(0)
        == 1;
    let explanation = format!(
        "{} is {} of {}.",
        b.name(cr.person),
        with_article(b.name(cr.role), single),
        cr.work
    );
    let facts = vec![triple(b.name(cr.person), "credited as", b.name(cr.role))];
    let mut d = Draft::entities(
        b,
        prompt,
        cr.role,
        &wrong,
        |d| say::crew(b, d),
        explanation,
        facts,
    )
    .same_group(same);
    d.answer = role_label(b.name(cr.role));
    for (i, w) in d.wrong.iter_mut().enumerate() {
        w.0 = role_label(b.name(wrong[i]));
    }
    Some(d)
}

//! A question written by the pack's author, used as written.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, Said, triple};
use crate::engine::facts::FactBase;
use crate::engine::text::normalise;

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `handwritten`.
    pub question: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, q) in b.handwritten.iter().enumerate() {
        out.push(Candidate {
            ask: Ask::HandWritten(Cand { question: i as u32 }),
            // The author's judgement where given; else like any kind, from interest.
            base_difficulty: q.question.difficulty.unwrap_or(0.35),
            origin: q.origin,
        });
    }
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let q = &x.base.handwritten.get(k.question as usize)?.question;
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
    let mut d = Draft::text::<Said>(
        q.prompt.clone(),
        q.answer.clone(),
        wrong.into_iter().map(|w| (w, None)).collect::<Vec<_>>(),
        q.explanation
            .clone()
            .unwrap_or_else(|| format!("The answer is {}.", q.answer)),
        vec![triple(&q.prompt, "answer", &q.answer)],
    );
    d.hand_written = true;
    Some(d)
}

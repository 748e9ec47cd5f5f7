//! "How many countries did Heartstopper reach the Top 10 in?" with numeric
//! options of the same unit and precision, inside the quantity's range.

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, Said, triple};
use crate::engine::facts::FactBase;
use crate::engine::phrase::{capitalise, number, text};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `numbers`.
    pub number: u32,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for (i, n) in b.numbers.iter().enumerate() {
        // A value at the edge of its range (100 %, 5 out of 5) still has wrong
        // values on one side; a value outside it is a data error.
        if n.value > 0.0 && n.value >= n.min && n.value <= n.max {
            out.push(Candidate {
                ask: Ask::ClosestNumber(Cand { number: i as u32 }),
                base_difficulty: 0.22,
                origin: n.origin,
            });
        }
    }
}

/// Three plausible wrong values: the same precision, on both sides of the
/// answer where the range allows, inside `[min, max]` and never past the
/// latest year for years.
pub fn number_distractors<R: Rng>(
    rng: &mut R,
    value: f64,
    precision: u8,
    unit: &str,
    min: f64,
    max: f64,
) -> Option<Vec<f64>> {
    let step = 10f64.powi(-(precision as i32));
    let years = unit.eq_ignore_ascii_case("year");
    let spread = if years {
        rng.random_range(1.0..3.0f64).round().max(1.0)
    } else {
        (value.abs() * rng.random_range(0.12..0.3)).max(step)
    };
    // A range too tight for the spread (a score of 85 between 60 and 100)
    // narrows it step by step, down to neighbouring values only when the
    // range leaves nothing wider (an age between 13 and 18): 84, 86, 87
    // beside 85 asks what no fan remembers.
    let mut spread = spread;
    while spread > step {
        if let Some(found) = spread_values(rng, value, step, spread, min, max) {
            return Some(found);
        }
        spread = (spread / 2.0).max(step);
    }
    spread_values(rng, value, step, step, min, max)
}

fn spread_values<R: Rng>(
    rng: &mut R,
    value: f64,
    step: f64,
    spread: f64,
    min: f64,
    max: f64,
) -> Option<Vec<f64>> {
    let round = |v: f64| (v / step).round() * step;
    // A ladder of uneven rungs on each side: the answer is never the one
    // value exactly halfway between two others.
    let mut below = Vec::new();
    let mut above = Vec::new();
    let (mut down, mut up) = (0.0, 0.0);
    for _ in 0..OPTIONS - 1 {
        down += spread * rng.random_range(0.7..1.3);
        up += spread * rng.random_range(0.7..1.3);
        let lo = round(value - down);
        let hi = round(value + up);
        if lo >= min && lo > 0.0 && (lo - value).abs() >= step / 2.0 {
            below.push(lo);
        }
        if hi <= max && (hi - value).abs() >= step / 2.0 {
            above.push(hi);
        }
    }
    dedup_close(&mut below, step);
    dedup_close(&mut above, step);
    // The answer's rank among the options is drawn evenly (lowest to
    // highest) where the range allows, so no position gives it away.
    let wrong = OPTIONS - 1;
    let fewest = wrong.saturating_sub(above.len());
    let most = below.len().min(wrong);
    let want_below = if fewest <= most {
        rng.random_range(fewest..=most)
    } else {
        most
    };
    let mut out: Vec<f64> = below.iter().copied().take(want_below).collect();
    out.extend(above.iter().copied().take(wrong - out.len()));
    for v in below.iter().skip(want_below) {
        if out.len() >= wrong {
            break;
        }
        out.push(*v);
    }
    // As round as the answer: 384,400 beside 466,774 would stand out.
    let grain = roundness(value, step);
    for v in &mut out {
        let r = (*v / grain).round() * grain;
        if r >= min && r <= max && r > 0.0 {
            *v = r;
        }
    }
    dedup_close(&mut out, step);
    out.retain(|&v| (v - value).abs() >= step / 2.0);
    (out.len() == OPTIONS - 1).then_some(out)
}

/// The power of ten the value is a multiple of (at least the precision's step,
/// at most a hundredth of the value): 384,400 → 100.
fn roundness(value: f64, step: f64) -> f64 {
    let mut grain = step;
    while grain * 10.0 <= value.abs() / 100.0
        && ((value / (grain * 10.0)).round() * grain * 10.0 - value).abs() < step / 2.0
    {
        grain *= 10.0;
    }
    grain
}

fn dedup_close(v: &mut Vec<f64>, step: f64) {
    let mut kept: Vec<f64> = Vec::with_capacity(v.len());
    for &x in v.iter() {
        if kept.iter().all(|k| (k - x).abs() >= step / 2.0) {
            kept.push(x);
        }
    }
    *v = kept;
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, _c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let n = b.numbers.get(k.number as usize)?;
    let max = if n.unit.eq_ignore_ascii_case("year") {
        n.max.min(b.latest_year as f64)
    } else {
        n.max
    };
    let wrong = number_distractors(x.rng, n.value, n.precision, &n.unit, n.min, max)?;
    let answer = number(n.value, n.precision, &n.unit);
    let prompt = match &n.ask {
        Some(ask) => capitalise(ask.trim()),
        None => text!("What is the ", n.name.trim_end_matches('?'), "?"),
    };
    Some(
        Draft::text::<Said>(
            prompt,
            answer.clone(),
            wrong
                .iter()
                .map(|&w| (number(w, n.precision, &n.unit), None))
                .collect::<Vec<_>>(),
            match &n.statement {
                Some(s) => crate::engine::phrase::sentence(&s.replace("{value}", &answer)),
                None => text!("The ", n.name.trim_end_matches('?'), " is ", answer, "."),
            },
            vec![triple(&n.name, "is", &answer)],
        )
        .same_group(OPTIONS - 1),
    )
}

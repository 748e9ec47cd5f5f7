//! "Which of these happened first?": four dated events of one pack, none of
//! whose order follows from the others' wording (two events that share a
//! topic word, such as filming starting and finishing, never meet).

use rand::Rng;

use super::{Ask, Candidate, Ctx, Draft, OPTIONS, triple};
use crate::engine::facts::FactBase;
use crate::engine::phrase::{capitalise, when};
use crate::engine::text::{Date, normalise};

#[derive(Debug, Clone, Copy)]
pub struct Cand {
    /// Index into `events`: the answer.
    pub event: u32,
    /// Asks for the first (else the last) of the four.
    pub first: bool,
}

pub(super) fn candidates(b: &FactBase, out: &mut Vec<Candidate>) {
    for range in &b.event_ranges {
        if range.end - range.start < OPTIONS as u32 {
            continue;
        }
        for i in range.clone() {
            // Only events that can meet three others (chains and topics allowing).
            if partners(b, i, i % 2 == 0, range.clone()).len() < OPTIONS - 1 {
                continue;
            }
            out.push(Candidate {
                ask: Ask::Timeline(Cand {
                    event: i,
                    first: i % 2 == 0,
                }),
                base_difficulty: 0.25,
                origin: b.events[i as usize].origin,
            });
        }
    }
}

/// `a` is before `b` whatever the missing month or day turn out to be.
pub fn certainly_before(a: Date, b: Date) -> bool {
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

/// Words that say what an event is about, minus those every event of the pack
/// may share (the series' own name).
pub fn topic_words(event: &str, series: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "and", "was", "were", "is",
        "are", "its", "his", "her", "their", "with", "from", "that", "this", "as", "into", "be",
        "been", "had", "has", "have", "first", "new", "would", "which", "who", "it",
    ];
    // Verbs any two events may share without their order following from it.
    const EVENT_VERBS: &[&str] = &[
        "perfor", "premie", "releas", "announ", "publis", "began", "begin", "opened", "finish",
        "ended", "starte", "launch", "held", "took", "place", "became", "joined", "won", "discov",
        "landed", "flew", "orbit", "reache", "arrive",
    ];
    let series: Vec<String> = normalise(series).split(' ').map(str::to_string).collect();
    normalise(event)
        .split(' ')
        .filter(|w| w.len() >= 3 && !COMMON.contains(w) && !series.iter().any(|s| s == w))
        .map(|w| w.chars().take(6).collect::<String>())
        .filter(|w| !EVENT_VERBS.contains(&w.as_str()))
        .collect()
}

/// Up to three events certainly after (or before) the anchor, the nearest in
/// time first (an event of another era is guessed, not known), with distinct
/// dates and no topic word or chain in common with it or each other.
fn partners(b: &FactBase, anchor: u32, first: bool, range: std::ops::Range<u32>) -> Vec<u32> {
    let a = &b.events[anchor as usize];
    let mut taken: Vec<&str> = a.topic.iter().map(|w| w.as_str()).collect();
    let mut chains: Vec<&str> = a.chain.iter().map(|c| c.as_str()).collect();
    let mut chosen: Vec<u32> = Vec::new();
    let rank = b.event_rank[anchor as usize];
    // Walk the pack's events in date order away from the anchor (at most 256).
    let steps: Box<dyn Iterator<Item = u32>> = if first {
        Box::new((rank + 1..range.end).take(256))
    } else {
        Box::new((range.start..rank).rev().take(256))
    };
    for pos in steps {
        if chosen.len() >= OPTIONS - 1 {
            break;
        }
        let i = b.event_order[pos as usize];
        let e = &b.events[i as usize];
        let ordered = if first {
            certainly_before(a.date, e.date)
        } else {
            certainly_before(e.date, a.date)
        };
        if !ordered || chosen.iter().any(|&o| b.events[o as usize].date == e.date) {
            continue;
        }
        if e.topic.iter().any(|w| taken.contains(&w.as_str()))
            || e.chain.as_deref().is_some_and(|c| chains.contains(&c))
        {
            continue;
        }
        taken.extend(e.topic.iter().map(|w| w.as_str()));
        chains.extend(e.chain.as_deref());
        chosen.push(i);
    }
    chosen
}

pub(super) fn draft<R: Rng>(x: &mut Ctx<R>, c: &Candidate, k: Cand) -> Option<Draft> {
    let b = x.base;
    let anchor = b.events.get(k.event as usize)?;
    let range = b.event_ranges.get(c.origin.pack as usize)?.clone();
    let chosen = partners(b, k.event, k.first, range);
    if chosen.len() < OPTIONS - 1 {
        return None;
    }
    let prompt = if k.first {
        "Which of these happened first?"
    } else {
        "Which of these happened most recently?"
    };
    let wrong = chosen
        .iter()
        .map(|&i| {
            let e = &b.events[i as usize];
            (
                capitalise(&e.event),
                Some(format!("{} {}", capitalise(&e.event), when(e.date))),
            )
        })
        .collect::<Vec<_>>();
    Some(
        Draft::text(
            prompt.to_string(),
            capitalise(&anchor.event),
            wrong,
            format!("{} {}.", capitalise(&anchor.event), when(anchor.date)),
            vec![triple(&anchor.event, "happened", &when(anchor.date))],
        )
        .same_group(OPTIONS - 1),
    )
}

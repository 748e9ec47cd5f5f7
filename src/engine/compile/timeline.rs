//! `numbers` and `dates`.

use super::PackCx;
use crate::engine::facts::{EKind, EventFact, FactBase, NumberFact};
use crate::engine::phrase::unit_max;
use crate::engine::text::parse_date;

pub(super) fn numbers(base: &mut FactBase, cx: &PackCx) {
    for x in &cx.pack.numbers {
        let h = cx.horizon_of(base, x.episode.as_deref());
        let step = 10f64.powi(-(x.precision as i32));
        base.numbers.push(NumberFact {
            name: x.name.clone(),
            ask: x.ask.clone(),
            statement: x.statement.clone(),
            value: x.value,
            unit: x.unit.clone(),
            precision: x.precision,
            min: x.min.unwrap_or(step).max(0.0),
            max: x.max.or_else(|| unit_max(&x.unit)).unwrap_or(f64::INFINITY),
            origin: cx.origin(&x.source, h).with_interest(x.interest),
        });
    }
}

pub(super) fn dates(base: &mut FactBase, cx: &PackCx) {
    let first = base.events.len() as u32;
    for x in &cx.pack.dates {
        if let Some(date) = parse_date(&x.date) {
            base.latest_year = base.latest_year.max(date.year);
            let series = cx.pack.meta.series.as_deref().unwrap_or("");
            base.events.push(EventFact {
                topic: crate::engine::kinds::topic_words(&x.event, series),
                event: x.event.clone(),
                chain: x.chain.clone(),
                date,
                origin: cx.origin(&x.source, 0).with_interest(x.interest),
            });
            base.intern(EKind::Event, cx.scoped(&x.id), &x.event);
        }
    }
    let end = base.events.len() as u32;
    drop_common_topics(&mut base.events[first as usize..]);
    let mut order: Vec<u32> = (first..end).collect();
    order.sort_by_key(|&i| base.events[i as usize].date);
    base.event_rank.resize(end as usize, 0);
    for (k, &i) in order.iter().enumerate() {
        base.event_rank[i as usize] = first + k as u32;
    }
    base.event_order.extend(order);
    base.event_ranges.push(first..end);
}

/// A word most of a pack's events share ("Japan" in "… was released in
/// Japan") tells nothing about their order, so it does not keep them apart
/// (a new author's 27 release dates could never meet). Events that count
/// ("season 2", "the second book") keep every word: there the shared word
/// is what makes their order plain.
fn drop_common_topics(events: &mut [EventFact]) {
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for e in events.iter() {
        let mut seen: Vec<&String> = Vec::new();
        for w in &e.topic {
            if !seen.contains(&w) {
                seen.push(w);
                *count.entry(w.clone()).or_insert(0) += 1;
            }
        }
    }
    let n = events.len();
    let common = |w: &String| count.get(w).is_some_and(|&k| k >= 3 && k * 3 > n);
    for e in events.iter_mut() {
        if !counts_in_sequence(&e.event) {
            e.topic.retain(|w| !common(w));
        }
    }
}

/// "Season 2 premiered", "the second book was published": an event numbered
/// in a sequence.
fn counts_in_sequence(event: &str) -> bool {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "final", "last", "next",
    ];
    event.chars().any(|c| c.is_ascii_digit())
        || event
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ORDINALS.contains(&w.to_lowercase().as_str()))
}

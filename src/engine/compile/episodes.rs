//! `episodes` and their plot facts.

use super::{PackCx, key};
use crate::engine::facts::{EKind, EpisodeFact, FactBase, PlotFact, Rel, horizon};
use crate::engine::text::parse_date;

pub(super) fn episodes(base: &mut FactBase, cx: &mut PackCx) {
    for x in &cx.pack.episodes {
        let e = base.intern(
            EKind::Episode,
            cx.scoped(&format!("{}/{}", x.season, x.number)),
            &x.title,
        );
        base.horizons[e as usize] = horizon(x.season, x.number);
        cx.ids.insert(&x.id, e);
        if let Some(d) = x.released.as_deref().and_then(parse_date) {
            base.latest_year = base.latest_year.max(d.year);
        }
    }
}

pub(super) fn plots(base: &mut FactBase, cx: &PackCx) {
    for x in &cx.pack.episodes {
        let Some(e) = cx.entity(&x.id) else {
            continue;
        };
        let people =
            |ids: &[String]| -> Vec<u32> { ids.iter().filter_map(|d| cx.entity(d)).collect() };
        let directors = people(&x.directors);
        let writers = people(&x.writers);
        for &d in &directors {
            base.assert_fact(d, Rel::Directed, 0, e);
        }
        for &w in &writers {
            base.assert_fact(w, Rel::Wrote, 0, e);
        }
        let h = horizon(x.season, x.number);
        let origin = cx.origin(&x.source, h).with_interest(x.interest);
        let i = base.episodes.len() as u32;
        base.episode_of_entity.insert(e, i);
        base.episodes.push(EpisodeFact {
            entity: e,
            season: x.season,
            number: x.number,
            directors,
            writers,
            origin,
        });
        base.pool_episodes
            .entry((cx.index, x.season))
            .or_default()
            .push(e);
        for (k, plot) in x.plot.iter().enumerate() {
            let pe = base.intern(
                EKind::Plot,
                cx.scoped(&format!("{}/{k}/{}", x.id, key(plot))),
                plot,
            );
            base.horizons[pe as usize] = h;
            base.assert_fact(pe, Rel::PlotIn, 0, e);
            base.plots.push(PlotFact {
                plot: pe,
                episode: e,
                origin,
            });
        }
    }
}

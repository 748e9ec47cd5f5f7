//! The pack compiler: one function per table, each turning rows into interned
//! entities, true facts and same-type pools of the `FactBase`.

pub(crate) mod awards;
mod cast;
mod custom;
mod episodes;
mod music;
mod production;
mod timeline;

use std::collections::HashMap;

use super::facts::{EKind, FactBase, Origin, PackInfo, dedup_keep_order};
use super::model::Pack;
use super::text::normalise;

/// A pack being compiled: its index, its ids and its sources.
pub(crate) struct PackCx<'p> {
    pub pack: &'p Pack,
    pub index: u16,
    pub ids: HashMap<&'p str, u32>,
    sources: HashMap<&'p str, u32>,
    no_source: u32,
}

impl<'p> PackCx<'p> {
    pub fn entity(&self, id: &str) -> Option<u32> {
        self.ids.get(id).copied()
    }

    pub fn origin(&self, source: &str, horizon: u32) -> Origin {
        Origin {
            pack: self.index,
            source: self.sources.get(source).copied().unwrap_or(self.no_source),
            horizon,
            interest: None,
        }
    }

    /// The spoiler horizon of an optional episode id.
    pub fn horizon_of(&self, base: &FactBase, episode: Option<&str>) -> u32 {
        episode
            .and_then(|e| self.entity(e))
            .map_or(0, |e| base.horizons[e as usize])
    }

    /// A key scoped to this pack.
    pub fn scoped(&self, key: &str) -> String {
        format!("{}/{key}", self.pack.meta.id)
    }
}

pub(crate) fn add_pack(base: &mut FactBase, pack: &Pack) {
    let index = base.packs.len() as u16;
    base.packs.push(PackInfo {
        meta: pack.meta.clone(),
        id: pack.meta.id.as_str().into(),
        facts: super::validate::fact_count(pack),
    });
    base.series_name.push(pack.meta.series.clone());
    let mut sources = HashMap::new();
    for s in &pack.meta.sources {
        sources.insert(s.id.as_str(), base.sources.len() as u32);
        base.sources.push(s.title.as_str().into());
    }
    let no_source = base.sources.len() as u32;
    base.sources
        .push(format!("{} (no source given)", pack.meta.title).into());
    let mut cx = PackCx {
        pack,
        index,
        ids: HashMap::new(),
        sources,
        no_source,
    };
    let series = pack
        .meta
        .series
        .as_deref()
        .map(|s| base.intern(EKind::Work, cx.scoped("series"), s));
    base.series_entity.push(series);

    cast::people_and_characters(base, &mut cx);
    episodes::episodes(base, &mut cx);
    custom::entities(base, &mut cx);
    music::albums(base, &mut cx);
    cast::roles(base, &cx);
    episodes::plots(base, &cx);
    awards::awards(base, &cx, series);
    music::tracks(base, &cx);
    production::crew(base, &cx);
    production::places(base, &cx);
    timeline::numbers(base, &cx);
    timeline::dates(base, &cx);
    custom::facts(base, &cx);
    custom::hand_written(base, &cx);
}

pub(crate) fn finish(base: &mut FactBase) {
    for pool in base.pool_actors.values_mut() {
        dedup_keep_order(pool);
    }
    for pool in base.pool_characters.values_mut() {
        dedup_keep_order(pool);
    }
    for map in [&mut base.pool_album_artists, &mut base.pool_tracks] {
        for pool in map.values_mut() {
            dedup_keep_order(pool);
        }
    }
    for map in [
        &mut base.pool_crew_people,
        &mut base.pool_crew_roles,
        &mut base.pool_places,
        &mut base.pool_scenes,
    ] {
        for pool in map.values_mut() {
            dedup_keep_order(pool);
        }
    }
    for pool in base.pool_categories_at.values_mut() {
        dedup_keep_order(pool);
    }
    for pool in base.pool_nominees_at.values_mut() {
        dedup_keep_order(pool);
    }
    for pool in base.pool_nominees.values_mut() {
        dedup_keep_order(pool);
    }
    dedup_keep_order(&mut base.pool_artists);
    for r in &mut base.relations {
        dedup_keep_order(&mut r.subjects);
        dedup_keep_order(&mut r.objects);
    }
    if base.latest_year == 0 {
        base.latest_year = i32::MAX;
    }
}

/// Normalised name, for keys.
pub(crate) fn key(name: &str) -> String {
    normalise(name)
}

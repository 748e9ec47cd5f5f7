//! `people`, `characters` and `roles`.

use super::{PackCx, key};
use crate::engine::facts::{EKind, FactBase, Rel, RoleFact, horizon};
use crate::engine::model::Group;

pub(super) fn people_and_characters(base: &mut FactBase, cx: &mut PackCx) {
    let pack = cx.pack;
    // People are shared across packs by name; characters are scoped to their pack.
    for x in &pack.people {
        let e = base.intern(EKind::Person, key(&x.name), &x.name);
        for a in &x.aliases {
            base.keys.entry((EKind::Person, key(a))).or_insert(e);
        }
        base.plural[e as usize] |= x.plural;
        cx.ids.insert(&x.id, e);
    }
    for x in &pack.characters {
        let e = base.intern(EKind::Character, cx.scoped(&key(&x.name)), &x.name);
        for a in &x.aliases {
            base.keys
                .entry((EKind::Character, cx.scoped(&key(a))))
                .or_insert(e);
        }
        base.prominence[e as usize] = x.group as u8;
        if let Some(f) = crate::engine::kinds::family_name(&key(&x.name)) {
            base.family.insert(e, crate::engine::kinds::word_hash(f));
        }
        if let Some(p) = &x.pronouns {
            base.pronouns[e as usize] = pronoun_id(base, p);
        }
        if let Some(age) = x.age {
            base.ages[e as usize] = 1 << age as u8;
        }
        if let Some(d) = &x.description {
            base.descriptions.insert(e, d.clone());
            let mask = crate::engine::kinds::telling_words(d)
                .iter()
                .fold(0u64, |m, w| {
                    m | 1 << (crate::engine::kinds::word_hash(w) % 64)
                });
            base.description_words.insert(e, mask);
        }
        cx.ids.insert(&x.id, e);
        base.assert_fact(e, Rel::InGroup, cx.index as u32, x.group as u8 as u32);
    }
}

fn pronoun_id(base: &mut FactBase, p: &str) -> u8 {
    let p = p.trim().to_lowercase();
    let i = match base.pronoun_names.iter().position(|q| *q == p) {
        Some(i) => i,
        None => {
            base.pronoun_names.push(p);
            base.pronoun_names.len() - 1
        }
    };
    // 0 means "not given"; at most 31 distinct pronoun sets fit the actor bit set.
    (i + 1).min(31) as u8
}

/// Descriptions that name a character by kinship ("Nick's mother", "Charlie
/// and Tori's father"), short and held by one character of the pack.
fn kinships(base: &mut FactBase, cx: &PackCx) {
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in &cx.pack.characters {
        if let Some(d) = &c.description {
            *count.entry(key(d)).or_insert(0) += 1;
        }
    }
    for c in &cx.pack.characters {
        let (Some(d), Some(e)) = (&c.description, cx.entity(&c.id)) else {
            continue;
        };
        let words: Vec<&str> = d.split(' ').collect();
        let possessive = words
            .iter()
            .take(3)
            .any(|w| w.ends_with("'s") || w.ends_with("’s"));
        if possessive && words.len() <= 5 && count[&key(d)] == 1 {
            base.kin.insert(e, d.clone());
        }
    }
}

pub(super) fn roles(base: &mut FactBase, cx: &PackCx) {
    kinships(base, cx);
    let pack = cx.pack;
    let group_of: std::collections::HashMap<&str, Group> = pack
        .characters
        .iter()
        .map(|c| (c.id.as_str(), c.group))
        .collect();
    let mut roles_in_pack = 0usize;
    for x in &pack.roles {
        let (Some(actor), Some(character)) = (cx.entity(&x.actor), cx.entity(&x.character)) else {
            continue;
        };
        let group = group_of
            .get(x.character.as_str())
            .copied()
            .unwrap_or(Group::Guest);
        let first_season = x.seasons.iter().copied().min().unwrap_or(1);
        let h = if first_season > 1 {
            horizon(first_season, 1)
        } else {
            0
        };
        // An entity is visible from its earliest role (0 = from the start).
        for e in [actor, character] {
            let first = base.cast_seen.insert(e);
            let he = &mut base.horizons[e as usize];
            *he = if first { h } else { (*he).min(h) };
        }
        let prom = &mut base.prominence[actor as usize];
        *prom = if base.actors_seen.insert(actor) {
            group as u8
        } else {
            (*prom).min(group as u8)
        };
        base.ages[actor as usize] |= base.ages[character as usize];
        let pronoun = base.pronouns[character as usize];
        if pronoun != 0 {
            *base.actor_pronouns.entry(actor).or_insert(0) |= 1 << pronoun;
        }
        if !x.cameo {
            base.performers.insert(actor);
        }
        base.assert_fact(actor, Rel::Plays, 0, character);
        let lead = roles_in_pack < 2;
        roles_in_pack += 1;
        if lead {
            base.leads.insert(actor);
            base.leads.insert(character);
        }
        if x.voice || x.cameo {
            base.unusual_parts.insert(actor);
            base.unusual_parts.insert(character);
        }
        base.roles.push(RoleFact {
            actor,
            character,
            group,
            voice: x.voice,
            cameo: x.cameo,
            lead,
            origin: cx.origin(&x.source, h).with_interest(x.interest),
        });
        base.pool_characters
            .entry((cx.index, group as u8))
            .or_default()
            .push(character);
    }
    // Actor pools by their most prominent group, once every role is known.
    let first = base
        .roles
        .iter()
        .position(|r| r.origin.pack == cx.index)
        .unwrap_or(base.roles.len());
    for i in first..base.roles.len() {
        let actor = base.roles[i].actor;
        let g = base.prominence[actor as usize].min(2);
        base.pool_actors
            .entry((cx.index, g))
            .or_default()
            .push(actor);
    }
}

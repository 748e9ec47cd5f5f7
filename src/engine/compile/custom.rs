//! Generic `entities`, `relations` and `facts`, and hand-written `questions`.

use super::{PackCx, key};
use crate::engine::facts::{CustomFactRow, EKind, FactBase, HandWrittenFact, Rel, RelationInfo};

pub(super) fn entities(base: &mut FactBase, cx: &mut PackCx) {
    for x in &cx.pack.entities {
        let kind_index = match base.custom_kinds.iter().position(|k| *k == x.kind) {
            Some(i) => i as u32,
            None => {
                base.custom_kinds.push(x.kind.clone());
                (base.custom_kinds.len() - 1) as u32
            }
        };
        let kind = EKind::Custom(kind_index);
        let e = base.intern(kind, cx.scoped(&key(&x.name)), &x.name);
        for a in &x.aliases {
            base.keys.entry((kind, cx.scoped(&key(a)))).or_insert(e);
        }
        base.plural[e as usize] |= x.plural;
        cx.ids.insert(&x.id, e);
    }
}

pub(super) fn facts(base: &mut FactBase, cx: &PackCx) {
    let mut rel_of = std::collections::HashMap::new();
    for r in &cx.pack.relations {
        rel_of.insert(r.id.as_str(), base.relations.len() as u32);
        base.relations.push(RelationInfo {
            def: r.clone(),
            subjects: Vec::new(),
            objects: Vec::new(),
        });
    }
    for x in &cx.pack.facts {
        let (Some(s), Some(&r), Some(o)) = (
            cx.entity(&x.subject),
            rel_of.get(x.relation.as_str()),
            cx.entity(&x.object),
        ) else {
            continue;
        };
        base.assert_fact(s, Rel::Custom, r, o);
        base.attributes.entry(s).or_default().push((r, o));
        *base.object_count.entry((s, r)).or_insert(0) += 1;
        let info = &mut base.relations[r as usize];
        info.subjects.push(s);
        info.objects.push(o);
        let h = cx.horizon_of(base, x.episode.as_deref());
        let i = base.custom.len() as u32;
        base.custom_at.entry((s, r)).or_insert(i);
        base.custom_at.entry((o, r)).or_insert(i);
        base.custom.push(CustomFactRow {
            subject: s,
            relation: r,
            object: o,
            origin: cx.origin(&x.source, h).with_interest(x.interest),
        });
    }
}

pub(super) fn hand_written(base: &mut FactBase, cx: &PackCx) {
    for x in &cx.pack.questions {
        let h = cx.horizon_of(base, x.episode.as_deref());
        base.handwritten.push(HandWrittenFact {
            question: x.clone(),
            origin: cx.origin(&x.source, h).with_interest(x.interest),
        });
    }
}

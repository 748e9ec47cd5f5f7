//! `awards`: nominations, categories and winners, with the kind of each nominee.

use super::{PackCx, key};
use crate::engine::facts::{AwardFact, EKind, FactBase, NomineeKind, Rel};
use crate::engine::model::{AwardResult, Nominee};

/// The `CategoryAt` parameter for "at any ceremony".
pub(crate) const ANY_CEREMONY: u32 = u32::MAX;

pub(super) fn awards(base: &mut FactBase, cx: &PackCx, series: Option<u32>) {
    for x in &cx.pack.awards {
        let ceremony_key = base.intern(
            EKind::Work,
            format!("ceremony/{}/{}", x.year, key(&x.ceremony)),
            &x.ceremony,
        );
        let category = base.intern(EKind::Category, key(&x.category), &x.category);
        let slot_name = format!("{} ({} {})", x.category, x.ceremony, x.year);
        let slot = base.intern(
            EKind::Work,
            format!("slot/{}/{}/{}", x.year, key(&x.ceremony), key(&x.category)),
            &slot_name,
        );
        let nomination = base.intern(
            EKind::Nomination,
            cx.scoped(&format!(
                "{}/{}/{}/{:?}",
                x.year,
                key(&x.ceremony),
                key(&x.category),
                x.nominees
            )),
            &slot_name,
        );
        let mut nominees = Vec::new();
        for n in &x.nominees {
            let e = match n {
                Nominee::Series => series,
                Nominee::Person(id) => cx.entity(id),
                Nominee::Work(w) => Some(base.intern(EKind::Work, cx.scoped(&key(w)), w)),
            };
            if let Some(e) = e {
                nominees.push(e);
            }
        }
        let kind_of = |base: &FactBase, n: u32| match base.kinds[n as usize] {
            EKind::Person if base.performers.contains(&n) => NomineeKind::Actor,
            EKind::Person => NomineeKind::Person,
            _ if Some(n) == series => NomineeKind::Series,
            _ => NomineeKind::Work,
        };
        // A row's kind is its first nominee's; mixed rows are rare and asked as that kind.
        let nominee_kind = nominees
            .first()
            .map_or(NomineeKind::Work, |&n| kind_of(base, n));
        let won = x.result == AwardResult::Won;
        for &n in &nominees {
            base.assert_fact(n, Rel::NominatedFor, u32::from(won), nomination);
            base.assert_fact(n, Rel::CategoryAt, ceremony_key, category);
            // At any ceremony: a category the nominee had elsewhere is no distractor either.
            base.assert_fact(n, Rel::CategoryAt, ANY_CEREMONY, category);
            if won {
                base.assert_fact(slot, Rel::WonSlot, 0, n);
            }
            base.slot_nominees.entry(slot).or_default().push(n);
            let k = kind_of(base, n);
            if k != NomineeKind::Series {
                base.pool_nominees_at
                    .entry((ceremony_key, k))
                    .or_default()
                    .push(n);
                base.pool_nominees.entry(k).or_default().push(n);
            }
        }
        base.pool_categories_at
            .entry((ceremony_key, nominee_kind))
            .or_default()
            .push(category);
        base.latest_year = base.latest_year.max(x.year);
        let i = base.awards.len() as u32;
        base.awards.push(AwardFact {
            year: x.year,
            ceremony: x.ceremony.clone(),
            category,
            nomination,
            nominees: nominees.clone(),
            nominee_kind,
            result: x.result,
            slot,
            ceremony_key,
            origin: cx.origin(&x.source, 0).with_interest(x.interest),
        });
        if x.result != AwardResult::Pending {
            for &n in &nominees {
                base.nominee_nominations.entry(n).or_default().push(i);
            }
        }
    }
}

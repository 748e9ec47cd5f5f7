//! `crew` credits and filming `places`.

use super::{PackCx, key};
use crate::engine::facts::{CreditFact, EKind, FactBase, PlaceFact, Rel};

pub(super) fn crew(base: &mut FactBase, cx: &PackCx) {
    let series = cx.pack.meta.series.clone();
    let word = cx.pack.meta.season_word.as_deref().unwrap_or("season");
    // "seasons", but "series" stays "series".
    let words_of = if word.ends_with('s') {
        word.to_string()
    } else {
        format!("{word}s")
    };
    for x in &cx.pack.crew {
        let Some(person) = cx.entity(&x.person) else {
            continue;
        };
        let role = base.intern(EKind::CrewRole, key(&x.role), &x.role);
        *base.person_credits.entry(person).or_insert(0) += 1;
        base.assert_fact(person, Rel::Credit, 0, role);
        // Actors are never crew distractors: a fan dismisses them on sight.
        if !base.performers.contains(&person) {
            base.pool_crew_people
                .entry(cx.index)
                .or_default()
                .push(person);
        }
        base.pool_crew_roles.entry(cx.index).or_default().push(role);
        // A credit for some seasons only is not "the director of Heartstopper"
        // once later seasons had others: "of the first season of Heartstopper".
        let seasons = match x.seasons.as_slice() {
            [] => None,
            [one] => Some(format!(
                "the {} {word}",
                crate::engine::phrase::ordinal_word(*one)
            )),
            more => {
                let words: Vec<String> = more
                    .iter()
                    .map(|&n| crate::engine::phrase::ordinal_word(n))
                    .collect();
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                Some(format!(
                    "the {} {words_of}",
                    crate::engine::phrase::list(&words)
                ))
            }
        };
        let work = match (&x.work, &series, seasons) {
            (Some(work), _, _) => work.clone(),
            (None, Some(series), Some(seasons)) => format!("{seasons} of {series}"),
            (None, Some(series), None) => series.clone(),
            (None, None, Some(seasons)) => seasons,
            (None, None, None) => "the production".into(),
        };
        let work_id = base.intern(
            EKind::Work,
            cx.scoped(&format!("work/{}", key(&work))),
            &work,
        );
        *base.credit_count.entry((role, work_id)).or_insert(0) += 1;
        base.credits.push(CreditFact {
            role,
            person,
            work,
            work_id,
            origin: cx.origin(&x.source, 0).with_interest(x.interest),
        });
    }
}

pub(super) fn places(base: &mut FactBase, cx: &PackCx) {
    for x in &cx.pack.places {
        let place = base.intern(EKind::Place, key(&x.place), &x.place);
        let scene = base.intern(EKind::Scene, cx.scoped(&key(&x.filmed)), &x.filmed);
        let location = x
            .location
            .as_deref()
            .map(|l| base.intern(EKind::Place, format!("location/{}", key(l)), l));
        let h = cx.horizon_of(base, x.episode.as_deref());
        base.horizons[scene as usize] = h;
        base.assert_fact(scene, Rel::FilmedAt, 0, place);
        base.pool_places.entry(cx.index).or_default().push(place);
        base.pool_scenes.entry(cx.index).or_default().push(scene);
        let i = base.places.len() as u32;
        base.place_row.entry(scene).or_insert(i);
        base.place_row.entry(place).or_insert(i);
        base.places.push(PlaceFact {
            place,
            scene,
            at: x.at.clone().unwrap_or_else(|| format!("at {}", x.place)),
            location,
            origin: cx.origin(&x.source, h).with_interest(x.interest),
        });
    }
}

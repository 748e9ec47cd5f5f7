//! Pack → sheets: ids become names again, so that importing the sheets gives
//! the same facts.

use std::collections::HashMap;

use super::spec::{self, Sheet};
use crate::engine::model::*;
use crate::engine::text::normalise;

/// The pack as sheets (file name, CSV text); only sheets with rows, plus
/// pack.csv. Fails when two things of one table share a name (sheets refer
/// to things by name) or a name in a list holds a `;`.
pub fn export(pack: &Pack) -> Result<Vec<(&'static str, String)>, String> {
    let names = Names::of(pack)?;
    let mut out = Vec::new();
    let m = &pack.meta;
    let mut meta = vec![
        vec!["id".to_string(), m.id.clone()],
        vec!["title".into(), m.title.clone()],
    ];
    if let Some(s) = &m.series {
        meta.push(vec!["series".into(), s.clone()]);
    }
    if let Some(w) = &m.season_word {
        meta.push(vec!["season word".into(), w.clone()]);
    }
    for (f, v) in [
        ("description", &m.description),
        ("version", &m.version),
        ("language", &m.language),
        ("licence", &m.licence),
    ] {
        if !v.is_empty() {
            meta.push(vec![f.into(), v.clone()]);
        }
    }
    if !m.authors.is_empty() {
        meta.push(vec!["authors".into(), joined(&m.authors)?]);
    }
    out.push(sheet(&spec::PACK, meta));
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let num = |o: Option<u8>| o.map(|n| n.to_string()).unwrap_or_default();
    let yes = |b: bool| if b { "yes".to_string() } else { String::new() };
    let seasons = |s: &[u32]| s.iter().map(u32::to_string).collect::<Vec<_>>().join("; ");

    let rows = m
        .sources
        .iter()
        .map(|s| vec![s.id.clone(), s.title.clone(), opt(&s.note), String::new()])
        .collect();
    out.push(sheet(&spec::SOURCES, rows));

    let mut rows = Vec::new();
    for p in &pack.people {
        rows.push(vec![
            p.name.clone(),
            joined(&p.aliases)?,
            yes(p.plural),
            p.source.clone(),
        ]);
    }
    out.push(sheet(&spec::PEOPLE, rows));

    let mut rows = Vec::new();
    for c in &pack.characters {
        rows.push(vec![
            c.name.clone(),
            format!("{:?}", c.group),
            opt(&c.description),
            opt(&c.pronouns),
            c.age.map(|a| format!("{a:?}")).unwrap_or_default(),
            joined(&c.aliases)?,
            c.source.clone(),
        ]);
    }
    out.push(sheet(&spec::CHARACTERS, rows));

    let mut rows = Vec::new();
    for e in &pack.entities {
        rows.push(vec![
            e.name.clone(),
            e.kind.clone(),
            joined(&e.aliases)?,
            yes(e.plural),
            e.source.clone(),
        ]);
    }
    out.push(sheet(&spec::ENTITIES, rows));

    let rows = pack
        .relations
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.ask_object.clone(),
                opt(&r.ask_subject),
                opt(&r.ask_not),
                r.statement.clone(),
                format!("{:?}", r.objects),
                if r.asked { "yes" } else { "no" }.into(),
            ]
        })
        .collect();
    out.push(sheet(&spec::RELATIONS, rows));

    let mut rows = Vec::new();
    let mut plot = Vec::new();
    for e in &pack.episodes {
        rows.push(vec![
            e.season.to_string(),
            e.number.to_string(),
            e.title.clone(),
            names.people_list(&e.directors)?,
            names.people_list(&e.writers)?,
            opt(&e.released),
            num(e.interest),
            e.source.clone(),
        ]);
        for p in &e.plot {
            plot.push(vec![
                format!("S{}E{}", e.season, e.number),
                p.clone(),
                e.source.clone(),
            ]);
        }
    }
    out.push(sheet(&spec::EPISODES, rows));
    out.push(sheet(&spec::PLOT, plot));

    let rows = pack
        .roles
        .iter()
        .map(|r| {
            vec![
                names.get(&r.actor),
                names.get(&r.character),
                String::new(),
                seasons(&r.seasons),
                yes(r.voice),
                yes(r.cameo),
                num(r.interest),
                r.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::CAST, rows));

    let mut rows = Vec::new();
    for a in &pack.albums {
        rows.push(vec![
            a.title.clone(),
            names.people_list(&a.artists)?,
            opt(&a.label),
            opt(&a.released),
            a.source.clone(),
        ]);
    }
    out.push(sheet(&spec::ALBUMS, rows));

    let mut rows = Vec::new();
    for t in &pack.tracks {
        rows.push(vec![
            names.get(&t.album),
            t.number.to_string(),
            t.title.clone(),
            names.people_list(&t.artists)?,
            opt(&t.duration),
            num(t.interest),
            t.source.clone(),
        ]);
    }
    out.push(sheet(&spec::TRACKS, rows));

    let rows = pack
        .crew
        .iter()
        .map(|c| {
            vec![
                c.role.clone(),
                names.get(&c.person),
                seasons(&c.seasons),
                opt(&c.work),
                num(c.interest),
                c.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::CREW, rows));

    let mut rows = Vec::new();
    for a in &pack.awards {
        let mut nominees = Vec::new();
        for n in &a.nominees {
            nominees.push(match n {
                Nominee::Series => m.series.clone().unwrap_or_else(|| "Series".into()),
                Nominee::Person(id) => names.get(id),
                Nominee::Work(w) => format!("“{w}”"),
            });
        }
        rows.push(vec![
            a.year.to_string(),
            a.ceremony.clone(),
            a.category.clone(),
            joined(&nominees)?,
            format!("{:?}", a.result),
            num(a.interest),
            a.source.clone(),
        ]);
    }
    out.push(sheet(&spec::AWARDS, rows));

    let rows = pack
        .places
        .iter()
        .map(|p| {
            vec![
                p.place.clone(),
                opt(&p.location),
                p.filmed.clone(),
                opt(&p.at),
                p.episode.as_ref().map(|e| names.get(e)).unwrap_or_default(),
                num(p.interest),
                p.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::PLACES, rows));

    let float = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = pack
        .numbers
        .iter()
        .map(|n| {
            vec![
                n.name.clone(),
                n.value.to_string(),
                n.unit.clone(),
                n.precision.to_string(),
                opt(&n.ask),
                opt(&n.statement),
                float(n.min),
                float(n.max),
                n.episode.as_ref().map(|e| names.get(e)).unwrap_or_default(),
                num(n.interest),
                n.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::NUMBERS, rows));

    let rows = pack
        .dates
        .iter()
        .map(|d| {
            vec![
                d.event.clone(),
                d.date.clone(),
                opt(&d.chain),
                num(d.interest),
                d.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::DATES, rows));

    let rows = pack
        .facts
        .iter()
        .map(|f| {
            vec![
                names.get(&f.subject),
                names.get(&f.relation),
                names.get(&f.object),
                names.kind(&f.subject),
                names.kind(&f.object),
                f.episode.as_ref().map(|e| names.get(e)).unwrap_or_default(),
                num(f.interest),
                f.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::FACTS, rows));

    let rows = pack
        .questions
        .iter()
        .map(|q| {
            let w = |i: usize| q.wrong.get(i).cloned().unwrap_or_default();
            vec![
                q.prompt.clone(),
                q.answer.clone(),
                w(0),
                w(1),
                w(2),
                opt(&q.explanation),
                q.difficulty.map(|d| d.to_string()).unwrap_or_default(),
                q.episode.as_ref().map(|e| names.get(e)).unwrap_or_default(),
                num(q.interest),
                q.source.clone(),
            ]
        })
        .collect();
    out.push(sheet(&spec::QUESTIONS, rows));
    if pack.questions.iter().any(|q| q.wrong.len() > 3) {
        return Err(
            "a hand-written question has more than three wrong answers; questions.csv holds three"
                .into(),
        );
    }

    Ok(out
        .into_iter()
        .filter(|(f, rows)| *f == spec::PACK.file || !rows.is_empty())
        .map(|(f, rows)| (f, csv_text(f, rows)))
        .collect())
}

fn sheet(s: &'static Sheet, rows: Vec<Vec<String>>) -> (&'static str, Vec<Vec<String>>) {
    (s.file, rows)
}

fn csv_text(file: &str, rows: Vec<Vec<String>>) -> String {
    let columns = spec::SHEETS
        .iter()
        .find(|s| s.file == file)
        .map_or(&[][..], |s| s.columns);
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(columns);
    for r in rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn joined(items: &[String]) -> Result<String, String> {
    if let Some(bad) = items.iter().find(|i| i.contains(';') || i.contains('\n')) {
        return Err(format!(
            "\"{bad}\" holds a ; or a line break, which separates the items of a list cell"
        ));
    }
    Ok(items.join("; "))
}

/// Names (and kinds, for facts) of everything a sheet refers to by id.
struct Names {
    name: HashMap<String, String>,
    kind: HashMap<String, String>,
}

impl Names {
    fn of(pack: &Pack) -> Result<Names, String> {
        let mut name = HashMap::new();
        let mut kind = HashMap::new();
        let mut check = |table: &str, items: Vec<(&str, &str, &str)>| -> Result<(), String> {
            let mut seen: HashMap<(String, &str), &str> = HashMap::new();
            for (id, n, k) in items {
                if let Some(other) = seen.insert((normalise(n), k), id) {
                    return Err(format!(
                        "two {table} are named \"{n}\" (ids \"{other}\" and \"{id}\"); sheets refer to them by name, so rename one"
                    ));
                }
                name.insert(id.to_string(), n.to_string());
                kind.insert(id.to_string(), k.to_string());
            }
            Ok(())
        };
        check(
            "people",
            pack.people
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), "person"))
                .collect(),
        )?;
        check(
            "characters",
            pack.characters
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), "character"))
                .collect(),
        )?;
        check(
            "albums",
            pack.albums
                .iter()
                .map(|a| (a.id.as_str(), a.title.as_str(), "album"))
                .collect(),
        )?;
        check(
            "entities",
            pack.entities
                .iter()
                .map(|e| (e.id.as_str(), e.name.as_str(), e.kind.as_str()))
                .collect(),
        )?;
        check(
            "relations",
            pack.relations
                .iter()
                .map(|r| (r.id.as_str(), r.id.as_str(), "relation"))
                .collect(),
        )?;
        for e in &pack.episodes {
            name.insert(e.id.clone(), format!("S{}E{}", e.season, e.number));
            kind.insert(e.id.clone(), "episode".into());
        }
        Ok(Names { name, kind })
    }

    fn get(&self, id: &str) -> String {
        self.name.get(id).cloned().unwrap_or_else(|| id.to_string())
    }

    fn kind(&self, id: &str) -> String {
        self.kind.get(id).cloned().unwrap_or_default()
    }

    fn people_list(&self, ids: &[String]) -> Result<String, String> {
        joined(&ids.iter().map(|i| self.get(i)).collect::<Vec<_>>())
    }
}

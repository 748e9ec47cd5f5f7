//! Spreadsheet packs: the example sheets and a fan's fixture import into packs
//! that pass `check --strict` and ask questions; broken sheets are reported
//! at file:row:column; export → import keeps every fact (property test, with
//! its own by-name view of a pack as the oracle).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use leafquiz::engine::model::*;
use leafquiz::engine::sheets::{export, import_dir, import_sheets, templates, to_ron};
use leafquiz::engine::{Diagnostic, FactBase, Session, SessionConfig, load_pack_bytes};
use proptest::prelude::*;

fn import_files(files: &[(&str, &str)]) -> Result<Pack, Vec<Diagnostic>> {
    let owned: Vec<(String, &[u8])> = files
        .iter()
        .map(|(n, t)| (format!("sheets/{n}"), t.as_bytes()))
        .collect();
    import_sheets(&owned).map(|i| i.pack)
}

/// The pack as RON, loaded and validated like any pack file.
fn round_trip_ron(pack: &Pack) -> leafquiz::engine::LoadedPack {
    let text = to_ron(pack, &["test".into()]);
    load_pack_bytes("imported.ron", text.as_bytes())
        .unwrap_or_else(|e| panic!("{:#?}\n{text}", e.diagnostics))
}

fn kinds_asked(pack: &Pack, n: usize) -> BTreeMap<String, usize> {
    let base = Arc::new(FactBase::build([pack]));
    let mut session = Session::new(
        base,
        SessionConfig {
            seed: 5,
            ..SessionConfig::default()
        },
    );
    let mut kinds = BTreeMap::new();
    for _ in 0..n {
        let Some(q) = session.next_question() else {
            break;
        };
        *kinds.entry(format!("{:?}", q.kind)).or_insert(0) += 1;
    }
    kinds
}

#[test]
fn the_example_sheets_import_into_a_pack_that_loads() {
    let t = templates();
    let files: Vec<(&str, &str)> = t.iter().map(|(n, s)| (*n, s.as_str())).collect();
    let pack = import_files(&files).unwrap();
    let loaded = round_trip_ron(&pack);
    assert_eq!(loaded.pack, pack, "the RON written is the pack imported");
    assert_eq!(pack.meta.id, "harbour_lights");
    // Names became ids; people came from the name columns.
    let writers: Vec<&str> = pack.episodes[0]
        .writers
        .iter()
        .map(|id| {
            pack.people
                .iter()
                .find(|p| &p.id == id)
                .unwrap()
                .name
                .as_str()
        })
        .collect();
    assert_eq!(writers, ["Cleo Writer", "Dan Writer"]);
    assert_eq!(pack.episodes[0].released.as_deref(), Some("2021-03-04"));
    assert_eq!(pack.roles[0].seasons, [1, 2]);
    assert!(
        pack.roles.iter().all(|r| r.source == "wiki"),
        "default source"
    );
}

#[test]
fn the_fixture_series_imports_passes_strict_check_and_asks_questions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/fawlty_towers");
    let imported = import_dir(&dir).unwrap_or_else(|d| panic!("{d:#?}"));
    let rows: usize = imported
        .files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .sum();
    assert!(rows >= 90, "a fixture of about 100 rows, has {rows}");
    let loaded = round_trip_ron(&imported.pack);
    assert!(
        loaded.warnings.is_empty(),
        "check --strict: {:#?}",
        loaded.warnings
    );
    let kinds = kinds_asked(&loaded.pack, 40);
    let asked: usize = kinds.values().sum();
    assert!(asked >= 30, "{kinds:?}");
    assert!(kinds.len() >= 5, "several kinds of question: {kinds:?}");
}

/// Every question a game of this pack can ask, at each level (up to 400 a level).
fn all_questions(pack: &Pack) -> Vec<leafquiz::engine::Question> {
    let base = Arc::new(FactBase::build([pack]));
    let mut out = Vec::new();
    for difficulty in [
        leafquiz::engine::Difficulty::Easy,
        leafquiz::engine::Difficulty::Medium,
        leafquiz::engine::Difficulty::Hard,
    ] {
        let mut session = Session::new(
            base.clone(),
            SessionConfig {
                seed: 11,
                difficulty,
                ..SessionConfig::default()
            },
        );
        while let Some(q) = session.next_question() {
            out.push(q);
            if out.len() % 400 == 0 {
                break;
            }
        }
    }
    out
}

#[test]
fn a_british_series_says_series_and_asks_episodes_by_their_story() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/fawlty_towers");
    let pack = import_dir(&dir).unwrap_or_else(|d| panic!("{d:#?}")).pack;
    assert_eq!(pack.meta.season_word.as_deref(), Some("series"));
    let questions = all_questions(&pack);
    let words = |q: &leafquiz::engine::Question| {
        let mut t = format!("{} {}", q.prompt, q.explanation);
        for o in &q.options {
            t.push(' ');
            t.push_str(o);
        }
        t.to_lowercase()
    };
    let seasons: Vec<String> = questions
        .iter()
        .map(words)
        .filter(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "season" || w == "seasons")
        })
        .collect();
    assert!(seasons.is_empty(), "{seasons:#?}");
    assert!(
        questions.iter().map(words).any(|t| t.contains("series 1")
            || t.contains("first series")
            || t.contains("series 2")
            || t.contains("second series")),
        "some question names a series"
    );
    // Every episode has a plot line, so none is asked by its number or title alone.
    let numbering: Vec<&str> = questions
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                leafquiz::engine::QuestionKind::EpisodeTitle
                    | leafquiz::engine::QuestionKind::EpisodeNumber
            )
        })
        .map(|q| q.prompt.as_str())
        .collect();
    assert!(numbering.is_empty(), "{numbering:#?}");
    assert!(
        questions
            .iter()
            .any(|q| q.kind == leafquiz::engine::QuestionKind::PlotEpisode),
        "episodes are asked by their story"
    );
}

#[test]
fn a_plot_line_with_another_source_than_its_episode_is_a_warning_at_its_cell() {
    let sources = "source,title,default for\nwiki,Wikipedia,all\nbook,The Book,\n";
    let episodes = "season,number,title\n1,1,Pilot\n1,2,Two\n";
    let plot = "episode,what happens,source\nS1E2,Rosa sails,book\nS1E2,Tom swims,\n";
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("pack.csv", PACK_CSV),
        ("sources.csv", sources),
        ("episodes.csv", episodes),
        ("plot.csv", plot),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let imported = import_dir(dir.path()).unwrap_or_else(|d| panic!("{d:#?}"));
    let w = positions(&imported.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    let (file, line, column, message) = &w[0];
    assert!(file.ends_with("plot.csv"), "{file}");
    assert_eq!((*line, *column), (2, 3));
    assert!(
        message.contains("\"book\"") && message.contains("\"wiki\""),
        "{message}"
    );
}

/// (file, line, column, message) of each diagnostic.
fn positions(d: &[Diagnostic]) -> Vec<(String, usize, usize, String)> {
    d.iter()
        .map(|d| (d.file.clone(), d.line, d.column, d.message.clone()))
        .collect()
}

const PACK_CSV: &str = "field,value\nid,t\ntitle,T\nseries,T\n";
const SOURCES_CSV: &str = "source,title,default for\nwiki,Wikipedia,all\n";

#[test]
fn a_broken_sheet_is_reported_at_file_row_and_column() {
    let episodes = "season,number,title,released\n1,1,Pilot,4 March 2021\n1,2,Two,31 February 2021\n1,three,Three,\n";
    let cast =
        "actor,character,group,seasons,source\nAnn,Rosa,Main,1,wikki\nBen,Tom,Sometimes,1,\n";
    let plot = "episode,what happens\nS1E9,Rosa sails\n";
    let d = import_files(&[
        ("pack.csv", PACK_CSV),
        ("sources.csv", SOURCES_CSV),
        ("episodes.csv", episodes),
        ("cast.csv", cast),
        ("plot.csv", plot),
    ])
    .unwrap_err();
    let p = positions(&d);
    let at = |file: &str, line: usize, column: usize, needle: &str| {
        assert!(
            p.iter().any(|(f, l, c, m)| f.ends_with(file)
                && *l == line
                && *c == column
                && m.contains(needle)),
            "{file}:{line}:{column} {needle}\n{p:#?}"
        );
    };
    at("episodes.csv", 3, 4, "no day 31");
    at(
        "episodes.csv",
        4,
        2,
        "\"three\" in \"number\" is not a whole number",
    );
    at(
        "cast.csv",
        2,
        5,
        "the source \"wikki\" is not in sources.csv",
    );
    assert!(d.iter().any(|x| x.help.contains("did you mean \"wiki\"")));
    at("cast.csv", 3, 3, "\"sometimes\" is not a group");
    at("plot.csv", 2, 1, "there is no season 1 episode 9");
    // Shown as file:row:column.
    assert!(d[0].to_string().starts_with("sheets/"), "{}", d[0]);
}

#[test]
fn headers_and_rows_are_checked_before_anything_is_built() {
    let d = import_files(&[
        ("pack.csv", PACK_CSV),
        ("crew.csv", "role,persn\nComposer,Eve\n"),
        (
            "numbers.csv",
            "name,value,unit\nviews,\"1,5 million\",views\n",
        ),
    ])
    .unwrap_err();
    let p = positions(&d);
    assert!(
        p.iter().any(|(f, l, c, m)| f.ends_with("crew.csv")
            && (*l, *c) == (1, 2)
            && m.contains("no column \"persn\"")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|(f, l, _, m)| f.ends_with("crew.csv")
            && *l == 1
            && m.contains("needs a column \"person\"")),
        "{p:#?}"
    );
    let d = import_files(&[
        ("pack.csv", PACK_CSV),
        ("numbers.csv", "name,value,unit\nviews,1.5 million,views\n"),
    ])
    .unwrap_err();
    assert_eq!(
        positions(&d)[0].1..=positions(&d)[0].2,
        2..=2,
        "{:#?}",
        positions(&d)
    );
    assert!(d[0].help.contains("the unit goes in \"unit\""), "{:#?}", d);
}

#[test]
fn a_fact_names_things_by_name_and_says_what_is_missing() {
    let relations = "relation,ask object,statement\norbits,What does {subject} orbit?,{subject} orbits {object}.\n";
    let facts = "subject,relation,object,subject kind,object kind\nIo,orbits,Jupiter,moon,planet\nEuropa,orbit,Jupiter,moon,planet\nGanymede,orbits,Jupitr,moon,\n";
    let d = import_files(&[
        ("pack.csv", PACK_CSV),
        ("relations.csv", relations),
        ("facts.csv", facts),
    ])
    .unwrap_err();
    let p = positions(&d);
    assert!(
        p.iter().any(|(f, l, c, m)| f.ends_with("facts.csv")
            && (*l, *c) == (3, 2)
            && m.contains("the relation \"orbit\" is not in relations.csv")),
        "{p:#?}"
    );
    assert!(d.iter().any(|x| x.help.contains("did you mean \"orbits\"")));
    let jupitr = d.iter().find(|x| x.line == 4).expect("row 4");
    assert_eq!(jupitr.column, 3);
    assert!(jupitr.help.contains("did you mean \"Jupiter\""), "{jupitr}");
}

// ------------------------------------------------------------ round trip

/// A pack seen through names: every fact with its references written as the
/// names (and kinds) they point at, sorted. Ids, which the import makes
/// anew, do not appear.
fn by_name(p: &Pack) -> Vec<String> {
    let mut name: BTreeMap<&str, String> = BTreeMap::new();
    for x in &p.people {
        name.insert(&x.id, format!("person {}", x.name));
    }
    for x in &p.characters {
        name.insert(&x.id, format!("character {}", x.name));
    }
    for x in &p.episodes {
        name.insert(&x.id, format!("episode {}x{}", x.season, x.number));
    }
    for x in &p.albums {
        name.insert(&x.id, format!("album {}", x.title));
    }
    for x in &p.entities {
        name.insert(&x.id, format!("{} {}", x.kind, x.name));
    }
    for x in &p.relations {
        name.insert(&x.id, format!("relation {}", x.statement));
    }
    for x in &p.meta.sources {
        name.insert(&x.id, format!("source {}", x.title));
    }
    let n = |id: &str| name.get(id).cloned().unwrap_or_else(|| format!("?{id}"));
    let ns = |ids: &[String]| ids.iter().map(|i| n(i)).collect::<Vec<_>>();
    let on = |id: &Option<String>| id.as_deref().map(n);
    let m = &p.meta;
    let mut out = vec![format!(
        "meta {} {} {:?} {} {} {} {:?} {}",
        m.id, m.title, m.series, m.description, m.version, m.language, m.authors, m.licence
    )];
    for x in &m.sources {
        out.push(format!("source {} {:?}", x.title, x.note));
    }
    for x in &p.people {
        out.push(format!(
            "person {} {:?} {} {}",
            x.name,
            x.aliases,
            x.plural,
            n(&x.source)
        ));
    }
    for x in &p.characters {
        out.push(format!(
            "character {} {:?} {:?} {:?} {:?} {:?} {}",
            x.name,
            x.aliases,
            x.group,
            x.description,
            x.pronouns,
            x.age,
            n(&x.source)
        ));
    }
    for x in &p.roles {
        out.push(format!(
            "role {} {} {:?} {} {} {} {:?}",
            n(&x.actor),
            n(&x.character),
            x.seasons,
            x.voice,
            x.cameo,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.episodes {
        out.push(format!(
            "episode {} {} {} {:?} {:?} {:?} {:?} {} {:?}",
            x.season,
            x.number,
            x.title,
            ns(&x.directors),
            ns(&x.writers),
            x.released,
            x.plot,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.awards {
        let nominees: Vec<String> = x
            .nominees
            .iter()
            .map(|v| match v {
                Nominee::Person(id) => n(id),
                other => format!("{other:?}"),
            })
            .collect();
        out.push(format!(
            "award {} {} {} {:?} {:?} {} {:?}",
            x.year,
            x.ceremony,
            x.category,
            nominees,
            x.result,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.albums {
        out.push(format!(
            "album {} {:?} {:?} {:?} {}",
            x.title,
            ns(&x.artists),
            x.label,
            x.released,
            n(&x.source)
        ));
    }
    for x in &p.tracks {
        out.push(format!(
            "track {} {} {} {:?} {:?} {} {:?}",
            n(&x.album),
            x.number,
            x.title,
            ns(&x.artists),
            x.duration,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.crew {
        out.push(format!(
            "crew {} {} {:?} {:?} {} {:?}",
            x.role,
            n(&x.person),
            x.seasons,
            x.work,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.places {
        out.push(format!(
            "place {} {:?} {} {:?} {:?} {} {:?}",
            x.place,
            x.location,
            x.filmed,
            x.at,
            on(&x.episode),
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.numbers {
        out.push(format!(
            "number {} {} {} {} {:?} {:?} {:?} {:?} {:?} {} {:?}",
            x.name,
            x.value,
            x.unit,
            x.precision,
            x.ask,
            x.statement,
            x.min,
            x.max,
            on(&x.episode),
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.dates {
        out.push(format!(
            "date {} {} {:?} {} {:?}",
            x.event,
            x.date,
            x.chain,
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.entities {
        out.push(format!(
            "entity {} {} {:?} {} {}",
            x.name,
            x.kind,
            x.aliases,
            x.plural,
            n(&x.source)
        ));
    }
    for x in &p.relations {
        out.push(format!(
            "relation {} {:?} {:?} {} {:?} {}",
            x.ask_object, x.ask_subject, x.ask_not, x.statement, x.objects, x.asked
        ));
    }
    for x in &p.facts {
        out.push(format!(
            "fact {} {} {} {:?} {} {:?}",
            n(&x.subject),
            n(&x.relation),
            n(&x.object),
            on(&x.episode),
            n(&x.source),
            x.interest
        ));
    }
    for x in &p.questions {
        out.push(format!(
            "question {} {} {:?} {:?} {:?} {:?} {} {:?}",
            x.prompt,
            x.answer,
            x.wrong,
            x.explanation,
            x.difficulty,
            on(&x.episode),
            n(&x.source),
            x.interest
        ));
    }
    out.sort();
    out
}

/// Free text as people type it: commas, quotes, apostrophes, accents; no
/// list separator; trimmed (cells are trimmed); not a `#` note row.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z ,\"'é{}.-]{0,24}".prop_map(|s| s.trim().to_string())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn iso_date() -> impl Strategy<Value = String> {
    (
        1900u32..2100,
        prop::option::of((1u32..13, prop::option::of(1u32..29))),
    )
        .prop_map(|(y, md)| match md {
            None => format!("{y}"),
            Some((m, None)) => format!("{y}-{m:02}"),
            Some((m, Some(d))) => format!("{y}-{m:02}-{d:02}"),
        })
}

fn interest() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(1u8..=5)
}

fn seasons() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::btree_set(1u32..5, 0..3).prop_map(|s| s.into_iter().collect())
}

/// Indices into a table of `len` things (taken modulo the real length).
fn picks(max: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0usize..1000, 0..max)
}

#[derive(Debug, Clone)]
struct Raw {
    names: Vec<String>,
    texts: Vec<String>,
    flags: Vec<bool>,
    picks: Vec<usize>,
    dates: Vec<String>,
    interests: Vec<Option<u8>>,
    seasons: Vec<Vec<u32>>,
    opts: Vec<Option<String>>,
    values: Vec<(i32, u8)>,
    sizes: Vec<usize>,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        prop::collection::btree_set("[A-Z][a-z]{1,7}( [A-Z][a-z]{1,7})?", 30..40),
        prop::collection::vec(text(), 60),
        prop::collection::vec(any::<bool>(), 60),
        picks(200),
        prop::collection::vec(iso_date(), 30),
        prop::collection::vec(interest(), 60),
        prop::collection::vec(seasons(), 30),
        prop::collection::vec(opt_text(), 60),
        prop::collection::vec((-5000i32..5000, 0u8..3), 10),
        prop::collection::vec(0usize..6, 16),
    )
        .prop_map(
            |(names, texts, flags, picks, dates, interests, seasons, opts, values, sizes)| Raw {
                names: names.into_iter().collect(),
                texts,
                flags,
                picks: if picks.is_empty() { vec![0] } else { picks },
                dates,
                interests,
                seasons,
                opts,
                values,
                sizes,
            },
        )
}

/// A cursor over the raw draws, cycling so a pack never runs out of them.
struct Draw<'a> {
    raw: &'a Raw,
    i: usize,
}

impl Draw<'_> {
    fn next(&mut self) -> usize {
        self.i += 1;
        self.i
    }
    fn text(&mut self) -> String {
        let i = self.next();
        self.raw.texts[i % self.raw.texts.len()].clone()
    }
    fn opt(&mut self) -> Option<String> {
        let i = self.next();
        self.raw.opts[i % self.raw.opts.len()].clone()
    }
    fn flag(&mut self) -> bool {
        let i = self.next();
        self.raw.flags[i % self.raw.flags.len()]
    }
    fn pick(&mut self, len: usize) -> usize {
        let i = self.next();
        self.raw.picks[i % self.raw.picks.len()] % len.max(1)
    }
    fn date(&mut self) -> String {
        let i = self.next();
        self.raw.dates[i % self.raw.dates.len()].clone()
    }
    fn interest(&mut self) -> Option<u8> {
        let i = self.next();
        self.raw.interests[i % self.raw.interests.len()]
    }
    fn seasons(&mut self) -> Vec<u32> {
        let i = self.next();
        self.raw.seasons[i % self.raw.seasons.len()].clone()
    }
    fn size(&mut self, k: usize) -> usize {
        self.raw.sizes[k % self.raw.sizes.len()] + 1
    }
    fn ids(&mut self, pool: &[String], max: usize) -> Vec<String> {
        let n = self.pick(max + 1);
        let mut v: Vec<String> = (0..n)
            .map(|_| pool[self.pick(pool.len())].clone())
            .collect();
        v.dedup();
        v
    }
    fn source(&mut self, sources: &[String]) -> String {
        let i = self.pick(sources.len() + 1);
        sources.get(i).cloned().unwrap_or_default()
    }
}

/// A pack filling every table, with references that resolve.
fn pack_from(raw: &Raw) -> Pack {
    let mut d = Draw { raw, i: 0 };
    let names = &raw.names;
    let mut p = Pack::new(Meta {
        id: "rt".into(),
        title: d.text(),
        description: d.text(),
        version: "1.2.0".into(),
        language: "en".into(),
        authors: vec![d.text()],
        licence: d.text(),
        series: Some("The Show".into()),
        season_word: None,
        sources: vec![],
    });
    let sources: Vec<String> = (0..d.size(0)).map(|i| format!("src_{i}")).collect();
    for s in &sources {
        let (title, note) = (format!("{s} {}", d.text()), d.opt());
        p.meta.sources.push(Source {
            id: s.clone(),
            title,
            note,
        });
    }
    // Names split into people, aliases, characters, entities and albums.
    let (people, rest) = names.split_at(10);
    let (aliases, rest) = rest.split_at(3);
    let (characters, rest) = rest.split_at(7);
    let (entities, albums) = rest.split_at(6);
    for (i, n) in people.iter().enumerate() {
        let (plural, source) = (d.flag(), d.source(&sources));
        p.people.push(Person {
            id: format!("p{i}"),
            name: n.clone(),
            aliases: aliases.get(i).cloned().into_iter().collect(),
            plural,
            source,
        });
    }
    let person_ids: Vec<String> = (0..people.len()).map(|i| format!("p{i}")).collect();
    for (i, n) in characters.iter().enumerate() {
        let groups = [Group::Main, Group::Recurring, Group::Guest];
        let ages = [
            None,
            Some(AgeGroup::Child),
            Some(AgeGroup::Teen),
            Some(AgeGroup::Adult),
        ];
        let pronouns = [None, Some("he"), Some("she"), Some("they")];
        let c = Character {
            id: format!("c{i}"),
            name: n.clone(),
            aliases: vec![],
            group: groups[d.pick(3)],
            description: d.opt(),
            pronouns: pronouns[d.pick(4)].map(str::to_string),
            age: ages[d.pick(4)],
            source: d.source(&sources),
        };
        p.characters.push(c);
    }
    let kinds = ["city", "band", "planet"];
    for (i, n) in entities.iter().enumerate() {
        let e = Entity {
            id: format!("e{i}"),
            name: n.clone(),
            kind: kinds[i % 3].into(),
            aliases: vec![],
            plural: d.flag(),
            source: d.source(&sources),
        };
        p.entities.push(e);
    }
    for i in 0..d.size(1) {
        let e = Episode {
            id: format!("ep{i}"),
            season: 1 + (i as u32 % 2),
            number: 1 + i as u32 / 2,
            title: d.text(),
            directors: d.ids(&person_ids, 2),
            writers: d.ids(&person_ids, 2),
            released: if d.flag() { Some(d.date()) } else { None },
            plot: (0..d.pick(3)).map(|_| d.text()).collect(),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.episodes.push(e);
    }
    let episode_ids: Vec<String> = p.episodes.iter().map(|e| e.id.clone()).collect();
    let opt_episode = |d: &mut Draw| -> Option<String> {
        if d.flag() {
            Some(episode_ids[d.pick(episode_ids.len())].clone())
        } else {
            None
        }
    };
    for _ in 0..d.size(2) {
        let r = Role {
            actor: person_ids[d.pick(person_ids.len())].clone(),
            character: format!("c{}", d.pick(characters.len())),
            seasons: d.seasons(),
            voice: d.flag(),
            cameo: d.flag(),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.roles.push(r);
    }
    for (i, t) in albums.iter().enumerate() {
        let a = Album {
            id: format!("a{i}"),
            title: t.clone(),
            artists: d.ids(&person_ids, 2),
            label: d.opt(),
            released: if d.flag() { Some(d.date()) } else { None },
            source: d.source(&sources),
        };
        p.albums.push(a);
    }
    for i in 0..d.size(3) {
        let t = Track {
            album: format!("a{}", d.pick(albums.len())),
            number: i as u32 + 1,
            title: d.text(),
            artists: d.ids(&person_ids, 2),
            duration: if d.flag() {
                Some(format!("{}:{:02}", d.pick(9), d.pick(60)))
            } else {
                None
            },
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.tracks.push(t);
    }
    for _ in 0..d.size(4) {
        let c = Credit {
            role: d.text(),
            person: person_ids[d.pick(person_ids.len())].clone(),
            seasons: d.seasons(),
            work: d.opt(),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.crew.push(c);
    }
    for _ in 0..d.size(5) {
        let nominees = (0..1 + d.pick(3))
            .map(|_| match d.pick(3) {
                0 => Nominee::Series,
                1 => Nominee::Person(person_ids[d.pick(person_ids.len())].clone()),
                _ => Nominee::Work(d.text()),
            })
            .collect();
        let results = [
            AwardResult::Won,
            AwardResult::Nominated,
            AwardResult::Pending,
        ];
        let a = Award {
            year: 1950 + d.pick(70) as i32,
            ceremony: d.text(),
            category: d.text(),
            nominees,
            result: results[d.pick(3)],
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.awards.push(a);
    }
    for _ in 0..d.size(6) {
        let f = FilmingPlace {
            place: d.text(),
            location: d.opt(),
            filmed: d.text(),
            at: d.opt(),
            episode: opt_episode(&mut d),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.places.push(f);
    }
    for (i, &(v, precision)) in raw.values.iter().enumerate().take(d.size(7)) {
        let value = v as f64 / 4.0;
        let n = Quantity {
            id: format!("n{i}"),
            name: d.text(),
            value,
            unit: if d.flag() { d.text() } else { String::new() },
            precision,
            ask: d.opt(),
            statement: d.opt().map(|s| format!("{s} {{value}}")),
            min: if d.flag() { Some(value - 3.5) } else { None },
            max: if d.flag() { Some(value + 10.0) } else { None },
            episode: opt_episode(&mut d),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.numbers.push(n);
    }
    for i in 0..d.size(8) {
        let x = DatedEvent {
            id: format!("d{i}"),
            event: d.text(),
            date: d.date(),
            chain: d.opt(),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.dates.push(x);
    }
    let objects = [Objects::One, Objects::AllListed, Objects::SomeListed];
    for i in 0..d.size(9) {
        let r = RelationDef {
            id: format!("rel_{i}"),
            ask_object: d.text(),
            ask_subject: d.opt(),
            ask_not: d.opt(),
            statement: d.text(),
            objects: objects[d.pick(3)],
            asked: d.flag(),
        };
        p.relations.push(r);
    }
    // Any thing a fact may name.
    let things: Vec<String> = person_ids
        .iter()
        .cloned()
        .chain((0..characters.len()).map(|i| format!("c{i}")))
        .chain((0..entities.len()).map(|i| format!("e{i}")))
        .chain(episode_ids.iter().cloned())
        .chain((0..albums.len()).map(|i| format!("a{i}")))
        .collect();
    for _ in 0..d.size(10) {
        let f = CustomFact {
            subject: things[d.pick(things.len())].clone(),
            relation: format!("rel_{}", d.pick(p.relations.len())),
            object: things[d.pick(things.len())].clone(),
            episode: opt_episode(&mut d),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.facts.push(f);
    }
    for _ in 0..d.size(11) {
        let q = HandWritten {
            prompt: d.text(),
            answer: d.text(),
            wrong: (0..1 + d.pick(3)).map(|_| d.text()).collect(),
            explanation: d.opt(),
            difficulty: if d.flag() {
                Some(d.pick(11) as f32 / 10.0)
            } else {
                None
            },
            episode: opt_episode(&mut d),
            source: d.source(&sources),
            interest: d.interest(),
        };
        p.questions.push(q);
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_keeps_every_fact(raw in raw()) {
        let pack = pack_from(&raw);
        let facts = by_name(&pack);
        for table in ["person", "character", "role", "episode", "award", "album", "track", "crew",
            "place", "number", "date", "entity", "relation", "fact", "question"] {
            prop_assert!(facts.iter().any(|f| f.starts_with(&format!("{table} "))), "no {}", table);
        }
        let sheets = export(&pack).expect("exports");
        let files: Vec<(&str, &str)> = sheets.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let back = import_files(&files).unwrap_or_else(|d| panic!("{d:#?}\n{sheets:#?}"));
        prop_assert_eq!(by_name(&back), by_name(&pack));
        // And the pack as RON reads back as the same pack.
        let text = to_ron(&back, &[]);
        let parsed = leafquiz::engine::load::parse_pack("rt.ron", &text)
            .unwrap_or_else(|d| panic!("{d}\n{text}"));
        prop_assert_eq!(parsed, back);
    }
}

/// A 40-odd-fact pack of custom facts, numbers and dates (moons, planets,
/// astronomers) asks at least five kinds of question, NOT and odd one out
/// among them, and each is right by the pack's own facts.
#[test]
fn a_small_custom_pack_gets_not_and_odd_one_out_questions_that_hold() {
    use leafquiz::engine::QuestionKind as K;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/moons");
    let pack = import_dir(&dir).unwrap_or_else(|d| panic!("{d:#?}")).pack;
    let loaded = round_trip_ron(&pack);
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    // The oracle: (subject name, relation id, object name) of every fact.
    let name = |id: &str| {
        pack.entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
            .unwrap()
    };
    let facts: std::collections::HashSet<(String, String, String)> = pack
        .facts
        .iter()
        .map(|f| (name(&f.subject), f.relation.clone(), name(&f.object)))
        .collect();
    let relation_of = |prompt: &str| {
        if prompt.contains("orbit") {
            "orbits"
        } else {
            "discovered_by"
        }
    };
    let mut kinds = BTreeMap::new();
    for seed in 1..=6 {
        let base = Arc::new(FactBase::build([&loaded.pack]));
        let mut session = Session::new(
            base,
            SessionConfig {
                seed,
                ..SessionConfig::default()
            },
        );
        while let Some(q) = session.next_question() {
            *kinds.entry(q.kind).or_insert(0) += 1;
            let answer = &q.options[q.answer];
            let rel = relation_of(&q.prompt);
            match q.kind {
                K::CustomNot => {
                    // "Which moon does NOT orbit Jupiter?": the object is the
                    // last words of the prompt's fact.
                    let object = &q.facts[0].object;
                    assert!(
                        !facts.contains(&(answer.clone(), rel.into(), object.clone())),
                        "{q:?}"
                    );
                    for (i, o) in q.options.iter().enumerate() {
                        if i != q.answer {
                            assert!(
                                facts.contains(&(o.clone(), rel.into(), object.clone())),
                                "{o}: {q:?}"
                            );
                        }
                    }
                }
                K::CustomOdd => {
                    // "Which moon orbits Saturn, not Jupiter?"
                    let (home, other) = q
                        .prompt
                        .trim_end_matches('?')
                        .rsplit_once(" orbits ")
                        .map(|(_, s)| s.split_once(", not ").unwrap())
                        .unwrap_or_else(|| panic!("{q:?}"));
                    assert!(
                        facts.contains(&(answer.clone(), rel.into(), home.into())),
                        "{q:?}"
                    );
                    for (i, o) in q.options.iter().enumerate() {
                        if i != q.answer {
                            assert!(
                                facts.contains(&(o.clone(), rel.into(), other.into())),
                                "{q:?}"
                            );
                            assert!(
                                !facts.contains(&(o.clone(), rel.into(), home.into())),
                                "{q:?}"
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(kinds.len() >= 5, "{kinds:?}");
    assert!(
        kinds.contains_key(&K::CustomNot) && kinds.contains_key(&K::CustomOdd),
        "{kinds:?}"
    );
}

#[test]
fn a_comma_outside_quotes_is_named_as_such() {
    let d = import_files(&[
        ("pack.csv", PACK_CSV),
        (
            "questions.csv",
            "prompt,answer,wrong 1,explanation\nWhere is Pawnee?,Indiana,Ohio,Pawnee, Indiana is fictional\n",
        ),
    ])
    .unwrap_err();
    let p = positions(&d);
    assert_eq!(d.len(), 1, "{p:#?}");
    assert_eq!((p[0].1, p[0].2), (2, 5), "{p:#?}");
    assert!(
        p[0].3
            .contains("this row has 5 cells but the header has 4 columns"),
        "{p:#?}"
    );
    assert!(d[0].help.contains("double quotes"), "{}", d[0]);
}

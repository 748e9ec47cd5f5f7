//! Semantic checks of a parsed pack: ids, references, duplicates, formats, and
//! lint warnings. Every message is positioned by finding the offending value
//! in the source text; validation never panics, whatever the input.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, Locator, Severity};
use super::model::*;
use super::text::{edit_distance, normalise, parse_date, parse_duration};

/// The most facts one pack may hold.
pub const MAX_FACTS: usize = 2_000_000;

/// Diagnostics positioned per pack; beyond this only a count is given, so a
/// pack with a million broken rows still validates in linear time.
pub const MAX_DIAGNOSTICS: usize = 200;

struct Checker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    text: &'a str,
    out: Vec<Diagnostic>,
    /// Diagnostics past `MAX_DIAGNOSTICS`, by severity.
    suppressed_errors: usize,
    suppressed_warnings: usize,
}

impl<'a> Checker<'a> {
    /// Positions a message at the `nth` place where `field: "value"` is written,
    /// falling back to any occurrence of the quoted value, then to the file start.
    fn at_field(
        &mut self,
        severity: Severity,
        field: &str,
        value: &str,
        nth: usize,
        message: String,
        help: String,
    ) {
        let offset = self
            .find_field(field, value, nth)
            .or_else(|| self.locator.find_nth(&quoted(value), 0))
            .or_else(|| self.locator.find_nth(value, 0))
            .unwrap_or(0);
        self.at_offset(severity, offset, message, help);
    }

    fn at_offset(&mut self, severity: Severity, offset: usize, message: String, help: String) {
        if self.out.len() >= MAX_DIAGNOSTICS {
            match severity {
                Severity::Error => self.suppressed_errors += 1,
                Severity::Warning => self.suppressed_warnings += 1,
            }
            return;
        }
        let (line, column) = self.locator.position(offset);
        self.out.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            line,
            column,
            message,
            help,
        });
    }

    fn error(&mut self, field: &str, value: &str, nth: usize, message: String, help: String) {
        self.at_field(Severity::Error, field, value, nth, message, help);
    }

    /// An error at the `nth` place where `written` appears in the file.
    fn at_nth(&mut self, written: &str, nth: usize, message: String, help: String) {
        let offset = self.locator.find_nth(written, nth).unwrap_or(0);
        self.at_offset(Severity::Error, offset, message, help);
    }

    fn warn(&mut self, field: &str, value: &str, nth: usize, message: String, help: String) {
        self.at_field(Severity::Warning, field, value, nth, message, help);
    }

    fn find_field(&self, field: &str, value: &str, nth: usize) -> Option<usize> {
        let needle = quoted(value);
        let mut seen = 0;
        for (offset, _) in self.text.match_indices(&needle) {
            let before = self.text[..offset].trim_end();
            let before = before.strip_suffix('(').unwrap_or(before).trim_end();
            let before = before.strip_suffix('[').unwrap_or(before).trim_end();
            let matches = field.is_empty()
                || before.ends_with(&format!("{field}:"))
                || (before.ends_with(',') || before.ends_with('[')) && field.ends_with('*');
            if matches {
                if seen == nth {
                    return Some(offset);
                }
                seen += 1;
            }
        }
        None
    }
}

fn quoted(value: &str) -> String {
    // Values are written as RON strings; escape what RON escapes.
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The kinds of thing an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdKind {
    Source,
    Person,
    Character,
    Episode,
    Album,
    Number,
    Date,
    Entity,
    Relation,
}

impl IdKind {
    fn table(self) -> &'static str {
        match self {
            IdKind::Source => "meta.sources",
            IdKind::Person => "people",
            IdKind::Character => "characters",
            IdKind::Episode => "episodes",
            IdKind::Album => "albums",
            IdKind::Number => "numbers",
            IdKind::Date => "dates",
            IdKind::Entity => "entities",
            IdKind::Relation => "relations",
        }
    }
}

pub fn validate(file: &str, text: &str, pack: &Pack) -> Vec<Diagnostic> {
    let mut c = Checker {
        file,
        locator: Locator::new(text),
        text,
        out: Vec::new(),
        suppressed_errors: 0,
        suppressed_warnings: 0,
    };
    check_meta(&mut c, pack);
    let (ids, repeated) = check_ids(&mut c, pack);
    check_references(&mut c, pack, &ids, &repeated);
    check_duplicates(&mut c, pack);
    check_formats(&mut c, pack);
    lint(&mut c, pack);
    // One stream in file order, as an author reads the file.
    c.out
        .sort_by_key(|d| (d.line, d.column, std::cmp::Reverse(d.severity)));
    // The counts of what was not shown go last, after the positioned messages.
    for (count, severity) in [
        (c.suppressed_errors, Severity::Error),
        (c.suppressed_warnings, Severity::Warning),
    ] {
        if count > 0 {
            let what = if severity == Severity::Error {
                "errors"
            } else {
                "warnings"
            };
            c.out.push(Diagnostic {
                severity,
                file: file.to_string(),
                line: 1,
                column: 1,
                message: format!("{count} more {what} not shown"),
                help: "fix the ones above and check again".into(),
            });
        }
    }
    c.out
}

/// Number of facts in a pack (rows of every table, plot facts counted one by one).
pub fn fact_count(pack: &Pack) -> usize {
    pack.people.len()
        + pack.characters.len()
        + pack.roles.len()
        + pack
            .episodes
            .iter()
            .map(|e| 1 + e.plot.len())
            .sum::<usize>()
        + pack.awards.len()
        + pack.albums.len()
        + pack.tracks.len()
        + pack.crew.len()
        + pack.places.len()
        + pack.numbers.len()
        + pack.dates.len()
        + pack.entities.len()
        + pack.facts.len()
        + pack.questions.len()
}

fn check_meta(c: &mut Checker, pack: &Pack) {
    if pack.meta.id.trim().is_empty() {
        c.error(
            "id",
            "",
            0,
            "the pack has an empty `meta.id`".into(),
            "give the pack a short unique id such as \"my_series\"".into(),
        );
    }
    if pack.meta.title.trim().is_empty() {
        c.error(
            "title",
            "",
            0,
            "the pack has an empty `meta.title`".into(),
            "give the pack a title players will see".into(),
        );
    }
    if let Some(word) = &pack.meta.season_word
        && (word.is_empty() || !word.chars().all(|ch| ch.is_alphabetic()))
    {
        c.error(
            "season_word",
            word,
            0,
            format!("`season_word` is \"{word}\": it must be one word"),
            "write the word questions use for a run of episodes, such as \"series\" or \"season\""
                .into(),
        );
    }
    let facts = fact_count(pack);
    if facts > MAX_FACTS {
        c.error(
            "",
            "",
            0,
            format!("the pack holds {facts} facts, over the limit of {MAX_FACTS}"),
            "split it into several packs".into(),
        );
    }
}

/// Every id with its kind, and the ids defined more than once (references to
/// those are not reported again).
fn check_ids<'p>(c: &mut Checker, pack: &'p Pack) -> (HashMap<&'p str, IdKind>, HashSet<&'p str>) {
    let mut ids: HashMap<&'p str, IdKind> = HashMap::with_capacity(fact_count(pack));
    // How many times each duplicated id has been seen, to position the nth definition.
    let mut repeats: HashMap<&'p str, usize> = HashMap::new();
    let all = pack
        .meta
        .sources
        .iter()
        .map(|s| (s.id.as_str(), IdKind::Source))
        .chain(pack.people.iter().map(|x| (x.id.as_str(), IdKind::Person)))
        .chain(
            pack.characters
                .iter()
                .map(|x| (x.id.as_str(), IdKind::Character)),
        )
        .chain(
            pack.episodes
                .iter()
                .map(|x| (x.id.as_str(), IdKind::Episode)),
        )
        .chain(pack.albums.iter().map(|x| (x.id.as_str(), IdKind::Album)))
        .chain(pack.numbers.iter().map(|x| (x.id.as_str(), IdKind::Number)))
        .chain(pack.dates.iter().map(|x| (x.id.as_str(), IdKind::Date)))
        .chain(
            pack.entities
                .iter()
                .map(|x| (x.id.as_str(), IdKind::Entity)),
        )
        .chain(
            pack.relations
                .iter()
                .map(|x| (x.id.as_str(), IdKind::Relation)),
        );
    for (id, kind) in all {
        if id.trim().is_empty() {
            let nth = repeats.entry(id).or_insert(0);
            c.error(
                "id",
                id,
                *nth,
                format!("an entry in `{}` has an empty id", kind.table()),
                "give it a unique id such as \"joe_locke\"".into(),
            );
            *nth += 1;
        } else if let Some(previous) = ids.get(id) {
            let nth = repeats.entry(id).or_insert(1);
            let first_line = c
                .find_field("id", id, 0)
                .map_or(1, |o| c.locator.position(o).0);
            c.error(
                "id",
                id,
                *nth,
                format!(
                    "the id \"{id}\" is used twice: first in `{}` at line {first_line}, again here in `{}`",
                    previous.table(),
                    kind.table()
                ),
                "ids are unique across the whole pack: rename one of them (and the references meant for it)".into(),
            );
            *nth += 1;
        } else {
            ids.insert(id, kind);
        }
    }
    let repeated = repeats
        .into_keys()
        .filter(|id| !id.trim().is_empty())
        .collect();
    (ids, repeated)
}

fn check_references(
    c: &mut Checker,
    pack: &Pack,
    ids: &HashMap<&str, IdKind>,
    repeated: &HashSet<&str>,
) {
    use IdKind::*;
    let mut refs: Vec<(&'static str, &str, &[IdKind])> = Vec::new();
    let mut sources: Vec<&str> = Vec::new();
    for x in &pack.people {
        sources.push(&x.source);
    }
    for x in &pack.characters {
        sources.push(&x.source);
    }
    for x in &pack.roles {
        refs.push(("actor", &x.actor, &[Person]));
        refs.push(("character", &x.character, &[Character]));
        sources.push(&x.source);
    }
    for x in &pack.episodes {
        for d in x.directors.iter().chain(&x.writers) {
            refs.push(("*", d, &[Person]));
        }
        sources.push(&x.source);
    }
    for x in &pack.awards {
        for n in &x.nominees {
            if let Nominee::Person(p) = n {
                refs.push(("Person", p, &[Person]));
            }
        }
        sources.push(&x.source);
    }
    for x in &pack.albums {
        for a in &x.artists {
            refs.push(("*", a, &[Person]));
        }
        sources.push(&x.source);
    }
    for x in &pack.tracks {
        refs.push(("album", &x.album, &[Album]));
        for a in &x.artists {
            refs.push(("*", a, &[Person]));
        }
        sources.push(&x.source);
    }
    for x in &pack.crew {
        refs.push(("person", &x.person, &[Person]));
        sources.push(&x.source);
    }
    for x in &pack.places {
        if let Some(e) = &x.episode {
            refs.push(("episode", e, &[Episode]));
        }
        sources.push(&x.source);
    }
    for x in &pack.numbers {
        if let Some(e) = &x.episode {
            refs.push(("episode", e, &[Episode]));
        }
        sources.push(&x.source);
    }
    for x in &pack.dates {
        sources.push(&x.source);
    }
    for x in &pack.entities {
        sources.push(&x.source);
    }
    const ANY_ENTITY: &[IdKind] = &[Person, Character, Episode, Album, Entity];
    for x in &pack.facts {
        refs.push(("subject", &x.subject, ANY_ENTITY));
        refs.push(("relation", &x.relation, &[Relation]));
        refs.push(("object", &x.object, ANY_ENTITY));
        if let Some(e) = &x.episode {
            refs.push(("episode", e, &[Episode]));
        }
        sources.push(&x.source);
    }
    for x in &pack.questions {
        if let Some(e) = &x.episode {
            refs.push(("episode", e, &[Episode]));
        }
        sources.push(&x.source);
    }
    let mut nth_of: HashMap<(&str, &str), usize> = HashMap::new();
    for (field, id, kinds) in refs {
        let nth = nth_of.entry((field, id)).or_insert(0);
        // A custom fact names any entity; its table to add to is `entities`.
        let table = if kinds.len() > 1 {
            Entity.table()
        } else {
            kinds[0].table()
        };
        match ids.get(id) {
            Some(_) if repeated.contains(id) => {}
            Some(kind) if kinds.contains(kind) => {}
            Some(kind) => c.error(
                field,
                id,
                *nth,
                format!(
                    "\"{id}\" is in `{}`, but here it must name an entry of `{table}`",
                    kind.table(),
                ),
                format!("use an id from `{table}`"),
            ),
            None => {
                let candidates = ids
                    .iter()
                    .filter(|(_, k)| kinds.contains(k))
                    .map(|(i, _)| *i);
                let message = if kinds.len() > 1 {
                    format!(
                        "\"{id}\" does not name any entry of `entities` (a fact's {field} is an entity, or a person, character, episode or album)"
                    )
                } else {
                    format!("\"{id}\" does not name any entry of `{table}`")
                };
                c.error(field, id, *nth, message, suggestion(id, candidates, table));
            }
        }
        *nth += 1;
    }
    let mut missing_nth: HashMap<&str, usize> = HashMap::new();
    for source in sources {
        if source.is_empty() {
            continue; // reported by the lint
        }
        let nth = missing_nth.entry(source).or_insert(0);
        if ids.get(source) != Some(&Source) {
            let candidates = ids.iter().filter(|(_, k)| **k == Source).map(|(i, _)| *i);
            c.error(
                "source",
                source,
                *nth,
                format!("the source \"{source}\" is not in `meta.sources`"),
                suggestion(source, candidates, "meta.sources"),
            );
        }
        *nth += 1;
    }
}

fn suggestion<'a>(id: &str, candidates: impl Iterator<Item = &'a str>, table: &str) -> String {
    let best = candidates
        .map(|c| (edit_distance(id, c), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 3))
        .min();
    match best {
        Some((_, c)) => format!("did you mean \"{c}\"? (or add \"{id}\" to `{table}`)"),
        None => format!("add an entry with id \"{id}\" to `{table}`, or fix the id"),
    }
}

fn check_duplicates(c: &mut Checker, pack: &Pack) {
    fn dups<'p, K: std::hash::Hash + Eq>(
        keys: impl Iterator<Item = (K, &'p str, &'p str)>,
    ) -> Vec<(&'p str, &'p str)> {
        let mut seen = HashSet::new();
        keys.filter(|(k, _, _)| !seen.insert(k_hash(k)))
            .map(|(_, f, v)| (f, v))
            .collect()
    }
    fn k_hash<K: std::hash::Hash>(k: &K) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        BuildHasherDefault::<DefaultHasher>::default().hash_one(k)
    }
    let mut found: Vec<(&str, &str, &str)> = Vec::new();
    for (f, v) in dups(
        pack.roles
            .iter()
            .map(|r| ((&r.actor, &r.character), "character", r.character.as_str())),
    ) {
        found.push((f, v, "this role (same actor and character) is listed twice"));
    }
    // Two episodes with one number: both are shown, and the fix is a number.
    let mut numbered: HashMap<(u32, u32), &Episode> = HashMap::new();
    for e in &pack.episodes {
        match numbered.get(&(e.season, e.number)) {
            Some(first) => {
                let line_of = |c: &Checker, id: &str| {
                    c.find_field("id", id, 0)
                        .map_or(1, |o| c.locator.position(o).0)
                };
                let (l1, l2) = (line_of(c, &first.id), line_of(c, &e.id));
                c.error(
                    "id",
                    &e.id,
                    0,
                    format!(
                        "season {} episode {} is listed twice: \"{}\" at line {l1} and \"{}\" at line {l2}",
                        e.season, e.number, first.title, e.title
                    ),
                    "renumber one of them".into(),
                );
            }
            None => {
                numbered.insert((e.season, e.number), e);
            }
        }
    }
    for (f, v) in dups(
        pack.episodes
            .iter()
            .flat_map(|e| e.plot.iter().map(|p| (normalise(p), "*", p.as_str()))),
    ) {
        found.push((f, v, "this plot fact is listed twice"));
    }
    for (f, v) in dups(
        pack.tracks
            .iter()
            .map(|t| ((&t.album, t.number), "title", t.title.as_str())),
    ) {
        found.push((f, v, "two tracks of one album have the same number"));
    }
    for (f, v) in dups(
        pack.crew
            .iter()
            .map(|x| ((normalise(&x.role), &x.person), "role", x.role.as_str())),
    ) {
        found.push((f, v, "this crew credit is listed twice"));
    }
    for (f, v) in dups(pack.awards.iter().map(|a| {
        (
            (
                a.year,
                normalise(&a.ceremony),
                normalise(&a.category),
                format!("{:?}", a.nominees),
            ),
            "category",
            a.category.as_str(),
        )
    })) {
        found.push((f, v, "this award nomination is listed twice"));
    }
    for (f, v) in dups(pack.places.iter().map(|p| {
        (
            (normalise(&p.place), normalise(&p.filmed)),
            "filmed",
            p.filmed.as_str(),
        )
    })) {
        found.push((f, v, "this filming place is listed twice"));
    }
    for (f, v) in dups(pack.facts.iter().map(|x| {
        (
            (&x.subject, &x.relation, &x.object),
            "object",
            x.object.as_str(),
        )
    })) {
        found.push((f, v, "this fact is listed twice"));
    }
    for (f, v) in dups(
        pack.questions
            .iter()
            .map(|q| (normalise(&q.prompt), "prompt", q.prompt.as_str())),
    ) {
        found.push((f, v, "this hand-written question is listed twice"));
    }
    let mut nth: HashMap<(&str, &str), usize> = HashMap::new();
    for (field, value, message) in found {
        let n = nth.entry((field, value)).or_insert(1);
        c.error(
            field,
            value,
            *n,
            message.into(),
            "remove the repeated entry".into(),
        );
        *n += 1;
    }
}

fn check_formats(c: &mut Checker, pack: &Pack) {
    for e in &pack.episodes {
        if let Some(d) = &e.released
            && parse_date(d).is_none()
        {
            c.error(
                "released",
                d,
                0,
                format!("\"{d}\" is not a date"),
                "write dates as \"YYYY-MM-DD\"".into(),
            );
        }
    }
    for a in &pack.albums {
        if let Some(d) = &a.released
            && parse_date(d).is_none()
        {
            c.error(
                "released",
                d,
                0,
                format!("\"{d}\" is not a date"),
                "write dates as \"YYYY-MM-DD\"".into(),
            );
        }
    }
    for d in &pack.dates {
        if parse_date(&d.date).is_none() {
            c.error(
                "date",
                &d.date,
                0,
                format!("\"{}\" is not a date", d.date),
                "write dates as \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"".into(),
            );
        }
    }
    for t in &pack.tracks {
        if let Some(d) = &t.duration
            && parse_duration(d).is_none()
        {
            c.error(
                "duration",
                d,
                0,
                format!("\"{d}\" is not a duration"),
                "write durations as \"m:ss\", e.g. \"3:05\"".into(),
            );
        }
    }
    for n in &pack.numbers {
        if !n.value.is_finite() || n.value < 0.0 {
            c.error(
                "id",
                &n.id,
                0,
                format!(
                    "the number \"{}\" has value {}, which is not a finite non-negative number",
                    n.id, n.value
                ),
                "numbers are quantities: use a value of 0 or more".into(),
            );
        }
        if n.precision > 6 {
            c.error(
                "id",
                &n.id,
                0,
                format!("the number \"{}\" has precision {}", n.id, n.precision),
                "precision is the number of decimal places, 0 to 6".into(),
            );
        }
    }
    // A relation with one object per subject that lists two would make a true
    // option "known false".
    let one: HashSet<&str> = pack
        .relations
        .iter()
        .filter(|r| r.objects == Objects::One)
        .map(|r| r.id.as_str())
        .collect();
    let mut object_of: HashMap<(&str, &str), &str> = HashMap::new();
    let mut subject_nth: HashMap<&str, usize> = HashMap::new();
    for f in &pack.facts {
        let nth = subject_nth.entry(f.subject.as_str()).or_insert(0);
        if one.contains(f.relation.as_str()) {
            match object_of.get(&(f.relation.as_str(), f.subject.as_str())) {
                Some(&first) if first != f.object => c.error(
                    "subject",
                    &f.subject,
                    *nth,
                    format!(
                        "\"{}\" has two objects under relation \"{}\" (\"{first}\" and \"{}\"), which gives each subject one",
                        f.subject, f.relation, f.object
                    ),
                    "set `objects: AllListed` on the relation if a subject can have several (and list them all), or remove the wrong fact".into(),
                ),
                Some(_) => {}
                None => {
                    object_of.insert((f.relation.as_str(), f.subject.as_str()), f.object.as_str());
                }
            }
        }
        *nth += 1;
    }
    for n in &pack.numbers {
        if let Some(s) = &n.statement
            && !s.contains("{value}")
        {
            c.error(
                "statement",
                s,
                0,
                "a number's `statement` must contain `{value}`".into(),
                "e.g. \"Beethoven completed {value}.\"".into(),
            );
        }
        let low = n.min.unwrap_or(f64::NEG_INFINITY);
        let high = n.max.unwrap_or(f64::INFINITY);
        if low > high || n.value < low || n.value > high {
            c.error(
                "id",
                &n.id,
                0,
                format!(
                    "the number \"{}\" has value {} outside its range {}..{}",
                    n.id,
                    n.value,
                    n.min.map_or("".into(), |v| v.to_string()),
                    n.max.map_or("".into(), |v| v.to_string())
                ),
                "fix the value, `min` or `max`".into(),
            );
        }
    }
    for r in &pack.relations {
        for (field, t) in [
            ("ask_object", Some(&r.ask_object)),
            ("ask_subject", r.ask_subject.as_ref()),
            ("ask_not", r.ask_not.as_ref()),
            ("statement", Some(&r.statement)),
        ] {
            if let Some(t) = t
                && let Some(bad) = crate::engine::phrase::unknown_placeholder(t)
            {
                c.error(
                    field,
                    t,
                    0,
                    format!("`{bad}` is not a placeholder"),
                    "use `{subject}`, `{object}`, or an alternation such as `{is|are}`".into(),
                );
            }
        }
        if r.asked && !r.ask_object.contains("{subject}") {
            c.error(
                "ask_object",
                &r.ask_object,
                0,
                "`ask_object` must mention `{subject}`".into(),
                "e.g. \"Which city is {subject} from?\"".into(),
            );
        }
        if let Some(s) = &r.ask_not
            && !s.contains("{object}")
        {
            c.error(
                "ask_not",
                s,
                0,
                "`ask_not` must mention `{object}`".into(),
                "e.g. \"Which band does NOT come from {object}?\"".into(),
            );
        }
        if let Some(s) = &r.ask_subject
            && !s.contains("{object}")
        {
            c.error(
                "ask_subject",
                s,
                0,
                "`ask_subject` must mention `{object}`".into(),
                "e.g. \"Which band comes from {object}?\"".into(),
            );
        }
    }
    // `interest` is on a 1–5 scale wherever it is given.
    let interests = pack
        .roles
        .iter()
        .map(|x| x.interest)
        .chain(pack.episodes.iter().map(|x| x.interest))
        .chain(pack.awards.iter().map(|x| x.interest))
        .chain(pack.tracks.iter().map(|x| x.interest))
        .chain(pack.crew.iter().map(|x| x.interest))
        .chain(pack.places.iter().map(|x| x.interest))
        .chain(pack.numbers.iter().map(|x| x.interest))
        .chain(pack.dates.iter().map(|x| x.interest))
        .chain(pack.facts.iter().map(|x| x.interest))
        .chain(pack.questions.iter().map(|x| x.interest));
    let mut seen_bad: Vec<u8> = Vec::new();
    for n in interests.flatten() {
        if !(1..=5).contains(&n) {
            let nth = seen_bad.iter().filter(|&&b| b == n).count();
            seen_bad.push(n);
            let written = format!("interest: Some({n})");
            c.at_nth(
                &written,
                nth,
                format!("interest {n} is outside 1..5"),
                "use 1 (trivia only a devoted fan cares about) to 5 (a headline every viewer knows)"
                    .into(),
            );
        }
    }
    for q in &pack.questions {
        if q.answer.trim().is_empty() || q.wrong.is_empty() {
            c.error(
                "prompt",
                &q.prompt,
                0,
                "a hand-written question needs an answer and at least one wrong option".into(),
                "fill `answer` and `wrong: [..]`".into(),
            );
        }
        if let Some(d) = q.difficulty
            && !(0.0..=1.0).contains(&d)
        {
            c.error(
                "prompt",
                &q.prompt,
                0,
                format!("difficulty {d} is outside 0..1"),
                "use a difficulty between 0.0 (easy) and 1.0 (hard)".into(),
            );
        }
    }
}

/// Warnings: the pack loads, but questions may be weaker than they could be.
fn lint(c: &mut Checker, pack: &Pack) {
    let unsourced: Vec<String> = pack
        .people
        .iter()
        .filter(|x| x.source.is_empty())
        .map(|x| x.id.clone())
        .chain(
            pack.characters
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.id.clone()),
        )
        .chain(
            pack.episodes
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.id.clone()),
        )
        .chain(
            pack.numbers
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.id.clone()),
        )
        .chain(
            pack.dates
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.id.clone()),
        )
        .chain(
            pack.entities
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.id.clone()),
        )
        .chain(
            pack.roles
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.character.clone()),
        )
        .chain(
            pack.tracks
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.title.clone()),
        )
        .chain(
            pack.awards
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.category.clone()),
        )
        .chain(
            pack.crew
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.role.clone()),
        )
        .chain(
            pack.places
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.filmed.clone()),
        )
        .chain(
            pack.facts
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.object.clone()),
        )
        .chain(
            pack.questions
                .iter()
                .filter(|x| x.source.is_empty())
                .map(|x| x.prompt.clone()),
        )
        .collect();
    for v in unsourced {
        c.warn(
            "",
            &v,
            0,
            format!("the fact at \"{v}\" has no source"),
            "add `source: \"...\"` naming an entry of `meta.sources`".into(),
        );
    }
    // Names that look like typos of each other: compare neighbours in sorted
    // order and in reversed-string order, which catches a typo in either half
    // in O(n log n) instead of comparing every pair.
    let mut names: Vec<(&str, String)> = pack
        .people
        .iter()
        .map(|p| p.name.as_str())
        .chain(pack.characters.iter().map(|p| p.name.as_str()))
        .map(|n| (n, normalise(n)))
        .collect();
    names.sort_by(|a, b| a.1.cmp(&b.1));
    names.dedup_by(|a, b| a.1 == b.1);
    let mut suspicious: Vec<(usize, usize)> = Vec::new();
    let mut seen_pairs: HashSet<(usize, usize)> = HashSet::new();
    // Names that differ only in their digits ("Guard 1", "Guard 2") are a series, not a typo.
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    let mut order: Vec<usize> = (0..names.len()).collect();
    for pass in 0..2 {
        if pass == 1 {
            let reversed: Vec<String> = names.iter().map(|n| n.1.chars().rev().collect()).collect();
            order.sort_by(|&a, &b| reversed[a].cmp(&reversed[b]));
        }
        for w in order.windows(2) {
            let (a, b) = (w[0].min(w[1]), w[0].max(w[1]));
            let (na, nb) = (&names[a].1, &names[b].1);
            if na.len() >= 6
                && na.len().abs_diff(nb.len()) <= 2
                && letters(na) != letters(nb)
                && edit_distance(na, nb) <= 2
                && seen_pairs.insert((a, b))
            {
                suspicious.push((a, b));
            }
        }
    }
    for (a, b) in suspicious {
        let (a, b) = (names[a].0, names[b].0);
        c.warn(
            "name",
            b,
            0,
            format!("\"{a}\" and \"{b}\" look like the same name spelled twice"),
            "if they are one entity, keep one entry and list the other spelling in `aliases`"
                .into(),
        );
    }
    // Too few distinct values for good distractors.
    let tables: [(&str, usize); 5] = [
        ("characters", pack.characters.len()),
        ("episodes", pack.episodes.len()),
        ("tracks", pack.tracks.len()),
        (
            "crew",
            pack.crew
                .iter()
                .map(|x| normalise(&x.role))
                .collect::<HashSet<_>>()
                .len(),
        ),
        (
            "places",
            pack.places
                .iter()
                .map(|x| normalise(&x.place))
                .collect::<HashSet<_>>()
                .len(),
        ),
    ];
    for (table, distinct) in tables {
        // Places are asked only from a pool of MIN_PLACES, so say so below it.
        let places = crate::engine::kinds::MIN_PLACES;
        if table == "places" && (4..places).contains(&distinct) {
            c.warn(
                "",
                "places:",
                0,
                format!("`places` has {distinct} filming places: places are asked once a pack has {places}"),
                format!("add {} more filming places, or expect no questions about places", places - distinct),
            );
        }
        if (1..4).contains(&distinct) {
            c.warn(
                "",
                &format!("{table}:"),
                0,
                format!("`{table}` has only {distinct} distinct values: questions about it need 4"),
                format!("add more entries to `{table}`, or expect no questions from it"),
            );
        }
    }
    // A timeline takes at most one event of a chain: count what can meet.
    if pack.dates.len() >= 4 {
        let chains: HashSet<&str> = pack
            .dates
            .iter()
            .filter_map(|d| d.chain.as_deref())
            .collect();
        let unchained = pack.dates.iter().filter(|d| d.chain.is_none()).count();
        let apart = chains.len() + unchained;
        if apart < 4 {
            c.warn(
                "",
                "dates:",
                0,
                format!(
                    "the {} dates can give no timeline question: a timeline never puts two events of one `chain` together, and these make only {apart} groups",
                    pack.dates.len()
                ),
                "give `chain` only to events whose order follows from what they are (filmed, then released), and add dates of other events: a timeline needs 4 that can meet".into(),
            );
        }
    }
    let mut per_relation: HashMap<&str, HashSet<&str>> = HashMap::new();
    for f in &pack.facts {
        per_relation
            .entry(&f.relation)
            .or_default()
            .insert(&f.object);
    }
    for r in &pack.relations {
        let distinct = per_relation.get(r.id.as_str()).map_or(0, |s| s.len());
        if r.asked && distinct < 4 {
            c.warn(
                "id",
                &r.id,
                0,
                format!(
                    "relation \"{}\" has {distinct} distinct objects; distractors need at least 4",
                    r.id
                ),
                format!(
                    "add facts of \"{}\" with other objects: its wrong options are the other objects of the relation, so it needs 4 different ones (more entities do not help)",
                    r.id
                ),
            );
        }
    }
    for r in &pack.relations {
        if r.objects == Objects::SomeListed {
            c.warn(
                "id",
                &r.id,
                0,
                format!("relation \"{}\" lists only some objects, so it is never asked", r.id),
                "wrong options must be known false: list every object of each subject and set `objects: AllListed`".into(),
            );
        }
    }
    for n in &pack.numbers {
        if n.ask.is_none() {
            c.warn(
                "id",
                &n.id,
                0,
                format!("the number \"{}\" has no `ask`", n.id),
                "add `ask: Some(\"How many …?\")`: \"What is the <name>?\" rarely reads well"
                    .into(),
            );
        }
    }
    for a in &pack.albums {
        if a.label.is_none() && (a.title.contains(':') || a.title.contains('(')) {
            c.warn(
                "id",
                &a.id,
                0,
                format!(
                    "the album title \"{}\" reads badly inside a sentence",
                    a.title
                ),
                "add `label: Some(\"the …\")`, how a host would name it in a question".into(),
            );
        }
    }
    // Answers leaking into prompts.
    for e in &pack.episodes {
        let title = normalise(&e.title);
        for p in &e.plot {
            if contains_words(&normalise(p), &title) {
                c.warn(
                    "*",
                    p,
                    0,
                    format!(
                        "the plot fact mentions the episode's own title \"{}\"",
                        e.title
                    ),
                    "rephrase it, or the question about it will be skipped".into(),
                );
            }
        }
    }
    for q in &pack.questions {
        if contains_words(&normalise(&q.prompt), &normalise(&q.answer)) {
            c.warn(
                "prompt",
                &q.prompt,
                0,
                "the answer appears in the prompt".into(),
                "rephrase the prompt so it does not give the answer away".into(),
            );
        }
        let mut labels: Vec<String> = q.wrong.iter().map(|w| normalise(w)).collect();
        labels.push(normalise(&q.answer));
        let distinct: HashSet<&String> = labels.iter().collect();
        if distinct.len() < labels.len() {
            c.warn(
                "prompt",
                &q.prompt,
                0,
                "this hand-written question has duplicate options".into(),
                "make every option different; duplicates are dropped".into(),
            );
        }
    }
    for (i, a) in pack.awards.iter().enumerate() {
        if a.result == AwardResult::Pending {
            let nth = pack.awards[..i]
                .iter()
                .filter(|b| b.category == a.category)
                .count();
            c.warn(
                "category",
                &a.category,
                nth,
                format!(
                    "the result of \"{}\" at the {} {} is Pending",
                    a.category, a.year, a.ceremony
                ),
                "update it to Won or Nominated when known; pending results are not asked".into(),
            );
        }
    }
}

/// Whether `needle` occurs in `hay` as whole words (both already normalised).
pub fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    // Normalised text is short: trying each word start beats a substring
    // searcher's set-up.
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let at = |i: usize| {
        hay[i..].starts_with(needle) && hay.get(i + needle.len()).is_none_or(|&next| next == b' ')
    };
    at(0)
        || hay
            .iter()
            .enumerate()
            .any(|(i, &c)| c == b' ' && hay.len() - i > needle.len() && at(i + 1))
}

#[cfg(test)]
mod tests {
    use super::contains_words;
    use proptest::prelude::*;

    /// The definition: the needle's words appear consecutively among the hay's.
    fn by_words(hay: &str, needle: &str) -> bool {
        let hay: Vec<&str> = hay.split(' ').collect();
        let needle: Vec<&str> = needle.split(' ').collect();
        hay.windows(needle.len()).any(|w| w == needle.as_slice())
    }

    proptest! {
        #[test]
        fn contains_words_matches_whole_words(
            hay in proptest::collection::vec("[ab]{1,3}", 1..6),
            needle in proptest::collection::vec("[ab]{1,3}", 1..3),
        ) {
            let (hay, needle) = (hay.join(" "), needle.join(" "));
            prop_assert_eq!(contains_words(&hay, &needle), by_words(&hay, &needle));
        }
    }

    #[test]
    fn contains_words_needs_word_boundaries() {
        assert!(contains_words("nick and charlie", "charlie"));
        assert!(contains_words("nick and charlie", "nick and"));
        assert!(!contains_words("nick and charlie", "charl"));
        assert!(!contains_words("nick and charlie", "ick"));
        assert!(!contains_words("nick", ""));
    }
}

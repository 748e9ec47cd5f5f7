//! Sheets → pack: names become ids, people and characters are created from
//! the name columns, sources default per sheet, dates are normalised. Every
//! message names the CSV file, row and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::dates;
use super::read::{Row, Table, error, header_key, read_table};
use super::spec::{self, SHEETS, Sheet};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::model::*;
use crate::engine::text::{edit_distance, normalise, parse_duration};

/// A pack built from sheets, with the sheets it was read from.
#[derive(Debug, Clone)]
pub struct Imported {
    pub pack: Pack,
    /// The sheet files found, in reading order.
    pub files: Vec<String>,
    /// Warnings about rows that imported, but not quite as written.
    pub warnings: Vec<Diagnostic>,
}

/// Reads every known sheet in `dir` (missing sheets are empty tables).
pub fn import_dir(dir: &Path) -> Result<Imported, Vec<Diagnostic>> {
    if !dir.is_dir() {
        return Err(vec![error(
            &dir.display().to_string(),
            1,
            1,
            "this is not a folder of sheets".into(),
            "give the folder that holds pack.csv, cast.csv, episodes.csv...",
        )]);
    }
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let known: HashSet<&str> = SHEETS.iter().map(|s| s.file).collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut stray: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.to_lowercase().ends_with(".csv") && !known.contains(n.as_str()))
            .collect();
        stray.sort();
        for name in stray {
            let near = SHEETS
                .iter()
                .map(|s| (edit_distance(&name.to_lowercase(), s.file), s.file))
                .min()
                .filter(|(d, _)| *d <= 3)
                .map(|(_, f)| format!("did you mean {f}? "))
                .unwrap_or_default();
            diags.push(error(
                &dir.join(&name).display().to_string(),
                1,
                1,
                format!("{name} is not one of the pack's sheets, so it is not read"),
                format!(
                    "{near}the sheets are: {}",
                    SHEETS.iter().map(|s| s.file).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    for sheet in SHEETS {
        let path = dir.join(sheet.file);
        if let Ok(bytes) = std::fs::read(&path) {
            files.push((path.display().to_string(), bytes));
        }
    }
    let named: Vec<(String, &[u8])> = files.iter().map(|(n, b)| (n.clone(), &b[..])).collect();
    match import_sheets(&named) {
        Ok(i) if diags.is_empty() => Ok(i),
        Ok(_) => Err(diags),
        Err(mut d) => {
            diags.append(&mut d);
            Err(diags)
        }
    }
}

/// Builds a pack from sheets given as (path, bytes); a sheet is known by its
/// file name (`cast.csv`...), the path is what messages show.
pub fn import_sheets(files: &[(String, &[u8])]) -> Result<Imported, Vec<Diagnostic>> {
    let mut tables: HashMap<&'static str, Table> = HashMap::new();
    let mut diags = Vec::new();
    let mut found = Vec::new();
    for (path, bytes) in files {
        let name = Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(path);
        let Some(sheet) = SHEETS.iter().find(|s| s.file == name) else {
            diags.push(error(
                path,
                1,
                1,
                format!("{name} is not one of the pack's sheets"),
                "rename it to one of the sheet names in docs/packs.md",
            ));
            continue;
        };
        match read_table(sheet, path, bytes) {
            Ok(t) => {
                found.push(path.clone());
                tables.insert(sheet.file, t);
            }
            Err(mut d) => diags.append(&mut d),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut b = Builder::default();
    for sheet in SHEETS {
        if let Some(table) = tables.get(sheet.file) {
            b.table(table);
        } else if sheet.file == spec::PACK.file {
            b.diags.push(error(
                "pack.csv",
                1,
                1,
                "the pack has no pack.csv".into(),
                "add pack.csv with the rows id and title (`leafquiz new --csv DIR` writes one)",
            ));
        }
    }
    if b.diags.is_empty() {
        Ok(Imported {
            pack: b.pack,
            files: found,
            warnings: b.warnings,
        })
    } else {
        Err(b.diags)
    }
}

/// Where a row came from, for messages.
struct At<'a> {
    file: &'a str,
    row: &'a Row,
}

impl At<'_> {
    fn err(&self, column: &str, message: String, help: impl Into<String>) -> Diagnostic {
        error(
            self.file,
            self.row.line,
            self.row.column(column),
            message,
            help,
        )
    }
}

#[derive(Default)]
struct Builder {
    pack: Pack,
    diags: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    ids: HashSet<String>,
    people: HashMap<String, usize>,
    characters: HashMap<String, usize>,
    /// (name, kind) → index; kind "" is not used.
    entities: HashMap<(String, String), usize>,
    relations: HashMap<String, usize>,
    albums: HashMap<String, usize>,
    episodes: HashMap<(u32, u32), usize>,
    episode_titles: HashMap<String, Vec<usize>>,
    episode_rows: HashMap<(u32, u32), usize>,
    sources: HashMap<String, String>,
    default_source: HashMap<String, String>,
    role_group: HashMap<usize, (Option<Group>, String, usize)>,
}

/// An id from a name: lower-case ASCII letters, digits and underscores.
pub(super) fn slug(name: &str) -> String {
    let s: String = normalise(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut out = String::new();
    for part in s.split('_').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(part);
    }
    out.truncate(48);
    out.trim_end_matches('_').to_string()
}

/// The items of a list cell: separated by `;` (or new lines).
pub(super) fn list(cell: &str) -> Vec<String> {
    cell.split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn key(name: &str) -> String {
    normalise(name)
}

fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let n = key(name);
    candidates
        .map(|c| (edit_distance(&n, &key(c)), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 4))
        .min()
        .map(|(_, c)| c)
}

impl Builder {
    fn fresh_id(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() {
            fallback.to_string()
        } else {
            base.to_string()
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }

    fn table(&mut self, t: &Table) {
        let f: fn(&mut Builder, &At) = match t.sheet.file {
            "pack.csv" => Builder::meta_row,
            "sources.csv" => Builder::source_row,
            "people.csv" => Builder::person_row,
            "characters.csv" => Builder::character_row,
            "entities.csv" => Builder::entity_row,
            "relations.csv" => Builder::relation_row,
            "episodes.csv" => Builder::episode_row,
            "plot.csv" => Builder::plot_row,
            "cast.csv" => Builder::cast_row,
            "albums.csv" => Builder::album_row,
            "tracks.csv" => Builder::track_row,
            "crew.csv" => Builder::crew_row,
            "awards.csv" => Builder::award_row,
            "places.csv" => Builder::place_row,
            "numbers.csv" => Builder::number_row,
            "dates.csv" => Builder::date_row,
            "facts.csv" => Builder::fact_row,
            "questions.csv" => Builder::question_row,
            _ => return,
        };
        for row in &t.rows {
            f(self, &At { file: &t.file, row });
        }
        if t.sheet.file == "pack.csv" {
            for field in ["id", "title"] {
                let empty = match field {
                    "id" => self.pack.meta.id.is_empty(),
                    _ => self.pack.meta.title.is_empty(),
                };
                if empty {
                    self.diags.push(error(
                        &t.file,
                        1,
                        1,
                        format!("pack.csv has no row \"{field}\""),
                        format!("add a row: {field},<value>"),
                    ));
                }
            }
        }
        if t.sheet.file == "cast.csv" {
            self.check_groups(&t.file);
        }
    }

    // ------------------------------------------------------------ cells

    fn required(&mut self, at: &At, column: &str) -> Option<String> {
        let v = at.row.get(column);
        if v.is_empty() {
            self.diags.push(at.err(
                column,
                format!("the \"{column}\" cell is empty"),
                format!("fill in the {column}, or delete the row"),
            ));
            None
        } else {
            Some(v.to_string())
        }
    }

    fn optional(at: &At, column: &str) -> Option<String> {
        Some(at.row.get(column).to_string()).filter(|s| !s.is_empty())
    }

    fn whole(&mut self, at: &At, column: &str) -> Option<u32> {
        let v = at.row.get(column);
        if v.is_empty() {
            return None;
        }
        match v.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.diags.push(at.err(
                    column,
                    format!("\"{v}\" in \"{column}\" is not a whole number"),
                    "write a whole number such as 3",
                ));
                None
            }
        }
    }

    fn real(&mut self, at: &At, column: &str) -> Option<f64> {
        let v = at.row.get(column);
        if v.is_empty() {
            return None;
        }
        // Thousands separators are common in spreadsheets ("1,250,000").
        let plain: String = v.chars().filter(|c| *c != ',' && *c != '_').collect();
        match plain.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.diags.push(at.err(
                    column,
                    format!("\"{v}\" in \"{column}\" is not a number"),
                    "write the number alone, e.g. 4.5 or 1250000; the unit goes in \"unit\"",
                ));
                None
            }
        }
    }

    fn flag(&mut self, at: &At, column: &str) -> bool {
        match at.row.get(column).to_lowercase().as_str() {
            "" | "no" | "n" | "false" | "0" => false,
            "yes" | "y" | "true" | "1" | "x" => true,
            other => {
                self.diags.push(at.err(
                    column,
                    format!("\"{other}\" in \"{column}\" is not yes or no"),
                    "write yes (or x) or leave the cell empty",
                ));
                false
            }
        }
    }

    fn interest(&mut self, at: &At) -> Option<u8> {
        let n = self.whole(at, "interest")?;
        if (1..=5).contains(&n) {
            Some(n as u8)
        } else {
            self.diags.push(at.err(
                "interest",
                format!("interest {n} is out of range"),
                "interest goes from 1 (only devoted fans care) to 5 (everyone knows it)",
            ));
            None
        }
    }

    fn seasons(&mut self, at: &At) -> Vec<u32> {
        let cell = at.row.get("seasons");
        let mut out = Vec::new();
        for part in cell
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let range = part.split_once(['-', '–']);
            let parsed = match range {
                Some((a, b)) => a
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .zip(b.trim().parse::<u32>().ok())
                    .filter(|(a, b)| a <= b && b - a < 100)
                    .map(|(a, b)| (a..=b).collect::<Vec<_>>()),
                None => part.parse::<u32>().ok().map(|n| vec![n]),
            };
            match parsed {
                Some(ns) => out.extend(ns),
                None => {
                    self.diags.push(at.err(
                        "seasons",
                        format!("\"{part}\" in \"seasons\" is not a season number"),
                        "write season numbers separated by ; (1; 2) or a range (1-3), or leave it empty for all",
                    ));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn date(&mut self, at: &At, column: &str) -> Option<String> {
        let v = at.row.get(column);
        if v.is_empty() {
            return None;
        }
        match dates::parse(v) {
            Ok(d) => Some(d),
            Err(e) => {
                self.diags
                    .push(at.err(column, format!("\"{column}\": {e}"), ""));
                None
            }
        }
    }

    fn source(&mut self, at: &At, sheet: &Sheet) -> String {
        let v = at.row.get("source");
        if v.is_empty() {
            return self
                .default_source
                .get(sheet.file)
                .or_else(|| self.default_source.get("all"))
                .cloned()
                .unwrap_or_default();
        }
        if let Some(id) = self.sources.get(&key(v)) {
            return id.clone();
        }
        let near = did_you_mean(v, self.pack.meta.sources.iter().map(|s| s.id.as_str()));
        self.diags.push(at.err(
            "source",
            format!("the source \"{v}\" is not in sources.csv"),
            match near {
                Some(n) => format!("did you mean \"{n}\"? (or add \"{v}\" to sources.csv)"),
                None => format!("add a row for \"{v}\" to sources.csv"),
            },
        ));
        String::new()
    }

    // ------------------------------------------------------------ lookups

    /// The person of a name, created (with this row's source) when new.
    fn person(&mut self, name: &str, source: &str) -> String {
        if let Some(&i) = self.people.get(&key(name)) {
            return self.pack.people[i].id.clone();
        }
        let id = self.fresh_id(&slug(name), "person");
        self.people.insert(key(name), self.pack.people.len());
        self.pack.people.push(Person {
            id: id.clone(),
            name: name.to_string(),
            aliases: vec![],
            plural: false,
            source: source.to_string(),
        });
        id
    }

    fn episode(&mut self, at: &At, column: &str) -> Option<String> {
        let v = at.row.get(column);
        if v.is_empty() {
            return None;
        }
        if let Some(code) = episode_code(v) {
            if let Some(&i) = self.episodes.get(&code) {
                return Some(self.pack.episodes[i].id.clone());
            }
            self.diags.push(at.err(
                column,
                format!(
                    "there is no season {} episode {} in episodes.csv",
                    code.0, code.1
                ),
                "add the episode to episodes.csv, or fix the code (S1E4 is season 1, episode 4)",
            ));
            return None;
        }
        match self.episode_titles.get(&key(v)).map(Vec::as_slice) {
            Some([i]) => Some(self.pack.episodes[*i].id.clone()),
            Some(_) => {
                self.diags.push(at.err(
                    column,
                    format!("several episodes are titled \"{v}\""),
                    "write the episode as a code, e.g. S1E4",
                ));
                None
            }
            None => {
                let near = did_you_mean(v, self.pack.episodes.iter().map(|e| e.title.as_str()));
                self.diags.push(at.err(
                    column,
                    format!("no episode in episodes.csv is titled \"{v}\""),
                    match near {
                        Some(n) => format!("did you mean \"{n}\"? (or write a code such as S1E4)"),
                        None => "write the episode's title as in episodes.csv, or a code such as S1E4"
                            .into(),
                    },
                ));
                None
            }
        }
    }

    // ------------------------------------------------------------ sheets

    fn meta_row(&mut self, at: &At) {
        let field = at.row.get("field").to_lowercase();
        let value = at.row.get("value").to_string();
        let m = &mut self.pack.meta;
        match field.as_str() {
            "id" => m.id = value,
            "title" => m.title = value,
            "series" => m.series = Some(value).filter(|v| !v.is_empty()),
            "season word" | "season_word" => {
                m.season_word = Some(value.to_lowercase()).filter(|v| !v.is_empty())
            }
            "description" => m.description = value,
            "version" => m.version = value,
            "language" => m.language = value,
            "authors" => m.authors = list(&value),
            "licence" | "license" => m.licence = value,
            other => self.diags.push(at.err(
                "field",
                format!("pack.csv has no field \"{other}\""),
                "its fields are: id, title, series, season word, description, version, language, authors, licence",
            )),
        }
    }

    fn source_row(&mut self, at: &At) {
        let Some(name) = self.required(at, "source") else {
            return;
        };
        let title = self.required(at, "title").unwrap_or_default();
        if self.sources.contains_key(&key(&name)) {
            self.diags.push(at.err(
                "source",
                format!("the source \"{name}\" is listed twice"),
                "give each source its own short name",
            ));
            return;
        }
        let id = self.fresh_id(&slug(&name), "source");
        self.sources.insert(key(&name), id.clone());
        for sheet in list(at.row.get("default for")) {
            let file = sheet.to_lowercase();
            let file = if file == "all" || file.ends_with(".csv") {
                file
            } else {
                format!("{file}.csv")
            };
            if file != "all" && !SHEETS.iter().any(|s| s.file == file) {
                self.diags.push(at.err(
                    "default for",
                    format!("\"{sheet}\" in \"default for\" is not a sheet"),
                    format!(
                            "write all, or sheet names separated by ; ({})",
                            SHEETS
                                .iter()
                                .map(|s| s.file.trim_end_matches(".csv"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                ));
            } else if let Some(other) = self.default_source.insert(file.clone(), id.clone()) {
                self.diags.push(at.err(
                    "default for",
                    format!("{file} already takes \"{other}\" as its default source"),
                    "give each sheet one default source",
                ));
            }
        }
        self.pack.meta.sources.push(Source {
            id,
            title,
            note: Self::optional(at, "note"),
        });
    }

    fn person_row(&mut self, at: &At) {
        let Some(name) = self.required(at, "name") else {
            return;
        };
        let source = self.source(at, &spec::PEOPLE);
        if self.people.contains_key(&key(&name)) {
            self.diags.push(at.err(
                "name",
                format!("\"{name}\" is listed twice in people.csv (or is another person's alias)"),
                "keep one row per person; write other spellings under aliases",
            ));
            return;
        }
        let id = self.person(&name, &source);
        let i = self.people[&key(&name)];
        let aliases = list(at.row.get("aliases"));
        for a in &aliases {
            self.people.entry(key(a)).or_insert(i);
        }
        let plural = self.flag(at, "plural");
        let p = &mut self.pack.people[i];
        debug_assert_eq!(p.id, id);
        p.aliases = aliases;
        p.plural = plural;
    }

    fn group(&mut self, at: &At, column: &str) -> Option<Group> {
        match at.row.get(column).to_lowercase().as_str() {
            "" => None,
            "main" => Some(Group::Main),
            "recurring" => Some(Group::Recurring),
            "guest" => Some(Group::Guest),
            other => {
                self.diags.push(at.err(
                    column,
                    format!("\"{other}\" is not a group"),
                    "write Main, Recurring or Guest",
                ));
                None
            }
        }
    }

    fn new_character(&mut self, name: &str, group: Option<Group>, source: String) -> usize {
        let id = self.fresh_id(&slug(name), "character");
        let i = self.pack.characters.len();
        self.characters.insert(key(name), i);
        self.pack.characters.push(Character {
            id,
            name: name.to_string(),
            aliases: vec![],
            group: group.unwrap_or(Group::Main),
            description: None,
            pronouns: None,
            age: None,
            source,
        });
        i
    }

    fn character_row(&mut self, at: &At) {
        let Some(name) = self.required(at, "character") else {
            return;
        };
        let source = self.source(at, &spec::CHARACTERS);
        if self.characters.contains_key(&key(&name)) {
            self.diags.push(at.err(
                "character",
                format!(
                    "\"{name}\" is listed twice in characters.csv (or is another character's alias)"
                ),
                "keep one row per character; write other names under aliases",
            ));
            return;
        }
        let group = self.group(at, "group");
        if group.is_none() && at.row.get("group").is_empty() {
            self.diags.push(at.err(
                "group",
                format!("\"{name}\" has no group"),
                "write Main, Recurring or Guest",
            ));
        }
        let age = match at.row.get("age").to_lowercase().as_str() {
            "" => None,
            "child" => Some(AgeGroup::Child),
            "teen" => Some(AgeGroup::Teen),
            "adult" => Some(AgeGroup::Adult),
            other => {
                self.diags.push(at.err(
                    "age",
                    format!("\"{other}\" is not an age group"),
                    "write Child, Teen or Adult, or leave it empty",
                ));
                None
            }
        };
        let i = self.new_character(&name, group, source);
        let aliases = list(at.row.get("aliases"));
        for a in &aliases {
            self.characters.entry(key(a)).or_insert(i);
        }
        let c = &mut self.pack.characters[i];
        c.aliases = aliases;
        c.description = Self::optional(at, "description");
        c.pronouns = Self::optional(at, "pronouns");
        c.age = age;
        // A group written in characters.csv is settled.
        self.role_group
            .insert(i, (group, at.file.to_string(), at.row.line));
    }

    fn entity_row(&mut self, at: &At) {
        let (Some(name), Some(kind)) = (self.required(at, "name"), self.required(at, "kind"))
        else {
            return;
        };
        let source = self.source(at, &spec::ENTITIES);
        let k = (key(&name), key(&kind));
        if self.entities.contains_key(&k) {
            self.diags.push(at.err(
                "name",
                format!("the {kind} \"{name}\" is listed twice in entities.csv"),
                "keep one row per entity",
            ));
            return;
        }
        let i = self.new_entity(&name, &kind, &source);
        let aliases = list(at.row.get("aliases"));
        let plural = self.flag(at, "plural");
        let e = &mut self.pack.entities[i];
        e.aliases = aliases;
        e.plural = plural;
    }

    fn new_entity(&mut self, name: &str, kind: &str, source: &str) -> usize {
        let id = self.fresh_id(&slug(name), "entity");
        let i = self.pack.entities.len();
        self.entities.insert((key(name), key(kind)), i);
        self.pack.entities.push(Entity {
            id,
            name: name.to_string(),
            kind: kind.to_string(),
            aliases: vec![],
            plural: false,
            source: source.to_string(),
        });
        i
    }

    fn relation_row(&mut self, at: &At) {
        let (Some(name), Some(statement)) = (
            self.required(at, "relation"),
            self.required(at, "statement"),
        ) else {
            return;
        };
        if self.relations.contains_key(&key(&name)) {
            self.diags.push(at.err(
                "relation",
                format!("the relation \"{name}\" is listed twice"),
                "keep one row per relation",
            ));
            return;
        }
        let objects = match header_key(at.row.get("objects")).as_str() {
            "" | "one" => Objects::One,
            "alllisted" | "all" => Objects::AllListed,
            "somelisted" | "some" => Objects::SomeListed,
            other => {
                self.diags.push(at.err(
                    "objects",
                    format!("\"{other}\" is not how many objects a subject has"),
                    "write One (each subject has one), AllListed (several, all in the sheet) or SomeListed (several, only some in the sheet)",
                ));
                Objects::One
            }
        };
        let asked = at.row.get("asked").is_empty() || self.flag(at, "asked");
        let id = self.fresh_id(&slug(&name), "relation");
        self.relations.insert(key(&name), self.pack.relations.len());
        self.pack.relations.push(RelationDef {
            id,
            ask_object: at.row.get("ask object").to_string(),
            ask_subject: Self::optional(at, "ask subject"),
            ask_not: Self::optional(at, "ask not"),
            statement,
            objects,
            asked,
        });
    }

    fn episode_row(&mut self, at: &At) {
        let (Some(season), Some(number)) = (self.whole(at, "season"), self.whole(at, "number"))
        else {
            for c in ["season", "number"] {
                if at.row.get(c).is_empty() {
                    self.required(at, c);
                }
            }
            return;
        };
        let Some(title) = self.required(at, "title") else {
            return;
        };
        if let Some(first) = self.episode_rows.get(&(season, number)) {
            self.diags.push(at.err(
                "number",
                format!(
                    "season {season} episode {number} is also on row {first}: two episodes have the same number"
                ),
                "renumber one of them",
            ));
            return;
        }
        let source = self.source(at, &spec::EPISODES);
        let directors = list(at.row.get("directors"))
            .iter()
            .map(|n| self.person(n, &source))
            .collect();
        let writers = list(at.row.get("writers"))
            .iter()
            .map(|n| self.person(n, &source))
            .collect();
        let released = self.date(at, "released");
        let interest = self.interest(at);
        let id = self.fresh_id(&format!("s{season}e{number}"), "episode");
        let i = self.pack.episodes.len();
        self.episodes.insert((season, number), i);
        self.episode_rows.insert((season, number), at.row.line);
        self.episode_titles.entry(key(&title)).or_default().push(i);
        self.pack.episodes.push(Episode {
            id,
            season,
            number,
            title,
            directors,
            writers,
            released,
            plot: vec![],
            source,
            interest,
        });
    }

    fn plot_row(&mut self, at: &At) {
        let Some(what) = self.required(at, "what happens") else {
            return;
        };
        let Some(id) = self.episode(at, "episode") else {
            if at.row.get("episode").is_empty() {
                self.required(at, "episode");
            }
            return;
        };
        // Plot lines share the episode's source; a different one is noted.
        let source = self.source(at, &spec::PLOT);
        if let Some(e) = self.pack.episodes.iter_mut().find(|e| e.id == id) {
            if e.source.is_empty() {
                e.source = source;
            } else if !source.is_empty() && source != e.source {
                let mut w = at.err(
                    "source",
                    format!(
                        "this plot line's source \"{source}\" is not its episode's (\"{}\"): a pack keeps one source per episode, so the episode's is used",
                        e.source
                    ),
                    "give the episode in episodes.csv the source its plot lines come from, or leave this cell empty",
                );
                w.severity = crate::engine::diagnostic::Severity::Warning;
                self.warnings.push(w);
            }
            e.plot.push(what);
        }
    }

    fn cast_row(&mut self, at: &At) {
        let (Some(actor), Some(character)) =
            (self.required(at, "actor"), self.required(at, "character"))
        else {
            return;
        };
        let source = self.source(at, &spec::CAST);
        let group = self.group(at, "group");
        let actor = self.person(&actor, &source);
        let ci = match self.characters.get(&key(&character)) {
            Some(&i) => i,
            None => self.new_character(&character, group, source.clone()),
        };
        match self.role_group.get(&ci) {
            Some((Some(settled), file, line)) if group.is_some_and(|g| g != *settled) => {
                let (file, line) = (file.clone(), *line);
                self.diags.push(at.err(
                    "group",
                    format!(
                        "{character} is {settled:?} in {file} row {line} but {:?} here",
                        group.unwrap_or(Group::Main)
                    ),
                    "give a character one group",
                ));
            }
            Some((Some(_), _, _)) => {}
            _ => {
                self.role_group
                    .insert(ci, (group, at.file.to_string(), at.row.line));
                if let Some(g) = group {
                    self.pack.characters[ci].group = g;
                }
            }
        }
        let seasons = self.seasons(at);
        let voice = self.flag(at, "voice");
        let cameo = self.flag(at, "cameo");
        let interest = self.interest(at);
        self.pack.roles.push(Role {
            actor,
            character: self.pack.characters[ci].id.clone(),
            seasons,
            voice,
            cameo,
            source,
            interest,
        });
    }

    /// Characters created by cast.csv need a group from some row.
    fn check_groups(&mut self, file: &str) {
        let missing: Vec<(String, usize)> = self
            .role_group
            .values()
            .filter(|(g, f, _)| g.is_none() && f == file)
            .map(|(_, f, line)| (f.clone(), *line))
            .collect();
        let mut missing = missing;
        missing.sort();
        for (f, line) in missing {
            let column = 1;
            self.diags.push(error(
                &f,
                line,
                column,
                "this character has no group".into(),
                "write Main, Recurring or Guest in the group column (here or in characters.csv)",
            ));
        }
    }

    fn album(&mut self, title: &str, source: &str) -> usize {
        if let Some(&i) = self.albums.get(&key(title)) {
            return i;
        }
        let id = self.fresh_id(&slug(title), "album");
        let i = self.pack.albums.len();
        self.albums.insert(key(title), i);
        self.pack.albums.push(Album {
            id,
            title: title.to_string(),
            artists: vec![],
            label: None,
            released: None,
            source: source.to_string(),
        });
        i
    }

    fn album_row(&mut self, at: &At) {
        let Some(title) = self.required(at, "album") else {
            return;
        };
        let source = self.source(at, &spec::ALBUMS);
        if self.albums.contains_key(&key(&title)) {
            self.diags.push(at.err(
                "album",
                format!("the album \"{title}\" is listed twice"),
                "keep one row per album",
            ));
            return;
        }
        let i = self.album(&title, &source);
        let artists = list(at.row.get("artists"))
            .iter()
            .map(|n| self.person(n, &source))
            .collect();
        let released = self.date(at, "released");
        let a = &mut self.pack.albums[i];
        a.artists = artists;
        a.label = Self::optional(at, "label");
        a.released = released;
    }

    fn track_row(&mut self, at: &At) {
        let (Some(album), Some(title)) = (self.required(at, "album"), self.required(at, "title"))
        else {
            return;
        };
        let Some(number) = self.whole(at, "number") else {
            if at.row.get("number").is_empty() {
                self.required(at, "number");
            }
            return;
        };
        let source = self.source(at, &spec::TRACKS);
        let ai = self.album(&album, &source);
        let artists = list(at.row.get("artists"))
            .iter()
            .map(|n| self.person(n, &source))
            .collect();
        let duration = Self::optional(at, "duration");
        if let Some(d) = &duration
            && parse_duration(d).is_none()
        {
            self.diags.push(at.err(
                "duration",
                format!("\"{d}\" is not a track length"),
                "write minutes and seconds as m:ss, e.g. 3:21 (a spreadsheet may need the cell formatted as text)",
            ));
        }
        let interest = self.interest(at);
        self.pack.tracks.push(Track {
            album: self.pack.albums[ai].id.clone(),
            number,
            title,
            artists,
            duration,
            source,
            interest,
        });
    }

    fn crew_row(&mut self, at: &At) {
        let (Some(role), Some(person)) = (self.required(at, "role"), self.required(at, "person"))
        else {
            return;
        };
        let source = self.source(at, &spec::CREW);
        let person = self.person(&person, &source);
        let seasons = self.seasons(at);
        let interest = self.interest(at);
        self.pack.crew.push(Credit {
            role,
            person,
            seasons,
            work: Self::optional(at, "work"),
            source,
            interest,
        });
    }

    fn award_row(&mut self, at: &At) {
        let year = self.whole(at, "year");
        let (Some(ceremony), Some(category)) =
            (self.required(at, "ceremony"), self.required(at, "category"))
        else {
            return;
        };
        let result = match at.row.get("result").to_lowercase().as_str() {
            "won" | "win" | "winner" => Some(AwardResult::Won),
            "nominated" | "nominee" | "nomination" => Some(AwardResult::Nominated),
            "pending" => Some(AwardResult::Pending),
            other => {
                self.diags.push(at.err(
                    "result",
                    format!("\"{other}\" is not an award result"),
                    "write Won, Nominated or Pending",
                ));
                None
            }
        };
        let source = self.source(at, &spec::AWARDS);
        let series = self.pack.meta.series.clone().unwrap_or_default();
        let mut nominees = Vec::new();
        for n in list(at.row.get("nominees")) {
            let work = n
                .strip_prefix(['"', '“'])
                .and_then(|w| w.strip_suffix(['"', '”']));
            nominees.push(match work {
                Some(w) => Nominee::Work(w.trim().to_string()),
                None if key(&n) == "series" || (!series.is_empty() && key(&n) == key(&series)) => {
                    Nominee::Series
                }
                None => Nominee::Person(self.person(&n, &source)),
            });
        }
        if nominees.is_empty() {
            self.required(at, "nominees");
        }
        let interest = self.interest(at);
        let (Some(year), Some(result)) = (year, result) else {
            if at.row.get("year").is_empty() {
                self.required(at, "year");
            }
            return;
        };
        self.pack.awards.push(Award {
            year: year as i32,
            ceremony,
            category,
            nominees,
            result,
            source,
            interest,
        });
    }

    fn place_row(&mut self, at: &At) {
        let (Some(place), Some(filmed)) = (self.required(at, "place"), self.required(at, "filmed"))
        else {
            return;
        };
        let source = self.source(at, &spec::PLACES);
        let episode = self.episode(at, "episode");
        let interest = self.interest(at);
        self.pack.places.push(FilmingPlace {
            place,
            location: Self::optional(at, "location"),
            filmed,
            at: Self::optional(at, "at"),
            episode,
            source,
            interest,
        });
    }

    fn number_row(&mut self, at: &At) {
        let Some(name) = self.required(at, "name") else {
            return;
        };
        let value = self.real(at, "value");
        if at.row.get("value").is_empty() {
            self.required(at, "value");
        }
        let precision = self.whole(at, "precision").unwrap_or(0);
        let (min, max) = (self.real(at, "min"), self.real(at, "max"));
        let source = self.source(at, &spec::NUMBERS);
        let episode = self.episode(at, "episode");
        let interest = self.interest(at);
        let statement = Self::optional(at, "statement");
        if let Some(s) = &statement
            && !s.contains("{value}")
        {
            self.diags.push(at.err(
                "statement",
                "the statement has no {value}".into(),
                "write {value} where the number goes: \"The first season has {value}.\"",
            ));
        }
        let Some(value) = value else { return };
        if value < min.unwrap_or(f64::NEG_INFINITY) || value > max.unwrap_or(f64::INFINITY) {
            self.diags.push(at.err(
                "value",
                format!("the value {value} is outside min..max"),
                "fix the value, min or max",
            ));
        }
        let id = self.fresh_id(&slug(&name), "number");
        self.pack.numbers.push(Quantity {
            id,
            name,
            value,
            unit: at.row.get("unit").to_string(),
            precision: precision.min(255) as u8,
            ask: Self::optional(at, "ask"),
            statement,
            min,
            max,
            episode,
            source,
            interest,
        });
    }

    fn date_row(&mut self, at: &At) {
        let Some(event) = self.required(at, "event") else {
            return;
        };
        let date = self.date(at, "date");
        if at.row.get("date").is_empty() {
            self.required(at, "date");
        }
        let source = self.source(at, &spec::DATES);
        let interest = self.interest(at);
        let Some(date) = date else { return };
        let id = self.fresh_id(&slug(&event), "date");
        self.pack.dates.push(DatedEvent {
            id,
            event,
            date,
            chain: Self::optional(at, "chain"),
            source,
            interest,
        });
    }

    /// A fact's subject or object: by its kind column when given, else any
    /// entity, character, person, episode or album of that name.
    fn thing(&mut self, at: &At, column: &str, kind_column: &str, source: &str) -> Option<String> {
        let name = self.required(at, column)?;
        let kind = at.row.get(kind_column).to_string();
        match key(&kind).as_str() {
            "person" => return Some(self.person(&name, source)),
            "character" => {
                return match self.characters.get(&key(&name)) {
                    Some(&i) => Some(self.pack.characters[i].id.clone()),
                    None => {
                        let near = did_you_mean(
                            &name,
                            self.pack.characters.iter().map(|c| c.name.as_str()),
                        );
                        self.diags.push(at.err(
                            column,
                            format!("no character is called \"{name}\""),
                            match near {
                                Some(n) => format!("did you mean \"{n}\"? (characters come from characters.csv and cast.csv)"),
                                None => "add the character to characters.csv (with its group)".into(),
                            },
                        ));
                        None
                    }
                };
            }
            "episode" => return self.episode(at, column),
            "album" => {
                return match self.albums.get(&key(&name)) {
                    Some(&i) => Some(self.pack.albums[i].id.clone()),
                    None => {
                        self.diags.push(at.err(
                            column,
                            format!("no album is called \"{name}\""),
                            "add it to albums.csv",
                        ));
                        None
                    }
                };
            }
            "" => {}
            _ => {
                let k = (key(&name), key(&kind));
                let i = match self.entities.get(&k) {
                    Some(&i) => i,
                    None => self.new_entity(&name, &kind, source),
                };
                return Some(self.pack.entities[i].id.clone());
            }
        }
        // No kind: whatever the name is, if it is one thing.
        let n = key(&name);
        let mut found: Vec<(String, &str)> = Vec::new();
        for ((en, ek), &i) in &self.entities {
            if *en == n {
                let _ = ek;
                found.push((self.pack.entities[i].id.clone(), "entities.csv"));
            }
        }
        if let Some(&i) = self.characters.get(&n) {
            found.push((self.pack.characters[i].id.clone(), "characters"));
        }
        if let Some(&i) = self.people.get(&n) {
            found.push((self.pack.people[i].id.clone(), "people"));
        }
        if let Some(&i) = self.albums.get(&n) {
            found.push((self.pack.albums[i].id.clone(), "albums"));
        }
        match found.len() {
            1 => Some(found.remove(0).0),
            0 => {
                let all = self
                    .pack
                    .entities
                    .iter()
                    .map(|e| e.name.as_str())
                    .chain(self.pack.characters.iter().map(|c| c.name.as_str()))
                    .chain(self.pack.people.iter().map(|p| p.name.as_str()));
                let near = did_you_mean(&name, all);
                self.diags.push(at.err(
                    column,
                    format!("\"{name}\" is not in entities.csv, and no person, character or album has that name"),
                    match near {
                        Some(n) => format!("did you mean \"{n}\"? or write its kind (city, band, planet...) in \"{kind_column}\" to create it"),
                        None => format!("write its kind (city, band, planet...) in \"{kind_column}\" to create it, or add it to entities.csv"),
                    },
                ));
                None
            }
            _ => {
                let tables: Vec<&str> = found.iter().map(|(_, t)| *t).collect();
                self.diags.push(at.err(
                    column,
                    format!("\"{name}\" names more than one thing ({})", tables.join(", ")),
                    format!("write which one in \"{kind_column}\": person, character, album, or the entity's kind"),
                ));
                None
            }
        }
    }

    fn fact_row(&mut self, at: &At) {
        let source = self.source(at, &spec::FACTS);
        let subject = self.thing(at, "subject", "subject kind", &source);
        let relation = self.required(at, "relation").and_then(|r| {
            match self.relations.get(&key(&r)) {
                Some(&i) => Some(self.pack.relations[i].id.clone()),
                None => {
                    let near = did_you_mean(
                        &r,
                        self.pack.relations.iter().map(|x| x.id.as_str()),
                    );
                    self.diags.push(at.err(
                        "relation",
                        format!("the relation \"{r}\" is not in relations.csv"),
                        match near {
                            Some(n) => format!("did you mean \"{n}\"? (or add \"{r}\" to relations.csv with its questions)"),
                            None => format!("add \"{r}\" to relations.csv with how to ask it and state it"),
                        },
                    ));
                    None
                }
            }
        });
        let object = self.thing(at, "object", "object kind", &source);
        let episode = self.episode(at, "episode");
        let interest = self.interest(at);
        if let (Some(subject), Some(relation), Some(object)) = (subject, relation, object) {
            self.pack.facts.push(CustomFact {
                subject,
                relation,
                object,
                episode,
                source,
                interest,
            });
        }
    }

    fn question_row(&mut self, at: &At) {
        let (Some(prompt), Some(answer)) =
            (self.required(at, "prompt"), self.required(at, "answer"))
        else {
            return;
        };
        let wrong: Vec<String> = ["wrong 1", "wrong 2", "wrong 3"]
            .iter()
            .filter_map(|c| Self::optional(at, c))
            .collect();
        if wrong.is_empty() {
            self.required(at, "wrong 1");
        }
        let difficulty = match at.row.get("difficulty") {
            "" => None,
            v => match v.parse::<f32>() {
                Ok(d) if (0.0..=1.0).contains(&d) => Some(d),
                _ => {
                    self.diags.push(at.err(
                        "difficulty",
                        format!("\"{v}\" is not a difficulty"),
                        "write a number from 0 (easy) to 1 (hard), or leave it empty",
                    ));
                    None
                }
            },
        };
        let source = self.source(at, &spec::QUESTIONS);
        let episode = self.episode(at, "episode");
        let interest = self.interest(at);
        self.pack.questions.push(HandWritten {
            prompt,
            answer,
            wrong,
            explanation: Self::optional(at, "explanation"),
            difficulty,
            episode,
            source,
            interest,
        });
    }
}

/// "S1E4", "s01e04", "1x04" → (1, 4).
pub(super) fn episode_code(v: &str) -> Option<(u32, u32)> {
    let l = v.trim().to_lowercase();
    let (s, e) = if let Some(rest) = l.strip_prefix('s') {
        rest.split_once('e')?
    } else {
        l.split_once('x')?
    };
    Some((s.trim().parse().ok()?, e.trim().parse().ok()?))
}

//! The command-line tools: check, ask, stats, new, import, export.

mod sheets;
pub use sheets::{export_csv, import_csv, new_csv};

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::engine::diagnostic::{Severity, render};
use crate::engine::{Difficulty, opentdb};
use crate::engine::{
    FactBase, LoadedPack, PackError, QuestionKind, Session, SessionConfig, SpoilerHorizon, load_all,
};

pub use crate::engine::load::default_pack_dir;

/// Prints every diagnostic of the failed packs to stderr.
pub fn report_errors(errors: &[PackError]) {
    let color = std::env::var_os("NO_COLOR").is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stderr());
    for e in errors {
        eprint!("{}", render(&e.diagnostics, &e.source_text, color));
        eprintln!("skipped pack {}", e.path.display());
    }
}

/// `leafquiz check`: exit 0 when every pack is valid (and, with `strict`, lint-free).
pub fn check(paths: &[PathBuf], strict: bool) -> i32 {
    let paths = if paths.is_empty() {
        vec![default_pack_dir()]
    } else {
        paths.to_vec()
    };
    let (good, bad) = load_all(&paths);
    report_errors(&bad);
    let color = std::env::var_os("NO_COLOR").is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut warnings = 0;
    for p in &good {
        if !p.warnings.is_empty() {
            let text = std::fs::read_to_string(&p.path).unwrap_or_default();
            eprint!("{}", render(&p.warnings, &text, color));
            warnings += p.warnings.len();
        }
        let generator = generator_warnings(&p.pack);
        for w in &generator {
            eprintln!("warning: {w}\n --> {}\n", p.path.display());
        }
        warnings += generator.len();
        let total = p.warnings.len() + generator.len();
        println!(
            "{}: {} ({}: {} facts, {} warnings)",
            if strict && total > 0 {
                "fails --strict"
            } else {
                "ok"
            },
            p.path.display(),
            p.pack.meta.title,
            crate::engine::validate::fact_count(&p.pack),
            p.warnings.len() + generator.len()
        );
    }
    for e in &bad {
        let errors = e
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        println!("broken: {} ({} errors)", e.path.display(), errors);
    }
    if good.is_empty() && bad.is_empty() {
        eprintln!(
            "error: no pack files (*.ron) found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return 1;
    }
    if !bad.is_empty() || (strict && warnings > 0) {
        1
    } else {
        0
    }
}

/// Packs from `--pack`, `--pack-dir` and `--import-opentdb`; the built-in folder when none is given.
pub fn gather_packs(
    packs: &[PathBuf],
    pack_dirs: &[PathBuf],
    opentdb_files: &[PathBuf],
) -> (Vec<LoadedPack>, Vec<PackError>) {
    let mut paths: Vec<PathBuf> = packs.to_vec();
    paths.extend(pack_dirs.iter().cloned());
    if packs.is_empty() && opentdb_files.is_empty() {
        paths.insert(0, default_pack_dir());
    }
    let (mut good, mut bad) = load_all(&paths);
    for dir in pack_dirs.iter().chain(std::iter::once(&default_pack_dir())) {
        if packs.is_empty() || pack_dirs.contains(dir) {
            for f in opentdb::files_in(dir) {
                match opentdb::load_file(&f) {
                    Ok(p) => good.push(p),
                    Err(e) => bad.push(e),
                }
            }
        }
    }
    for f in opentdb_files {
        match opentdb::load_file(f) {
            Ok(p) => good.push(p),
            Err(e) => bad.push(e),
        }
    }
    (good, bad)
}

pub struct AskArgs {
    pub packs: Vec<PathBuf>,
    pub pack_dirs: Vec<PathBuf>,
    pub opentdb: Vec<PathBuf>,
    pub count: usize,
    pub seed: u64,
    pub kinds: Vec<String>,
    pub difficulty: String,
    pub spoilers: Option<String>,
    pub json: bool,
    /// Put off what this history's last games asked, and record this run.
    pub history: Option<PathBuf>,
}

pub fn parse_horizon(s: &str) -> Option<SpoilerHorizon> {
    let s = s.trim().to_ascii_lowercase();
    let rest = s.strip_prefix('s')?;
    let (season, episode) = rest.split_once('e')?;
    Some(SpoilerHorizon {
        season: season.parse().ok()?,
        episode: episode.parse().ok()?,
    })
}

fn session_config(args: &AskArgs) -> Result<SessionConfig, String> {
    let mut kinds = Vec::new();
    for k in &args.kinds {
        kinds.push(QuestionKind::from_name(k).ok_or_else(|| {
            format!(
                "unknown kind `{k}`; kinds are: {}",
                QuestionKind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?);
    }
    let difficulty = Difficulty::from_name(&args.difficulty).ok_or_else(|| {
        format!(
            "unknown difficulty `{}`; use easy, medium, hard or ramp",
            args.difficulty
        )
    })?;
    let horizon = match &args.spoilers {
        Some(s) => Some(
            parse_horizon(s)
                .ok_or_else(|| format!("`{s}` is not a spoiler horizon; write it as S1E4"))?,
        ),
        None => None,
    };
    Ok(SessionConfig {
        seed: args.seed,
        difficulty,
        horizon,
        kinds,
        ..SessionConfig::default()
    })
}

/// `leafquiz ask`.
pub fn ask(args: &AskArgs) -> i32 {
    let mut config = match session_config(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut history = args.history.as_deref().map(load_history);
    if let Some(h) = &mut history {
        h.start_game();
        config.history = Arc::new(h.clone());
    }
    let (good, bad) = gather_packs(&args.packs, &args.pack_dirs, &args.opentdb);
    report_errors(&bad);
    if good.is_empty() {
        eprintln!("error: no valid pack to ask from");
        return 1;
    }
    let base = Arc::new(FactBase::build(good.iter().map(|p| &p.pack)));
    let mut session = Session::new(base, config);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for n in 0..args.count {
        let Some(q) = session.next_question() else {
            if n == 0 {
                eprintln!("no questions match these settings");
            } else {
                eprintln!("the packs ran short after {n} questions: a game asks each fact once");
            }
            break;
        };
        if let Some(h) = &mut history {
            h.seen(&q);
        }
        let written = if args.json {
            let line = serde_json::json!({
                "kind": q.kind.name(),
                "prompt": q.prompt,
                "options": q.options,
                "answer": q.answer,
                "difficulty": (q.difficulty * 100.0).round() / 100.0,
                "topic": crate::engine::kinds::Topic::of(q.kind).name(),
                "explanation": q.explanation,
                "source": q.source,
                "facts": q.facts,
            });
            writeln!(out, "{line}")
        } else {
            let mut text = format!(
                "{}. [{} · difficulty {:.2}] {}\n",
                n + 1,
                q.kind.name(),
                q.difficulty,
                q.prompt
            );
            for (i, o) in q.options.iter().enumerate() {
                let mark = if i == q.answer { "*" } else { " " };
                text.push_str(&format!("   {mark} {}) {o}\n", (b'A' + i as u8) as char));
            }
            text.push_str(&format!("   → {} (Source: {})\n", q.explanation, q.source));
            writeln!(out, "{text}")
        };
        if written.is_err() {
            break; // stdout closed (e.g. piped into `head`)
        }
    }
    if let (Some(h), Some(path)) = (&history, &args.history)
        && let Err(e) = crate::persist::save_ron(path, h)
    {
        eprintln!("error: could not save {}: {e}", path.display());
        return 1;
    }
    0
}

/// A play history file, or a fresh one (a damaged file is kept aside).
fn load_history(path: &Path) -> crate::engine::PlayHistory {
    use crate::persist::{Loaded, load_ron};
    match load_ron(path) {
        Loaded::Ok(h) | Loaded::Missing(h) => h,
        Loaded::Recovered(h, aside, reason) => {
            eprintln!(
                "warning: {} was damaged ({reason}); kept aside as {}",
                path.display(),
                aside.display()
            );
            h
        }
    }
}

/// What the generator finds in a valid pack: candidates that never give a
/// fair question, by kind and reason.
pub(crate) fn generator_warnings(pack: &crate::engine::Pack) -> Vec<String> {
    let base = FactBase::build([pack]);
    crate::engine::review::dropped(&base)
        .into_iter()
        .map(|(kind, d)| {
            let n: usize = d.by_reason.values().sum();
            let reasons: Vec<String> = d
                .by_reason
                .iter()
                .map(|(r, k)| {
                    let example = d.examples.get(r).filter(|e| *e != r);
                    match example {
                        Some(e) => format!("{r} ({k}; e.g. {e})"),
                        None => format!("{r} ({k})"),
                    }
                })
                .collect();
            format!(
                "{n} of {} `{}` questions are never asked: {}",
                d.total,
                kind.name(),
                reasons.join("; ")
            )
        })
        .collect()
}

/// The valid packs at these paths (default: the built-in folder), after
/// reporting the broken ones; `None` when none is valid.
fn valid_packs(paths: &[PathBuf]) -> Option<Vec<LoadedPack>> {
    let paths = if paths.is_empty() {
        vec![default_pack_dir()]
    } else {
        paths.to_vec()
    };
    let (good, bad) = load_all(&paths);
    report_errors(&bad);
    if good.is_empty() {
        eprintln!("error: no valid pack");
        return None;
    }
    Some(good)
}

/// `leafquiz review`: a sample with the generator's findings, and its drops.
pub fn review(paths: &[PathBuf], count: usize, seed: u64) -> i32 {
    let Some(good) = valid_packs(paths) else {
        return 1;
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for p in &good {
        let base = Arc::new(FactBase::build([&p.pack]));
        let report = crate::engine::review::review(base, count, seed);
        let mut text = format!("# {} ({})\n\n", p.pack.meta.title, p.path.display());
        let flagged = report
            .sample
            .iter()
            .filter(|r| !r.findings.is_empty())
            .count();
        text.push_str(&format!(
            "{} questions, {flagged} with findings\n\n",
            report.sample.len()
        ));
        for (n, r) in report.sample.iter().enumerate() {
            let q = &r.question;
            text.push_str(&format!("{}. [{}] {}\n", n + 1, q.kind.name(), q.prompt));
            for (i, o) in q.options.iter().enumerate() {
                let mark = if i == q.answer { "*" } else { " " };
                text.push_str(&format!("   {mark} {}) {o}\n", (b'A' + i as u8) as char));
            }
            for f in &r.findings {
                text.push_str(&format!("   ! {f}\n"));
            }
            text.push('\n');
        }
        if !report.repeated_shapes.is_empty() {
            text.push_str("Repeated shapes (over a fifth of the sample):\n");
            for (shape, k) in &report.repeated_shapes {
                text.push_str(&format!("  {k:>4}  {shape}\n"));
            }
            text.push('\n');
        }
        text.push_str("Never asked (every draw failed a check):\n");
        if report.dropped.is_empty() {
            text.push_str("  none\n");
        }
        for (kind, d) in &report.dropped {
            for (reason, k) in &d.by_reason {
                let example = d
                    .examples
                    .get(reason)
                    .filter(|e| *e != reason)
                    .map(|e| format!(" (e.g. {e})"))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "  {:<20} {k:>4} of {:<4} {reason}{example}\n",
                    kind.name(),
                    d.total
                ));
            }
        }
        let unreachable = unreachable_facts(&FactBase::build([&p.pack]), &p.pack);
        text.push_str(&format!(
            "Facts no question reaches: {}\n",
            unreachable.len()
        ));
        for u in unreachable {
            text.push_str(&format!("  - {u}\n"));
        }
        if writeln!(out, "{text}").is_err() {
            return 0;
        }
    }
    0
}

pub struct PlayedArgs {
    pub data_dir: Option<PathBuf>,
    pub export: Option<PathBuf>,
    pub import: Option<PathBuf>,
}

/// Questions shown in each of the hardest and easiest lists.
const PLAYED_LIST: usize = 10;

/// `leafquiz stats --played`, `--export`, `--import`: the play history.
pub fn played(args: &PlayedArgs) -> i32 {
    use crate::engine::PlayHistory;
    use crate::engine::history::HISTORY_FILE;
    use crate::persist::save_ron;
    let Some(dir) = &args.data_dir else {
        eprintln!("error: no data folder on this platform; pass --data-dir DIR");
        return 2;
    };
    let path = dir.join(HISTORY_FILE);
    let mut history: PlayHistory = load_history(&path);
    if let Some(from) = &args.import {
        let text = match std::fs::read_to_string(from) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {}: {e}", from.display());
                return 1;
            }
        };
        let theirs: PlayHistory = match ron::from_str(text.trim_start_matches('\u{feff}')) {
            Ok(h) => h,
            Err(e) => {
                eprintln!(
                    "error: {}: not a leafquiz history export: {e}",
                    from.display()
                );
                return 1;
            }
        };
        history.import(&theirs);
        if let Err(e) = save_ron(&path, &history) {
            eprintln!("error: could not save {}: {e}", path.display());
            return 1;
        }
        println!(
            "imported {} questions' answers from {}",
            theirs.facts.len(),
            from.display()
        );
    }
    if let Some(to) = &args.export {
        if let Err(e) = save_ron(to, &history.export()) {
            eprintln!("error: could not write {}: {e}", to.display());
            return 1;
        }
        println!(
            "exported the answers to {} questions to {}",
            history.facts.len(),
            to.display()
        );
    }
    if args.export.is_some() || args.import.is_some() {
        return 0;
    }
    let answers: u32 = history.facts.values().map(|r| r.asked).sum();
    println!(
        "{} games, {answers} answers to {} questions ({})",
        history.games,
        history.facts.len(),
        path.display()
    );
    let ranked = history.hardest_first(1);
    if ranked.is_empty() {
        println!("no answers recorded yet: play a game first");
        return 0;
    }
    let line = |r: &crate::engine::history::FactRecord| {
        format!(
            "  {:>3.0}% wrong of {:>3} · estimate {:>3.0}% · {} → {}",
            r.wrong_rate() * 100.0,
            r.asked,
            r.estimate * 100.0,
            r.prompt,
            r.answer
        )
    };
    println!("Hardest for players:");
    for r in ranked.iter().take(PLAYED_LIST) {
        println!("{}", line(r));
    }
    println!("Easiest for players:");
    for r in ranked.iter().rev().take(PLAYED_LIST) {
        println!("{}", line(r));
    }
    0
}

/// `leafquiz stats`.
pub fn stats(paths: &[PathBuf]) -> i32 {
    let Some(good) = valid_packs(paths) else {
        return 1;
    };
    // Written, not printed: a closed pipe (`stats | head`) ends the output quietly.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for p in &good {
        let pack = &p.pack;
        let _ = writeln!(
            out,
            "{} ({}), version {}",
            pack.meta.title,
            p.path.display(),
            pack.meta.version
        );
        let tables: [(&str, usize); 15] = [
            ("people", pack.people.len()),
            ("characters", pack.characters.len()),
            ("roles", pack.roles.len()),
            ("episodes", pack.episodes.len()),
            (
                "plot facts",
                pack.episodes.iter().map(|e| e.plot.len()).sum(),
            ),
            ("awards", pack.awards.len()),
            ("albums", pack.albums.len()),
            ("tracks", pack.tracks.len()),
            ("crew", pack.crew.len()),
            ("places", pack.places.len()),
            ("numbers", pack.numbers.len()),
            ("dates", pack.dates.len()),
            ("entities", pack.entities.len()),
            ("facts", pack.facts.len()),
            ("questions", pack.questions.len()),
        ];
        let _ = writeln!(out, "  tables:");
        for (name, n) in tables {
            let _ = writeln!(out, "    {name:<12} {n:>6}");
        }
        let base = FactBase::build([pack]);
        let _ = writeln!(out, "  question candidates by kind:");
        for (kind, n) in base.kind_counts() {
            let _ = writeln!(out, "    {:<20} {n:>6}", kind.name());
        }
        let _ = writeln!(out, "  total candidates: {}", base.len());
        let unreachable = unreachable_facts(&base, pack);
        let _ = writeln!(out, "  facts no question can reach: {}", unreachable.len());
        for u in unreachable {
            let _ = writeln!(out, "    - {u}");
        }
    }
    0
}

/// Entities that appear in no question candidate: people with no role, credit,
/// award or track; episodes never asked; pending awards.
fn unreachable_facts(base: &FactBase, pack: &crate::engine::Pack) -> Vec<String> {
    let mut reached: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut config = SessionConfig {
        seed: 1,
        ..SessionConfig::default()
    };
    config.difficulty = Difficulty::Medium;
    let mut session = Session::new(Arc::new(FactBase::build([pack])), config);
    for _ in 0..session.pool_size() {
        if let Some(q) = session.next_question() {
            for f in &q.facts {
                reached.insert(crate::engine::text::normalise(&f.subject));
                reached.insert(crate::engine::text::normalise(&f.object));
            }
            for o in &q.options {
                reached.insert(crate::engine::text::normalise(o));
            }
            reached.insert(crate::engine::text::normalise(&q.prompt));
        }
    }
    let _ = base;
    let prompt_text: String = reached.iter().cloned().collect::<Vec<_>>().join(" | ");
    let mut out = Vec::new();
    let mut check = |label: String, name: &str| {
        let n = crate::engine::text::normalise(name);
        if !reached.contains(&n) && !prompt_text.contains(&n) {
            out.push(label);
        }
    };
    for p in &pack.people {
        check(format!("person {} ({})", p.name, p.id), &p.name);
    }
    for c in &pack.characters {
        check(format!("character {} ({})", c.name, c.id), &c.name);
    }
    for n in &pack.numbers {
        check(format!("number {} ({})", n.name, n.id), &n.name);
    }
    for d in &pack.dates {
        check(format!("date {} ({})", d.event, d.id), &d.event);
    }
    for a in &pack.awards {
        if a.result == crate::engine::model::AwardResult::Pending {
            out.push(format!(
                "award {} {} — {} (Pending: not asked)",
                a.year, a.ceremony, a.category
            ));
        }
    }
    out
}

/// `leafquiz new PATH`: a commented scaffold that passes `check` and asks questions at once.
pub fn new_pack(path: &Path) -> i32 {
    if path.exists() {
        eprintln!(
            "error: {} already exists; choose another path",
            path.display()
        );
        return 1;
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("my_pack")
        .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    let text = SCAFFOLD.replace("{{id}}", &id);
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        eprintln!("error: cannot create {}: {e}", parent.display());
        return 1;
    }
    match crate::persist::write_atomic(path, text.as_bytes()) {
        Ok(()) => {
            println!(
                "wrote {}; try `leafquiz check {0}` and `leafquiz ask --pack {0}`",
                path.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            1
        }
    }
}

pub const SCAFFOLD: &str = include_str!("scaffold.ron");

/// `leafquiz export --format opentdb`.
pub fn export_opentdb(packs: &[PathBuf], pack_dirs: &[PathBuf], count: usize, seed: u64) -> i32 {
    let (good, bad) = gather_packs(packs, pack_dirs, &[]);
    report_errors(&bad);
    if good.is_empty() {
        eprintln!("error: no valid pack to export");
        return 1;
    }
    let titles: BTreeMap<String, String> = good
        .iter()
        .map(|p| (p.pack.meta.id.clone(), p.pack.meta.title.clone()))
        .collect();
    let base = Arc::new(FactBase::build(good.iter().map(|p| &p.pack)));
    let mut session = Session::new(
        base,
        SessionConfig {
            seed,
            ..SessionConfig::default()
        },
    );
    let mut questions = Vec::new();
    for _ in 0..count {
        match session.next_question() {
            Some(q) => questions.push(q),
            None => break,
        }
    }
    println!("{}", opentdb::export(&questions, &titles));
    0
}

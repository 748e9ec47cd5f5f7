//! Reading pack files: size limits, RON parsing with positioned errors, then validation.

use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Locator, Severity};
use super::model::Pack;
use super::validate::validate;

mod syntax;

/// Largest pack file accepted, so a stray huge file cannot stall the game.
pub const MAX_PACK_BYTES: usize = 128 * 1024 * 1024;

/// A pack that parsed and validated, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct LoadedPack {
    pub path: PathBuf,
    pub pack: Pack,
    pub warnings: Vec<Diagnostic>,
}

/// Why a pack did not load; `diagnostics` holds at least one error.
#[derive(Debug, Clone)]
pub struct PackError {
    pub path: PathBuf,
    pub source_text: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl PackError {
    pub fn first_error(&self) -> &Diagnostic {
        self.diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .unwrap_or(&self.diagnostics[0])
    }
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.first_error())
    }
}

/// Reads, parses and validates one pack file.
pub fn load_pack_file(path: &Path) -> Result<LoadedPack, PackError> {
    let file = path.display().to_string();
    if let Some(text) = embedded_pack(path) {
        return load_pack_bytes(&file, text.as_bytes()).map_err(|mut e| {
            e.path = path.to_path_buf();
            e
        });
    }
    let bytes = std::fs::read(path).map_err(|e| PackError {
        path: path.to_path_buf(),
        source_text: String::new(),
        diagnostics: vec![error_at(
            &file,
            1,
            1,
            format!("cannot read the pack file: {e}"),
            "check that the file exists and is readable",
        )],
    })?;
    load_pack_bytes(&file, &bytes).map_err(|mut e| {
        e.path = path.to_path_buf();
        e
    })
}

/// Where the packs built into the executable seem to live: a folder name no
/// disk has, so a copied binary plays from any folder.
pub const EMBEDDED_DIR: &str = "(built in)";

/// The packs of `questions/`, compiled into the executable.
pub const EMBEDDED_PACKS: &[(&str, &str)] = &[(
    "heartstopper.ron",
    include_str!("../../questions/heartstopper.ron"),
)];

/// The text of a built-in pack, for its path under `EMBEDDED_DIR`.
pub fn embedded_pack(path: &Path) -> Option<&'static str> {
    let name = path.strip_prefix(EMBEDDED_DIR).ok()?.to_str()?;
    EMBEDDED_PACKS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Parses and validates pack bytes; `file` is the name used in messages.
pub fn load_pack_bytes(file: &str, bytes: &[u8]) -> Result<LoadedPack, PackError> {
    let fail = |text: String, diagnostics| PackError {
        path: PathBuf::from(file),
        source_text: text,
        diagnostics,
    };
    if bytes.len() > MAX_PACK_BYTES {
        return Err(fail(
            String::new(),
            vec![error_at(
                file,
                1,
                1,
                format!(
                    "the pack is {} MiB, over the {} MiB limit",
                    bytes.len() / (1024 * 1024),
                    MAX_PACK_BYTES / (1024 * 1024)
                ),
                "split the pack into several files",
            )],
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let text = String::from_utf8_lossy(valid).into_owned();
            let (line, column) = Locator::new(&text).position(text.len());
            return Err(fail(
                text,
                vec![error_at(
                    file,
                    line,
                    column,
                    "the file is not valid UTF-8 text".into(),
                    "save the pack as UTF-8",
                )],
            ));
        }
    };
    // Windows Notepad starts UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pack = parse_pack(file, text).map_err(|d| fail(text.to_string(), vec![d]))?;
    let diagnostics = validate(file, text, &pack);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(fail(text.to_string(), diagnostics));
    }
    Ok(LoadedPack {
        path: PathBuf::from(file),
        pack,
        warnings: diagnostics,
    })
}

/// RON syntax and shape only; `validate` does the rest.
pub fn parse_pack(file: &str, text: &str) -> Result<Pack, Diagnostic> {
    let options = ron::Options::default();
    options.from_str::<Pack>(text).map_err(|e| {
        let (line, column) = clamp_position(text, e.span.start.line, e.span.start.col);
        match syntax::explain(text, line, column, &e.code) {
            Some(x) => error_at(file, x.line, x.column, x.message, x.help),
            None => error_at(file, line, column, e.code.to_string(), help_for(&e.code)),
        }
    })
}

/// RON may report a position one past the end; keep it on a real line.
fn clamp_position(text: &str, line: usize, col: usize) -> (usize, usize) {
    let lines = text.lines().count().max(1);
    if line == 0 {
        return (1, 1);
    }
    if line > lines {
        let last = text.lines().last().unwrap_or("");
        return (lines, last.chars().count().max(1));
    }
    (line, col.max(1))
}

fn help_for(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::MissingStructField { field, outer } => format!(
            "add the field `{field}: ...` to this {}",
            outer.as_deref().unwrap_or("entry")
        ),
        E::NoSuchStructField {
            expected, outer, ..
        } => format!(
            "{} accepts only: {}",
            outer.as_deref().unwrap_or("this entry"),
            expected.join(", ")
        ),
        E::NoSuchEnumVariant { expected, .. } => {
            format!("use one of: {}", expected.join(", "))
        }
        E::DuplicateStructField { field, .. } => {
            format!("remove one of the two `{field}` fields")
        }
        E::ExpectedDifferentStructName { expected, .. } => {
            format!("write this entry as `{expected}(...)`")
        }
        E::Eof => "the file ends too early: close every ( and [".into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "write text in double quotes, escaping inner quotes as \\\"".into()
        }
        _ => "check the syntax here: entries are separated by commas, text is in double quotes, every ( [ is closed; see docs/packs.md".into(),
    }
}

pub(crate) fn error_at(
    file: &str,
    line: usize,
    column: usize,
    message: String,
    help: impl Into<String>,
) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: file.to_string(),
        line,
        column,
        message,
        help: help.into(),
    }
}

/// Every `.ron` pack in a folder (not recursive), sorted by name.
pub fn pack_files_in(dir: &Path) -> Vec<PathBuf> {
    if dir == Path::new(EMBEDDED_DIR) {
        return EMBEDDED_PACKS
            .iter()
            .map(|(name, _)| Path::new(EMBEDDED_DIR).join(name))
            .collect();
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// Loads every pack in the folders and files given; broken packs are returned
/// beside the good ones, never instead of them.
pub fn load_all(paths: &[PathBuf]) -> (Vec<LoadedPack>, Vec<PackError>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for path in paths {
        let files = if path.is_dir() || path == Path::new(EMBEDDED_DIR) {
            pack_files_in(path)
        } else {
            vec![path.clone()]
        };
        for file in files {
            match load_pack_file(&file) {
                Ok(p) => good.push(p),
                Err(e) => bad.push(e),
            }
        }
    }
    (good, bad)
}

/// The built-in packs: the current directory's `questions/` (a pack author
/// editing them sees the change at once), else the project's, else the copies
/// compiled into the executable, so an installed or copied binary plays from
/// any folder.
pub fn default_pack_dir() -> PathBuf {
    let here = PathBuf::from("questions");
    if here.is_dir() {
        return here;
    }
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("questions");
    if project.is_dir() {
        return project;
    }
    PathBuf::from(EMBEDDED_DIR)
}

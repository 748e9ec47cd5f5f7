//! `leafquiz import csv`, `leafquiz new --csv` and `leafquiz export --format
//! csv`: packs kept as spreadsheets.

use std::path::{Path, PathBuf};

use super::{gather_packs, report_errors};
use crate::engine::diagnostic::Severity;
use crate::engine::load_pack_bytes;
use crate::engine::sheets;
use crate::persist::write_atomic;

/// `leafquiz import csv DIR -o PACK.ron`: builds a commented RON pack from
/// the sheets and checks it. Exit 0 when it passes `check`.
pub fn import_csv(dir: &Path, out: &Path) -> i32 {
    let imported = match sheets::import_dir(dir) {
        Ok(i) => i,
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "{} error(s) in the sheets of {}; nothing written",
                diags.len(),
                dir.display()
            );
            return 1;
        }
    };
    for w in &imported.warnings {
        eprintln!("{w}");
    }
    let read: Vec<String> = imported
        .files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .map_or(f.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let header = vec![
        format!("{} — a leafquiz pack.", imported.pack.meta.title),
        String::new(),
        format!(
            "Made by `leafquiz import csv {}` from {}.",
            dir.display(),
            read.join(", ")
        ),
        "Edit the sheets and import again, or edit this file and stop using the sheets:".into(),
        "an import overwrites it. Ids were made from the names.".into(),
    ];
    let text = sheets::to_ron(&imported.pack, &header);
    let name = out.display().to_string();
    let checked = load_pack_bytes(&name, text.as_bytes());
    if let Some(parent) = out.parent()
        && !parent.as_os_str().is_empty()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        eprintln!("error: cannot create {}: {e}", parent.display());
        return 1;
    }
    if let Err(e) = write_atomic(out, text.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return 1;
    }
    match checked {
        Ok(pack) => {
            for w in &pack.warnings {
                eprintln!("{w}");
            }
            // The same findings as `check`, so "passes `check`" means it.
            let generator = super::generator_warnings(&pack.pack);
            for w in &generator {
                eprintln!("warning: {w}");
            }
            let warnings = imported.warnings.len() + pack.warnings.len() + generator.len();
            println!(
                "wrote {name}: {} facts from {} sheet(s); it passes `check`{}. Try `leafquiz ask --pack {name}`",
                crate::engine::validate::fact_count(&imported.pack),
                read.len(),
                if warnings == 0 {
                    String::new()
                } else {
                    format!(" with {warnings} warning(s) (`check --strict` fails on them)")
                }
            );
            0
        }
        Err(e) => {
            report_errors(std::slice::from_ref(&e));
            let errors = e
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            eprintln!(
                "wrote {name}, but it does not pass `check` ({errors} error(s) above, at lines of {name}); fix the sheets and import again"
            );
            1
        }
    }
}

/// `leafquiz new --csv DIR`: the empty sheets with their headers and one
/// example row each; never overwrites a sheet.
pub fn new_csv(dir: &Path) -> i32 {
    let templates = sheets::templates();
    if let Some((f, _)) = templates.iter().find(|(f, _)| dir.join(f).exists()) {
        eprintln!(
            "error: {} already exists; choose an empty folder",
            dir.join(f).display()
        );
        return 1;
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        return 1;
    }
    for (file, text) in &templates {
        if let Err(e) = write_atomic(&dir.join(file), text.as_bytes()) {
            eprintln!("error: cannot write {}: {e}", dir.join(file).display());
            return 1;
        }
    }
    println!(
        "wrote {} sheets to {}; open them in a spreadsheet, replace the example rows, then `leafquiz import csv {} -o my_pack.ron`",
        templates.len(),
        dir.display(),
        dir.display(),
    );
    0
}

/// `leafquiz export --format csv --pack P -o DIR`: one pack as sheets.
pub fn export_csv(packs: &[PathBuf], pack_dirs: &[PathBuf], out: Option<&Path>) -> i32 {
    let (good, bad) = gather_packs(packs, pack_dirs, &[]);
    report_errors(&bad);
    let [pack] = good.as_slice() else {
        eprintln!(
            "error: give exactly one pack to export as sheets (--pack FILE); found {}",
            good.len()
        );
        return 1;
    };
    let Some(out) = out else {
        eprintln!("error: give the folder for the sheets with -o DIR");
        return 1;
    };
    let sheets = match sheets::export(&pack.pack) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {}: {e}", pack.path.display());
            return 1;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("error: cannot create {}: {e}", out.display());
        return 1;
    }
    for (file, text) in &sheets {
        if let Err(e) = write_atomic(&out.join(file), text.as_bytes()) {
            eprintln!("error: cannot write {}: {e}", out.join(file).display());
            return 1;
        }
    }
    println!(
        "wrote {} sheets of {} to {}",
        sheets.len(),
        pack.path.display(),
        out.display()
    );
    0
}

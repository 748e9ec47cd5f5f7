//! Reading one CSV sheet: headers matched loosely, rows with their line
//! numbers, and every message positioned at file:row:column.

use std::collections::HashMap;

use super::spec::Sheet;
use crate::engine::diagnostic::Diagnostic;
pub(super) use crate::engine::load::error_at as error;

/// One data row of a sheet: its 1-based line in the file and its cells by
/// column name.
pub(super) struct Row {
    pub line: usize,
    cells: HashMap<&'static str, (usize, String)>,
}

impl Row {
    /// The trimmed cell, or "" when the column is absent or empty.
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |(_, v)| v.as_str())
    }

    /// The 1-based column number of a column in this file (1 when absent).
    pub fn column(&self, column: &str) -> usize {
        self.cells.get(column).map_or(1, |(c, _)| *c)
    }
}

/// A sheet as read: its file name (as shown in messages) and rows.
pub(super) struct Table {
    pub sheet: &'static Sheet,
    pub file: String,
    pub rows: Vec<Row>,
}

/// How headers are compared: "Ask object", "ask_object" and "ASK OBJECT" match.
pub(super) fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses a sheet. Rows that are empty or whose first cell starts with `#`
/// are skipped, so authors can keep notes in the sheet.
pub(super) fn read_table(
    sheet: &'static Sheet,
    file: &str,
    bytes: &[u8],
) -> Result<Table, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(vec![error(
                file,
                line,
                1,
                "the sheet is not UTF-8 text".into(),
                "save it as \"CSV UTF-8\" (Excel) or choose the UTF-8 character set (LibreOffice, Numbers)",
            )]);
        }
    };
    // Excel writes a byte-order mark before "CSV UTF-8" files.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut diags = Vec::new();
    let mut columns: Vec<Option<&'static str>> = Vec::new();
    let mut rows = Vec::new();
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let (line, column) = match e.position() {
                    Some(p) => (p.line() as usize, 1),
                    None => (1, 1),
                };
                diags.push(error(
                    file,
                    line,
                    column,
                    format!("this row cannot be read as CSV: {e}"),
                    "check the quotes: a cell that starts with \" must end with \", and a \" inside it is written \"\"",
                ));
                break;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let blank = record.iter().all(|c| c.trim().is_empty());
        if blank
            || record
                .get(0)
                .is_some_and(|c| c.trim_start().starts_with('#'))
        {
            continue;
        }
        if !header_seen {
            header_seen = true;
            let mut seen: HashMap<&'static str, usize> = HashMap::new();
            for (i, h) in record.iter().enumerate() {
                if h.trim().is_empty() {
                    columns.push(None);
                    continue;
                }
                let key = header_key(h);
                match sheet.columns.iter().find(|c| header_key(c) == key) {
                    Some(c) => {
                        if let Some(first) = seen.insert(c, i + 1) {
                            diags.push(error(
                                file,
                                line,
                                i + 1,
                                format!(
                                    "the column \"{c}\" appears twice (columns {first} and {})",
                                    i + 1
                                ),
                                "delete one of the two columns",
                            ));
                        }
                        columns.push(Some(c));
                    }
                    None => {
                        diags.push(error(
                            file,
                            line,
                            i + 1,
                            format!("{} has no column \"{}\"", sheet.file, h.trim()),
                            format!("its columns are: {}", sheet.columns.join(", ")),
                        ));
                        columns.push(None);
                    }
                }
            }
            for req in sheet.required {
                if !columns.contains(&Some(req)) {
                    diags.push(error(
                        file,
                        line,
                        1,
                        format!("{} needs a column \"{req}\"", sheet.file),
                        format!(
                            "add it to the first row; the columns are: {}",
                            sheet.columns.join(", ")
                        ),
                    ));
                }
            }
            continue;
        }
        if record.len() > columns.len() {
            // Usually a comma inside text that is not in quotes: every cell
            // after it has moved one column to the right.
            diags.push(error(
                file,
                line,
                columns.len() + 1,
                format!(
                    "this row has {} cells but the header has {} columns",
                    record.len(),
                    columns.len()
                ),
                "a comma inside text needs the whole cell in double quotes (\"Pawnee, Indiana\"); a spreadsheet program adds them when it saves as CSV",
            ));
            continue;
        }
        let mut cells = HashMap::new();
        for (i, value) in record.iter().enumerate() {
            let value = value.trim();
            match columns.get(i).copied().flatten() {
                Some(c) => {
                    cells.insert(c, (i + 1, value.to_string()));
                }
                None if !value.is_empty() && i >= columns.len() => {
                    diags.push(error(
                        file,
                        line,
                        i + 1,
                        format!("this cell (\"{value}\") is right of the last column"),
                        "move it under a column with a header, or add the header",
                    ));
                }
                None => {}
            }
        }
        // Columns missing from a short row still report their real position.
        for (i, c) in columns.iter().enumerate() {
            if let Some(c) = c {
                cells.entry(*c).or_insert((i + 1, String::new()));
            }
        }
        rows.push(Row { line, cells });
    }
    if !header_seen {
        // An empty sheet is no sheet.
        return Ok(Table {
            sheet,
            file: file.to_string(),
            rows,
        });
    }
    if diags.is_empty() {
        Ok(Table {
            sheet,
            file: file.to_string(),
            rows,
        })
    } else {
        Err(diags)
    }
}

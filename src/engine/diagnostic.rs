//! Positioned messages about pack files: errors that stop a pack from loading
//! and lint warnings that do not.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One message about a pack file, always with a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if !self.help.is_empty() {
            write!(f, " (help: {})", self.help)?;
        }
        Ok(())
    }
}

/// Converts between byte offsets and 1-based line/column positions of one text.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.text[start..floor_char_boundary(self.text, offset)]
            .chars()
            .count()
            + 1;
        (line, column)
    }

    /// Byte offset of a 1-based (line, column in characters).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// Byte offset of the `nth` (0-based) occurrence of `needle`, if any.
    pub fn find_nth(&self, needle: &str, nth: usize) -> Option<usize> {
        if needle.is_empty() {
            return None;
        }
        self.text.match_indices(needle).nth(nth).map(|(i, _)| i)
    }

    /// The full text of the 1-based line.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&e| e.saturating_sub(1));
        self.text[start..end.max(start)].trim_end_matches('\r')
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Renders diagnostics with the source line and a caret, like a compiler.
pub fn render(diagnostics: &[Diagnostic], source: &str, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
    let locator = Locator::new(source);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let line_text = locator.line_text(d.line);
        let line_start = locator.offset(d.line, 1);
        let at = locator.offset(d.line, d.column).saturating_sub(line_start);
        let at = at.min(line_text.len());
        let end = line_text[at..]
            .char_indices()
            .nth(1)
            .map_or(line_text.len(), |(i, _)| at + i)
            .max(at);
        let mut report = vec![
            level.primary_title(d.message.as_str()).element(
                Snippet::source(line_text)
                    .line_start(d.line)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(at..end)),
            ),
        ];
        if !d.help.is_empty() {
            report.push(Group::with_title(
                Level::HELP.secondary_title(d.help.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

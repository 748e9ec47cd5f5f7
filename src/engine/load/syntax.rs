//! Plain-words explanations of the RON mistakes pack authors make most: two
//! commas, an unclosed bracket, quotes around a number or a fixed word, a
//! missing `Some(…)`, a `"` inside text. RON reports where it stopped; this
//! looks at the text there and says what the author did.

use crate::engine::diagnostic::Locator;

pub(super) struct Explained {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

/// The brackets still open at `end`, innermost last, skipping strings and
/// comments: (byte offset, bracket).
fn open_brackets(text: &str, end: usize) -> Vec<(usize, char)> {
    let mut stack = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b @ (b'(' | b'[' | b'{') => stack.push((i, b as char)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// The field name written just before `offset` (`group: ` → "group").
fn field_before(text: &str, offset: usize) -> Option<&str> {
    let before = text[..offset].trim_end().strip_suffix(':')?;
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    Some(&before[start..]).filter(|f| !f.is_empty())
}

/// The quoted text starting at `offset` (without its quotes).
fn quoted_at(text: &str, offset: usize) -> Option<&str> {
    let rest = text[offset..].strip_prefix('"')?;
    rest.find('"').map(|end| &rest[..end])
}

pub(super) fn explain(
    text: &str,
    line: usize,
    column: usize,
    code: &ron::Error,
) -> Option<Explained> {
    use ron::Error as E;
    let locator = Locator::new(text);
    // RON may stop on the blank before the value; point at the value.
    let offset = locator.offset(line, column);
    let offset = offset + (text[offset..].len() - text[offset..].trim_start().len());
    let (line, column) = locator.position(offset);
    let at = &text[offset..];
    let before = &text[..offset];
    let here = |message: String, help: String| Explained {
        line,
        column,
        message,
        help,
    };
    let at_offset = |o: usize, message: String, help: String| {
        let (line, column) = locator.position(o);
        Explained {
            line,
            column,
            message,
            help,
        }
    };
    // Two commas in a row.
    if at.starts_with(',') && before.trim_end().ends_with(',') {
        return Some(here(
            "two commas in a row".into(),
            "remove one of the commas".into(),
        ));
    }
    // A quote inside text ended the text early: `"the "best" one"`.
    if before.ends_with('"')
        && at.starts_with(|c: char| c.is_alphanumeric())
        && !matches!(code, E::Eof)
    {
        let start = before[..before.len() - 1].rfind('"').unwrap_or(0);
        return Some(at_offset(
            start,
            "a \" inside this text ends the text early".into(),
            "write a quote inside text as \\\" (\"the \\\"best\\\" one\"), or use typographic quotes “ ”".into(),
        ));
    }
    match code {
        E::ExpectedInteger | E::ExpectedFloat if at.starts_with('"') => {
            let value = quoted_at(text, offset).unwrap_or("");
            return Some(here(
                format!("a number is written here, but \"{value}\" is text in quotes"),
                format!("remove the quotes: numbers are written without them ({value})"),
            ));
        }
        E::ExpectedIdentifier | E::ExpectedNamedStructLike(_) if at.starts_with('"') => {
            let value = quoted_at(text, offset).unwrap_or("");
            let field = field_before(text, offset).unwrap_or("this field");
            return Some(here(
                format!(
                    "`{field}` takes one of a few fixed words, written without quotes, not text"
                ),
                format!("write {field}: {value}"),
            ));
        }
        E::ExpectedOption => {
            let field = field_before(text, offset).unwrap_or("this field");
            let value: String = at
                .chars()
                .take_while(|c| *c != '\n')
                .collect::<String>()
                .split([',', ')'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let value = match quoted_at(text, offset) {
                Some(q) => format!("\"{q}\""),
                None => value,
            };
            return Some(here(
                format!("`{field}` is optional, so its value is written inside Some(…)"),
                format!("write {field}: Some({value}), or leave the field out"),
            ));
        }
        _ if matches!(code, E::Eof) || at.trim().is_empty() => {
            if let Some(&(o, open)) = open_brackets(text, text.len()).last() {
                let (l, c) = locator.position(o);
                return Some(at_offset(
                    o,
                    format!("this {open} (line {l}, column {c}) is never closed"),
                    format!("add {} where the entry ends", closer(open)),
                ));
            }
        }
        _ => {}
    }
    // A closing bracket that does not match the innermost open one.
    if let Some(close @ (')' | ']' | '}')) = at.chars().next()
        && let Some(&(o, open)) = open_brackets(text, offset).last()
        && closer(open) != close
    {
        let (l, c) = locator.position(o);
        return Some(here(
            format!("the {open} opened at line {l}, column {c} is not closed before this {close}"),
            format!("add {} before the {close}", closer(open)),
        ));
    }
    // A missing comma between two entries or fields.
    if matches!(
        code,
        E::ExpectedComma | E::ExpectedStructLikeEnd | E::ExpectedArrayEnd
    ) && at.starts_with(|c: char| c.is_alphanumeric() || c == '"')
        && before.ends_with(char::is_whitespace)
    {
        return Some(here(
            "a comma is missing before this".into(),
            "separate entries and fields with commas".into(),
        ));
    }
    None
}

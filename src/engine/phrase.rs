//! Small pieces of English shared by every question kind: capitals,
//! quotation marks, articles, agreement, dates to their precision, numbers.

use super::text::Date;

/// Joins text parts into one string allocated once: `format!` for the hot
/// path, without its padding machinery and regrowth.
macro_rules! text {
    ($($part:expr),+ $(,)?) => {
        $crate::engine::phrase::join(&[$(AsRef::<str>::as_ref(&$part)),+])
    };
}
pub(crate) use text;

pub fn join(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Curly quotation marks around a title.
pub fn quote(s: &str) -> String {
    text!("“", s, "”")
}

/// The first letter in upper case ("the Moon" → "The Moon").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().collect::<String>() + c.as_str(),
        _ => s.to_string(),
    }
}

/// A sentence: capital first letter, one closing mark.
pub fn sentence(s: &str) -> String {
    let s = capitalise(s.trim());
    if s.ends_with(['.', '!', '?']) {
        s
    } else {
        s + "."
    }
}

/// "a composer", "an executive producer", "the composer".
pub fn with_article(noun: &str, definite: bool) -> String {
    let lower = lower_noun(noun);
    if definite {
        return format!("the {lower}");
    }
    format!("{} {lower}", indefinite(&lower))
}

/// "a" or "an" for a word, by its first letter (good enough for role nouns).
pub fn indefinite(word: &str) -> &'static str {
    let w = word.to_lowercase();
    let vowel =
        w.starts_with(['a', 'e', 'i', 'o', 'u']) && !w.starts_with("uni") && !w.starts_with("eu");
    if vowel || w.starts_with("hour") {
        "an"
    } else {
        "a"
    }
}

/// A role noun in running text: lower case unless it is an acronym ("VFX supervisor").
fn lower_noun(noun: &str) -> String {
    noun.split(' ')
        .map(|w| {
            if w.len() > 1 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A role noun as an option label: "Executive producer".
pub fn role_label(noun: &str) -> String {
    capitalise(&lower_noun(noun))
}

/// Fills `{subject}`/`{object}` and resolves `{singular|plural}` alternations
/// by `plural`.
pub fn fill(template: &str, subject: &str, object: &str, plural: bool) -> String {
    let mut out = String::with_capacity(template.len() + subject.len() + object.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        match inner {
            "subject" => out.push_str(subject),
            "object" => out.push_str(object),
            _ => match inner.split_once('|') {
                Some((one, many)) => out.push_str(if plural { many } else { one }),
                None => {
                    out.push('{');
                    out.push_str(inner);
                    out.push('}');
                }
            },
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Placeholders a template may use, for validation: `None` when every `{…}`
/// is `{subject}`, `{object}` or an alternation, else the odd one.
pub fn unknown_placeholder(template: &str) -> Option<String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let inner = &after[..close];
        if inner != "subject" && inner != "object" && !inner.contains('|') {
            return Some(format!("{{{inner}}}"));
        }
        rest = &after[close + 1..];
    }
    None
}

/// A date with its preposition, to its precision: "on 22 April 2022",
/// "in April 2021", "in 2016".
pub fn when(d: Date) -> String {
    let on = if d.day == 0 { "in" } else { "on" };
    format!("{on} {}", d.display())
}

/// "1st", "2nd", "23rd", "11th".
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "first", "second", … "twentieth", then "21st".
pub fn ordinal_word(n: u32) -> String {
    const WORDS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    match n {
        1..=20 => WORDS[n as usize - 1].to_string(),
        _ => ordinal(n as u64),
    }
}

/// Units that name a place in a ranking: the value is written as an ordinal.
pub fn is_rank(unit: &str) -> bool {
    matches!(
        unit.trim().to_lowercase().as_str(),
        "place" | "position" | "rank" | "st" | "th"
    )
}

pub fn is_percent(unit: &str) -> bool {
    unit.trim() == "%" || unit.trim().eq_ignore_ascii_case("percent")
}

/// The largest value a unit allows: "out of 5" → 5, "%" → 100.
pub fn unit_max(unit: &str) -> Option<f64> {
    if is_percent(unit) {
        return Some(100.0);
    }
    let rest = unit.trim().strip_prefix("out of ")?;
    rest.trim().parse().ok()
}

/// A value as players read it: grouped thousands, its precision, its unit
/// ("14.55 million hours", "87%", "6th place", "4 out of 5").
pub fn number(value: f64, precision: u8, unit: &str) -> String {
    if is_rank(unit) && precision == 0 && value >= 1.0 {
        return format!("{} place", ordinal(value.round() as u64));
    }
    // Whole numbers (most counts and years) skip float formatting.
    let s = if precision == 0 && value.fract() == 0.0 && value.abs() < 1e15 {
        (value as i64).to_string()
    } else {
        format!("{:.*}", precision as usize, value)
    };
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(s.len() + s.len() / 3 + unit.len() + 2);
    let digits = int.trim_start_matches('-');
    if int.starts_with('-') {
        grouped.push('-');
    }
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    if is_percent(unit) {
        grouped.push('%');
    } else if grouped == "1" && !unit.trim().is_empty() {
        grouped.push(' ');
        grouped.push_str(&singular(unit.trim()));
    } else if !unit.trim().is_empty() {
        grouped.push(' ');
        grouped.push_str(unit.trim());
    }
    grouped
}

/// "1 days" reads "1 day": the unit's last word without its plural "s".
fn singular(unit: &str) -> String {
    match unit.rsplit_once(' ') {
        _ if unit.starts_with("out of") => unit.to_string(),
        Some((head, last)) => format!("{head} {}", singular(last)),
        None if unit.ends_with("ies") => format!("{}y", &unit[..unit.len() - 3]),
        None if unit.ends_with('s') && !unit.ends_with("ss") => unit[..unit.len() - 1].to_string(),
        None => unit.to_string(),
    }
}

/// "A, B and C".
pub fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternations_agree_with_the_subject() {
        let t = "{subject} {orbits|orbit} {object}";
        assert_eq!(fill(t, "Io", "Jupiter", false), "Io orbits Jupiter");
        assert_eq!(
            fill(t, "The moons", "Jupiter", true),
            "The moons orbit Jupiter"
        );
        assert_eq!(
            unknown_placeholder("{subject} {is|are} {obj}"),
            Some("{obj}".into())
        );
        assert_eq!(unknown_placeholder("{subject} {is|are} {object}"), None);
    }

    #[test]
    fn dates_read_to_their_precision() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(when(d(2016, 0, 0)), "in 2016");
        assert_eq!(when(d(2021, 4, 0)), "in April 2021");
        assert_eq!(when(d(2022, 4, 22)), "on 22 April 2022");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(6.0, 0, "place"), "6th place");
        assert_eq!(number(1.0, 0, "place"), "1st place");
        assert_eq!(number(12.0, 0, "place"), "12th place");
        assert_eq!(number(14.55, 2, "million hours"), "14.55 million hours");
        assert_eq!(number(384400.0, 0, "km"), "384,400 km");
        assert_eq!(number(87.0, 0, "%"), "87%");
        assert_eq!(number(1.0, 0, "days"), "1 day");
        assert_eq!(number(1.0, 0, "million hours"), "1 million hour");
        assert_eq!(number(2.0, 0, "days"), "2 days");
        assert_eq!(unit_max("out of 5"), Some(5.0));
        assert_eq!(
            with_article("Executive producer", false),
            "an executive producer"
        );
        assert_eq!(with_article("VFX supervisor", true), "the VFX supervisor");
        assert_eq!(capitalise("the Moon"), "The Moon");
    }
}

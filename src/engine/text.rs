//! Small text helpers shared by validation and generation.

/// The form two labels are compared in: lower case, accents folded,
/// punctuation dropped, spaces collapsed. "Mr. Ajayi" and "mr ajayi" are equal.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        // ASCII fast path: most labels are plain ASCII, and this runs for
        // every option of every question.
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(ch.to_ascii_lowercase());
            } else if ch != '\'' && ch != '.' {
                pending_space = true;
            }
            continue;
        }
        let ch = fold_accent(ch);
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else if ch != '’' {
            // Apostrophes and dots join ("Don't" = "dont", "Mr." = "Mr"); other marks separate.
            pending_space = true;
        }
    }
    out
}

fn fold_accent(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'À' | 'Á' | 'Â' | 'Ä' => 'A',
        'É' | 'È' | 'Ê' => 'E',
        _ => ch,
    }
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// A calendar date; month and day are 0 when not given ("2022" or "2022-04").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// "22 April 2022", "April 2022" or "2022".
    pub fn display(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (self.month, self.day) {
            (0, _) => self.year.to_string(),
            (m, 0) => format!("{} {}", MONTHS[(m - 1) as usize], self.year),
            (m, d) => format!("{d} {} {}", MONTHS[(m - 1) as usize], self.year),
        }
    }
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split('-');
    let year: i32 = parse_digits(parts.next()?, 4)?;
    let month = match parts.next() {
        Some(m) => parse_digits(m, 2)?,
        None => 0,
    };
    let day = match parts.next() {
        Some(d) => parse_digits(d, 2)?,
        None => 0,
    };
    if parts.next().is_some() || month > 12 || (month == 0 && day != 0) {
        return None;
    }
    if day > days_in_month(year, month) {
        return None;
    }
    Some(Date { year, month, day })
}

fn parse_digits<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        0 => 0,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parses `m:ss` (or `h:mm:ss`) into seconds.
pub fn parse_duration(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total: u32 = 0;
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u32 = p.parse().ok()?;
        if i > 0 && (p.len() != 2 || v >= 60) {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(v)?;
    }
    Some(total)
}

/// Seconds as `m:ss`.
pub fn format_duration(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_punctuation_and_accents() {
        assert_eq!(normalise("Mr. Ajayi"), normalise("mr ajayi"));
        assert_eq!(normalise("Déjà Vu"), "deja vu");
        assert_eq!(
            normalise("  Don't   Leave Me (Chapter 1: Despair) "),
            "dont leave me chapter 1 despair"
        );
    }

    #[test]
    fn dates_and_durations_parse_strictly() {
        assert_eq!(
            parse_date("2022-04-22"),
            Some(Date {
                year: 2022,
                month: 4,
                day: 22
            })
        );
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("2022-13"), None);
        assert_eq!(parse_date("22-04-2022"), None);
        assert_eq!(parse_duration("3:05"), Some(185));
        assert_eq!(parse_duration("3:5"), None);
        assert_eq!(parse_duration("1:02:03"), Some(3723));
        assert_eq!(format_duration(185), "3:05");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("sebastian", "sebastican"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

//! Dates as people type them into spreadsheets, turned into the pack's ISO
//! form (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() >= 3))
        .map(|i| i as u32 + 1)
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(year: i32, month: Option<u32>, day: Option<u32>) -> Result<String, String> {
    if !(1..=9999).contains(&year) {
        return Err(format!("the year {year} is out of range"));
    }
    match (month, day) {
        (None, _) => Ok(format!("{year:04}")),
        (Some(m), _) if !(1..=12).contains(&m) => Err(format!("there is no month {m}")),
        (Some(m), None) => Ok(format!("{year:04}-{m:02}")),
        (Some(m), Some(d)) if d == 0 || d > days_in(year, m) => Err(format!(
            "{} {year} has no day {d}",
            capitalised(MONTHS[m as usize - 1])
        )),
        (Some(m), Some(d)) => Ok(format!("{year:04}-{m:02}-{d:02}")),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 1st, 22nd
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// "2022-04-22", "2022-04", "2022", "22 April 2022", "April 22, 2022",
/// "22 Apr 2022", "April 2022", "22/04/2022" when the day is over 12 (else it
/// could be read either way) → ISO. The error says what to write instead.
pub fn parse(text: &str) -> Result<String, String> {
    let t = text.trim();
    const HELP: &str =
        "write dates as 2022-04-22, 22 April 2022 or April 22, 2022 (or 2022-04, April 2022, 2022)";
    if t.is_empty() {
        return Err(HELP.into());
    }
    // ISO, with - or .
    let iso_parts: Vec<&str> = t.split('-').collect();
    if iso_parts.len() <= 3 && iso_parts[0].len() == 4 {
        let nums: Option<Vec<u32>> = iso_parts.iter().map(|p| number_strict(p)).collect();
        if let Some(n) = nums {
            return iso(n[0] as i32, n.get(1).copied(), n.get(2).copied());
        }
    }
    if t.contains('/') {
        let parts: Vec<&str> = t.split('/').map(str::trim).collect();
        let nums: Option<Vec<u32>> = parts.iter().map(|p| number_strict(p)).collect();
        if let (3, Some(n)) = (parts.len(), nums) {
            let year = n[2] as i32;
            if parts[2].len() != 4 {
                return Err(format!("\"{t}\": write the year with four digits; {HELP}"));
            }
            return match (n[0] > 12, n[1] > 12) {
                (true, false) => iso(year, Some(n[1]), Some(n[0])),
                (false, true) => iso(year, Some(n[0]), Some(n[1])),
                (false, false) if n[0] == n[1] => iso(year, Some(n[0]), Some(n[1])),
                _ => Err(format!(
                    "\"{t}\" reads as one date in the UK and another in the US; {HELP}"
                )),
            };
        }
        return Err(format!("\"{t}\" is not a date; {HELP}"));
    }
    // Words: day month year, month day year, month year.
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let parsed = match words.as_slice() {
        [d, m, y] if number(d).is_some() && month(m).is_some() => {
            Some((number_strict(y), month(m), number(d)))
        }
        [m, d, y] if month(m).is_some() && number(d).is_some() => {
            Some((number_strict(y), month(m), number(d)))
        }
        [m, y] if month(m).is_some() => Some((number_strict(y), month(m), None)),
        _ => None,
    };
    match parsed {
        Some((Some(y), m, d)) if y >= 1000 => iso(y as i32, m, d),
        _ => Err(format!("\"{t}\" is not a date; {HELP}")),
    }
}

fn number_strict(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn usual_spellings_become_iso() {
        for (text, want) in [
            ("2022-04-22", "2022-04-22"),
            ("2022-04", "2022-04"),
            ("2022", "2022"),
            ("22 April 2022", "2022-04-22"),
            ("22nd April 2022", "2022-04-22"),
            ("April 22, 2022", "2022-04-22"),
            ("Apr 22 2022", "2022-04-22"),
            ("22 Sept. 2022", "2022-09-22"),
            ("April 2022", "2022-04"),
            ("22/04/2022", "2022-04-22"),
            ("04/22/2022", "2022-04-22"),
        ] {
            assert_eq!(parse(text).as_deref(), Ok(want), "{text}");
        }
    }

    #[test]
    fn ambiguous_and_impossible_dates_say_why() {
        assert!(parse("04/05/2022").unwrap_err().contains("UK"));
        assert!(parse("31 February 2022").unwrap_err().contains("no day 31"));
        assert!(parse("2022-13-01").unwrap_err().contains("no month 13"));
        assert!(parse("soon").unwrap_err().contains("not a date"));
        assert!(parse("4/5/22").unwrap_err().contains("four digits"));
    }
}

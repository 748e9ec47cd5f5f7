//! The checks every generated question passes before a player sees it: four
//! distinct options, the answer nowhere in the prompt, no option that gives
//! itself away by a word it shares with the prompt or by its shape, and a
//! prompt a host could read aloud.

use std::borrow::Cow;
use std::fmt;

use super::facts::FactBase;

use super::kinds::{Draft, OPTIONS};
use super::text::normalise;
use super::validate::contains_words;

/// Why a candidate gave no question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reject {
    /// Fewer than four options could be verified (or the fact is missing).
    TooFewOptions,
    /// Two options read the same.
    DuplicateOptions,
    /// The answer is written in the prompt.
    AnswerInPrompt,
    /// The answer, and no wrong option, shares this word with the prompt.
    SharedWord(String),
    /// The answer is the only option with (or without) this feature.
    OddShape(&'static str),
    /// The prompt does not read as a question (no capital, a colon inside).
    Phrasing(&'static str),
}

impl Reject {
    /// Whether drawing other distractors might pass.
    pub fn redraw_may_fix(&self) -> bool {
        matches!(
            self,
            Reject::SharedWord(_) | Reject::OddShape(_) | Reject::DuplicateOptions
        )
    }
}

impl Reject {
    /// The reason without its particulars, for counting ("giveaway: a word
    /// only the answer shares with the prompt").
    pub fn category(&self) -> String {
        match self {
            Reject::SharedWord(_) => {
                "giveaway: a word only the answer shares with the prompt".into()
            }
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reject::TooFewOptions => write!(f, "fewer than {OPTIONS} verified options"),
            Reject::DuplicateOptions => write!(f, "two options read the same"),
            Reject::AnswerInPrompt => write!(f, "the answer is in the prompt"),
            Reject::SharedWord(w) => {
                write!(
                    f,
                    "giveaway: only the answer shares \"{w}\" with the prompt"
                )
            }
            Reject::OddShape(s) => write!(f, "giveaway: only the answer {s}"),
            Reject::Phrasing(s) => write!(f, "phrasing: {s}"),
        }
    }
}

/// Words too common to give anything away.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "and"
            | "or"
            | "with"
            | "from"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "which"
            | "what"
            | "who"
            | "whom"
            | "where"
            | "when"
            | "how"
            | "does"
            | "did"
            | "do"
            | "these"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "its"
            | "it"
            | "as"
            | "not"
            | "has"
            | "have"
            | "had"
            | "into"
            | "out"
            | "up"
            | "one"
            | "ones"
            | "first"
            | "season"
            | "episode"
            | "series"
            | "s"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
    )
}

fn content_words(normalised: &str) -> impl Iterator<Item = &str> {
    normalised
        .split(' ')
        .filter(|w| w.len() >= 3 && !is_stop(w))
}

/// Two words that are the same or share a stem ("sun", "Sunflower"; "bowl",
/// "bowling"; "Galilean", "Galileo"): all of a short word, or a common start
/// of five letters.
fn related(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    a == b || (shorter >= 3 && common >= shorter.min(5))
}

/// The answer shares a content word with the prompt that no wrong option shares.
pub fn shared_word(prompt: &str, answer: &str, wrong: &[&str]) -> Option<String> {
    let p = normalise(prompt);
    let a = normalise(answer);
    let wrong: Vec<String> = wrong.iter().map(|w| normalise(w)).collect();
    let prompt_words: Vec<&str> = content_words(&p).collect();
    let answer_words: Vec<&str> = content_words(&a).collect();
    let wrong_words: Vec<Vec<&str>> = wrong.iter().map(|w| content_words(w).collect()).collect();
    let wrong_slices: Vec<&[&str]> = wrong_words.iter().map(|w| w.as_slice()).collect();
    shared_word_in(&prompt_words, &answer_words, &wrong_slices)
}

/// The words of a label, without allocating (the first `N` count).
#[derive(Clone, Copy)]
struct Words<'a, const N: usize> {
    words: [&'a str; N],
    len: usize,
}

/// A label's words: options are short.
type LabelWords<'a> = Words<'a, 12>;
/// A prompt's words.
type PromptWords<'a> = Words<'a, 24>;

impl<'a, const N: usize> Words<'a, N> {
    fn new() -> Self {
        Words {
            words: [""; N],
            len: 0,
        }
    }

    /// Every word but the articles, digits included ("voyager", "2"), in place.
    fn set_every(&mut self, normalised: &'a str) {
        self.len = 0;
        for word in normalised
            .split(' ')
            .filter(|x| !x.is_empty() && !matches!(*x, "the" | "a" | "an" | "of" | "and"))
        {
            if self.len == N {
                break;
            }
            self.words[self.len] = word;
            self.len += 1;
        }
    }

    /// The content words of `from`, in place.
    fn set_content(&mut self, from: &Self) {
        self.len = 0;
        for &word in from.as_slice() {
            if word.len() >= 3 && !is_stop(word) {
                self.words[self.len] = word;
                self.len += 1;
            }
        }
    }

    fn as_slice(&self) -> &[&'a str] {
        &self.words[..self.len]
    }
}

/// Whether `needle` (non-empty) occurs as consecutive words of `hay`.
fn contains_sequence(hay: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// `shared_word` over content words already split out.
fn shared_word_in(prompt: &[&str], answer: &[&str], wrong: &[&[&str]]) -> Option<String> {
    let in_prompt = |w: &&str| prompt.iter().any(|pw| related(pw, w));
    let word = answer.iter().find(|w| in_prompt(w))?;
    let echoed = wrong.iter().any(|ws| ws.iter().any(in_prompt));
    (!echoed).then(|| word.to_string())
}

/// The visible marks of an option, found in one pass over its bytes.
#[derive(Clone, Copy)]
struct Shape {
    /// Bit 0: brackets, 1: digits, 2: a colon, 3: a comma.
    marks: u8,
    chars: usize,
}

const MARKS: [(&str, &str); 4] = [
    ("has brackets", "lacks brackets"),
    ("has digits", "lacks digits"),
    ("has a colon", "lacks a colon"),
    ("has a comma", "lacks a comma"),
];

fn shape(s: &str) -> Shape {
    let mut marks = 0u8;
    let mut chars = 0;
    for &byte in s.as_bytes() {
        marks |= match byte {
            b'(' => 1,
            b'0'..=b'9' => 2,
            b':' => 4,
            b',' => 8,
            _ => 0,
        };
        // Count characters, not UTF-8 continuation bytes.
        chars += usize::from(byte & 0xC0 != 0x80);
    }
    Shape { marks, chars }
}

/// The answer alone has (or alone lacks) a visible feature, or is far longer
/// or shorter than every wrong option.
pub fn odd_shape(answer: &str, wrong: &[&str]) -> Option<&'static str> {
    if wrong.len() < 2 || wrong.len() > 8 {
        return None;
    }
    let a = shape(answer);
    let mut others = [Shape { marks: 0, chars: 0 }; 8];
    for (slot, w) in others.iter_mut().zip(wrong) {
        *slot = shape(w);
    }
    let others = &others[..wrong.len()];
    for (bit, (has, lacks)) in MARKS.iter().enumerate() {
        let mark = 1u8 << bit;
        let answer_has = a.marks & mark != 0;
        if others.iter().all(|o| (o.marks & mark != 0) != answer_has) {
            return Some(if answer_has { has } else { lacks });
        }
    }
    let longest = others.iter().map(|o| o.chars).max().unwrap_or(0);
    let shortest = others.iter().map(|o| o.chars).min().unwrap_or(0);
    if a.chars > 2 * longest && a.chars > longest + 12 {
        return Some("is far longer than the others");
    }
    if 2 * a.chars < shortest && a.chars + 12 < shortest {
        return Some("is far shorter than the others");
    }
    None
}

/// The prompt a host reads: a capital first letter, a question mark, and no
/// colon splicing a label into the sentence.
pub fn phrasing(prompt: &str) -> Option<&'static str> {
    let first = prompt.chars().next()?;
    if first.is_lowercase() {
        return Some("the prompt starts in lower case");
    }
    if !prompt.trim_end().ends_with('?') {
        return Some("the prompt is not a question");
    }
    // A colon followed by a space splices a clause in; titles with colons are
    // quoted. Most prompts have no colon at all: one fast search decides.
    let mut from = 0;
    while let Some(k) = prompt[from..].find(": ") {
        let at = from + k;
        let before = &prompt[..at];
        if before.matches('“').count() <= before.matches('”').count() {
            return Some("a colon in the middle of the prompt");
        }
        from = at + 2;
    }
    None
}

/// Two names whose words one holds all of ("Best TV Performance", "Performance
/// - TV"): read aloud they sound the same.
fn near_duplicates(words: &[&[&str]]) -> bool {
    // Every word of `a` is a word of `b` (and `a` has one).
    let within = |a: &[&str], b: &[&str]| !a.is_empty() && a.iter().all(|w| b.contains(w));
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if within(a, b) || within(b, a) {
                return true;
            }
        }
    }
    false
}

/// `normalise` for text whose letters are all ASCII, into a stack buffer (the
/// prompt of nearly every question): `None` sends anything else, or a text too
/// long for the buffer, to `normalise`.
fn normalise_ascii<'b>(s: &str, buffer: &'b mut [u8; 512]) -> Option<&'b str> {
    let mut len = 0;
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            if pending_space && len > 0 {
                *buffer.get_mut(len)? = b' ';
                len += 1;
            }
            pending_space = false;
            *buffer.get_mut(len)? = ch.to_ascii_lowercase() as u8;
            len += 1;
        } else if ch == '\'' || ch == '.' || ch == '’' {
            // Apostrophes and dots join words, as in `normalise`.
        } else if ch.is_ascii() || matches!(ch, '“' | '”' | '‘' | '–' | '—') {
            pending_space = true;
        } else {
            return None;
        }
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

/// Every check a draft must pass.
pub(crate) fn check_question(b: &FactBase, d: &Draft) -> Result<(), Reject> {
    let min = if d.hand_written { 2 } else { OPTIONS };
    if d.wrong.len() + 1 < min {
        return Err(Reject::TooFewOptions);
    }
    // Entity options are normalised once, when the pack is compiled.
    let entity_labels = d.entities.len() == d.wrong.len() + 1;
    let label = |i: usize, text: &str| -> Cow<'_, str> {
        if entity_labels {
            Cow::Borrowed(b.norm(d.entities[i]))
        } else {
            Cow::Owned(normalise(text))
        }
    };
    let mut buffer = [0u8; 512];
    let prompt_owned;
    let prompt_norm: &str = match normalise_ascii(&d.prompt, &mut buffer) {
        Some(n) => n,
        None => {
            prompt_owned = normalise(&d.prompt);
            &prompt_owned
        }
    };
    let mut prompt_every = PromptWords::new();
    prompt_every.set_every(prompt_norm);
    let mut labels: Vec<Cow<str>> = Vec::with_capacity(d.wrong.len() + 1);
    labels.push(label(0, &d.answer));
    debug_assert_eq!(prompt_norm, normalise(&d.prompt));
    let mut answer_every = LabelWords::new();
    answer_every.set_every(&labels[0]);
    let in_prompt = if d.hand_written {
        contains_words(prompt_norm, &labels[0])
    } else {
        contains_sequence(prompt_every.as_slice(), answer_every.as_slice())
    };
    if labels[0].is_empty() || in_prompt {
        return Err(Reject::AnswerInPrompt);
    }
    for (i, (w, _)) in d.wrong.iter().enumerate() {
        let l = label(i + 1, w);
        if l.is_empty() || labels.contains(&l) {
            return Err(Reject::DuplicateOptions);
        }
        labels.push(l);
    }
    if d.hand_written {
        return Ok(());
    }
    let mut split = [LabelWords::new(); OPTIONS];
    let mut every = [LabelWords::new(); OPTIONS];
    let n = labels.len().min(OPTIONS);
    for ((e, c), l) in every.iter_mut().zip(split.iter_mut()).zip(&labels[..n]) {
        e.set_every(l);
        c.set_content(e);
    }
    let mut words: [&[&str]; OPTIONS] = [&[]; OPTIONS];
    for (slot, w) in words.iter_mut().zip(&split[..n]) {
        *slot = w.as_slice();
    }
    let words = &words[..n];
    let mut all: [&[&str]; OPTIONS] = [&[]; OPTIONS];
    for (slot, w) in all.iter_mut().zip(&every[..n]) {
        *slot = w.as_slice();
    }
    if !d.entities.is_empty() && near_duplicates(&all[..n]) {
        return Err(Reject::DuplicateOptions);
    }
    if let Some(p) = phrasing(&d.prompt) {
        return Err(Reject::Phrasing(p));
    }
    let mut prompt_words = PromptWords::new();
    prompt_words.set_content(&prompt_every);
    if let Some(w) = shared_word_in(prompt_words.as_slice(), words[0], &words[1..]) {
        return Err(Reject::SharedWord(w));
    }
    let mut wrong: [&str; OPTIONS] = [""; OPTIONS];
    for (slot, (w, _)) in wrong.iter_mut().zip(&d.wrong) {
        *slot = w;
    }
    if let Some(s) = odd_shape(&d.answer, &wrong[..d.wrong.len().min(OPTIONS)]) {
        return Err(Reject::OddShape(s));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_only_the_answer_echoes_is_a_giveaway() {
        assert_eq!(
            shared_word(
                "What was filmed at Hollywood Bowl bowling alley?",
                "Bowling alley scenes",
                &["Harry's party", "The beach trip", "Rugby practice"]
            ),
            Some("bowling".into())
        );
        assert_eq!(
            shared_word(
                "Who plays Nick Nelson?",
                "Kit Connor",
                &["Joe Locke", "William Gao", "Yasmin Finney"]
            ),
            None
        );
    }

    #[test]
    fn an_option_alone_in_its_shape_is_a_giveaway() {
        assert_eq!(
            odd_shape("Alaska (Toby Green remix)", &["Girls", "Cola", "Shy"]),
            Some("has brackets")
        );
        assert_eq!(odd_shape("Girls", &["Cola", "Shy", "Bloom"]), None);
        assert_eq!(
            odd_shape(
                "Executive producer of the Heartstopper film",
                &["Composer", "Editor", "Casting director"]
            ),
            Some("is far longer than the others")
        );
    }

    #[test]
    fn prompts_read_as_questions() {
        assert_eq!(
            phrasing("In which episode of Heartstopper: Nick and Charlie kiss?"),
            Some("a colon in the middle of the prompt")
        );
        assert_eq!(phrasing("Who performs “Heartstopper: Theme”?"), None);
        assert_eq!(
            phrasing("who plays Nick?"),
            Some("the prompt starts in lower case")
        );
    }
}

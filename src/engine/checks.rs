//! The checks every generated question passes before a player sees it: four
//! distinct options, the answer nowhere in the prompt, no option that gives
//! itself away by a word it shares with the prompt or by its shape, and a
//! prompt a host could read aloud.

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
            Reject::TooFewOptions => write!(
                f,
                "fewer than {OPTIONS} verified options (too few other things of the answer's kind are known to be wrong here: add more of them, or more facts with other answers)"
            ),
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
        // Labels are a few words: a byte loop beats a searcher's set-up.
        let mut start = 0;
        for (i, &byte) in normalised.as_bytes().iter().chain(b" ").enumerate() {
            if byte != b' ' {
                continue;
            }
            let word = &normalised[start..i];
            start = i + 1;
            if word.is_empty() || matches!(word, "the" | "a" | "an" | "of" | "and") {
                continue;
            }
            if self.len == N {
                break;
            }
            self.words[self.len] = word;
            self.len += 1;
        }
    }

    /// The words `spans` measured in `normalised` (every word, then content
    /// words in `content`); `false` if the label was too long to measure.
    fn set_from_spans(
        &mut self,
        content: &mut Self,
        normalised: &'a str,
        spans: &WordSpans,
    ) -> bool {
        if spans.every == u8::MAX {
            return false;
        }
        self.len = 0;
        content.len = 0;
        for (i, &(start, end)) in spans.spans[..spans.every as usize].iter().enumerate() {
            let word = &normalised[start as usize..end as usize];
            self.words[self.len] = word;
            self.len += 1;
            if spans.content & (1 << i) != 0 {
                content.words[content.len] = word;
                content.len += 1;
            }
        }
        true
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

/// Where the words of an entity's normalised name are, measured once when the
/// pack is compiled: every word but the articles, and which are content words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordSpans {
    spans: [(u8, u8); 6],
    /// How many words; `u8::MAX`: too long to measure, split when asked.
    every: u8,
    /// Bit i: word i is a content word.
    content: u8,
}

impl WordSpans {
    pub(crate) fn measure(normalised: &str) -> WordSpans {
        let mut out = WordSpans {
            spans: [(0, 0); 6],
            every: u8::MAX,
            content: 0,
        };
        if normalised.len() > u8::MAX as usize {
            return out;
        }
        let mut every = LabelWords::new();
        every.set_every(normalised);
        if every.len > out.spans.len() {
            return out;
        }
        let base = normalised.as_ptr() as usize;
        for (i, w) in every.as_slice().iter().enumerate() {
            let start = w.as_ptr() as usize - base;
            out.spans[i] = (start as u8, (start + w.len()) as u8);
            if w.len() >= 3 && !is_stop(w) {
                out.content |= 1 << i;
            }
        }
        out.every = every.len as u8;
        out
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
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Shape {
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

pub(crate) fn shape(s: &str) -> Shape {
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
    let mut others = [Shape::default(); 8];
    for (slot, w) in others.iter_mut().zip(wrong) {
        *slot = shape(w);
    }
    odd_shape_of(shape(answer), &others[..wrong.len()])
}

/// `odd_shape` over shapes already measured.
fn odd_shape_of(a: Shape, others: &[Shape]) -> Option<&'static str> {
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
    // quoted. Most prompts have no colon at all: one byte scan decides.
    if !prompt.as_bytes().contains(&b':') {
        return None;
    }
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

/// Byte classes for `normalise_ascii`: a letter or digit maps to itself in
/// lower case; the rest are these.
const JOIN: u8 = 0x80;
const SPLIT: u8 = 0x81;
const WIDE: u8 = 0x82;

const CLASS: [u8; 256] = {
    let mut table = [SPLIT; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            byte.to_ascii_lowercase()
        } else if byte == b'\'' || byte == b'.' {
            JOIN // apostrophes and dots join words, as in `normalise`
        } else if byte >= 0x80 {
            WIDE
        } else {
            SPLIT
        };
        b += 1;
    }
    table
};

/// `normalise` for text whose letters are all ASCII, into a stack buffer (the
/// prompt and options of nearly every question): `None` sends anything else,
/// or a text too long for the buffer, to `normalise`.
fn normalise_ascii<'b, const N: usize>(s: &str, buffer: &'b mut [u8; N]) -> Option<&'b str> {
    let bytes = s.as_bytes();
    // The normalised text is never longer than the text.
    if bytes.len() > N {
        return None;
    }
    let mut len = 0;
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let class = CLASS[bytes[i] as usize];
        i += 1;
        if class < JOIN {
            if pending_space {
                buffer[len] = b' ';
                len += 1;
                pending_space = false;
            }
            buffer[len] = class;
            len += 1;
        } else if class == SPLIT {
            pending_space = len > 0;
        } else if class == WIDE {
            // Typographic quotes and dashes separate words; a right single
            // quote is an apostrophe; any other letter goes to `normalise`.
            let ch = s[i - 1..].chars().next()?;
            match ch {
                '’' => {}
                '“' | '”' | '‘' | '–' | '—' => pending_space = len > 0,
                _ => return None,
            }
            i += ch.len_utf8() - 1;
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
    if d.hand_written {
        return check_hand_written(d);
    }
    let n = d.wrong.len() + 1;
    if n > OPTIONS {
        return Err(Reject::TooFewOptions); // generated questions have four options
    }
    let text = |i: usize| if i == 0 { &d.answer } else { &d.wrong[i - 1].0 };
    // Entity options were normalised and measured when the pack was compiled.
    let entity_labels = d.entities.len() == n;
    let mut buffers = [[0u8; 128]; OPTIONS];
    let mut owned: [String; OPTIONS] = Default::default();
    let mut texts: [&str; OPTIONS] = [""; OPTIONS];
    let mut slow = [false; OPTIONS];
    if !entity_labels {
        for (i, buffer) in buffers.iter_mut().enumerate().take(n) {
            match normalise_ascii(text(i), buffer) {
                Some(t) => texts[i] = t,
                None => {
                    owned[i] = normalise(text(i));
                    slow[i] = true;
                }
            }
        }
        for i in 0..n {
            if slow[i] {
                texts[i] = &owned[i];
            }
            debug_assert_eq!(texts[i], normalise(text(i)));
        }
    }
    let label = |i: usize| -> &str {
        if entity_labels {
            b.norm(d.entities[i])
        } else {
            texts[i]
        }
    };
    let mut every = [LabelWords::new(); OPTIONS];
    let mut content = [LabelWords::new(); OPTIONS];
    for (i, (e, c)) in every.iter_mut().zip(content.iter_mut()).enumerate().take(n) {
        let l = label(i);
        if l.is_empty() {
            if i == 0 {
                return Err(Reject::AnswerInPrompt);
            }
            continue; // an empty wrong option is reported with the duplicates
        }
        if !(entity_labels && e.set_from_spans(c, l, &b.word_spans[d.entities[i] as usize])) {
            e.set_every(l);
            c.set_content(e);
        }
    }
    let mut buffer = [0u8; 512];
    let prompt_owned;
    let prompt_norm: &str = match normalise_ascii(&d.prompt, &mut buffer) {
        Some(p) => p,
        None => {
            prompt_owned = normalise(&d.prompt);
            &prompt_owned
        }
    };
    debug_assert_eq!(prompt_norm, normalise(&d.prompt));
    let mut prompt_every = PromptWords::new();
    prompt_every.set_every(prompt_norm);
    if contains_sequence(prompt_every.as_slice(), every[0].as_slice()) {
        return Err(Reject::AnswerInPrompt);
    }
    for i in 1..n {
        let l = label(i);
        if l.is_empty() || (0..i).any(|k| label(k) == l) {
            return Err(Reject::DuplicateOptions);
        }
    }
    let mut all: [&[&str]; OPTIONS] = [&[]; OPTIONS];
    let mut words: [&[&str]; OPTIONS] = [&[]; OPTIONS];
    for i in 0..n {
        all[i] = every[i].as_slice();
        words[i] = content[i].as_slice();
    }
    if entity_labels && near_duplicates(&all[..n]) {
        return Err(Reject::DuplicateOptions);
    }
    if let Some(p) = phrasing(&d.prompt) {
        return Err(Reject::Phrasing(p));
    }
    let mut prompt_words = PromptWords::new();
    prompt_words.set_content(&prompt_every);
    if let Some(w) = shared_word_in(prompt_words.as_slice(), words[0], &words[1..n]) {
        return Err(Reject::SharedWord(w));
    }
    // Entity names were measured when the pack was compiled.
    let shape_of = |i: usize| {
        if entity_labels {
            let known = b.shapes[d.entities[i] as usize];
            debug_assert_eq!(known.marks, shape(text(i)).marks, "{}", text(i));
            known
        } else {
            shape(text(i))
        }
    };
    let mut others = [Shape::default(); OPTIONS];
    for (i, slot) in others.iter_mut().enumerate().take(n).skip(1) {
        *slot = shape_of(i);
    }
    if n >= 3
        && let Some(s) = odd_shape_of(shape_of(0), &others[1..n])
    {
        return Err(Reject::OddShape(s));
    }
    Ok(())
}

/// A person wrote the question: only the answer's absence from the prompt and
/// distinct options are checked.
fn check_hand_written(d: &Draft) -> Result<(), Reject> {
    let prompt = normalise(&d.prompt);
    let answer = normalise(&d.answer);
    if answer.is_empty() || contains_words(&prompt, &answer) {
        return Err(Reject::AnswerInPrompt);
    }
    let mut labels = vec![answer];
    for (w, _) in &d.wrong {
        let l = normalise(w);
        if l.is_empty() || labels.contains(&l) {
            return Err(Reject::DuplicateOptions);
        }
        labels.push(l);
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

//! The messages between a phone and the host, as JSON text frames over one
//! WebSocket (documented in `docs/remote.md`). Everything a phone sends is
//! parsed into [`FromPhone`] and checked here before the host sees it; a
//! message that fails gets an [`ToPhone::Error`] and is otherwise ignored.

use serde::{Deserialize, Serialize};

/// Longest player name, in characters.
pub const MAX_NAME_CHARS: usize = 16;
/// Longest message a phone may send, in bytes (the server refuses larger frames).
pub const MAX_MESSAGE_BYTES: usize = 1024;
/// Letters of a room code: no I, O, 0 or 1 to misread across a room.
pub const ROOM_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
pub const ROOM_CODE_LEN: usize = 4;
/// A seat token: hex, kept in the phone's browser to rejoin its own seat.
pub const TOKEN_LEN: usize = 32;

/// What a phone says.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FromPhone {
    /// Take a seat (or the audience) with the room code; `token` rejoins a
    /// seat this browser held before.
    Join {
        room: String,
        name: String,
        #[serde(default)]
        token: Option<String>,
    },
    /// An answer (A–D as 0–3) to the question with this number. In Buzz and
    /// steal the first press buzzes; `Buzz` says so explicitly.
    Answer {
        question: u32,
        slot: u8,
    },
    Buzz {
        question: u32,
    },
    /// The final wager in percent; `lock` confirms it.
    Wager {
        percent: u32,
        lock: bool,
    },
    /// The audience's pick for the question on screen.
    Vote {
        question: u32,
        slot: u8,
    },
    /// The host's confirm (start, next) from a phone that holds the first seat.
    Ready {},
    /// Round-trip measurement: echoed as `Pong` with the same `t`.
    Ping {
        t: f64,
    },
}

/// What the host tells one phone.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToPhone {
    /// You are in the room: keep `token` to come back to your place.
    Welcome {
        token: String,
        phone: u32,
        name: String,
        audience: bool,
    },
    /// Your badge on the big screen: an index into the player colours and
    /// shapes, or `None` in the audience (no seat was free).
    Badge {
        colour: Option<u8>,
    },
    /// What the big screen shows now.
    Screen(PhoneView),
    /// The host has the answer (or buzz, wager or vote), received at
    /// `at` seconds into the question.
    Ack {
        question: u32,
        at: f32,
    },
    /// This phone's own result of the last question.
    Result {
        question: u32,
        correct: bool,
        points: i64,
        total: i64,
    },
    Pong {
        t: f64,
    },
    Error {
        code: ErrorCode,
        message: String,
    },
}

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not JSON, or not a message this protocol has.
    Malformed,
    WrongRoom,
    BadName,
    /// Join first.
    NotJoined,
    /// The question is over (or another one is on screen).
    Late,
    /// Too many messages: slow down.
    TooFast,
    /// Every seat and audience place is taken.
    Full,
    /// Not something this phone can do now (a vote from a player, a wager
    /// outside the wager screen).
    NotNow,
}

/// The shared screen, as a phone shows it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct PhoneView {
    pub phase: Phase,
    /// Round name ("Fastest finger"), when in a game.
    pub round: String,
    pub question: Option<QuestionView>,
    /// Standings, best first.
    pub standings: Vec<Standing>,
    /// After a reveal: how the audience voted per option.
    pub audience_split: Vec<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Lobby,
    Wager,
    Question,
    Reveal,
    Standings,
    Podium,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct QuestionView {
    pub number: u32,
    pub prompt: String,
    pub options: Vec<String>,
    /// Seconds to answer; 0 without a clock.
    pub seconds: f32,
    /// Buzz and steal: press Buzz first.
    pub buzz: bool,
    /// Shown after the reveal.
    pub answer: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Standing {
    pub name: String,
    pub colour: u8,
    pub points: i64,
    pub away: bool,
}

/// Why a phone's message was refused: sent back as [`ToPhone::Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: ErrorCode,
    pub message: String,
}

impl From<Refusal> for ToPhone {
    fn from(r: Refusal) -> ToPhone {
        ToPhone::Error {
            code: r.code,
            message: r.message,
        }
    }
}

/// Parses one text frame.
pub fn parse(text: &str) -> Result<FromPhone, Refusal> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(error(ErrorCode::Malformed, "message too long"));
    }
    let msg: FromPhone = serde_json::from_str(text)
        .map_err(|e| error(ErrorCode::Malformed, &format!("not a message: {e}")))?;
    match &msg {
        FromPhone::Answer { slot, .. } | FromPhone::Vote { slot, .. } if *slot > 3 => {
            Err(error(ErrorCode::Malformed, "slot must be 0 to 3"))
        }
        FromPhone::Ping { t } if !t.is_finite() => Err(error(ErrorCode::Malformed, "bad time")),
        _ => Ok(msg),
    }
}

pub fn error(code: ErrorCode, message: &str) -> Refusal {
    Refusal {
        code,
        message: message.to_string(),
    }
}

/// A player name as typed, made safe to show: control characters and
/// surrounding space dropped, inner runs of space made one, at most
/// [`MAX_NAME_CHARS`]. `None` when nothing is left. (Names are always shown
/// as text, never as markup, on the big screen and on phones.)
pub fn clean_name(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in raw.chars().filter(|c| !c.is_control()) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    let name: String = out.chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end().to_string();
    (!name.is_empty()).then_some(name)
}

/// Whether a token is one the host could have issued (hex of the right length).
pub fn valid_token(token: &str) -> bool {
    token.len() == TOKEN_LEN && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A room code as typed: letters upper-cased, spaces dropped.
pub fn normalise_room(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_limited() {
        assert_eq!(clean_name("  Sam \n  Lee "), Some("Sam Lee".into()));
        assert_eq!(clean_name("\u{7}\t "), None);
        assert_eq!(clean_name(&"x".repeat(40)).unwrap().chars().count(), 16);
        assert_eq!(
            clean_name("<b>Nick</b>"),
            Some("<b>Nick</b>".into()),
            "kept as text; phones and the big screen never render it as markup"
        );
    }

    #[test]
    fn malformed_messages_are_refused_with_a_reason() {
        for bad in [
            "",
            "{",
            "null",
            r#"{"type":"answer"}"#,
            r#"{"type":"answer","question":1,"slot":9}"#,
            r#"{"type":"teleport"}"#,
            r#"{"type":"ready","extra":1}"#,
        ] {
            let Err(Refusal { code, .. }) = parse(bad) else {
                panic!("{bad} parsed");
            };
            assert_eq!(code, ErrorCode::Malformed, "{bad}");
        }
        assert_eq!(
            parse(r#"{"type":"answer","question":3,"slot":2}"#),
            Ok(FromPhone::Answer {
                question: 3,
                slot: 2
            })
        );
    }

    #[test]
    fn room_codes_are_read_as_typed() {
        assert_eq!(normalise_room(" ab cd"), "ABCD");
        assert!(valid_token(&"a1".repeat(16)));
        assert!(!valid_token("../../etc"));
    }
}

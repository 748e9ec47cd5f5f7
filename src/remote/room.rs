//! Who is in the room: phone players in seats, and the audience. Pure
//! bookkeeping (no sockets), so every rule is tested directly: the room code
//! gates joining, a token rejoins its own seat, phones past the seat limit
//! or after the start become the audience, both have limits.

use rand::Rng;

use super::protocol::{self, ErrorCode, ROOM_ALPHABET, ROOM_CODE_LEN, Refusal, TOKEN_LEN};

/// A phone's number in this room (players and audience alike), never reused.
pub type PhoneId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub players: usize,
    pub audience: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            players: crate::engine::party::MAX_PLAYERS,
            audience: 1000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub phone: PhoneId,
    pub name: String,
    pub audience: bool,
    pub connected: bool,
    token: String,
}

/// What a join did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    pub phone: PhoneId,
    pub token: String,
    pub name: String,
    pub audience: bool,
    /// The token's own seat (or audience place), taken back.
    pub rejoined: bool,
}

#[derive(Debug, Clone)]
pub struct Room {
    code: String,
    limits: Limits,
    members: Vec<Member>,
    next_phone: PhoneId,
    /// After the game starts, new phones watch from the audience.
    started: bool,
}

/// A fresh room code.
pub fn new_code(rng: &mut impl Rng) -> String {
    (0..ROOM_CODE_LEN)
        .map(|_| ROOM_ALPHABET[rng.random_range(0..ROOM_ALPHABET.len())] as char)
        .collect()
}

fn new_token(rng: &mut impl Rng) -> String {
    (0..TOKEN_LEN)
        .map(|_| char::from_digit(rng.random_range(0..16), 16).unwrap_or('0'))
        .collect()
}

impl Room {
    pub fn new(code: String, limits: Limits) -> Room {
        Room {
            code,
            limits,
            members: Vec::new(),
            next_phone: 1,
            started: false,
        }
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// From now on new phones join the audience.
    pub fn set_limits(&mut self, limits: Limits) {
        self.limits = limits;
    }

    pub fn set_started(&mut self, started: bool) {
        self.started = started;
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn member(&self, phone: PhoneId) -> Option<&Member> {
        self.members.iter().find(|m| m.phone == phone)
    }

    pub fn players(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| !m.audience)
    }

    /// Seats a phone. A known token takes its own place back (its name kept);
    /// otherwise the phone gets a seat while seats are free and the game has
    /// not started, else a place in the audience.
    pub fn admit(
        &mut self,
        room: &str,
        name: &str,
        token: Option<&str>,
        rng: &mut impl Rng,
    ) -> Result<Admitted, Refusal> {
        if protocol::normalise_room(room) != self.code {
            return Err(protocol::error(
                ErrorCode::WrongRoom,
                "That is not this room's code: check the big screen.",
            ));
        }
        if let Some(m) = token
            .filter(|t| protocol::valid_token(t))
            .and_then(|t| self.members.iter_mut().find(|m| m.token == t))
        {
            m.connected = true;
            return Ok(Admitted {
                phone: m.phone,
                token: m.token.clone(),
                name: m.name.clone(),
                audience: m.audience,
                rejoined: true,
            });
        }
        let Some(name) = protocol::clean_name(name) else {
            return Err(protocol::error(
                ErrorCode::BadName,
                "Type a name (up to 16 letters).",
            ));
        };
        let seated = self.players().count();
        let audience = self.started || seated >= self.limits.players;
        if audience && self.members.len() - seated >= self.limits.audience {
            return Err(protocol::error(ErrorCode::Full, "The room is full."));
        }
        let phone = self.next_phone;
        self.next_phone += 1;
        let token = new_token(rng);
        self.members.push(Member {
            phone,
            name: name.clone(),
            audience,
            connected: true,
            token: token.clone(),
        });
        Ok(Admitted {
            phone,
            token,
            name,
            audience,
            rejoined: false,
        })
    }

    /// Moves a seated phone to the audience (the host had no seat for it).
    pub fn to_audience(&mut self, phone: PhoneId) {
        if let Some(m) = self.members.iter_mut().find(|m| m.phone == phone) {
            m.audience = true;
        }
    }

    pub fn set_connected(&mut self, phone: PhoneId, connected: bool) {
        if let Some(m) = self.members.iter_mut().find(|m| m.phone == phone) {
            m.connected = connected;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn room(players: usize, audience: usize) -> (Room, rand_chacha::ChaCha8Rng) {
        (
            Room::new("KQXT".into(), Limits { players, audience }),
            rand_chacha::ChaCha8Rng::seed_from_u64(7),
        )
    }

    #[test]
    fn only_the_room_code_gets_in() {
        let (mut r, mut rng) = room(2, 2);
        let wrong = r.admit("ABCD", "Sam", None, &mut rng);
        assert!(matches!(
            wrong,
            Err(Refusal {
                code: ErrorCode::WrongRoom,
                ..
            })
        ));
        assert!(r.admit("kq xt", "Sam", None, &mut rng).is_ok());
    }

    #[test]
    fn a_token_rejoins_its_own_seat() {
        let (mut r, mut rng) = room(2, 2);
        let first = r.admit("KQXT", "Sam", None, &mut rng).unwrap();
        r.set_connected(first.phone, false);
        let again = r
            .admit("KQXT", "Someone else", Some(&first.token), &mut rng)
            .unwrap();
        assert_eq!((again.phone, again.name.as_str()), (first.phone, "Sam"));
        assert!(again.rejoined && r.member(first.phone).unwrap().connected);
        // A token that was never issued is a new phone.
        let stranger = r
            .admit("KQXT", "Ana", Some(&"0".repeat(32)), &mut rng)
            .unwrap();
        assert_ne!(stranger.phone, first.phone);
    }

    #[test]
    fn late_and_surplus_phones_watch_and_the_audience_has_a_limit() {
        let (mut r, mut rng) = room(1, 1);
        assert!(!r.admit("KQXT", "A", None, &mut rng).unwrap().audience);
        assert!(r.admit("KQXT", "B", None, &mut rng).unwrap().audience);
        let full = r.admit("KQXT", "C", None, &mut rng);
        assert!(matches!(
            full,
            Err(Refusal {
                code: ErrorCode::Full,
                ..
            })
        ));
        let (mut r, mut rng) = room(8, 8);
        r.set_started(true);
        assert!(r.admit("KQXT", "Late", None, &mut rng).unwrap().audience);
    }
}

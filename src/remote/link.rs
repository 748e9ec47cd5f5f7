//! The party game's side of the phone server, shared by the game's party
//! screens and `leafquiz host --headless`: phone messages become the
//! engine's party actions (joins, presses, wagers, audience votes), and each
//! stage is published for the phones. The host decides when stages change
//! and tells the link with [`PhoneLink::enter`]; the link never moves the
//! game on by itself.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::protocol::{Phase, PhoneView, QuestionView, Standing, ToPhone};
use super::room::PhoneId;
use super::server::{Host, OpenQuestion, PhoneEvent};
use crate::engine::party::{InputSource, Party, PressOutcome, RoundType};
use crate::engine::party_game::{PartyGame, Stage};

/// What the phones did in one [`PhoneLink::poll`] that the host acts on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Polled {
    /// The first seated player's "Go on" (start the game, next screen).
    pub go_on: bool,
    /// Players joined, came back or went away (the lobby redraws).
    pub players_changed: bool,
    /// Answers locked in (a cue on the big screen).
    pub locked: usize,
}

pub struct PhoneLink {
    host: Host,
    stage: Stage,
    /// Numbers the questions of this game (phones answer by number).
    question_number: u32,
    /// When the open question opened, by the host's clock.
    question_started: Option<Instant>,
    /// The audience's votes on the open question.
    votes: BTreeMap<PhoneId, u8>,
    /// How the audience voted on the last finished question, per option.
    split: Vec<u32>,
}

impl PhoneLink {
    pub fn new(host: Host, game: &PartyGame) -> PhoneLink {
        let link = PhoneLink {
            host,
            stage: Stage::Lobby,
            question_number: 0,
            question_started: None,
            votes: BTreeMap::new(),
            split: Vec::new(),
        };
        link.publish(game);
        link
    }

    pub fn host(&self) -> &Host {
        &self.host
    }

    /// The stage the phones were last shown.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn question_number(&self) -> u32 {
        self.question_number
    }

    /// When the open question opened (`None` outside a question).
    pub fn question_started(&self) -> Option<Instant> {
        self.question_started
    }

    /// The audience's split on the last finished question, per option.
    pub fn audience_split(&self) -> &[u32] {
        &self.split
    }

    /// Applies everything the phones sent since the last poll.
    pub fn poll(&mut self, game: &mut PartyGame) -> Polled {
        let mut polled = Polled::default();
        for event in self.host.poll() {
            self.apply(event, game, &mut polled);
        }
        if polled.players_changed {
            self.publish(game);
        }
        polled
    }

    fn apply(&mut self, event: PhoneEvent, game: &mut PartyGame, polled: &mut Polled) {
        match event {
            PhoneEvent::Joined {
                phone,
                name,
                audience: false,
            } if self.stage == Stage::Lobby => {
                match game.join(InputSource::Phone(phone), Some(name)) {
                    Ok(id) => {
                        let colour = game.party.player(id).map(|p| p.colour);
                        self.host.tell(phone, &ToPhone::Badge { colour });
                    }
                    Err(_) => self.host.seat_refused(phone),
                }
                polled.players_changed = true;
            }
            PhoneEvent::Joined { phone, .. } => self.host.seat_refused(phone),
            PhoneEvent::Returned { phone } => {
                let source = InputSource::Phone(phone);
                game.party.set_connected(source, true);
                let colour = game.party.player_for(source).map(|p| p.colour);
                self.host.tell(phone, &ToPhone::Badge { colour });
                polled.players_changed = true;
            }
            PhoneEvent::Away { phone } => {
                game.party.set_connected(InputSource::Phone(phone), false);
                polled.players_changed = true;
            }
            PhoneEvent::Press {
                phone,
                question,
                slot,
                at,
            } if self.question_open(game) && question == self.question_number => {
                let n = game.current().map_or(0, |q| q.options.len().min(4));
                // A buzz is a press of any key in Buzz and steal.
                let slot = slot.map_or(0, usize::from);
                if slot < n
                    && let PressOutcome::Locked(_) =
                        game.party.press(InputSource::Phone(phone), slot, at)
                {
                    polled.locked += 1;
                }
            }
            PhoneEvent::Wager {
                phone,
                percent,
                lock,
            } if self.stage == Stage::Wager => {
                let Some(id) = game
                    .party
                    .player_for(InputSource::Phone(phone))
                    .map(|p| p.id)
                else {
                    return;
                };
                if game.wager_confirmed.contains(&id) {
                    return;
                }
                Party::set_wager(id, percent, &mut game.wagers);
                if lock {
                    game.wager_confirmed.push(id);
                }
            }
            PhoneEvent::Vote {
                phone,
                question,
                slot,
            } if self.question_open(game) && question == self.question_number => {
                self.votes.insert(phone, slot);
            }
            PhoneEvent::Ready { phone } => {
                let first = game.party.players.first().map(|p| p.source);
                polled.go_on |= first == Some(InputSource::Phone(phone));
            }
            _ => {}
        }
    }

    fn question_open(&self, game: &PartyGame) -> bool {
        self.stage == Stage::Question && game.current().is_some()
    }

    /// The host moved the game to `stage` at `now`. Leaving a question
    /// (after `PartyGame::finish_question`) tells each phone player its
    /// result and counts the audience's votes.
    pub fn enter(&mut self, stage: Stage, game: &PartyGame, now: Instant) {
        if stage == self.stage {
            return;
        }
        if self.stage == Stage::Question {
            self.finished(game);
        }
        self.stage = stage;
        self.question_started = None;
        if stage == Stage::Lobby {
            self.host.set_started(false);
        } else {
            self.host.set_started(true);
        }
        if stage == Stage::Question {
            self.question_number += 1;
            self.question_started = Some(now);
            self.votes.clear();
        }
        self.publish(game);
    }

    fn finished(&mut self, game: &PartyGame) {
        let Some(last) = game.round().last() else {
            return;
        };
        let mut split = vec![0u32; last.question.options.len()];
        for &slot in self.votes.values() {
            if let Some(n) = split.get_mut(usize::from(slot)) {
                *n += 1;
            }
        }
        self.split = split;
        for r in &last.results {
            let Some(p) = game.party.player(r.player) else {
                continue;
            };
            if let InputSource::Phone(phone) = p.source {
                self.host.tell(
                    phone,
                    &ToPhone::Result {
                        question: self.question_number,
                        correct: r.correct,
                        points: r.delta,
                        total: p.points,
                    },
                );
            }
        }
    }

    /// Sends what the big screen shows now, and which question may be answered.
    pub fn publish(&self, game: &PartyGame) {
        let phase = match self.stage {
            Stage::Lobby => Phase::Lobby,
            Stage::Wager => Phase::Wager,
            Stage::Question => Phase::Question,
            Stage::Reveal => Phase::Reveal,
            Stage::Standings => Phase::Standings,
            Stage::Podium => Phase::Podium,
        };
        let question = match self.stage {
            Stage::Question => game.current().map(|q| (q, None)),
            Stage::Reveal => game
                .round()
                .last()
                .map(|r| (&r.question, u8::try_from(r.question.answer).ok())),
            _ => None,
        };
        let view = PhoneView {
            phase,
            round: if self.stage == Stage::Lobby {
                String::new()
            } else {
                game.round_text()
            },
            question: question.map(|(q, answer)| QuestionView {
                number: self.question_number,
                prompt: q.prompt.clone(),
                options: q.options.clone(),
                seconds: if game.round().timed() {
                    game.round().limit()
                } else {
                    0.0
                },
                buzz: game.round_type() == RoundType::BuzzAndSteal,
                answer,
            }),
            standings: game
                .party
                .standings()
                .iter()
                .map(|p| Standing {
                    name: p.name.clone(),
                    colour: p.colour,
                    points: p.points,
                    away: !p.connected,
                })
                .collect(),
            audience_split: if self.stage == Stage::Reveal {
                self.split.clone()
            } else {
                Vec::new()
            },
        };
        let open = self
            .question_started
            .filter(|_| self.question_open(game))
            .map(|started| OpenQuestion {
                number: self.question_number,
                started,
                deadline: game
                    .round()
                    .timed()
                    .then(|| started + Duration::from_secs_f32(game.round().limit())),
            });
        self.host.publish(&view, open);
    }
}

//! `leafquiz host --headless`: a party game run by phones alone, without a
//! window — the engine's [`PartyGame`] and the phone server, stepped by
//! [`HeadlessHost::tick`] (tests drive it directly; the command calls it
//! every 20 ms). The first seated phone's "Go on" starts the game and moves
//! past reveals and standings, which also move on by themselves.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::protocol::{Phase, PhoneView, QuestionView, Standing, ToPhone};
use super::room::PhoneId;
use super::server::{Host, OpenQuestion, PhoneEvent};
use crate::engine::party::{InputSource, Party, RoundType};
use crate::engine::party_game::{PartyGame, PartyPlan, Stage, WAGER_SECONDS};

/// How long a reveal and the standings stay up unless someone goes on.
pub const REVEAL_SECONDS: f32 = 6.0;
pub const STANDINGS_SECONDS: f32 = 6.0;

pub struct HeadlessHost {
    pub game: PartyGame,
    pub host: Host,
    plan: PartyPlan,
    stage: Stage,
    /// When the current stage began.
    since: Instant,
    /// When the open question began, by the host's clock.
    question_started: Option<Instant>,
    question_number: u32,
    votes: BTreeMap<PhoneId, u8>,
    last_split: Vec<u32>,
}

fn phone_of(source: InputSource) -> Option<PhoneId> {
    match source {
        InputSource::Phone(p) => Some(p),
        _ => None,
    }
}

impl HeadlessHost {
    pub fn new(game: PartyGame, host: Host, plan: PartyPlan) -> HeadlessHost {
        let h = HeadlessHost {
            game,
            host,
            plan,
            stage: Stage::Lobby,
            since: Instant::now(),
            question_started: None,
            question_number: 0,
            votes: BTreeMap::new(),
            last_split: Vec::new(),
        };
        h.publish();
        h
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// One step: the phones' messages, then the clock.
    pub fn tick(&mut self, now: Instant) {
        for event in self.host.poll() {
            self.on_event(event, now);
        }
        let elapsed = now.saturating_duration_since(self.since).as_secs_f32();
        match self.stage {
            Stage::Question => {
                if let Some(started) = self.question_started {
                    let clock = now.saturating_duration_since(started).as_secs_f32();
                    let delta = clock - self.game.round().clock();
                    self.game.round.advance(delta);
                }
                if self.game.party.all_done() || self.game.round().out_of_time() {
                    self.finish_question(now);
                }
            }
            Stage::Wager => {
                let all = self
                    .game
                    .party
                    .players
                    .iter()
                    .filter(|p| p.connected)
                    .all(|p| self.game.wager_confirmed.contains(&p.id));
                if all || (!self.game.relaxed && elapsed >= WAGER_SECONDS) {
                    let next = self.game.ask_screen();
                    self.go(next, now);
                }
            }
            Stage::Reveal if elapsed >= REVEAL_SECONDS => self.go_on(now),
            Stage::Standings if elapsed >= STANDINGS_SECONDS => self.go_on(now),
            _ => {}
        }
    }

    fn on_event(&mut self, event: PhoneEvent, now: Instant) {
        match event {
            PhoneEvent::Joined {
                phone,
                name,
                audience: false,
            } if self.stage == Stage::Lobby => {
                match self.game.party.join(InputSource::Phone(phone), Some(name)) {
                    Ok(id) => {
                        let colour = self.game.party.player(id).map(|p| p.colour);
                        self.host.tell(phone, &ToPhone::Badge { colour });
                    }
                    Err(_) => self.host.seat_refused(phone),
                }
                self.publish();
            }
            PhoneEvent::Joined { phone, .. } => {
                self.host.seat_refused(phone);
            }
            PhoneEvent::Returned { phone } => {
                self.game
                    .party
                    .set_connected(InputSource::Phone(phone), true);
                let colour = self
                    .game
                    .party
                    .player_for(InputSource::Phone(phone))
                    .map(|p| p.colour);
                self.host.tell(phone, &ToPhone::Badge { colour });
                self.publish();
            }
            PhoneEvent::Away { phone } => {
                self.game
                    .party
                    .set_connected(InputSource::Phone(phone), false);
                self.publish();
            }
            PhoneEvent::Press {
                phone,
                question,
                slot,
                at,
            } if self.stage == Stage::Question && question == self.question_number => {
                let n = self.game.current().map_or(4, |q| q.options.len().min(4));
                let slot = slot.map_or(0, usize::from);
                if slot < n {
                    self.game.party.press(InputSource::Phone(phone), slot, at);
                }
            }
            PhoneEvent::Wager {
                phone,
                percent,
                lock,
            } if self.stage == Stage::Wager => {
                let Some(id) = self
                    .game
                    .party
                    .player_for(InputSource::Phone(phone))
                    .map(|p| p.id)
                else {
                    return;
                };
                if self.game.wager_confirmed.contains(&id) {
                    return;
                }
                Party::set_wager(id, percent, &mut self.game.wagers);
                if lock {
                    self.game.wager_confirmed.push(id);
                }
            }
            PhoneEvent::Vote {
                phone,
                question,
                slot,
            } if question == self.question_number => {
                self.votes.insert(phone, slot);
            }
            PhoneEvent::Ready { phone } => self.on_ready(phone, now),
            _ => {}
        }
    }

    /// "Go on" from the first seated player.
    fn on_ready(&mut self, phone: PhoneId, now: Instant) {
        let first = self.game.party.players.first().map(|p| p.source);
        if first != Some(InputSource::Phone(phone)) {
            return;
        }
        match self.stage {
            Stage::Lobby if self.game.party.players.len() >= self.plan.min_players => {
                self.game.start_game(self.plan.clone());
                self.host.set_started(true);
                let next = self.game.next_question_screen();
                self.go(next, now);
            }
            Stage::Reveal | Stage::Standings => self.go_on(now),
            _ => {}
        }
    }

    fn go_on(&mut self, now: Instant) {
        let next = match self.stage {
            Stage::Reveal => self.game.after_reveal(),
            Stage::Standings => self.game.after_standings(),
            other => other,
        };
        self.go(next, now);
    }

    fn go(&mut self, stage: Stage, now: Instant) {
        self.stage = stage;
        self.since = now;
        if stage == Stage::Question {
            self.question_number += 1;
            self.question_started = Some(now);
            self.votes.clear();
        }
        self.publish();
    }

    fn finish_question(&mut self, now: Instant) {
        self.game.finish_question();
        self.question_started = None;
        let mut split = vec![
            0u32;
            self.game
                .round()
                .last()
                .map_or(0, |r| r.question.options.len())
        ];
        for &slot in self.votes.values() {
            if let Some(n) = split.get_mut(slot as usize) {
                *n += 1;
            }
        }
        self.last_split = split;
        if let Some(last) = self.game.round().last() {
            for r in &last.results {
                let Some(p) = self.game.party.player(r.player) else {
                    continue;
                };
                if let Some(phone) = phone_of(p.source) {
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
        self.go(Stage::Reveal, now);
    }

    /// What the phones show now, and which question they may answer.
    fn publish(&self) {
        let phase = match self.stage {
            Stage::Lobby => Phase::Lobby,
            Stage::Wager => Phase::Wager,
            Stage::Question => Phase::Question,
            Stage::Reveal => Phase::Reveal,
            Stage::Standings => Phase::Standings,
            Stage::Podium => Phase::Podium,
        };
        let question = match self.stage {
            Stage::Question => self.game.current().map(|q| (q, None)),
            Stage::Reveal => self
                .game
                .round()
                .last()
                .map(|r| (&r.question, Some(r.question.answer as u8))),
            _ => None,
        };
        let round = self.game.round_type();
        let view = PhoneView {
            phase,
            round: if self.stage == Stage::Lobby {
                String::new()
            } else {
                self.game.round_text()
            },
            question: question.map(|(q, answer)| QuestionView {
                number: self.question_number,
                prompt: q.prompt.clone(),
                options: q.options.clone(),
                seconds: self.game.round().limit(),
                buzz: round == RoundType::BuzzAndSteal,
                answer,
            }),
            standings: self
                .game
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
                self.last_split.clone()
            } else {
                Vec::new()
            },
        };
        let open = (self.stage == Stage::Question)
            .then_some(self.question_started)
            .flatten()
            .map(|started| OpenQuestion {
                number: self.question_number,
                started,
                deadline: self
                    .game
                    .round()
                    .timed()
                    .then(|| started + Duration::from_secs_f32(self.game.round().limit())),
            });
        self.host.publish(&view, open);
    }
}

/// Options of `leafquiz host`.
#[derive(Debug, Clone, clap::Args)]
pub struct HostArgs {
    /// Run without a window: the party rules and the phone server only.
    #[arg(long)]
    pub headless: bool,
    /// The port phones connect to.
    #[arg(long, default_value_t = super::DEFAULT_PORT)]
    pub port: u16,
    /// Listen on this address instead of this machine's LAN address.
    #[arg(long)]
    pub bind: Option<std::net::IpAddr>,
    /// A folder of packs (repeatable; default: the built-in and questions/).
    #[arg(long = "pack-dir")]
    pub pack_dirs: Vec<std::path::PathBuf>,
    /// Questions per round (five rounds: classic, classic, fastest finger,
    /// buzz and steal, final wager).
    #[arg(long, default_value_t = 3)]
    pub questions: u32,
    #[arg(long, default_value_t = 8)]
    pub max_players: usize,
    #[arg(long, default_value_t = 1000)]
    pub max_audience: usize,
    /// No clock and no speed points.
    #[arg(long)]
    pub relaxed: bool,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `leafquiz host --headless`: serves phones until the podium.
pub fn run(args: &HostArgs) -> i32 {
    if !args.headless {
        eprintln!(
            "error: `leafquiz host` needs --headless for now (the game's party lobby will host phones itself)"
        );
        return 2;
    }
    let (packs, errors) = crate::cli::gather_packs(&[], &args.pack_dirs, &[]);
    crate::cli::report_errors(&errors);
    if packs.is_empty() {
        eprintln!("error: no pack loaded");
        return 1;
    }
    let base = std::sync::Arc::new(crate::engine::FactBase::build(
        packs.iter().map(|p| &p.pack),
    ));
    let game = PartyGame::new(
        base,
        crate::engine::Difficulty::Medium,
        args.relaxed,
        args.seed,
        Default::default(),
    );
    let mut config = super::ServerConfig::lan(args.port);
    if let Some(ip) = args.bind {
        config.bind = std::net::SocketAddr::new(ip, args.port);
    }
    config.limits = super::room::Limits {
        players: args.max_players.min(crate::engine::party::MAX_PLAYERS),
        audience: args.max_audience,
    };
    let host = match Host::start(config) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: cannot listen on port {}: {e}", args.port);
            return 1;
        }
    };
    println!("room code: {}", host.room_code());
    println!("join: {}", host.join_url());
    let plan = PartyPlan {
        questions_per_round: args.questions.max(1),
        ..PartyPlan::default()
    };
    let mut hh = HeadlessHost::new(game, host, plan);
    let mut last = hh.stage();
    loop {
        hh.tick(Instant::now());
        if hh.stage() != last {
            last = hh.stage();
            println!("{last:?}");
            if last == Stage::Podium {
                for (i, p) in hh.game.party.standings().iter().enumerate() {
                    println!("{}. {} {}", i + 1, p.name, p.points);
                }
                // Let the phones show the podium before the server goes.
                std::thread::sleep(Duration::from_secs(3));
                return 0;
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

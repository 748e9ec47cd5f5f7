//! `leafquiz host --headless`: a party game run by phones alone, without a
//! window — the engine's [`PartyGame`] and the phone server, stepped by
//! [`HeadlessHost::tick`] (tests drive it directly; the command calls it
//! every 20 ms). The first seated phone's "Go on" starts the game and moves
//! past reveals and standings, which also move on by themselves.

use std::time::{Duration, Instant};

use super::link::PhoneLink;
use super::server::Host;
use crate::engine::party_game::{PartyGame, PartyPlan, Stage, WAGER_SECONDS};

/// How long a reveal and the standings stay up unless someone goes on.
pub const REVEAL_SECONDS: f32 = 6.0;
pub const STANDINGS_SECONDS: f32 = 6.0;

pub struct HeadlessHost {
    pub game: PartyGame,
    link: PhoneLink,
    plan: PartyPlan,
    /// When the current stage began.
    since: Instant,
}

impl HeadlessHost {
    pub fn new(game: PartyGame, host: Host, plan: PartyPlan) -> HeadlessHost {
        let link = PhoneLink::new(host, &game);
        HeadlessHost {
            game,
            link,
            plan,
            since: Instant::now(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.link.stage()
    }

    pub fn host(&self) -> &Host {
        self.link.host()
    }

    /// The audience's split on the last finished question.
    pub fn audience_split(&self) -> &[u32] {
        self.link.audience_split()
    }

    /// One step: the phones' messages, then the clock.
    pub fn tick(&mut self, now: Instant) {
        let polled = self.link.poll(&mut self.game);
        if polled.go_on {
            self.on_ready(now);
        }
        let elapsed = now.saturating_duration_since(self.since).as_secs_f32();
        match self.stage() {
            Stage::Question => {
                if let Some(started) = self.link.question_started() {
                    let clock = now.saturating_duration_since(started).as_secs_f32();
                    let delta = clock - self.game.round().clock();
                    self.game.round.advance(delta);
                }
                if self.game.party.all_done() || self.game.round().out_of_time() {
                    self.game.finish_question();
                    self.go(Stage::Reveal, now);
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

    /// "Go on" from the first seated player.
    fn on_ready(&mut self, now: Instant) {
        match self.stage() {
            Stage::Lobby if self.game.party.players.len() >= self.plan.min_players => {
                self.game.start_game(self.plan.clone());
                let next = self.game.next_question_screen();
                self.go(next, now);
            }
            Stage::Reveal | Stage::Standings => self.go_on(now),
            _ => {}
        }
    }

    fn go_on(&mut self, now: Instant) {
        let next = match self.stage() {
            Stage::Reveal => self.game.after_reveal(),
            Stage::Standings => self.game.after_standings(),
            other => other,
        };
        self.go(next, now);
    }

    fn go(&mut self, stage: Stage, now: Instant) {
        self.since = now;
        self.link.enter(stage, &self.game, now);
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
            "error: `leafquiz host` runs without a window and needs --headless; to host phones with the big screen, run `leafquiz play` and open Party (its lobby serves phones)"
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
    if let Some(qr) = super::qr::encode(&host.join_url()) {
        print!("{}", qr.to_terminal());
    }
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

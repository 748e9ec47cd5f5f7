//! The party demo (`play --demo --players N`): N seeded bots of different
//! skill join through their key clusters and play a whole party game; the
//! screens are saved as `lobby`, `question` (some bots locked), `reveal`,
//! `standings` and `podium`.

use std::path::PathBuf;

use bevy::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::input::{PartyInputSet, PartyPresses};
use super::{PartyGame, PartySetup};
use crate::engine::party::{InputSource, MAX_PLAYERS, RoundType};
use crate::game::demo::DemoConfig;
use crate::game::input::Actions;
use crate::game::screens::{Here, PartyPhase, Place, Screen};
use crate::game::theme::focus::FocusSet;
use crate::game::transition::{RequestScreen, Transition};

pub const SHOTS: [&str; 5] = ["lobby", "question", "reveal", "standings", "podium"];

/// The party demo's screenshots; the bots wait while one is wanted or being written.
#[derive(Resource, Debug, Default)]
pub struct PartyShots {
    pub dir: Option<PathBuf>,
    pub taken: Vec<&'static str>,
    pub pending: u32,
    pub want: Option<&'static str>,
    settled: u32,
}

impl crate::game::capture::Album for PartyShots {
    fn written(&mut self) {
        self.pending = self.pending.saturating_sub(1);
    }
}

impl PartyShots {
    fn has(&self, n: &str) -> bool {
        self.taken.contains(&n)
    }
    /// Whether this picture is still to be taken (never, when none are saved).
    fn wants(&self, n: &str) -> bool {
        self.dir.is_some() && !self.has(n)
    }
    fn busy(&self) -> bool {
        self.want.is_some() || self.pending > 0
    }
    /// Asks for a picture of the screen unless it was taken (or none are saved).
    fn ask(&mut self, n: &'static str) {
        if self.dir.is_some() && !self.has(n) && self.want.is_none() {
            self.want = Some(n);
            self.settled = 0;
        }
    }
    fn complete(&self) -> bool {
        self.dir.is_none() || (self.pending == 0 && SHOTS.iter().all(|s| self.has(s)))
    }
}

#[derive(Debug, Clone)]
struct BotPlayer {
    cluster: u8,
    /// Chance of a right answer.
    skill: f64,
    /// Reaction time factor.
    speed: f32,
}

/// A planned press: (seconds on the screen, cluster, slot).
type Plan = Vec<(f32, u8, usize)>;

#[derive(Resource)]
struct Bots {
    rng: ChaCha8Rng,
    players: Vec<BotPlayer>,
    exit_when_done: bool,
    screen: Option<Place>,
    idle: f32,
    plan: Plan,
    done_frames: u32,
    started: bool,
}

pub(super) fn add(app: &mut App, n: u32, demo: DemoConfig) {
    let n = (n as usize).clamp(1, MAX_PLAYERS);
    let mut rng = ChaCha8Rng::seed_from_u64(demo.seed ^ 0x5eed_9a27);
    let players = (0..n)
        .map(|i| BotPlayer {
            cluster: i as u8,
            skill: rng.random_range(0.35..0.95),
            speed: rng.random_range(0.6..1.5),
        })
        .collect();
    if let Some(mut setup) = app.world_mut().get_resource_mut::<PartySetup>() {
        // A bot game needs no second player to be allowed to start.
        setup.min_players = 1;
    }
    app.insert_resource(PartyShots {
        dir: demo.screenshots.clone(),
        ..default()
    });
    app.insert_resource(Bots {
        rng,
        players,
        exit_when_done: demo.exit_when_done,
        screen: None,
        idle: 0.0,
        plan: Vec::new(),
        done_frames: 0,
        started: false,
    });
    app.add_systems(PreUpdate, play.after(PartyInputSet).before(FocusSet));
    if demo.screenshots.is_some() {
        app.add_systems(Last, shoot);
    }
}

#[allow(clippy::too_many_arguments)]
fn play(
    time: Res<Time>,
    here: Here,
    transition: Res<Transition>,
    mut shots: ResMut<PartyShots>,
    game: Option<Res<PartyGame>>,
    mut bots: ResMut<Bots>,
    mut presses: ResMut<PartyPresses>,
    mut actions: ResMut<Actions>,
    mut requests: MessageWriter<RequestScreen>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = here.place();
    let b = &mut *bots;
    if b.screen != Some(now) {
        b.screen = Some(now);
        b.idle = 0.0;
        b.plan.clear();
        b.started = false;
    }
    if transition.busy() || shots.busy() {
        return;
    }
    b.idle += time.delta_secs();
    let t = b.idle;
    let n = b.players.len();
    match now {
        Place::Screen(Screen::Title) if t > 0.6 && !b.started => {
            b.started = true;
            requests.write(RequestScreen::to(Screen::Party));
        }
        Place::Party(PartyPhase::Lobby) => {
            let Some(game) = game else { return };
            let joined = game.party.players.len();
            if joined < n {
                // One bot joins every 0.3 s, each with a different key of its cluster.
                if t > 0.5 + 0.3 * joined as f32 {
                    let c = b.players[joined].cluster;
                    presses.0.push((InputSource::Keys(c), joined % 4));
                }
            } else if shots.wants("lobby") {
                shots.ask("lobby");
            } else if t > 1.0 && !b.started {
                b.started = true;
                // "Start" has the focus.
                actions.confirm = true;
            }
        }
        Place::Party(PartyPhase::Wager) => {
            if !b.started {
                b.started = true;
                for i in 0..n {
                    let bot = b.players[i].clone();
                    let target = b.rng.random_range(2..=10u32) * 10;
                    let mut at = 0.4 + b.rng.random_range(0.0..1.5) / bot.speed;
                    let steps = target as i32 / 10 - 5;
                    for _ in 0..steps.unsigned_abs() {
                        b.plan
                            .push((at, bot.cluster, if steps > 0 { 1 } else { 0 }));
                        at += 0.15;
                    }
                    b.plan.push((at + 0.3, bot.cluster, 3));
                }
            }
            run_plan(b, &mut presses);
        }
        Place::Party(PartyPhase::Question) => {
            let Some(game) = game else { return };
            let Some(q) = game.current() else {
                return;
            };
            if !b.started {
                b.started = true;
                let buzz = game.round_type() == RoundType::BuzzAndSteal;
                let options = q.options.len().clamp(1, 4);
                for i in 0..n {
                    let bot = b.players[i].clone();
                    let right = b.rng.random_bool(bot.skill);
                    let slot = if right || options < 2 {
                        q.answer
                    } else {
                        (q.answer + b.rng.random_range(1..options)) % options
                    };
                    // The last bot is slow, so the question screenshot shows some locked and some not.
                    let slow = if i + 1 == n && n > 1 { 2.5 } else { 0.0 };
                    let at = 0.8 + slow + b.rng.random_range(0.2..2.6) / bot.speed;
                    if buzz {
                        b.plan.push((at, bot.cluster, slot));
                        b.plan.push((at + 0.6, bot.cluster, slot));
                        // Steal attempts later.
                        b.plan.push((at + 2.0, bot.cluster, slot));
                    } else {
                        b.plan.push((at, bot.cluster, slot));
                    }
                }
            }
            let locked = game.party.locked_players().len();
            if locked * 2 >= n && locked < n && shots.wants("question") {
                shots.ask("question");
                return;
            }
            run_plan(b, &mut presses);
        }
        Place::Party(PartyPhase::Reveal) => {
            shots.ask("reveal");
            if t > 2.2 {
                confirm_once(b, &mut actions);
            }
        }
        Place::Party(PartyPhase::Standings) => {
            if t > super::results::BAR_SECONDS + 0.4 {
                shots.ask("standings");
            }
            if t > super::results::BAR_SECONDS + 1.6 {
                confirm_once(b, &mut actions);
            }
        }
        Place::Party(PartyPhase::Podium) => {
            if t > 1.6 {
                shots.ask("podium");
            }
            if t > 2.5 && b.exit_when_done && shots.complete() {
                b.done_frames += 1;
                if b.done_frames > 3 {
                    exit.write(AppExit::Success);
                }
            }
        }
        _ => {}
    }
}

fn confirm_once(b: &mut Bots, actions: &mut Actions) {
    if !b.started {
        b.started = true;
        actions.confirm = true;
    }
}

fn run_plan(b: &mut Bots, presses: &mut PartyPresses) {
    let t = b.idle;
    b.plan.retain(|&(at, c, slot)| {
        if at <= t {
            presses.0.push((InputSource::Keys(c), slot));
            false
        } else {
            true
        }
    });
}

/// Saves the wanted picture once the screen has settled for a few frames.
fn shoot(mut commands: Commands, transition: Res<Transition>, mut shots: ResMut<PartyShots>) {
    let (Some(dir), Some(name)) = (shots.dir.clone(), shots.want) else {
        return;
    };
    if transition.busy() {
        shots.settled = 0;
        return;
    }
    shots.settled += 1;
    if shots.settled < 10 {
        return;
    }
    shots.want = None;
    shots.taken.push(name);
    shots.pending += 1;
    crate::game::capture::capture::<PartyShots>(&mut commands, dir.join(format!("{name}.png")));
}

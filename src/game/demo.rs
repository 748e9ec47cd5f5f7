//! Demo mode: the game plays itself like a fair player (right about 70% of
//! the time, seeded): title → mode select → questions → reveals → results →
//! high scores. Screenshots (see `render`) hold it back while they are taken.

use std::path::PathBuf;

use bevy::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::GameConfig;
use super::input::{Actions, InputSet};
use super::quiz::{Mode, Quiz, Setup};
use super::screens::{Here, NameEntry, Place, Screen, SoloPhase};
use super::theme::focus::{FocusSet, Focusable, Focused};
use super::transition::Transition;

#[derive(Debug, Clone, Default)]
pub struct DemoConfig {
    pub seed: u64,
    pub questions: u32,
    pub screenshots: Option<PathBuf>,
    pub exit_when_done: bool,
}

/// Screenshots wanted by the demo; the bot waits while one is due.
#[derive(Resource, Debug, Clone, Default)]
pub struct Shots {
    pub dir: Option<PathBuf>,
    pub taken: Vec<&'static str>,
    /// Captures requested and not yet written.
    pub pending: u32,
    /// The current screen still needs its picture.
    pub due: bool,
}

pub const WANTED: [&str; 6] = [
    "title",
    "transition",
    "question",
    "reveal",
    "results",
    "highscores",
];

impl super::capture::Album for Shots {
    fn written(&mut self) {
        self.pending = self.pending.saturating_sub(1);
    }
}

impl Shots {
    pub fn has(&self, name: &str) -> bool {
        self.taken.contains(&name)
    }
    /// Every wanted picture is written (or none are wanted).
    pub fn complete(&self) -> bool {
        self.dir.is_none() || (self.pending == 0 && WANTED.iter().all(|w| self.has(w)))
    }
}

#[derive(Resource)]
struct Bot {
    rng: ChaCha8Rng,
    screen: Option<Place>,
    /// Seconds on this screen with no transition running.
    idle: f32,
    /// When to act on this screen.
    act_at: f32,
    acted: bool,
    done_frames: u32,
}

pub(super) fn plugin(app: &mut App) {
    let Some(demo) = app
        .world()
        .get_resource::<GameConfig>()
        .and_then(|c| c.demo.clone())
    else {
        return;
    };
    if app
        .world()
        .get_resource::<GameConfig>()
        .is_some_and(|c| c.party_players.is_some())
    {
        // The party demo has its own bots and screenshots (`game::party`).
        app.insert_resource(Shots::default());
        return;
    }
    app.insert_resource(Shots {
        dir: demo.screenshots.clone(),
        ..default()
    });
    app.insert_resource(Bot {
        rng: ChaCha8Rng::seed_from_u64(demo.seed),
        screen: None,
        idle: 0.0,
        act_at: 1.0,
        acted: false,
        done_frames: 0,
    });
    if let Some(mut setup) = app.world_mut().get_resource_mut::<Setup>() {
        setup.mode = Mode::Classic;
        setup.questions = demo.questions;
    }
    app.add_systems(PreUpdate, play.after(InputSet).before(FocusSet));
}

#[allow(clippy::too_many_arguments)]
fn play(
    time: Res<Time>,
    config: Res<GameConfig>,
    here: Here,
    transition: Res<Transition>,
    shots: Res<Shots>,
    entry: Res<NameEntry>,
    quiz: Option<Res<Quiz>>,
    focusables: Query<&Focusable>,
    focused: Query<&Focusable, With<Focused>>,
    mut bot: ResMut<Bot>,
    mut actions: ResMut<Actions>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = here.place();
    if bot.screen != Some(now) {
        bot.screen = Some(now);
        bot.idle = 0.0;
        bot.acted = false;
        bot.act_at = match now {
            Place::Solo(SoloPhase::Question) => bot.rng.random_range(1.0..2.4),
            Place::Solo(SoloPhase::Reveal) => 2.2,
            Place::Solo(SoloPhase::Results) => 2.0,
            _ => 1.0,
        };
    }
    if transition.busy()
        || shots.due
        || (focusables.is_empty() && now != SoloPhase::Question && !entry.active)
    {
        return;
    }
    bot.idle += time.delta_secs();
    let exit_when_done = config.demo.as_ref().is_some_and(|d| d.exit_when_done);
    if now == Screen::HighScores && exit_when_done && bot.idle >= 0.5 && shots.complete() {
        bot.done_frames += 1;
        if bot.done_frames > 3 {
            exit.write(AppExit::Success);
        }
        return;
    }
    if bot.idle < bot.act_at || bot.acted {
        return;
    }
    match now {
        Place::Solo(SoloPhase::Question) => {
            let Some(q) = quiz.as_ref().and_then(|q| q.current()) else {
                return;
            };
            let n = q.options.len().max(1);
            let pick = if bot.rng.random_bool(0.7) {
                q.answer
            } else {
                (q.answer + bot.rng.random_range(1..n.max(2))) % n
            };
            actions.answer = Some(pick);
        }
        Place::Solo(SoloPhase::Results) if entry.active => {
            actions.typed.push_str("Leafbot");
            bot.act_at = bot.idle + 0.8;
            if entry.name.is_empty() {
                return;
            }
            actions.typed.clear();
            actions.confirm = true;
            bot.acted = false;
            bot.act_at = bot.idle + 1.5;
            return;
        }
        // Title: "Play" has the focus; mode select: move down to "Start"; the others: the first button.
        Place::Solo(SoloPhase::ModeSelect) => {
            // Move down to "Start" (order 10), then press it.
            if focused.iter().any(|f| f.order == 10) {
                actions.confirm = true;
            } else {
                actions.down = true;
                bot.act_at = bot.idle + 0.1;
                return;
            }
        }
        Place::Screen(Screen::HighScores) => actions.back = true,
        _ => actions.confirm = true,
    }
    bot.acted = true;
}

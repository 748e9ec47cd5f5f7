//! Shared set-up for the headless app tests: `MinimalPlugins`, `StatesPlugin`,
//! the game's plugins and a manual clock, plus key presses and waiting for
//! transitions.
#![allow(dead_code)]

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use leafquiz::game::screens::{Place, Screen};
use leafquiz::game::transition::Transition;
use leafquiz::game::{GameConfig, build_app};

/// One frame of the manual clock.
pub const DT: Duration = Duration::from_millis(16);

/// A windowless game app with a manual clock and keyboard input.
pub fn headless_app(config: GameConfig) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    app.insert_resource(TimeUpdateStrategy::ManualDuration(DT));
    app.init_resource::<ButtonInput<KeyCode>>();
    build_app(&mut app, config);
    app
}

/// Runs up to `frames` frames until the app asks to exit; returns the
/// screens it passed through, in order.
pub fn run_until_exit(app: &mut App, frames: u32) -> Vec<Place> {
    let mut seen = Vec::new();
    for _ in 0..frames {
        app.update();
        let s = screen(app);
        if seen.last() != Some(&s) {
            seen.push(s);
        }
        if app.should_exit().is_some() {
            break;
        }
    }
    seen
}

/// Where the app is: a top-level screen, or a phase of solo or party play.
pub fn screen(app: &App) -> Place {
    Place::of(app.world())
}

pub fn busy(app: &App) -> bool {
    app.world().resource::<Transition>().busy()
}

/// Runs frames until the saves and packs are loaded and no transition is
/// running (and at least one frame).
pub fn settle(app: &mut App) {
    app.update();
    for _ in 0..2000 {
        if !busy(app) && screen(app) != Screen::Boot {
            app.update();
            return;
        }
        if screen(app) == Screen::Boot && !busy(app) {
            // Loading runs on the task pool, not on the manual clock.
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        app.update();
    }
    panic!("never settled (still on {:?})", screen(app));
}

/// Presses the keys in one frame, then releases them.
pub fn press_all(app: &mut App, keys: &[KeyCode]) {
    {
        let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        for k in keys {
            input.press(*k);
        }
    }
    app.update();
    let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    for k in keys {
        input.release(*k);
    }
    input.clear();
    app.update();
}

pub fn press(app: &mut App, key: KeyCode) {
    press_all(app, &[key]);
}

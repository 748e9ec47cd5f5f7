//! The Bevy desktop game: solo play with falling-leaf transitions.
//!
//! Structure follows the bevy_new_2d template: one plugin per file
//! (`pub(super) fn plugin(app: &mut App)`), a [`screens::Screen`] state with one
//! file per screen, and small widget functions in [`theme`].
//!
//! [`build_app`] adds everything that works without a window or renderer (the
//! headless tests use it with `MinimalPlugins`); [`run`] adds the window, the
//! renderer, the leaf meshes, fonts, sound and screenshots on top.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use crate::engine::FactBase;

pub mod audio;
pub mod bench;
mod bench_party;
mod boot;
pub mod capture;
pub mod demo;
pub mod input;
pub mod leaves;
pub mod pack_library;
pub mod party;
pub mod question_ui;
pub mod render;
pub mod save;
pub mod screens;
pub mod solo;
pub mod theme;
pub mod transition;
pub mod window_title;

/// The solo game, where it always lived (`game::quiz`).
pub use solo::quiz;

/// What the app is started with.
#[derive(Resource, Debug, Clone, Default)]
pub struct GameConfig {
    /// Where settings and high scores live; `None` keeps them in memory only.
    pub data_dir: Option<PathBuf>,
    pub pack_dirs: Vec<PathBuf>,
    pub opentdb: Vec<PathBuf>,
    /// Plays by itself when set.
    pub demo: Option<demo::DemoConfig>,
    /// Measures frame times (`--bench-frames N`).
    pub bench_frames: Option<u32>,
    /// Measures a party game's frame times (`--bench-party`).
    pub bench_party: bool,
    /// Party demo with this many bots (`--demo --players N`).
    pub party_players: Option<u32>,
    /// Where the party lobby serves phones; `None`: no phones (tests, demo).
    pub phones: Option<std::net::SocketAddr>,
}

/// The loaded question packs.
#[derive(Resource, Clone)]
pub struct Packs {
    pub base: Arc<FactBase>,
    /// Shown on the title ("Heartstopper").
    pub title: String,
    /// Every pack in play by its series (or title), for the window's title.
    pub names: Vec<String>,
    /// Key for the high-score tables.
    pub id: String,
    /// The last season and the most episodes in a season (spoiler horizon limits).
    pub seasons: u32,
    pub episodes: u32,
}

/// Adds every game plugin that needs neither a window nor a renderer. The app
/// must already have the states plugin (`DefaultPlugins` or `StatesPlugin`).
pub fn build_app(app: &mut App, config: GameConfig) {
    app.insert_resource(save::Notices::default())
        .insert_resource(config);
    plugin(app);
}

/// The order of a frame's `Update`, after input and menu focus (`PreUpdate`:
/// `input::InputSet`, then `theme::focus::FocusSet`): the screens' logic,
/// which reads the player and runs only while no transition does (a screen
/// on its way out or in ignores the player, so no screen needs to check),
/// then the transition, which starts on the requests that logic made, then
/// painting.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    Logic,
    Transition,
    Paint,
}

/// The game's plugins (headless-safe).
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            GameSet::Logic.run_if(transition::idle),
            GameSet::Transition,
            GameSet::Paint,
        )
            .chain(),
    );
    app.add_plugins((
        save::plugin,
        pack_library::plugin,
        boot::plugin,
        input::plugin,
        theme::plugin,
        leaves::plugin,
        transition::plugin,
        screens::plugin,
        solo::plugin,
        demo::plugin,
        audio::plugin,
        party::plugin,
        window_title::plugin,
    ));
}

/// Where phones connect, unless the build, a benchmark or `--no-phones` says none.
fn phone_address(args: &crate::PlayArgs) -> Option<std::net::SocketAddr> {
    if !cfg!(feature = "remote") || args.no_phones || args.bench_frames.is_some() {
        return None;
    }
    // The demo's lobby shows a join code too, for this machine only.
    let loopback = std::net::IpAddr::from(std::net::Ipv4Addr::LOCALHOST);
    #[cfg(feature = "remote")]
    let lan = crate::remote::server::lan_address;
    #[cfg(not(feature = "remote"))]
    let lan = || loopback;
    let ip = match args.bind {
        Some(ip) => ip,
        None if args.demo => loopback,
        None => lan(),
    };
    Some(std::net::SocketAddr::new(ip, args.port))
}

/// `leafquiz play`.
pub fn run(args: crate::PlayArgs) -> i32 {
    // The demo keeps its scores in memory unless a data folder is given.
    let platform_dir = (!args.demo).then(crate::default_data_dir).flatten();
    let data_dir = args.data_dir.clone().or(platform_dir);
    let demo = args.demo.then(|| demo::DemoConfig {
        seed: args.seed,
        questions: args.questions.max(1),
        screenshots: args.screenshots.clone(),
        exit_when_done: args.exit_when_done,
    });
    let config = GameConfig {
        data_dir,
        pack_dirs: args.pack_dirs.clone(),
        opentdb: args.opentdb.clone(),
        demo,
        bench_frames: args.bench_frames,
        bench_party: args.bench_party,
        party_players: args.players.filter(|_| args.demo),
        phones: phone_address(&args),
    };
    let mut app = App::new();
    render::add_window_and_renderer(&mut app, &config);
    build_app(&mut app, config);
    match app.run() {
        AppExit::Success => 0,
        AppExit::Error(code) => code.get() as i32,
    }
}

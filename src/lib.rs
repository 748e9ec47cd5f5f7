//! leafquiz: a trivia quiz engine that turns fact packs into multiple-choice
//! questions, and a Bevy game on top of it.

pub mod cli;
pub mod engine;
pub mod persist;

#[cfg(feature = "game")]
pub mod game;
#[cfg(feature = "remote")]
pub mod remote;

/// Options of `leafquiz play`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlayArgs {
    /// Play by itself (attract mode and test harness).
    #[arg(long)]
    pub demo: bool,
    /// Seed for the demo's questions and answers.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Questions in the demo game.
    #[arg(long, default_value_t = 5)]
    pub questions: u32,
    /// Party demo with this many bot players.
    #[arg(long)]
    pub players: Option<u32>,
    /// Save a PNG of each screen into this folder.
    #[arg(long)]
    pub screenshots: Option<std::path::PathBuf>,
    /// Exit 0 after the results screen (demo).
    #[arg(long)]
    pub exit_when_done: bool,
    /// Settings and high scores folder (default: the platform's data folder).
    #[arg(long)]
    pub data_dir: Option<std::path::PathBuf>,
    /// An extra folder of packs (repeatable).
    #[arg(long = "pack-dir")]
    pub pack_dirs: Vec<std::path::PathBuf>,
    /// An OpenTDB file to load as questions (repeatable).
    #[arg(long = "import-opentdb")]
    pub opentdb: Vec<std::path::PathBuf>,
    /// Measure frame times over N frames and print them.
    #[arg(long)]
    pub bench_frames: Option<u32>,
    /// With `--demo --players N`: measure the party game's frame times and print them.
    #[arg(long)]
    pub bench_party: bool,
    /// The port the party lobby serves phones on (the next free one above it if taken).
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// Listen for phones on this address instead of this machine's LAN address.
    #[arg(long)]
    pub bind: Option<std::net::IpAddr>,
    /// No phones: the party lobby serves no controller page.
    #[arg(long)]
    pub no_phones: bool,
}

/// The platform's folder for settings, scores and play history.
pub fn default_data_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("org", "leafquiz", "leafquiz")
        .map(|d| d.data_dir().to_path_buf())
}

/// `leafquiz play`: the game, when built with the `game` feature.
pub fn play(args: PlayArgs) -> i32 {
    #[cfg(feature = "game")]
    {
        game::run(args)
    }
    #[cfg(not(feature = "game"))]
    {
        let _ = args;
        eprintln!(
            "this leafquiz was built without the `game` feature; rebuild with default features to play"
        );
        2
    }
}

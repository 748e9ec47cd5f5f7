//! The pack library: every pack the game can see (the built-in `questions/`
//! folder, the user's packs folder, `--pack-dir` folders and `--import-opentdb`
//! files), which of them are chosen, and hot reload.
//!
//! Every [`POLL_SECONDS`] a task on the task pool compares the modification
//! times of the pack files and their folders with the last ones seen
//! (`std::fs::metadata` only). A changed file is loaded again there: when it
//! is valid it replaces the old version and the [`Packs`] used by the next
//! game are rebuilt (a game already running keeps its own fact base); when it
//! is broken, the last good version stays in play and the error is shown on
//! the packs screen and in a toast. The result is swapped in when ready.

mod library;
mod shot;
mod toast;
mod watch;

use bevy::prelude::*;

pub use library::*;
pub use toast::{PackToast, RELOAD_TOAST_SECONDS, TOAST_SECONDS, short_error};
pub use watch::{LibraryLoaded, LoadedLibrary, PackWatch};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((watch::plugin, toast::plugin, shot::plugin));
}

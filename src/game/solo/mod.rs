//! Solo play, mirroring `game::party`: the game being played (`quiz`), and
//! its screens — choosing a mode, the question (with pause as its
//! sub-state), the reveal and the results.

use bevy::prelude::*;

mod mode_select;
mod pause;
mod question;
pub mod quiz;
mod results;
mod reveal;

pub use pause::Pause;
pub use results::NameEntry;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        quiz::plugin,
        mode_select::plugin,
        question::plugin,
        pause::plugin,
        reveal::plugin,
        results::plugin,
    ));
}

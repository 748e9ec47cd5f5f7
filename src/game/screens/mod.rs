//! The `Screen` state and the screens outside a game, one file each; solo
//! play's screens are in `game::solo`, party play's in `game::party`. Every
//! screen's root has `DespawnOnExit`.

use bevy::prelude::*;

mod high_scores;
mod packs;
mod party;
mod settings;
mod title;

pub use crate::game::question_ui::AnswerCard;
pub use crate::game::solo::{NameEntry, Pause};

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Loading the saves and packs (`game::boot`), before the title fades in.
    #[default]
    Boot,
    Title,
    ModeSelect,
    Question,
    Reveal,
    Results,
    HighScores,
    Settings,
    /// Party play's lobby (the rest lives in `game::party`).
    Party,
    Packs,
    PartyWager,
    PartyQuestion,
    PartyReveal,
    PartyStandings,
    PartyPodium,
}

impl Screen {
    /// File name of the demo's screenshot of this screen.
    pub fn shot_name(self) -> Option<&'static str> {
        Some(match self {
            Screen::Title => "title",
            Screen::ModeSelect => "mode_select",
            Screen::Question => "question",
            Screen::Reveal => "reveal",
            Screen::Results => "results",
            Screen::HighScores => "highscores",
            Screen::Settings => "settings",
            _ => return None,
        })
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((
        title::plugin,
        high_scores::plugin,
        settings::plugin,
        party::plugin,
        packs::plugin,
    ));
}

//! Party play: two to eight people on one shared screen, Buzz!-style.
//!
//! The rules (joining, secret lock-ins, round types, scoring, standings) are
//! the engine's `party::Party`, and the course of a game (rounds, questions,
//! wagers, what comes next) its `party_game::PartyGame`; this layer only
//! maps key clusters and gamepads to presses and draws the screens of each
//! stage: lobby → wager (final round) → question → reveal → standings after
//! each round → podium. Questions come from the same engine session as the
//! solo game.

use std::sync::Arc;

use bevy::prelude::*;

use super::Packs;
use super::quiz::GameSeed;
use super::save::{PlayStats, Settings};
use crate::engine::PlayHistory;

mod bots;
pub mod input;
pub mod lobby;
pub mod look;
#[cfg(feature = "remote")]
pub mod phones;
pub mod play;
pub mod results;

pub use input::{CLUSTER_KEYS, PAD_SLOTS, PartyInputSet, PartyPresses};

pub use crate::engine::party_game::{
    PartyPlan, Revealed, Stage, WAGER_SECONDS, WAGER_START, WAGER_STEP, seconds_for,
};

/// The plan of rounds for the next party game (tests and the demo change it).
#[derive(Resource, Debug, Clone, PartialEq, Default, Deref, DerefMut)]
pub struct PartySetup(pub PartyPlan);

/// The party game in play: the engine's [`party_game::PartyGame`], and
/// when the lobby must redraw.
///
/// [`party_game::PartyGame`]: crate::engine::party_game::PartyGame
#[derive(Resource, Deref, DerefMut)]
pub struct PartyGame {
    #[deref]
    game: crate::engine::party_game::PartyGame,
    /// Bumped when the players change (the lobby redraws).
    pub revision: u64,
}

impl PartyGame {
    pub fn new(
        packs: &Packs,
        settings: &Settings,
        seed: u64,
        history: Arc<PlayHistory>,
    ) -> PartyGame {
        PartyGame {
            game: crate::engine::party_game::PartyGame::new(
                packs.base.clone(),
                settings.difficulty,
                settings.relaxed(),
                seed,
                history,
            ),
            revision: 0,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let mut setup = PartySetup::default();
    let demo = app
        .world()
        .get_resource::<super::GameConfig>()
        .and_then(|c| {
            c.party_players
                .map(|n| (n, c.demo.clone().unwrap_or_default()))
        });
    if let Some((_, d)) = &demo {
        setup.questions_per_round = d.questions.max(1);
    }
    app.insert_resource(setup);
    app.add_plugins((input::plugin, lobby::plugin, play::plugin, results::plugin));
    #[cfg(feature = "remote")]
    app.add_plugins(phones::plugin);
    if let Some((n, d)) = demo {
        bots::add(app, n, d);
    }
}

/// Inserts the party when the lobby is first opened.
fn ensure_game(
    mut commands: Commands,
    game: Option<Res<PartyGame>>,
    packs: Res<Packs>,
    settings: Res<Settings>,
    seed: Res<GameSeed>,
    mut stats: ResMut<PlayStats>,
) {
    if game.is_none() {
        let history = stats.start_game();
        commands.insert_resource(PartyGame::new(&packs, &settings, seed.0 ^ 0x9a27, history));
    }
}

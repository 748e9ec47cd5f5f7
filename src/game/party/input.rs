//! Key clusters and gamepads → `(source, slot)` presses, collected once per
//! frame. Each key belongs to exactly one cluster, so one player's keys never
//! reach another player.

use bevy::prelude::*;

use super::PartyGame;
use crate::engine::party::InputSource;
use crate::game::input::InputSet;

/// The key clusters of `engine::party::DEFAULT_CLUSTERS`, left to right = answers A–D.
pub const CLUSTER_KEYS: [[KeyCode; 4]; 8] = [
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ],
    [KeyCode::KeyQ, KeyCode::KeyW, KeyCode::KeyE, KeyCode::KeyR],
    [KeyCode::KeyA, KeyCode::KeyS, KeyCode::KeyD, KeyCode::KeyF],
    [KeyCode::KeyZ, KeyCode::KeyX, KeyCode::KeyC, KeyCode::KeyV],
    [
        KeyCode::Digit7,
        KeyCode::Digit8,
        KeyCode::Digit9,
        KeyCode::Digit0,
    ],
    [KeyCode::KeyU, KeyCode::KeyI, KeyCode::KeyO, KeyCode::KeyP],
    [KeyCode::KeyH, KeyCode::KeyJ, KeyCode::KeyK, KeyCode::KeyL],
    [
        KeyCode::KeyN,
        KeyCode::KeyM,
        KeyCode::Comma,
        KeyCode::Period,
    ],
];

/// Gamepad buttons for answers A–D (A, B, X, Y on an Xbox layout); South also joins.
pub const PAD_SLOTS: [GamepadButton; 4] = [
    GamepadButton::South,
    GamepadButton::East,
    GamepadButton::West,
    GamepadButton::North,
];

/// The presses of this frame, in device order (consumers sort them by join order).
#[derive(Resource, Debug, Clone, Default)]
pub struct PartyPresses(pub Vec<(InputSource, usize)>);

/// Fills [`PartyPresses`]; the demo's bots add theirs after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartyInputSet;

/// The engine's id for a gamepad entity.
pub fn pad_source(e: Entity) -> InputSource {
    InputSource::Gamepad(e.to_bits())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PartyPresses>();
    app.add_systems(
        PreUpdate,
        (read_keys, read_pads)
            .chain()
            .in_set(PartyInputSet)
            .after(InputSet),
    );
}

fn read_keys(keys: Option<Res<ButtonInput<KeyCode>>>, mut presses: ResMut<PartyPresses>) {
    presses.0.clear();
    let Some(keys) = keys else { return };
    for (c, cluster) in CLUSTER_KEYS.iter().enumerate() {
        for (slot, k) in cluster.iter().enumerate() {
            if keys.just_pressed(*k) {
                presses.0.push((InputSource::Keys(c as u8), slot));
            }
        }
    }
}

/// Gamepad presses, and pausing the players whose gamepad went away (a
/// disconnected pad loses its `Gamepad` component; reconnecting restores it).
fn read_pads(
    pads: Query<(Entity, &Gamepad)>,
    game: Option<ResMut<PartyGame>>,
    mut presses: ResMut<PartyPresses>,
) {
    for (e, pad) in &pads {
        for (slot, b) in PAD_SLOTS.iter().enumerate() {
            if pad.just_pressed(*b) {
                presses.0.push((pad_source(e), slot));
            }
        }
    }
    let Some(mut game) = game else { return };
    let changes: Vec<(InputSource, bool)> = game
        .party
        .players
        .iter()
        .filter_map(|p| match p.source {
            InputSource::Gamepad(id) => {
                let present = pads.iter().any(|(e, _)| e.to_bits() == id);
                (present != p.connected).then_some((p.source, present))
            }
            InputSource::Keys(_) | InputSource::Phone(_) => None,
        })
        .collect();
    for (source, connected) in changes {
        game.party.set_connected(source, connected);
        game.revision += 1;
    }
}

/// This frame's presses with joined players first, in join order (the
/// engine's tie order), then unjoined sources in device order.
pub fn ordered(game: &PartyGame, presses: &PartyPresses) -> Vec<(InputSource, usize)> {
    let mut v = presses.0.clone();
    v.sort_by_key(|(s, _)| {
        game.party
            .players
            .iter()
            .position(|p| p.source == *s)
            .unwrap_or(usize::MAX)
    });
    v
}

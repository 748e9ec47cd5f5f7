//! Keyboard (and, with `gamepads`, gamepad) input folded into one [`Actions`]
//! resource per frame, which the screens and the demo bot share.

use bevy::prelude::*;

/// What the player asked for this frame.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Actions {
    pub up: bool,
    pub down: bool,
    pub left: bool,
    pub right: bool,
    pub confirm: bool,
    pub back: bool,
    /// 1–4 or A–D on the question screen.
    pub answer: Option<usize>,
    /// Letters, digits and spaces typed this frame (name entry).
    pub typed: String,
    pub backspace: bool,
}

impl Actions {
    pub fn any(&self) -> bool {
        *self != Actions::default()
    }
}

/// Runs before the game's systems; the demo bot writes after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct InputSet;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Actions>();
    app.add_systems(PreUpdate, (clear, read_keyboard).chain().in_set(InputSet));
    #[cfg(feature = "gamepads")]
    app.add_systems(
        PreUpdate,
        read_gamepads.after(read_keyboard).in_set(InputSet),
    );
}

fn clear(mut actions: ResMut<Actions>) {
    actions.up = false;
    actions.down = false;
    actions.left = false;
    actions.right = false;
    actions.confirm = false;
    actions.back = false;
    actions.answer = None;
    actions.typed.clear();
    actions.backspace = false;
}

const LETTERS: [(KeyCode, char); 26] = [
    (KeyCode::KeyA, 'a'),
    (KeyCode::KeyB, 'b'),
    (KeyCode::KeyC, 'c'),
    (KeyCode::KeyD, 'd'),
    (KeyCode::KeyE, 'e'),
    (KeyCode::KeyF, 'f'),
    (KeyCode::KeyG, 'g'),
    (KeyCode::KeyH, 'h'),
    (KeyCode::KeyI, 'i'),
    (KeyCode::KeyJ, 'j'),
    (KeyCode::KeyK, 'k'),
    (KeyCode::KeyL, 'l'),
    (KeyCode::KeyM, 'm'),
    (KeyCode::KeyN, 'n'),
    (KeyCode::KeyO, 'o'),
    (KeyCode::KeyP, 'p'),
    (KeyCode::KeyQ, 'q'),
    (KeyCode::KeyR, 'r'),
    (KeyCode::KeyS, 's'),
    (KeyCode::KeyT, 't'),
    (KeyCode::KeyU, 'u'),
    (KeyCode::KeyV, 'v'),
    (KeyCode::KeyW, 'w'),
    (KeyCode::KeyX, 'x'),
    (KeyCode::KeyY, 'y'),
    (KeyCode::KeyZ, 'z'),
];

const DIGITS: [KeyCode; 10] = [
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
];

fn read_keyboard(keys: Option<Res<ButtonInput<KeyCode>>>, mut actions: ResMut<Actions>) {
    let Some(keys) = keys else { return };
    let p = |k: KeyCode| keys.just_pressed(k);
    actions.up |= p(KeyCode::ArrowUp);
    actions.down |= p(KeyCode::ArrowDown) || p(KeyCode::Tab);
    actions.left |= p(KeyCode::ArrowLeft);
    actions.right |= p(KeyCode::ArrowRight);
    actions.confirm |= p(KeyCode::Enter) || p(KeyCode::NumpadEnter);
    actions.back |= p(KeyCode::Escape);
    actions.backspace |= p(KeyCode::Backspace);
    let answer_keys = [
        [KeyCode::Digit1, KeyCode::KeyA, KeyCode::Numpad1],
        [KeyCode::Digit2, KeyCode::KeyB, KeyCode::Numpad2],
        [KeyCode::Digit3, KeyCode::KeyC, KeyCode::Numpad3],
        [KeyCode::Digit4, KeyCode::KeyD, KeyCode::Numpad4],
    ];
    for (i, ks) in answer_keys.iter().enumerate() {
        if ks.iter().any(|k| keys.just_pressed(*k)) {
            actions.answer = Some(i);
        }
    }
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    for (k, c) in LETTERS {
        if keys.just_pressed(k) {
            actions
                .typed
                .push(if shift { c.to_ascii_uppercase() } else { c });
        }
    }
    for (i, k) in DIGITS.iter().enumerate() {
        if keys.just_pressed(*k) {
            actions.typed.push(char::from(b'0' + i as u8));
        }
    }
    if keys.just_pressed(KeyCode::Space) {
        actions.typed.push(' ');
    }
    if keys.just_pressed(KeyCode::Minus) {
        actions.typed.push('-');
    }
}

#[cfg(feature = "gamepads")]
fn read_gamepads(pads: Query<&Gamepad>, mut actions: ResMut<Actions>) {
    for pad in &pads {
        let p = |b: GamepadButton| pad.just_pressed(b);
        actions.up |= p(GamepadButton::DPadUp);
        actions.down |= p(GamepadButton::DPadDown);
        actions.left |= p(GamepadButton::DPadLeft);
        actions.right |= p(GamepadButton::DPadRight);
        actions.confirm |= p(GamepadButton::South) || p(GamepadButton::Start);
        actions.back |= p(GamepadButton::East) || p(GamepadButton::Select);
    }
}

//! Settings, saved as soon as they change.

use bevy::prelude::*;

use crate::game::GameSet;

use super::Screen;
use crate::engine::Difficulty;
use crate::engine::phrase::capitalise;
use crate::game::input::Actions;
use crate::game::quiz::Setup;
use crate::game::save::{
    AUDIENCE_SIZES, PHONE_SEATS, QUESTION_COUNTS, Settings, TEXT_SIZES, TIMERS,
};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum SettingsAction {
    Timer,
    Questions,
    Difficulty,
    ReducedMotion,
    ColourBlind,
    TextSize,
    Fullscreen,
    #[cfg_attr(not(feature = "sound"), allow(dead_code))]
    Volume,
    #[cfg_attr(not(feature = "remote"), allow(dead_code))]
    PhoneSeats,
    #[cfg_attr(not(feature = "remote"), allow(dead_code))]
    Audience,
    Back,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Settings), spawn);
    app.add_systems(
        Update,
        (
            (adjust, act).chain().in_set(GameSet::Logic),
            refresh.in_set(GameSet::Paint),
        )
            .run_if(in_state(Screen::Settings)),
    );
}

fn spawn(mut commands: Commands) {
    use SettingsAction::*;
    #[allow(unused_mut)]
    let mut rows = vec![
        (Timer, "Time per question"),
        (Questions, "Questions per game"),
        (Difficulty, "Difficulty"),
        (ReducedMotion, "Reduced motion"),
        (ColourBlind, "Colour-blind-safe colours"),
        (TextSize, "Text size"),
        (Fullscreen, "Fullscreen"),
    ];
    #[cfg(feature = "sound")]
    rows.push((Volume, "Volume"));
    #[cfg(feature = "remote")]
    rows.extend([
        (PhoneSeats, "Party: phone players"),
        (Audience, "Party: audience phones"),
    ]);
    commands
        .spawn(widgets::screen_root("Settings screen", Screen::Settings))
        .with_children(|root| {
            root.spawn(widgets::panel("Settings panel", 78.0))
                .with_children(|p| {
                    p.spawn(widgets::heading("Settings"));
                    for (i, (action, label)) in rows.into_iter().enumerate() {
                        p.spawn(widgets::stepper(label, action, i as u32));
                    }
                    p.spawn(widgets::button("Back", Back, 20));
                    p.spawn(widgets::hint("↑ ↓ choose  ·  ← → change  ·  Esc back"));
                });
        });
}

fn step<T: Copy + PartialEq>(all: &[T], now: T, delta: i32) -> T {
    let i = all.iter().position(|x| *x == now).unwrap_or(0) as i32;
    all[(i + delta).rem_euclid(all.len() as i32) as usize]
}

fn adjust(
    mut adjusted: MessageReader<Adjusted>,
    rows: Query<&SettingsAction>,
    mut settings: ResMut<Settings>,
    mut setup: ResMut<Setup>,
) {
    for a in adjusted.read() {
        let Ok(action) = rows.get(a.entity) else {
            continue;
        };
        let d = a.delta;
        let s = &mut *settings;
        match action {
            SettingsAction::Timer => s.timer = step(&TIMERS, s.timer, d),
            SettingsAction::Questions => {
                s.questions = step(&QUESTION_COUNTS, s.questions, d);
                setup.questions = s.questions;
            }
            SettingsAction::Difficulty => {
                s.difficulty = step(&Difficulty::ALL, s.difficulty, d);
                setup.difficulty = s.difficulty;
            }
            SettingsAction::ReducedMotion => s.reduced_motion = !s.reduced_motion,
            SettingsAction::ColourBlind => s.colour_blind = !s.colour_blind,
            SettingsAction::TextSize => {
                s.text_size = (s.text_size as i32 + d).rem_euclid(TEXT_SIZES.len() as i32) as usize
            }
            SettingsAction::Fullscreen => s.fullscreen = !s.fullscreen,
            SettingsAction::Volume => {
                if s.muted {
                    s.muted = false;
                } else {
                    s.volume = (s.volume as i32 + d).clamp(0, 10) as u32;
                    if s.volume == 0 && d < 0 {
                        s.muted = true;
                    }
                }
            }
            SettingsAction::PhoneSeats => s.phone_seats = step(&PHONE_SEATS, s.phone_seats, d),
            SettingsAction::Audience => s.audience = step(&AUDIENCE_SIZES, s.audience, d),
            SettingsAction::Back => {}
        }
    }
}

fn act(
    mut activated: MessageReader<Activated>,
    rows: Query<&SettingsAction>,
    input: Res<Actions>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let back = activated
        .read()
        .any(|Activated(e)| rows.get(*e) == Ok(&SettingsAction::Back));
    if back || input.back {
        requests.write(RequestScreen::to(Screen::Title));
    }
}

fn on_off(b: bool) -> String {
    if b { "On".into() } else { "Off".into() }
}

fn refresh(
    settings: Res<Settings>,
    mut values: Query<(&SettingsAction, &mut Text), With<RowValue>>,
) {
    for (action, mut text) in &mut values {
        let s = &*settings;
        let v = match action {
            SettingsAction::Timer => s.timer_name(),
            SettingsAction::Questions => s.questions.to_string(),
            SettingsAction::Difficulty => capitalise(s.difficulty.name()),
            SettingsAction::ReducedMotion => on_off(s.reduced_motion),
            SettingsAction::ColourBlind => on_off(s.colour_blind),
            SettingsAction::TextSize => s.text_size_name().to_string(),
            SettingsAction::Fullscreen => on_off(s.fullscreen),
            SettingsAction::Volume if s.muted => "Muted".into(),
            SettingsAction::Volume => format!("{} / 10", s.volume),
            SettingsAction::PhoneSeats => s.phone_seats.to_string(),
            SettingsAction::Audience => s.audience.to_string(),
            SettingsAction::Back => continue,
        };
        if text.0 != v {
            text.0 = v;
        }
    }
}

//! Choose the mode, the difficulty and the spoiler horizon, then start.

use bevy::prelude::*;

use crate::engine::phrase::capitalise;

use crate::game::GameSet;

use crate::engine::{Difficulty, SpoilerHorizon};
use crate::game::Packs;
use crate::game::input::Actions;
use crate::game::quiz::{GameSeed, Mode, Quiz, Setup};
use crate::game::save::{PlayStats, QUESTION_COUNTS, Settings};
use crate::game::screens::{Screen, SoloPhase};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeAction {
    Mode,
    Questions,
    Difficulty,
    Season,
    Episode,
    Start,
    Back,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(SoloPhase::ModeSelect), spawn);
    app.add_systems(
        Update,
        (
            (adjust, act).chain().in_set(GameSet::Logic),
            refresh.in_set(GameSet::Paint),
        )
            .run_if(in_state(SoloPhase::ModeSelect)),
    );
}

fn spawn(mut commands: Commands) {
    use ModeAction::*;
    commands
        .spawn(widgets::screen_root(
            "Mode select screen",
            SoloPhase::ModeSelect,
        ))
        .with_children(|root| {
            root.spawn(widgets::panel("Mode panel", 78.0))
                .with_children(|p| {
                    p.spawn(widgets::heading("New game"));
                    p.spawn((widgets::hint(""), ModeBlurb));
                    let rows = [
                        (Mode, "Mode"),
                        (Questions, "Questions"),
                        (Difficulty, "Difficulty"),
                        (Season, "Watched up to season"),
                        (Episode, "…and episode"),
                    ];
                    for (i, (action, label)) in rows.into_iter().enumerate() {
                        p.spawn(widgets::stepper(label, action, i as u32));
                    }
                    p.spawn(widgets::row("Mode buttons")).with_children(|r| {
                        r.spawn(widgets::button("Start", Start, 10));
                        r.spawn(widgets::button("Back", Back, 11));
                    });
                    p.spawn(widgets::hint(
                        "↑ ↓ choose  ·  ← → change  ·  Enter start  ·  Esc back",
                    ));
                });
        });
}

#[derive(Component)]
struct ModeBlurb;

fn cycle<T: Copy + PartialEq>(all: &[T], now: T, delta: i32) -> T {
    let i = all.iter().position(|x| *x == now).unwrap_or(0) as i32;
    all[(i + delta).rem_euclid(all.len() as i32) as usize]
}

fn adjust(
    mut adjusted: MessageReader<Adjusted>,
    input: Res<Actions>,
    rows: Query<&ModeAction>,
    mut setup: ResMut<Setup>,
    packs: Res<Packs>,
) {
    // Enter starts the game from any row, as the footer says: it does not step the row.
    if input.confirm {
        adjusted.clear();
        return;
    }
    for a in adjusted.read() {
        let Ok(action) = rows.get(a.entity) else {
            continue;
        };
        let d = a.delta;
        match action {
            ModeAction::Mode => setup.mode = cycle(&Mode::ALL, setup.mode, d),
            ModeAction::Questions => setup.questions = cycle(&QUESTION_COUNTS, setup.questions, d),
            ModeAction::Difficulty => {
                setup.difficulty = cycle(&Difficulty::ALL, setup.difficulty, d)
            }
            ModeAction::Season => {
                let max = packs.seasons.max(1) as i32;
                let s = setup.horizon.map_or(0, |h| h.season as i32);
                let s = (s + d).rem_euclid(max + 1) as u32;
                setup.horizon = (s > 0).then(|| SpoilerHorizon {
                    season: s,
                    episode: setup.horizon.map_or(packs.episodes.max(1), |h| h.episode),
                });
            }
            ModeAction::Episode => {
                if let Some(h) = setup.horizon.as_mut() {
                    let max = packs.episodes.max(1) as i32;
                    h.episode = ((h.episode as i32 - 1 + d).rem_euclid(max) + 1) as u32;
                }
            }
            ModeAction::Start | ModeAction::Back => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn act(
    mut commands: Commands,
    mut activated: MessageReader<Activated>,
    rows: Query<&ModeAction>,
    input: Res<Actions>,
    setup: Res<Setup>,
    packs: Res<Packs>,
    settings: Res<Settings>,
    mut stats: ResMut<PlayStats>,
    mut seed: ResMut<GameSeed>,
    mut requests: MessageWriter<RequestScreen>,
) {
    if input.back {
        requests.write(RequestScreen::to(Screen::Title));
        return;
    }
    for Activated(e) in activated.read() {
        match rows.get(*e) {
            Ok(ModeAction::Back) => {
                requests.write(RequestScreen::to(Screen::Title));
            }
            // The Start button, or Enter on any row (a click on a row only focuses it).
            Ok(row) if *row == ModeAction::Start || input.confirm => {
                let mut quiz = Quiz::new(
                    &packs,
                    setup.clone(),
                    seed.0,
                    settings.timer as f32,
                    stats.start_game(),
                );
                seed.0 = seed
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                quiz.draw();
                commands.insert_resource(quiz);
                requests.write(RequestScreen::to(SoloPhase::Question));
                return;
            }
            _ => {}
        }
    }
}

fn refresh(
    setup: Res<Setup>,
    mut values: Query<(&ModeAction, &mut Text), With<RowValue>>,
    mut blurb: Query<&mut Text, (With<ModeBlurb>, Without<RowValue>)>,
) {
    for (action, mut text) in &mut values {
        let v = match action {
            ModeAction::Mode => setup.mode.name().to_string(),
            ModeAction::Questions if setup.mode == Mode::Classic => setup.questions.to_string(),
            ModeAction::Questions => "—".into(),
            ModeAction::Difficulty => capitalise(setup.difficulty.name()),
            ModeAction::Season => setup
                .horizon
                .map_or("Everything".into(), |h| format!("Season {}", h.season)),
            ModeAction::Episode => setup
                .horizon
                .map_or("—".into(), |h| format!("Episode {}", h.episode)),
            _ => continue,
        };
        if text.0 != v {
            text.0 = v;
        }
    }
    for mut t in &mut blurb {
        let v = setup.mode.blurb();
        if t.0 != v {
            t.0 = v.to_string();
        }
    }
}

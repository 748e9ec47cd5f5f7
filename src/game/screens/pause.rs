//! Esc on the question screen pauses: the timer stops and the question is
//! hidden behind a menu (resume, or quit to the title).

use bevy::prelude::*;

use crate::game::GameSet;

use super::Screen;
use crate::game::input::Actions;
use crate::game::quiz::Quiz;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum PauseAction {
    Resume,
    Quit,
}

#[derive(Component)]
struct PauseMenu;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (toggle, act)
            .chain()
            .in_set(GameSet::Logic)
            .run_if(in_state(Screen::Question).and_then(resource_exists::<Quiz>)),
    );
}

fn toggle(
    mut commands: Commands,
    input: Res<Actions>,
    mut quiz: ResMut<Quiz>,
    menus: Query<Entity, With<PauseMenu>>,
) {
    if !input.back || quiz.current.is_none() {
        return;
    }
    if quiz.paused {
        resume(&mut commands, &mut quiz, &menus);
    } else {
        quiz.paused = true;
        commands.spawn(menu());
    }
}

fn resume(commands: &mut Commands, quiz: &mut Quiz, menus: &Query<Entity, With<PauseMenu>>) {
    quiz.paused = false;
    for e in menus {
        commands.entity(e).despawn();
    }
}

fn menu() -> impl Bundle {
    (
        Name::new("Pause menu"),
        PauseMenu,
        DespawnOnExit(Screen::Question),
        GlobalZIndex(100),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(14),
            ..default()
        },
        BackgroundColor(palette::CREAM.with_alpha(0.97)),
        bevy::ui::FocusPolicy::Block,
        children![
            widgets::heading("Paused"),
            widgets::label("The timer is stopped."),
            (widgets::button("Resume", PauseAction::Resume, 0), Modal),
            (
                widgets::button("Quit to title", PauseAction::Quit, 1),
                Modal
            ),
            widgets::hint("Esc to resume"),
        ],
    )
}

fn act(
    mut commands: Commands,
    mut activated: MessageReader<Activated>,
    actions: Query<&PauseAction>,
    mut quiz: ResMut<Quiz>,
    menus: Query<Entity, With<PauseMenu>>,
    mut requests: MessageWriter<RequestScreen>,
) {
    for Activated(e) in activated.read() {
        match actions.get(*e) {
            Ok(PauseAction::Resume) => resume(&mut commands, &mut quiz, &menus),
            Ok(PauseAction::Quit) => {
                requests.write(RequestScreen(Screen::Title));
            }
            Err(_) => {}
        }
    }
}

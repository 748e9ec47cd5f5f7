//! Esc on the question screen pauses: the timer stops and the question is
//! hidden behind a menu (resume, or quit to the title). Pause is a sub-state
//! of the question screen: it ends with the screen.

use bevy::prelude::*;

use crate::game::GameSet;

use crate::game::input::Actions;
use crate::game::quiz::Quiz;
use crate::game::screens::{Screen, SoloPhase};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum PauseAction {
    Resume,
    Quit,
}

/// Whether the question on screen is paused.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(SoloPhase = SoloPhase::Question)]
pub enum Pause {
    #[default]
    Running,
    Paused,
}

pub(super) fn plugin(app: &mut App) {
    app.add_sub_state::<Pause>();
    app.add_systems(OnEnter(Pause::Paused), |mut commands: Commands| {
        commands.spawn(menu());
    });
    app.add_systems(
        Update,
        (toggle, act)
            .chain()
            .in_set(GameSet::Logic)
            .run_if(in_state(SoloPhase::Question).and_then(resource_exists::<Quiz>)),
    );
}

fn toggle(
    input: Res<Actions>,
    quiz: Res<Quiz>,
    pause: Res<State<Pause>>,
    mut next: ResMut<NextState<Pause>>,
) {
    if !input.back || quiz.current().is_none() {
        return;
    }
    next.set(match pause.get() {
        Pause::Running => Pause::Paused,
        Pause::Paused => Pause::Running,
    });
}

fn menu() -> impl Bundle {
    (
        Name::new("Pause menu"),
        DespawnOnExit(Pause::Paused),
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
            // Focused at once: the menu comes a frame after Esc, and the
            // first arrow press must move, not find the focus.
            (
                widgets::button("Resume", PauseAction::Resume, 0),
                Modal,
                Focused
            ),
            (
                widgets::button("Quit to title", PauseAction::Quit, 1),
                Modal
            ),
            widgets::hint("Esc to resume"),
        ],
    )
}

fn act(
    mut activated: MessageReader<Activated>,
    actions: Query<&PauseAction>,
    mut next: ResMut<NextState<Pause>>,
    mut requests: MessageWriter<RequestScreen>,
) {
    for Activated(e) in activated.read() {
        match actions.get(*e) {
            Ok(PauseAction::Resume) => next.set(Pause::Running),
            Ok(PauseAction::Quit) => {
                requests.write(RequestScreen::to(Screen::Title));
            }
            Err(_) => {}
        }
    }
}

//! Party play (placeholder until it is built): says what it will be.

use bevy::prelude::*;

use super::Screen;
use crate::game::input::Actions;
use crate::game::theme::prelude::*;
use crate::game::transition::{RequestScreen, Transition};

#[derive(Component, Debug, Clone, Copy)]
struct BackButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Party), spawn);
    app.add_systems(Update, act.run_if(in_state(Screen::Party)));
}

fn spawn(mut commands: Commands) {
    commands.spawn(widgets::screen_root("Party screen", Screen::Party)).with_children(|root| {
        root.spawn(widgets::panel("Party panel", 70.0)).with_children(|p| {
            p.spawn(widgets::heading("Party"));
            p.spawn(widgets::label("Coming soon: two to eight players on one screen or on their phones, with fastest-finger rounds and wagers."));
            p.spawn(widgets::button("Back", BackButton, 0));
            p.spawn(widgets::hint("Esc to go back"));
        });
    });
}

fn act(
    mut activated: MessageReader<Activated>,
    back: Query<(), With<BackButton>>,
    input: Res<Actions>,
    transition: Res<Transition>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let clicked = activated.read().any(|Activated(e)| back.get(*e).is_ok());
    if clicked || (input.back && !transition.busy()) {
        requests.write(RequestScreen(Screen::Title));
    }
}

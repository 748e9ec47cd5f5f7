//! The title: the pack's name over ambient falling leaves, and the main menu.

use bevy::prelude::*;

use crate::game::GameSet;

use super::Screen;
use crate::game::Packs;
use crate::game::save::Notices;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum TitleAction {
    Play,
    Party,
    Packs,
    HighScores,
    Settings,
    Quit,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), spawn);
    app.add_systems(
        Update,
        act.in_set(GameSet::Logic).run_if(in_state(Screen::Title)),
    );
}

fn spawn(mut commands: Commands, packs: Res<Packs>, notices: Res<Notices>) {
    use TitleAction::*;
    let items = [
        (Play, "Play"),
        (Party, "Party"),
        (Packs, "Packs"),
        (HighScores, "High scores"),
        (Settings, "Settings"),
        (Quit, "Quit"),
    ];
    commands
        .spawn(widgets::screen_root("Title screen", Screen::Title))
        .with_children(|root| {
            root.spawn((
                Name::new("Game title"),
                Text::new(packs.title.clone()),
                widgets::bold(widgets::TITLE),
                TextColor(palette::PINK_DEEP),
                TextShadow {
                    offset: Vec2::new(3.0, 4.0),
                    color: palette::BLUE.with_alpha(0.7),
                },
                TextLayout::new(Justify::Center, LineBreak::WordBoundary),
                Node {
                    max_width: percent(90),
                    ..default()
                },
            ));
            root.spawn(widgets::text(
                "Subtitle",
                "leafquiz  ·  the trivia game",
                widgets::H2 - 4.0,
                palette::INK_SOFT,
            ));
            root.spawn((
                Name::new("Spacer"),
                Node {
                    height: px(14),
                    ..default()
                },
            ));
            root.spawn(widgets::column("Menu")).with_children(|menu| {
                for (i, (action, label)) in items.into_iter().enumerate() {
                    menu.spawn(widgets::button(label, action, i as u32));
                }
            });
            root.spawn(widgets::hint(
                "↑ ↓ to choose  ·  Enter to select  ·  or use the mouse",
            ));
            if !notices.0.is_empty() {
                root.spawn((
                    Name::new("Notices"),
                    Node {
                        max_width: percent(80),
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::axes(px(18), px(10)),
                        border_radius: BorderRadius::all(px(14)),
                        row_gap: px(4),
                        ..default()
                    },
                    BackgroundColor(palette::ORANGE.with_alpha(0.25)),
                    BorderColor::all(palette::ORANGE),
                ))
                .with_children(|n| {
                    for line in notices.0.iter().take(4) {
                        n.spawn(widgets::text(
                            "Notice",
                            line.clone(),
                            widgets::SMALL,
                            palette::INK,
                        ));
                    }
                });
            }
        });
}

fn act(
    mut activated: MessageReader<Activated>,
    actions: Query<&TitleAction>,
    mut requests: MessageWriter<RequestScreen>,
    mut exit: MessageWriter<AppExit>,
) {
    for Activated(e) in activated.read() {
        let Ok(action) = actions.get(*e) else {
            continue;
        };
        let to = match action {
            TitleAction::Play => Screen::Solo,
            TitleAction::Party => Screen::Party,
            TitleAction::Packs => Screen::Packs,
            TitleAction::HighScores => Screen::HighScores,
            TitleAction::Settings => Screen::Settings,
            TitleAction::Quit => {
                exit.write(AppExit::Success);
                continue;
            }
        };
        requests.write(RequestScreen::to(to));
    }
}

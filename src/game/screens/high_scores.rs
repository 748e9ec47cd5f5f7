//! High scores per mode for the loaded pack.

use bevy::prelude::*;

use crate::game::GameSet;

use super::{NameEntry, Screen};
use crate::game::Packs;
use crate::game::input::Actions;
use crate::game::quiz::{Quiz, RELAXED_SUFFIX};
use crate::game::save::{HighScores, QUESTION_COUNTS};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy)]
struct BackButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::HighScores), spawn);
    app.add_systems(
        Update,
        act.in_set(GameSet::Logic)
            .run_if(in_state(Screen::HighScores)),
    );
}

fn spawn(
    mut commands: Commands,
    packs: Res<Packs>,
    scores: Res<HighScores>,
    quiz: Option<Res<Quiz>>,
    entry: Res<NameEntry>,
) {
    let mut tables: Vec<(String, String)> = QUESTION_COUNTS
        .iter()
        .map(|n| (format!("classic-{n}"), format!("Classic · {n}")))
        .collect();
    tables.push(("sudden-death".into(), "Sudden death".into()));
    tables.push(("blitz".into(), "Blitz 60 s".into()));
    let relaxed: Vec<(String, String)> = tables
        .iter()
        .map(|(k, t)| (format!("{k}{RELAXED_SUFFIX}"), format!("{t} · relaxed")))
        .collect();
    tables.extend(relaxed);
    // Show the tables that have entries, and always the three modes.
    tables.retain(|(k, _)| {
        k == "classic-10"
            || k == "sudden-death"
            || k == "blitz"
            || !scores.table(&HighScores::key(&packs.id, k)).is_empty()
    });
    let fresh = quiz
        .as_ref()
        .and_then(|q| entry.rank.map(|r| (q.setup.mode_key(), r)));
    commands
        .spawn(widgets::screen_root(
            "High scores screen",
            Screen::HighScores,
        ))
        .with_children(|root| {
            root.spawn(widgets::heading(format!("High scores · {}", packs.title)));
            root.spawn((
                Name::new("Tables"),
                Node {
                    width: percent(94),
                    flex_wrap: FlexWrap::Wrap,
                    justify_content: JustifyContent::Center,
                    column_gap: px(16),
                    row_gap: px(16),
                    ..default()
                },
            ))
            .with_children(|t| {
                for (k, title) in &tables {
                    let rows = scores.table(&HighScores::key(&packs.id, k));
                    t.spawn((
                        Name::new("Score table"),
                        Node {
                            flex_direction: FlexDirection::Column,
                            width: percent(30),
                            min_width: px(230),
                            padding: UiRect::axes(px(18), px(14)),
                            row_gap: px(4),
                            border_radius: BorderRadius::all(px(22)),
                            ..default()
                        },
                        BackgroundColor(palette::PAPER.with_alpha(0.93)),
                        BoxShadow::new(palette::SHADOW, px(0), px(4), px(0), px(14)),
                    ))
                    .with_children(|c| {
                        c.spawn((
                            Name::new("Table title"),
                            Text::new(title.clone()),
                            widgets::bold(widgets::BODY + 2.0),
                            TextColor(palette::BLUE_DEEP),
                        ));
                        if rows.is_empty() {
                            c.spawn(widgets::hint("No scores yet: be the first!"));
                        }
                        for (i, r) in rows.iter().enumerate() {
                            let new = fresh
                                .as_ref()
                                .is_some_and(|(mk, rank)| mk == k && *rank == i);
                            c.spawn((
                                Name::new("Score row"),
                                Node {
                                    justify_content: JustifyContent::SpaceBetween,
                                    column_gap: px(10),
                                    padding: UiRect::axes(px(8), px(2)),
                                    border_radius: BorderRadius::all(px(8)),
                                    ..default()
                                },
                                BackgroundColor(if new {
                                    palette::PINK.with_alpha(0.5)
                                } else {
                                    Color::NONE
                                }),
                                children![
                                    (
                                        Name::new("Who"),
                                        Text::new(format!("{}. {}", i + 1, r.name)),
                                        widgets::font(widgets::SMALL + 1.0),
                                        TextColor(palette::INK)
                                    ),
                                    (
                                        Name::new("Points"),
                                        Text::new(r.score.to_string()),
                                        widgets::bold(widgets::SMALL + 1.0),
                                        TextColor(palette::INK)
                                    ),
                                ],
                            ));
                        }
                    });
                }
            });
            root.spawn(widgets::button("Back to title", BackButton, 0));
        });
}

fn act(
    mut activated: MessageReader<Activated>,
    back: Query<(), With<BackButton>>,
    input: Res<Actions>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let clicked = activated.read().any(|Activated(e)| back.get(*e).is_ok());
    if clicked || input.back {
        requests.write(RequestScreen::to(Screen::Title));
    }
}

//! Standings after each round (bars easing to the new points) and the
//! podium with per-player stats, "Play again" and "Title".

use bevy::prelude::*;

use crate::game::GameSet;

use super::look::{self, BIG, MIN, TEXT};
use super::play::delta_text;
use super::{PartyGame, PartySetup};
use crate::engine::party::PlayerId;
use crate::game::leaves::{LeafBurst, Viewport};
use crate::game::screens::{PartyPhase, Screen};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

/// A standings bar growing from `from` to `to` (shares of the widest bar).
#[derive(Component, Debug, Clone, Copy)]
pub struct Bar {
    pub player: PlayerId,
    pub from: f32,
    pub to: f32,
}
/// Points text counting up with its bar.
#[derive(Component, Debug, Clone, Copy)]
struct BarPoints {
    from: i64,
    to: i64,
}
#[derive(Component, Debug, Clone, Copy)]
pub struct StandingsNext;
#[derive(Component, Debug, Clone, Copy)]
pub struct PlayAgain;
#[derive(Component, Debug, Clone, Copy)]
pub struct ToTitle;

/// Seconds the bars take to reach their new width.
pub const BAR_SECONDS: f32 = 1.4;

/// Seconds on the standings or podium screen, for the animation and the leaves.
#[derive(Resource, Debug, Default)]
pub struct ResultsClock {
    pub t: f32,
    burst: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ResultsClock>();
    app.add_systems(OnEnter(PartyPhase::Standings), spawn_standings);
    app.add_systems(OnEnter(PartyPhase::Podium), spawn_podium);
    let ready = resource_exists::<PartyGame>;
    app.add_systems(
        Update,
        (
            // The bars and the podium's bursts start once the leaves have fallen.
            (animate, standings_next)
                .in_set(GameSet::Logic)
                .run_if(in_state(PartyPhase::Standings).and_then(ready)),
            (podium_leaves, podium_act)
                .in_set(GameSet::Logic)
                .run_if(in_state(PartyPhase::Podium).and_then(ready)),
        ),
    );
}

/// Ease-out cubic.
pub fn ease(x: f32) -> f32 {
    let x = x.clamp(0.0, 1.0);
    1.0 - (1.0 - x).powi(3)
}

fn spawn_standings(mut commands: Commands, game: Res<PartyGame>, mut clock: ResMut<ResultsClock>) {
    *clock = ResultsClock::default();
    let top = game
        .party
        .players
        .iter()
        .map(|p| p.points.max(game.points_before(p.id)))
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let next = if game.last_round() || game.round().exhausted() {
        "Final results".to_string()
    } else {
        format!(
            "Next: {}",
            game.setup
                .rounds
                .get(game.round_index + 1)
                .map_or("", |r| r.name())
        )
    };
    commands
        .spawn(widgets::screen_root(
            "Party standings",
            PartyPhase::Standings,
        ))
        .with_children(|root| {
            root.spawn(look::bold("Standings", look::HEAD, palette::INK));
            root.spawn(look::txt(
                format!("after {}", game.round_text()),
                TEXT,
                palette::INK_SOFT,
            ));
            root.spawn(widgets::panel("Standings panel", 94.0))
                .with_children(|panel| {
                    for (rank, p) in game.party.standings().into_iter().enumerate() {
                        let before = game.points_before(p.id);
                        panel
                            .spawn((
                                Name::new("Standing row"),
                                Node {
                                    width: percent(100),
                                    align_items: AlignItems::Center,
                                    column_gap: px(12),
                                    ..default()
                                },
                            ))
                            .with_children(|row| {
                                row.spawn((
                                    look::bold(format!("{}", rank + 1), BIG, palette::INK),
                                    Node {
                                        width: px(34),
                                        ..default()
                                    },
                                ));
                                row.spawn((
                                    Name::new("Name cell"),
                                    Node {
                                        width: px(270),
                                        ..default()
                                    },
                                    children![look::name_tag(p, TEXT)],
                                ));
                                row.spawn((
                                    Name::new("Bar track"),
                                    Node {
                                        flex_grow: 1.0,
                                        height: px(30),
                                        border_radius: BorderRadius::MAX,
                                        overflow: Overflow::clip(),
                                        ..default()
                                    },
                                    BackgroundColor(palette::CREAM_DEEP),
                                ))
                                .with_children(|t| {
                                    let from = before.max(0) as f32 / top;
                                    t.spawn((
                                        Name::new("Bar"),
                                        Bar {
                                            player: p.id,
                                            from,
                                            to: p.points.max(0) as f32 / top,
                                        },
                                        Node {
                                            width: percent(from * 100.0),
                                            height: percent(100),
                                            border_radius: BorderRadius::MAX,
                                            ..default()
                                        },
                                        BackgroundColor(look::colour(p)),
                                    ));
                                });
                                row.spawn((
                                    BarPoints {
                                        from: before,
                                        to: p.points,
                                    },
                                    look::bold(format!("{before}"), TEXT, palette::INK),
                                    Node {
                                        width: px(96),
                                        justify_content: JustifyContent::End,
                                        ..default()
                                    },
                                    TextLayout::new(Justify::Right, LineBreak::NoWrap),
                                ));
                                row.spawn((
                                    look::bold(
                                        delta_text(p.points - before),
                                        MIN,
                                        if p.points >= before {
                                            palette::RIGHT
                                        } else {
                                            palette::WRONG
                                        },
                                    ),
                                    Node {
                                        width: px(84),
                                        ..default()
                                    },
                                ));
                            });
                    }
                });
            if game.teams {
                let totals = game
                    .party
                    .team_totals()
                    .iter()
                    .map(|(t, pts)| format!("Team {} {pts}", super::lobby::team_name(*t)))
                    .collect::<Vec<_>>()
                    .join("   ·   ");
                root.spawn(look::bold(totals, TEXT, palette::BLUE_DEEP));
            }
            root.spawn(widgets::button(next, StandingsNext, 0));
        });
}

fn animate(
    time: Res<Time>,
    view: Res<Viewport>,
    mut clock: ResMut<ResultsClock>,
    mut bars: Query<(&Bar, &mut Node)>,
    mut points: Query<(&BarPoints, &mut Text)>,
    mut bursts: MessageWriter<LeafBurst>,
) {
    clock.t += time.delta_secs();
    let k = ease(clock.t / BAR_SECONDS);
    for (bar, mut node) in &mut bars {
        let w = percent((bar.from + (bar.to - bar.from) * k) * 100.0);
        if node.width != w {
            node.width = w;
        }
    }
    for (p, mut t) in &mut points {
        let v = format!("{}", p.from + ((p.to - p.from) as f32 * k).round() as i64);
        if t.0 != v {
            t.0 = v;
        }
    }
    if !clock.burst && clock.t >= BAR_SECONDS * 0.8 {
        clock.burst = true;
        // A leaf flourish over the leader's row.
        bursts.write(LeafBurst {
            at: Vec2::new(view.0.x * 0.5, view.0.y * 0.32),
            count: 40,
        });
    }
}

fn standings_next(
    mut activated: MessageReader<Activated>,
    buttons: Query<(), With<StandingsNext>>,
    mut game: ResMut<PartyGame>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let clicked = activated.read().any(|Activated(e)| buttons.get(*e).is_ok());
    if !clicked {
        return;
    }
    let to = game.after_standings();
    requests.write(RequestScreen::to(to));
}

// ---------------------------------------------------------------- podium

fn spawn_podium(mut commands: Commands, game: Res<PartyGame>, mut clock: ResMut<ResultsClock>) {
    *clock = ResultsClock::default();
    let standings: Vec<_> = game.party.standings().into_iter().cloned().collect();
    commands
        .spawn(widgets::screen_root("Party podium", PartyPhase::Podium))
        .with_children(|root| {
            root.spawn(look::bold("Podium", look::HEAD, palette::INK));
            if let Some((t, pts)) = game.party.team_totals().first().filter(|_| game.teams) {
                root.spawn(look::bold(
                    format!("Team {} wins with {pts}", super::lobby::team_name(*t)),
                    TEXT,
                    palette::BLUE_DEEP,
                ));
            }
            root.spawn((
                Name::new("Podium"),
                Node {
                    align_items: AlignItems::End,
                    column_gap: px(16),
                    ..default()
                },
            ))
            .with_children(|row| {
                // Second, first, third.
                for (place, height) in [(1usize, 90.0), (0, 130.0), (2, 60.0)] {
                    let Some(p) = standings.get(place) else {
                        continue;
                    };
                    row.spawn((
                        Name::new("Podium place"),
                        Node {
                            flex_direction: FlexDirection::Column,
                            align_items: AlignItems::Center,
                            row_gap: px(4),
                            width: px(250),
                            ..default()
                        },
                    ))
                    .with_children(|c| {
                        c.spawn(look::name_tag(p, if place == 0 { BIG } else { TEXT }));
                        c.spawn(look::bold(format!("{} pts", p.points), TEXT, palette::INK));
                        c.spawn((
                            Name::new("Podium block"),
                            Node {
                                width: percent(100),
                                height: px(height),
                                justify_content: JustifyContent::Center,
                                align_items: AlignItems::Center,
                                border_radius: BorderRadius::top(px(16)),
                                ..default()
                            },
                            BackgroundColor(look::colour(p)),
                            children![look::bold(
                                format!("{}", place + 1),
                                look::HEAD,
                                look::on_colour(p)
                            )],
                        ));
                    });
                }
            });
            root.spawn(widgets::panel("Stats", 94.0))
                .with_children(|panel| {
                    panel
                        .spawn((
                            Name::new("Stats table"),
                            Node {
                                width: percent(100),
                                display: Display::Grid,
                                grid_template_columns: vec![
                                    RepeatedGridTrack::flex(1, 2.0),
                                    RepeatedGridTrack::flex(3, 1.0),
                                ],
                                row_gap: px(2),
                                column_gap: px(10),
                                align_items: AlignItems::Center,
                                ..default()
                            },
                        ))
                        .with_children(|g| {
                            for h in ["Player", "Accuracy", "Fastest", "Best streak"] {
                                g.spawn(look::bold(h, MIN - 2.0, palette::INK_SOFT));
                            }
                            for p in &standings {
                                let s = &p.stats;
                                g.spawn(look::name_tag(p, MIN - 2.0));
                                g.spawn(look::bold(
                                    format!(
                                        "{:.0} %  ({}/{})",
                                        s.accuracy() * 100.0,
                                        s.correct,
                                        s.answered
                                    ),
                                    MIN - 2.0,
                                    palette::INK,
                                ));
                                g.spawn(look::bold(
                                    s.fastest.map_or("–".into(), |f| format!("{f:.1} s")),
                                    MIN - 2.0,
                                    palette::INK,
                                ));
                                g.spawn(look::bold(
                                    format!("{}", s.best_streak),
                                    MIN - 2.0,
                                    palette::INK,
                                ));
                            }
                        });
                });
            root.spawn(widgets::row("Podium buttons"))
                .with_children(|r| {
                    r.spawn(widgets::button("Play again", PlayAgain, 0));
                    r.spawn(widgets::button("Title", ToTitle, 1));
                });
        });
}

fn podium_leaves(
    time: Res<Time>,
    view: Res<Viewport>,
    mut clock: ResMut<ResultsClock>,
    mut bursts: MessageWriter<LeafBurst>,
) {
    let before = clock.t;
    clock.t += time.delta_secs();
    // Three bursts over the podium, one for each place.
    for (i, (at, x)) in [(0.2, 0.5), (0.6, 0.35), (1.0, 0.65)]
        .into_iter()
        .enumerate()
    {
        if before < at && clock.t >= at {
            bursts.write(LeafBurst {
                at: Vec2::new(view.0.x * x, view.0.y * 0.22),
                count: if i == 0 { 48 } else { 28 },
            });
        }
    }
    clock.burst = true;
}

fn podium_act(
    mut activated: MessageReader<Activated>,
    again: Query<(), With<PlayAgain>>,
    title: Query<(), With<ToTitle>>,
    setup: Res<PartySetup>,
    mut game: ResMut<PartyGame>,
    mut requests: MessageWriter<RequestScreen>,
) {
    for Activated(e) in activated.read() {
        if again.get(*e).is_ok() {
            game.start_game(setup.0.clone());
            let to = game.next_question_screen();
            requests.write(RequestScreen::to(to));
            return;
        }
        if title.get(*e).is_ok() {
            requests.write(RequestScreen::to(Screen::Title));
            return;
        }
    }
}

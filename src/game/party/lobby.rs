//! The lobby (`PartyPhase::Lobby`): players join by pressing any key of a free
//! cluster (or South on a gamepad); the host starts with Enter or a click.

use bevy::prelude::*;

use crate::game::GameSet;

use super::input::{PartyPresses, ordered};
use super::look::{self, MIN, TEXT};
use super::{PartyGame, PartySetup, ensure_game};
use crate::engine::party::{DEFAULT_CLUSTERS, InputSource, MAX_PLAYERS, PlayerId};
use crate::game::input::Actions;
use crate::game::screens::{PartyPhase, Screen};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy)]
pub struct StartButton;
#[derive(Component, Debug, Clone, Copy)]
pub struct TeamsButton;
#[derive(Component, Debug, Clone, Copy)]
pub struct ClockButton;
#[derive(Component, Debug, Clone, Copy)]
pub struct LobbyBack;

/// The part of the lobby redrawn when the players change.
#[derive(Component, Debug)]
struct LobbyBody;
#[derive(Component, Debug)]
struct LobbyStatus;
/// Where the lobby shows how to join from a phone.
#[derive(Component, Debug)]
pub struct PhoneJoin;

/// Seconds between two presses of a cluster's last key that leave the party.
pub const LEAVE_TAP_SECONDS: f32 = 1.0;

/// Last-key taps (source, time) for the double-tap leave; a status line.
#[derive(Resource, Debug, Default)]
pub(super) struct LobbyState {
    taps: Vec<(InputSource, f32)>,
    drawn: Option<u64>,
    status: String,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LobbyState>();
    app.add_systems(OnEnter(PartyPhase::Lobby), (ensure_game, spawn).chain());
    app.add_systems(
        Update,
        (
            (join_and_leave, act).chain().in_set(GameSet::Logic),
            redraw.in_set(GameSet::Paint),
        )
            .run_if(in_state(PartyPhase::Lobby).and_then(resource_exists::<PartyGame>)),
    );
}

pub(super) fn spawn(mut commands: Commands, mut state: ResMut<LobbyState>) {
    state.drawn = None;
    state.taps.clear();
    state.status.clear();
    commands
        .spawn(widgets::screen_root("Party lobby", PartyPhase::Lobby))
        .with_children(|root| {
            root.spawn(look::bold("Party", look::HEAD, palette::INK));
            root.spawn(look::line(
                "Join with any key of a free cluster, A on a gamepad, or your phone.  Keys left to right answer A–D.",
                MIN,
                palette::INK,
            ));
            root.spawn((
                Name::new("Clusters"),
                LobbyBody,
                Node {
                    width: percent(96),
                    max_width: px(1240),
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(4, 1.0),
                    row_gap: px(10),
                    column_gap: px(10),
                    ..default()
                },
            ));
            root.spawn((
                LobbyStatus,
                look::bold("", TEXT, palette::PINK_DEEP),
            ));
            // Filled by the phone room (`phones`) when phones may join.
            root.spawn((
                Name::new("Phone join"),
                PhoneJoin,
                Node {
                    align_items: AlignItems::Center,
                    column_gap: px(18),
                    ..default()
                },
            ));
            root.spawn(widgets::row("Lobby buttons")).with_children(|r| {
                r.spawn(widgets::button("Start", StartButton, 0));
                r.spawn(widgets::button("Teams: off", TeamsButton, 1));
                r.spawn(widgets::button("Clock: on", ClockButton, 2));
                r.spawn(widgets::button("Back", LobbyBack, 3));
            });
            root.spawn(look::line(
                "Leave: your last key twice  ·  Backspace: remove the last  ·  T: teams  ·  G: clock  ·  Enter: start",
                MIN - 2.0,
                palette::INK_SOFT,
            ));
        });
}

/// The room's clock on or off (relaxed: no countdown, no speed points, no races).
fn toggle_clock(game: &mut PartyGame) {
    game.relaxed = !game.relaxed;
    game.revision += 1;
}

pub fn set_teams(game: &mut PartyGame, on: bool) {
    game.teams = on;
    let ids: Vec<PlayerId> = game.party.players.iter().map(|p| p.id).collect();
    for (i, id) in ids.into_iter().enumerate() {
        game.party.set_team(id, on.then_some((i % 2) as u8));
    }
    game.revision += 1;
}

fn join_and_leave(
    time: Res<Time>,
    presses: Res<PartyPresses>,
    actions: Res<Actions>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mut game: ResMut<PartyGame>,
    mut state: ResMut<LobbyState>,
) {
    let now = time.elapsed_secs();
    for (source, slot) in ordered(&game, &presses) {
        let joined = game.party.player_for(source).map(|p| p.id);
        match joined {
            None => {
                // Gamepads join with South; any key of a free cluster joins.
                if matches!(source, InputSource::Gamepad(_)) && slot != 0 {
                    continue;
                }
                if game.join(source, None).is_ok() {
                    game.revision += 1;
                    state.status.clear();
                }
            }
            Some(id) if slot == 3 => {
                let double = state
                    .taps
                    .iter()
                    .any(|(s, t)| *s == source && now - t <= LEAVE_TAP_SECONDS);
                state.taps.retain(|(s, _)| *s != source);
                if double {
                    game.party.leave(id);
                    game.revision += 1;
                } else {
                    state.taps.push((source, now));
                }
            }
            Some(id) if slot == 0 && game.teams => {
                let team = game.party.player(id).and_then(|p| p.team).unwrap_or(0);
                game.party.set_team(id, Some(1 - team.min(1)));
                game.revision += 1;
            }
            Some(_) => {}
        }
    }
    if actions.backspace
        && let Some(id) = game.party.players.last().map(|p| p.id)
    {
        game.party.leave(id);
        game.revision += 1;
    }
    if keys.as_ref().is_some_and(|k| k.just_pressed(KeyCode::KeyT)) {
        let on = !game.teams;
        set_teams(&mut game, on);
    }
    if keys.is_some_and(|k| k.just_pressed(KeyCode::KeyG)) {
        toggle_clock(&mut game);
    }
}

#[allow(clippy::too_many_arguments)]
fn act(
    mut activated: MessageReader<Activated>,
    start: Query<(), With<StartButton>>,
    teams: Query<(), With<TeamsButton>>,
    clock: Query<(), With<ClockButton>>,
    back: Query<(), With<LobbyBack>>,
    actions: Res<Actions>,
    presses: Res<PartyPresses>,
    setup: Res<PartySetup>,
    mut game: ResMut<PartyGame>,
    mut state: ResMut<LobbyState>,
    mut requests: MessageWriter<RequestScreen>,
) {
    // A gamepad's South joins and East is its answer B: neither is the host's confirm or back here.
    let pad_pressed = presses
        .0
        .iter()
        .any(|(s, _)| matches!(s, InputSource::Gamepad(_)));
    if pad_pressed {
        activated.clear();
        return;
    }
    for Activated(e) in activated.read() {
        if start.get(*e).is_ok() {
            let need = setup.min_players.max(1);
            if game.party.players.len() < need {
                state.status = format!("At least {need} players are needed to start.");
                game.revision += 1;
                continue;
            }
            game.start_game(setup.0.clone());
            let to = game.next_question_screen();
            requests.write(RequestScreen::to(to));
            return;
        } else if teams.get(*e).is_ok() {
            let on = !game.teams;
            set_teams(&mut game, on);
        } else if clock.get(*e).is_ok() {
            toggle_clock(&mut game);
        } else if back.get(*e).is_ok() {
            requests.write(RequestScreen::to(Screen::Title));
            return;
        }
    }
    if actions.back {
        requests.write(RequestScreen::to(Screen::Title));
    }
}

/// The lobby's two on/off buttons, relabelled on a redraw.
type ToggleButtons = Or<(With<TeamsButton>, With<ClockButton>)>;

fn redraw(
    mut commands: Commands,
    game: Res<PartyGame>,
    mut state: ResMut<LobbyState>,
    body: Query<Entity, With<LobbyBody>>,
    mut status: Query<&mut Text, With<LobbyStatus>>,
    buttons: Query<(&Children, Has<TeamsButton>), ToggleButtons>,
    mut texts: Query<&mut Text, Without<LobbyStatus>>,
) {
    if state.drawn == Some(game.revision) {
        return;
    }
    let Ok(body) = body.single() else { return };
    state.drawn = Some(game.revision);
    for mut t in &mut status {
        t.0 = if state.status.is_empty() {
            let n = game.party.players.len();
            format!("{n} of {MAX_PLAYERS} players joined")
        } else {
            state.status.clone()
        };
    }
    for (children, is_teams) in &buttons {
        let label = match (is_teams, game.teams, game.relaxed) {
            (true, true, _) => "Teams: on",
            (true, false, _) => "Teams: off",
            (false, _, true) => "Clock: off (relaxed)",
            (false, _, false) => "Clock: on",
        };
        for c in children.iter() {
            if let Ok(mut t) = texts.get_mut(c) {
                t.0 = label.to_string();
            }
        }
    }
    commands.entity(body).despawn_children();
    commands.entity(body).with_children(|g| {
        // The players in join order, then the free clusters up to eight cards.
        for p in &game.party.players {
            spawn_slot(g, look::keys_text(p.source), Some(p), game.teams);
        }
        let free = DEFAULT_CLUSTERS
            .iter()
            .enumerate()
            .filter(|(c, _)| game.party.player_for(InputSource::Keys(*c as u8)).is_none())
            .take(MAX_PLAYERS.saturating_sub(game.party.players.len()));
        for (_, keys) in free {
            spawn_slot(g, keys.join("  "), None, game.teams);
        }
    });
}

fn spawn_slot(
    g: &mut ChildSpawnerCommands,
    keys: String,
    player: Option<&crate::engine::party::Player>,
    teams: bool,
) {
    let (bg, border) = match player {
        Some(p) => (look::colour(p).mix(&palette::PAPER, 0.55), look::colour(p)),
        None => (palette::PAPER.with_alpha(0.7), palette::CREAM_DEEP),
    };
    g.spawn((
        Name::new("Cluster slot"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(2),
            min_height: px(92),
            padding: UiRect::all(px(6)),
            border: UiRect::all(px(4)),
            border_radius: BorderRadius::all(px(20)),
            ..default()
        },
        BackgroundColor(bg),
        BorderColor::all(border),
    ))
    .with_children(|s| {
        s.spawn((
            Name::new("Keycaps"),
            Node {
                padding: UiRect::axes(px(10), px(1)),
                border_radius: BorderRadius::all(px(10)),
                ..default()
            },
            BackgroundColor(palette::INK.with_alpha(0.85)),
            children![look::bold(keys, TEXT, palette::PAPER)],
        ));
        match player {
            Some(p) => {
                s.spawn(look::name_tag(p, TEXT));
                let extra = match (teams, p.team, p.connected) {
                    (_, _, false) => away_text(p.source).to_string(),
                    (true, Some(t), _) => format!("Team {}", team_name(t)),
                    _ => "ready".to_string(),
                };
                s.spawn(look::txt(extra, MIN - 2.0, palette::INK));
            }
            None => {
                s.spawn(look::txt(
                    "free: press to join",
                    MIN - 2.0,
                    palette::INK_SOFT,
                ));
            }
        }
    });
}

/// Why a player is away, on their lobby card.
pub fn away_text(source: InputSource) -> &'static str {
    match source {
        InputSource::Phone(_) => "away: phone not connected",
        _ => "paused: gamepad away",
    }
}

pub fn team_name(t: u8) -> &'static str {
    if t == 0 { "Leaf" } else { "Acorn" }
}

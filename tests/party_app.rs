//! Headless app tests of party play: `MinimalPlugins`, `StatesPlugin` and the
//! game's plugins, players driven through their key clusters (and fake
//! gamepads), scores checked against the engine's rules.
#![cfg(feature = "game")]

use bevy::prelude::*;
use leafquiz::engine::party::{DEFAULT_NAMES, InputSource, Party, RoundType};
use leafquiz::engine::scoring::{party_points, settle_wager};
use leafquiz::game::GameConfig;
use leafquiz::game::party::play::LockBadge;
use leafquiz::game::party::{CLUSTER_KEYS, PartyGame, PartyPlan, PartySetup};
use leafquiz::game::quiz::GameSeed;
use leafquiz::game::screens::{PartyPhase, Screen};
use leafquiz::game::transition::RequestScreen;

mod app_common;
use app_common::{DT, headless_app, press_all as press, run_until_exit, screen, settle};

fn new_app(dir: &std::path::Path) -> App {
    let mut app = headless_app(GameConfig {
        data_dir: Some(dir.to_path_buf()),
        ..default()
    });
    app.insert_resource(GameSeed(42));
    app
}

fn game(app: &App) -> &PartyGame {
    app.world().resource::<PartyGame>()
}

fn lobby(dir: &std::path::Path) -> App {
    let mut app = new_app(dir);
    settle(&mut app);
    app.world_mut()
        .write_message(RequestScreen::to(Screen::Party));
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Lobby);
    app
}

/// Joins the clusters in this order (each with a different key of its cluster).
fn join(app: &mut App, clusters: &[usize]) {
    for (i, c) in clusters.iter().enumerate() {
        press(app, &[CLUSTER_KEYS[*c][i % 4]]);
    }
}

fn start(app: &mut App, rounds: Vec<RoundType>, per_round: u32) {
    app.world_mut().insert_resource(PartySetup(PartyPlan {
        rounds,
        questions_per_round: per_round,
        min_players: 2,
    }));
    press(app, &[KeyCode::Enter]);
    settle(app);
}

fn answer(app: &App) -> usize {
    game(app).current().expect("a question").answer
}

fn wrong(app: &App) -> usize {
    (answer(app) + 1) % 4
}

fn key(cluster: usize, slot: usize) -> KeyCode {
    CLUSTER_KEYS[cluster][slot]
}

#[test]
fn two_four_and_eight_players_join_through_their_clusters() {
    for n in [2usize, 4, 8] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = lobby(dir.path());
        let clusters: Vec<usize> = (0..n).rev().collect();
        join(&mut app, &clusters);
        let players = &game(&app).party.players;
        assert_eq!(players.len(), n);
        for (p, c) in players.iter().zip(&clusters) {
            assert_eq!(p.source, InputSource::Keys(*c as u8));
            assert_eq!(p.name, DEFAULT_NAMES[p.colour as usize]);
        }
        let mut colours: Vec<u8> = players.iter().map(|p| p.colour).collect();
        colours.dedup();
        assert_eq!(colours.len(), n, "distinct colours");
        // Pressing a joined cluster again joins nobody new.
        press(&mut app, &[key(clusters[0], 1)]);
        assert_eq!(game(&app).party.players.len(), n);
    }
}

#[test]
fn leaving_by_double_tap_and_backspace() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0, 1, 2, 3]);
    // Cluster 1's last key twice.
    press(&mut app, &[key(1, 3)]);
    press(&mut app, &[key(1, 3)]);
    let sources: Vec<_> = game(&app).party.players.iter().map(|p| p.source).collect();
    assert_eq!(
        sources,
        vec![
            InputSource::Keys(0),
            InputSource::Keys(2),
            InputSource::Keys(3)
        ]
    );
    press(&mut app, &[KeyCode::Backspace]);
    assert_eq!(game(&app).party.players.len(), 2);
    // The freed cluster can join again.
    press(&mut app, &[key(1, 0)]);
    assert_eq!(game(&app).party.players.len(), 3);
}

#[test]
fn one_player_cannot_start_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0]);
    start(&mut app, vec![RoundType::Classic], 1);
    assert_eq!(screen(&app), PartyPhase::Lobby);
}

/// Every text on screen, sorted.
fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    let mut v: Vec<String> = q.iter(app.world()).map(|t| t.0.clone()).collect();
    v.sort();
    v
}

#[test]
fn lock_ins_are_secret_and_classic_scores_by_the_engine() {
    // Two identical games where player 1 picks different answers: the screen
    // must look the same until the reveal.
    let mut shown = Vec::new();
    let mut points = Vec::new();
    for pick_right in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = lobby(dir.path());
        join(&mut app, &[0, 1, 2]);
        start(&mut app, vec![RoundType::Classic], 1);
        assert_eq!(screen(&app), PartyPhase::Question);
        for _ in 0..40 {
            app.update();
        }
        let a = answer(&app);
        let slot = if pick_right { a } else { wrong(&app) };
        press(&mut app, &[key(0, slot), key(1, a)]);
        assert_eq!(screen(&app), PartyPhase::Question);
        let locked = game(&app).party.locked_players();
        assert_eq!(locked.len(), 2);
        let mut badges = app.world_mut().query::<&LockBadge>();
        assert_eq!(badges.iter(app.world()).count(), 3);
        shown.push(texts(&mut app));
        // The engine's rule, replayed on a mirror party.
        let (at, limit) = {
            let g = game(&app);
            // Both pressed in the same frame: one `at`.
            (g.round().clock() - DT.as_secs_f32(), g.round().limit())
        };
        let w2 = wrong(&app);
        press(&mut app, &[key(2, w2)]);
        settle(&mut app);
        assert_eq!(screen(&app), PartyPhase::Reveal);
        let results = game(&app).round().last().cloned().unwrap().results;
        assert_eq!(
            results[0].delta,
            party_points(pick_right, limit - at, limit, 0) as i64
        );
        assert_eq!(
            results[1].delta,
            party_points(true, limit - at, limit, 0) as i64
        );
        assert_eq!(results[2].delta, 0);
        assert_eq!(results[0].choice, Some(slot));
        points.push(results[0].delta);
    }
    assert_eq!(shown[0], shown[1], "the screen never shows what was chosen");
    assert!(points[0] > 0 && points[1] == 0);
}

/// Replays the app's question on a mirror engine party and compares.
fn mirror(app: &App, round: RoundType, presses: &[(u8, usize, f32)]) -> Vec<i64> {
    let g = game(app);
    let mut p = Party::new();
    for pl in &g.party.players {
        p.join(pl.source, None).unwrap();
    }
    p.start_question(
        round,
        g.round().last().unwrap().question.answer,
        g.round().limit(),
        vec![],
    );
    for (c, slot, at) in presses {
        p.press(InputSource::Keys(*c), *slot, *at);
    }
    p.resolve().into_iter().map(|r| r.delta).collect()
}

#[test]
fn fastest_finger_ties_in_one_frame_both_count_in_join_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[2, 0, 1]);
    start(&mut app, vec![RoundType::FastestFinger], 1);
    for _ in 0..10 {
        app.update();
    }
    let a = answer(&app);
    // Cluster 0 is read first by the device loop, but cluster 2 joined first.
    press(&mut app, &[key(0, a), key(2, a)]);
    let at = game(&app).round().clock() - DT.as_secs_f32();
    let w1 = wrong(&app);
    press(&mut app, &[key(1, w1)]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
    let deltas: Vec<i64> = game(&app)
        .round()
        .last()
        .unwrap()
        .results
        .iter()
        .map(|r| r.delta)
        .collect();
    assert_eq!(deltas, vec![1000, 750, 0]);
    let w = (a + 1) % 4;
    assert_eq!(
        deltas,
        mirror(
            &app,
            RoundType::FastestFinger,
            &[(2, a, at), (0, a, at), (1, w, at + 0.016)]
        )
    );
}

#[test]
fn buzz_and_steal_follows_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0, 1, 2]);
    start(&mut app, vec![RoundType::BuzzAndSteal], 1);
    let a = answer(&app);
    let w = wrong(&app);
    press(&mut app, &[key(1, 0)]); // buzz
    assert_eq!(
        game(&app).party.buzzer(),
        Some(game(&app).party.players[1].id)
    );
    // Others cannot answer while the buzzer answers alone.
    press(&mut app, &[key(0, a)]);
    assert!(game(&app).party.locked_players().is_empty());
    press(&mut app, &[key(1, w)]); // wrong: the others may steal
    press(&mut app, &[key(2, a), key(0, a)]); // same frame: player 0 joined first
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
    let deltas: Vec<i64> = game(&app)
        .round()
        .last()
        .unwrap()
        .results
        .iter()
        .map(|r| r.delta)
        .collect();
    assert_eq!(
        deltas,
        mirror(
            &app,
            RoundType::BuzzAndSteal,
            &[(1, 0, 0.1), (1, w, 0.2), (0, a, 0.3), (2, a, 0.3)]
        )
    );
    assert_eq!(deltas[0], 500);
}

#[test]
fn a_whole_party_with_a_final_wager_never_takes_more_than_the_bet() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0, 1]);
    start(&mut app, vec![RoundType::Classic, RoundType::FinalWager], 1);
    assert_eq!(screen(&app), PartyPhase::Question);
    let a = answer(&app);
    press(&mut app, &[key(0, a), key(1, a)]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Standings);
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Wager);
    let before: Vec<i64> = game(&app).party.players.iter().map(|p| p.points).collect();
    assert!(before.iter().all(|p| *p > 0));
    // Player 0: +10 % ×7 (capped at 100 %); player 1: −10 % ×2 = 30 %.
    for _ in 0..7 {
        press(&mut app, &[key(0, 1)]);
    }
    press(&mut app, &[key(1, 0)]);
    press(&mut app, &[key(1, 0)]);
    let ids: Vec<u32> = game(&app).party.players.iter().map(|p| p.id).collect();
    assert_eq!(
        leafquiz::game::party::play::wager_of(game(&app), ids[0]),
        100
    );
    assert_eq!(
        leafquiz::game::party::play::wager_of(game(&app), ids[1]),
        30
    );
    press(&mut app, &[key(0, 3), key(1, 3)]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Question);
    let w = wrong(&app);
    press(&mut app, &[key(0, w), key(1, w)]);
    settle(&mut app);
    let after: Vec<i64> = game(&app).party.players.iter().map(|p| p.points).collect();
    assert_eq!(after[0], settle_wager(before[0], 100, false));
    assert_eq!(after[1], settle_wager(before[1], 30, false));
    for (b, (a, pct)) in before.iter().zip(after.iter().zip([100, 30])) {
        assert!(b - a <= b * pct / 100, "lost no more than the bet");
        assert!(*a >= 0);
    }
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Standings);
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Podium);
    // "Play again" (focused) keeps the players and resets the scores.
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Question);
    assert_eq!(game(&app).party.players.len(), 2);
    assert!(game(&app).party.players.iter().all(|p| p.points == 0));
}

#[test]
fn unjoined_clusters_are_ignored_during_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0, 1]);
    start(&mut app, vec![RoundType::Classic], 1);
    press(&mut app, &[key(5, 0), key(7, 2), key(3, 1)]);
    assert!(game(&app).party.locked_players().is_empty());
    assert_eq!(game(&app).party.players.len(), 2);
}

fn pad_press(app: &mut App, pad: Entity, b: GamepadButton) {
    app.world_mut()
        .get_mut::<Gamepad>(pad)
        .unwrap()
        .digital_mut()
        .press(b);
    app.update();
    let mut g = app.world_mut().get_mut::<Gamepad>(pad).unwrap();
    g.digital_mut().release(b);
    g.digital_mut().clear();
    app.update();
}

#[test]
fn gamepads_join_answer_and_pause_when_disconnected() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    let pad = app.world_mut().spawn(Gamepad::default()).id();
    // East does not join; South does.
    pad_press(&mut app, pad, GamepadButton::East);
    assert!(game(&app).party.players.is_empty());
    pad_press(&mut app, pad, GamepadButton::South);
    join(&mut app, &[0]);
    let src = InputSource::Gamepad(pad.to_bits());
    assert_eq!(game(&app).party.players[0].source, src);
    start(&mut app, vec![RoundType::Classic], 1);
    assert_eq!(screen(&app), PartyPhase::Question);
    // Disconnect: only that player is paused.
    app.world_mut().entity_mut(pad).remove::<Gamepad>();
    app.update();
    assert!(!game(&app).party.players[0].connected);
    assert!(game(&app).party.players[1].connected);
    app.world_mut().entity_mut(pad).insert(Gamepad::default());
    app.update();
    assert!(game(&app).party.players[0].connected);
    let a = answer(&app);
    let b = leafquiz::game::party::PAD_SLOTS[a];
    pad_press(&mut app, pad, b);
    assert_eq!(
        game(&app).party.locked_players(),
        vec![game(&app).party.players[0].id]
    );
}

#[test]
fn a_relaxed_room_has_no_clock_no_races_and_no_speed_points() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = lobby(dir.path());
    join(&mut app, &[0, 1]);
    // G: the room's clock off.
    press(&mut app, &[KeyCode::KeyG]);
    assert!(game(&app).relaxed);
    start(
        &mut app,
        vec![RoundType::FastestFinger, RoundType::BuzzAndSteal],
        1,
    );
    assert_eq!(screen(&app), PartyPhase::Question);
    // A race needs a clock: it is played as a classic round.
    assert_eq!(game(&app).round_type(), RoundType::Classic);
    // Five minutes pass: the question waits for everyone.
    for _ in 0..(300.0 / DT.as_secs_f32()) as usize {
        app.update();
    }
    assert_eq!(screen(&app), PartyPhase::Question);
    let a = answer(&app);
    press(&mut app, &[key(0, a)]);
    for _ in 0..600 {
        app.update();
    }
    assert_eq!(
        screen(&app),
        PartyPhase::Question,
        "one player still thinking"
    );
    press(&mut app, &[key(1, a)]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
    let results = game(&app).round().last().cloned().unwrap().results;
    // Both right, one five minutes slower: the same points, none for speed.
    assert_eq!(results[0].delta, party_points(true, 0.0, 0.0, 0) as i64);
    assert_eq!(results[0].delta, results[1].delta);

    // The host ends a question someone walked away from with Enter.
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    if screen(&app) == PartyPhase::Standings {
        press(&mut app, &[KeyCode::Enter]);
        settle(&mut app);
    }
    assert_eq!(screen(&app), PartyPhase::Question);
    assert_eq!(game(&app).round_type(), RoundType::Classic);
    let a = answer(&app);
    press(&mut app, &[key(0, a)]);
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
}

/// The party demo without screenshots (`play --demo --players N`, as
/// `--bench-party` runs it) plays a whole game to the podium and exits: it
/// once waited in the lobby for a picture it would never take.
#[test]
fn the_party_demo_without_screenshots_plays_to_the_podium() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(GameConfig {
        data_dir: Some(dir.path().to_path_buf()),
        demo: Some(leafquiz::game::demo::DemoConfig {
            seed: 5,
            questions: 1,
            screenshots: None,
            exit_when_done: true,
        }),
        party_players: Some(4),
        ..default()
    });
    let seen = run_until_exit(&mut app, 60_000);
    assert_eq!(
        app.should_exit(),
        Some(AppExit::Success),
        "screens seen: {seen:?}"
    );
    for phase in [
        PartyPhase::Lobby,
        PartyPhase::Question,
        PartyPhase::Reveal,
        PartyPhase::Podium,
    ] {
        assert!(
            seen.iter().any(|s| *s == phase),
            "{phase:?} missing from {seen:?}"
        );
    }
    assert_eq!(game(&app).party.players.len(), 4);
}

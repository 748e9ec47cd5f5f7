//! The game's party screens with phones: the real plugins (headless), the
//! lobby opening the phone server on loopback, a phone on a real WebSocket
//! joining beside a key cluster, locking in an answer the engine scores,
//! getting its result, and shown as away when its connection drops.
#![cfg(all(feature = "game", feature = "remote"))]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use futures_util::{SinkExt, StreamExt};
use leafquiz::engine::party::{InputSource, RoundType};
use leafquiz::game::GameConfig;
use leafquiz::game::party::phones::PhoneRoom;
use leafquiz::game::party::play::lock_state;
use leafquiz::game::party::{CLUSTER_KEYS, PartyGame, PartyPlan, PartySetup};
use leafquiz::game::quiz::GameSeed;
use leafquiz::game::screens::{PartyPhase, Screen};
use leafquiz::game::transition::RequestScreen;
use leafquiz::remote::protocol::{Phase, ToPhone};
use tokio_tungstenite::tungstenite::Message;

mod app_common;
use app_common::{headless_app, press_all as press, screen, settle};

/// What the test tells the phone to do, and what the phone heard.
enum Do {
    Answer(u8),
    Hang,
}

/// A phone on its own thread: joins as Robin, answers when told, reports
/// every message from the host.
fn phone(url: String, room: String) -> (mpsc::Sender<Do>, mpsc::Receiver<ToPhone>) {
    let (do_tx, do_rx) = mpsc::channel::<Do>();
    let (heard_tx, heard_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
            let join = format!(r#"{{"type":"join","room":"{room}","name":"Robin"}}"#);
            ws.send(Message::Text(join.into())).await.unwrap();
            let mut question = 0;
            loop {
                match do_rx.try_recv() {
                    Ok(Do::Answer(slot)) => {
                        let a =
                            format!(r#"{{"type":"answer","question":{question},"slot":{slot}}}"#);
                        ws.send(Message::Text(a.into())).await.unwrap();
                    }
                    Ok(Do::Hang) => return,
                    Err(_) => {}
                }
                let Ok(Some(Ok(Message::Text(t)))) =
                    tokio::time::timeout(Duration::from_millis(20), ws.next()).await
                else {
                    continue;
                };
                let Ok(msg) = serde_json::from_str::<ToPhone>(&t) else {
                    continue;
                };
                if let ToPhone::Screen(v) = &msg
                    && let (Phase::Question, Some(q)) = (v.phase, &v.question)
                {
                    question = q.number;
                }
                let _ = heard_tx.send(msg);
            }
        });
    });
    (do_tx, heard_rx)
}

/// Runs frames (with real time passing for the server's thread) until `done`.
fn until(app: &mut App, what: &str, mut done: impl FnMut(&mut App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        app.update();
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn game(app: &App) -> &PartyGame {
    app.world().resource::<PartyGame>()
}

fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

#[test]
fn a_phone_joins_the_lobby_answers_and_is_shown_away_when_it_drops() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = headless_app(GameConfig {
        data_dir: Some(dir.path().to_path_buf()),
        phones: Some(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))),
        ..default()
    });
    app.insert_resource(GameSeed(7));
    settle(&mut app);
    app.world_mut()
        .write_message(RequestScreen::to(Screen::Party));
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Lobby);

    let room = app.world().resource::<PhoneRoom>();
    let (addr, code) = (room.addr(), room.room_code().to_string());
    assert!(room.join_url().ends_with(&format!("/?room={code}")));
    assert!(
        texts(&mut app).contains(&code),
        "the lobby shows the room code"
    );

    let (tell, heard) = phone(format!("ws://{addr}/ws"), code);
    until(&mut app, "the phone's seat", |app| {
        game(app).party.players.len() == 1
    });
    press(&mut app, &[CLUSTER_KEYS[0][0]]);
    let players = &game(&app).party.players;
    assert!(matches!(players[0].source, InputSource::Phone(_)));
    assert_eq!(players[0].name, "Robin");
    assert_eq!(players[1].source, InputSource::Keys(0));
    app.update();
    assert!(
        texts(&mut app).iter().any(|t| t == "phone"),
        "the phone player's card says phone"
    );

    app.world_mut().insert_resource(PartySetup(PartyPlan {
        rounds: vec![RoundType::Classic],
        questions_per_round: 2,
        min_players: 2,
    }));
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Question);
    let right = game(&app).current().unwrap().answer;
    let robin = game(&app).party.players[0].id;
    // The phone sees the question once the leaves have settled.
    let saw_question = Instant::now() + Duration::from_secs(5);
    loop {
        app.update();
        if heard.try_iter().any(|m| {
            matches!(m, ToPhone::Screen(v) if v.phase == Phase::Question && v.question.is_some())
        }) {
            break;
        }
        assert!(Instant::now() < saw_question, "the phone sees the question");
        std::thread::sleep(Duration::from_millis(5));
    }
    tell.send(Do::Answer(right as u8)).unwrap();
    until(&mut app, "the phone's lock", |app| {
        game(app).party.locked_players().contains(&robin)
    });
    assert_eq!(lock_state(game(&app), robin), "✓ locked");
    // The key player answers too: the question is scored and revealed.
    press(&mut app, &[CLUSTER_KEYS[0][(right + 1) % 4]]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Reveal);
    let points = game(&app).party.players[0].points;
    assert!(points >= 500, "a right answer scores: {points}");
    let deadline = Instant::now() + Duration::from_secs(5);
    let result = loop {
        app.update();
        if let Some(r) = heard.try_iter().find_map(|m| match m {
            ToPhone::Result { correct, total, .. } => Some((correct, total)),
            _ => None,
        }) {
            break r;
        }
        assert!(Instant::now() < deadline, "the phone gets its result");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(result, (true, points), "the phone's result is the engine's");

    // The phone goes: its player is away, and the next question does not wait for it.
    tell.send(Do::Hang).unwrap();
    until(&mut app, "the phone away", |app| {
        !game(app).party.players[0].connected
    });
    press(&mut app, &[KeyCode::Enter]);
    settle(&mut app);
    assert_eq!(screen(&app), PartyPhase::Question);
    assert_eq!(lock_state(game(&app), robin), "away");
    press(&mut app, &[CLUSTER_KEYS[0][0]]);
    settle(&mut app);
    assert_eq!(
        screen(&app),
        PartyPhase::Reveal,
        "the question ended without the away phone"
    );
}

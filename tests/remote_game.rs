//! A whole party game played by phones over real WebSockets against the
//! headless host: joining, the first player starting, answers in every round
//! type (a buzz before the answer in Buzz and steal), wagers, a phone that
//! drops and rejoins mid-game, and each phone's results adding up to the
//! final standings.
#![cfg(feature = "remote")]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use leafquiz::engine::party::RoundType;
use leafquiz::engine::party_game::{PartyGame, PartyPlan, Stage};
use leafquiz::engine::{Difficulty, FactBase, load_pack_bytes};
use leafquiz::remote::headless::HeadlessHost;
use leafquiz::remote::protocol::{Phase, ToPhone};
use leafquiz::remote::room::Limits;
use leafquiz::remote::{Host, ServerConfig};
use tokio_tungstenite::tungstenite::Message;

const PHONES: usize = 4;

fn headless_host() -> HeadlessHost {
    let (name, text) = leafquiz::engine::load::EMBEDDED_PACKS[0];
    let pack = load_pack_bytes(name, text.as_bytes()).unwrap().pack;
    let game = PartyGame::new(
        Arc::new(FactBase::build([&pack])),
        Difficulty::Medium,
        false,
        11,
        Default::default(),
    );
    let host = Host::start(ServerConfig {
        bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        limits: Limits {
            players: 8,
            audience: 10,
        },
        room_code: Some("GAME".into()),
    })
    .unwrap();
    let plan = PartyPlan {
        rounds: vec![
            RoundType::Classic,
            RoundType::FastestFinger,
            RoundType::BuzzAndSteal,
            RoundType::FinalWager,
        ],
        questions_per_round: 1,
        min_players: 2,
    };
    HeadlessHost::new(game, host, plan)
}

/// One phone: answers every question with `slot`, buzzes first when asked
/// to, wagers 30 %, and (phone 0) goes on. Returns the sum of its results'
/// points and its last total.
async fn phone(url: String, index: usize, drop_once: bool) -> (i64, i64) {
    let mut token: Option<String> = None;
    let mut dropped = false;
    let (mut sum, mut total) = (0i64, 0i64);
    let mut answered = 0u32;
    if index > 0 {
        // Phone 0 takes the first seat: its "Go on" starts the game.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    loop {
        let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
        let join = match &token {
            Some(t) => format!(r#"{{"type":"join","room":"GAME","name":"x","token":"{t}"}}"#),
            None => format!(r#"{{"type":"join","room":"game","name":"Phone {index}"}}"#),
        };
        ws.send(Message::Text(join.into())).await.unwrap();
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(30), ws.next())
                .await
                .expect("the host keeps talking");
            let Some(Ok(Message::Text(text))) = msg else {
                if matches!(msg, Some(Ok(_))) {
                    continue;
                }
                return (sum, total);
            };
            let send = |s: String| Message::Text(s.into());
            match serde_json::from_str::<ToPhone>(&text).unwrap() {
                ToPhone::Welcome { token: t, .. } => {
                    let first_time = token.is_none();
                    token = Some(t);
                    if index == 0 && first_time {
                        // Everyone else is in before the first player starts.
                        tokio::time::sleep(Duration::from_millis(400)).await;
                        ws.send(send(r#"{"type":"ready"}"#.into())).await.unwrap();
                    }
                }
                ToPhone::Result {
                    points, total: t, ..
                } => {
                    sum += points;
                    total = t;
                }
                ToPhone::Screen(v) => match (v.phase, v.question) {
                    (Phase::Question, Some(q)) if q.number > answered => {
                        answered = q.number;
                        if drop_once && !dropped && q.number == 2 {
                            // Gone for a moment: comes back to its own seat.
                            dropped = true;
                            break;
                        }
                        let slot = index % q.options.len();
                        if q.buzz {
                            let buzz = format!(r#"{{"type":"buzz","question":{}}}"#, q.number);
                            ws.send(send(buzz)).await.unwrap();
                        }
                        let answer = format!(
                            r#"{{"type":"answer","question":{},"slot":{slot}}}"#,
                            q.number
                        );
                        ws.send(send(answer)).await.unwrap();
                    }
                    (Phase::Wager, _) => {
                        let w = r#"{"type":"wager","percent":30,"lock":true}"#;
                        ws.send(send(w.into())).await.unwrap();
                    }
                    (Phase::Reveal | Phase::Standings, _) if index == 0 => {
                        ws.send(send(r#"{"type":"ready"}"#.into())).await.unwrap();
                    }
                    (Phase::Podium, _) => return (sum, total),
                    _ => {}
                },
                _ => {}
            }
        }
        drop(ws);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[test]
fn phones_play_a_whole_party_game_and_their_results_add_up() {
    let mut hh = headless_host();
    let url = format!("ws://{}/ws", hh.host.addr());
    let runner = std::thread::spawn(move || {
        let until = Instant::now() + Duration::from_secs(90);
        let mut last = hh.stage();
        while hh.stage() != Stage::Podium && Instant::now() < until {
            hh.tick(Instant::now());
            if hh.stage() != last {
                last = hh.stage();
                eprintln!("host: {last:?} ({} players)", hh.game.party.players.len());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        // Let the phones see the podium.
        for _ in 0..40 {
            hh.tick(Instant::now());
            std::thread::sleep(Duration::from_millis(5));
        }
        hh
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let results = rt.block_on(async {
        let phones: Vec<_> = (0..PHONES)
            .map(|i| tokio::spawn(phone(url.clone(), i, i == 2)))
            .collect();
        let mut out = Vec::new();
        for p in phones {
            out.push(p.await.unwrap());
        }
        out
    });
    let hh = runner.join().unwrap();
    assert_eq!(hh.stage(), Stage::Podium, "the game reached the podium");
    let players = &hh.game.party.players;
    assert_eq!(
        players.len(),
        PHONES,
        "one seat per phone, the rejoin included"
    );
    for (i, (sum, total)) in results.iter().enumerate() {
        let p = players
            .iter()
            .find(|p| p.name == format!("Phone {i}"))
            .unwrap();
        assert_eq!(*total, p.points, "phone {i}'s last total is its standing");
        if i != 2 {
            assert_eq!(*sum, p.points, "phone {i}'s results add up to its points");
        }
    }
    assert!(
        players.iter().any(|p| p.stats.answered >= 3),
        "questions were answered: {:?}",
        players.iter().map(|p| &p.stats).collect::<Vec<_>>()
    );
}

//! Load on the phone server over loopback: 8 players and 500 audience
//! phones answer (or vote on) the same question at once, for several
//! questions. Reports the time from a phone sending its answer to reading
//! the host's acknowledgement (p50, p99, max), whether every answer arrived
//! (acks sent = acks read; the host locked every player and counted every
//! vote), and the host's tick (poll the phones, apply, publish: the work
//! phones add to a game frame) during the bursts against an idle tick.
//!
//! Run: `cargo bench --bench phones` (add `-- --audience N` to change the crowd).
//!
//! `-- --connect JOIN_URL --audience N` instead sends N audience phones to a
//! running game's room (the address and code its log prints, e.g.
//! `http://127.0.0.1:7878/?room=ABCD`); they vote on every question until
//! the podium. With `play --demo --players 8 --bench-party` this is the
//! crowd for comparing the game's frame time with and without phones.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use leafquiz::engine::party::RoundType;
use leafquiz::engine::party_game::{PartyGame, PartyPlan, Stage};
use leafquiz::engine::{Difficulty, FactBase, load_pack_bytes};
use leafquiz::remote::headless::HeadlessHost;
use leafquiz::remote::protocol::{Phase, ToPhone};
use leafquiz::remote::room::Limits;
use leafquiz::remote::{Host, ServerConfig};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message;

const PLAYERS: usize = 8;
const QUESTIONS: u32 = 5;

fn median_and(mut v: Vec<f64>, q: f64) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let at = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(q), v[v.len() - 1])
}

/// What the phones of one run measured, shared by their tasks.
#[derive(Default)]
struct Tally {
    /// Answer (or vote) → acknowledgement, in ms.
    latencies: Mutex<Vec<f64>>,
    sent: AtomicUsize,
    acked: AtomicUsize,
}

/// The phones' runtime: two workers, like the host's server.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// One phone: joins, then answers (player) or votes (audience) on every
/// question as soon as it appears; records answer → ack latencies.
async fn phone(
    url: String,
    room: String,
    name: String,
    audience: bool,
    tally: Arc<Tally>,
    first: bool,
) {
    // A game's room opens with its lobby: keep trying for a while.
    let mut tries = 0;
    let mut ws = loop {
        match tokio_tungstenite::connect_async(&url).await {
            Ok((ws, _)) => break ws,
            Err(e) if tries > 300 => panic!("cannot connect to {url}: {e}"),
            Err(_) => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    };
    let join = format!(r#"{{"type":"join","room":"{room}","name":"{name}"}}"#);
    ws.send(Message::Text(join.into())).await.unwrap();
    let mut answered = 0;
    let mut started_at: Option<Instant> = None;
    let mut ready_sent = false;
    while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(60), ws.next()).await {
        let Message::Text(t) = m else { continue };
        match serde_json::from_str::<ToPhone>(&t) {
            Ok(ToPhone::Screen(v)) => match (v.phase, v.question) {
                (Phase::Lobby, _) if first && !ready_sent && v.standings.len() == PLAYERS => {
                    // Everyone is seated; give the audience a moment to join.
                    ready_sent = true;
                    tokio::time::sleep(Duration::from_millis(1500)).await;
                    ws.send(Message::Text(r#"{"type":"ready"}"#.into()))
                        .await
                        .unwrap();
                }
                (Phase::Question, Some(q)) if q.number > answered => {
                    answered = q.number;
                    if !audience {
                        // The question closes when every player has answered:
                        // let the crowd's votes in first.
                        tokio::time::sleep(Duration::from_millis(600)).await;
                    }
                    let kind = if audience { "vote" } else { "answer" };
                    let msg = format!(
                        r#"{{"type":"{kind}","question":{},"slot":{}}}"#,
                        q.number,
                        name.len() % q.options.len()
                    );
                    started_at = Some(Instant::now());
                    tally.sent.fetch_add(1, Ordering::SeqCst);
                    ws.send(Message::Text(msg.into())).await.unwrap();
                }
                (Phase::Reveal | Phase::Standings, _) if first => {
                    ws.send(Message::Text(r#"{"type":"ready"}"#.into()))
                        .await
                        .unwrap();
                }
                (Phase::Podium, _) => return,
                _ => {}
            },
            Ok(ToPhone::Ack { .. }) => {
                if let Some(s) = started_at.take() {
                    tally.acked.fetch_add(1, Ordering::SeqCst);
                    tally
                        .latencies
                        .lock()
                        .await
                        .push(s.elapsed().as_secs_f64() * 1000.0);
                }
            }
            _ => {}
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let audience = args
        .iter()
        .position(|a| a == "--audience")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(500usize);
    if let Some(join_url) = args
        .iter()
        .position(|a| a == "--connect")
        .and_then(|i| args.get(i + 1))
    {
        crowd(join_url, audience);
        return;
    }
    let (name, text) = leafquiz::engine::load::EMBEDDED_PACKS[0];
    let pack = load_pack_bytes(name, text.as_bytes()).unwrap().pack;
    let game = PartyGame::new(
        Arc::new(FactBase::build([&pack])),
        Difficulty::Medium,
        false,
        3,
        Default::default(),
    );
    let host = Host::start(ServerConfig {
        bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        limits: Limits {
            players: PLAYERS,
            audience: audience + 10,
        },
        room_code: Some("LOAD".into()),
    })
    .unwrap();
    let url = format!("ws://{}/ws", host.addr());
    let plan = PartyPlan {
        rounds: vec![RoundType::Classic],
        questions_per_round: QUESTIONS,
        min_players: 2,
    };
    let mut hh = HeadlessHost::new(game, host, plan);

    let runner = std::thread::spawn(move || {
        // Host ticks, split by whether a question is open (the burst).
        let (mut busy, mut idle) = (Vec::new(), Vec::new());
        let mut votes = 0u32;
        let mut locks = 0u32;
        let until = Instant::now() + Duration::from_secs(120);
        while hh.stage() != Stage::Podium && Instant::now() < until {
            let before = hh.stage();
            let t = Instant::now();
            hh.tick(t);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if before == Stage::Question {
                busy.push(ms);
            } else if before == Stage::Lobby || before == Stage::Reveal {
                idle.push(ms);
            }
            if before == Stage::Question && hh.stage() == Stage::Reveal {
                votes += hh.audience_split().iter().sum::<u32>();
                locks += hh.game.round().last().map_or(0, |r| {
                    r.results.iter().filter(|r| r.choice.is_some()).count() as u32
                });
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        for _ in 0..50 {
            hh.tick(Instant::now());
            std::thread::sleep(Duration::from_millis(5));
        }
        (busy, idle, votes, locks, hh.stage())
    });

    let rt = runtime();
    let tally = Arc::new(Tally::default());
    rt.block_on(async {
        let mut tasks = Vec::new();
        for i in 0..PLAYERS + audience {
            let is_audience = i >= PLAYERS;
            if i == 1 || i == PLAYERS {
                // The first seat is phone 0's; the audience comes after the players.
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            tasks.push(tokio::spawn(phone(
                url.clone(),
                "LOAD".into(),
                format!("P{i}"),
                is_audience,
                tally.clone(),
                i == 0,
            )));
        }
        for t in tasks {
            let _ = t.await;
        }
    });
    let (busy, idle, votes, locks, stage) = runner.join().unwrap();
    let lat = tally.latencies.blocking_lock().clone();
    let (p50, p99, max) = median_and(lat.clone(), 0.99);
    let (tick_busy, tick_busy99, _) = median_and(busy, 0.99);
    let (tick_idle, tick_idle99, _) = median_and(idle, 0.99);
    println!(
        "phones: {PLAYERS} players + {audience} audience, {QUESTIONS} questions, final stage {stage:?}"
    );
    println!(
        "answer -> ack: n = {}, p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms",
        lat.len()
    );
    println!(
        "answers sent {}, acked {}; host locked {locks} player answers (of {}), counted {votes} audience votes (of {})",
        tally.sent.load(Ordering::SeqCst),
        tally.acked.load(Ordering::SeqCst),
        PLAYERS as u32 * QUESTIONS,
        audience as u32 * QUESTIONS
    );
    println!(
        "host tick: during answers median {tick_busy:.3} ms (p99 {tick_busy99:.3}), idle median {tick_idle:.3} ms (p99 {tick_idle99:.3})"
    );
}

/// `--connect JOIN_URL`: `audience` phones in a running game's room, voting
/// on every question until the podium.
fn crowd(join_url: &str, audience: usize) {
    let (addr, room) = join_url
        .trim_start_matches("http://")
        .split_once("/?room=")
        .expect("a join address like http://127.0.0.1:7878/?room=ABCD");
    let url = format!("ws://{addr}/ws");
    let rt = runtime();
    let tally = Arc::new(Tally::default());
    rt.block_on(async {
        let tasks: Vec<_> = (0..audience)
            .map(|i| {
                tokio::spawn(phone(
                    url.clone(),
                    room.to_string(),
                    format!("A{i}"),
                    true,
                    tally.clone(),
                    false,
                ))
            })
            .collect();
        for t in tasks {
            let _ = t.await;
        }
    });
    let lat = tally.latencies.blocking_lock().clone();
    let (p50, p99, max) = median_and(lat.clone(), 0.99);
    println!(
        "crowd: {audience} audience phones; votes sent {}, acked {}; vote -> ack p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms",
        tally.sent.load(Ordering::SeqCst),
        tally.acked.load(Ordering::SeqCst),
    );
}

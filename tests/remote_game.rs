//! A whole party game played by eight phones over real WebSockets against
//! the headless host, with a watcher that first sends malformed messages
//! and then votes from the audience, and a flooding phone that is cut off.
//! The phones join, the first one starts and goes on, they answer in every
//! round type (a buzz in Buzz and steal), wager, one drops and rejoins its
//! seat, one sends an answer to a question that is over. Each phone logs
//! what the host told it; an oracle written from the rules in
//! the README's party rules (not the engine's code) recomputes every phone's points
//! per question from those logs, and they must match the host's results
//! and final standings.
#![cfg(feature = "remote")]

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use leafquiz::engine::party::RoundType;
use leafquiz::engine::party_game::{PartyGame, PartyPlan, Stage};
use leafquiz::engine::{Difficulty, FactBase, load_pack_bytes};
use leafquiz::remote::headless::HeadlessHost;
use leafquiz::remote::protocol::{ErrorCode, Phase, ToPhone};
use leafquiz::remote::room::Limits;
use leafquiz::remote::{Host, ServerConfig};
use tokio_tungstenite::tungstenite::Message;

const PHONES: usize = 8;
/// Drops at question 2 and comes back to its seat.
const DROPPER: usize = 2;
/// Answers question 1 again once question 2 is open: refused as late.
const LATE: usize = 7;

const ROUNDS: [RoundType; 5] = [
    RoundType::Classic,
    RoundType::Classic,
    RoundType::FastestFinger,
    RoundType::BuzzAndSteal,
    RoundType::FinalWager,
];

fn headless_host() -> HeadlessHost {
    let (name, text) = leafquiz::engine::load::EMBEDDED_PACKS[0];
    let pack = load_pack_bytes(name, text.as_bytes()).unwrap().pack;
    let game = PartyGame::new(
        Arc::new(FactBase::build([&pack])),
        Difficulty::Medium,
        false,
        23,
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
        rounds: ROUNDS.to_vec(),
        questions_per_round: 1,
        min_players: 2,
    };
    HeadlessHost::new(game, host, plan)
}

/// What one phone saw of one question.
#[derive(Debug, Default, Clone)]
struct Seen {
    round: Option<RoundType>,
    seconds: f32,
    options: usize,
    /// The answer it sent and the host's time for it (its `Ack`).
    answer: Option<(u8, f32)>,
    buzzed: bool,
    refused_late: bool,
    correct_answer: Option<u8>,
    /// Its result: (correct, points, total).
    result: Option<(bool, i64, i64)>,
}

#[derive(Debug, Default)]
struct PhoneLog {
    name: String,
    wager: u32,
    questions: BTreeMap<u32, Seen>,
    /// Answers for question 1 sent during question 2, and how they ended.
    late_answer_refused: bool,
}

fn round_of(text: &str) -> Option<RoundType> {
    ROUNDS.into_iter().find(|r| text.ends_with(r.name()))
}

fn slot_for(index: usize, question: u32, options: usize) -> u8 {
    ((index + question as usize) % options.max(1)) as u8
}

/// One phone. Phone 0 takes the first seat, starts when all eight are in
/// and goes on after each reveal and standings.
async fn phone(url: String, index: usize) -> PhoneLog {
    let mut log = PhoneLog {
        name: format!("Phone {index}"),
        wager: 10 * index as u32,
        ..PhoneLog::default()
    };
    let mut token: Option<String> = None;
    let mut dropped = false;
    let mut started = false;
    if index > 0 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    loop {
        let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
        let join = match &token {
            Some(t) => format!(r#"{{"type":"join","room":"GAME","name":"x","token":"{t}"}}"#),
            None => format!(r#"{{"type":"join","room":"game","name":"{}"}}"#, log.name),
        };
        ws.send(Message::Text(join.into())).await.unwrap();
        // The question this connection last sent something for.
        let mut pending: Option<u32> = None;
        loop {
            let msg = tokio::time::timeout(Duration::from_secs(40), ws.next())
                .await
                .expect("the host keeps talking");
            let Some(Ok(Message::Text(text))) = msg else {
                if matches!(msg, Some(Ok(_))) {
                    continue;
                }
                return log;
            };
            let send = |s: String| Message::Text(s.into());
            match serde_json::from_str::<ToPhone>(&text).unwrap() {
                ToPhone::Welcome { token: t, .. } => token = Some(t),
                ToPhone::Ack { question, at } => {
                    if let Some(seen) = log.questions.get_mut(&question)
                        && let Some((slot, _)) = seen.answer
                        && pending == Some(question)
                    {
                        // The last ack of a question is its answer's (a buzz comes first).
                        seen.answer = Some((slot, at));
                    }
                }
                ToPhone::Error {
                    code: ErrorCode::Late,
                    ..
                } => {
                    if index == LATE && log.questions.contains_key(&2) && !log.late_answer_refused {
                        log.late_answer_refused = true;
                    } else if let Some(q) = pending
                        && let Some(seen) = log.questions.get_mut(&q)
                    {
                        seen.refused_late = true;
                        seen.answer = None;
                    }
                }
                ToPhone::Error { code, message } => panic!("phone {index}: {code:?} {message}"),
                ToPhone::Result {
                    question,
                    correct,
                    points,
                    total,
                } => {
                    log.questions.entry(question).or_default().result =
                        Some((correct, points, total));
                }
                ToPhone::Screen(v) => match (v.phase, v.question) {
                    (Phase::Lobby, _) if index == 0 && !started && v.standings.len() == PHONES => {
                        started = true;
                        ws.send(send(r#"{"type":"ready"}"#.into())).await.unwrap();
                    }
                    (Phase::Question, Some(q)) if !log.questions.contains_key(&q.number) => {
                        let seen = log.questions.entry(q.number).or_default();
                        seen.round = round_of(&v.round);
                        seen.seconds = q.seconds;
                        seen.options = q.options.len();
                        if index == DROPPER && !dropped && q.number == 2 {
                            // Gone for a moment: comes back to its own seat.
                            dropped = true;
                            break;
                        }
                        if index == LATE && q.number == 2 {
                            let late = r#"{"type":"answer","question":1,"slot":0}"#;
                            ws.send(send(late.into())).await.unwrap();
                        }
                        let slot = slot_for(index, q.number, q.options.len());
                        if q.buzz {
                            if index == 0 {
                                seen.buzzed = true;
                                let buzz = format!(r#"{{"type":"buzz","question":{}}}"#, q.number);
                                ws.send(send(buzz)).await.unwrap();
                            } else {
                                // Steal only if the buzzer missed (else: late).
                                tokio::time::sleep(Duration::from_millis(1000)).await;
                            }
                        }
                        seen.answer = Some((slot, f32::NAN));
                        pending = Some(q.number);
                        let answer = format!(
                            r#"{{"type":"answer","question":{},"slot":{slot}}}"#,
                            q.number
                        );
                        ws.send(send(answer)).await.unwrap();
                    }
                    (Phase::Wager, _) => {
                        let w =
                            format!(r#"{{"type":"wager","percent":{},"lock":true}}"#, log.wager);
                        ws.send(send(w)).await.unwrap();
                    }
                    (Phase::Reveal, Some(q)) => {
                        log.questions.entry(q.number).or_default().correct_answer = q.answer;
                        if index == 0 {
                            // A host reads the reveal before going on.
                            tokio::time::sleep(Duration::from_millis(150)).await;
                            ws.send(send(r#"{"type":"ready"}"#.into())).await.unwrap();
                        }
                    }
                    (Phase::Standings, _) if index == 0 => {
                        tokio::time::sleep(Duration::from_millis(150)).await;
                        ws.send(send(r#"{"type":"ready"}"#.into())).await.unwrap();
                    }
                    (Phase::Podium, _) => return log,
                    _ => {}
                },
                _ => {}
            }
        }
        drop(ws);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// Sends three malformed messages before joining, then joins after the
/// start (the audience) and votes B on every question. Returns the
/// refusals it got and its votes.
async fn watcher(url: String) -> (Vec<ErrorCode>, u32) {
    let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
    let bad = [
        "not json at all".to_string(),
        r#"{"type":"answer"}"#.to_string(),
        r#"{"type":"answer","question":"one","slot":0}"#.to_string(),
    ];
    let mut refusals = Vec::new();
    for b in bad {
        ws.send(Message::Text(b.into())).await.unwrap();
        while let Some(Ok(m)) = ws.next().await {
            if let Message::Text(t) = m
                && let Ok(ToPhone::Error { code, .. }) = serde_json::from_str(&t)
            {
                refusals.push(code);
                break;
            }
        }
    }
    // Joins once the game has started: a seat is no longer on offer.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let join = r#"{"type":"join","room":"GAME","name":"Watcher"}"#;
    ws.send(Message::Text(join.into())).await.unwrap();
    let mut votes = 0;
    let mut voted = 0;
    while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(40), ws.next()).await {
        let Message::Text(t) = m else { continue };
        match serde_json::from_str::<ToPhone>(&t) {
            Ok(ToPhone::Welcome { audience, .. }) => assert!(audience, "joins the audience"),
            Ok(ToPhone::Screen(v)) => match (v.phase, v.question) {
                (Phase::Question, Some(q)) if q.number > voted => {
                    voted = q.number;
                    let vote = format!(r#"{{"type":"vote","question":{},"slot":1}}"#, q.number);
                    ws.send(Message::Text(vote.into())).await.unwrap();
                }
                (Phase::Podium, _) => break,
                _ => {}
            },
            Ok(ToPhone::Ack { .. }) => votes += 1,
            _ => {}
        }
    }
    (refusals, votes)
}

/// Floods the host with votes until it is told to slow down and cut off.
async fn flooder(url: String) -> bool {
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
    let join = r#"{"type":"join","room":"GAME","name":"Flood"}"#;
    ws.send(Message::Text(join.into())).await.unwrap();
    for _ in 0..2000 {
        let m = Message::Text(r#"{"type":"ping","t":1}"#.into());
        if ws.send(m).await.is_err() {
            break;
        }
    }
    let mut told = false;
    while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await {
        if let Message::Text(t) = m
            && let Ok(ToPhone::Error {
                code: ErrorCode::TooFast,
                ..
            }) = serde_json::from_str(&t)
        {
            told = true;
        }
    }
    told
}

/// The rules of the README's party rules, applied to what the phones saw: each
/// phone's points after every question, in join order.
fn oracle(logs: &[PhoneLog], join_order: &[String]) -> BTreeMap<(usize, u32), i64> {
    let order: Vec<usize> = join_order
        .iter()
        .map(|n| logs.iter().position(|l| &l.name == n).unwrap())
        .collect();
    let mut points = vec![0i64; logs.len()];
    let mut streak = vec![0u32; logs.len()];
    let mut deltas = BTreeMap::new();
    let questions = logs[0].questions.keys().copied().collect::<Vec<_>>();
    for q in questions {
        let any = &logs[0].questions[&q];
        let round = any.round.expect("the round is named");
        let right = any.correct_answer.expect("the reveal names the answer");
        let locks: Vec<(usize, u8, f32)> = order
            .iter()
            .filter_map(|&i| {
                let seen = logs[i].questions.get(&q)?;
                seen.answer.map(|(slot, at)| (i, slot, at))
            })
            .collect();
        // Right answers by time, ties by join order (`order` is join order).
        let mut right_locks: Vec<&(usize, u8, f32)> =
            locks.iter().filter(|l| l.1 == right).collect();
        right_locks.sort_by(|a, b| a.2.total_cmp(&b.2));
        for &i in &order {
            let lock = locks.iter().find(|l| l.0 == i);
            let is_right = lock.is_some_and(|l| l.1 == right);
            // A phone away for a while may not have seen this question at all.
            let seen = logs[i].questions.get(&q).cloned().unwrap_or_default();
            let delta = match round {
                RoundType::Classic => match lock {
                    Some(&(_, _, at)) if is_right => {
                        let share = ((any.seconds - at) / any.seconds).clamp(0.0, 1.0);
                        500 + (500.0 * share).round() as i64 + 100 * i64::from(streak[i].min(5))
                    }
                    _ => 0,
                },
                RoundType::FastestFinger => right_locks
                    .iter()
                    .position(|l| l.0 == i)
                    .map_or(0, |rank| [1000, 750, 500].get(rank).copied().unwrap_or(250)),
                RoundType::BuzzAndSteal => {
                    if seen.buzzed {
                        if is_right {
                            1000
                        } else {
                            -(250.min(points[i]))
                        }
                    } else if is_right
                        && right_locks
                            .iter()
                            .find(|l| !logs[l.0].questions[&q].buzzed)
                            .is_some_and(|l| l.0 == i)
                    {
                        500
                    } else {
                        0
                    }
                }
                RoundType::FinalWager => {
                    let stake = points[i].max(0) * i64::from(logs[i].wager.min(100)) / 100;
                    if is_right { stake } else { -stake }
                }
            };
            points[i] = (points[i] + delta).max(0);
            streak[i] = if is_right { streak[i] + 1 } else { 0 };
            deltas.insert((i, q), delta);
        }
    }
    deltas
}

#[test]
fn eight_phones_play_a_whole_game_scored_as_the_rules_say() {
    let mut hh = headless_host();
    let url = format!("ws://{}/ws", hh.host().addr());
    let runner = std::thread::spawn(move || {
        let until = Instant::now() + Duration::from_secs(120);
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
    let (logs, (refusals, votes), flood_told) = rt.block_on(async {
        let phones: Vec<_> = (0..PHONES)
            .map(|i| tokio::spawn(phone(url.clone(), i)))
            .collect();
        let watcher = tokio::spawn(watcher(url.clone()));
        let flooder = tokio::spawn(flooder(url.clone()));
        let mut logs = Vec::new();
        for p in phones {
            logs.push(p.await.unwrap());
        }
        (logs, watcher.await.unwrap(), flooder.await.unwrap())
    });
    let hh = runner.join().unwrap();
    assert_eq!(hh.stage(), Stage::Podium, "the game reached the podium");

    let players = &hh.game.party.players;
    assert_eq!(
        players.len(),
        PHONES,
        "one seat per phone, the rejoin included"
    );
    let join_order: Vec<String> = players.iter().map(|p| p.name.clone()).collect();
    let expected = oracle(&logs, &join_order);
    assert_eq!(
        logs[0].questions.len(),
        ROUNDS.len(),
        "one question a round"
    );
    for (i, log) in logs.iter().enumerate() {
        let p = players.iter().find(|p| p.name == log.name).unwrap();
        let mut total = 0;
        for (q, seen) in &log.questions {
            let want = expected[&(i, *q)];
            total = (total + want).max(0);
            if let Some((_, points, t)) = seen.result {
                assert_eq!(points, want, "phone {i}, question {q}: {seen:?}");
                assert_eq!(t, total, "phone {i}'s running total after question {q}");
            } else {
                assert!(i == DROPPER && *q == 2, "phone {i} got no result for {q}");
            }
        }
        assert_eq!(p.points, total, "phone {i}'s standing is the oracle's");
    }
    let rounds: Vec<_> = logs[0].questions.values().map(|s| s.round).collect();
    assert_eq!(
        rounds,
        ROUNDS.map(Some).to_vec(),
        "every round type was played"
    );
    assert!(logs[LATE].late_answer_refused, "a late answer is refused");
    assert!(
        logs.iter()
            .any(|l| l.questions.values().any(|s| s.result.is_some_and(|r| r.0))),
        "someone was right"
    );
    assert_eq!(
        refusals,
        vec![ErrorCode::Malformed; 3],
        "malformed messages get an error and nothing else"
    );
    assert!(votes >= 1, "the audience voted");
    assert!(flood_told, "the flooding phone is told to slow down");
    let split = hh.audience_split();
    assert_eq!(
        split.iter().sum::<u32>(),
        1,
        "one audience vote on the last question: {split:?}"
    );
    assert_eq!(split.get(1), Some(&1), "the watcher voted B");
}

//! The phone server over real WebSockets on loopback: joining with the room
//! code, answers stamped by the host's clock, late, malformed and flooding
//! phones, rejoining a seat, and the audience.
#![cfg(feature = "remote")]

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use leafquiz::remote::protocol::{ErrorCode, Phase, PhoneView, QuestionView, ToPhone};
use leafquiz::remote::room::Limits;
use leafquiz::remote::{Host, OpenQuestion, PhoneEvent, ServerConfig};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

fn host(players: usize, audience: usize) -> Host {
    Host::start(ServerConfig {
        bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        limits: Limits { players, audience },
        room_code: Some("TEST".into()),
    })
    .expect("the server starts")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn connect(host: &Host) -> Socket {
    let url = format!("ws://{}/ws", host.addr());
    tokio_tungstenite::connect_async(url).await.unwrap().0
}

async fn send(s: &mut Socket, json: &str) {
    s.send(Message::Text(json.into())).await.unwrap();
}

/// The next message of the protocol (skipping the screen updates unless asked for).
async fn next(s: &mut Socket, screens: bool) -> ToPhone {
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(5), s.next())
            .await
            .expect("a message within 5 s")
            .expect("the socket is open")
            .unwrap();
        let Message::Text(text) = msg else { continue };
        let m: ToPhone = serde_json::from_str(&text).unwrap();
        if screens || !matches!(m, ToPhone::Screen(_)) {
            return m;
        }
    }
}

async fn join(host: &Host, name: &str) -> (Socket, u32, String) {
    let mut s = connect(host).await;
    send(
        &mut s,
        &format!(r#"{{"type":"join","room":"test","name":"{name}"}}"#),
    )
    .await;
    match next(&mut s, false).await {
        ToPhone::Welcome { phone, token, .. } => (s, phone, token),
        other => panic!("not welcomed: {other:?}"),
    }
}

fn error_code(m: &ToPhone) -> Option<ErrorCode> {
    match m {
        ToPhone::Error { code, .. } => Some(*code),
        _ => None,
    }
}

fn question_view(number: u32) -> PhoneView {
    PhoneView {
        phase: Phase::Question,
        round: "Classic".into(),
        question: Some(QuestionView {
            number,
            prompt: "Which planet is largest?".into(),
            options: vec!["Mars".into(), "Jupiter".into(), "Venus".into()],
            seconds: 20.0,
            buzz: false,
            answer: None,
        }),
        ..PhoneView::default()
    }
}

/// Waits for the host to have `n` events (the server runs on its own thread).
fn events(host: &Host, n: usize) -> Vec<PhoneEvent> {
    let mut got = Vec::new();
    let until = Instant::now() + Duration::from_secs(5);
    while got.len() < n && Instant::now() < until {
        got.extend(host.poll());
        std::thread::sleep(Duration::from_millis(2));
    }
    got
}

#[test]
fn eight_phones_join_answer_and_are_stamped_by_the_host_clock() {
    let host = host(8, 10);
    runtime().block_on(async {
        let mut phones = Vec::new();
        for i in 0..8 {
            phones.push(join(&host, &format!("Player {i}")).await);
        }
        let joined = events(&host, 8);
        assert_eq!(joined.len(), 8);
        assert!(joined.iter().all(|e| matches!(
            e,
            PhoneEvent::Joined {
                audience: false,
                ..
            }
        )));
        let started = Instant::now();
        host.publish(
            &question_view(1),
            Some(OpenQuestion {
                number: 1,
                started,
                deadline: Some(started + Duration::from_secs(20)),
            }),
        );
        for (s, _, _) in &mut phones {
            let question = loop {
                if let ToPhone::Screen(v) = next(s, true).await
                    && let Some(q) = v.question
                {
                    break q;
                }
            };
            assert_eq!(question.options[1], "Jupiter");
        }
        for (i, (s, _, _)) in phones.iter_mut().enumerate() {
            send(
                s,
                &format!(r#"{{"type":"answer","question":1,"slot":{}}}"#, i % 3),
            )
            .await;
            let ToPhone::Ack { question, at } = next(s, false).await else {
                panic!("an acknowledgement")
            };
            assert_eq!(question, 1);
            assert!(at >= 0.0 && at <= started.elapsed().as_secs_f32());
        }
        let presses = events(&host, 8);
        let mut seen: Vec<u32> = presses
            .iter()
            .map(|e| match e {
                PhoneEvent::Press {
                    phone,
                    question: 1,
                    slot: Some(_),
                    ..
                } => *phone,
                other => panic!("{other:?}"),
            })
            .collect();
        seen.sort();
        let mut ids: Vec<u32> = phones.iter().map(|p| p.1).collect();
        ids.sort();
        assert_eq!(seen, ids, "every answer arrives, none twice");
    });
}

#[test]
fn the_room_code_and_a_name_are_required() {
    let host = host(8, 10);
    runtime().block_on(async {
        let mut s = connect(&host).await;
        send(&mut s, r#"{"type":"join","room":"NOPE","name":"Sam"}"#).await;
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::WrongRoom)
        );
        send(&mut s, r#"{"type":"answer","question":1,"slot":0}"#).await;
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::NotJoined)
        );
        send(&mut s, r#"{"type":"join","room":"TEST","name":"   "}"#).await;
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::BadName)
        );
        let long = "<script>alert(1)</script>".repeat(3);
        send(
            &mut s,
            &format!(r#"{{"type":"join","room":"TEST","name":"{long}"}}"#),
        )
        .await;
        let ToPhone::Welcome { name, .. } = next(&mut s, false).await else {
            panic!("welcomed")
        };
        assert_eq!(name.chars().count(), 16, "names are cut to 16 characters");
    });
}

#[test]
fn late_stale_and_malformed_messages_are_refused_and_the_phone_goes_on() {
    let host = host(8, 10);
    runtime().block_on(async {
        let (mut s, _, _) = join(&host, "Sam").await;
        let started = Instant::now() - Duration::from_secs(30);
        host.publish(
            &question_view(4),
            Some(OpenQuestion {
                number: 4,
                started,
                deadline: Some(started + Duration::from_secs(20)),
            }),
        );
        send(&mut s, r#"{"type":"answer","question":4,"slot":1}"#).await;
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::Late)
        );
        send(&mut s, r#"{"type":"answer","question":3,"slot":1}"#).await;
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::Late)
        );
        for junk in [
            "",
            "{",
            "[1,2]",
            r#"{"type":"answer","question":4,"slot":7}"#,
        ] {
            send(&mut s, junk).await;
            assert_eq!(
                error_code(&next(&mut s, false).await),
                Some(ErrorCode::Malformed),
                "{junk:?}"
            );
        }
        s.send(Message::Binary(vec![0u8; 10].into())).await.unwrap();
        assert_eq!(
            error_code(&next(&mut s, false).await),
            Some(ErrorCode::Malformed)
        );
        // Still connected and heard.
        send(&mut s, r#"{"type":"ping","t":12.5}"#).await;
        assert_eq!(next(&mut s, false).await, ToPhone::Pong { t: 12.5 });
        assert!(
            host.poll()
                .iter()
                .all(|e| !matches!(e, PhoneEvent::Press { .. })),
            "nothing refused reaches the host"
        );
    });
}

#[test]
fn a_flooding_phone_is_cut_off_without_stalling_the_others() {
    let host = host(8, 10);
    runtime().block_on(async {
        let (flooder, _, _) = join(&host, "Flood").await;
        let (mut calm, _, _) = join(&host, "Calm").await;
        let (mut flood_out, mut flood_in) = flooder.split();
        // Read while flooding: once the server closes the flooder, what it
        // had not read is reset away, with anything not yet read here.
        let flood = async {
            for _ in 0..3000 {
                let msg = Message::Text(r#"{"type":"ping","t":1}"#.into());
                if flood_out.send(msg).await.is_err() {
                    break;
                }
            }
        };
        let listen = async {
            let (mut pongs, mut warned) = (0, false);
            while let Ok(Some(Ok(msg))) =
                tokio::time::timeout(Duration::from_secs(2), flood_in.next()).await
            {
                if let Message::Text(text) = msg {
                    match serde_json::from_str::<ToPhone>(&text).unwrap() {
                        ToPhone::Pong { .. } => pongs += 1,
                        m if error_code(&m) == Some(ErrorCode::TooFast) => warned = true,
                        _ => {}
                    }
                }
            }
            (pongs, warned)
        };
        let ((), (pongs, warned)) = tokio::join!(flood, listen);
        let t0 = Instant::now();
        send(&mut calm, r#"{"type":"ping","t":2}"#).await;
        assert_eq!(next(&mut calm, false).await, ToPhone::Pong { t: 2.0 });
        assert!(
            t0.elapsed() < Duration::from_secs(1),
            "the others are heard at once"
        );
        assert!(warned, "told to slow down");
        assert!(
            pongs < 100,
            "most of the flood was dropped ({pongs} answered)"
        );
    });
}

#[test]
fn a_phone_that_drops_rejoins_its_own_seat_and_is_away_meanwhile() {
    let host = host(8, 10);
    runtime().block_on(async {
        let (s, phone, token) = join(&host, "Sam").await;
        assert!(matches!(events(&host, 1)[0], PhoneEvent::Joined { .. }));
        drop(s);
        assert_eq!(events(&host, 1), vec![PhoneEvent::Away { phone }]);
        assert!(host.members().iter().any(|m| m.0 == phone && !m.3));
        let mut again = connect(&host).await;
        send(
            &mut again,
            &format!(r#"{{"type":"join","room":"TEST","name":"Other","token":"{token}"}}"#),
        )
        .await;
        let ToPhone::Welcome {
            phone: back, name, ..
        } = next(&mut again, false).await
        else {
            panic!("welcomed back")
        };
        assert_eq!((back, name.as_str()), (phone, "Sam"));
        assert_eq!(events(&host, 1), vec![PhoneEvent::Returned { phone }]);
    });
}

#[test]
fn late_phones_are_the_audience_and_vote() {
    let host = host(1, 2);
    runtime().block_on(async {
        let (mut player, _, _) = join(&host, "Sam").await;
        host.set_started(true);
        let (mut fan, fan_id, _) = join(&host, "Fan").await;
        let _ = events(&host, 2);
        assert!(host.members().iter().any(|m| m.0 == fan_id && m.2));
        let started = Instant::now();
        host.publish(
            &question_view(2),
            Some(OpenQuestion {
                number: 2,
                started,
                deadline: None,
            }),
        );
        send(&mut fan, r#"{"type":"answer","question":2,"slot":1}"#).await;
        assert_eq!(
            error_code(&next(&mut fan, false).await),
            Some(ErrorCode::NotNow)
        );
        send(&mut fan, r#"{"type":"vote","question":2,"slot":1}"#).await;
        assert!(matches!(next(&mut fan, false).await, ToPhone::Ack { .. }));
        send(&mut player, r#"{"type":"vote","question":2,"slot":1}"#).await;
        assert_eq!(
            error_code(&next(&mut player, false).await),
            Some(ErrorCode::NotNow)
        );
        assert_eq!(
            events(&host, 1),
            vec![PhoneEvent::Vote {
                phone: fan_id,
                question: 2,
                slot: 1
            }]
        );
        // The audience has a limit too.
        let _second = join(&host, "Fan 2").await;
        let mut third = connect(&host).await;
        send(
            &mut third,
            r#"{"type":"join","room":"TEST","name":"Fan 3"}"#,
        )
        .await;
        assert_eq!(
            error_code(&next(&mut third, false).await),
            Some(ErrorCode::Full)
        );
    });
}

#[test]
fn the_controller_page_is_served() {
    let host = host(8, 10);
    runtime().block_on(async {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        for (path, kind) in [
            ("/", "text/html"),
            ("/app.js", "text/javascript"),
            ("/style.css", "text/css"),
        ] {
            let mut tcp = TcpStream::connect(host.addr()).await.unwrap();
            tcp.write_all(
                format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
            )
            .await
            .unwrap();
            let mut body = String::new();
            tcp.read_to_string(&mut body).await.unwrap();
            assert!(body.starts_with("HTTP/1.1 200"), "{path}: {body:.80}");
            assert!(body.contains(kind), "{path}");
        }
    });
}

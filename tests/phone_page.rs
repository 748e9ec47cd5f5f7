//! The controller page in a real browser: headless Chromium, driven through
//! chromedriver's WebDriver API, joins the headless host's room, locks in
//! an answer and gets its result, and saves screenshots of both (into
//! `$LEAFQUIZ_SHOTS`, or the test's temporary folder).
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them);
//! without them the test says so and passes, except under CI, where it fails.
#![cfg(feature = "remote")]

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use futures_util::{SinkExt, StreamExt};
use leafquiz::engine::party::RoundType;
use leafquiz::engine::party_game::{PartyGame, PartyPlan, Stage};
use leafquiz::engine::{Difficulty, FactBase, load_pack_bytes};
use leafquiz::remote::headless::HeadlessHost;
use leafquiz::remote::protocol::{Phase, ToPhone};
use leafquiz::remote::{Host, ServerConfig};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A tiny WebDriver client over HTTP/1.1 (one request per connection).
struct Driver {
    port: u16,
    session: String,
    process: Child,
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver listens");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // Read the head, then exactly the body it announces (the server may keep
    // the connection open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        let n = s.read(&mut buf).expect("a WebDriver response");
        assert!(n > 0, "chromedriver closed the connection");
        raw.extend_from_slice(&buf[..n]);
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let have = raw.len() - head_end;
        let done = match length {
            Some(n) => have >= n,
            None if chunked => raw.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = s.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let rest = String::from_utf8_lossy(&raw[head_end..]).to_string();
    let payload = if chunked { dechunk(&rest) } else { rest };
    serde_json::from_str(&payload).unwrap_or(Value::Null)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

impl Driver {
    fn start() -> Option<Driver> {
        let port = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let process = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let until = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|b| std::path::Path::new(b).exists())
            .unwrap_or("chromium");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=412,860"],
            }
        }}});
        let v = http(port, "POST", "/session", Some(&caps));
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {v}"))
            .to_string();
        Some(Driver {
            port,
            session,
            process,
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        http(self.port, method, &path, body.as_ref())["value"].clone()
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.call("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call("POST", &format!("/element/{e}/clear"), Some(json!({})));
        self.call(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": text})),
        );
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": js, "args": []})),
        )
    }

    /// Waits until `js` returns a truthy value.
    fn wait_for(&self, what: &str, js: &str) -> Value {
        let until = Instant::now() + Duration::from_secs(30);
        loop {
            let v = self.script(js);
            if !(v.is_null() || v == json!(false) || v == json!("")) {
                return v;
            }
            assert!(
                Instant::now() < until,
                "timed out waiting for {what}; status: {}",
                self.script("return document.getElementById('status').textContent")
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, path: &std::path::Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().expect("a screenshot"))
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        let _ = http(self.port, "DELETE", &path, None);
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn host() -> HeadlessHost {
    let (name, text) = leafquiz::engine::load::EMBEDDED_PACKS[0];
    let pack = load_pack_bytes(name, text.as_bytes()).unwrap().pack;
    let game = PartyGame::new(
        Arc::new(FactBase::build([&pack])),
        Difficulty::Medium,
        false,
        5,
        Default::default(),
    );
    let host = Host::start(ServerConfig {
        bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        limits: Default::default(),
        room_code: Some("PAGE".into()),
    })
    .unwrap();
    let plan = PartyPlan {
        rounds: vec![RoundType::Classic],
        questions_per_round: 1,
        min_players: 2,
    };
    HeadlessHost::new(game, host, plan)
}

/// A second player on a plain WebSocket, so the question waits for it:
/// answers B once the browser has locked in.
async fn second_phone(url: String, browser_locked: Arc<AtomicBool>) {
    let (mut ws, _) = tokio_tungstenite::connect_async(&url).await.unwrap();
    let join = r#"{"type":"join","room":"PAGE","name":"Sam"}"#;
    ws.send(Message::Text(join.into())).await.unwrap();
    while let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(60), ws.next()).await {
        let Message::Text(t) = m else { continue };
        if let Ok(ToPhone::Screen(v)) = serde_json::from_str(&t) {
            match (v.phase, v.question) {
                (Phase::Question, Some(q)) => {
                    while !browser_locked.load(Ordering::SeqCst) {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    let a = format!(r#"{{"type":"answer","question":{},"slot":1}}"#, q.number);
                    ws.send(Message::Text(a.into())).await.unwrap();
                }
                (Phase::Podium, _) => return,
                _ => {}
            }
        }
    }
}

#[test]
fn the_controller_page_joins_answers_and_shows_its_result_in_chromium() {
    let driver = match Driver::start() {
        Some(d) => d,
        None if std::env::var_os("CI").is_some() => {
            panic!("chromedriver is missing: .ci/run installs chromium-driver")
        }
        None => {
            eprintln!("skipped: no chromedriver (apt-get install chromium chromium-driver)");
            return;
        }
    };
    let shots = std::env::var_os("LEAFQUIZ_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")));
    std::fs::create_dir_all(&shots).unwrap();

    let mut hh = host();
    let addr = hh.host().addr();
    let page = format!("http://{addr}/?room=PAGE");
    let done = Arc::new(AtomicBool::new(false));
    let runner = {
        let done = done.clone();
        std::thread::spawn(move || {
            let until = Instant::now() + Duration::from_secs(120);
            while !done.load(Ordering::SeqCst) && Instant::now() < until {
                hh.tick(Instant::now());
                std::thread::sleep(Duration::from_millis(10));
            }
            hh
        })
    };

    driver.call("POST", "/url", Some(json!({"url": page})));
    let room = driver.script("return document.getElementById('room').value");
    assert_eq!(
        room,
        json!("PAGE"),
        "the QR code's address fills in the room"
    );
    driver.type_into("#name", "Robin <b>");
    driver.click("#join-form button[type=submit]");
    driver.wait_for(
        "the welcome",
        "return !document.getElementById('play-screen').hidden",
    );
    let badge = driver.wait_for(
        "the badge",
        "return document.getElementById('badge').style.background && document.getElementById('badge').textContent",
    );
    assert!(
        badge.as_str().unwrap().contains("Robin <b>"),
        "the name is text, not markup: {badge}"
    );

    let locked = Arc::new(AtomicBool::new(false));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let other = rt.spawn(second_phone(format!("ws://{addr}/ws"), locked.clone()));
    driver.wait_for(
        "two players in the lobby",
        "return document.querySelectorAll('#standings li').length === 2",
    );
    // The first seat starts the game from the phone.
    driver.click("#ready");
    driver.wait_for(
        "the question",
        "return document.querySelectorAll('#options button.option').length >= 2",
    );
    let label = driver.script("return document.querySelector('.opt-0').getAttribute('aria-label')");
    assert!(
        label.as_str().unwrap().starts_with("A: "),
        "options are labelled for screen readers: {label}"
    );
    driver.click(".opt-0");
    driver.wait_for(
        "the lock",
        "return document.getElementById('status').textContent === 'Locked in.'",
    );
    let pressed =
        driver.script("return document.querySelector('.opt-0').getAttribute('aria-pressed')");
    assert_eq!(pressed, json!("true"));
    driver.screenshot(&shots.join("phone-locked.png"));
    locked.store(true, Ordering::SeqCst);

    let result = driver.wait_for(
        "the result",
        "const s = document.getElementById('status').textContent; return /points/.test(s) && s",
    );
    let result = result.as_str().unwrap().to_string();
    assert!(
        result.starts_with("Right!") || result.starts_with("Not this time"),
        "{result}"
    );
    let live = driver.script("return document.getElementById('status').getAttribute('aria-live')");
    assert_eq!(live, json!("polite"), "the result is read out");
    driver.wait_for(
        "the reveal",
        "return document.querySelectorAll('#options button.right').length === 1",
    );
    driver.screenshot(&shots.join("phone-result.png"));

    done.store(true, Ordering::SeqCst);
    let hh = runner.join().unwrap();
    other.abort();
    let robin = hh
        .game
        .party
        .players
        .iter()
        .find(|p| p.name.starts_with("Robin"))
        .expect("the browser has a seat");
    assert_eq!(
        robin.stats.answered, 1,
        "the browser's answer reached the host"
    );
    assert!(
        result.contains(&format!("total {}", robin.points)),
        "the page shows the host's total: {result} vs {}",
        robin.points
    );
    assert!(matches!(
        hh.stage(),
        Stage::Reveal | Stage::Standings | Stage::Podium
    ));
}

//! The phone server: an HTTP server for the controller page and one
//! WebSocket per phone, on its own thread with its own tokio runtime. The
//! host (the game, or `leafquiz host --headless`) talks to it only through
//! [`Host`]: it polls [`PhoneEvent`]s once a frame and publishes what the
//! big screen shows. No Bevy type crosses; every phone message is validated
//! here first.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use futures_util::{SinkExt, StreamExt};
use tokio::sync::{mpsc as tmpsc, watch};

use super::protocol::{self, ErrorCode, FromPhone, MAX_MESSAGE_BYTES, Phase, PhoneView, ToPhone};
use super::rate::RateLimit;
use super::room::{Limits, PhoneId, Room};
use super::timing::RoundTrip;

/// The port the game listens on unless told otherwise (`--port`).
pub const DEFAULT_PORT: u16 = 7878;

const PAGE: &str = include_str!("../../assets/remote/index.html");
const SCRIPT: &str = include_str!("../../assets/remote/app.js");
const STYLE: &str = include_str!("../../assets/remote/style.css");

/// How often the server measures each phone's round trip.
const PING_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Where to listen; see [`lan_address`].
    pub bind: SocketAddr,
    pub limits: Limits,
    /// A fixed room code (tests); a random one when `None`.
    pub room_code: Option<String>,
}

impl ServerConfig {
    /// The local network on `port`.
    pub fn lan(port: u16) -> ServerConfig {
        ServerConfig {
            bind: SocketAddr::new(lan_address(), port),
            limits: Limits::default(),
            room_code: None,
        }
    }
}

/// This machine's address on its local network: the address it would use to
/// reach a private network, if that address is itself private (10/8,
/// 172.16/12, 192.168/16); else loopback. The server never listens on a
/// public address unless told to.
pub fn lan_address() -> IpAddr {
    let probe = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| s.connect((Ipv4Addr::new(192, 168, 0, 1), 9)).map(|_| s))
        .and_then(|s| s.local_addr());
    match probe.map(|a| a.ip()) {
        Ok(IpAddr::V4(ip)) if ip.is_private() => IpAddr::V4(ip),
        _ => IpAddr::V4(Ipv4Addr::LOCALHOST),
    }
}

/// What the phones did, in the order the server received it.
#[derive(Debug, Clone, PartialEq)]
pub enum PhoneEvent {
    /// A new phone: a player asking for a seat, or the audience.
    Joined {
        phone: PhoneId,
        name: String,
        audience: bool,
    },
    /// A phone came back to its seat (its token).
    Returned { phone: PhoneId },
    /// A phone's connection closed.
    Away { phone: PhoneId },
    /// An answer (`slot`) or a buzz (`None`) to question `question`, at `at`
    /// seconds into it by the host's clock (see `timing`).
    Press {
        phone: PhoneId,
        question: u32,
        slot: Option<u8>,
        at: f32,
    },
    Wager {
        phone: PhoneId,
        percent: u32,
        lock: bool,
    },
    Vote {
        phone: PhoneId,
        question: u32,
        slot: u8,
    },
    /// The confirm (start the game, go on).
    Ready { phone: PhoneId },
}

/// The question phones may answer now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OpenQuestion {
    pub number: u32,
    pub started: Instant,
    /// No answer counts after this; `None` without a clock.
    pub deadline: Option<Instant>,
}

/// A connection's id and its queue of messages to send.
type Outbox = (u64, tmpsc::UnboundedSender<Arc<str>>);

struct Shared {
    room: Mutex<Room>,
    events: Mutex<mpsc::Sender<PhoneEvent>>,
    view: watch::Sender<Arc<str>>,
    phase: Mutex<Phase>,
    open: Mutex<Option<OpenQuestion>>,
    /// Each connected phone's queue of messages, by phone, with the
    /// connection that owns it (a rejoin replaces an older connection).
    outboxes: Mutex<HashMap<PhoneId, Outbox>>,
    next_connection: AtomicU64,
}

impl Shared {
    fn emit(&self, event: PhoneEvent) {
        if let Ok(tx) = self.events.lock() {
            let _ = tx.send(event);
        }
    }
}

/// The game's handle on the phone server. Dropping it stops the server.
pub struct Host {
    shared: Arc<Shared>,
    /// In a mutex so the game can keep the host in a resource (`Sync`).
    events: Mutex<mpsc::Receiver<PhoneEvent>>,
    addr: SocketAddr,
    code: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Host {
    /// Binds and starts serving on a thread of its own.
    pub fn start(config: ServerConfig) -> std::io::Result<Host> {
        let mut rng = rand::rng();
        let code = config
            .room_code
            .clone()
            .map(|c| protocol::normalise_room(&c))
            .unwrap_or_else(|| super::room::new_code(&mut rng));
        let (events_tx, events) = mpsc::channel();
        let (view, _) = watch::channel(Arc::<str>::from(to_json(&ToPhone::Screen(
            PhoneView::default(),
        ))));
        let shared = Arc::new(Shared {
            room: Mutex::new(Room::new(code.clone(), config.limits)),
            events: Mutex::new(events_tx),
            view,
            phase: Mutex::new(Phase::Lobby),
            open: Mutex::new(None),
            outboxes: Mutex::new(HashMap::new()),
            next_connection: AtomicU64::new(1),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("leafquiz-phones")
            .enable_all()
            .build()?;
        let listener = runtime.block_on(tokio::net::TcpListener::bind(config.bind))?;
        let addr = listener.local_addr()?;
        let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
        let app = axum::Router::new()
            .route("/", get(page))
            .route("/app.js", get(script))
            .route("/style.css", get(style))
            .route("/ws", get(upgrade))
            .with_state(shared.clone());
        let thread = std::thread::Builder::new()
            .name("leafquiz-phone-server".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let serve = axum::serve(
                        listener,
                        app.into_make_service_with_connect_info::<SocketAddr>(),
                    )
                    .with_graceful_shutdown(async {
                        let _ = stop.await;
                    });
                    let _ = serve.await;
                });
                // Open sockets end with the runtime.
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(Host {
            shared,
            events: Mutex::new(events),
            addr,
            code,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn room_code(&self) -> &str {
        &self.code
    }

    /// The address phones open (the QR code holds it, with the room code).
    pub fn join_url(&self) -> String {
        format!("http://{}/?room={}", self.addr, self.code)
    }

    /// Everything the phones did since the last poll, in order.
    pub fn poll(&self) -> Vec<PhoneEvent> {
        self.events
            .lock()
            .map_or(Vec::new(), |rx| rx.try_iter().collect())
    }

    /// What the big screen shows now, and the question that may be answered.
    pub fn publish(&self, view: &PhoneView, open: Option<OpenQuestion>) {
        if let Ok(mut p) = self.shared.phase.lock() {
            *p = view.phase;
        }
        if let Ok(mut o) = self.shared.open.lock() {
            *o = open;
        }
        let json: Arc<str> = Arc::from(to_json(&ToPhone::Screen(view.clone())));
        self.shared.view.send_if_modified(|v| {
            let changed = **v != *json;
            if changed {
                *v = json.clone();
            }
            changed
        });
    }

    /// A message for one phone (its result, a new role).
    pub fn tell(&self, phone: PhoneId, message: &ToPhone) {
        send_to(&self.shared, phone, Arc::from(to_json(message)));
    }

    /// The host had no seat for this phone: it watches from the audience.
    pub fn seat_refused(&self, phone: PhoneId) {
        if let Ok(mut room) = self.shared.room.lock() {
            room.to_audience(phone);
        }
        self.tell(phone, &ToPhone::Badge { colour: None });
    }

    /// How many phones may take a seat and watch from now on.
    pub fn set_limits(&self, limits: Limits) {
        if let Ok(mut room) = self.shared.room.lock() {
            room.set_limits(limits);
        }
    }

    /// From now on new phones join the audience.
    pub fn set_started(&self, started: bool) {
        if let Ok(mut room) = self.shared.room.lock() {
            room.set_started(started);
        }
    }

    /// The phones in the room: (phone, name, audience, connected).
    pub fn members(&self) -> Vec<(PhoneId, String, bool, bool)> {
        self.shared.room.lock().map_or(Vec::new(), |r| {
            r.members()
                .iter()
                .map(|m| (m.phone, m.name.clone(), m.audience, m.connected))
                .collect()
        })
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn to_json(m: &ToPhone) -> String {
    serde_json::to_string(m).unwrap_or_else(|_| "{}".into())
}

fn send_to(shared: &Shared, phone: PhoneId, text: Arc<str>) {
    if let Ok(boxes) = shared.outboxes.lock()
        && let Some((_, tx)) = boxes.get(&phone)
    {
        let _ = tx.send(text);
    }
}

async fn page() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        PAGE,
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
}

async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE)
}

async fn upgrade(
    ws: WebSocketUpgrade,
    State(shared): State<Arc<Shared>>,
    ConnectInfo(_peer): ConnectInfo<SocketAddr>,
) -> impl IntoResponse {
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| connection(socket, shared))
}

/// One phone's connection, until it closes.
struct Connection {
    id: u64,
    phone: Option<PhoneId>,
    audience: bool,
    rate: RateLimit,
    round_trip: RoundTrip,
    epoch: Instant,
}

async fn connection(socket: WebSocket, shared: Arc<Shared>) {
    let (mut sink, mut stream) = socket.split();
    let (tx, mut outbox) = tmpsc::unbounded_channel::<Arc<str>>();
    let mut view = shared.view.subscribe();
    let mut conn = Connection {
        id: shared.next_connection.fetch_add(1, Ordering::Relaxed),
        phone: None,
        audience: false,
        rate: RateLimit::default(),
        round_trip: RoundTrip::default(),
        epoch: Instant::now(),
    };
    let mut ping = tokio::time::interval(PING_EVERY);
    let mut flooded = false;
    loop {
        let out: Option<Message> = tokio::select! {
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    let now = Instant::now();
                    if !conn.rate.allow(now) {
                        if conn.rate.should_close() {
                            flooded = true;
                            break;
                        }
                        conn.rate.should_warn(now).then(|| {
                            text_message(&to_json(&refuse(
                                ErrorCode::TooFast,
                                "Too many messages: slow down.",
                            )))
                        })
                    } else {
                        handle(&shared, &mut conn, &tx, text.as_str(), now)
                            .map(|m| text_message(&to_json(&m)))
                    }
                }
                Some(Ok(Message::Pong(payload))) => {
                    conn.round_trip.pong(&payload, conn.epoch, Instant::now());
                    None
                }
                Some(Ok(Message::Binary(_))) => Some(text_message(&to_json(&refuse(
                    ErrorCode::Malformed,
                    "send text (JSON) messages",
                )))),
                Some(Ok(Message::Ping(_))) => None,
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
            },
            Some(text) = outbox.recv() => Some(Message::Text(text.as_ref().into())),
            changed = view.changed() => {
                if changed.is_err() {
                    break;
                }
                let current = view.borrow_and_update().clone();
                conn.phone.map(|_| Message::Text(current.as_ref().into()))
            }
            _ = ping.tick() => Some(Message::Ping(conn.round_trip.ping(conn.epoch, Instant::now()))),
        };
        if let Some(m) = out
            && sink.send(m).await.is_err()
        {
            break;
        }
    }
    if flooded {
        // Say why, then read what the phone already sent before closing: a
        // socket closed with unread data is reset, and the reset would
        // swallow the reason.
        let reason = refuse(ErrorCode::TooFast, "Too many messages: disconnected.");
        let _ = sink.send(text_message(&to_json(&reason))).await;
        let _ = sink.send(Message::Close(None)).await;
        let drain = async { while let Some(Ok(_)) = stream.next().await {} };
        let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
    }
    if let Some(phone) = conn.phone {
        let mine = shared
            .outboxes
            .lock()
            .map(|mut b| {
                let mine = b.get(&phone).is_some_and(|(id, _)| *id == conn.id);
                if mine {
                    b.remove(&phone);
                }
                mine
            })
            .unwrap_or(false);
        // A phone that rejoined on a new connection is not away.
        if mine {
            if let Ok(mut room) = shared.room.lock() {
                room.set_connected(phone, false);
            }
            shared.emit(PhoneEvent::Away { phone });
        }
    }
}

fn refuse(code: ErrorCode, message: &str) -> ToPhone {
    protocol::error(code, message).into()
}

fn text_message(s: &str) -> Message {
    Message::Text(s.into())
}

/// One message from a phone: what to answer it, if anything.
fn handle(
    shared: &Shared,
    conn: &mut Connection,
    tx: &tmpsc::UnboundedSender<Arc<str>>,
    text: &str,
    now: Instant,
) -> Option<ToPhone> {
    let msg = match protocol::parse(text) {
        Ok(m) => m,
        Err(e) => return Some(e.into()),
    };
    if let FromPhone::Ping { t } = msg {
        return Some(ToPhone::Pong { t });
    }
    if let FromPhone::Join { room, name, token } = msg {
        return Some(join(shared, conn, tx, &room, &name, token.as_deref()));
    }
    let Some(phone) = conn.phone else {
        return Some(refuse(ErrorCode::NotJoined, "Join the room first."));
    };
    let phase = shared.phase.lock().map(|p| *p).unwrap_or_default();
    let open = shared.open.lock().ok().and_then(|o| *o);
    let not_now = |what: &str| Some(refuse(ErrorCode::NotNow, what));
    match msg {
        FromPhone::Answer { question, slot } if !conn.audience => {
            press(shared, conn, phone, open, question, Some(slot), now)
        }
        FromPhone::Buzz { question } if !conn.audience => {
            press(shared, conn, phone, open, question, None, now)
        }
        FromPhone::Vote { question, slot } if conn.audience => {
            match open.filter(|o| o.number == question) {
                Some(_) => {
                    shared.emit(PhoneEvent::Vote {
                        phone,
                        question,
                        slot,
                    });
                    Some(ToPhone::Ack { question, at: 0.0 })
                }
                None => Some(refuse(ErrorCode::Late, "That question is over.")),
            }
        }
        FromPhone::Wager { percent, lock } if !conn.audience && phase == Phase::Wager => {
            shared.emit(PhoneEvent::Wager {
                phone,
                percent: percent.min(100),
                lock,
            });
            None
        }
        FromPhone::Ready {} if !conn.audience => {
            shared.emit(PhoneEvent::Ready { phone });
            None
        }
        FromPhone::Answer { .. } | FromPhone::Buzz { .. } => {
            not_now("The audience votes; players answer.")
        }
        FromPhone::Vote { .. } => not_now("Players answer; the audience votes."),
        FromPhone::Wager { .. } => not_now("Wagers are placed on the wager screen."),
        FromPhone::Ready {} => not_now("Only players can go on."),
        FromPhone::Join { .. } | FromPhone::Ping { .. } => None,
    }
}

fn join(
    shared: &Shared,
    conn: &mut Connection,
    tx: &tmpsc::UnboundedSender<Arc<str>>,
    room_code: &str,
    name: &str,
    token: Option<&str>,
) -> ToPhone {
    if conn.phone.is_some() {
        return refuse(ErrorCode::NotNow, "Already in the room.");
    }
    let admitted = {
        let Ok(mut room) = shared.room.lock() else {
            return refuse(ErrorCode::Full, "The room is closed.");
        };
        match room.admit(room_code, name, token, &mut rand::rng()) {
            Ok(a) => a,
            Err(e) => return e.into(),
        }
    };
    conn.phone = Some(admitted.phone);
    conn.audience = admitted.audience;
    if let Ok(mut boxes) = shared.outboxes.lock() {
        boxes.insert(admitted.phone, (conn.id, tx.clone()));
    }
    shared.emit(if admitted.rejoined {
        PhoneEvent::Returned {
            phone: admitted.phone,
        }
    } else {
        PhoneEvent::Joined {
            phone: admitted.phone,
            name: admitted.name.clone(),
            audience: admitted.audience,
        }
    });
    // The screen as it is now follows the welcome.
    let current = shared.view.borrow().clone();
    let _ = tx.send(current);
    ToPhone::Welcome {
        token: admitted.token,
        phone: admitted.phone,
        name: admitted.name,
        audience: admitted.audience,
    }
}

fn press(
    shared: &Shared,
    conn: &Connection,
    phone: PhoneId,
    open: Option<OpenQuestion>,
    question: u32,
    slot: Option<u8>,
    now: Instant,
) -> Option<ToPhone> {
    let Some(open) = open.filter(|o| o.number == question) else {
        return Some(refuse(ErrorCode::Late, "That question is over."));
    };
    if open.deadline.is_some_and(|d| now > d) {
        return Some(refuse(
            ErrorCode::Late,
            "Too late: time was up when your answer arrived.",
        ));
    }
    let at = conn.round_trip.answer_time(open.started, now);
    shared.emit(PhoneEvent::Press {
        phone,
        question,
        slot,
        at,
    });
    Some(ToPhone::Ack { question, at })
}

//! Phones in the party: the lobby opens the phone server (`remote`), shows
//! its address, room code and QR code, and from then on each frame hands
//! the phones' messages to the engine through the [`PhoneLink`] and tells
//! the link which stage the big screen is on. A phone is one more input
//! source of the party rules; the first seated phone's "Go on" presses the
//! screen's main button. The room stays open as long as the party does.

use std::net::SocketAddr;
use std::time::Instant;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::lobby::{PhoneJoin, StartButton};
use super::look::{self, MIN, TEXT};
use super::play::{AudienceLine, RevealNext};
use super::results::StandingsNext;
use super::{PartyGame, PartyInputSet, ensure_game};
use crate::engine::party_game::Stage;
use crate::game::GameConfig;
use crate::game::audio::Cue;
use crate::game::save::Settings;
use crate::game::screens::PartyPhase;
use crate::game::theme::focus::FocusSet;
use crate::game::theme::prelude::*;
use crate::game::transition::Transition;
use crate::remote::link::PhoneLink;
use crate::remote::room::Limits;
use crate::remote::{Host, ServerConfig};

/// Ports tried above the chosen one when it is taken (another game, a
/// second window).
const PORT_TRIES: u16 = 10;

/// The party's phone room: the server and its link to the party rules.
#[derive(Resource)]
pub struct PhoneRoom {
    link: PhoneLink,
    join_url: String,
    /// Audience split already drawn, by question number.
    drawn_split: Option<u32>,
}

impl PhoneRoom {
    pub fn join_url(&self) -> &str {
        &self.join_url
    }
    pub fn room_code(&self) -> &str {
        self.link.host().room_code()
    }
    pub fn addr(&self) -> SocketAddr {
        self.link.host().addr()
    }
    pub fn audience_split(&self) -> &[u32] {
        self.link.audience_split()
    }
    pub fn question_number(&self) -> u32 {
        self.link.question_number()
    }
}

/// Why phones cannot join (no free port), for the lobby.
#[derive(Resource, Debug, Clone)]
pub struct PhoneRoomError(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(PartyPhase::Lobby),
        (
            open_room.after(ensure_game),
            paint_join.after(super::lobby::spawn),
        )
            .chain(),
    );
    app.add_systems(
        PreUpdate,
        sync.after(PartyInputSet)
            .after(FocusSet)
            .run_if(resource_exists::<PhoneRoom>.and_then(resource_exists::<PartyGame>)),
    );
    app.add_systems(
        Update,
        paint_audience
            .in_set(crate::game::GameSet::Paint)
            .run_if(in_state(PartyPhase::Reveal).and_then(resource_exists::<PhoneRoom>)),
    );
}

fn limits(settings: &Settings) -> Limits {
    Limits {
        players: (settings.phone_seats as usize).min(crate::engine::party::MAX_PLAYERS),
        audience: settings.audience as usize,
    }
}

/// Opens the room the first time the lobby opens (when phones are on).
fn open_room(
    mut commands: Commands,
    config: Res<GameConfig>,
    settings: Res<Settings>,
    room: Option<Res<PhoneRoom>>,
    game: Option<Res<PartyGame>>,
) {
    if let Some(room) = &room {
        // The settings may have changed since.
        room.link.host().set_limits(limits(&settings));
        return;
    }
    let (Some(addr), Some(game)) = (config.phones, game) else {
        return;
    };
    let mut last_error = None;
    for port in addr.port()..=addr.port().saturating_add(PORT_TRIES) {
        let config = ServerConfig {
            bind: SocketAddr::new(addr.ip(), port),
            limits: limits(&settings),
            room_code: None,
        };
        match Host::start(config) {
            Ok(host) => {
                let join_url = host.join_url();
                info!("phones join at {join_url}");
                commands.insert_resource(PhoneRoom {
                    link: PhoneLink::new(host, &game),
                    join_url,
                    drawn_split: None,
                });
                commands.remove_resource::<PhoneRoomError>();
                return;
            }
            Err(e) => last_error = Some(e),
        }
    }
    let why = last_error.map_or(String::new(), |e| e.to_string());
    warn!("phones cannot join: ports {}+ busy ({why})", addr.port());
    commands.insert_resource(PhoneRoomError(format!(
        "Phones off: port {} and the next {PORT_TRIES} are in use ({why}). Start with --port N.",
        addr.port()
    )));
}

/// The stage the phones should see now. A question opens for phones when
/// the big screen's leaves have settled (when its clock starts), and closes
/// as soon as the engine has scored it.
fn stage_for(phase: PartyPhase, game: &PartyGame, busy: bool, shown: Stage) -> Stage {
    let stage = Stage::from(phase);
    match stage {
        Stage::Question if game.current().is_none() => Stage::Reveal,
        Stage::Question if busy => shown,
        other => other,
    }
}

/// The screen's main button, which a phone's "Go on" presses.
type MainButton = Or<(With<StartButton>, With<RevealNext>, With<StandingsNext>)>;

fn sync(
    phase: Option<Res<State<PartyPhase>>>,
    transition: Res<Transition>,
    mut room: ResMut<PhoneRoom>,
    mut game: ResMut<PartyGame>,
    buttons: Query<Entity, MainButton>,
    mut activated: MessageWriter<Activated>,
    mut cues: MessageWriter<Cue>,
) {
    let now = Instant::now();
    let shown = room.link.stage();
    let want = phase.map_or(Stage::Lobby, |p| {
        stage_for(*p.get(), &game, transition.busy(), shown)
    });
    room.link.enter(want, &game, now);
    let polled = room.link.poll(&mut game);
    if polled.players_changed {
        game.revision += 1;
    }
    if polled.locked > 0 {
        cues.write(Cue::Select);
    }
    if polled.go_on
        && let Some(e) = buttons.iter().next()
    {
        activated.write(Activated(e));
    }
}

/// A QR code image of `url`, one pixel a module with a quiet zone of four,
/// drawn sharp at any size.
fn qr_image(url: &str) -> Option<Image> {
    let qr = crate::remote::qr::encode(url)?;
    let quiet = 4;
    let side = qr.width + 2 * quiet;
    let mut data = Vec::with_capacity(side * side * 4);
    for y in 0..side {
        for x in 0..side {
            let dark = x >= quiet && y >= quiet && qr.is_dark(x - quiet, y - quiet);
            let v = if dark { 0x20 } else { 0xff };
            data.extend_from_slice(&[v, v, v, 0xff]);
        }
    }
    let mut image = Image::new(
        Extent3d {
            width: side as u32,
            height: side as u32,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        data,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = ImageSampler::nearest();
    Some(image)
}

/// The lobby's "join from your phone" line: QR code, address and room code.
fn paint_join(
    mut commands: Commands,
    room: Option<Res<PhoneRoom>>,
    error: Option<Res<PhoneRoomError>>,
    places: Query<Entity, With<PhoneJoin>>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Ok(place) = places.single() else { return };
    if let Some(error) = error {
        commands.entity(place).with_children(|p| {
            p.spawn(look::txt(error.0.clone(), MIN - 2.0, palette::INK_SOFT));
        });
        return;
    }
    let Some(room) = room else { return };
    let qr = images
        .zip(qr_image(room.join_url()))
        .map(|(mut images, image)| images.add(image));
    let address = format!("http://{}", room.addr());
    let code = room.room_code().to_string();
    commands.entity(place).with_children(|p| {
        if let Some(handle) = qr {
            p.spawn((
                Name::new("Join QR code"),
                ImageNode::new(handle),
                Node {
                    width: px(120),
                    height: px(120),
                    ..default()
                },
            ));
        }
        p.spawn((
            Name::new("Join text"),
            Node {
                flex_direction: FlexDirection::Column,
                row_gap: px(2),
                ..default()
            },
        ))
        .with_children(|t| {
            t.spawn(look::bold("Join from your phone", TEXT, palette::INK));
            t.spawn(look::txt(
                format!("Scan the code, or open {address} and type"),
                MIN - 2.0,
                palette::INK,
            ));
            t.spawn(look::bold(code, look::HEAD, palette::BLUE_DEEP));
        });
    });
}

/// After a reveal, how the audience voted (when it did).
fn paint_audience(
    mut room: ResMut<PhoneRoom>,
    mut lines: Query<(&mut Text, &mut Node), With<AudienceLine>>,
) {
    let question = room.link.question_number();
    if room.drawn_split == Some(question) || lines.is_empty() {
        return;
    }
    let split = room.audience_split();
    let total: u32 = split.iter().sum();
    let text = (total > 0).then(|| {
        let parts: Vec<String> = split
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let letter = char::from(b'A' + i as u8);
                format!("{letter} {}%", (n * 100 + total / 2) / total)
            })
            .collect();
        format!(
            "Audience ({total} {}): {}",
            if total == 1 { "vote" } else { "votes" },
            parts.join("  ·  ")
        )
    });
    for (mut t, mut node) in &mut lines {
        match &text {
            Some(s) => {
                t.0 = s.clone();
                node.display = Display::Flex;
            }
            None => node.display = Display::None,
        }
    }
    room.drawn_split = Some(question);
}

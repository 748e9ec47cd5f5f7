//! Screen changes go through a leaf transition: leaves sweep in and cover the
//! screen, the state switches under cover, then the leaves fall away. With
//! reduced motion it is a short fade instead. Screens only ever send
//! [`RequestScreen`]; nothing else sets `NextState<Screen>` or the solo and
//! party phases.

use bevy::prelude::*;

use super::GameSet;
use super::save::Settings;
use super::screens::{PartyPhase, Place, Screen, SoloPhase};
use super::theme::palette;

/// Ask for a screen change (through a transition).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestScreen(pub Place);

impl RequestScreen {
    pub fn to(place: impl Into<Place>) -> RequestScreen {
        RequestScreen(place.into())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    #[default]
    Idle,
    /// Leaves sweeping in; the old screen is still there.
    Cover,
    /// The new screen is there; leaves falling away.
    Uncover,
}

#[derive(Resource, Debug, Clone, Default)]
pub struct Transition {
    pub phase: Phase,
    /// Seconds into the phase.
    pub t: f32,
    pub target: Option<Place>,
    /// A request made while busy, started when this one ends.
    pub queued: Option<Place>,
    /// Fade instead of leaves.
    pub reduced: bool,
    /// Transitions started so far.
    pub started: u64,
}

pub const COVER_SECONDS: f32 = 0.6;
pub const UNCOVER_SECONDS: f32 = 0.7;
pub const FADE_SECONDS: f32 = 0.15;

impl Transition {
    pub fn busy(&self) -> bool {
        self.phase != Phase::Idle
    }
    pub fn cover_seconds(&self) -> f32 {
        if self.reduced {
            FADE_SECONDS
        } else {
            COVER_SECONDS
        }
    }
    pub fn uncover_seconds(&self) -> f32 {
        if self.reduced {
            FADE_SECONDS
        } else {
            UNCOVER_SECONDS
        }
    }
    /// 0 → 1 over the cover phase, 1 → 2 over the uncover phase.
    pub fn progress(&self) -> f32 {
        match self.phase {
            Phase::Idle => 0.0,
            Phase::Cover => (self.t / self.cover_seconds()).min(1.0),
            Phase::Uncover => 1.0 + (self.t / self.uncover_seconds()).min(1.0),
        }
    }
    /// How opaque the veil is (0–1).
    pub fn veil(&self) -> f32 {
        let p = self.progress();
        let smooth = |x: f32| {
            let x = x.clamp(0.0, 1.0);
            x * x * (3.0 - 2.0 * x)
        };
        match self.phase {
            Phase::Idle => 0.0,
            Phase::Cover if self.reduced => smooth(p),
            Phase::Cover => smooth((p - 0.35) / 0.55),
            Phase::Uncover if self.reduced => 1.0 - smooth(p - 1.0),
            Phase::Uncover => 1.0 - smooth((p - 1.0) / 0.5),
        }
    }
}

/// Sent when a transition starts (the leaves spawn their cover flurry).
#[derive(Message, Debug, Clone, Copy)]
pub struct TransitionStarted;

/// Sent the frame the screen switches under cover.
#[derive(Message, Debug, Clone, Copy)]
pub struct TransitionSwitched(pub Place);

/// The full-window veil behind the cover leaves.
#[derive(Component, Debug)]
pub struct Veil;

/// No transition is running: the screens' logic may read the player.
pub fn idle(tr: Res<Transition>) -> bool {
    !tr.busy()
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<RequestScreen>()
        .add_message::<TransitionStarted>()
        .add_message::<TransitionSwitched>();
    app.init_resource::<Transition>();
    app.add_systems(Startup, spawn_veil);
    app.add_systems(Update, (start, advance).chain().in_set(GameSet::Transition));
    app.add_systems(Update, paint_veil.in_set(GameSet::Paint));
}

fn spawn_veil(mut commands: Commands) {
    commands.spawn((
        Name::new("Transition veil"),
        Veil,
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            ..default()
        },
        BackgroundColor(palette::CREAM.with_alpha(0.0)),
        GlobalZIndex(1000),
        bevy::ui::FocusPolicy::Pass,
    ));
}

fn start(
    mut requests: MessageReader<RequestScreen>,
    mut tr: ResMut<Transition>,
    settings: Res<Settings>,
    mut started: MessageWriter<TransitionStarted>,
) {
    for RequestScreen(s) in requests.read() {
        if tr.busy() {
            if tr.phase == Phase::Cover {
                tr.target = Some(*s);
            } else {
                tr.queued = Some(*s);
            }
            continue;
        }
        begin(&mut tr, *s, settings.reduced_motion);
        started.write(TransitionStarted);
    }
}

fn begin(tr: &mut Transition, s: Place, reduced: bool) {
    tr.phase = Phase::Cover;
    tr.t = 0.0;
    tr.target = Some(s);
    tr.reduced = reduced;
    tr.started += 1;
}

fn advance(
    time: Res<Time>,
    mut tr: ResMut<Transition>,
    settings: Res<Settings>,
    mut next: NextPlace,
    mut switched: MessageWriter<TransitionSwitched>,
    mut started: MessageWriter<TransitionStarted>,
) {
    if !tr.busy() {
        return;
    }
    tr.t += time.delta_secs();
    match tr.phase {
        Phase::Cover if tr.t >= tr.cover_seconds() => {
            if let Some(place) = tr.target {
                next.set(place);
                switched.write(TransitionSwitched(place));
            }
            tr.phase = Phase::Uncover;
            tr.t = 0.0;
        }
        Phase::Uncover if tr.t >= tr.uncover_seconds() => {
            tr.phase = Phase::Idle;
            tr.t = 0.0;
            tr.target = None;
            if let Some(q) = tr.queued.take() {
                begin(&mut tr, q, settings.reduced_motion);
                started.write(TransitionStarted);
            }
        }
        _ => {}
    }
}

/// Sets the states of a place: the top-level screen (when it changes) and
/// the phase within it, which Bevy applies together in one frame.
#[derive(bevy::ecs::system::SystemParam)]
struct NextPlace<'w> {
    current: Res<'w, State<Screen>>,
    screen: ResMut<'w, NextState<Screen>>,
    solo: ResMut<'w, NextState<SoloPhase>>,
    party: ResMut<'w, NextState<PartyPhase>>,
}

impl NextPlace<'_> {
    fn set(&mut self, place: Place) {
        let screen = place.screen();
        if *self.current.get() != screen {
            self.screen.set(screen);
        }
        match place {
            Place::Solo(phase) => self.solo.set(phase),
            Place::Party(phase) => self.party.set(phase),
            Place::Screen(_) => {}
        }
    }
}

fn paint_veil(tr: Res<Transition>, mut veil: Query<&mut BackgroundColor, With<Veil>>) {
    let a = tr.veil();
    for mut bg in &mut veil {
        if bg.0.alpha() != a {
            bg.0.set_alpha(a);
        }
    }
}

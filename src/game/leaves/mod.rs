//! Procedural falling leaves: ambient drift on three depth layers, the cover
//! flurry of screen transitions, and bursts from a correct answer's card.
//!
//! One system moves every leaf with a few lines of math and no allocation.
//! Meshes and materials are attached only when the renderer's asset stores
//! exist, so the simulation also runs headless.

use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::save::Settings;
use super::screens::{Here, Place, Screen, SoloPhase};
use super::transition::{Phase, Transition, TransitionStarted};

pub mod look;
pub mod shapes;

/// The render layer of leaves drawn above the UI (cover flurry, bursts).
pub const OVERLAY_LAYER: usize = 1;
/// Depth layers of ambient leaves.
pub const DEPTHS: usize = 3;

/// Logical size of the window (updated by the renderer; 1280×720 headless).
#[derive(Resource, Debug, Clone, Copy)]
pub struct Viewport(pub Vec2);

impl Default for Viewport {
    fn default() -> Self {
        Viewport(Vec2::new(1280.0, 720.0))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// Drifts down forever, wrapping to the top.
    Ambient,
    /// Sweeps in to `rest` by the middle of a transition, then falls away.
    Cover { rest: Vec2, delay: f32 },
    /// Flies out of an answer card and fades.
    Burst { life: f32 },
}

#[derive(Component, Debug, Clone)]
pub struct Leaf {
    pub role: Role,
    pub depth: u8,
    pub vel: Vec2,
    pub angle: f32,
    pub spin: f32,
    pub sway_phase: f32,
    pub sway_freq: f32,
    pub sway_amp: f32,
    pub size: f32,
    pub age: f32,
}

/// Wind: a base breeze plus gusts that come and go.
#[derive(Resource, Debug, Clone)]
pub struct Wind {
    pub now: f32,
    pub gust: f32,
    pub next_gust: f32,
    pub gust_until: f32,
}

impl Default for Wind {
    fn default() -> Self {
        Wind {
            now: 0.0,
            gust: 0.0,
            next_gust: 4.0,
            gust_until: 0.0,
        }
    }
}

/// How many ambient leaves each screen wants (`override_count` forces a number, for the bench).
#[derive(Resource, Debug, Clone, Default)]
pub struct AmbientLeaves {
    pub override_count: Option<usize>,
}

/// CPU time of the last leaf update (for `--bench-frames`).
#[derive(Resource, Debug, Clone, Default)]
pub struct LeafStats {
    pub update_ms: f64,
    pub count: usize,
}

/// Send to throw a burst of leaves from a point in window (UI, logical) coordinates.
#[derive(Message, Debug, Clone, Copy)]
pub struct LeafBurst {
    pub at: Vec2,
    pub count: usize,
}

#[derive(Resource)]
pub struct LeafRng(pub ChaCha8Rng);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Viewport>()
        .init_resource::<Wind>()
        .init_resource::<AmbientLeaves>()
        .init_resource::<LeafStats>()
        .insert_resource(LeafRng(ChaCha8Rng::seed_from_u64(0x1eaf)))
        .add_message::<LeafBurst>();
    app.add_plugins(look::plugin);
    app.add_systems(
        Update,
        (blow, keep_ambient, spawn_cover, spawn_burst, fall).chain(),
    );
}

fn blow(time: Res<Time>, mut wind: ResMut<Wind>, mut rng: ResMut<LeafRng>) {
    let dt = time.delta_secs();
    wind.now += dt;
    let target = if wind.now < wind.gust_until { 1.0 } else { 0.0 };
    wind.gust += (target - wind.gust) * (dt * 1.5).min(1.0);
    if wind.now >= wind.next_gust {
        wind.gust_until = wind.now + rng.0.random_range(1.2..2.5);
        wind.next_gust = wind.now + rng.0.random_range(6.0..12.0);
    }
}

/// Ambient leaves wanted on a screen.
fn wanted(place: Place, reduced: bool) -> usize {
    if reduced {
        return 0;
    }
    match place {
        Place::Screen(Screen::Title) => 70,
        Place::Solo(SoloPhase::Results) | Place::Screen(Screen::HighScores) => 40,
        _ => 22,
    }
}

fn random_leaf(rng: &mut ChaCha8Rng, role: Role, depth: u8, scale: f32) -> Leaf {
    let d = depth as f32;
    Leaf {
        role,
        depth,
        vel: Vec2::new(
            rng.random_range(-12.0..12.0),
            -(28.0 + 22.0 * d + rng.random_range(0.0..18.0)) * scale,
        ),
        angle: rng.random_range(0.0..std::f32::consts::TAU),
        spin: rng.random_range(-1.6..1.6),
        sway_phase: rng.random_range(0.0..std::f32::consts::TAU),
        sway_freq: rng.random_range(0.6..1.5),
        sway_amp: rng.random_range(18.0..46.0) * scale,
        size: (14.0 + 9.0 * d + rng.random_range(0.0..8.0)) * scale,
        age: 0.0,
    }
}

#[allow(clippy::too_many_arguments)]
fn keep_ambient(
    mut commands: Commands,
    here: Here,
    settings: Res<Settings>,
    ambient: Res<AmbientLeaves>,
    view: Res<Viewport>,
    mut rng: ResMut<LeafRng>,
    look: Option<Res<look::LeafLook>>,
    tr: Res<Transition>,
    leaves: Query<(Entity, &Leaf)>,
) {
    let want = ambient
        .override_count
        .unwrap_or_else(|| here.get().map_or(0, |p| wanted(p, settings.reduced_motion)));
    let have = leaves
        .iter()
        .filter(|(_, l)| l.role == Role::Ambient)
        .count();
    let scale = view.0.y / 720.0;
    if have < want {
        // Spread the first ones over the window, later ones enter from the top.
        // While a transition covers the screen they may appear anywhere.
        let fresh = have == 0 || tr.busy();
        for _ in 0..(want - have).min(if fresh { want } else { 3 }) {
            let depth = rng.0.random_range(0..DEPTHS as u8);
            let leaf = random_leaf(&mut rng.0, Role::Ambient, depth, scale);
            let y = if fresh {
                rng.0.random_range(-0.5..0.5) * view.0.y
            } else {
                view.0.y * (0.5 + rng.0.random_range(0.0..0.5)) + leaf.size * 2.0
            };
            let pos = Vec3::new(
                rng.0.random_range(-0.5..0.5) * view.0.x,
                y,
                -30.0 + 10.0 * depth as f32,
            );
            spawn(&mut commands, leaf, pos, look.as_deref(), &mut rng.0);
        }
    } else if have > want {
        for (e, _) in leaves
            .iter()
            .filter(|(_, l)| l.role == Role::Ambient)
            .take(have - want)
        {
            commands.entity(e).despawn();
        }
    }
}

fn spawn(
    commands: &mut Commands,
    leaf: Leaf,
    pos: Vec3,
    look: Option<&look::LeafLook>,
    rng: &mut ChaCha8Rng,
) {
    let overlay = !matches!(leaf.role, Role::Ambient);
    let transform = Transform::from_translation(pos)
        .with_rotation(Quat::from_rotation_z(leaf.angle))
        .with_scale(Vec3::splat(leaf.size));
    let depth = leaf.depth as usize;
    let mut e = commands.spawn((Name::new("Leaf"), transform, leaf));
    if overlay {
        e.insert(RenderLayers::layer(OVERLAY_LAYER));
    }
    if let Some(look) = look {
        e.insert(look.pick(rng, depth));
    }
}

fn spawn_cover(
    mut commands: Commands,
    mut started: MessageReader<TransitionStarted>,
    tr: Res<Transition>,
    view: Res<Viewport>,
    mut rng: ResMut<LeafRng>,
    look: Option<Res<look::LeafLook>>,
) {
    if started.read().count() == 0 || tr.reduced {
        return;
    }
    let scale = view.0.y / 720.0;
    // A jittered grid so the leaves cover the whole window at the midpoint.
    let cell = 84.0 * scale;
    let cols = (view.0.x / cell).ceil() as i32 + 1;
    let rows = (view.0.y / cell).ceil() as i32 + 1;
    for r in 0..rows {
        for c in 0..cols {
            let rest = Vec2::new(
                (c as f32 + rng.0.random_range(0.0..1.0)) * cell - view.0.x * 0.5 - cell * 0.5,
                (r as f32 + rng.0.random_range(0.0..1.0)) * cell - view.0.y * 0.5 - cell * 0.5,
            );
            let delay = rng.0.random_range(0.0..0.18) + (rows - r) as f32 / rows as f32 * 0.12;
            let mut leaf = random_leaf(&mut rng.0, Role::Cover { rest, delay }, 2, scale);
            leaf.size = rng.0.random_range(110.0..160.0) * scale;
            leaf.spin *= 2.0;
            let pos = Vec3::new(
                rest.x,
                rest.y + view.0.y * 1.4,
                50.0 + rng.0.random_range(0.0..10.0),
            );
            spawn(&mut commands, leaf, pos, look.as_deref(), &mut rng.0);
        }
    }
}

fn spawn_burst(
    mut commands: Commands,
    mut bursts: MessageReader<LeafBurst>,
    view: Res<Viewport>,
    settings: Res<Settings>,
    mut rng: ResMut<LeafRng>,
    look: Option<Res<look::LeafLook>>,
) {
    let scale = view.0.y / 720.0;
    for b in bursts.read() {
        if settings.reduced_motion {
            continue;
        }
        let origin = Vec2::new(b.at.x - view.0.x * 0.5, view.0.y * 0.5 - b.at.y);
        for _ in 0..b.count.min(200) {
            let life = rng.0.random_range(0.9..1.5);
            let mut leaf = random_leaf(&mut rng.0, Role::Burst { life }, 2, scale);
            let a = rng.0.random_range(0.15..(std::f32::consts::PI - 0.15));
            leaf.vel = Vec2::from_angle(a) * rng.0.random_range(220.0..520.0) * scale;
            leaf.spin *= 4.0;
            leaf.size *= 0.9;
            spawn(
                &mut commands,
                leaf,
                origin.extend(60.0),
                look.as_deref(),
                &mut rng.0,
            );
        }
    }
}

/// Moves every leaf: one loop, plain math.
fn fall(
    mut commands: Commands,
    time: Res<Time>,
    wind: Res<Wind>,
    tr: Res<Transition>,
    view: Res<Viewport>,
    mut leaves: Query<(Entity, &mut Leaf, &mut Transform)>,
    mut stats: ResMut<LeafStats>,
) {
    let started = std::time::Instant::now();
    let mut count = 0usize;
    let dt = time.delta_secs().min(0.1);
    let now = wind.now;
    let scale = view.0.y / 720.0;
    let half = view.0 * 0.5;
    let breeze = (12.0 + 150.0 * wind.gust) * scale;
    let cover_t = match tr.phase {
        Phase::Cover => Some(tr.t / tr.cover_seconds()),
        _ => None,
    };
    let gone = match tr.phase {
        Phase::Uncover => tr.t,
        _ => f32::INFINITY,
    };
    for (e, mut leaf, mut tf) in &mut leaves {
        count += 1;
        leaf.age += dt;
        let sway = (now * leaf.sway_freq + leaf.sway_phase).sin();
        match leaf.role {
            Role::Ambient => {
                let depth_k = 0.5 + 0.25 * leaf.depth as f32;
                tf.translation.x += (leaf.vel.x + breeze * depth_k + sway * leaf.sway_amp) * dt;
                tf.translation.y += leaf.vel.y * (1.0 + 0.8 * wind.gust) * dt;
                leaf.angle += (leaf.spin + sway * 0.8 + wind.gust * 1.5) * dt;
                let margin = leaf.size * 2.0;
                if tf.translation.y < -half.y - margin {
                    tf.translation.y = half.y + margin;
                    tf.translation.x =
                        (leaf.sway_phase / std::f32::consts::TAU - 0.5) * view.0.x * 1.2 - breeze;
                }
                if tf.translation.x > half.x + margin {
                    tf.translation.x = -half.x - margin;
                } else if tf.translation.x < -half.x - margin {
                    tf.translation.x = half.x + margin;
                }
            }
            Role::Cover { rest, delay } => {
                if let Some(p) = cover_t {
                    // Ease in from above to the rest point by the midpoint.
                    let k = ((p - delay) / (1.0 - delay)).clamp(0.0, 1.0);
                    let ease = 1.0 - (1.0 - k).powi(3);
                    let from = Vec2::new(rest.x - 0.35 * view.0.x, rest.y + view.0.y * 1.4);
                    let pos =
                        from.lerp(rest, ease) + Vec2::new(sway * leaf.sway_amp * (1.0 - ease), 0.0);
                    tf.translation.x = pos.x;
                    tf.translation.y = pos.y;
                    leaf.angle += leaf.spin * (1.0 - ease) * dt * 3.0;
                } else if gone.is_finite() {
                    // Fall away with gravity and the wind.
                    let t = (gone - delay * 0.5).max(0.0);
                    let fall_v = 900.0 * scale * t + 60.0 * scale;
                    tf.translation.y -= fall_v * dt;
                    tf.translation.x += (breeze + sway * leaf.sway_amp * 3.0) * dt;
                    leaf.angle += leaf.spin * dt;
                } else {
                    commands.entity(e).despawn();
                    continue;
                }
            }
            Role::Burst { life } => {
                leaf.vel.y -= 700.0 * scale * dt;
                leaf.vel.x *= 1.0 - 1.2 * dt;
                tf.translation.x += (leaf.vel.x + sway * leaf.sway_amp) * dt;
                tf.translation.y += leaf.vel.y * dt;
                leaf.angle += leaf.spin * dt;
                let left = 1.0 - leaf.age / life;
                if left <= 0.0 {
                    commands.entity(e).despawn();
                    continue;
                }
                tf.scale = Vec3::splat(leaf.size * left.sqrt());
            }
        }
        tf.rotation = Quat::from_rotation_z(leaf.angle);
    }
    stats.update_ms = started.elapsed().as_secs_f64() * 1000.0;
    stats.count = count;
}

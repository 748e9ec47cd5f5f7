//! The window and renderer side, added only by [`super::run`]: plugins,
//! cameras, fonts, the background, UI scale, fullscreen and screenshots.

use bevy::asset::{AssetId, RenderAssetUsages};
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{CameraOutputMode, MsaaWriteback};
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::render::render_resource::BlendState;
use bevy::window::{MonitorSelection, PresentMode, PrimaryWindow, WindowMode, WindowResolution};

use super::GameConfig;
use super::demo::Shots;
use super::leaves::{OVERLAY_LAYER, Viewport};
use super::save::Settings;
use super::screens::{Here, Place, Screen};
use super::theme::{BOLD, palette};
use super::transition::{Phase, Transition};

const REGULAR_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// 1280×720, or `LEAFQUIZ_WINDOW=WxH` (layout checks at other sizes).
fn window_size() -> WindowResolution {
    let parsed = std::env::var("LEAFQUIZ_WINDOW").ok().and_then(|v| {
        let (w, h) = v.split_once('x')?;
        Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?))
    });
    let (w, h) = parsed
        .filter(|(w, h)| *w >= 320 && *h >= 240)
        .unwrap_or((1280, 720));
    WindowResolution::new(w, h)
}

pub fn add_window_and_renderer(app: &mut App, config: &GameConfig) {
    let window = Window {
        // Named after the packs once they load (`window_title`).
        title: "leafquiz".into(),
        resolution: window_size(),
        // A benchmark measures the work of a frame, not the wait for vsync.
        present_mode: if config.bench_frames.is_some() || config.bench_party {
            PresentMode::AutoNoVsync
        } else {
            PresentMode::default()
        },
        ..default()
    };
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(window),
        ..default()
    }));
    app.insert_resource(ClearColor(palette::CREAM));
    app.add_systems(Startup, (fonts, cameras, background));
    app.add_systems(
        PreUpdate,
        (
            track_window,
            fullscreen.run_if(resource_changed::<Settings>),
        ),
    );
    app.add_systems(PostUpdate, fit_background);
    if config
        .demo
        .as_ref()
        .is_some_and(|d| d.screenshots.is_some())
    {
        app.add_systems(Last, screenshots);
    }
    if let Some(frames) = config.bench_frames {
        super::bench::add(app, frames);
    }
    if config.bench_party {
        super::bench_party::add(app);
    }
}

fn fonts(mut fonts: ResMut<Assets<Font>>) {
    let _ = fonts.insert(AssetId::default(), Font::from_bytes(REGULAR_FONT.to_vec()));
    let _ = fonts.insert(BOLD.id(), Font::from_bytes(BOLD_FONT.to_vec()));
}

fn cameras(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d, IsDefaultUiCamera));
    commands.spawn((
        Name::new("Overlay camera"),
        Camera2d,
        // Drawn over the finished picture (world and UI of the first camera) with alpha blending.
        Camera {
            order: 1,
            clear_color: ClearColorConfig::Custom(Color::NONE),
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            msaa_writeback: MsaaWriteback::Off,
            ..default()
        },
        RenderLayers::layer(OVERLAY_LAYER),
    ));
}

#[derive(Component)]
struct Background;

/// A soft vertical gradient behind everything: cream at the top, blush at the bottom.
fn background(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let top = palette::CREAM.to_linear().to_f32_array();
    let bottom = palette::CREAM
        .mix(&palette::PINK, 0.35)
        .to_linear()
        .to_f32_array();
    let mesh = Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(
        Mesh::ATTRIBUTE_POSITION,
        vec![
            [-0.5, -0.5, 0.0],
            [0.5, -0.5, 0.0],
            [0.5, 0.5, 0.0],
            [-0.5, 0.5, 0.0],
        ],
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, vec![[0.0, 0.0, 1.0]; 4])
    .with_inserted_attribute(
        Mesh::ATTRIBUTE_UV_0,
        vec![[0.0, 1.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.0]],
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, vec![bottom, bottom, top, top])
    .with_inserted_indices(Indices::U32(vec![0, 1, 2, 0, 2, 3]));
    commands.spawn((
        Name::new("Background"),
        Background,
        Mesh2d(meshes.add(mesh)),
        MeshMaterial2d(materials.add(ColorMaterial::from(Color::WHITE))),
        Transform::from_xyz(0.0, 0.0, -100.0).with_scale(Vec3::new(1280.0, 720.0, 1.0)),
    ));
}

fn fit_background(view: Res<Viewport>, mut bg: Query<&mut Transform, With<Background>>) {
    for mut t in &mut bg {
        let s = view.0.extend(1.0);
        if t.scale != s {
            t.scale = s;
        }
    }
}

/// Follows the window size: the leaves' viewport and the UI scale (window height × text size).
fn track_window(
    window: Query<&Window, With<PrimaryWindow>>,
    settings: Res<Settings>,
    mut view: ResMut<Viewport>,
    mut scale: ResMut<UiScale>,
) {
    let Ok(w) = window.single() else { return };
    let size = Vec2::new(w.width(), w.height());
    if size.x < 1.0 || size.y < 1.0 {
        return;
    }
    if view.0 != size {
        view.0 = size;
    }
    let s = (size.y / 720.0).min(size.x / 1000.0) * settings.text_scale();
    if (scale.0 - s).abs() > 1e-4 {
        scale.0 = s;
    }
}

fn fullscreen(settings: Res<Settings>, mut window: Query<&mut Window, With<PrimaryWindow>>) {
    let Ok(mut w) = window.single_mut() else {
        return;
    };
    let mode = if settings.fullscreen {
        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
    } else {
        WindowMode::Windowed
    };
    if w.mode != mode {
        w.mode = mode;
    }
}

/// The demo's screenshots: each screen once it has settled, and one mid-transition.
fn screenshots(
    mut commands: Commands,
    here: Here,
    transition: Res<Transition>,
    mut shots: ResMut<Shots>,
    mut settled: Local<u32>,
) {
    let Some(dir) = shots.dir.clone() else { return };
    let mut take = |shots: &mut Shots, name: &'static str| {
        shots.taken.push(name);
        shots.pending += 1;
        super::capture::capture::<Shots>(&mut commands, dir.join(format!("{name}.png")));
    };
    // Mid-transition: the first sweep away from the title, leaves nearly closed.
    if !shots.has("transition")
        && transition.phase == Phase::Cover
        && transition.target == Some(Place::from(Screen::Solo))
        && transition.progress() >= 0.8
    {
        take(&mut shots, "transition");
    }
    let name = here
        .place()
        .shot_name()
        .filter(|n| super::demo::WANTED.contains(n) && !shots.has(n));
    shots.due = name.is_some();
    let Some(name) = name else {
        *settled = 0;
        return;
    };
    if transition.busy() {
        *settled = 0;
        return;
    }
    *settled += 1;
    if *settled >= 12 {
        *settled = 0;
        take(&mut shots, name);
    }
}

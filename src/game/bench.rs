//! `--bench-frames N`: times from start to the interactive title and to the
//! first question, then N idle frames with 2 000 ambient leaves and N frames
//! of back-to-back leaf transitions with 2 000 leaves. Prints per phase the
//! median whole frame (Bevy's frame-time diagnostic: update, extraction and
//! rendering) beside the main world's update alone (`First` → `Last`), their
//! ratio, and the resident and peak memory. Frames are not capped by vsync.

use std::time::{Duration, Instant};

use bevy::diagnostic::{DiagnosticsStore, FrameTimeDiagnosticsPlugin};
use bevy::prelude::*;

use super::Packs;
use super::leaves::{AmbientLeaves, LeafStats};
use super::quiz::{Quiz, Setup};
use super::save::Settings;
use super::screens::{Here, Screen, SoloPhase};
use super::transition::{RequestScreen, Transition};

pub const LEAVES: usize = 2000;
const WARMUP: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    ToQuestion,
    BackToTitle,
    Warmup(u32),
    Idle,
    Transitions,
    Done,
}

/// When the process started, as near as the game can tell (`mark_start`).
static STARTED: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// Call first thing in `main`: start-up times count from here.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// One phase's samples, in milliseconds per frame.
#[derive(Default)]
struct Samples {
    /// The whole frame: Bevy's frame-time diagnostic (the time between frame
    /// starts, so update, extraction and rendering, whichever is longer
    /// with pipelined rendering).
    frame: Vec<f64>,
    /// The main world's update alone (`First` → `Last`).
    update: Vec<f64>,
    /// The leaf simulation system alone.
    leaves: Vec<f64>,
}

impl Samples {
    fn len(&self) -> u32 {
        self.frame.len() as u32
    }
}

#[derive(Resource)]
struct Bench {
    frames: u32,
    started: Instant,
    frame_start: Option<Instant>,
    stage: Stage,
    title: Option<Duration>,
    first_question: Option<Duration>,
    idle: Samples,
    busy: Samples,
    leaves_seen: usize,
}

pub fn add(app: &mut App, frames: u32) {
    if !app.is_plugin_added::<FrameTimeDiagnosticsPlugin>() {
        app.add_plugins(FrameTimeDiagnosticsPlugin::default());
    }
    app.insert_resource(Bench {
        frames: frames.max(1),
        started: *STARTED.get_or_init(Instant::now),
        frame_start: None,
        stage: Stage::ToQuestion,
        title: None,
        first_question: None,
        idle: Samples::default(),
        busy: Samples::default(),
        leaves_seen: 0,
    });
    app.add_systems(First, frame_begin);
    app.add_systems(Last, frame_end);
    app.add_systems(Update, drive);
}

fn frame_begin(mut bench: ResMut<Bench>) {
    bench.frame_start = Some(Instant::now());
}

fn frame_end(mut bench: ResMut<Bench>, leaves: Res<LeafStats>, diagnostics: Res<DiagnosticsStore>) {
    let Some(t0) = bench.frame_start.take() else {
        return;
    };
    let update = t0.elapsed().as_secs_f64() * 1000.0;
    let frame = diagnostics
        .get(&FrameTimeDiagnosticsPlugin::FRAME_TIME)
        .and_then(|d| d.value());
    let Some(frame) = frame else { return };
    let bench = &mut *bench;
    let samples = match bench.stage {
        Stage::Idle => &mut bench.idle,
        Stage::Transitions => {
            bench.leaves_seen = bench.leaves_seen.max(leaves.count);
            &mut bench.busy
        }
        _ => return,
    };
    samples.frame.push(frame);
    samples.update.push(update);
    samples.leaves.push(leaves.update_ms);
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut bench: ResMut<Bench>,
    here: Here,
    transition: Res<Transition>,
    packs: Res<Packs>,
    settings: Res<Settings>,
    mut ambient: ResMut<AmbientLeaves>,
    mut requests: MessageWriter<RequestScreen>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = here.place();
    match bench.stage {
        Stage::ToQuestion => {
            if now == Screen::Title && !transition.busy() {
                // The title is on screen and takes input.
                let since_start = bench.started.elapsed();
                bench.title.get_or_insert(since_start);
                let mut quiz = Quiz::new(
                    &packs,
                    Setup::from_settings(&settings),
                    1,
                    settings.timer as f32,
                    Default::default(),
                );
                quiz.draw();
                commands.insert_resource(quiz);
                requests.write(RequestScreen::to(SoloPhase::Question));
            }
            if now == SoloPhase::Question && bench.first_question.is_none() {
                bench.first_question = Some(bench.started.elapsed());
                bench.stage = Stage::BackToTitle;
                requests.write(RequestScreen::to(Screen::Title));
            }
        }
        Stage::BackToTitle => {
            if now == Screen::Title && !transition.busy() {
                ambient.override_count = Some(LEAVES);
                bench.stage = Stage::Warmup(0);
            }
        }
        Stage::Warmup(n) => {
            bench.stage = if n >= WARMUP {
                Stage::Idle
            } else {
                Stage::Warmup(n + 1)
            }
        }
        Stage::Idle => {
            if bench.idle.len() >= bench.frames {
                bench.stage = Stage::Transitions;
            }
        }
        Stage::Transitions => {
            if !transition.busy() {
                requests.write(RequestScreen::to(Screen::Title));
            }
            if bench.busy.len() >= bench.frames {
                bench.stage = Stage::Done;
                report(&mut bench);
                exit.write(AppExit::Success);
            }
        }
        Stage::Done => {}
    }
}

/// The middle value (sorts `v`); 0 when empty.
pub(super) fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn report(bench: &mut Bench) {
    let ms = |d: Option<Duration>| {
        d.map_or("-".into(), |d| {
            format!("{:.0} ms", d.as_secs_f64() * 1000.0)
        })
    };
    println!("start to interactive title: {}", ms(bench.title));
    println!("start to first question: {}", ms(bench.first_question));
    println!("frames per phase: {}, leaves: {LEAVES}", bench.frames);
    let row = |name: &str, s: &mut Samples| {
        let frame = median(&mut s.frame);
        let update = median(&mut s.update);
        let leaves = median(&mut s.leaves);
        println!(
            "{name}: frame median {frame:.2} ms ({:.1} fps), update median {update:.2} ms, leaf update median {leaves:.3} ms",
            1000.0 / frame.max(1e-9)
        );
        frame
    };
    let idle = row("idle", &mut bench.idle);
    let busy = row("transition", &mut bench.busy);
    println!(
        "transition / idle, whole frame: {:.2}",
        busy / idle.max(1e-9)
    );
    println!("leaves during transitions: up to {}", bench.leaves_seen);
    if let Some((now, peak)) = memory_mib() {
        println!("resident memory: {now:.1} MiB, peak {peak:.1} MiB");
    }
}

/// Resident and peak resident memory (Linux: /proc/self/status).
pub fn memory_mib() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib = |key: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((kib("VmRSS:")? / 1024.0, kib("VmHWM:")? / 1024.0))
}

//! `--bench-frames N`: time from start to the first question frame, then N
//! idle frames with 2 000 ambient leaves and N frames of back-to-back leaf
//! transitions with 2 000 leaves; prints the median CPU time of the app's
//! update per frame (a `First` → `Last` system pair), and the resident memory.

use std::time::{Duration, Instant};

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

#[derive(Resource)]
struct Bench {
    frames: u32,
    started: Instant,
    frame_start: Option<Instant>,
    stage: Stage,
    first_question: Option<Duration>,
    idle: Vec<f64>,
    busy: Vec<f64>,
    leaf_idle: Vec<f64>,
    leaf_busy: Vec<f64>,
    leaves_seen: usize,
}

pub fn add(app: &mut App, frames: u32) {
    app.insert_resource(Bench {
        frames: frames.max(1),
        started: Instant::now(),
        frame_start: None,
        stage: Stage::ToQuestion,
        first_question: None,
        idle: Vec::with_capacity(frames as usize),
        busy: Vec::with_capacity(frames as usize),
        leaf_idle: Vec::with_capacity(frames as usize),
        leaf_busy: Vec::with_capacity(frames as usize),
        leaves_seen: 0,
    });
    app.add_systems(First, frame_begin);
    app.add_systems(Last, frame_end);
    app.add_systems(Update, drive);
}

fn frame_begin(mut bench: ResMut<Bench>) {
    bench.frame_start = Some(Instant::now());
}

fn frame_end(mut bench: ResMut<Bench>, leaves: Res<LeafStats>) {
    let Some(t0) = bench.frame_start.take() else {
        return;
    };
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    match bench.stage {
        Stage::Idle => {
            bench.idle.push(ms);
            bench.leaf_idle.push(leaves.update_ms);
        }
        Stage::Transitions => {
            bench.busy.push(ms);
            bench.leaf_busy.push(leaves.update_ms);
            bench.leaves_seen = bench.leaves_seen.max(leaves.count);
        }
        _ => {}
    }
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
            if bench.idle.len() as u32 >= bench.frames {
                bench.stage = Stage::Transitions;
            }
        }
        Stage::Transitions => {
            if !transition.busy() {
                requests.write(RequestScreen::to(Screen::Title));
            }
            if bench.busy.len() as u32 >= bench.frames {
                bench.stage = Stage::Done;
                report(&mut bench);
                exit.write(AppExit::Success);
            }
        }
        Stage::Done => {}
    }
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn report(bench: &mut Bench) {
    let idle = median(&mut bench.idle);
    let busy = median(&mut bench.busy);
    println!("frames per phase: {}", bench.frames);
    println!("leaves: {LEAVES}");
    println!("idle median: {idle:.3} ms/frame");
    println!("transition median: {busy:.3} ms/frame");
    println!("difference: {:.3} ms/frame", busy - idle);
    let leaf_idle = median(&mut bench.leaf_idle);
    let leaf_busy = median(&mut bench.leaf_busy);
    println!("leaf update median (idle): {leaf_idle:.3} ms/frame");
    println!(
        "leaf update median (transition): {leaf_busy:.3} ms/frame, up to {} leaves",
        bench.leaves_seen
    );
    if let Some(t) = bench.first_question {
        println!(
            "start to first question: {:.0} ms",
            t.as_secs_f64() * 1000.0
        );
    }
    if let Some(rss) = resident_mib() {
        println!("resident memory: {rss:.1} MiB");
    }
}

/// Resident set size from /proc/self/statm (Linux).
pub fn resident_mib() -> Option<f64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: f64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096.0 / (1024.0 * 1024.0))
}

//! `--bench-party` (with `--demo --players N`): the whole-frame time of a
//! party game, from its first question to the podium, so a game with a phone
//! room (and a crowd of phones from `cargo bench --bench phones -- --connect`)
//! can be compared with the same seeded game under `--no-phones`. Prints the
//! median whole frame (Bevy's frame-time diagnostic) and the main world's
//! update, over the game and over its question screens alone, and how many
//! audience votes the phone room counted, so a run with phones proves that
//! they were there.

use std::time::Instant;

use bevy::diagnostic::{DiagnosticsStore, FrameTimeDiagnosticsPlugin};
use bevy::prelude::*;

use super::bench::median;
use super::screens::{Here, PartyPhase, Place};

#[derive(Resource, Default)]
struct PartyBench {
    frame_start: Option<Instant>,
    /// (whole frame, update) in ms, every frame between lobby and podium.
    game: Vec<(f64, f64)>,
    /// The same, on question screens only.
    question: Vec<(f64, f64)>,
    votes: u64,
    /// The question whose audience votes are counted.
    counted: Option<u32>,
    reported: bool,
}

pub fn add(app: &mut App) {
    if !app.is_plugin_added::<FrameTimeDiagnosticsPlugin>() {
        app.add_plugins(FrameTimeDiagnosticsPlugin::default());
    }
    app.init_resource::<PartyBench>();
    app.add_systems(First, frame_begin);
    app.add_systems(Last, frame_end);
    #[cfg(feature = "remote")]
    app.add_systems(
        Update,
        count_votes.run_if(resource_exists::<super::party::phones::PhoneRoom>),
    );
}

fn frame_begin(mut bench: ResMut<PartyBench>) {
    bench.frame_start = Some(Instant::now());
}

fn frame_end(mut bench: ResMut<PartyBench>, here: Here, diagnostics: Res<DiagnosticsStore>) {
    let Some(t0) = bench.frame_start.take() else {
        return;
    };
    let update = t0.elapsed().as_secs_f64() * 1000.0;
    let Some(frame) = diagnostics
        .get(&FrameTimeDiagnosticsPlugin::FRAME_TIME)
        .and_then(|d| d.value())
    else {
        return;
    };
    match here.place() {
        Place::Party(PartyPhase::Podium) if !bench.reported => {
            bench.reported = true;
            report(&mut bench);
        }
        Place::Party(PartyPhase::Lobby | PartyPhase::Podium) => {}
        Place::Party(phase) => {
            bench.game.push((frame, update));
            if phase == PartyPhase::Question {
                bench.question.push((frame, update));
            }
        }
        _ => {}
    }
}

/// Adds up the audience's votes once per question, at its reveal.
#[cfg(feature = "remote")]
fn count_votes(
    mut bench: ResMut<PartyBench>,
    here: Here,
    room: Res<super::party::phones::PhoneRoom>,
) {
    if here.place() != PartyPhase::Reveal {
        return;
    }
    let question = room.question_number();
    if bench.counted != Some(question) {
        bench.counted = Some(question);
        bench.votes += room.audience_split().iter().map(|&n| n as u64).sum::<u64>();
    }
}

fn report(bench: &mut PartyBench) {
    let row = |name: &str, samples: &[(f64, f64)]| {
        let mut frames: Vec<f64> = samples.iter().map(|s| s.0).collect();
        let mut updates: Vec<f64> = samples.iter().map(|s| s.1).collect();
        let (frame, update) = (median(&mut frames), median(&mut updates));
        println!(
            "party {name}: {} frames, whole frame median {frame:.2} ms, update median {update:.2} ms",
            samples.len()
        );
    };
    row("game", &bench.game);
    row("question screens", &bench.question);
    println!("audience votes counted: {}", bench.votes);
    if let Some((now, peak)) = super::bench::memory_mib() {
        println!("resident memory: {now:.1} MiB, peak {peak:.1} MiB");
    }
}

//! Loading the library at start and watching its files: each look runs on
//! the task pool and its result is swapped in when ready.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::library::{POLL_SECONDS, PackLibrary, PollReport, packs_from};
use super::toast::{PackToast, RELOAD_TOAST_SECONDS, TOAST_SECONDS, short_error};
use crate::game::save::{Notices, Settings};
use crate::game::{GameConfig, Packs};

pub(super) fn plugin(app: &mut App) {
    // Nothing is read here: `game::boot` loads the packs while leaves fall.
    app.insert_resource(packs_from(&[]))
        .insert_resource(PackLibrary::empty())
        .init_resource::<BuiltFor>()
        .init_resource::<PackWatch>()
        .init_resource::<Reloading>();
    app.add_systems(
        Update,
        (poll, apply_reload, follow_selection)
            .chain()
            .run_if(resource_exists::<LibraryLoaded>),
    );
}

/// The poll clock; `interval` may be changed (tests).
#[derive(Resource, Debug, Clone)]
pub struct PackWatch {
    pub timer: Timer,
}

impl Default for PackWatch {
    fn default() -> Self {
        PackWatch {
            timer: Timer::from_seconds(POLL_SECONDS, TimerMode::Repeating),
        }
    }
}

/// The selection the current [`Packs`] were built for.
#[derive(Resource, Debug, Clone, Default)]
struct BuiltFor(Vec<String>);

/// The packs as found at start (off the main thread: see `game::boot`), the
/// fact base of the chosen ones, and a line for each broken pack.
pub struct LoadedLibrary {
    library: PackLibrary,
    packs: Packs,
    chosen: Vec<String>,
    notes: Vec<String>,
}

impl LoadedLibrary {
    pub fn load(config: &GameConfig, chosen: &[String]) -> LoadedLibrary {
        let library = PackLibrary::scan(config);
        let packs = library.packs(chosen);
        let mut notes: Vec<String> = library.errors().map(|(_, e)| short_error(e)).collect();
        if packs.base.is_empty() {
            notes.push("No questions could be loaded: add a pack to the questions/ folder.".into());
        }
        LoadedLibrary {
            chosen: library.effective_selection(chosen),
            library,
            packs,
            notes,
        }
    }

    /// Puts the packs in play and starts watching their files.
    pub fn install(self, commands: &mut Commands, notices: &mut Notices) {
        notices.0.extend(self.notes);
        commands.insert_resource(BuiltFor(self.chosen));
        commands.insert_resource(self.packs);
        commands.insert_resource(self.library);
        commands.insert_resource(LibraryLoaded);
    }
}

/// Present once the packs are loaded: watching their files waits for it.
#[derive(Resource, Debug, Default)]
pub struct LibraryLoaded;

/// A look at the pack files under way on the task pool: a changed pack is
/// parsed, validated and compiled there, and swapped in when ready, so a
/// large pack never freezes the game.
#[derive(Resource, Default)]
struct Reloading(Option<Task<Reloaded>>);

struct Reloaded {
    library: PackLibrary,
    report: PollReport,
    /// The packs rebuilt for `chosen`, when a version in play changed.
    packs: Option<Packs>,
    chosen: Vec<String>,
}

fn poll(
    time: Res<Time<Real>>,
    mut watch: ResMut<PackWatch>,
    library: Res<PackLibrary>,
    settings: Option<Res<Settings>>,
    mut reloading: ResMut<Reloading>,
) {
    if !watch.timer.tick(time.delta()).just_finished() || reloading.0.is_some() {
        return;
    }
    let mut library = library.clone();
    let chosen = settings.map(|s| s.packs.clone()).unwrap_or_default();
    reloading.0 = Some(AsyncComputeTaskPool::get().spawn(async move {
        let report = library.poll();
        let packs = report.play_changed().then(|| library.packs(&chosen));
        Reloaded {
            library,
            report,
            packs,
            chosen,
        }
    }));
}

fn apply_reload(
    mut reloading: ResMut<Reloading>,
    mut library: ResMut<PackLibrary>,
    mut toast: ResMut<PackToast>,
    settings: Option<Res<Settings>>,
    mut built: ResMut<BuiltFor>,
    mut commands: Commands,
) {
    let Some(task) = reloading.0.as_mut() else {
        return;
    };
    let Some(done) = check_ready(task) else {
        return;
    };
    reloading.0 = None;
    let report = done.report;
    if !report.anything() {
        return;
    }
    *library = done.library;
    for (path, err) in &report.broken {
        warn!("pack {} is broken: {err}", path.display());
        *toast = PackToast {
            text: short_error(err),
            is_error: true,
            left: TOAST_SECONDS,
            path: Some(path.clone()),
        };
    }
    if report.broken.is_empty() {
        let fixed = toast
            .path
            .as_ref()
            .is_some_and(|p| library.entry(p).is_none_or(|e| e.error.is_none()));
        if !report.reloaded.is_empty() && (fixed || !toast.is_error || !toast.visible()) {
            info!("reloaded packs: {}", report.reloaded.join(", "));
            *toast = PackToast {
                text: format!("Reloaded {}", report.reloaded.join(", ")),
                is_error: false,
                left: RELOAD_TOAST_SECONDS,
                path: None,
            };
        } else if fixed {
            *toast = PackToast::default();
        }
    }
    if let Some(packs) = done.packs {
        let chosen = settings.map(|s| s.packs.clone()).unwrap_or_default();
        built.0 = library.effective_selection(&chosen);
        if chosen == done.chosen {
            commands.insert_resource(packs);
        } else {
            // The player changed the packs meanwhile: build for theirs.
            commands.insert_resource(library.packs(&chosen));
        }
    }
}

/// Rebuilds [`Packs`] when the chosen packs change.
fn follow_selection(
    settings: Option<Res<Settings>>,
    library: Res<PackLibrary>,
    mut built: ResMut<BuiltFor>,
    mut commands: Commands,
) {
    let Some(settings) = settings else { return };
    if !settings.is_changed() {
        return;
    }
    let want = library.effective_selection(&settings.packs);
    if want != built.0 {
        built.0 = want;
        commands.insert_resource(library.packs(&settings.packs));
    }
}

//! The pack library: every pack the game can see (the built-in `questions/`
//! folder, the user's packs folder, `--pack-dir` folders and `--import-opentdb`
//! files), which of them are chosen, and hot reload.
//!
//! Every [`POLL_SECONDS`] a task on the task pool compares the modification
//! times of the pack files and their folders with the last ones seen
//! (`std::fs::metadata` only). A changed file is loaded again there: when it
//! is valid it replaces the old version and the [`Packs`] used by the next
//! game are rebuilt (a game already running keeps its own fact base); when it
//! is broken, the last good version stays in play and the error is shown on
//! the packs screen and in a toast. The result is swapped in when ready.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::save::{Notices, Settings};
use super::theme::prelude::*;
use super::{GameConfig, Packs};
use crate::engine::load::pack_files_in;
use crate::engine::validate::fact_count;
use crate::engine::{FactBase, LoadedPack, PackError, load_pack_file, opentdb};

/// Seconds between two looks at the pack files.
pub const POLL_SECONDS: f32 = 0.5;
/// Seconds an error toast stays up.
pub const TOAST_SECONDS: f32 = 6.0;
/// Seconds a "reloaded" toast stays up.
pub const RELOAD_TOAST_SECONDS: f32 = 2.5;
/// The subfolder of the data folder holding the user's packs.
pub const USER_PACKS: &str = "packs";

/// Where a pack was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackOrigin {
    /// The `questions/` folder shipped with the game.
    BuiltIn,
    /// The user's packs folder.
    User,
    /// A `--pack-dir` folder.
    Extra,
    /// An `--import-opentdb` file.
    OpenTdb,
}

impl PackOrigin {
    pub fn label(self) -> &'static str {
        match self {
            PackOrigin::BuiltIn => "built in",
            PackOrigin::User => "your folder",
            PackOrigin::Extra => "pack folder",
            PackOrigin::OpenTdb => "OpenTDB import",
        }
    }
}

/// What the packs screen shows of a valid pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSummary {
    pub id: String,
    pub title: String,
    pub description: String,
    pub facts: usize,
    /// Question kinds this pack alone can make.
    pub kinds: usize,
    /// Questions this pack alone can make.
    pub candidates: usize,
}

impl PackSummary {
    fn of(pack: &LoadedPack) -> PackSummary {
        let base = FactBase::build([&pack.pack]);
        PackSummary {
            id: pack.pack.meta.id.clone(),
            title: pack.pack.meta.title.clone(),
            description: pack.pack.meta.description.clone(),
            facts: fact_count(&pack.pack),
            kinds: base.kind_counts().len(),
            candidates: base.len(),
        }
    }

    /// "N facts · K question kinds".
    pub fn stats(&self) -> String {
        format!(
            "{} fact{} · {} question kind{}",
            self.facts,
            if self.facts == 1 { "" } else { "s" },
            self.kinds,
            if self.kinds == 1 { "" } else { "s" },
        )
    }
}

/// One pack file.
#[derive(Debug, Clone)]
pub struct PackEntry {
    pub path: PathBuf,
    pub origin: PackOrigin,
    /// The last version that loaded (kept in play while the file is broken).
    pub good: Option<Arc<LoadedPack>>,
    pub summary: Option<PackSummary>,
    /// The file's current error (first error, `file:line:col: error: ...`).
    pub error: Option<String>,
    stamp: Option<Stamp>,
}

impl PackEntry {
    /// Can it be played (now or in its last good version)?
    pub fn playable(&self) -> bool {
        self.good.is_some()
    }
    pub fn id(&self) -> Option<&str> {
        self.summary.as_ref().map(|s| s.id.as_str())
    }
    /// The title, or the file name while it never loaded.
    pub fn title(&self) -> String {
        self.summary.as_ref().map_or_else(
            || {
                self.path.file_name().map_or_else(
                    || self.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            },
            |s| s.title.clone(),
        )
    }
}

/// Modification time and length: what the poll compares.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.modified().ok(), m.len()))
}

fn load(path: &Path) -> Result<LoadedPack, PackError> {
    if path.extension().is_some_and(|x| x == "json") {
        opentdb::load_file(path)
    } else {
        load_pack_file(path)
    }
}

/// A watched folder.
#[derive(Debug, Clone)]
struct WatchedDir {
    path: PathBuf,
    origin: PackOrigin,
    stamp: Option<Stamp>,
}

impl WatchedDir {
    /// Pack files in it: `*.ron` and OpenTDB `*.json`.
    fn files(&self) -> Vec<PathBuf> {
        let mut files = pack_files_in(&self.path);
        files.extend(opentdb::files_in(&self.path));
        files
    }
}

/// What changed in one poll.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PollReport {
    /// Titles of packs that (re)loaded fine.
    pub reloaded: Vec<String>,
    /// (path, error) of packs whose new version is broken.
    pub broken: Vec<(PathBuf, String)>,
    /// Paths of packs whose error went away.
    pub fixed: Vec<PathBuf>,
    /// Files added or removed.
    pub files_changed: bool,
}

impl PollReport {
    /// Did a version in play change (so the fact base must be rebuilt)?
    pub fn play_changed(&self) -> bool {
        !self.reloaded.is_empty() || self.files_changed
    }
    pub fn anything(&self) -> bool {
        self.play_changed() || !self.broken.is_empty() || !self.fixed.is_empty()
    }
}

/// Every pack the game knows, in the order: built in, user folder, pack
/// folders, OpenTDB files.
#[derive(Resource, Debug, Clone)]
pub struct PackLibrary {
    /// The user's packs folder (`None` without a data folder, e.g. the demo).
    pub user_dir: Option<PathBuf>,
    pub entries: Vec<PackEntry>,
    /// Bumped whenever an entry changes (the packs screen redraws).
    pub generation: u64,
    dirs: Vec<WatchedDir>,
    files: Vec<PathBuf>,
}

impl PackLibrary {
    /// No packs yet (before `game::boot` has scanned the folders).
    pub fn empty() -> PackLibrary {
        PackLibrary {
            user_dir: None,
            entries: Vec::new(),
            generation: 0,
            dirs: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Loads every pack from the folders and files of `config`; creates the
    /// user's packs folder if it is missing.
    pub fn scan(config: &GameConfig) -> PackLibrary {
        let user_dir = config.data_dir.as_ref().map(|d| d.join(USER_PACKS));
        if let Some(dir) = &user_dir
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            warn!("could not create the packs folder {}: {e}", dir.display());
        }
        let mut dirs: Vec<WatchedDir> = Vec::new();
        let mut add_dir = |path: PathBuf, origin: PackOrigin| {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if dirs
                .iter()
                .any(|d| std::fs::canonicalize(&d.path).unwrap_or_else(|_| d.path.clone()) == key)
            {
                return;
            }
            dirs.push(WatchedDir {
                stamp: stamp(&path),
                path,
                origin,
            });
        };
        add_dir(crate::engine::load::default_pack_dir(), PackOrigin::BuiltIn);
        if let Some(dir) = &user_dir {
            add_dir(dir.clone(), PackOrigin::User);
        }
        for dir in &config.pack_dirs {
            add_dir(dir.clone(), PackOrigin::Extra);
        }
        let mut library = PackLibrary {
            user_dir,
            entries: Vec::new(),
            generation: 0,
            dirs,
            files: config.opentdb.clone(),
        };
        for (path, origin) in library.listing() {
            library.entries.push(PackEntry::new(path, origin));
        }
        library
    }

    /// Every pack file now present, in library order.
    fn listing(&self) -> Vec<(PathBuf, PackOrigin)> {
        let mut out: Vec<(PathBuf, PackOrigin)> = Vec::new();
        for dir in &self.dirs {
            for f in dir.files() {
                if !out.iter().any(|(p, _)| *p == f) {
                    out.push((f, dir.origin));
                }
            }
        }
        for f in &self.files {
            if !out.iter().any(|(p, _)| p == f) {
                out.push((f.clone(), PackOrigin::OpenTdb));
            }
        }
        out
    }

    /// Looks at the files again; reloads what changed.
    pub fn poll(&mut self) -> PollReport {
        let mut report = PollReport::default();
        let mut relist = false;
        for dir in &mut self.dirs {
            let now = stamp(&dir.path);
            if now != dir.stamp {
                dir.stamp = now;
                relist = true;
            }
        }
        if relist {
            let listing = self.listing();
            let before = self.entries.len();
            self.entries
                .retain(|e| listing.iter().any(|(p, _)| *p == e.path));
            let mut removed = self.entries.len() != before;
            let mut entries = Vec::with_capacity(listing.len());
            for (path, origin) in listing {
                match self.entries.iter().position(|e| e.path == path) {
                    Some(i) => entries.push(self.entries.swap_remove(i)),
                    None => {
                        let entry = PackEntry::new(path, origin);
                        match (&entry.summary, &entry.error) {
                            (_, Some(err)) => report.broken.push((entry.path.clone(), err.clone())),
                            (Some(s), None) => report.reloaded.push(s.title.clone()),
                            (None, None) => {}
                        }
                        removed = true;
                        entries.push(entry);
                    }
                }
            }
            self.entries = entries;
            report.files_changed = removed;
        }
        for entry in &mut self.entries {
            let now = stamp(&entry.path);
            if now.is_none() || now == entry.stamp {
                continue;
            }
            entry.stamp = now;
            match load(&entry.path) {
                Ok(pack) => {
                    let summary = PackSummary::of(&pack);
                    report.reloaded.push(summary.title.clone());
                    if entry.error.take().is_some() {
                        report.fixed.push(entry.path.clone());
                    }
                    entry.summary = Some(summary);
                    entry.good = Some(Arc::new(pack));
                }
                Err(e) => {
                    let text = e.to_string();
                    if entry.error.as_ref() != Some(&text) {
                        report.broken.push((entry.path.clone(), text.clone()));
                    }
                    entry.error = Some(text);
                }
            }
        }
        if report.anything() {
            self.generation += 1;
        }
        report
    }

    /// The ids of every playable pack, in library order, without repeats.
    pub fn playable_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for id in self
            .entries
            .iter()
            .filter(|e| e.playable())
            .filter_map(|e| e.id())
        {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
        ids
    }

    /// The chosen ids that are playable; every playable pack when none of
    /// `chosen` is (nothing saved, or the chosen packs are gone).
    pub fn effective_selection(&self, chosen: &[String]) -> Vec<String> {
        let all = self.playable_ids();
        let picked: Vec<String> = all
            .iter()
            .filter(|id| chosen.contains(id))
            .cloned()
            .collect();
        if picked.is_empty() { all } else { picked }
    }

    /// The packs in play for `chosen` (see [`Self::effective_selection`]).
    pub fn selected(&self, chosen: &[String]) -> Vec<&PackEntry> {
        let ids = self.effective_selection(chosen);
        self.entries
            .iter()
            .filter(|e| e.playable() && e.id().is_some_and(|id| ids.iter().any(|i| i == id)))
            .collect()
    }

    /// Entries with an error now.
    pub fn errors(&self) -> impl Iterator<Item = (&PackEntry, &str)> {
        self.entries
            .iter()
            .filter_map(|e| e.error.as_deref().map(|err| (e, err)))
    }

    /// The entry of a file.
    pub fn entry(&self, path: &Path) -> Option<&PackEntry> {
        self.entries.iter().find(|e| e.path == path)
    }

    /// The fact base and names for the chosen packs.
    pub fn packs(&self, chosen: &[String]) -> Packs {
        let good: Vec<&LoadedPack> = self
            .selected(chosen)
            .into_iter()
            .filter_map(|e| e.good.as_deref())
            .collect();
        packs_from(&good)
    }
}

impl PackEntry {
    fn new(path: PathBuf, origin: PackOrigin) -> PackEntry {
        let stamp = stamp(&path);
        let mut entry = PackEntry {
            path,
            origin,
            good: None,
            summary: None,
            error: None,
            stamp,
        };
        match load(&entry.path) {
            Ok(pack) => {
                entry.summary = Some(PackSummary::of(&pack));
                entry.good = Some(Arc::new(pack));
            }
            Err(e) => entry.error = Some(e.to_string()),
        }
        entry
    }
}

/// [`Packs`] from loaded packs: the title is the first series (or pack title),
/// the high-score key the sorted pack ids.
pub fn packs_from(good: &[&LoadedPack]) -> Packs {
    let base = Arc::new(FactBase::build(good.iter().map(|p| &p.pack)));
    let title = good
        .iter()
        .find_map(|p| p.pack.meta.series.clone())
        .or_else(|| good.first().map(|p| p.pack.meta.title.clone()))
        .unwrap_or_else(|| "leafquiz".into());
    let mut ids: Vec<&str> = good.iter().map(|p| p.pack.meta.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let id = if ids.is_empty() {
        "none".to_string()
    } else {
        ids.join("+")
    };
    let mut names: Vec<String> = Vec::new();
    for p in good {
        let name = p.pack.meta.series.as_ref().unwrap_or(&p.pack.meta.title);
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let (seasons, episodes) = base.episode_span();
    Packs {
        base,
        title,
        names,
        id,
        seasons,
        episodes,
    }
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

/// The small notice at the bottom of every screen.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct PackToast {
    pub text: String,
    pub is_error: bool,
    /// Seconds left on screen.
    pub left: f32,
    /// The pack the error belongs to (cleared when it is fixed).
    pub path: Option<PathBuf>,
}

impl PackToast {
    pub fn visible(&self) -> bool {
        self.left > 0.0 && !self.text.is_empty()
    }
}

/// The selection the current [`Packs`] were built for.
#[derive(Resource, Debug, Clone, Default)]
struct BuiltFor(Vec<String>);

#[derive(Component)]
struct ToastNode;

#[derive(Component)]
struct ToastText;

#[derive(Component)]
struct ToastCard;

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

pub(super) fn plugin(app: &mut App) {
    // Nothing is read here: `game::boot` loads the packs while leaves fall.
    app.insert_resource(packs_from(&[]))
        .insert_resource(PackLibrary::empty())
        .init_resource::<BuiltFor>()
        .init_resource::<PackWatch>()
        .init_resource::<PackToast>()
        .init_resource::<Reloading>();
    app.add_systems(Startup, spawn_toast);
    app.add_systems(
        Update,
        (
            (poll, apply_reload, follow_selection).run_if(resource_exists::<LibraryLoaded>),
            show_toast,
        )
            .chain(),
    );
    // Hidden: `LEAFQUIZ_PACKS_SHOT=file.png` opens the packs screen, saves a
    // screenshot of it and exits (the demo bot never goes there).
    if let Some(path) = std::env::var_os("LEAFQUIZ_PACKS_SHOT") {
        app.insert_resource(PacksShot {
            path: path.into(),
            seconds: 0.0,
        });
        app.add_systems(Update, packs_shot);
    }
}

#[derive(Resource)]
struct PacksShot {
    path: PathBuf,
    seconds: f32,
}

fn packs_shot(
    mut commands: Commands,
    screen: Res<State<super::screens::Screen>>,
    transition: Res<super::transition::Transition>,
    time: Res<Time<Real>>,
    mut shot: ResMut<PacksShot>,
    mut requests: MessageWriter<super::transition::RequestScreen>,
    mut exit: MessageWriter<AppExit>,
) {
    use super::screens::Screen;
    if transition.busy() {
        return;
    }
    match screen.get() {
        Screen::Title if shot.seconds == 0.0 => {
            shot.seconds = 0.001;
            requests.write(super::transition::RequestScreen(Screen::Packs));
        }
        Screen::Packs => {
            let before = shot.seconds;
            shot.seconds += time.delta_secs();
            if before < 1.5 && shot.seconds >= 1.5 {
                commands
                    .spawn((
                        Name::new("Screenshot"),
                        bevy::render::view::screenshot::Screenshot::primary_window(),
                    ))
                    .observe(bevy::render::view::screenshot::save_to_disk(
                        shot.path.clone(),
                    ));
            }
            if shot.seconds >= 3.5 {
                exit.write(AppExit::Success);
            }
        }
        _ => {}
    }
}

/// An error without its help text (for one-line notices).
pub fn short_error(err: &str) -> String {
    err.split(" (help: ").next().unwrap_or(err).to_string()
}

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
    mut toast: ResMut<PackToast>,
    library: Res<PackLibrary>,
    settings: Option<Res<Settings>>,
    mut reloading: ResMut<Reloading>,
) {
    toast.left = (toast.left - time.delta_secs()).max(0.0);
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

fn spawn_toast(mut commands: Commands) {
    commands.spawn((
        Name::new("Pack toast"),
        ToastNode,
        GlobalZIndex(50),
        Visibility::Hidden,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(16),
            left: percent(10),
            width: percent(80),
            justify_content: JustifyContent::Center,
            ..default()
        },
        children![(
            Name::new("Pack toast card"),
            ToastCard,
            Node {
                max_width: percent(100),
                padding: UiRect::axes(px(18), px(8)),
                border: UiRect::all(px(2)),
                border_radius: BorderRadius::all(px(14)),
                ..default()
            },
            BackgroundColor(palette::PAPER.with_alpha(0.96)),
            BorderColor::all(palette::ORANGE),
            BoxShadow::new(palette::SHADOW, px(0), px(3), px(0), px(10)),
            children![(
                ToastText,
                Text::new(""),
                widgets::font(widgets::SMALL),
                TextColor(palette::INK),
                TextLayout::new(Justify::Center, LineBreak::WordBoundary),
            )],
        )],
    ));
}

fn show_toast(
    toast: Res<PackToast>,
    mut node: Query<&mut Visibility, With<ToastNode>>,
    mut text: Query<(&mut Text, &mut TextColor), With<ToastText>>,
    mut cards: Query<&mut BorderColor, With<ToastCard>>,
) {
    let want = if toast.visible() {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut v in &mut node {
        if *v != want {
            *v = want;
        }
    }
    if !toast.is_changed() {
        return;
    }
    let colour = if toast.is_error {
        palette::WRONG
    } else {
        palette::BLUE_DEEP
    };
    for (mut t, mut c) in &mut text {
        if t.0 != toast.text {
            t.0 = toast.text.clone();
        }
        c.0 = colour;
    }
    for mut b in &mut cards {
        *b = BorderColor::all(if toast.is_error {
            palette::ORANGE
        } else {
            palette::BLUE
        });
    }
}

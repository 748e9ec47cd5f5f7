//! The library model: every pack file, its last good version, its summary
//! and error, and a look at the files that says what changed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use bevy::prelude::*;

use crate::engine::load::pack_files_in;
use crate::engine::validate::fact_count;
use crate::engine::{FactBase, LoadedPack, PackError, load_pack_file, opentdb};
use crate::game::{GameConfig, Packs};

/// Seconds between two looks at the pack files.
pub const POLL_SECONDS: f32 = 0.5;
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

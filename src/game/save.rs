//! Settings and high scores, saved as RON in the data folder (atomically; a
//! corrupt file is kept aside and the game starts with defaults and a notice).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::GameConfig;
use std::sync::Arc;

use crate::engine::{Difficulty, PlayHistory, Question};
use crate::persist::{Loaded, load_ron, save_ron};

pub const SETTINGS_FILE: &str = "settings.ron";
pub const HIGH_SCORES_FILE: &str = "highscores.ron";
/// Per-fact answers and recency (`leafquiz stats --played` reads it).
pub const HISTORY_FILE: &str = crate::engine::history::HISTORY_FILE;
/// Entries kept per table.
pub const TABLE_LEN: usize = 10;

/// Timer lengths the settings cycle through (seconds); [`RELAXED`] is no clock.
pub const TIMERS: [u32; 6] = [10, 15, 20, 30, 45, RELAXED];
/// The timer setting for play without a clock: no countdown, no speed points
/// (for players who read slowly; the Game Accessibility Guidelines ask that
/// precise timing is never essential).
pub const RELAXED: u32 = 0;
/// Questions per classic game the settings cycle through.
pub const QUESTION_COUNTS: [u32; 4] = [5, 10, 15, 20];
/// Phone players the party lobby seats (phones past them join the audience).
pub const PHONE_SEATS: [u32; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/// Audience phones the party lobby admits.
pub const AUDIENCE_SIZES: [u32; 6] = [0, 10, 50, 100, 500, 1000];
/// Text size steps (multiplier of the UI scale).
pub const TEXT_SIZES: [(&str, f32); 4] = [
    ("Small", 0.85),
    ("Medium", 1.0),
    ("Large", 1.2),
    ("Huge", 1.4),
];

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Seconds per question; [`RELAXED`] (0): no clock.
    pub timer: u32,
    /// Questions in a classic game.
    pub questions: u32,
    pub difficulty: Difficulty,
    /// Replaces the leaf animations by short fades.
    pub reduced_motion: bool,
    /// Answer colours from the Okabe–Ito palette.
    pub colour_blind: bool,
    /// Index into [`TEXT_SIZES`].
    pub text_size: usize,
    pub fullscreen: bool,
    /// 0–10.
    pub volume: u32,
    pub muted: bool,
    /// Ids of the packs to play (empty: every valid pack).
    pub packs: Vec<String>,
    /// Phones that may take a seat in a party (0: phones only watch).
    pub phone_seats: u32,
    /// Phones that may watch and vote as the audience.
    pub audience: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timer: 20,
            questions: 10,
            difficulty: Difficulty::Ramp,
            reduced_motion: false,
            colour_blind: false,
            text_size: 1,
            fullscreen: false,
            volume: 7,
            muted: false,
            packs: Vec::new(),
            phone_seats: 8,
            audience: 1000,
        }
    }
}

impl Settings {
    pub fn relaxed(&self) -> bool {
        self.timer == RELAXED
    }
    /// "20 s", or "Relaxed (no clock)".
    pub fn timer_name(&self) -> String {
        if self.relaxed() {
            "Relaxed (no clock)".into()
        } else {
            format!("{} s", self.timer)
        }
    }
    pub fn text_scale(&self) -> f32 {
        TEXT_SIZES[self.text_size.min(TEXT_SIZES.len() - 1)].1
    }
    pub fn text_size_name(&self) -> &'static str {
        TEXT_SIZES[self.text_size.min(TEXT_SIZES.len() - 1)].0
    }
    /// Linear volume 0–1 (0 when muted).
    pub fn linear_volume(&self) -> f32 {
        if self.muted {
            0.0
        } else {
            self.volume.min(10) as f32 / 10.0
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreEntry {
    pub name: String,
    pub score: u64,
    pub correct: u32,
    pub answered: u32,
    pub difficulty: Difficulty,
}

/// High-score tables keyed by `"{pack}/{mode}"`.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HighScores {
    pub tables: BTreeMap<String, Vec<ScoreEntry>>,
}

impl HighScores {
    pub fn key(pack: &str, mode: &str) -> String {
        format!("{pack}/{mode}")
    }
    pub fn table(&self, key: &str) -> &[ScoreEntry] {
        self.tables.get(key).map_or(&[], |v| v.as_slice())
    }
    /// Would `score` enter the table?
    pub fn qualifies(&self, key: &str, score: u64) -> bool {
        let t = self.table(key);
        score > 0 && (t.len() < TABLE_LEN || t.last().is_some_and(|e| score > e.score))
    }
    /// Inserts and returns the rank (0-based), or `None` if it did not make the table.
    pub fn insert(&mut self, key: &str, entry: ScoreEntry) -> Option<usize> {
        let t = self.tables.entry(key.to_string()).or_default();
        let rank = t
            .iter()
            .position(|e| entry.score > e.score)
            .unwrap_or(t.len());
        if rank >= TABLE_LEN {
            return None;
        }
        t.insert(rank, entry);
        t.truncate(TABLE_LEN);
        Some(rank)
    }
}

/// What players did with each fact, saved after every answer.
#[derive(Resource, Debug, Clone, Default)]
pub struct PlayStats(pub PlayHistory);

impl PlayStats {
    /// Starts a game: its session puts off the facts of recent games and
    /// blends its estimates with the answers recorded.
    pub fn start_game(&mut self) -> Arc<PlayHistory> {
        self.0.start_game();
        Arc::new(self.0.clone())
    }
}

/// One player's answer to a question (solo, or each player in party play).
#[derive(Message, Debug, Clone)]
pub struct AnswerPlayed {
    pub question: Question,
    pub correct: bool,
}

/// Lines shown on the title screen (corrupt saves, pack errors).
#[derive(Resource, Debug, Clone, Default)]
pub struct Notices(pub Vec<String>);

/// Where saves go (`None`: not saved).
#[derive(Resource, Debug, Clone, Default)]
pub struct DataDir(pub Option<PathBuf>);

impl DataDir {
    fn file(&self, name: &str) -> Option<PathBuf> {
        self.0.as_ref().map(|d| d.join(name))
    }
}

/// The saves as read from the data folder, with a line for each damaged file.
pub struct Saves {
    pub settings: Settings,
    pub scores: HighScores,
    pub history: PlayHistory,
    pub notes: Vec<String>,
}

impl Saves {
    /// Reads the three save files (off the main thread: see `game::boot`);
    /// a damaged one is kept aside and its defaults used.
    pub fn load(data: &DataDir) -> Saves {
        let mut notes = Vec::new();
        Saves {
            settings: load(data, SETTINGS_FILE, "settings", &mut notes),
            scores: load(data, HIGH_SCORES_FILE, "high scores", &mut notes),
            history: load(data, HISTORY_FILE, "play history", &mut notes),
            notes,
        }
    }

    /// Puts them in play. Until then the defaults stand and nothing is
    /// written, so a slow start never saves defaults over a player's files.
    pub fn install(self, commands: &mut Commands, notices: &mut Notices) {
        notices.0.extend(self.notes);
        commands.insert_resource(self.settings);
        commands.insert_resource(self.scores);
        commands.insert_resource(PlayStats(self.history));
        commands.insert_resource(SavesLoaded);
    }
}

/// Present once the saves are read: the save systems wait for it.
#[derive(Resource, Debug, Default)]
pub struct SavesLoaded;

pub(super) fn plugin(app: &mut App) {
    let dir = app
        .world()
        .get_resource::<GameConfig>()
        .and_then(|c| c.data_dir.clone());
    app.init_resource::<Notices>()
        .init_resource::<Settings>()
        .init_resource::<HighScores>()
        .init_resource::<PlayStats>()
        .init_resource::<UnsavedSettings>()
        .insert_resource(DataDir(dir))
        .add_message::<AnswerPlayed>();
    app.add_systems(
        Last,
        (
            record_answers,
            save_settings,
            save_scores.run_if(resource_changed::<HighScores>),
            save_history.run_if(resource_changed::<PlayStats>),
        )
            .chain()
            .run_if(resource_exists::<SavesLoaded>),
    );
}

fn load<T: serde::de::DeserializeOwned + Default>(
    data: &DataDir,
    file: &str,
    what: &str,
    notes: &mut Vec<String>,
) -> T {
    let Some(path) = data.file(file) else {
        return T::default();
    };
    match load_ron::<T>(&path) {
        Loaded::Ok(v) | Loaded::Missing(v) => v,
        Loaded::Recovered(v, aside, reason) => {
            warn!(
                "{}: corrupt {what} ({reason}); kept aside as {}",
                path.display(),
                aside.display()
            );
            notes.push(format!(
                "Your {what} file was damaged, so defaults are used. The old file was kept as {}.",
                file_name(&aside)
            ));
            v
        }
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// How long settings must be still before they are written: an arrow held
/// on a slider changes them every frame, and each write is fsynced.
pub const SETTINGS_SETTLE: std::time::Duration = std::time::Duration::from_millis(500);

/// When the settings last changed without being written.
#[derive(Resource, Debug, Default)]
struct UnsavedSettings(Option<std::time::Duration>);

fn save_settings(
    settings: Res<Settings>,
    data: Res<DataDir>,
    time: Res<Time<Real>>,
    mut unsaved: ResMut<UnsavedSettings>,
    mut exits: MessageReader<AppExit>,
) {
    let now = time.elapsed();
    if settings.is_changed() && !settings.is_added() {
        unsaved.0 = Some(now);
    }
    let Some(since) = unsaved.0 else {
        return;
    };
    // Written once they have settled, or as the game closes.
    let closing = exits.read().count() > 0;
    if !closing && now.saturating_sub(since) < SETTINGS_SETTLE {
        return;
    }
    unsaved.0 = None;
    if let Some(path) = data.file(SETTINGS_FILE)
        && let Err(e) = save_ron(&path, &*settings)
    {
        warn!("could not save {}: {e}", path.display());
    }
}

fn record_answers(mut played: MessageReader<AnswerPlayed>, mut stats: ResMut<PlayStats>) {
    for a in played.read() {
        stats.0.record(&a.question, a.correct);
    }
}

fn save_history(stats: Res<PlayStats>, data: Res<DataDir>) {
    if stats.is_added() {
        return;
    }
    if let Some(path) = data.file(HISTORY_FILE)
        && let Err(e) = save_ron(&path, &stats.0)
    {
        warn!("could not save {}: {e}", path.display());
    }
}

fn save_scores(scores: Res<HighScores>, data: Res<DataDir>) {
    if scores.is_added() {
        return;
    }
    if let Some(path) = data.file(HIGH_SCORES_FILE)
        && let Err(e) = save_ron(&path, &*scores)
    {
        warn!("could not save {}: {e}", path.display());
    }
}

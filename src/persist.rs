//! Atomic file writes and corrupt-file recovery for saves and new packs.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never a torn mix: write a temporary file beside it, flush it to
/// disk, then rename it over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Moves a corrupt file aside as `NAME.corrupt-N` (first free N) and returns the new path.
pub fn keep_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1..10_000 {
        let target = dir.join(format!("{name}.corrupt-{n}"));
        if !target.exists() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
    }
    Err(std::io::Error::other("too many corrupt copies kept aside"))
}

/// The outcome of loading a RON save file.
#[derive(Debug)]
pub enum Loaded<T> {
    /// The file held valid data.
    Ok(T),
    /// No file yet: defaults.
    Missing(T),
    /// The file was corrupt: it was moved to the path given, and defaults are used.
    Recovered(T, PathBuf, String),
}

impl<T> Loaded<T> {
    pub fn into_value(self) -> T {
        match self {
            Loaded::Ok(v) | Loaded::Missing(v) | Loaded::Recovered(v, _, _) => v,
        }
    }
}

/// Loads a RON file, keeping a corrupt one aside and falling back to defaults.
pub fn load_ron<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Loaded<T> {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(_) => return Loaded::Missing(T::default()),
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|e| e.to_string())
        .and_then(|t| ron::from_str::<T>(t).map_err(|e| e.to_string()));
    match parsed {
        Ok(v) => Loaded::Ok(v),
        Err(reason) => match keep_aside(path) {
            Ok(aside) => Loaded::Recovered(T::default(), aside, reason),
            Err(_) => Loaded::Recovered(T::default(), path.to_path_buf(), reason),
        },
    }
}

/// Saves a value as pretty RON, atomically.
pub fn save_ron<T: serde::Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

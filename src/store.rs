//! The review log: the source of truth for every card's schedule.
//!
//! `<data dir>/reviews/` holds one JSON Lines file per device. Lines are only ever appended,
//! each in one `write` on a file opened with `O_APPEND`, under an advisory lock, and synced to
//! disk. Reading never fails on a bad line: it is reported with its `file:line` and skipped.
//! No log file is ever rewritten or truncated.

pub mod event;
pub mod history;

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use event::{Event, EventKind, NewEvent, NewKind, REVIEW_MODE};
pub use history::{Folded, History};

/// Environment variable that names this device's log file, instead of the host name.
pub const DEVICE_ENV: &str = "FLASHDECK_DEVICE";

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub path: PathBuf,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Everything read from the log folder.
#[derive(Debug, Default)]
pub struct Loaded {
    pub events: Vec<Event>,
    pub problems: Vec<LineProblem>,
}

/// The log folder, and this device's file in it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    device_file: PathBuf,
}

impl Store {
    /// The store under `data_dir`, writing to `reviews/<device>.jsonl`.
    #[must_use]
    pub fn new(data_dir: &Path, device: &str) -> Self {
        let dir = data_dir.join("reviews");
        let device_file = dir.join(format!("{}.jsonl", file_safe(device)));
        Self { dir, device_file }
    }

    /// This device's name: `$FLASHDECK_DEVICE`, else the host name.
    #[must_use]
    pub fn device_name() -> String {
        std::env::var(DEVICE_ENV)
            .ok()
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| gethostname::gethostname().to_string_lossy().into_owned())
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    #[must_use]
    pub fn device_file(&self) -> &Path {
        &self.device_file
    }

    /// Reads every `*.jsonl` file. A missing folder is an empty log.
    pub fn load(&self) -> io::Result<Loaded> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(error) => return Err(error),
        };
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|ext| ext == "jsonl") && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        let mut loaded = Loaded::default();
        for path in paths {
            let bytes = std::fs::read(&path)?;
            let (events, problems) = parse_file(&path, &bytes);
            loaded.events.extend(events);
            loaded.problems.extend(problems);
        }
        Ok(loaded)
    }

    /// Appends one event to this device's file: one `write` under an exclusive lock, then
    /// fsync. If the file ends in a torn line (a crash mid-write), the new line starts on a
    /// line of its own, so the fragment stays reported and the new event stays readable.
    pub fn append(&self, event: &NewEvent) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.device_file)?;
        file.lock()?;
        let result = append_locked(&mut file, event.to_line().as_bytes());
        // Closing the file releases the lock too; unlocking first just says so.
        let _ = file.unlock();
        result
    }
}

fn append_locked(file: &mut File, line: &[u8]) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(line.len() + 1);
    if file.metadata()?.len() > 0 {
        file.seek(SeekFrom::End(-1))?;
        let mut last = [0u8; 1];
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            buffer.push(b'\n');
        }
    }
    buffer.extend_from_slice(line);
    // O_APPEND puts the write at the end whatever the seek position.
    file.write_all(&buffer)?;
    file.sync_data()
}

/// Parses a file's lines in parallel; blank lines are skipped silently.
fn parse_file(path: &Path, bytes: &[u8]) -> (Vec<Event>, Vec<LineProblem>) {
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let results: Vec<(usize, Result<Event, String>)> = lines
        .par_iter()
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .map(|(index, line)| {
            let parsed = std::str::from_utf8(line)
                .map_err(|_| "not UTF-8".to_owned())
                .and_then(event::parse_line);
            (index + 1, parsed)
        })
        .collect();
    let mut events = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (line, result) in results {
        match result {
            Ok(event) => events.push(event),
            Err(message) => problems.push(LineProblem {
                path: path.to_path_buf(),
                line,
                message,
            }),
        }
    }
    (events, problems)
}

/// A device name as a file name: letters, digits, `-`, `_` and `.`.
fn file_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.trim_matches(['.', '_']).is_empty() {
        "device".to_owned()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests;

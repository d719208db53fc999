//! The review log: the source of truth for every card's schedule.
//!
//! `<data dir>/reviews/` holds one JSON Lines file per device. Lines are only ever appended,
//! each in one `write` on a file opened with `O_APPEND`, under an advisory lock, and synced to
//! disk. Reading never fails on a bad line: it is reported with its `file:line` and skipped.
//! No log file is ever rewritten or truncated.
//!
//! | file | owns |
//! |---|---|
//! | `store.rs` | the log folder: appending under a lock, what was appended since |
//! | `reading.rs` | reading the files in chunks, parsed on all cores; [`LogPosition`] |
//! | [`event`] | one line of the log: the wire format |
//! | [`history`] | the compact index: every event grouped by card, deck events, change tracking, relinks |
//! | [`replay`] | folding a card's events into its state and its answers |
//! | `snapshot.rs` | the replay snapshot, so that a start reads only what was appended since |
//! | `card_id.rs` | [`CardId`], the card ids the history and the states are keyed by |
//! | [`compact`] | compact serde forms for the snapshot |

mod card_id;
pub mod compact;
pub mod event;
pub mod history;
mod reading;
pub mod replay;
mod snapshot;

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The practice vocabulary lives in [`crate::practice`]; these names stay for its readers.
pub use crate::practice::{LearnLevel, Mode, Practice, Question};
pub use card_id::{CardId, deck_of};
pub use event::{Event, EventKind, NewEvent, NewKind, REVIEW_MODE};
pub use history::{Confused, DeckResult, Extension, History};
#[cfg(test)]
use reading::CHUNK;
use reading::read_all;
pub use reading::{Batch, LogPosition, ReadUpTo};
pub use replay::{Answer, Folded, PracticeAnswer, Traced, TracedAnswer, TracedKind};
#[cfg(test)]
pub(crate) use snapshot::folded_with_reviews;
pub use snapshot::{Events, LazyHistory, Opening, Replayed, ReplayedStates, Source, lend, ready};

/// Environment variable that names this device's log file, instead of the host name.
pub const DEVICE_ENV: &str = "FLASHDECK_DEVICE";

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

    /// Whether answers can be saved: the folder and this device's file open for appending
    /// (an empty file may be created; nothing is written).
    pub fn check_writable(&self) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        OpenOptions::new()
            .append(true)
            .create(true)
            .open(&self.device_file)
            .map(drop)
    }

    /// The whole log, replay-ready, and the lines that could not be read.
    pub fn history(&self) -> io::Result<(History, Vec<LineProblem>)> {
        let mut history = History::default();
        let problems = self.read_events(|batch| history.extend_read(batch))?;
        history.finish();
        Ok((history, problems))
    }

    /// Reads every `*.jsonl` file in chunks of whole lines, parses each chunk on all cores, and
    /// hands its events to `sink` before reading the next, so memory does not grow with the
    /// size of the log. Returns the lines that could not be read. A missing folder is an
    /// empty log.
    pub fn read_events(
        &self,
        mut sink: impl FnMut(Batch<'_>) + Send,
    ) -> io::Result<Vec<LineProblem>> {
        let mut problems = Vec::new();
        let mut position = LogPosition::default();
        read_all(&self.log_files()?, &mut position, &mut sink, &mut problems)?;
        Ok(problems)
    }

    /// Appends one event to this device's file: one `write` under an exclusive lock, then
    /// fsync. If the file ends in a torn line (a crash mid-write), the new line starts on a
    /// line of its own, so the fragment stays reported and the new event stays readable.
    pub fn append(&self, event: &NewEvent) -> io::Result<()> {
        self.append_all(std::slice::from_ref(event))
    }

    /// Appends events together, as [`Store::append`] does one: one write and one sync for all
    /// (a backlog plan moves hundreds of cards at once).
    pub fn append_all(&self, events: &[NewEvent]) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.device_file)?;
        file.lock()?;
        let lines: String = events.iter().map(NewEvent::to_line).collect();
        let result = append_locked(&mut file, lines.as_bytes());
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

impl Store {
    /// Whether anything was appended to the log since `position`.
    pub fn is_behind(&self, position: &LogPosition) -> io::Result<bool> {
        Ok(position.bytes_behind(&self.log_files()?)? > 0)
    }

    /// The events appended to the log since `position` (by this process or another), and
    /// the lines among them that could not be read; moves `position` on.
    pub fn read_since(
        &self,
        position: &mut LogPosition,
    ) -> io::Result<(Vec<Event<'static>>, Vec<LineProblem>)> {
        let files = self.log_files()?;
        let mut events = Vec::new();
        let mut problems = Vec::new();
        if position.bytes_behind(&files)? > 0 {
            let sink = &mut |batch: Batch<'_>| {
                events.extend(batch.into_events().map(Event::into_owned));
            };
            read_all(&files, position, sink, &mut problems)?;
        }
        Ok((events, problems))
    }

    /// Every `*.jsonl` file in the log folder, sorted; none when the folder is missing.
    fn log_files(&self) -> io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
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
        Ok(paths)
    }
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

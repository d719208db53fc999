//! The review log: the source of truth for every card's schedule.
//!
//! `<data dir>/reviews/` holds one JSON Lines file per device. Lines are only ever appended,
//! each in one `write` on a file opened with `O_APPEND`, under an advisory lock, and synced to
//! disk. Reading never fails on a bad line: it is reported with its `file:line` and skipped.
//! No log file is ever rewritten or truncated.
//!
//! | file | owns |
//! |---|---|
//! | `store.rs` | the log folder: appending under a lock, reading in chunks, [`LogPosition`] |
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
pub mod replay;
mod snapshot;

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::iter::Either;
use rayon::prelude::*;

/// The practice vocabulary lives in [`crate::practice`]; these names stay for its readers.
pub use crate::practice::{LearnLevel, Mode, Practice, Question};
pub use card_id::{CardId, deck_of};
pub use event::{Event, EventKind, NewEvent, NewKind, REVIEW_MODE};
pub use history::{Confused, DeckResult, Extension, History};
pub use replay::{Answer, Folded, PracticeAnswer, Traced, TracedAnswer, TracedKind};
pub use snapshot::{Events, LazyHistory, Opening, Replayed, Source, ready};

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
        let problems = self.read_events(|events| history.extend(events))?;
        history.finish();
        Ok((history, problems))
    }

    /// Reads every `*.jsonl` file in chunks of whole lines, parses each chunk on all cores, and
    /// hands its events to `sink` before reading the next, so memory does not grow with the
    /// size of the log. Returns the lines that could not be read. A missing folder is an
    /// empty log.
    pub fn read_events(
        &self,
        mut sink: impl FnMut(Vec<Event<'_>>) + Send,
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

/// Bytes read at a time: large enough to keep both cores busy, small next to the log.
const CHUNK: usize = 4 << 20;

/// How far a log file was read: the bytes and lines up to its last newline. A torn last line
/// after them is read (and reported) but not counted, as a later append will finish it off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadUpTo {
    pub bytes: u64,
    pub lines: usize,
}

/// Reads one file chunk by chunk from `from` (the start of a line); a line cut by a chunk's end
/// is finished in the next.
fn read_file(
    path: &Path,
    from: ReadUpTo,
    sink: &mut (impl FnMut(Vec<Event<'_>>) + Send),
    problems: &mut Vec<LineProblem>,
) -> io::Result<ReadUpTo> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(from.bytes))?;
    let mut buffer = Vec::with_capacity(CHUNK);
    let mut done = from;
    loop {
        let start = buffer.len();
        buffer.resize(start + CHUNK, 0);
        let read = file.read(&mut buffer[start..])?;
        buffer.truncate(start + read);
        // At the end of the file the rest is a last line, even without its newline. A torn
        // last line (a crash mid-append) is skipped here: `parse_chunk` reports it as a problem,
        // and `done` does not cover it, so the next read tries it again.
        let complete = if read == 0 {
            buffer.len()
        } else {
            match buffer.iter().rposition(|&b| b == b'\n') {
                Some(newline) => newline + 1,
                None => continue,
            }
        };
        let lines = parse_pipelined(path, &buffer[..complete], done.lines, sink, problems);
        if buffer[..complete].last() == Some(&b'\n') {
            done.bytes += complete as u64;
            done.lines += lines;
        }
        buffer.drain(..complete);
        if read == 0 {
            return Ok(done);
        }
    }
}

/// Bytes parsed while the piece before is handed to the sink: a few pieces a chunk.
const PIECE: usize = 1 << 20;

/// Parses a chunk of whole lines a piece at a time, handing each piece's events to `sink`
/// while the next piece parses, so that the sink's one thread does not leave the other cores
/// idle; the pieces reach `sink` in order. Returns how many lines there were.
fn parse_pipelined<'a>(
    path: &Path,
    bytes: &'a [u8],
    lines_before: usize,
    sink: &mut (impl FnMut(Vec<Event<'a>>) + Send),
    problems: &mut Vec<LineProblem>,
) -> usize {
    let mut lines = 0;
    let mut pending: Option<Vec<Event<'a>>> = None;
    let mut rest = bytes;
    while !rest.is_empty() || pending.is_some() {
        let cut = match rest.get(PIECE..) {
            Some(after) => memchr::memchr(b'\n', after).map_or(rest.len(), |at| PIECE + at + 1),
            None => rest.len(),
        };
        let (piece, after) = rest.split_at(cut);
        rest = after;
        let handed = pending.take();
        let (parsed, ()) = rayon::join(
            || (!piece.is_empty()).then(|| parse_chunk(path, piece, lines_before + lines)),
            || handed.map_or((), &mut *sink),
        );
        if let Some((events, piece_problems, count)) = parsed {
            problems.extend(piece_problems);
            lines += count;
            pending = Some(events);
        }
    }
    lines
}

/// Parses a chunk of whole lines in parallel, straight into events and problems; blank lines
/// are skipped silently. `lines_before` numbers the lines; returns how many there were.
fn parse_chunk<'a>(
    path: &Path,
    bytes: &'a [u8],
    lines_before: usize,
) -> (Vec<Event<'a>>, Vec<LineProblem>, usize) {
    // memchr finds the newlines a word at a time; `split` tested every byte (a quarter of a
    // cold start's log parse).
    let mut lines = Vec::with_capacity(bytes.len() / 100);
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', bytes) {
        lines.push(&bytes[start..newline]);
        start = newline + 1;
    }
    // A chunk not ending in a newline ends in a last line without one.
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    let count = lines.len();
    let (events, problems) = lines
        .par_iter()
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .partition_map(|(index, line)| {
            let parsed = std::str::from_utf8(line)
                .map_err(|_| "not UTF-8".to_owned())
                .and_then(event::parse_line);
            match parsed {
                Ok(event) => Either::Left(event),
                Err(message) => Either::Right(LineProblem {
                    path: path.to_path_buf(),
                    line: lines_before + index + 1,
                    message,
                }),
            }
        });
    (events, problems, count)
}

/// Where reading the log got to in each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogPosition(Vec<(PathBuf, ReadUpTo)>);

impl LogPosition {
    fn at(&self, path: &Path) -> ReadUpTo {
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, up_to)| *up_to)
            .unwrap_or_default()
    }

    fn set(&mut self, path: &Path, up_to: ReadUpTo) {
        match self.0.iter_mut().find(|(p, _)| p == path) {
            Some(entry) => entry.1 = up_to,
            None => self.0.push((path.to_path_buf(), up_to)),
        }
    }

    /// Bytes in `files` past this position (a file shorter than it counts nothing).
    fn bytes_behind(&self, files: &[PathBuf]) -> io::Result<u64> {
        let mut behind = 0;
        for path in files {
            let length = std::fs::metadata(path)?.len();
            behind += length.saturating_sub(self.at(path).bytes);
        }
        Ok(behind)
    }
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
            let sink = &mut |batch: Vec<Event<'_>>| {
                events.extend(batch.into_iter().map(Event::into_owned));
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

/// Reads every file from `position` on, handing the events to `sink` a chunk at a time and
/// moving `position`; returns the lines read.
fn read_all(
    files: &[PathBuf],
    position: &mut LogPosition,
    sink: &mut (impl FnMut(Vec<Event<'_>>) + Send),
    problems: &mut Vec<LineProblem>,
) -> io::Result<usize> {
    let mut lines = 0;
    for path in files {
        let from = position.at(path);
        let up_to = read_file(path, from, sink, problems)?;
        lines += up_to.lines.saturating_sub(from.lines);
        position.set(path, up_to);
    }
    Ok(lines)
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

//! The replay snapshot: the replayed log saved whole, so that a start reads only what was
//! appended since instead of a million lines.
//!
//! `<data dir>/cache/replay.bin` is derived data. The log stays the only source of truth: the
//! snapshot remembers, for each log file, how many bytes it covered and hashes of their first
//! and last 64 KiB. A log file that no longer starts with those bytes, a file gone, other
//! settings or another flashdeck version make the snapshot unusable, and the log is replayed
//! in full. A damaged snapshot is rebuilt; a file there that flashdeck did not write is left
//! alone.
//!
//! The file holds a small front part (every card's state) and the events behind it. When
//! nothing was appended since, a start needs only the front part; the events are read on
//! another thread and waited for only when something needs them (an answer, statistics).

use std::cell::LazyCell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::{Event, Folded, History, LineProblem, ReadUpTo, Store, read_file};
use crate::atomic_write::{self, Existing};
use crate::scheduler::{Day, Scheduler};

/// The history, maybe still being read on another thread; using it waits for it.
pub type LazyHistory = LazyCell<History, Box<dyn FnOnce() -> History + Send>>;

const MAGIC: &[u8] = b"flashdeck replay cache\n";
/// The last bytes: a cut file is found before its front part is relied on.
const END: &[u8] = b"\nend of flashdeck replay cache\n";
/// Bumped whenever what is stored changes shape (the crate version alone does not, between
/// releases). 5: `Mode` gained `Review` and `Cram`, `Question` gained `Flashcard`.
const FORMAT: u32 = 5;
/// Bytes hashed at each end of a covered stretch of log.
const HASHED: u64 = 64 << 10;
/// Appended bytes worth a look for events before deciding the events are needed at once.
const PEEK: u64 = 64 << 10;

/// The log replayed: events, every card's state, and the lines that could not be read.
pub struct Replayed {
    pub history: LazyHistory,
    /// Every card with events, by id.
    pub states: Vec<(Box<str>, Folded)>,
    /// Whether the log has any event at all.
    pub has_events: bool,
    /// Exam dates set in the log, by deck id (`None`: cleared there).
    pub exams: Vec<(Box<str>, Option<Day>)>,
    pub problems: Vec<LineProblem>,
    pub source: Source,
    /// How far the log was read, for [`Store::read_since`] and [`Store::write_snapshot`].
    pub position: LogPosition,
    /// With [`Events::Background`]: sending on it starts reading the events (forcing the
    /// history does too).
    pub start_reading: Option<Sender<()>>,
}

/// When a snapshot's events are read, if the states alone can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Events {
    /// On another thread, once told to start (the TUI: after the first frame, so that the
    /// first answer does not wait).
    Background,
    /// When something first needs them (commands, which mostly never do).
    OnDemand,
}

impl Replayed {
    /// A replay whose history is at hand, with `states` in the order of its cards.
    #[must_use]
    pub fn of(
        history: History,
        states: Vec<Folded>,
        source: Source,
        problems: Vec<LineProblem>,
        position: LogPosition,
    ) -> Self {
        Self {
            states: history
                .cards()
                .map(|(c, _)| Box::from(c))
                .zip(states)
                .collect(),
            has_events: !history.is_empty(),
            exams: history.exams(),
            history: ready(history),
            problems,
            source,
            position,
            start_reading: None,
        }
    }
}

/// How the replay was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The whole log, with no usable snapshot.
    Full,
    /// The snapshot, and the lines appended after it.
    Snapshot {
        lines_after: usize,
        /// The events are being read on another thread.
        deferred: bool,
    },
}

impl Source {
    /// Whether a new snapshot would save work next time.
    #[must_use]
    pub fn is_stale(self) -> bool {
        !matches!(self, Self::Snapshot { lines_after: 0, .. })
    }
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

/// One log file as the snapshot covered it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Mark {
    name: String,
    bytes: u64,
    lines: usize,
    head: u64,
    tail: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    settings: u64,
    /// The day the states' daily tallies are for.
    day: Day,
    files: Vec<Mark>,
}

/// The part a start needs: states, in the order of the history's cards.
#[derive(Debug, Serialize, Deserialize)]
struct Front {
    cards: Vec<Box<str>>,
    states: Vec<Folded>,
    /// The day of each card's last event, to know which tallies a new day changes.
    last_days: Vec<Day>,
    has_events: bool,
    exams: Vec<(Box<str>, Option<Day>)>,
    problems: Vec<LineProblem>,
}

/// A usable snapshot, opened, with its events not yet read.
struct Opened {
    header: Header,
    front: Front,
    /// At the start of the events.
    file: File,
}

impl Store {
    /// The snapshot's path.
    #[must_use]
    pub fn cache_file(&self) -> PathBuf {
        let data_dir = self.dir.parent().unwrap_or(&self.dir);
        data_dir.join("cache").join("replay.bin")
    }

    /// The whole log replayed on `day`: from the snapshot and what was appended since when the
    /// snapshot is usable, else from the start. Never writes; see [`Store::write_snapshot`].
    pub fn replay(&self, scheduler: &Scheduler, day: Day, events: Events) -> io::Result<Replayed> {
        let files = self.log_files()?;
        let opened = self.open_snapshot(settings_hash(scheduler));
        let Some((opened, mut position)) =
            opened.and_then(|o| start_points(&self.dir, &files, &o.header.files).map(|p| (o, p)))
        else {
            return Self::replay_full(&files, scheduler, day);
        };
        let Opened {
            header,
            front,
            file,
        } = opened;
        let mut problems = front.problems;
        let new_day = day != header.day;
        let day_is_simple = !new_day || front.last_days.iter().all(|&last| last < day);
        // Without events appended, the states stand (with a new day's tallies cleared).
        if day_is_simple && position.bytes_behind(&files)? <= PEEK {
            let mut peek = History::default();
            let mut peek_position = position.clone();
            let mut peek_problems = Vec::new();
            let lines = read_all(
                &files,
                &mut peek_position,
                &mut |events| peek.extend(events),
                &mut peek_problems,
            )?;
            if peek.is_empty() {
                let (history, start_reading) = self.history_later(file, events);
                problems.extend(peek_problems);
                let mut states: Vec<(Box<str>, Folded)> =
                    front.cards.into_iter().zip(front.states).collect();
                if new_day {
                    for (_, folded) in &mut states {
                        folded.clear_day();
                    }
                }
                return Ok(Replayed {
                    history,
                    start_reading,
                    states,
                    has_events: front.has_events,
                    exams: front.exams,
                    problems,
                    source: Source::Snapshot {
                        lines_after: lines,
                        deferred: true,
                    },
                    position: peek_position,
                });
            }
        }
        let Some(mut history) = read_history(file) else {
            return Self::replay_full(&files, scheduler, day);
        };
        history.track_changes();
        let lines_after = read_all(
            &files,
            &mut position,
            &mut |events| history.extend(events),
            &mut problems,
        )?;
        history.finish();
        let changed = history.take_changes();
        let states = history.refold(scheduler, day, front.states, header.day, &changed);
        Ok(Replayed::of(
            history,
            states,
            Source::Snapshot {
                lines_after,
                deferred: false,
            },
            problems,
            position,
        ))
    }

    fn replay_full(files: &[PathBuf], scheduler: &Scheduler, day: Day) -> io::Result<Replayed> {
        let mut history = History::default();
        let mut position = LogPosition::default();
        let mut problems = Vec::new();
        read_all(
            files,
            &mut position,
            &mut |events| history.extend(events),
            &mut problems,
        )?;
        history.finish();
        let states = history.fold_each(scheduler, day);
        Ok(Replayed::of(
            history,
            states,
            Source::Full,
            problems,
            position,
        ))
    }

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

    /// Saves the replay as the snapshot: `states` in the order of the history's cards, read up
    /// to `position`, with tallies for `day`. A file there that is not a snapshot is kept.
    pub fn write_snapshot(
        &self,
        scheduler: &Scheduler,
        day: Day,
        history: &History,
        states: Vec<Folded>,
        position: &LogPosition,
        problems: &[LineProblem],
    ) -> io::Result<()> {
        let path = self.cache_file();
        if let Ok(mut existing) = File::open(&path) {
            let mut start = vec![0; MAGIC.len()];
            if existing.read_exact(&mut start).is_err() || start != MAGIC {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} is not a flashdeck snapshot; left alone", path.display()),
                ));
            }
        }
        let mut files = Vec::with_capacity(position.0.len());
        for (path, up_to) in &position.0 {
            let (head, tail) = end_hashes(path, up_to.bytes)?;
            files.push(Mark {
                name: path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into(),
                bytes: up_to.bytes,
                lines: up_to.lines,
                head,
                tail,
            });
        }
        let header = Header {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            settings: settings_hash(scheduler),
            day,
            files,
        };
        let front = Front {
            cards: history.cards().map(|(card, _)| Box::from(card)).collect(),
            states,
            last_days: history.last_days(&scheduler.calendar()),
            has_events: !history.is_empty(),
            exams: history.exams(),
            problems: covered_problems(problems, position),
        };
        let mut start = MAGIC.to_vec();
        append_framed(&mut start, &header)?;
        append_framed(&mut start, &front)?;
        // The events go straight to the file: they are most of it.
        atomic_write::write_with(&path, Existing::Replace, |out| {
            out.write_all(&start)?;
            postcard::to_io(history, &mut *out).map_err(io::Error::other)?;
            out.write_all(END)
        })
    }

    /// Every `*.jsonl` file in the log folder, sorted; none when the folder is missing.
    pub(super) fn log_files(&self) -> io::Result<Vec<PathBuf>> {
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

    /// Whether a snapshot made by this version under these settings is there (its log files
    /// are not checked): a start that will not replay the whole log.
    #[must_use]
    pub fn has_snapshot_for(&self, scheduler: &Scheduler) -> bool {
        self.snapshot_header(settings_hash(scheduler)).is_some()
    }

    /// The snapshot's header, if it is ours and made by this version under `settings`, with
    /// the file right after it.
    fn snapshot_header(&self, settings: u64) -> Option<(Header, File)> {
        let mut file = File::open(self.cache_file()).ok()?;
        let mut magic = vec![0; MAGIC.len()];
        file.read_exact(&mut magic).ok()?;
        if magic != MAGIC {
            return None;
        }
        let header: Header = read_framed(&mut file)?;
        let current = header.format == FORMAT
            && header.version == env!("CARGO_PKG_VERSION")
            && header.settings == settings;
        current.then_some((header, file))
    }

    /// The snapshot, if it is ours, whole so far, and made by this version under `settings`.
    fn open_snapshot(&self, settings: u64) -> Option<Opened> {
        let (header, mut file) = self.snapshot_header(settings)?;
        let front: Front = read_framed(&mut file)?;
        let count = front.cards.len();
        let end = file.metadata().ok()?.len().checked_sub(END.len() as u64)?;
        let events_at = file.stream_position().ok()?;
        let mut last = vec![0; END.len()];
        file.seek(SeekFrom::Start(end)).ok()?;
        file.read_exact(&mut last).ok()?;
        file.seek(SeekFrom::Start(events_at)).ok()?;
        let whole = last == END
            && events_at <= end
            && front.states.len() == count
            && front.last_days.len() == count;
        whole.then_some(Opened {
            header,
            front,
            file,
        })
    }

    /// The snapshot's events, read as `events` says; if they cannot be read, the whole log
    /// is read instead when they are needed.
    fn history_later(&self, file: File, events: Events) -> (LazyHistory, Option<Sender<()>>) {
        let (read, start): (Box<dyn FnOnce() -> Option<History> + Send>, _) = match events {
            Events::Background => {
                let (start, started) = mpsc::channel::<()>();
                // Waits for the go (or for every sender to be gone) so that it does not slow
                // down the first frame.
                let reading = std::thread::spawn(move || {
                    let _ = started.recv();
                    read_history(file)
                });
                let go = start.clone();
                let read = Box::new(move || {
                    let _ = go.send(());
                    reading.join().ok().flatten()
                });
                (read, Some(start))
            }
            Events::OnDemand => (Box::new(move || read_history(file)), None),
        };
        let store = self.clone();
        let history = LazyCell::new(Box::new(move || match read() {
            Some(history) => history,
            // The states came from the same file, so this is near impossible; the log itself
            // is the fallback, and an unreadable log was already readable a moment ago.
            _ => store
                .history()
                .map(|(history, _)| history)
                .unwrap_or_default(),
        }) as Box<dyn FnOnce() -> History + Send>);
        (history, start)
    }
}

/// The problems in lines the snapshot covers, once each. A torn last line is read again
/// next time, and reported then.
fn covered_problems(problems: &[LineProblem], position: &LogPosition) -> Vec<LineProblem> {
    let mut covered: Vec<LineProblem> = problems
        .iter()
        .filter(|p| p.line <= position.at(&p.path).lines)
        .cloned()
        .collect();
    covered.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    covered.dedup_by(|a, b| a.path == b.path && a.line == b.line);
    covered
}

/// A history that is already there.
#[must_use]
pub fn ready(history: History) -> LazyHistory {
    LazyCell::new(Box::new(move || history))
}

/// Reads every file from `position` on, handing the events to `sink` a chunk at a time and
/// moving `position`; returns the lines read.
pub(super) fn read_all(
    files: &[PathBuf],
    position: &mut LogPosition,
    sink: &mut impl FnMut(Vec<Event<'_>>),
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

fn read_history(mut file: File) -> Option<History> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    // Written finished: every card's events in order.
    postcard::from_bytes(bytes.strip_suffix(END)?).ok()
}

/// Appends a value with its length in front, so that it can be read alone.
fn append_framed<T: Serialize>(bytes: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let encoded = postcard::to_stdvec(value).map_err(io::Error::other)?;
    bytes.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&encoded);
    Ok(())
}

fn read_framed<T: for<'de> Deserialize<'de>>(file: &mut File) -> Option<T> {
    let mut length = [0; 8];
    file.read_exact(&mut length).ok()?;
    let length = usize::try_from(u64::from_le_bytes(length)).ok()?;
    let mut bytes = Vec::new();
    file.by_ref()
        .take(length as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() != length {
        return None;
    }
    postcard::from_bytes(&bytes).ok()
}

/// Where to go on reading each file, if every file the snapshot covered still starts with the
/// same bytes; files it never saw start from the beginning.
fn start_points(dir: &Path, files: &[PathBuf], marks: &[Mark]) -> Option<LogPosition> {
    let mut position = LogPosition::default();
    for mark in marks {
        let path = dir.join(&mark.name);
        if !files.contains(&path) {
            return None;
        }
        let length = std::fs::metadata(&path).ok()?.len();
        if length < mark.bytes || end_hashes(&path, mark.bytes).ok()? != (mark.head, mark.tail) {
            return None;
        }
        position.set(
            &path,
            ReadUpTo {
                bytes: mark.bytes,
                lines: mark.lines,
            },
        );
    }
    Some(position)
}

/// Hashes of the first and the last 64 KiB of a file's first `length` bytes.
fn end_hashes(path: &Path, length: u64) -> io::Result<(u64, u64)> {
    let mut file = File::open(path)?;
    let span = length.min(HASHED);
    let mut hash_at = |start: u64| -> io::Result<u64> {
        let mut buffer = vec![0; usize::try_from(span).map_err(io::Error::other)?];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut buffer)?;
        Ok(xxh3_64(&buffer))
    };
    Ok((hash_at(0)?, hash_at(length - span)?))
}

/// Settings that change how the log replays; a snapshot made under others is not used.
fn settings_hash(scheduler: &Scheduler) -> u64 {
    xxh3_64(format!("{:?}", scheduler.settings()).as_bytes())
}

#[cfg(test)]
mod tests;

//! Reading the log: each file in chunks of whole lines, each chunk's lines parsed on all
//! cores a piece at a time while the piece before goes to the sink, and how far each file
//! was read ([`LogPosition`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};

use rayon::prelude::*;

use super::event::{self, Answer};
use super::{Event, LineProblem};

/// Bytes read at a time: large enough to keep both cores busy, small next to the log.
pub(super) const CHUNK: usize = 4 << 20;

/// How far a log file was read: the bytes and lines up to its last newline. A torn last line
/// after them is read (and reported) but not counted, as a later append will finish it off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadUpTo {
    pub bytes: u64,
    pub lines: usize,
    /// A torn last line after them was read into an event too (one cut short is only
    /// reported): what was replayed goes past `bytes`, so no snapshot may say it covers up to
    /// them ([`LogPosition::is_torn`]).
    pub torn: bool,
}

/// Reads one file chunk by chunk from `from` (the start of a line), each chunk parsed while
/// the next is read on another thread: reading a 1.5 GB log into memory took a tenth of a
/// second, with one core idle, when it came between the parses.
fn read_file(
    path: &Path,
    from: ReadUpTo,
    sink: &mut (impl FnMut(Batch<'_>) + Send),
    problems: &mut Vec<LineProblem>,
) -> io::Result<ReadUpTo> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(from.bytes))?;
    let mut done = ReadUpTo {
        torn: false,
        ..from
    };
    std::thread::scope(|scope| {
        // One chunk read ahead; each parsed chunk's buffer goes back to be read into again.
        let (chunks, read) = mpsc::sync_channel(0);
        let (spent, empty) = mpsc::channel();
        scope.spawn(move || read_chunks(file, &chunks, &empty));
        // On one of rayon's threads, so that each piece's `rayon::join` starts there instead
        // of being sent to the pool and waited for: from the main thread those hand-offs
        // cost a third of the time the pieces took (docs/performance.md, "The pieces joined
        // on the pool").
        rayon::scope(|_| {
            for chunk in read {
                let chunk: Vec<u8> = chunk?;
                let (lines, last_read) = parse_pipelined(path, &chunk, done.lines, sink, problems);
                // A torn last line (a crash mid-append) is parsed (and reported), but `done`
                // does not cover it, so the next read tries it again.
                if chunk.last() == Some(&b'\n') {
                    done.bytes += chunk.len() as u64;
                    done.lines += lines;
                } else {
                    done.torn = last_read;
                }
                // The reader may have finished already, with no more use for it.
                let _ = spent.send(chunk);
            }
            Ok(done)
        })
    })
}

/// Reads `file` to its end in chunks of whole lines, sent to `chunks`; a line cut by a
/// chunk's end is finished in the next, and the last line is sent even without its newline.
/// Buffers come back from `empty` to be reused. Stops early when nobody receives.
fn read_chunks(
    mut file: File,
    chunks: &mpsc::SyncSender<io::Result<Vec<u8>>>,
    empty: &mpsc::Receiver<Vec<u8>>,
) {
    let mut buffer = Vec::with_capacity(CHUNK);
    loop {
        // Read into the spare capacity: zeroing it first cost as much as finding the lines.
        let read = match (&mut file).take(CHUNK as u64).read_to_end(&mut buffer) {
            Ok(read) => read,
            Err(error) => {
                let _ = chunks.send(Err(error));
                return;
            }
        };
        if read == 0 {
            if !buffer.is_empty() {
                let _ = chunks.send(Ok(buffer));
            }
            return;
        }
        // Without a newline yet, the line goes on in the same buffer.
        if let Some(newline) = memchr::memrchr(b'\n', &buffer) {
            let mut next = empty
                .try_recv()
                .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
            next.clear();
            next.extend_from_slice(&buffer[newline + 1..]);
            buffer.truncate(newline + 1);
            if chunks.send(Ok(buffer)).is_err() {
                return;
            }
            buffer = next;
        }
    }
}

/// Bytes parsed while the piece before is handed to the sink: a few pieces a chunk.
const PIECE: usize = 1 << 20;

/// Parses a chunk of whole lines a piece at a time, handing each piece's events to `sink`
/// while the next piece parses, so that the sink's one thread does not leave the other cores
/// idle; the pieces reach `sink` in order. Returns how many lines there were, and whether the
/// last was read into an event.
fn parse_pipelined<'a>(
    path: &Path,
    bytes: &'a [u8],
    lines_before: usize,
    sink: &mut (impl FnMut(Batch<'a>) + Send),
    problems: &mut Vec<LineProblem>,
) -> (usize, bool) {
    let mut lines = 0;
    let mut last_read = false;
    let mut pending: Option<Batch<'a>> = None;
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
            last_read = events.0.last().is_some_and(Option::is_some);
            pending = Some(events);
        }
    }
    (lines, last_read)
}

/// UTF-8's byte order mark, U+FEFF.
const BYTE_ORDER_MARK: &[u8] = b"\xef\xbb\xbf";

/// Parses a chunk of whole lines in parallel, straight into events and problems; blank lines
/// are skipped silently. `lines_before` numbers the lines; returns how many there were.
fn parse_chunk<'a>(
    path: &Path,
    bytes: &'a [u8],
    lines_before: usize,
) -> (Batch<'a>, Vec<LineProblem>, usize) {
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
    // Problems are rare; events go straight to their place in one vector (a partition copied
    // every event once more).
    let problems = Mutex::new(Vec::new());
    let events = lines
        .par_iter()
        .enumerate()
        .map(|(index, line)| {
            // A file's first line may start with a byte order mark (Windows editors write
            // one); JSON has no use for it.
            let line = match line.strip_prefix(BYTE_ORDER_MARK) {
                Some(after) if lines_before + index == 0 => after,
                _ => line,
            };
            if let Some(answer) = event::parse_answer(line) {
                return Some(Parsed::Answer(answer));
            }
            if line.trim_ascii().is_empty() {
                return None;
            }
            let parsed = std::str::from_utf8(line)
                .map_err(|_| "not UTF-8".to_owned())
                .and_then(event::parse_line);
            parsed
                .map_err(|message| {
                    let problem = LineProblem {
                        path: path.to_path_buf(),
                        line: lines_before + index + 1,
                        message,
                    };
                    lock(&problems).push(problem);
                })
                .map(Parsed::Event)
                .ok()
        })
        .collect();
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    problems.sort_by_key(|problem| problem.line);
    (Batch(events), problems, count)
}

/// The lock, even if a thread panicked holding it (a push cannot leave the vector half done).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A piece of the log's events, in line order; a blank or unreadable line leaves a gap.
#[derive(Debug, Default)]
pub struct Batch<'a>(Vec<Option<Parsed<'a>>>);

/// One line's event: a review-mode answer as flashdeck writes it, read by the fast path
/// ([`event::parse_answer`]), or any other event.
#[derive(Debug)]
pub(super) enum Parsed<'a> {
    Answer(Answer<'a>),
    Event(Event<'a>),
}

impl<'a> Batch<'a> {
    /// The events' keys (their identities), in line order.
    pub fn keys(&self) -> impl Iterator<Item = u64> {
        self.0.iter().flatten().map(|parsed| match parsed {
            Parsed::Answer(answer) => answer.key(),
            Parsed::Event(event) => event.key,
        })
    }

    /// The events, every answer as [`event::parse_line`] reads it, in line order.
    pub fn into_events(self) -> impl Iterator<Item = Event<'a>> {
        self.into_parsed().map(|parsed| match parsed {
            Parsed::Answer(answer) => answer.into_event(),
            Parsed::Event(event) => event,
        })
    }

    /// The lines' events as they were read, in line order.
    pub(super) fn into_parsed(self) -> impl Iterator<Item = Parsed<'a>> {
        self.0.into_iter().flatten()
    }
}

/// Where reading the log got to in each file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogPosition(pub(super) Vec<(PathBuf, ReadUpTo)>);

impl LogPosition {
    pub(super) fn at(&self, path: &Path) -> ReadUpTo {
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, up_to)| *up_to)
            .unwrap_or_default()
    }

    /// Some file ended in a torn line that was read with the rest ([`ReadUpTo::torn`]).
    pub(super) fn is_torn(&self) -> bool {
        self.0.iter().any(|(_, up_to)| up_to.torn)
    }

    pub(super) fn set(&mut self, path: &Path, up_to: ReadUpTo) {
        match self.0.iter_mut().find(|(p, _)| p == path) {
            Some(entry) => entry.1 = up_to,
            None => self.0.push((path.to_path_buf(), up_to)),
        }
    }

    /// Bytes in `files` past this position (a file shorter than it counts nothing).
    pub(super) fn bytes_behind(&self, files: &[PathBuf]) -> io::Result<u64> {
        let mut behind = 0;
        for path in files {
            let length = std::fs::metadata(path)?.len();
            behind += length.saturating_sub(self.at(path).bytes);
        }
        Ok(behind)
    }
}

/// Reads every file from `position` on, handing the events to `sink` a chunk at a time and
/// moving `position`; returns the lines read.
pub(super) fn read_all(
    files: &[PathBuf],
    position: &mut LogPosition,
    sink: &mut (impl FnMut(Batch<'_>) + Send),
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

//! The snapshot file: its layout, and checking that it still fits the log.
//!
//! `MAGIC`, a framed [`Header`] (format, version, settings, the day, and a [`Mark`] per log
//! file covered), a framed [`Front`] (every card's state), then the history's events and
//! their digest, then `END`. Frames are postcard with their length in front and their digest
//! (XXH3-64, 8 bytes) behind: a byte changed anywhere is found before it is relied on, and
//! the snapshot is not used (the front), or the events are read from the log (the events).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::atomic_write::{self, Existing};
use crate::digest;
use crate::scheduler::{Day, Scheduler, Schedulers};
use crate::store::{Extension, Folded, History, LineProblem, LogPosition, ReadUpTo, Store};

mod streamed;

use streamed::{Streamed, write_digested, write_framed};

const MAGIC: &[u8] = b"flashdeck replay cache\n";
/// The last bytes: a cut file is found before its front part is relied on.
const END: &[u8] = b"\nend of flashdeck replay cache\n";
/// Bumped whenever what is stored changes shape (the crate version alone does not, between
/// releases). 5: `Mode` gained `Review` and `Cram`, `Question` gained `Flashcard`. 6: events
/// gained `unbury`, `set_due` and `relink`. 7: a settings check per preset, and each card's.
/// 8: a review's recorded `due` day. 9: `extend_limits` events, and the front's extensions;
/// a card's last unbury of the day. 10: the day's answers from the day-learning queue. 11:
/// events the app wrote hold the log's milliseconds (older ones could hold an answer twice).
/// 12: the history keeps the `chosen` card of wrong practice answers. 13: an entry's time as
/// nanoseconds and an offset in minutes, postponements' plans beside the entries. 14: each
/// card's entries as one byte string (`history/entry/per_card.rs`). 15: a digest behind each
/// section. 16: no snapshot over a torn last line read into an event, and a byte order mark
/// starting a log file skipped: one written before may hold states the log no longer gives.
const FORMAT: u32 = 16;
/// Bytes hashed at each end of a covered stretch of log.
const HASHED: u64 = 64 << 10;

/// One log file as the snapshot covered it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Mark {
    pub(super) name: String,
    pub(super) bytes: u64,
    pub(super) lines: usize,
    pub(super) head: u64,
    pub(super) tail: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Header {
    pub(super) format: u32,
    pub(super) version: String,
    /// [`collection_hash`]: what every card's replay depends on.
    pub(super) collection: u64,
    /// [`replay_hash`] of each scheduler the states were folded by, in the order of
    /// [`Schedulers::all`] then.
    pub(super) schedulers: Vec<u64>,
    /// The day the states' daily tallies are for.
    pub(super) day: Day,
    pub(super) files: Vec<Mark>,
}

/// The part a start needs: states, in the order of the history's cards. Read as the
/// `Vec`s; written from [`Streamed`] iterators, which postcard encodes the same, so that
/// 55,000 cards' ids and states are not copied into vectors only to be written.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Front<Cards = Vec<Box<str>>, States = Vec<Folded>> {
    pub(super) cards: Cards,
    pub(super) states: States,
    /// Which of the header's schedulers folded each card.
    pub(super) folded_by: Vec<u16>,
    /// The day of each card's last event, to know which tallies a new day changes.
    pub(super) last_days: Vec<Day>,
    pub(super) has_events: bool,
    pub(super) exams: Vec<(Box<str>, Option<Day>)>,
    /// Every extension of a deck's daily limits: a start from the front alone needs today's.
    pub(super) extensions: Vec<Extension>,
    pub(super) problems: Vec<LineProblem>,
}

/// A usable snapshot, opened, with its events not yet read.
pub(super) struct Opened {
    pub(super) header: Header,
    pub(super) front: Front,
    /// At the start of the events; taken once they are read.
    pub(super) file: Option<File>,
}

impl Store {
    /// The snapshot's path.
    #[must_use]
    pub fn cache_file(&self) -> PathBuf {
        let data_dir = self.dir.parent().unwrap_or(&self.dir);
        data_dir.join("cache").join("replay.bin")
    }

    /// Saves the replay as the snapshot: `states` in the order of the history's cards, each
    /// folded by its scheduler in `schedulers`, read up to `position`, with tallies for `day`.
    /// A file there that is not a snapshot is kept; nothing is written while a log file ends
    /// in a torn line that was read into an event.
    pub fn write_snapshot(
        &self,
        schedulers: &impl Schedulers,
        day: Day,
        history: &History,
        states: impl IntoIterator<Item = Folded>,
        position: &LogPosition,
        problems: &[LineProblem],
    ) -> io::Result<()> {
        // A torn last line (whole, but without its newline: another program's append) was
        // replayed with the rest but lies past `position`: a snapshot would keep its events
        // while saying it stops before them, and once an append ran on from the line (making
        // it unreadable), a warm start would disagree with a cold one (a fresh tester's find).
        // Written once the file ends in a newline again.
        if position.is_torn() {
            return Ok(());
        }
        let path = self.cache_file();
        if let Ok(mut existing) = File::open(&path) {
            let mut start = Vec::with_capacity(MAGIC.len());
            let read = (&mut existing)
                .take(MAGIC.len() as u64)
                .read_to_end(&mut start);
            // Cut short inside the magic (empty, say) is still ours, and rebuilt.
            if read.is_err() || !MAGIC.starts_with(&start) {
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
            collection: collection_hash(schedulers.global()),
            schedulers: schedulers.all().iter().map(replay_hash).collect(),
            day,
            files,
        };
        let folded_by = history
            .cards()
            .map(|(card, _)| u16::try_from(schedulers.index_for(card)).unwrap_or(u16::MAX))
            .collect();
        let count = history.cards().count();
        let front = Front {
            cards: Streamed::new(count, history.cards().map(|(card, _)| card)),
            states: Streamed::new(count, states.into_iter()),
            folded_by,
            last_days: history.last_days(&schedulers.calendar()),
            has_events: !history.is_empty(),
            exams: history.exams(),
            extensions: history.extensions(),
            problems: covered_problems(problems, position),
        };
        let mut start = MAGIC.to_vec();
        append_framed(&mut start, &header)?;
        if let Some(dir) = path.parent() {
            atomic_write::sweep_abandoned(dir);
        }
        // The front and the events go straight to the file: they are most of it.
        atomic_write::write_with(&path, Existing::Replace, |out| {
            io::Write::write_all(out, &start)?;
            write_framed(out, &front)?;
            let events = write_digested(out, history)?;
            io::Write::write_all(out, &events)?;
            io::Write::write_all(out, END)
        })
    }

    /// Whether a snapshot made by this version with `global`'s calendar is there (its log
    /// files are not checked): a start that will not replay the whole log.
    #[must_use]
    pub fn has_snapshot_for(&self, global: &Scheduler) -> bool {
        self.snapshot_header(collection_hash(global)).is_some()
    }

    /// The snapshot's header, if it is ours and made by this version under `collection`
    /// ([`collection_hash`]), with the file right after it.
    fn snapshot_header(&self, collection: u64) -> Option<(Header, File)> {
        let mut file = File::open(self.cache_file()).ok()?;
        let mut magic = vec![0; MAGIC.len()];
        file.read_exact(&mut magic).ok()?;
        if magic != MAGIC {
            return None;
        }
        let header: Header = read_framed(&mut file)?;
        let current = header.format == FORMAT
            && header.version == env!("CARGO_PKG_VERSION")
            && header.collection == collection;
        current.then_some((header, file))
    }

    /// The snapshot, if it is ours, whole so far, and made by this version under `collection`
    /// ([`collection_hash`]).
    pub(super) fn open_snapshot(&self, collection: u64) -> Option<Opened> {
        let (header, mut file) = self.snapshot_header(collection)?;
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
            && front.folded_by.len() == count
            && front.last_days.len() == count;
        whole.then_some(Opened {
            header,
            front,
            file: Some(file),
        })
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

pub(super) fn read_history(mut file: File) -> Option<History> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    // Written finished: every card's events in order. Who takes in whose events after a
    // relink is worked out again rather than saved.
    let events = digest::strip(bytes.strip_suffix(END)?)?;
    let mut history: History = postcard::from_bytes(events).ok()?;
    history.resolve_relinks();
    Some(history)
}

/// Appends a value with its length in front and its digest behind, so that it can be read
/// alone and checked.
fn append_framed<T: Serialize>(bytes: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let encoded = postcard::to_stdvec(value).map_err(io::Error::other)?;
    bytes.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&encoded);
    bytes.extend_from_slice(&digest::of(&encoded));
    Ok(())
}

fn read_framed<T: for<'de> Deserialize<'de>>(file: &mut File) -> Option<T> {
    let mut length = [0; 8];
    file.read_exact(&mut length).ok()?;
    let length = usize::try_from(u64::from_le_bytes(length)).ok()?;
    let mut bytes = Vec::new();
    file.by_ref()
        .take((length + digest::LENGTH) as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() != length + digest::LENGTH {
        return None;
    }
    postcard::from_bytes(digest::strip(&bytes)?).ok()
}

/// Where to go on reading each file, if every file the snapshot covered still starts with the
/// same bytes; files it never saw start from the beginning.
pub(super) fn start_points(dir: &Path, files: &[PathBuf], marks: &[Mark]) -> Option<LogPosition> {
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
                torn: false,
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

/// What every card's replay depends on: the scheduling rules and the calendar. A snapshot made
/// under others is not used at all.
pub(super) fn collection_hash(global: &Scheduler) -> u64 {
    let rules = crate::scheduler::RULES;
    xxh3_64(format!("rules {rules}: {:?}", global.calendar()).as_bytes())
}

/// The settings a card is replayed with: a card folded by a scheduler of another hash is
/// replayed again, so that changing a preset replays its decks' cards and no others.
pub(super) fn replay_hash(scheduler: &Scheduler) -> u64 {
    xxh3_64(format!("{:?}", scheduler.settings()).as_bytes())
}

/// The cards of the snapshot that `schedulers` would give another scheduler than the one that
/// folded them (by [`replay_hash`]), in the order of its cards; `None` when there is none.
pub(super) fn moved_cards(
    header: &Header,
    front: &Front,
    schedulers: &impl Schedulers,
) -> Option<Vec<bool>> {
    let now: Vec<u64> = schedulers.all().iter().map(replay_hash).collect();
    let then = |index: u16| header.schedulers.get(usize::from(index)).copied();
    // One scheduler now, and every card folded by one of the same settings: nothing moved.
    if let [only] = now[..]
        && front
            .folded_by
            .iter()
            .all(|&index| then(index) == Some(only))
    {
        return None;
    }
    // Cards come grouped by deck mostly: look each deck up once per run.
    let mut last: Option<(&str, u64)> = None;
    let moved: Vec<bool> = front
        .cards
        .iter()
        .zip(&front.folded_by)
        .map(|(card, &index)| {
            let deck = crate::store::deck_of(card);
            let hash = match last {
                Some((last_deck, hash)) if last_deck == deck => hash,
                _ => {
                    let hash = now.get(schedulers.index_for(card)).copied().unwrap_or(0);
                    last = Some((deck, hash));
                    hash
                }
            };
            then(index) != Some(hash)
        })
        .collect();
    moved.contains(&true).then_some(moved)
}

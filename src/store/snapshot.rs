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
//!
//! Here: choosing between the snapshot and a full replay, and reading the events later. The
//! file's layout, writing it and checking it against the log are in `snapshot/file.rs`.

mod file;

use std::cell::LazyCell;
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};

use super::{Folded, History, LineProblem, LogPosition, Store, read_all};
use crate::scheduler::{Day, Scheduler, Schedulers};
use file::{Opened, collection_hash, moved_cards, read_history, start_points};

/// The history, maybe still being read on another thread; using it waits for it.
pub type LazyHistory = LazyCell<History, Box<dyn FnOnce() -> History + Send>>;

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

impl Store {
    /// The whole log replayed on `day`, each card by its scheduler: from the snapshot and what
    /// was appended since when the snapshot is usable, else from the start. Never writes; see
    /// [`Store::write_snapshot`].
    pub fn replay(
        &self,
        schedulers: &impl Schedulers,
        day: Day,
        events: Events,
    ) -> io::Result<Replayed> {
        self.open_replay(schedulers.global(), day)?
            .finish(schedulers, day, events)
    }

    /// The part of [`Store::replay`] that needs no deck, so that it can run while the decks
    /// load: the snapshot opened and checked against the log, and what was appended since
    /// read. `global` gives the calendar; [`Opening::finish`] replays.
    pub fn open_replay(&self, global: &Scheduler, day: Day) -> io::Result<Opening> {
        let files = self.log_files()?;
        let opened = self.open_snapshot(collection_hash(global));
        let Some((opened, mut position)) =
            opened.and_then(|o| start_points(&self.dir, &files, &o.header.files).map(|p| (o, p)))
        else {
            return Ok(Opening {
                store: self.clone(),
                files,
                snapshot: None,
            });
        };
        let new_day = day != opened.header.day;
        let day_is_simple = !new_day || opened.front.last_days.iter().all(|&last| last < day);
        // Without events appended, the states may stand (with a new day's tallies cleared).
        if day_is_simple && position.bytes_behind(&files)? <= PEEK {
            let mut peek = History::default();
            let mut peek_position = position.clone();
            let mut problems = Vec::new();
            let lines = read_all(
                &files,
                &mut peek_position,
                &mut |events| peek.extend(events),
                &mut problems,
            )?;
            if peek.is_empty() {
                return Ok(Opening {
                    store: self.clone(),
                    files,
                    snapshot: Some(Snapshot {
                        opened,
                        position,
                        after: After::Nothing {
                            lines,
                            position: peek_position,
                            problems,
                        },
                    }),
                });
            }
        }
        let Opened {
            header,
            front,
            file,
        } = opened;
        let mut problems = front.problems.clone();
        let after = match file.and_then(read_history) {
            Some(mut history) => {
                history.track_changes();
                let lines = read_all(
                    &files,
                    &mut position,
                    &mut |events| history.extend(events),
                    &mut problems,
                )?;
                history.finish();
                After::Read {
                    changed: history.take_changes(),
                    history: Box::new(history),
                    lines,
                    problems,
                }
            }
            None => After::Unreadable,
        };
        Ok(Opening {
            store: self.clone(),
            files,
            snapshot: Some(Snapshot {
                opened: Opened {
                    header,
                    front,
                    file: None,
                },
                position,
                after,
            }),
        })
    }

    fn replay_full(
        files: &[PathBuf],
        schedulers: &impl Schedulers,
        day: Day,
    ) -> io::Result<Replayed> {
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
        let states = history.fold_each(schedulers, day);
        Ok(Replayed::of(
            history,
            states,
            Source::Full,
            problems,
            position,
        ))
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

/// The snapshot opened and the log read after it, waiting for the decks' schedulers
/// ([`Store::open_replay`]).
pub struct Opening {
    store: Store,
    files: Vec<PathBuf>,
    /// A usable snapshot; none means a full replay.
    snapshot: Option<Snapshot>,
}

struct Snapshot {
    opened: Opened,
    /// Where the snapshot stops in each log file.
    position: LogPosition,
    after: After,
}

/// What the log holds after the snapshot.
enum After {
    /// Nothing: `lines` torn or unreadable lines at most, read up to `position`. The
    /// snapshot's events are read only when needed.
    Nothing {
        lines: usize,
        position: LogPosition,
        problems: Vec<LineProblem>,
    },
    /// Events, read into the snapshot's `history`, which marks the cards they `changed`.
    Read {
        history: Box<History>,
        changed: Vec<bool>,
        lines: usize,
        problems: Vec<LineProblem>,
    },
    /// The snapshot's events could not be read: the whole log is replayed.
    Unreadable,
}

impl Opening {
    /// The replay on `day`, each card by its scheduler: a card that another scheduler (another
    /// preset, or changed settings) folded into the snapshot is replayed again, and only such
    /// cards and those with new events are.
    pub fn finish(
        self,
        schedulers: &impl Schedulers,
        day: Day,
        events: Events,
    ) -> io::Result<Replayed> {
        let Opening {
            store,
            files,
            snapshot,
        } = self;
        let Some(Snapshot {
            opened,
            position,
            after,
        }) = snapshot
        else {
            return Store::replay_full(&files, schedulers, day);
        };
        let Opened {
            header,
            front,
            file,
        } = opened;
        let moved = moved_cards(&header, &front, schedulers);
        let (history, mut changed, lines_after, problems, position) = match (after, file) {
            (
                After::Nothing {
                    lines,
                    position,
                    problems: peeked,
                },
                Some(file),
            ) => {
                let mut problems = front.problems;
                problems.extend(peeked);
                if moved.is_none() {
                    let (history, start_reading) = store.history_later(file, events);
                    let mut states: Vec<(Box<str>, Folded)> =
                        front.cards.into_iter().zip(front.states).collect();
                    if day != header.day {
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
                        position,
                    });
                }
                let Some(history) = read_history(file) else {
                    return Store::replay_full(&files, schedulers, day);
                };
                let changed = vec![false; history.cards().count()];
                (history, changed, lines, problems, position)
            }
            (
                After::Read {
                    history,
                    changed,
                    lines,
                    problems,
                },
                _,
            ) => (*history, changed, lines, problems, position),
            _ => return Store::replay_full(&files, schedulers, day),
        };
        if let Some(moved) = moved {
            for (changed, moved) in changed.iter_mut().zip(moved) {
                *changed |= moved;
            }
        }
        let states = history.refold(schedulers, day, front.states, header.day, &changed);
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
}

/// A history that is already there.
#[must_use]
pub fn ready(history: History) -> LazyHistory {
    LazyCell::new(Box::new(move || history))
}

#[cfg(test)]
mod tests;

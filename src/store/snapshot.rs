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
//! The settings are checked in two parts: the scheduling rules and the calendar, which every
//! card's replay depends on (others: a full replay), and each scheduler's settings, with which
//! of them folded each card, so that a changed preset replays only its decks' cards.
//!
//! Here: choosing between the snapshot and a full replay, and reading the events later.
//! Opening the snapshot and folding what changed since are in `snapshot/opening.rs`; the
//! file's layout, writing it and checking it against the log in `snapshot/file.rs`.

mod file;
mod lent;
mod opening;
mod states;

use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::LazyLock;
use std::sync::mpsc::{self, Sender};

use super::{Extension, Folded, History, LineProblem, LogPosition, Store, read_all};
use crate::scheduler::{Day, Schedulers};
use file::read_history;
pub use lent::lend;
pub use opening::Opening;
pub use states::ReplayedStates;
#[cfg(test)]
pub(crate) use states::folded_with_reviews;

/// The history, maybe still being read on another thread; using it waits for it.
pub type LazyHistory = LazyLock<History, Box<dyn FnOnce() -> History + Send>>;

/// Appended bytes worth a look for events before deciding the events are needed at once.
const PEEK: u64 = 64 << 10;

/// The log replayed: events, every card's state, and the lines that could not be read.
pub struct Replayed {
    pub history: LazyHistory,
    /// Every card with events, by id.
    pub states: ReplayedStates,
    /// Whether the log has any event at all.
    pub has_events: bool,
    /// Exam dates set in the log, by deck id (`None`: cleared there).
    pub exams: Vec<(Box<str>, Option<Day>)>,
    /// Every extension of a deck's daily limits in the log.
    pub extensions: Vec<Extension>,
    pub problems: Vec<LineProblem>,
    pub source: Source,
    /// How far the log was read, for [`Store::read_since`] and [`Store::write_snapshot`].
    pub position: LogPosition,
    /// With [`Events::Background`]: sending on it starts reading the events (forcing the
    /// history does too).
    pub start_reading: Option<Sender<()>>,
    /// The history is lent to a thread ([`Replayed::lend_history`]), which a process about to
    /// end waits for.
    pub lent: bool,
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
    /// Runs `work` on the history on another thread ([`lend`]), noting that it was lent.
    pub fn lend_history(&mut self, work: impl FnOnce(&History) + Send + 'static) {
        lend(&mut self.history, work);
        self.lent = true;
    }

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
            states: ReplayedStates::new(
                history.cards().map(|(c, _)| Box::from(c)).collect(),
                states,
            ),
            has_events: !history.is_empty(),
            exams: history.exams(),
            extensions: history.extensions(),
            history: ready(history),
            problems,
            source,
            position,
            start_reading: None,
            lent: false,
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
        /// Cards folded again because another scheduler than the snapshot's schedules them
        /// now (a preset changed, or their deck took another).
        moved: usize,
    },
}

impl Source {
    /// Whether a new snapshot would save work next time.
    #[must_use]
    pub fn is_stale(self) -> bool {
        !matches!(
            self,
            Self::Snapshot {
                lines_after: 0,
                moved: 0,
                ..
            }
        )
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

    pub(super) fn replay_full(
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
            &mut |batch| history.extend_read(batch),
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
    pub(super) fn history_later(
        &self,
        file: File,
        events: Events,
    ) -> (LazyHistory, Option<Sender<()>>) {
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
        let history = LazyLock::new(Box::new(move || match read() {
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

/// A history that is already there.
#[must_use]
pub fn ready(history: History) -> LazyHistory {
    LazyLock::new(Box::new(move || history))
}

#[cfg(test)]
mod tests;

//! The compact index of the review log: every event, grouped by card, with undos, deck
//! events (results, resets, exam dates, extended limits), backlog plans and relinks beside them. Inserts here;
//! queries about decks in `history/decks.rs`; tracking which cards a batch of events touched in
//! `history/changes.rs`; which card's replay takes in whose events after a relink in
//! `history/relinks.rs`. Folding the events into states is [`super::replay`]'s.
//!
//! Events from all files are de-duplicated by identity, undo events cancel their targets,
//! and each card's events are kept in time order, so the result does not depend on which
//! file an event came from or on the order files were read.

mod changes;
mod chosen;
mod decks;
mod entry;
mod relinks;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

pub use chosen::Confused;
pub use decks::Extension;
pub(super) use entry::per_card::Packed;
pub(super) use entry::{Entry, MAX_DURATION_MS, NO_DUE, Stored, pack};

use super::card_id::CardId;
use super::event::{Event, EventKind, key_of};
use super::reading::{Batch, Parsed};
use crate::practice::{Mode, Question};
use crate::scheduler::{Calendar, Day};

/// A deck's practice outcome, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckResult {
    #[serde(with = "super::compact::time")]
    pub time: DateTime<FixedOffset>,
    pub mode: Mode,
    pub ms: Option<u64>,
    pub mistakes: Option<u32>,
    pub score: Option<u32>,
    pub questions: Option<u32>,
}

/// All events, grouped by card. The maps use `FxHash`: keys are our own hashes and card ids,
/// not attacker-chosen input, and replay hashes a million of them.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct History {
    pub(super) index: FxHashMap<CardId, usize>,
    pub(super) cards: Vec<CardId>,
    #[serde(with = "entry::per_card")]
    pub(super) per_card: Vec<Packed>,
    /// Undo events seen, by identity; repeating one changes nothing, but it is counted once.
    undos: FxHashSet<u64>,
    pub(super) cancelled: FxHashSet<u64>,
    /// Deck results and resets, by identity; few, so a set is cheap here.
    pub(super) deck_events: FxHashMap<u64, (Box<str>, DeckEvent)>,
    /// Backlog plans by the key of their id.
    plans: FxHashMap<u64, PlanMark>,
    /// The plan (the key of its id) of each postponement made by one, by the postponement's
    /// key: beside the entries, which a plan's 8 bytes would grow by a quarter.
    postponed_by: FxHashMap<u64, u64>,
    /// Relink events by identity, and which card's events each card's replay takes in.
    pub(super) relinks: relinks::Relinks,
    /// Wrong practice answers that picked another card's answer, by identity: few, so kept
    /// beside the entries rather than in each.
    pub(super) chosen: FxHashMap<u64, Pick>,
    /// What events added since [`History::track_changes`] touched; not part of the history.
    #[serde(skip)]
    changes: Option<changes::Changes>,
}

/// A wrong practice answer's pick: the card asked (an index into `cards`), the card whose
/// answer was chosen, and the mode.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Pick {
    pub(super) card: usize,
    pub(super) chosen: Box<str>,
    #[serde(with = "super::compact::time")]
    pub(super) time: DateTime<FixedOffset>,
    pub(super) mode: Mode,
}

/// A backlog plan's id, and when it was made, so that it can be undone by id.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PlanMark {
    id: Box<str>,
    #[serde(with = "super::compact::time")]
    made: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) enum DeckEvent {
    Result(DeckResult),
    Reset(
        #[serde(with = "super::compact::time")] DateTime<FixedOffset>,
        Mode,
    ),
    /// The exam date set for the deck (`None`: cleared).
    Exam(
        #[serde(with = "super::compact::time")] DateTime<FixedOffset>,
        Option<Day>,
    ),
    /// More new cards and reviews on the event's day (`extend_limits`).
    Extend(
        #[serde(with = "super::compact::time")] DateTime<FixedOffset>,
        u32,
        u32,
    ),
}

impl History {
    #[must_use]
    pub fn from_events(events: Vec<Event<'_>>) -> Self {
        let mut history = Self::default();
        history.extend(events);
        history.finish();
        history
    }

    /// Adds events (none read from the log: see [`History::extend_read`]); [`History::finish`]
    /// must follow.
    pub fn extend<'a>(&mut self, events: impl IntoIterator<Item = Event<'a>>) {
        self.extend_parsed(events.into_iter().map(Parsed::Event));
    }

    /// Adds a batch of the log's events, its answers packed already; [`History::finish`] must
    /// follow.
    pub fn extend_read(&mut self, batch: Batch<'_>) {
        self.extend_parsed(batch.into_parsed());
    }

    fn extend_parsed<'a>(&mut self, events: impl IntoIterator<Item = Parsed<'a>>) {
        // A log's batch is a few thousand events; a longer list is placed in parts.
        const PART: usize = 1 << 16;
        let mut added = Vec::new();
        for event in events {
            match event {
                Parsed::Answer(answer) => {
                    let index = self.index_of(answer.card);
                    self.file(index, answer.entry(), &mut added);
                }
                Parsed::Event(event) => {
                    self.insert(event, &mut added);
                }
            }
            if added.len() == PART {
                self.place(&added);
                added.clear();
            }
        }
        self.place(&added);
    }

    /// Appends a batch's new entries (card index, entry) to their cards', a run of one
    /// card's at once: a log written card after card fills each card's room exactly.
    fn place(&mut self, added: &[(usize, Entry)]) {
        let mut scratch = Vec::new();
        for run in added.chunk_by(|a, b| a.0 == b.0) {
            self.per_card[run[0].0].append(run.iter().map(|(_, entry)| entry), &mut scratch);
        }
    }

    /// Puts every card's events in time order and drops duplicates, after
    /// [`History::extend`]. Copies of one event (the same line in two synced files, say) have
    /// the same card, time and identity, so sorting puts them side by side. This replaces a
    /// set of every event's identity, which was the slowest part of reading a large log.
    pub fn finish(&mut self) {
        self.per_card.par_iter_mut().for_each(Packed::sort);
        self.resolve_relinks();
    }

    /// Adds one event, as the app does after writing it. Returns false for a duplicate.
    pub fn push(&mut self, event: Event<'_>) -> bool {
        let card = event.card.clone();
        let index = card
            .as_ref()
            .and_then(|c| self.index.get(c.as_ref()).copied());
        if let Some(index) = index
            && self.per_card[index]
                .entries()
                .iter()
                .any(|entry| entry.key == event.key)
        {
            return false;
        }
        let relinking = self.is_about_relinks(&event.kind);
        let mut added = Vec::new();
        if !self.insert(event, &mut added) {
            return false;
        }
        self.place(&added);
        if let Some(index) = card.and_then(|c| self.index.get(c.as_ref()).copied()) {
            // Usually already last; a clock set back puts it in its place.
            self.per_card[index].sort();
        }
        if relinking {
            self.resolve_relinks();
        }
        true
    }

    /// Adds an event, a card's to `added` with its card's index for [`History::place`];
    /// false for an undo already seen.
    fn insert(&mut self, event: Event<'_>, added: &mut Vec<(usize, Entry)>) -> bool {
        let deck = || Box::from(event.deck.as_deref().unwrap_or_default());
        self.insert_pick(&event);
        let kind = match event.kind {
            EventKind::Undo { target } => {
                let new = self.undos.insert(event.key);
                // A copy (the app's own undo read back from the log) changes nothing, and
                // finding an undo's card means unpacking every card.
                if let (true, Some(changes)) = (new, &mut self.changes) {
                    changes.undone.push(key_of(&target));
                }
                self.cancelled.insert(key_of(&target));
                return new;
            }
            EventKind::Result {
                mode,
                ms,
                mistakes,
                score,
                questions,
            } => {
                let result = DeckResult {
                    time: event.time,
                    mode: Mode::parse(&mode),
                    ms,
                    mistakes,
                    score,
                    questions,
                };
                return self.insert_deck(event.key, deck(), DeckEvent::Result(result));
            }
            EventKind::Exam { date } => {
                let day = date.map(crate::scheduler::calendar::day_of_date);
                return self.insert_deck(event.key, deck(), DeckEvent::Exam(event.time, day));
            }
            EventKind::Reset { mode } => {
                let reset = DeckEvent::Reset(event.time, Mode::parse(&mode));
                return self.insert_deck(event.key, deck(), reset);
            }
            EventKind::ExtendLimits { new, reviews } => {
                let extend = DeckEvent::Extend(event.time, new, reviews);
                return self.insert_deck(event.key, deck(), extend);
            }
            EventKind::Review {
                rating,
                mode,
                question,
                duration_ms,
                due,
                ..
            } => Stored::review(
                rating,
                duration_ms,
                practice_of(&mode, question.as_deref()),
                due,
            ),
            EventKind::Relink { from } => {
                let Some(to) = event.card else {
                    return false;
                };
                let (from, to) = (self.index_of(&from), self.index_of(&to));
                return self.insert_relink(event.key, event.time, from, to);
            }
            EventKind::Bury => Stored::Bury,
            EventKind::Unbury => Stored::Unbury,
            EventKind::Suspend => Stored::Suspend,
            EventKind::Unsuspend => Stored::Unsuspend,
            EventKind::Forget => Stored::Forget,
            EventKind::Star => Stored::Star,
            EventKind::Unstar => Stored::Unstar,
            EventKind::Postpone { due, plan } => {
                if let Some(id) = plan.as_deref() {
                    let plan = key_of(id);
                    self.plans.entry(plan).or_insert_with(|| PlanMark {
                        id: Box::from(id),
                        made: event.time,
                    });
                    self.postponed_by.insert(event.key, plan);
                }
                Stored::Postpone {
                    due: crate::scheduler::calendar::day_of_date(due),
                }
            }
            EventKind::SetDue { due, interval } => Stored::SetDue {
                due: crate::scheduler::calendar::day_of_date(due),
                // 0 is "none"; Anki's `!` interval is never below a day.
                interval: interval.map_or(0, |days| days.max(1)),
            },
        };
        let Some(card) = event.card else {
            return true;
        };
        // The log's reader turns away times an entry cannot hold; the app's are now.
        let Some(entry) = Entry::new(event.key, event.time, kind) else {
            return false;
        };
        let index = self.index_of(&card);
        self.file(index, entry, added);
        true
    }

    /// Adds card `index`'s `entry` to `added`, for [`History::place`].
    fn file(&mut self, index: usize, entry: Entry, added: &mut Vec<(usize, Entry)>) {
        if let Some(changes) = &mut self.changes {
            changes.cards.insert(index);
        }
        added.push((index, entry));
    }

    /// Keeps a wrong practice answer's pick, if the event is one: the card asked, and the
    /// card whose answer was taken.
    fn insert_pick(&mut self, event: &Event<'_>) {
        let EventKind::Review {
            mode,
            chosen: Some(chosen),
            ..
        } = &event.kind
        else {
            return;
        };
        let (Some(card), mode) = (event.card.as_deref(), Mode::parse(mode)) else {
            return;
        };
        if mode == Mode::Review {
            return;
        }
        let pick = Pick {
            card: self.index_of(card),
            chosen: Box::from(chosen.as_ref()),
            time: event.time,
            mode,
        };
        self.chosen.insert(event.key, pick);
    }

    /// Adds a deck's event; false for one already seen. A reset changes its deck's cards.
    fn insert_deck(&mut self, key: u64, deck: Box<str>, event: DeckEvent) -> bool {
        if let (Some(changes), DeckEvent::Reset(..)) = (&mut self.changes, &event) {
            changes.decks.insert(deck.clone());
        }
        self.deck_events.insert(key, (deck, event)).is_none()
    }

    /// The index of `card`'s events; only a card seen for the first time allocates its id.
    fn index_of(&mut self, card: &str) -> usize {
        if let Some(&index) = self.index.get(card) {
            return index;
        }
        let id = CardId::new(card);
        self.cards.push(id.clone());
        self.per_card.push(Packed::default());
        self.index.insert(id, self.cards.len() - 1);
        self.cards.len() - 1
    }

    /// No event at all: a first run.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.undos.is_empty() && self.deck_events.is_empty()
    }

    /// Distinct events, undo events included.
    #[must_use]
    pub fn event_count(&self) -> usize {
        self.per_card.iter().map(Packed::len).sum::<usize>()
            + self.undos.len()
            + self.deck_events.len()
            + self.relinks.len()
    }

    /// Every card id with events (or named by a relink), and how many of its own: in the
    /// order of every per-card list here. [`History::histories`] counts them as replay sees
    /// them.
    pub fn cards(&self) -> impl Iterator<Item = (&str, usize)> {
        self.cards
            .iter()
            .zip(&self.per_card)
            .map(|(card, entries)| (card.as_ref(), entries.len()))
    }

    /// The latest backlog plan not undone: its id and when it was made.
    #[must_use]
    pub fn last_plan(&self) -> Option<(&str, DateTime<FixedOffset>)> {
        self.plans
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .max_by_key(|(_, mark)| mark.made)
            .map(|(_, mark)| (mark.id.as_ref(), mark.made))
    }

    /// Whether an undo of one of `keys` cancels `entry`: of its own id, or of its plan's.
    pub(super) fn undone_by(&self, entry: &Entry, keys: &FxHashSet<u64>) -> bool {
        keys.contains(&entry.key)
            || matches!(entry.kind, Stored::Postpone { .. })
                && self
                    .postponed_by
                    .get(&entry.key)
                    .is_some_and(|plan| keys.contains(plan))
    }

    /// Whether an undo in the log cancels `entry`.
    pub(super) fn is_undone(&self, entry: &Entry) -> bool {
        self.undone_by(entry, &self.cancelled)
    }

    /// `entries` that no undo cancels, each with its time unpacked.
    pub(super) fn live<'a>(
        &'a self,
        entries: &'a [Entry],
    ) -> impl Iterator<Item = (&'a Entry, DateTime<FixedOffset>)> {
        entries
            .iter()
            .filter(|entry| !self.is_undone(entry))
            .map(|entry| (entry, entry.time()))
    }

    /// Whether the event with this identity was undone.
    #[must_use]
    pub fn is_cancelled(&self, key: u64) -> bool {
        self.cancelled.contains(&key)
    }

    /// The day of each card's last event, in the order of [`History::cards`].
    #[must_use]
    pub fn last_days(&self, calendar: &Calendar) -> Vec<Day> {
        self.per_card
            .iter()
            .map(|card| card.last_time().map_or(Day::MIN, |time| calendar.day(time)))
            .collect()
    }
}

/// A review line's mode and question: `None` for [`Mode::Review`], which schedules.
fn practice_of(mode: &str, question: Option<&str>) -> Option<(Mode, Question)> {
    match Mode::parse(mode) {
        Mode::Review => None,
        mode => Some((mode, question.map_or(Question::Other, Question::parse))),
    }
}

#[cfg(test)]
mod tests;

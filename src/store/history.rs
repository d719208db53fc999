//! Replay: every card's state is the fold of its events through the scheduler. Pure.
//!
//! Events from all files are de-duplicated by identity, undo events cancel their targets,
//! and each card's events are applied in time order, so the result does not depend on which
//! file an event came from or on the order files were read.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::event::{Event, EventKind, REVIEW_MODE};
use crate::scheduler::{AnswerNotes, CardState, Day, Phase, Scheduler};

/// One card's replayed state, with what it did on a given day (for daily limits).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    pub state: CardState,
    /// First studied on that day: it used up one of the day's new cards.
    pub new_that_day: bool,
    /// Answers given while it was a review card on that day.
    pub reviews_that_day: u32,
    /// What the last answer noted (a new leech, say).
    pub last_notes: AnswerNotes,
}

#[derive(Debug, Clone)]
struct Entry {
    key: u64,
    time: DateTime<FixedOffset>,
    kind: EventKind,
}

/// All events, grouped by card.
#[derive(Debug, Default)]
pub struct History {
    index: HashMap<Box<str>, usize>,
    cards: Vec<Box<str>>,
    per_card: Vec<Vec<Entry>>,
    seen: HashSet<u64>,
    cancelled: HashSet<u64>,
    events: usize,
}

impl History {
    #[must_use]
    pub fn from_events(events: Vec<Event>) -> Self {
        let mut history = Self::default();
        history.seen.reserve(events.len());
        for event in events {
            history.insert(event);
        }
        for entries in &mut history.per_card {
            entries.sort_by(|a, b| a.time.cmp(&b.time).then(a.key.cmp(&b.key)));
        }
        history
    }

    /// Adds one event, as the app does after writing it. Returns false for a duplicate.
    pub fn push(&mut self, event: Event) -> bool {
        let card = event.card.clone();
        if !self.insert(event) {
            return false;
        }
        if let Some(index) = card.and_then(|c| self.index.get(&c).copied()) {
            // Usually already last; a clock set back puts it in its place.
            self.per_card[index].sort_by(|a, b| a.time.cmp(&b.time).then(a.key.cmp(&b.key)));
        }
        true
    }

    fn insert(&mut self, event: Event) -> bool {
        if !self.seen.insert(event.key) {
            return false;
        }
        self.events += 1;
        if let EventKind::Undo { target } = event.kind {
            self.cancelled.insert(target);
            return true;
        }
        let Some(card) = event.card else {
            return true;
        };
        let index = if let Some(&index) = self.index.get(&card) {
            index
        } else {
            self.cards.push(card.clone());
            self.per_card.push(Vec::new());
            self.index.insert(card, self.cards.len() - 1);
            self.cards.len() - 1
        };
        self.per_card[index].push(Entry {
            key: event.key,
            time: event.time,
            kind: event.kind,
        });
        true
    }

    /// Distinct events, undo events included.
    #[must_use]
    pub fn event_count(&self) -> usize {
        self.events
    }

    /// Every card id with events, and how many.
    pub fn cards(&self) -> impl Iterator<Item = (&str, usize)> {
        self.cards
            .iter()
            .zip(&self.per_card)
            .map(|(card, entries)| (card.as_ref(), entries.len()))
    }

    /// Whether the event with this identity was undone.
    #[must_use]
    pub fn is_cancelled(&self, key: u64) -> bool {
        self.cancelled.contains(&key)
    }

    /// The card's state, replayed; a card without events is new.
    #[must_use]
    pub fn fold(&self, card: &str, scheduler: &Scheduler, day: Day) -> Folded {
        match self.index.get(card) {
            Some(&index) => self.fold_entries(card, &self.per_card[index], scheduler, day),
            None => Folded::default(),
        }
    }

    /// Every card's state, replayed on all cores.
    #[must_use]
    pub fn fold_all(&self, scheduler: &Scheduler, day: Day) -> HashMap<Box<str>, Folded> {
        self.cards
            .par_iter()
            .zip(&self.per_card)
            .map(|(card, entries)| {
                (
                    card.clone(),
                    self.fold_entries(card, entries, scheduler, day),
                )
            })
            .collect()
    }

    fn fold_entries(
        &self,
        card: &str,
        entries: &[Entry],
        scheduler: &Scheduler,
        day: Day,
    ) -> Folded {
        let calendar = scheduler.calendar();
        let mut folded = Folded::default();
        for entry in entries.iter().filter(|e| !self.cancelled.contains(&e.key)) {
            let state = &mut folded.state;
            match &entry.kind {
                EventKind::Review { rating, mode, .. } if mode.as_ref() == REVIEW_MODE => {
                    let before = state.phase;
                    let (next, notes) = scheduler.answer(state, card, *rating, entry.time);
                    if calendar.day(entry.time) == day {
                        match before {
                            Phase::New => folded.new_that_day = true,
                            Phase::Review => folded.reviews_that_day += 1,
                            _ => {}
                        }
                    }
                    folded.state = next;
                    folded.last_notes = notes;
                }
                EventKind::Review { .. } | EventKind::Undo { .. } => {}
                EventKind::Bury => state.buried_until = Some(calendar.day(entry.time) + 1),
                EventKind::Suspend => state.suspended = true,
                EventKind::Unsuspend => state.suspended = false,
                EventKind::Forget => *state = CardState::default(),
            }
        }
        folded
    }
}

#[cfg(test)]
mod tests;

//! Coming back to a review from the card browser, where the cards may have changed.

use chrono::{DateTime, FixedOffset};

use super::{Kind, ReviewSession};
use crate::study::{Queue, Study};

impl ReviewSession {
    /// Back from the card browser, where cards may have been suspended, buried, forgotten or
    /// given a due date: today's queue is built again from their states, the card on screen
    /// is dropped if it is now hidden (it comes back through the queue if still due), and its
    /// answer time starts again, so the browsing is not counted as thinking time.
    pub fn after_browsing(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        if let Some(current) = &mut self.current {
            let hidden =
                study.state(&current.card).suspended || study.burial(&current.card, now).is_some();
            if hidden || study.place(&current.card).is_none() || self.kind == Kind::Due {
                self.current = None;
            } else {
                current.shown_at = now;
            }
        }
        if self.kind == Kind::Due {
            self.queue = Queue::build(study, &self.decks, now);
        }
        self.refresh(study, now);
    }
}

impl ReviewSession {
    /// The decks were read again: each of the session's decks is found again by its id in
    /// the new list (a deck added, removed or broken above it moves its place). A deck gone
    /// from the list leaves the session; with none left, nothing more is shown.
    pub fn decks_moved(&mut self, old_ids: &[crate::deck::DeckId], study: &Study) {
        let new = &study.collection.decks;
        self.decks = self
            .decks
            .iter()
            .filter_map(|&old| old_ids.get(old))
            .filter_map(|id| new.iter().position(|deck| &deck.id == id))
            .collect();
    }
}

//! Change tracking: which cards a batch of events may have changed, so that a replay made
//! before it is brought up to date by replaying only those (the snapshot, another window's
//! answers read back).

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::{DeckEvent, History};

/// What a batch of events may have changed, so that only those cards are replayed again.
#[derive(Debug, Default)]
pub(super) struct Changes {
    pub(super) cards: FxHashSet<usize>,
    pub(super) undone: Vec<u64>,
    pub(super) decks: FxHashSet<Box<str>>,
    /// A relink was added.
    pub(super) relinked: bool,
}

impl History {
    /// Starts noting which cards the next events touch, for [`History::take_changes`].
    pub fn track_changes(&mut self) {
        self.changes = Some(Changes::default());
    }

    /// Per card, in the order of [`History::cards`]: whether the events added since
    /// [`History::track_changes`] may change its replay (its own events, an undo of one of
    /// them, a reset of its deck, the events of a card relinked onto it, or a relink that
    /// names it). Stops tracking.
    #[must_use]
    pub fn take_changes(&mut self) -> Vec<bool> {
        let noted = self.changes.take().unwrap_or_default();
        let mut changed = vec![false; self.cards.len()];
        for index in noted.cards {
            changed[index] = true;
        }
        let undone: FxHashSet<u64> = noted.undone.into_iter().collect();
        let mut decks = noted.decks;
        if !undone.is_empty() {
            for (key, (deck, event)) in &self.deck_events {
                if undone.contains(key) && matches!(event, DeckEvent::Reset(..)) {
                    decks.insert(deck.clone());
                }
            }
            // Every card unpacked: on all cores.
            let touched: Vec<usize> = (0..self.per_card.len())
                .into_par_iter()
                .filter(|&index| {
                    let entries = self.per_card[index].entries();
                    entries.iter().any(|entry| self.undone_by(entry, &undone))
                })
                .collect();
            for index in touched {
                changed[index] = true;
            }
        }
        if !decks.is_empty() {
            for (index, card) in self.cards.iter().enumerate() {
                changed[index] |= decks.contains(card.deck());
            }
        }
        self.mark_relinked(
            &mut changed,
            noted.relinked || self.undoes_a_relink(&undone),
        );
        changed
    }
}

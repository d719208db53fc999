//! Which scheduler answers each card: the same one for every card, or one per settings preset,
//! chosen by the card's deck (`study::presets`). The replay, the snapshot and the statistics
//! take any of them.

use super::{Calendar, Scheduler};

/// A collection's schedulers and which one schedules each card. They share one calendar, the
/// global section's: a day starts at the same hour for every deck.
pub trait Schedulers: Sync {
    /// The global section's scheduler: cards of decks without a preset, and histories whose
    /// card no deck has.
    fn global(&self) -> &Scheduler;

    /// Every scheduler, the global one first; never empty.
    fn all(&self) -> &[Scheduler];

    /// The index in [`Schedulers::all`] of the one that schedules `card` (a card id).
    fn index_for(&self, card: &str) -> usize;

    /// The scheduler of `card` (a card id).
    fn for_card(&self, card: &str) -> &Scheduler {
        self.all()
            .get(self.index_for(card))
            .unwrap_or_else(|| self.global())
    }

    /// When days start, for every card.
    fn calendar(&self) -> Calendar {
        self.global().calendar()
    }
}

/// One scheduler for every card.
impl Schedulers for Scheduler {
    fn global(&self) -> &Scheduler {
        self
    }

    fn all(&self) -> &[Scheduler] {
        std::slice::from_ref(self)
    }

    fn index_for(&self, _card: &str) -> usize {
        0
    }

    fn for_card(&self, _card: &str) -> &Scheduler {
        self
    }
}

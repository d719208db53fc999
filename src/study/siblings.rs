//! Siblings: the cards made from one `[[cards]]` entry (a card and its reverse). Answering one
//! in review mode buries the others until the next day, as Anki's "bury siblings" options do.
//!
//! Nothing is written for it: a card is buried by its siblings when one of them was answered
//! today, which the replayed daily tallies say ([`Folded`]). So an answer made on another
//! device buries as soon as its log is read, an undone answer unburies, and the next day
//! nothing is left to undo. An `unbury` of the card lifts it for the rest of the day, as
//! Anki's unbury restores a card in the `BuriedSibling` queue (`Collection::unbury_cards` in
//! `bury_and_suspend.rs`): only a sibling answered after the unbury buries it again.
//!
//! Which siblings an answer buries is Anki's rule (`Collection::bury_siblings` and
//! `BuryMode::exclude_earlier_gathered_queues` in `rslib/src/scheduler/bury_and_suspend.rs`,
//! the queues in `rslib/src/storage/card/siblings_for_bury.sql`): siblings in the new, review
//! and interday learning queues, each if its setting is on and the answered card's queue is
//! not gathered after the sibling's. Queues are gathered intraday learning, interday
//! learning, review, then new; so a new card's answer buries only new siblings, a review's
//! review and new ones, a learning card's all three. A card in intraday learning is never
//! buried.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use super::{CardPlace, Study};
use crate::deck::Deck;
use crate::scheduler::{BurySiblings, CardState, Day, Due, Phase, Scheduler};
use crate::store::Folded;

/// Anki's queues in the order it gathers them (`CardQueue::gather_ord`), as far as burying
/// siblings goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum QueueKind {
    /// (Re)learning, the next step later the same day as the last answer.
    IntradayLearning,
    /// (Re)learning, the next step on a later day than the last answer.
    InterdayLearning,
    Review,
    New,
}

impl QueueKind {
    /// The queue `state` is in; `None` for a suspended card, which nothing buries.
    pub(crate) fn of(state: &CardState, scheduler: &Scheduler) -> Option<Self> {
        if state.suspended {
            return None;
        }
        Some(match (state.phase, state.due) {
            (Phase::New, _) => Self::New,
            (Phase::Review, _) => Self::Review,
            (_, Due::At(_)) if state.in_day_learning(scheduler.calendar()) => {
                Self::InterdayLearning
            }
            _ => Self::IntradayLearning,
        })
    }

    /// Whether `bury` buries a sibling in this queue (when something buries it at all).
    pub(crate) fn buried_by(self, bury: BurySiblings) -> bool {
        match self {
            Self::IntradayLearning => false,
            Self::InterdayLearning => bury.interday_learning,
            Self::Review => bury.reviews,
            Self::New => bury.new,
        }
    }
}

/// The earliest-gathered queue a card was answered from today, in review mode, if it was:
/// learning, review or new, from its daily tallies. Interday and intraday learning bury the
/// same siblings, so an answer in either is counted as intraday.
pub(crate) fn answered_today(folded: &Folded) -> Option<QueueKind> {
    let new = u32::from(folded.new_that_day);
    if folded.answers_that_day > folded.reviews_that_day + new {
        Some(QueueKind::IntradayLearning)
    } else if folded.reviews_that_day > 0 {
        Some(QueueKind::Review)
    } else if folded.new_that_day {
        Some(QueueKind::New)
    } else {
        None
    }
}

/// Whether a card in `queue` is buried by a sibling answered today from `answered`.
pub(crate) fn buries(answered: QueueKind, queue: QueueKind, bury: BurySiblings) -> bool {
    queue.buried_by(bury) && answered <= queue
}

/// Why a card is out of today's queues for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Burial {
    /// Buried by hand (`b`, `flashdeck bury`) until this day starts.
    Manual(Day),
    /// Buried until tomorrow because a sibling was answered today.
    Sibling,
}

impl Study {
    /// Whether `card` is buried at `now`, and why; a bury by hand is named first. A sibling
    /// answered today buries only while the replayed tallies are today's (see
    /// [`Study::roll_day`]).
    #[must_use]
    pub fn burial(&self, card: &str, now: DateTime<FixedOffset>) -> Option<Burial> {
        self.burial_at(card, self.place(card), now)
    }

    /// [`Study::burial`] of `card`, which is at `place` (`None` for an orphaned history).
    #[must_use]
    pub fn burial_at(
        &self,
        card: &str,
        place: Option<CardPlace>,
        now: DateTime<FixedOffset>,
    ) -> Option<Burial> {
        let today = self.scheduler.calendar().day(now);
        let state = self.state(card);
        if let Some(until) = state.buried_until.filter(|&day| day > today) {
            return Some(Burial::Manual(until));
        }
        let place = place?;
        let deck = &self.collection.decks[place.deck];
        let siblings = deck.siblings(place.card);
        (today == self.day && self.buried_by_sibling(deck, place.card, siblings, state))
            .then_some(Burial::Sibling)
    }

    /// Whether a sibling of the card at `index` of `deck` (the cards at `siblings`, itself
    /// included), whose state is `state`, was answered today from a queue that buries it.
    /// Reads the daily tallies as they are.
    pub(crate) fn buried_by_sibling(
        &self,
        deck: &Deck,
        index: usize,
        siblings: Range<usize>,
        state: &CardState,
    ) -> bool {
        if siblings.len() < 2 {
            return false;
        }
        let unburied = self
            .states
            .get(deck.cards[index].id.as_str())
            .and_then(|folded| folded.unburied_that_day);
        // The earliest-gathered queue a sibling was answered from today, after the card's
        // last unbury of the day if it had one; usually none.
        let Some(answered) = siblings
            .filter(|&sibling| sibling != index)
            .filter(|&sibling| unburied.is_none_or(|at| self.answered_since(deck, sibling, at)))
            .filter_map(|sibling| self.answered_today(deck, sibling))
            .min()
        else {
            return false;
        };
        // Siblings share their deck, and so its preset.
        let scheduler = self.scheduler_for_card(deck.cards[index].id.as_str());
        let bury = scheduler.settings().bury_siblings;
        QueueKind::of(state, scheduler).is_some_and(|queue| buries(answered, queue, bury))
    }

    /// The queue the card at `index` of `deck` was answered from today, if it was.
    fn answered_today(&self, deck: &Deck, index: usize) -> Option<QueueKind> {
        self.states
            .get(deck.cards[index].id.as_str())
            .and_then(answered_today)
    }

    /// Whether the card at `index` of `deck` was last answered after `at` (or at it).
    fn answered_since(&self, deck: &Deck, index: usize, at: DateTime<FixedOffset>) -> bool {
        self.states
            .get(deck.cards[index].id.as_str())
            .and_then(|folded| folded.state.last_review)
            .is_some_and(|last| last >= at)
    }

    /// The ids of the cards of `card`'s entry other than itself.
    #[must_use]
    pub fn siblings_of(&self, card: &str) -> Vec<&str> {
        let Some(place) = self.place(card) else {
            return Vec::new();
        };
        let deck = &self.collection.decks[place.deck];
        deck.siblings(place.card)
            .filter(|&index| index != place.card)
            .map(|index| deck.cards[index].id.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests;

//! The decks and their review history together: each card's replayed state, what is due, and
//! the daily limits. The runtime loads files and passes "now" in; nothing here writes.
//!
//! Not quite pure: after a start from the replay snapshot the history's events may still be
//! being read, on another thread or on first use (see [`Study::wait_for_history`]). Every
//! method that needs them waits for that read and says so; the rest answer from the replayed
//! states at once.
//!
//! | file | owns |
//! |---|---|
//! | `study.rs` | [`Study`]: decks, history and schedule together; card places, previews, mastery, orphans |
//! | `study/states.rs` | the replayed states, kept current as events are recorded or read back |
//! | `study/limits.rs` | daily limits, today's counts, when the next card is due |
//! | `study/queue.rs` | today's queue (`queue/gather.rs` builds it, in the review and new orders), and crams |
//! | `study/siblings.rs` | burying siblings: a card and its reverse are not both studied on one day |
//! | [`presets`] | which settings preset, and so which scheduler, each deck uses |
//! | `study/load.rs` | load balancing: the cards due on each day ahead, what each grade would do |
//! | [`exam`] | the exam plan, an overlay on the states ([`exam::Overlay`]) |
//! | [`backlog`] | spreading a backlog of reviews over days |
//! | [`actions`] | actions on chosen cards (suspend, bury, forget, star, set due), relinks, undoing them |
//! | [`info`] | card info: a card's text, schedule and whole history |
//! | [`why_due`] | why a card is due, or when it will be, in one line |
//! | [`successors`] | the likely current card of each orphaned history |

pub mod actions;
pub mod backlog;
mod card_places;
pub mod exam;
pub mod info;
mod limits;
mod load;
pub mod presets;
mod queue;
mod siblings;
mod state_table;
mod states;
pub mod successors;
pub mod why_due;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::deck::{Card, Collection, Deck};
use crate::scheduler::Schedulers;
use crate::scheduler::{Day, Phase, Scheduler};
use crate::store::{History, LazyHistory, Replayed};
use presets::Presets;

pub use limits::{DueCounts, NextDue};
pub use load::NextState;
pub use queue::{CramFilter, Origin, Queue};
pub use siblings::Burial;

/// A card's place in the collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPlace {
    pub deck: usize,
    pub card: usize,
}

/// Card ids in the log that no deck has any more: history kept, never deleted. `events`
/// counts those relinked onto it too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    pub card: String,
    pub events: usize,
}

/// Decks, history and schedule.
#[derive(Debug)]
pub struct Study {
    pub collection: Collection,
    /// Maybe still being read: reached only through [`Study::wait_for_history`], which says
    /// that it may block.
    history: LazyHistory,
    /// `history` was lent to a thread ([`Study::lend_history`]): see
    /// [`Study::wait_for_lent_history`].
    history_lent: bool,
    /// The global section's scheduler: the calendar, and every card of a deck without a
    /// preset. A card's own is [`Study::scheduler_for_card`].
    pub scheduler: Scheduler,
    /// Every deck's preset and scheduler.
    presets: Presets,
    states: state_table::StateTable,
    has_events: bool,
    /// The exam plan, laid over `states` (see [`exam::Overlay`]).
    exams: exam::Overlay,
    places: card_places::CardPlaces,
    /// The day `states`' daily tallies are for.
    day: Day,
    /// Today's extensions of each deck's limits (by id), from `extend_limits` events
    /// ([`Study::extend_new_today`]).
    extended: HashMap<Box<str>, limits::Extra>,
    /// Review cards due on each day ahead, for load balancing ([`Study::due_load`]).
    due_load: std::sync::OnceLock<Vec<crate::scheduler::DueLoad>>,
}

impl Study {
    /// The decks and their history replayed at `now`, every card by `scheduler`.
    #[must_use]
    pub fn new(
        collection: Collection,
        history: History,
        scheduler: Scheduler,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Self::with_presets(collection, history, Presets::global_only(scheduler), now)
    }

    /// The same with each deck's cards scheduled by its preset's scheduler.
    #[must_use]
    pub fn with_presets(
        collection: Collection,
        history: History,
        mut presets: Presets,
        now: DateTime<FixedOffset>,
    ) -> Self {
        presets.resolve(&collection);
        let day = presets.calendar().day(now);
        let states = history.fold_each(&presets, day);
        let replayed = Replayed::of(
            history,
            states,
            crate::store::Source::Full,
            Vec::new(),
            crate::store::LogPosition::default(),
        );
        Self::from_replay(collection, replayed, presets, now)
    }

    /// The same from a replay made on `now`'s day with these presets.
    #[must_use]
    pub fn from_replay(
        collection: Collection,
        replayed: Replayed,
        mut presets: Presets,
        now: DateTime<FixedOffset>,
    ) -> Self {
        presets.resolve(&collection);
        let day = presets.calendar().day(now);
        let mut study = Self {
            collection,
            history: replayed.history,
            history_lent: replayed.lent,
            scheduler: presets.global().clone(),
            presets,
            states: state_table::StateTable::new(replayed.states),
            has_events: replayed.has_events,
            exams: exam::Overlay::new(replayed.exams),
            places: card_places::CardPlaces::default(),
            day,
            extended: HashMap::new(),
            due_load: std::sync::OnceLock::new(),
        };
        study.set_extensions(&replayed.extensions);
        study.index_cards();
        study.plan_exams();
        study
    }

    fn index_cards(&mut self) {
        self.places = card_places::CardPlaces::new(&self.collection);
    }

    /// Swaps in reloaded decks (after an edit); states are keyed by card id and stay, except
    /// those of decks whose preset the edit changed, which are replayed by the new one.
    pub fn replace_collection(&mut self, collection: Collection) {
        let before: FxHashMap<Box<str>, usize> = self
            .collection
            .decks
            .iter()
            .enumerate()
            .map(|(index, deck)| (Box::from(deck.id.as_str()), self.presets.preset_of(index)))
            .collect();
        self.collection = collection;
        self.presets.resolve(&self.collection);
        self.index_cards();
        let moved: Vec<usize> = (0..self.collection.decks.len())
            .filter(|&index| {
                let id = self.collection.decks[index].id.as_str();
                // A deck that was not there (a new file, or one that an edit had broken) had
                // its cards' histories folded by the global scheduler.
                before.get(id).copied().unwrap_or(0) != self.presets.preset_of(index)
            })
            .collect();
        if moved.is_empty() {
            self.plan_exams();
            self.forget_load();
        } else {
            self.refold_decks(&moved);
        }
    }

    /// The presets and which one each deck uses.
    #[must_use]
    pub fn presets(&self) -> &Presets {
        &self.presets
    }

    /// The scheduler of the deck at `deck`: its preset's, or the global one.
    #[must_use]
    pub fn scheduler_for_deck(&self, deck: usize) -> &Scheduler {
        self.presets.for_deck(deck)
    }

    /// The settings of `decks` together, for what spans them (the review order, where new
    /// cards go): their preset's when they share one, else the global section's.
    #[must_use]
    pub fn shared_settings(&self, decks: &[usize]) -> &crate::scheduler::Settings {
        let mut presets = decks.iter().map(|&deck| self.presets.preset_of(deck));
        let first = presets.next().unwrap_or(0);
        if presets.all(|preset| preset == first) {
            self.presets
                .all()
                .get(first)
                .unwrap_or(&self.scheduler)
                .settings()
        } else {
            self.scheduler.settings()
        }
    }

    /// The scheduler of the card `card_id`: its deck's; the global one for a card no deck has.
    #[must_use]
    pub fn scheduler_for_card(&self, card_id: &str) -> &Scheduler {
        self.presets.for_card(card_id)
    }

    #[must_use]
    pub fn place(&self, card_id: &str) -> Option<CardPlace> {
        self.places.get(&self.collection, card_id)
    }

    #[must_use]
    pub fn card(&self, place: CardPlace) -> &Card {
        &self.collection.decks[place.deck].cards[place.card]
    }

    #[must_use]
    pub fn deck(&self, index: usize) -> &Deck {
        &self.collection.decks[index]
    }

    /// The intervals each grade would give `card` at `now`, its deck's exam included
    /// ([`Study::next_states`]' intervals).
    #[must_use]
    pub fn preview(
        &self,
        card: &str,
        now: DateTime<FixedOffset>,
    ) -> [crate::scheduler::Interval; 4] {
        self.next_states(card, now).map(|next| next.interval)
    }

    /// How well a deck is known, from 0 to 1: mature cards count 1, young ones ½.
    #[must_use]
    pub fn mastery(&self, deck: usize) -> f64 {
        let cards = &self.collection.decks[deck].cards;
        if cards.is_empty() {
            return 0.0;
        }
        let halves: usize = cards
            .iter()
            .map(|card| {
                let state = self.state(card.id.as_str());
                match state.phase {
                    Phase::Review if state.is_mature() => 2,
                    Phase::Review => 1,
                    _ => 0,
                }
            })
            .sum();
        let count = |n: usize| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
        count(halves) / count(2 * cards.len())
    }

    /// The tags of the cards in `decks` (their decks' included), sorted, once each.
    #[must_use]
    pub fn tags_in(&self, decks: &[usize]) -> Vec<&str> {
        let mut tags: Vec<&str> = decks
            .iter()
            .map(|&d| &self.collection.decks[d])
            .flat_map(|deck| {
                deck.tags
                    .iter()
                    .chain(deck.cards.iter().flat_map(|c| c.tags.iter()))
            })
            .map(String::as_str)
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Histories whose card no deck has; a card relinked to another is not one, its events
    /// are the other's. Waits for the history, as [`Study::wait_for_history`] does.
    #[must_use]
    pub fn orphans(&self) -> Vec<Orphan> {
        let mut orphans: Vec<Orphan> = self
            .wait_for_history()
            .histories()
            .filter(|(card, _)| self.place(card).is_none())
            .map(|(card, events)| Orphan {
                card: card.to_owned(),
                events,
            })
            .collect();
        orphans.sort_by(|a, b| a.card.cmp(&b.card));
        orphans
    }
}

#[cfg(test)]
pub(crate) mod tests;

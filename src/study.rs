//! The decks and their review history together: each card's replayed state, what is due, and
//! the daily limits. Pure: the runtime loads files and passes "now" in.

pub mod backlog;
pub mod exam;
mod limits;
mod queue;
mod states;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::deck::{Card, Collection, Deck, DeckId};
use crate::scheduler::{CardState, Day, Due, Phase, Scheduler};
use crate::store::{CardId, Folded, History, LazyHistory, Replayed};

pub use limits::{DueCounts, NextDue};
pub use queue::{CramFilter, Origin, Queue};

/// A card's place in the collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPlace {
    pub deck: usize,
    pub card: usize,
}

/// Card ids in the log that no deck has any more: history kept, never deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    pub card: String,
    pub events: usize,
}

/// Decks, history and schedule.
#[derive(Debug)]
pub struct Study {
    pub collection: Collection,
    /// Maybe still being read: touching it waits (see [`LazyHistory`]).
    pub history: LazyHistory,
    pub scheduler: Scheduler,
    states: FxHashMap<CardId, Folded>,
    has_events: bool,
    /// Exam dates set in the log, over the deck files' (`None`: cleared).
    exam_overrides: FxHashMap<DeckId, Option<Day>>,
    /// Cards an exam brings forward: their state with the earlier due day.
    for_exam: FxHashMap<CardId, CardState>,
    places: HashMap<CardId, CardPlace>,
    /// The day `states`' daily tallies are for.
    day: Day,
}

impl Study {
    #[must_use]
    pub fn new(
        collection: Collection,
        history: History,
        scheduler: Scheduler,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let day = scheduler.calendar().day(now);
        let states = history.fold_each(&scheduler, day);
        let replayed = Replayed::of(
            history,
            states,
            crate::store::Source::Full,
            Vec::new(),
            crate::store::LogPosition::default(),
        );
        Self::from_replay(collection, replayed, scheduler, now)
    }

    /// The same from a replay made on `now`'s day.
    #[must_use]
    pub fn from_replay(
        collection: Collection,
        replayed: Replayed,
        scheduler: Scheduler,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let day = scheduler.calendar().day(now);
        let mut study = Self {
            collection,
            history: replayed.history,
            scheduler,
            states: replayed
                .states
                .into_iter()
                .map(|(card, folded)| (CardId::from(card), folded))
                .collect(),
            has_events: replayed.has_events,
            exam_overrides: replayed
                .exams
                .into_iter()
                .map(|(deck, day)| (DeckId::new(String::from(deck)), day))
                .collect(),
            for_exam: FxHashMap::default(),
            places: HashMap::new(),
            day,
        };
        study.index_cards();
        study.plan_exams();
        study
    }

    fn index_cards(&mut self) {
        self.places = self
            .collection
            .decks
            .iter()
            .enumerate()
            .flat_map(|(deck, d)| {
                d.cards
                    .iter()
                    .enumerate()
                    .map(move |(card, c)| (CardId::from(&c.id), CardPlace { deck, card }))
            })
            .collect();
    }

    /// Swaps in reloaded decks (after an edit); states are keyed by card id and stay.
    pub fn replace_collection(&mut self, collection: Collection) {
        self.collection = collection;
        self.index_cards();
        self.plan_exams();
    }

    /// The exam day of `deck`, from the log or else its file.
    #[must_use]
    pub fn exam(&self, deck: usize) -> Option<Day> {
        let deck = &self.collection.decks[deck];
        match self.exam_overrides.get(&deck.id) {
            Some(set) => *set,
            None => deck.exam.map(crate::scheduler::calendar::day_of_date),
        }
    }

    /// Works out which cards the decks' exams bring forward, from scratch.
    fn plan_exams(&mut self) {
        let study: &Self = self;
        let planned = (0..study.collection.decks.len())
            .filter_map(|deck| Some((deck, study.exam(deck).filter(|&exam| exam > study.day)?)))
            .flat_map(|(deck, exam)| {
                study.collection.decks[deck]
                    .cards
                    .iter()
                    .filter_map(move |card| {
                        let id = card.id.as_str();
                        Some((CardId::new(id), study.brought_forward(id, exam)?))
                    })
            })
            .collect();
        self.for_exam = planned;
    }

    /// The exam ahead of `card`'s deck on `today`, if any.
    fn exam_ahead_of(&self, card: &str, today: Day) -> Option<Day> {
        self.place(card)
            .and_then(|place| self.exam(place.deck))
            .filter(|&exam| exam > today)
    }

    /// `card`'s state with the earlier due day `exam` needs, if it needs one.
    fn brought_forward(&self, card: &str, exam: Day) -> Option<CardState> {
        let state = &self.states.get(card)?.state;
        let day = exam::due_for_exam(state, exam, self.day, &self.scheduler)?;
        let mut state = state.clone();
        state.due = Due::Day(day);
        Some(state)
    }

    #[must_use]
    pub fn place(&self, card_id: &str) -> Option<CardPlace> {
        self.places.get(card_id).copied()
    }

    #[must_use]
    pub fn card(&self, place: CardPlace) -> &Card {
        &self.collection.decks[place.deck].cards[place.card]
    }

    #[must_use]
    pub fn deck(&self, index: usize) -> &Deck {
        &self.collection.decks[index]
    }

    /// The intervals each grade would give `card` at `now`, its deck's exam included.
    #[must_use]
    pub fn preview(
        &self,
        card: &str,
        now: DateTime<FixedOffset>,
    ) -> [crate::scheduler::Interval; 4] {
        let today = self.scheduler.calendar().day(now);
        let exam = self.exam_ahead_of(card, today);
        crate::scheduler::Rating::ALL.map(|rating| {
            let (mut next, _) = self.scheduler.answer(self.state(card), card, rating, now);
            if let Some(exam) = exam
                && let Some(day) = exam::due_for_exam(&next, exam, today, &self.scheduler)
            {
                next.due = Due::Day(day);
            }
            self.scheduler.delay(&next, now)
        })
    }

    /// Works out again whether `card`'s exam brings it forward.
    fn plan_exam_of(&mut self, card: &str) {
        let planned = self
            .exam_ahead_of(card, self.day)
            .and_then(|exam| self.brought_forward(card, exam));
        match planned {
            Some(state) => {
                self.for_exam.insert(CardId::new(card), state);
            }
            None => {
                self.for_exam.remove(card);
            }
        }
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
                    Phase::Review if state.scheduled_days >= crate::stats::MATURE_DAYS => 2,
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
                    .chain(deck.cards.iter().flat_map(|c| &c.tags))
            })
            .map(String::as_str)
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Histories whose card no deck has.
    #[must_use]
    pub fn orphans(&self) -> Vec<Orphan> {
        let mut orphans: Vec<Orphan> = self
            .history
            .cards()
            .filter(|(card, _)| !self.places.contains_key(*card))
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

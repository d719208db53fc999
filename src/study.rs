//! The decks and their review history together: each card's replayed state, what is due, and
//! the daily limits. Pure: the runtime loads files and passes "now" in.

pub mod backlog;
pub mod exam;
mod queue;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::deck::{Card, Collection, Deck, DeckId};
use crate::scheduler::{AnswerNotes, CardState, Day, Due, Phase, Scheduler};
use crate::store::{CardId, Event, EventKind, Folded, History, LazyHistory, Practice, Replayed};

pub use queue::{CramFilter, Origin, Queue};

/// Cards due today in a deck, after the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl DueCounts {
    #[must_use]
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

impl std::ops::Add for DueCounts {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            new: self.new + other.new,
            learning: self.learning + other.learning,
            review: self.review + other.review,
        }
    }
}

impl std::iter::Sum for DueCounts {
    fn sum<I: Iterator<Item = Self>>(counts: I) -> Self {
        counts.fold(Self::default(), std::ops::Add::add)
    }
}

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

    /// Re-tallies the daily limits when the day has rolled over since the last look.
    pub fn roll_day(&mut self, now: DateTime<FixedOffset>) {
        let day = self.scheduler.calendar().day(now);
        if day != self.day {
            self.day = day;
            self.states = self.history.fold_all(&self.scheduler, day);
            self.plan_exams();
        }
    }

    /// Records a written event, and returns what the card's last answer noted.
    pub fn record(&mut self, event: Event, card: Option<&str>) -> AnswerNotes {
        let Some(card) = card else {
            // Not about one card (an undo of a whole backlog plan, a deck's result): every
            // card it touches is replayed.
            self.absorb(vec![event.into_owned()]);
            self.has_events = true;
            return AnswerNotes::default();
        };
        self.history.push(event);
        self.has_events = true;
        let folded = self.history.fold(card, &self.scheduler, self.day);
        let notes = folded.last_notes;
        self.states.insert(CardId::new(card), folded);
        self.plan_exam_of(card);
        notes
    }

    /// The replayed state of `card_id`; new if it has no events.
    #[must_use]
    /// An exam may have brought its due day forward.
    pub fn state(&self, card_id: &str) -> &CardState {
        if let Some(state) = self.for_exam.get(card_id) {
            return state;
        }
        self.states
            .get(card_id)
            .map_or(&CardState::NEW, |f| &f.state)
    }

    /// The card's standing in the practice modes.
    #[must_use]
    pub fn practice(&self, card_id: &str) -> Practice {
        self.states
            .get(card_id)
            .map(|f| f.practice)
            .unwrap_or_default()
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

    /// Answers given today in review mode, and the milliseconds they took.
    #[must_use]
    pub fn today(&self) -> (usize, u64) {
        self.states.values().fold((0, 0), |(n, ms), f| {
            (n + f.answers_that_day as usize, ms + f.ms_that_day)
        })
    }

    /// Whether any answer has ever been recorded.
    #[must_use]
    pub fn has_history(&self) -> bool {
        self.has_events
    }

    /// The day the daily tallies are for.
    #[must_use]
    pub fn day(&self) -> Day {
        self.day
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

    /// Takes in events read from the log since it was loaded (another window's answers, or
    /// this one's read back; copies change nothing) and replays the cards they touch.
    pub fn absorb(&mut self, events: Vec<Event<'static>>) {
        if events.is_empty() {
            return;
        }
        for event in &events {
            if let (EventKind::Exam { date }, Some(deck)) = (&event.kind, &event.deck) {
                let day = date.map(crate::scheduler::calendar::day_of_date);
                self.exam_overrides.insert(DeckId::new(deck.as_ref()), day);
            }
        }
        let history = &mut *self.history;
        history.track_changes();
        history.extend(events);
        history.finish();
        let changed = history.take_changes();
        let cards: Vec<CardId> = history
            .cards()
            .zip(&changed)
            .filter(|(_, changed)| **changed)
            .map(|((card, _), _)| CardId::new(card))
            .collect();
        for card in cards {
            let folded = self.history.fold(&card, &self.scheduler, self.day);
            self.states.insert(card, folded);
        }
        self.has_events |= !self.history.is_empty();
        self.plan_exams();
    }

    /// Every card's state in the order of the history's cards, for the replay snapshot.
    #[must_use]
    pub fn states_in_history_order(&self) -> Vec<Folded> {
        self.history
            .cards()
            .map(|(card, _)| self.states.get(card).cloned().unwrap_or_default())
            .collect()
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

    /// Today's counts for one deck, limits applied.
    #[must_use]
    pub fn due_counts(&self, deck: usize, now: DateTime<FixedOffset>) -> DueCounts {
        Queue::build(self, &[deck], now).counts(now, self.learn_ahead_end(now))
    }

    /// The new and review cards still allowed today in `deck`.
    fn limits_left(&self, index: usize) -> (usize, usize) {
        let settings = self.scheduler.settings();
        let deck = &self.collection.decks[index];
        let mut new_limit = deck.new_per_day.unwrap_or(settings.new_per_day) as usize;
        let mut review_limit = deck.reviews_per_day.unwrap_or(settings.reviews_per_day) as usize;
        let (mut new, mut reviews, mut backlog, mut unseen) = (0, 0, false, 0);
        for card in &deck.cards {
            match self.states.get(card.id.as_str()) {
                Some(folded) => {
                    new += usize::from(folded.new_that_day);
                    reviews += folded.reviews_that_day as usize;
                    backlog |= folded.postponed && !folded.state.suspended;
                    unseen +=
                        usize::from(folded.state.phase == Phase::New && !folded.state.suspended);
                }
                None => unseen += 1,
            }
        }
        if let Some(exam) = self.exam(index).filter(|&exam| exam > self.day) {
            // Every new card in time for the last days' reviews; in those days, every review.
            let needed = exam::new_per_day_for(unseen + new, exam, self.day);
            new_limit = new_limit.max(needed);
            if self.day >= exam - exam::WINDOW {
                review_limit = usize::MAX;
            }
        }
        // New cards wait while a backlog plan still holds cards of this deck.
        let new_left = if backlog {
            0
        } else {
            new_limit.saturating_sub(new)
        };
        (new_left, review_limit.saturating_sub(reviews))
    }

    /// The latest due time a learning card may be shown early.
    #[must_use]
    pub fn learn_ahead_end(&self, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        now + chrono::Duration::seconds(i64::from(self.scheduler.settings().learn_ahead_secs))
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

    /// Cards of `deck` a backlog plan moved and that wait for their review.
    #[must_use]
    pub fn postponed(&self, deck: usize) -> usize {
        self.collection.decks[deck]
            .cards
            .iter()
            .filter(|card| {
                self.states
                    .get(card.id.as_str())
                    .is_some_and(|f| f.postponed && !f.state.suspended)
            })
            .count()
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

    /// When the next card in `decks` falls due after now, ignoring limits, for the done
    /// screen.
    #[must_use]
    pub fn next_due(&self, decks: &[usize], now: DateTime<FixedOffset>) -> Option<NextDue> {
        let calendar = self.scheduler.calendar();
        let today = calendar.day(now);
        decks
            .iter()
            .flat_map(|&deck| self.collection.decks[deck].cards.iter())
            .map(|card| self.state(card.id.as_str()))
            .filter(|state| !state.suspended)
            .filter_map(|state| match state.due {
                Due::At(at) if at > now => Some(NextDue::At(at)),
                Due::Day(day) if day > today => Some(NextDue::Day(day)),
                _ => None,
            })
            .min_by_key(|next| match next {
                NextDue::At(at) => (calendar.day(*at), Some(*at)),
                NextDue::Day(day) => (*day, None),
            })
    }

    /// Whether any card in `decks` is new and unsuspended (for "study more new cards").
    #[must_use]
    pub fn has_unseen(&self, decks: &[usize]) -> bool {
        decks.iter().any(|&deck| {
            self.collection.decks[deck].cards.iter().any(|card| {
                let state = self.state(card.id.as_str());
                state.phase == Phase::New && !state.suspended
            })
        })
    }
}

/// When the next card is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextDue {
    At(DateTime<FixedOffset>),
    Day(Day),
}

#[cfg(test)]
pub(crate) mod tests;

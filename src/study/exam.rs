//! Studying for an exam: until the exam day, a review card whose next review would come after
//! the last days before the exam is brought into them, and one already reviewed there comes
//! again if its recall on the exam day would fall below the desired retention. New cards come
//! faster when the daily limit would not show them all in time. After the exam the schedule
//! is FSRS's own again. Nothing is written: the plan is worked out from the cards each time.
//!
//! The plan is an [`Overlay`] that [`Study`] owns: [`Study::state`] gives a brought-forward
//! card's state from it, which is how the exam reaches the queue (`study/queue.rs`).

use chrono::{DateTime, Duration, FixedOffset};
use rayon::prelude::*;

use rustc_hash::FxHashMap;

use super::Study;
use crate::deck::{Deck, DeckId};
use crate::scheduler::{CardState, Day, Due, Phase, Rating, Scheduler};
use crate::store::CardId;

/// The last days before the exam in which every card gets a review.
pub const WINDOW: Day = 3;

/// The day `state` should come due instead of its own, if the exam needs it sooner.
#[must_use]
pub fn due_for_exam(
    state: &CardState,
    exam: Day,
    today: Day,
    scheduler: &Scheduler,
) -> Option<Day> {
    let (Phase::Review, Due::Day(due), Some(last)) = (state.phase, state.due, state.last_review)
    else {
        return None;
    };
    if today >= exam || due < today.min(exam - WINDOW) {
        return None;
    }
    // The exam day in the offset the card was last reviewed in.
    let offset = *last.offset();
    let last = scheduler.calendar().day(last);
    let start = exam - WINDOW;
    let wanted = if last >= start {
        // Reviewed in the last days already: again only if the exam would find it forgotten.
        let exam_time = scheduler.calendar().start_of(exam, offset)?;
        let recall = scheduler.retrievability(state, exam_time)?;
        if recall >= scheduler.settings().desired_retention || last + 1 >= exam {
            return None;
        }
        last + 1
    } else {
        start.max(last + 1)
    };
    (wanted < due).then_some(wanted)
}

/// New cards a day needed to show `unseen` cards before the last days before the exam.
#[must_use]
pub fn new_per_day_for(unseen: usize, exam: Day, today: Day) -> usize {
    let days = usize::try_from((exam - WINDOW - today).max(1)).unwrap_or(1);
    unseen.div_ceil(days)
}

/// The exam plan, laid over the replayed states: the exam dates set in the log (over the deck
/// files'), and the cards the exams bring forward, each with its earlier due day. Owned by
/// [`Study`]; [`Study::state`] looks a card up here first, so the queue, the due counts and
/// the done screen see the plan through it. The other place an exam changes the queue is the
/// daily limits ([`new_per_day_for`] and [`WINDOW`], in `Study::limits_left`).
#[derive(Debug, Default)]
pub struct Overlay {
    /// Exam dates set in the log, by deck (`None`: cleared there).
    set_in_log: FxHashMap<DeckId, Option<Day>>,
    /// Cards an exam brings forward: their state with the earlier due day.
    brought_forward: FxHashMap<CardId, CardState>,
}

impl Overlay {
    /// An overlay with the exam dates the log set, by deck id, and no card planned yet.
    #[must_use]
    pub fn new(set_in_log: Vec<(Box<str>, Option<Day>)>) -> Self {
        Self {
            set_in_log: set_in_log
                .into_iter()
                .map(|(deck, day)| (DeckId::new(String::from(deck)), day))
                .collect(),
            brought_forward: FxHashMap::default(),
        }
    }

    /// The exam day of `deck`, from the log or else its file.
    #[must_use]
    pub fn day_of(&self, deck: &Deck) -> Option<Day> {
        match self.set_in_log.get(&deck.id) {
            Some(set) => *set,
            None => deck.exam.map(crate::scheduler::calendar::day_of_date),
        }
    }

    /// Notes an exam date the log set for `deck` (`None`: cleared).
    pub fn set(&mut self, deck: &str, day: Option<Day>) {
        self.set_in_log.insert(DeckId::new(deck), day);
    }

    /// `card`'s state as the plan has it, if an exam brings it forward.
    #[must_use]
    pub fn state(&self, card: &str) -> Option<&CardState> {
        self.brought_forward.get(card)
    }
}

/// Planning: which cards the exams bring forward, worked out from the replayed states.
impl Study {
    /// The exam day of `deck`, from the log or else its file.
    #[must_use]
    pub fn exam(&self, deck: usize) -> Option<Day> {
        self.exams.day_of(&self.collection.decks[deck])
    }

    /// Works out which cards the decks' exams bring forward, from scratch.
    pub(super) fn plan_exams(&mut self) {
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
        self.exams.brought_forward = planned;
    }

    /// The exam ahead of `card`'s deck on `today`, if any.
    pub(super) fn exam_ahead_of(&self, card: &str, today: Day) -> Option<Day> {
        self.place(card)
            .and_then(|place| self.exam(place.deck))
            .filter(|&exam| exam > today)
    }

    /// `card`'s state with the earlier due day `exam` needs, if it needs one.
    fn brought_forward(&self, card: &str, exam: Day) -> Option<CardState> {
        let state = &self.states.get(card)?.state;
        let day = due_for_exam(state, exam, self.day, self.scheduler_for_card(card))?;
        let mut state = state.clone();
        state.due = Due::Day(day);
        Some(state)
    }

    /// Works out again whether `card`'s exam brings it forward.
    pub(super) fn plan_exam_of(&mut self, card: &str) {
        let planned = self
            .exam_ahead_of(card, self.day)
            .and_then(|exam| self.brought_forward(card, exam));
        match planned {
            Some(state) => {
                self.exams.brought_forward.insert(CardId::new(card), state);
            }
            None => {
                self.exams.brought_forward.remove(card);
            }
        }
    }
}

/// What the exam looks like from today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlook {
    pub days_left: Day,
    /// Mean recall on the exam day if the plan is followed (every answer Good), unsuspended
    /// cards, new ones included.
    pub predicted: f64,
}

/// The outlook of `deck`'s exam, if it has one still ahead.
#[must_use]
pub fn outlook(study: &Study, deck: usize, now: DateTime<FixedOffset>) -> Option<Outlook> {
    let exam = study.exam(deck)?;
    let scheduler = study.scheduler_for_deck(deck);
    let calendar = scheduler.calendar();
    let today = calendar.day(now);
    if exam <= today {
        return None;
    }
    let exam_time = calendar.start_of(exam, *now.offset())? + Duration::hours(5);
    let offset = *now.offset();
    let cards: Vec<(&str, CardState)> = study
        .deck(deck)
        .cards
        .iter()
        .map(|card| (card.id.as_str(), study.state(card.id.as_str()).clone()))
        .filter(|(_, state)| !state.suspended)
        .collect();
    // Each card's plan is followed on its own, on all cores: a large deck has many.
    let recalls: Vec<f64> = cards
        .into_par_iter()
        .map(|(id, mut state)| {
            // Answer Good whenever the card is due before the exam.
            let mut at = now;
            for _ in 0..64 {
                let due_at = match state.due {
                    Due::New => at,
                    Due::At(time) => time.max(at),
                    Due::Day(day) => {
                        let day =
                            due_for_exam(&state, exam, calendar.day(at), scheduler).unwrap_or(day);
                        let Some(start) = calendar.start_of(day, offset) else {
                            break;
                        };
                        start.max(at) + Duration::hours(5)
                    }
                };
                if due_at >= exam_time {
                    break;
                }
                at = due_at;
                state = scheduler.answer(&state, id, Rating::Good, at).0;
            }
            f64::from(scheduler.retrievability(&state, exam_time).unwrap_or(0.0))
        })
        .collect();
    let count = u32::try_from(recalls.len()).unwrap_or(u32::MAX);
    let sum: f64 = recalls.iter().sum();
    (count > 0).then(|| Outlook {
        days_left: exam - today,
        predicted: sum / f64::from(count),
    })
}

#[cfg(test)]
mod tests;

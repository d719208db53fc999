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
        // Asked for every card's state: without exams, no id is hashed for nothing.
        if self.brought_forward.is_empty() {
            return None;
        }
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
    /// Mean recall (0–1) on the exam day as things stand: no more study, a card never
    /// studied counts as not recalled.
    pub as_is: f64,
    /// Mean recall (0–1) on the exam day if the plan is followed: new cards come at the
    /// plan's rate, each first seen without being known (Again, then Good through its
    /// learning steps), and every review after that is answered Good when the plan asks.
    pub predicted: f64,
    /// Unsuspended cards never studied, of `cards` (the unsuspended cards counted).
    pub unseen: usize,
    pub cards: usize,
}

impl Outlook {
    /// The figures with their condition: "0% as things stand; about 80% if you follow the
    /// plan (40 of 40 cards still to learn, a review of every card in the last days)".
    #[must_use]
    pub fn summary(&self) -> String {
        let plan = if self.unseen > 0 {
            format!(
                "{} of {} still to learn, and a review of every card in the last days",
                self.unseen,
                crate::english::counted(self.cards, "card")
            )
        } else {
            "a review of every card in the last days".to_owned()
        };
        format!(
            "{:.0}% recalled on the day as things stand; about {:.0}% if you follow the plan ({plan})",
            self.as_is * 100.0,
            self.predicted * 100.0
        )
    }
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
    let offset = *now.offset();
    let exam_time = calendar.start_of(exam, offset)? + Duration::hours(5);
    let cards: Vec<(&str, CardState)> = study
        .deck(deck)
        .cards
        .iter()
        .map(|card| (card.id.as_str(), study.state(card.id.as_str()).clone()))
        .filter(|(_, state)| !state.suspended)
        .collect();
    let unseen = cards.iter().filter(|(_, s)| s.due == Due::New).count();
    // New cards come at the plan's rate: the deck's daily limit, or faster if the exam needs.
    let limit = study.collection.decks[deck]
        .new_per_day
        .unwrap_or(scheduler.settings().new_per_day);
    let per_day = new_per_day_for(unseen, exam, today)
        .max(limit as usize)
        .max(1);
    let mut nth_new = 0;
    let plans: Vec<(&str, CardState, DateTime<FixedOffset>)> = cards
        .into_iter()
        .map(|(id, state)| {
            let mut first = now;
            if state.due == Due::New {
                let day = today + Day::try_from(nth_new / per_day).unwrap_or(Day::MAX);
                nth_new += 1;
                if day > today {
                    first = calendar
                        .start_of(day, offset)
                        .map_or(exam_time, |start| start + Duration::hours(5));
                }
            }
            (id, state, first)
        })
        .collect();
    let recall_at_exam =
        |state: &CardState| f64::from(scheduler.retrievability(state, exam_time).unwrap_or(0.0));
    let as_is: f64 = plans
        .iter()
        .map(|(_, state, _)| recall_at_exam(state))
        .sum();
    let count = plans.len();
    // Each card's plan is followed on its own, on all cores: a large deck has many.
    let predicted: f64 = plans
        .into_par_iter()
        .map(|(id, mut state, first)| {
            let mut at = now;
            for _ in 0..64 {
                let due_at = match state.due {
                    Due::New => first,
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
                // A card never seen is not known the first time: Again, then Good.
                let rating = if state.due == Due::New {
                    Rating::Again
                } else {
                    Rating::Good
                };
                at = due_at;
                state = scheduler.answer(&state, id, rating, at).0;
            }
            recall_at_exam(&state)
        })
        .sum();
    let mean = |sum: f64| sum / f64::from(u32::try_from(count).unwrap_or(u32::MAX));
    (count > 0).then(|| Outlook {
        days_left: exam - today,
        as_is: mean(as_is),
        predicted: mean(predicted),
        unseen,
        cards: count,
    })
}

#[cfg(test)]
mod tests;

//! Studying for an exam: until the exam day, a review card whose next review would come after
//! the last days before the exam is brought into them, and one already reviewed there comes
//! again if its recall on the exam day would fall below the desired retention. New cards come
//! faster when the daily limit would not show them all in time. After the exam the schedule
//! is FSRS's own again. Nothing is written: the plan is worked out from the cards each time.

use chrono::{DateTime, Duration, FixedOffset};
use rayon::prelude::*;

use super::Study;
use crate::scheduler::{CardState, Day, Due, Phase, Rating, Scheduler};

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
    let scheduler = &study.scheduler;
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

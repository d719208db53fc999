//! Why a card is due, or when it will be, in one line for the card browser and `flashdeck
//! info`: "due today: recall has fallen to 88%, below your 90% target". Pure.
//!
//! The reasons are checked in the order that decides whether the card is shown today:
//! suspended, buried (by hand, or because a sibling was answered today), then its phase; a review card's line says whether a catch-up plan or
//! an exam moved it. Recall is FSRS's retrievability from whole days elapsed
//! ([`crate::scheduler::Scheduler::retrievability`]), against the desired retention.

use chrono::{DateTime, FixedOffset};

use super::{Burial, CardPlace, Queue, Study};
use crate::english::counted;
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{CardState, Day, Due, Phase};

/// Why `card` is due at `now`, or when it will be, in one line (under 70 characters but for
/// long dates). Waits for nothing: it reads the replayed states.
#[must_use]
pub fn why_due(study: &Study, card: &str, now: DateTime<FixedOffset>) -> String {
    let Some(place) = study.place(card) else {
        return "never due: no deck has this card any more; its history is kept".to_owned();
    };
    let state = study.state(card);
    let today = study.scheduler.calendar().day(now);
    if state.suspended {
        return if state.leech {
            format!(
                "suspended as a leech after {}; unsuspend to study it",
                counted(state.lapses as usize, "lapse")
            )
        } else {
            "suspended: not shown until unsuspended".to_owned()
        };
    }
    match study.burial(card, now) {
        Some(Burial::Manual(until)) => return format!("buried until {}", day_name(until, today)),
        Some(Burial::Sibling) => {
            return "buried until tomorrow: a sibling was answered today".to_owned();
        }
        None => {}
    }
    match state.due {
        Due::New => new_card(study, place, card, now),
        Due::At(at) => step(study, place, state.phase, at, now),
        Due::Day(due) => review(study, place, card, state, due, now),
    }
}

/// Where a new card stands in today's new cards of its deck.
fn new_card(study: &Study, place: CardPlace, card: &str, now: DateTime<FixedOffset>) -> String {
    let queue = Queue::build(study, &[place.deck], now);
    match queue.new.iter().position(|id| id.as_ref() == card) {
        Some(0) => "new: not yet studied; next of today's new cards".to_owned(),
        Some(1) => "new: not yet studied; 1 new card is ahead of it today".to_owned(),
        Some(ahead) => format!("new: not yet studied; {ahead} new cards are ahead of it today"),
        // A backlog plan holds the deck's new cards back (`Study::limits_left`).
        None if study.postponed(place.deck) > 0 => {
            "new: waits until the catch-up plan's reviews are done".to_owned()
        }
        None if study
            .scheduler_for_deck(place.deck)
            .settings()
            .bury_siblings
            .new
            && sibling_queued(study, &queue, card) =>
        {
            "new: waits for tomorrow, as a sibling is studied today".to_owned()
        }
        None => "new: not yet studied; past today's limit of new cards".to_owned(),
    }
}

/// A (re)learning card: when its next step is due, and which step it is.
fn step(
    study: &Study,
    place: CardPlace,
    phase: Phase,
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> String {
    let settings = study.scheduler_for_deck(place.deck).settings();
    let (name, step, steps) = match phase {
        Phase::Relearning { step } => ("relearning", step, settings.relearning_steps.len()),
        Phase::Learning { step } => ("learning", step, settings.learning_steps.len()),
        Phase::New | Phase::Review => (phase.name(), 0, 0),
    };
    let steps = if steps > 0 {
        format!(", step {} of {steps}", step + 1)
    } else {
        String::new()
    };
    if at <= now {
        return format!("{name}: due now{steps}");
    }
    let calendar = study.scheduler.calendar();
    let local = at.with_timezone(now.offset());
    let clock = local.format("%H:%M");
    let today = calendar.day(now);
    let day = calendar.day(local);
    if day == today {
        format!("{name}: due again at {clock}{steps}")
    } else {
        format!(
            "{name}: due again {} at {clock}{steps}",
            day_name(day, today)
        )
    }
}

/// A review card: moved by an exam or a catch-up plan, due, overdue, or not yet due.
fn review(
    study: &Study,
    place: CardPlace,
    card: &str,
    state: &CardState,
    due: Day,
    now: DateTime<FixedOffset>,
) -> String {
    let today = study.scheduler.calendar().day(now);
    let scheduler = study.scheduler_for_deck(place.deck);
    let target = scheduler.settings().desired_retention;
    let recall = scheduler.retrievability(state, now);
    let recall_text = recall.map_or_else(|| "unknown".to_owned(), |r| percent(r, target));
    if study.exams.state(card).is_some()
        && let Some(exam) = study.exam(place.deck)
    {
        let exam = date_of_day(exam).map_or_else(String::new, |d| d.format("%-d %b").to_string());
        return if due <= today {
            format!("due today: brought forward for the exam on {exam}")
        } else {
            format!(
                "brought forward to {} for the exam on {exam}",
                day_name(due, today)
            )
        };
    }
    let postponed = study.states.get(card).is_some_and(|f| f.postponed);
    if due > today {
        let days = due - today;
        return if postponed {
            format!(
                "held back by the catch-up plan until {}; recall now {recall_text}",
                day_name(due, today)
            )
        } else if days == 1 {
            format!(
                "not due until tomorrow, {}; recall now {recall_text}",
                date_name(due, today)
            )
        } else {
            format!(
                "not due until {} (in {days} days); recall now {recall_text}",
                date_name(due, today)
            )
        };
    }
    let target_text = percent(target, f32::NAN);
    let queue = Queue::build(study, &[place.deck], now);
    let queued = queue.reviews.iter().any(|id| id.as_ref() == card);
    let burying = scheduler.settings().bury_siblings.reviews;
    if !queued && burying && sibling_queued(study, &queue, card) {
        return format!(
            "due, but waits, as a sibling is studied today: recall {recall_text}, target {target_text}"
        );
    }
    if !queued {
        return format!(
            "due, but over today's review limit: recall {recall_text}, target {target_text}"
        );
    }
    if due < today {
        let late = usize::try_from(today - due).unwrap_or(0);
        return format!(
            "overdue by {}: recall {recall_text}, target {target_text}",
            counted(late, "day")
        );
    }
    match recall {
        Some(r) if r < target => {
            format!(
                "due today: recall has fallen to {recall_text}, below your {target_text} target"
            )
        }
        _ => format!("due today: recall {recall_text}, at your {target_text} target"),
    }
}

/// Whether a sibling of `card` is in `queue`: then, with burying on for `card`'s queue, `card`
/// was left out of it for that sibling (see `queue/gather.rs`).
fn sibling_queued(study: &Study, queue: &Queue, card: &str) -> bool {
    let siblings = study.siblings_of(card);
    let queued = |id: &str| siblings.contains(&id);
    queue.new.iter().any(|id| queued(id))
        || queue.reviews.iter().any(|id| queued(id))
        || queue.learning.iter().any(|(_, id)| queued(id))
}

/// `value` (0–1) as a whole percentage, with a tenth when it would read the same as `target`'s
/// ("89.6%" rather than a "90%" said to be below 90%).
fn percent(value: f32, target: f32) -> String {
    let whole = (value * 100.0).round();
    if (whole - (target * 100.0).round()).abs() < f32::EPSILON
        && (value - target).abs() > f32::EPSILON
    {
        format!("{:.1}%", value * 100.0)
    } else {
        format!("{whole:.0}%")
    }
}

/// "today", "tomorrow", or the day's date ([`date_name`]).
fn day_name(day: Day, today: Day) -> String {
    match day - today {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        _ => date_name(day, today),
    }
}

/// "Thu 3 Dec", with the year when it is not this year's.
fn date_name(day: Day, today: Day) -> String {
    let (Some(date), Some(now)) = (date_of_day(day), date_of_day(today)) else {
        return format!("day {day}");
    };
    if chrono::Datelike::year(&date) == chrono::Datelike::year(&now) {
        date.format("%a %-d %b").to_string()
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

#[cfg(test)]
mod tests;

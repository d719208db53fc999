//! Card info: one card's text and place, its schedule now, why it is (or is not) due, and its
//! whole history as the log holds it, answers before a forget included. Pure: "now" comes in,
//! and the history comes from the replay ([`crate::store::History::trace`]).

mod text;

pub use text::{date, minute};

use chrono::{DateTime, FixedOffset};

use super::Study;
use super::why_due::why_due;
use crate::scheduler::{CardState, Day, Interval, Rating};
use crate::store::{Traced, TracedKind};

/// A card as its deck file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    pub front: String,
    pub back: String,
    /// The card's tags, then its deck's, each once.
    pub tags: Vec<String>,
    /// The deck file (`<built in>` for the bundled deck).
    pub file: String,
    /// The line of the card's `[[cards]]` header, 1-based.
    pub line: usize,
}

/// Everything known about one card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardInfo {
    pub card: String,
    /// `None` for a history whose card no deck has (an orphan).
    pub text: Option<CardText>,
    /// Its state now, an exam's earlier due day included; `reps` and `lapses` count since
    /// the last forget, as everywhere else.
    pub state: CardState,
    /// Why it is due, or when it will be, in one line ([`why_due`]).
    pub why_due: String,
    /// The probability of recall now, 0–1; `None` before the first answer.
    pub retrievability: Option<f32>,
    /// The first and the latest answer in review mode, forgets or not.
    pub first_review: Option<DateTime<FixedOffset>>,
    pub latest_review: Option<DateTime<FixedOffset>>,
    /// Mean seconds of the answers in review mode that recorded how long they took.
    pub average_secs: Option<f64>,
    /// Every event not undone, oldest first.
    pub history: Vec<HistoryRow>,
}

/// One event of a card's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub time: DateTime<FixedOffset>,
    /// For an answer, its mode as the log spells it (`review`, `learn`, `test`, ...); for
    /// another event, the log's name of its kind (`bury`, `suspend`, `forget`, ...).
    pub event: &'static str,
    /// Answers only.
    pub rating: Option<Rating>,
    pub duration_ms: Option<u32>,
    /// Answers in review mode only: what the scheduler made of it.
    pub schedule: Option<RowSchedule>,
    /// A postponement's new due day.
    pub moved_to: Option<Day>,
}

/// What an answer in review mode did to the schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowSchedule {
    /// Until the card was due again: days for a review card, seconds for a (re)learning step.
    pub interval: Interval,
    /// Stability after the answer, in days.
    pub stability: f32,
    /// Difficulty after the answer, 1–10.
    pub difficulty: f32,
    /// Recall just before the answer, 0–1; `None` for a new (or forgotten) card.
    pub retrievability: Option<f32>,
    /// The answer made the card a leech, and suspended it.
    pub became_leech: bool,
}

impl CardInfo {
    /// The info of `card` at `now`; `None` when neither a deck nor the log knows it. Waits for
    /// the history ([`Study::wait_for_history`]).
    #[must_use]
    pub fn of(study: &Study, card: &str, now: DateTime<FixedOffset>) -> Option<Self> {
        let scheduler = study.scheduler_for_card(card);
        let traced = study.wait_for_history().trace(card, scheduler);
        let place = study.place(card);
        if place.is_none() && traced.is_empty() {
            return None;
        }
        let text = place.map(|place| {
            let deck = study.deck(place.deck);
            let found = study.card(place);
            CardText {
                front: found.front.clone(),
                back: found.back.clone(),
                tags: {
                    // A tag on both the card and its deck is shown once.
                    let mut tags: Vec<String> = Vec::new();
                    for tag in found.tags.iter().chain(&deck.tags) {
                        if !tags.contains(tag) {
                            tags.push(tag.clone());
                        }
                    }
                    tags
                },
                file: deck.source.to_string(),
                line: found.line,
            }
        });
        let history: Vec<HistoryRow> = traced.iter().map(|t| row(t, study)).collect();
        let reviews: Vec<&HistoryRow> = history.iter().filter(|r| r.schedule.is_some()).collect();
        let timed: Vec<u32> = reviews.iter().filter_map(|r| r.duration_ms).collect();
        let average_secs = (!timed.is_empty()).then(|| {
            let total: f64 = timed.iter().map(|&ms| f64::from(ms)).sum();
            total / 1000.0 / f64::from(u32::try_from(timed.len()).unwrap_or(u32::MAX))
        });
        let state = study.state(card).clone();
        Some(Self {
            card: card.to_owned(),
            text,
            retrievability: scheduler.retrievability(&state, now),
            state,
            why_due: why_due(study, card, now),
            first_review: reviews.first().map(|r| r.time),
            latest_review: reviews.last().map(|r| r.time),
            average_secs,
            history,
        })
    }
}

fn row(traced: &Traced, study: &Study) -> HistoryRow {
    let mut row = HistoryRow {
        time: traced.time,
        event: "",
        rating: None,
        duration_ms: None,
        schedule: None,
        moved_to: None,
    };
    match &traced.kind {
        TracedKind::Review(answer) => {
            row.event = crate::practice::Mode::Review.as_str();
            row.rating = Some(answer.rating);
            row.duration_ms = answer.duration_ms;
            // Always set after an answer; a default keeps this total.
            let memory = answer.after.memory.unwrap_or(fsrs::MemoryState {
                stability: 0.0,
                difficulty: 0.0,
            });
            row.schedule = Some(RowSchedule {
                interval: study.scheduler.delay(&answer.after, traced.time),
                stability: memory.stability,
                difficulty: memory.difficulty,
                retrievability: answer.retrievability,
                became_leech: answer.became_leech,
            });
        }
        TracedKind::Practice {
            mode,
            rating,
            duration_ms,
        } => {
            row.event = mode.as_str();
            row.rating = Some(*rating);
            row.duration_ms = *duration_ms;
        }
        TracedKind::Other { name, moved_to } => {
            row.event = name;
            row.moved_to = *moved_to;
        }
    }
    row
}

#[cfg(test)]
mod tests;

//! Statistics: pure aggregates of the review history, as Anki's statistics define them.
//!
//! - Today: answers, time spent, and the share of Again.
//! - A calendar of answers per day over the last year.
//! - A 30-day forecast of reviews, and the daily load: the sum of 1/interval over review
//!   cards (how many reviews a day the collection costs in the long run).
//! - True retention: only the first answer of a card each day counts, never a card's first
//!   answer ever, and Again is a fail; split into young and mature (interval ≥ 21 days).
//! - Card counts by state, and the cards remembered now: the sum of FSRS retrievability.
//! - Per deck, the practice modes' mastery: learn, test and match.

use rustc_hash::FxHashMap;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;

use crate::scheduler::Schedulers;
use crate::scheduler::{Day, Due, MATURE_DAYS, Phase, Rating};
use crate::store::replay::first_each_day;
use crate::store::{Answer, History, LearnLevel, Mode};
use crate::study::Study;

/// Days in the calendar and the forecast.
pub const CALENDAR_DAYS: usize = 365;
pub const FORECAST_DAYS: usize = 30;

/// Passed out of counted, for a retention figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub passed: usize,
    pub total: usize,
}

impl Rate {
    /// The share passed, if anything was counted.
    #[must_use]
    pub fn share(self) -> Option<f64> {
        (self.total > 0).then(|| count(self.passed) / count(self.total))
    }

    /// "85% (17/20)", or "–" with nothing counted: how the screen and `stats` print it.
    #[must_use]
    pub fn percent(self) -> String {
        self.share().map_or_else(
            || "–".to_owned(),
            |share| format!("{:.0}% ({}/{})", share * 100.0, self.passed, self.total),
        )
    }

    fn add(&mut self, passed: bool) {
        self.total += 1;
        self.passed += usize::from(passed);
    }
}

/// True retention in one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Retention {
    pub young: Rate,
    pub mature: Rate,
    pub all: Rate,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Periods {
    pub day: Retention,
    pub week: Retention,
    pub month: Retention,
    pub year: Retention,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Today {
    pub answers: usize,
    pub seconds: u64,
    /// Share of today's answers that were Again.
    pub again_share: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardCounts {
    pub new: usize,
    pub learning: usize,
    pub young: usize,
    pub mature: usize,
    pub suspended: usize,
    pub buried: usize,
}

/// One deck's standing in every mode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckMastery {
    pub deck: String,
    pub name: String,
    /// Share of the deck's cards mastered in Learn.
    pub learn_mastered: f64,
    pub test_best: Option<u32>,
    pub test_last: Option<u32>,
    pub match_best_ms: Option<u64>,
    /// True retention of the deck's reviews, over all time.
    pub review_retention: Rate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub today: Today,
    /// Answers per day, oldest first, ending today.
    pub calendar: Vec<usize>,
    /// Reviews due per day from today; overdue cards count today.
    pub forecast: Vec<usize>,
    pub daily_load: f64,
    pub retention: Periods,
    pub cards: CardCounts,
    /// Sum of retrievability over studied cards.
    pub remembered: f64,
    pub total_answers: usize,
    pub days_studied: usize,
    pub decks: Vec<DeckMastery>,
    /// Streak and XP, when the settings turn them on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<crate::motivation::Motivation>,
}

/// Statistics of `decks` at `now`.
#[must_use]
pub fn compute(study: &Study, decks: &[usize], now: DateTime<FixedOffset>) -> Stats {
    let cards: Vec<&str> = decks
        .iter()
        .flat_map(|&d| {
            study.collection.decks[d]
                .cards
                .iter()
                .map(|c| c.id.as_str())
        })
        .collect();
    let (mut stats, per_card) = replay(study, &cards, now);
    // The cards are in deck order: each deck's retention is the sum over its run of them.
    let mut per_card = per_card.into_iter();
    stats.decks = decks
        .iter()
        .map(|&d| {
            let retention = per_card
                .by_ref()
                .take(study.collection.decks[d].cards.len())
                .fold(Rate::default(), |sum, r| Rate {
                    passed: sum.passed + r.passed,
                    total: sum.total + r.total,
                });
            mastery(study, d, retention)
        })
        .collect();
    stats
}

/// Statistics of any cards, by id (cards without history are new).
#[must_use]
pub fn of_cards(study: &Study, cards: &[&str], now: DateTime<FixedOffset>) -> Stats {
    replay(study, cards, now).0
}

/// Statistics of `cards`, and each card's all-time true retention, from one replay.
fn replay(study: &Study, cards: &[&str], now: DateTime<FixedOffset>) -> (Stats, Vec<Rate>) {
    let presets = study.presets();
    let today = study.scheduler.calendar().day(now);
    let mut answers_per_day: FxHashMap<Day, usize> = FxHashMap::default();
    let mut today_stats = (0usize, 0u64, 0usize);
    let mut periods = Periods::default();
    let mut counts = CardCounts::default();
    let mut forecast = vec![0usize; FORECAST_DAYS];
    let (mut daily_load, mut remembered, mut total) = (0.0, 0.0, 0);
    // Replaying is the cost; it runs on every core, the sums after it in order.
    let history: &History = study.wait_for_history();
    let replayed: Vec<_> = cards
        .par_iter()
        .map(|card| history.answers(card, presets))
        .collect();
    let mut per_card = Vec::with_capacity(cards.len());
    for (&card, (folded, answers)) in cards.iter().zip(replayed) {
        let mut retention = Rate::default();
        for answer in true_retention_answers(&answers) {
            retention.add(answer.rating != Rating::Again);
        }
        per_card.push(retention);
        let state = &folded.state;
        total += answers.len();
        for answer in &answers {
            *answers_per_day.entry(answer.day).or_default() += 1;
            if answer.day == today {
                today_stats.0 += 1;
                today_stats.1 += u64::from(answer.duration_ms.unwrap_or(0));
                today_stats.2 += usize::from(answer.rating == Rating::Again);
            }
        }
        add_retention(&mut periods, &answers, today);
        match (state.phase, state.due) {
            (Phase::New, _) => counts.new += 1,
            (Phase::Learning { .. } | Phase::Relearning { .. }, _) => counts.learning += 1,
            (Phase::Review, _) if state.is_mature() => counts.mature += 1,
            (Phase::Review, _) => counts.young += 1,
        }
        counts.suspended += usize::from(state.suspended);
        counts.buried += usize::from(state.buried_until.is_some_and(|d| d > today));
        if state.phase == Phase::Review && !state.suspended {
            if let Due::Day(due) = state.due {
                let offset = usize::try_from((due - today).max(0)).unwrap_or(usize::MAX);
                if let Some(slot) = forecast.get_mut(offset) {
                    *slot += 1;
                }
            }
            daily_load += 1.0 / f64::from(state.scheduled_days.max(1));
        }
        let scheduler = presets.for_card(card);
        remembered += f64::from(scheduler.retrievability(state, now).unwrap_or(0.0));
    }
    let calendar = (0..CALENDAR_DAYS)
        .rev()
        .map(|back| {
            answers_per_day
                .get(&(today - i32::try_from(back).unwrap_or(0)))
                .copied()
                .unwrap_or(0)
        })
        .collect();
    let stats = Stats {
        today: Today {
            answers: today_stats.0,
            seconds: today_stats.1 / 1000,
            again_share: (today_stats.0 > 0).then(|| count(today_stats.2) / count(today_stats.0)),
        },
        calendar,
        forecast,
        daily_load,
        retention: periods,
        cards: counts,
        remembered,
        total_answers: total,
        days_studied: answers_per_day.len(),
        decks: Vec::new(),
        motivation: None,
    };
    (stats, per_card)
}

/// Adds one card's answers to the true retention of each period ending `today`.
pub fn add_retention(periods: &mut Periods, answers: &[Answer], today: Day) {
    for answer in true_retention_answers(answers) {
        let passed = answer.rating != Rating::Again;
        let age = today - answer.day;
        for (window, retention) in [
            (1, &mut periods.day),
            (7, &mut periods.week),
            (30, &mut periods.month),
            (365, &mut periods.year),
        ] {
            if age < window {
                retention.all.add(passed);
                if answer.interval_before >= MATURE_DAYS {
                    retention.mature.add(passed);
                } else {
                    retention.young.add(passed);
                }
            }
        }
    }
}

/// The answers true retention counts: the first of the card each day, not its first ever.
fn true_retention_answers(answers: &[Answer]) -> impl Iterator<Item = &Answer> {
    first_each_day(answers).filter(|a| !a.first_ever)
}

fn mastery(study: &Study, deck: usize, retention: Rate) -> DeckMastery {
    let d = &study.collection.decks[deck];
    let mastered = d
        .cards
        .iter()
        .filter(|c| study.practice(c.id.as_str()).learn == LearnLevel::Mastered)
        .count();
    let results = study.wait_for_history().results(d.id.as_str());
    let tests: Vec<u32> = results
        .iter()
        .filter(|r| r.mode == Mode::Test)
        .filter_map(|r| r.score)
        .collect();
    DeckMastery {
        deck: d.id.to_string(),
        name: d.name.clone(),
        learn_mastered: if d.cards.is_empty() {
            0.0
        } else {
            count(mastered) / count(d.cards.len())
        },
        test_best: tests.iter().max().copied(),
        test_last: tests.last().copied(),
        match_best_ms: results
            .iter()
            .filter(|r| r.mode == Mode::Match)
            .filter_map(|r| r.ms)
            .min(),
        review_retention: retention,
    }
}

/// A count as a float for shares; counts stay far below 2^52.
fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;

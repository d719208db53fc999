//! Statistics: pure aggregates of the review history, as Anki's statistics define them, and
//! one they do not show. One replay of each card feeds every figure.
//!
//! - Today, answers per day by kind, per hour and per button: [`activity`].
//! - True retention by period, by stability band and by deck: [`retention`].
//! - Calibration, FSRS's predicted recall against the actual: [`calibration`].
//! - Card counts, reviews due ahead, the distributions of the cards' memories, and the
//!   cards remembered now and over the last 30 days: [`cards`].
//! - Per deck, the practice modes' mastery: learn, test and match.
//!
//! `docs/stats.md` documents every field as `stats --json` writes it.

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;

use crate::scheduler::{Day, Rating, Scheduler, Schedulers};
use crate::store::{Answer, Folded, History, LearnLevel, Mode, PracticeAnswer};
use crate::study::Study;

pub mod activity;
pub mod calibration;
pub mod cards;
pub mod distribution;
pub mod retention;

pub use activity::{ButtonsByKind, Hour, ReviewsOverTime, Today};
pub use calibration::Calibration;
pub use cards::{CardCounts, Distributions, FutureDue, RememberedOverTime};
pub use retention::{Band, Periods, Rate, Retention, add_retention};

/// Days in the calendar and the forecast.
pub const CALENDAR_DAYS: usize = 365;
pub const FORECAST_DAYS: usize = 30;

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

/// Every figure, as the screen shows them and `stats --json` writes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The date statistics were taken on (the scheduler's day, which starts at the rollover).
    pub date: Option<chrono::NaiveDate>,
    pub today: Today,
    /// Answers in review mode per day, oldest first, ending today.
    pub calendar: Vec<usize>,
    /// The date of `calendar[0]`.
    pub calendar_start: Option<chrono::NaiveDate>,
    /// Reviews due per day from today; overdue cards count today.
    pub forecast: Vec<usize>,
    pub daily_load: f64,
    pub future_due: FutureDue,
    pub retention: Periods,
    /// True retention over all time by the stability the card had when answered.
    pub retention_by_stability: Vec<Band>,
    pub calibration: Calibration,
    pub cards: CardCounts,
    pub distributions: Distributions,
    /// Sum of retrievability over studied cards.
    pub remembered: f64,
    pub remembered_over_time: RememberedOverTime,
    pub reviews_over_time: ReviewsOverTime,
    /// Answers in review mode per hour of the day (in today's UTC offset), and the share
    /// not Again.
    pub hours: Vec<Hour>,
    pub buttons: ButtonsByKind,
    pub total_answers: usize,
    pub days_studied: usize,
    pub decks: Vec<DeckMastery>,
    /// Streak and XP, as far as the settings turn them on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<crate::motivation::Shown>,
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
                .fold(Rate::default(), Rate::plus);
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

/// Every figure's running sums: each card's answers are walked once, each answer handed to
/// every figure that counts it. Cards are walked on every core, each core's sums merged after.
struct Walk {
    today: Day,
    activity: activity::Tally,
    periods: Periods,
    bands: Vec<Band>,
    calibration: calibration::Tally,
    cards: cards::Tally,
    /// Each card's all-time true retention, by its index in the cards asked for.
    per_card: Vec<(usize, Rate)>,
}

impl Walk {
    fn new(today: Day, now: DateTime<FixedOffset>) -> Self {
        Self {
            today,
            activity: activity::Tally::new(today, *now.offset()),
            periods: Periods::default(),
            bands: retention::empty_bands(),
            calibration: calibration::Tally::default(),
            cards: cards::Tally::new(today, now),
            per_card: Vec::new(),
        }
    }

    fn add_card(&mut self, index: usize, scheduler: &Scheduler, replayed: &Replayed) {
        let (folded, answers, practice) = replayed;
        let calendar = scheduler.calendar();
        let mut own = Rate::default();
        for answer in retention::true_retention_answers(answers) {
            let passed = answer.rating != Rating::Again;
            own.add(passed);
            self.periods.add(answer, passed, self.today);
            // The recall FSRS predicted at this moment, from the memory before the answer.
            if let (Some(memory), Some(last)) = (answer.memory_before, answer.last_review_before) {
                let predicted = scheduler.recall_on(memory, calendar.day(last), answer.day);
                self.calibration.add(f64::from(predicted), passed);
                retention::add_to_band(&mut self.bands, f64::from(memory.stability), passed);
            }
        }
        self.per_card.push((index, own));
        for answer in answers {
            self.activity.add(answer);
        }
        for answer in practice {
            self.activity.add_practice(answer);
        }
        self.cards.add(scheduler, &folded.state, answers);
    }

    fn merge(mut self, other: Self) -> Self {
        self.activity.merge(other.activity);
        self.periods.merge(&other.periods);
        for (band, theirs) in self.bands.iter_mut().zip(other.bands) {
            band.rate = band.rate.plus(theirs.rate);
        }
        self.calibration.merge(&other.calibration);
        self.cards.merge(other.cards);
        self.per_card.extend(other.per_card);
        self
    }
}

/// One card's replay: its state, its answers in review mode, its practice answers.
type Replayed = (Folded, Vec<Answer>, Vec<PracticeAnswer>);

/// Statistics of `cards`, and each card's all-time true retention, from one replay.
fn replay(study: &Study, cards: &[&str], now: DateTime<FixedOffset>) -> (Stats, Vec<Rate>) {
    let presets = study.presets();
    let today = study.scheduler.calendar().day(now);
    let history: &History = study.wait_for_history();
    let walk = cards
        .par_iter()
        .enumerate()
        .fold(
            || Walk::new(today, now),
            |mut walk, (index, &card)| {
                let replayed = history.answers_with_practice(card, presets);
                walk.add_card(index, presets.for_card(card), &replayed);
                walk
            },
        )
        .reduce(|| Walk::new(today, now), Walk::merge);
    let Walk {
        activity,
        periods,
        bands,
        calibration,
        cards: card_tally,
        mut per_card,
        ..
    } = walk;
    per_card.sort_unstable_by_key(|&(index, _)| index);
    let per_card = per_card.into_iter().map(|(_, rate)| rate).collect();
    let future_due = card_tally.future_due();
    let stats = Stats {
        date: crate::scheduler::calendar::date_of_day(today),
        today: activity.today(),
        calendar: activity.calendar(CALENDAR_DAYS),
        calendar_start: crate::scheduler::calendar::date_of_day(
            today - i32::try_from(CALENDAR_DAYS - 1).unwrap_or(0),
        ),
        forecast: card_tally.forecast(FORECAST_DAYS),
        daily_load: future_due.daily_load,
        future_due,
        retention: periods,
        retention_by_stability: bands,
        calibration: calibration.finish(),
        cards: card_tally.counts,
        remembered: card_tally.remembered,
        remembered_over_time: card_tally.remembered_over_time(),
        distributions: card_tally.distributions(),
        reviews_over_time: activity.over_time(),
        hours: activity.hourly(),
        buttons: activity.buttons,
        total_answers: activity.total_answers,
        days_studied: activity.days_studied(),
        decks: Vec::new(),
        motivation: None,
    };
    (stats, per_card)
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
pub(crate) mod tests;

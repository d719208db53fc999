//! Statistics: pure aggregates of the review history, as Anki's statistics define them, and
//! one they do not show. One replay of each card feeds every figure.
//!
//! - Today, answers per day by kind, per hour and per button: [`activity`].
//! - True retention by period, by stability band and by deck: [`retention`].
//! - Calibration, FSRS's predicted recall against the actual: [`calibration`].
//! - Card counts, reviews due ahead, the distributions of the cards' memories, and the
//!   cards remembered now and over the last 30 days: [`cards`].
//! - Per deck, the practice modes' mastery: learn, test and match; and week by week:
//!   [`progress`].
//! - True retention by deck: [`by_deck`]; trouble cards: [`trouble`].
//! - What the figures are of (decks, or a search query's cards): [`selection`]; the one
//!   replay they all come from: `walk`.
//!
//! `docs/stats.md` documents every field as `stats --json` writes it.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::store::Mode;
use crate::study::Study;

pub mod activity;
pub mod by_deck;
pub mod calibration;
pub mod cards;
pub mod distribution;
pub mod progress;
pub mod retention;
pub mod selection;
pub mod trouble;
mod walk;

pub use activity::{ButtonsByKind, Hour, ReviewsOverTime, Today};
pub use by_deck::DeckRetention;
pub use calibration::Calibration;
pub use cards::{CardCounts, Distributions, FutureDue, RememberedOverTime};
pub use progress::{DeckProgress, Progress, Week};
pub use retention::{Band, Periods, Rate, Retention, add_retention};
pub use selection::Selection;
pub use trouble::{ConfusedPair, Trouble, TroubleCard};

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
    /// True retention over all time by deck, each against the whole selection's.
    pub retention_by_deck: Vec<DeckRetention>,
    /// Leeches, the cards most often answered Again lately, and the pairs confused.
    pub trouble: Trouble,
    /// Per deck, week by week: Learn mastered, the best test, the fastest match.
    pub progress: Progress,
    /// Streak and XP, as far as the settings turn them on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<crate::motivation::Shown>,
}

/// Statistics of `decks` at `now`.
#[must_use]
pub fn compute(study: &Study, decks: &[usize], now: DateTime<FixedOffset>) -> Stats {
    compute_selection(study, &Selection::decks(decks), now)
}

/// Statistics of any cards, by id (cards without history are new), in no deck.
#[must_use]
pub fn of_cards(study: &Study, cards: &[&str], now: DateTime<FixedOffset>) -> Stats {
    replay(study, cards, &[], &[], now)
}

/// Statistics of the cards `selection` holds, per deck figures for each of its decks.
#[must_use]
pub fn compute_selection(
    study: &Study,
    selection: &Selection,
    now: DateTime<FixedOffset>,
) -> Stats {
    let (cards, sizes) = selection.card_ids(study);
    let decks = selection.deck_indexes();
    replay(study, &cards, &sizes, &decks, now)
}

/// Statistics of `cards`: the first `sizes[g]` after the groups before are deck
/// `decks[g]`'s, the rest are in no deck. One replay of each card.
fn replay(
    study: &Study,
    cards: &[&str],
    sizes: &[usize],
    decks: &[usize],
    now: DateTime<FixedOffset>,
) -> Stats {
    let calendar = study.scheduler.calendar();
    let today = calendar.day(now);
    let history = study.wait_for_history();
    let mut group_of: Vec<Option<usize>> = Vec::with_capacity(cards.len());
    for (group, &size) in sizes.iter().enumerate() {
        group_of.extend(std::iter::repeat_n(Some(group), size));
    }
    group_of.resize(cards.len(), None);
    let deck_ids: Vec<&str> = decks
        .iter()
        .map(|&d| study.collection.decks[d].id.as_str())
        .collect();
    // Events dated after `now` (a clock set ahead, an import) count in no figure, as if
    // not yet written: every figure below reads the log up to `now` alone.
    let learn_resets: Vec<_> = deck_ids
        .iter()
        .map(|deck| {
            let mut resets = history.resets(deck, Mode::Learn);
            resets.retain(|&time| time <= now);
            resets
        })
        .collect();
    let context = walk::Context {
        today,
        now,
        calendar,
        group_of: &group_of,
        groups: decks.len(),
        learn_resets: &learn_resets,
    };
    let walked = walk::walk(study, cards, &context);
    let results: Vec<Vec<crate::store::DeckResult>> = deck_ids
        .iter()
        .map(|deck| {
            let mut results = history.results(deck);
            results.retain(|r| r.time <= now);
            results
        })
        .collect();
    let future_due = walked.cards.future_due();
    let progress = progress_of(study, decks, sizes, &walked, &results, today);
    let trouble = trouble::finish(
        walked.trouble,
        cards,
        history.confusions().filter(|c| c.time <= now),
        calendar,
        today,
        study,
    );
    let overall = walked.periods.all_time;
    let decks_mastery = decks
        .iter()
        .zip(&walked.by_group)
        .zip(&results)
        .enumerate()
        .map(|(group, ((&d, retention), results))| {
            let mastered = progress
                .decks
                .get(group)
                .and_then(|p| p.weeks.last())
                .map(|week| week.learn_mastered);
            mastery(study, d, mastered, retention.all, results)
        })
        .collect();
    let retention_by_deck = decks
        .iter()
        .zip(&walked.by_group)
        .map(|(&d, retention)| {
            let deck = &study.collection.decks[d];
            DeckRetention::new(deck.id.to_string(), deck.name.clone(), *retention, overall)
        })
        .collect();
    let activity = walked.activity;
    let card_tally = walked.cards;
    Stats {
        date: crate::scheduler::calendar::date_of_day(today),
        today: activity.today(),
        calendar: activity.calendar(CALENDAR_DAYS),
        calendar_start: crate::scheduler::calendar::date_of_day(
            today - i32::try_from(CALENDAR_DAYS - 1).unwrap_or(0),
        ),
        forecast: card_tally.forecast(FORECAST_DAYS),
        daily_load: future_due.daily_load,
        future_due,
        retention: walked.periods,
        retention_by_stability: walked.bands,
        calibration: walked.calibration.finish(),
        cards: card_tally.counts,
        remembered: card_tally.remembered,
        remembered_over_time: card_tally.remembered_over_time(),
        distributions: card_tally.distributions(),
        reviews_over_time: activity.over_time(),
        hours: activity.hourly(),
        buttons: activity.buttons,
        total_answers: activity.total_answers,
        days_studied: activity.days_studied(),
        decks: decks_mastery,
        retention_by_deck,
        trouble,
        progress,
        motivation: None,
    }
}

/// Each deck's weeks, from the first week with practice in any of them.
fn progress_of(
    study: &Study,
    decks: &[usize],
    sizes: &[usize],
    walked: &walk::Walk,
    results: &[Vec<crate::store::DeckResult>],
    today: crate::scheduler::Day,
) -> Progress {
    let calendar = study.scheduler.calendar();
    let result_days = results
        .iter()
        .flatten()
        .filter(|r| matches!(r.mode, Mode::Test | Mode::Match))
        .map(|r| calendar.day(r.time));
    let Some(first) =
        progress::first_week(walked.first_learn.into_iter().chain(result_days), today)
    else {
        return Progress::default();
    };
    let weeks = progress::PROGRESS_WEEKS;
    let decks = decks
        .iter()
        .enumerate()
        .map(|(group, &d)| {
            let deck = &study.collection.decks[d];
            let counts = &walked.learn_weeks[group * weeks..(group + 1) * weeks];
            let mut all =
                progress::deck_weeks(counts, sizes[group], &results[group], calendar, today);
            DeckProgress {
                deck: deck.id.to_string(),
                name: deck.name.clone(),
                weeks: all.split_off(first),
            }
        })
        .collect();
    Progress {
        start: crate::scheduler::calendar::date_of_day(progress::week_end(today, first) - 6),
        weeks: weeks - first,
        decks,
    }
}

impl trouble::Describe for Study {
    fn describe(&self, card: &str) -> Option<(String, String)> {
        let place = self.place(card)?;
        let deck = self.collection.decks[place.deck].id.to_string();
        Some((deck, self.card(place).front.clone()))
    }
}

/// One deck's standing: Learn's share at the end of this week's progress (of the selected
/// cards), its results, and its retention.
fn mastery(
    study: &Study,
    deck: usize,
    mastered: Option<f64>,
    retention: Rate,
    results: &[crate::store::DeckResult],
) -> DeckMastery {
    let d = &study.collection.decks[deck];
    let tests: Vec<u32> = results
        .iter()
        .filter(|r| r.mode == Mode::Test)
        .filter_map(|r| r.score)
        .collect();
    DeckMastery {
        deck: d.id.to_string(),
        name: d.name.clone(),
        // No practice in the weeks counted: nothing mastered.
        learn_mastered: mastered.unwrap_or(0.0),
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

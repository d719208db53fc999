//! True retention: the share of a card's first answer each day that was not Again, never its
//! first answer ever, split into young and mature (interval ≥ 21 days) as Anki's "True
//! Retention" table does (`ts/routes/graphs/true-retention.ts`); and by the stability the
//! card had when answered.

use serde::Serialize;

use crate::scheduler::{Day, MATURE_DAYS, Rating};
use crate::store::Answer;
use crate::store::replay::first_each_day;

/// Passed out of counted, for a retention figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub passed: usize,
    pub total: usize,
}

impl Rate {
    /// The share passed (0–1), if anything was counted.
    #[must_use]
    pub fn share(self) -> Option<f64> {
        (self.total > 0).then(|| super::count(self.passed) / super::count(self.total))
    }

    /// "85% (17/20)", or "–" with nothing counted: how the screen and `stats` print it.
    #[must_use]
    pub fn percent(self) -> String {
        self.share().map_or_else(
            || "–".to_owned(),
            |share| format!("{:.0}% ({}/{})", share * 100.0, self.passed, self.total),
        )
    }

    pub(crate) fn add(&mut self, passed: bool) {
        self.total += 1;
        self.passed += usize::from(passed);
    }

    /// Both rates' counts together.
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            passed: self.passed + other.passed,
            total: self.total + other.total,
        }
    }
}

/// True retention in one period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Retention {
    pub young: Rate,
    pub mature: Rate,
    pub all: Rate,
}

impl Retention {
    pub(crate) fn merge(&mut self, other: &Self) {
        self.young = self.young.plus(other.young);
        self.mature = self.mature.plus(other.mature);
        self.all = self.all.plus(other.all);
    }

    pub(crate) fn add(&mut self, answer: &Answer, passed: bool) {
        self.all.add(passed);
        if answer.interval_before >= MATURE_DAYS {
            self.mature.add(passed);
        } else {
            self.young.add(passed);
        }
    }
}

/// The rows of the true retention table. A period of N days holds today and the N − 1 days
/// before it, so an answer exactly 7 days ago is in the month but not the week; days are
/// the scheduler's, which start at the rollover hour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Periods {
    /// Today.
    pub day: Retention,
    /// Yesterday only.
    pub yesterday: Retention,
    /// Today and the 6 days before.
    pub week: Retention,
    /// Today and the 29 days before.
    pub month: Retention,
    /// Today and the 364 days before.
    pub year: Retention,
    /// Every answer, however old (answers dated after today included).
    pub all_time: Retention,
}

/// Adds one card's answers to the true retention of each period ending `today`.
pub fn add_retention(periods: &mut Periods, answers: &[Answer], today: Day) {
    for answer in true_retention_answers(answers) {
        periods.add(answer, answer.rating != Rating::Again, today);
    }
}

impl Periods {
    /// Adds another walk's counts.
    pub(crate) fn merge(&mut self, other: &Self) {
        self.day.merge(&other.day);
        self.yesterday.merge(&other.yesterday);
        self.week.merge(&other.week);
        self.month.merge(&other.month);
        self.year.merge(&other.year);
        self.all_time.merge(&other.all_time);
    }

    /// One counted answer.
    pub(crate) fn add(&mut self, answer: &Answer, passed: bool, today: Day) {
        let age = today - answer.day;
        self.all_time.add(answer, passed);
        if age == 1 {
            self.yesterday.add(answer, passed);
        }
        for (window, retention) in [
            (1, &mut self.day),
            (7, &mut self.week),
            (30, &mut self.month),
            (365, &mut self.year),
        ] {
            if (0..window).contains(&age) {
                retention.add(answer, passed);
            }
        }
    }
}

/// The answers true retention counts: the first of the card each day, not its first ever.
pub fn true_retention_answers(answers: &[Answer]) -> impl Iterator<Item = &Answer> {
    first_each_day(answers).filter(|a| !a.first_ever)
}

/// Lower edges of the stability bands, in days: under a day, under a week, young (under
/// 21 days), up to three months, up to a year, longer.
pub const STABILITY_BANDS: [f64; 6] = [0.0, 1.0, 7.0, 21.0, 90.0, 365.0];

/// True retention by the stability (days) the card had before the answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Band {
    /// Stability from this many days (inclusive)…
    pub from: f64,
    /// …to this many (exclusive); none for the last band.
    pub to: Option<f64>,
    pub rate: Rate,
}

/// The bands of [`STABILITY_BANDS`], counted.
#[must_use]
pub fn empty_bands() -> Vec<Band> {
    STABILITY_BANDS
        .iter()
        .enumerate()
        .map(|(i, &from)| Band {
            from,
            to: STABILITY_BANDS.get(i + 1).copied(),
            rate: Rate::default(),
        })
        .collect()
}

/// Counts one answer given at `stability` days into its band.
pub(crate) fn add_to_band(bands: &mut [Band], stability: f64, passed: bool) {
    let index = STABILITY_BANDS
        .partition_point(|&edge| edge <= stability)
        .saturating_sub(1);
    if let Some(band) = bands.get_mut(index) {
        band.rate.add(passed);
    }
}

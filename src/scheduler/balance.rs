//! Easy days and load balancing, Anki 24.11's options (`rslib/src/scheduler/states/load_balancer.rs`,
//! ankitects/anki): a fuzzed review interval's day is picked inside its fuzz range, weighed by
//! the cards already due on each day and by each weekday's share of the usual load.
//!
//! Replay folds each card on its own, so it cannot know how many cards were due on each day
//! when an answer was given. The app can: it balances then ([`Placement::Balanced`]) and records
//! the chosen day in the review event. Replay keeps a recorded day the rules allow
//! ([`Placement::Recorded`]) and otherwise weighs the fuzz range by the easy days alone, picked
//! with the card's fuzz factor ([`Placement::Fuzz`]), so any device replays the same schedule
//! from the log alone, and a replay costs the same per answer whatever the collection's size.

use std::ops::RangeInclusive;

mod weights;

use super::Day;
use super::fuzz;
use weights::pick_periodic;
pub use weights::{pick, sibling_factor, weights};

/// Anki's `MAX_LOAD_BALANCE_INTERVAL`, in days: an interval (or a floor) longer than this is not
/// balanced by the cards due, as the need is low that far out; easy days still apply.
pub const MAX_BALANCED_INTERVAL: u32 = 90;

/// Days from today a [`DueLoad`] counts: today and up to the top of the fuzz range of
/// [`MAX_BALANCED_INTERVAL`] (96 days: 90 ± 6.475, rounded).
pub const LOAD_DAYS: usize = 97;

/// The weekdays as `config.toml` names them, Monday first as Anki's `easy_days_percentages`.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekdays' short names, Monday first, as the screens and `simulate` print them.
pub const WEEKDAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The weekday of `day`, 0 for Monday to 6 for Sunday (day 0, 1970-01-01, was a Thursday).
#[must_use]
pub fn weekday(day: Day) -> usize {
    // rem_euclid(7) is 0 to 6.
    usize::try_from((i64::from(day) + 3).rem_euclid(7)).unwrap_or(0)
}

/// The share of the usual review load each weekday takes, in percent (0 to 100), Monday first:
/// Anki's "Easy Days". Every day at 100 (the default) changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EasyDays(pub [u8; 7]);

impl Default for EasyDays {
    fn default() -> Self {
        Self([100; 7])
    }
}

impl EasyDays {
    /// Whether every day takes its full load, so that nothing is weighed.
    #[must_use]
    pub fn is_normal(&self) -> bool {
        self.0.iter().all(|&share| share >= 100)
    }

    /// The weekdays below 100 %, Monday first: each weekday (0 for Monday) and its percent.
    pub fn reduced(&self) -> impl Iterator<Item = (usize, u8)> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|&(_, &percent)| percent < 100)
            .map(|(day, &percent)| (day, percent))
    }

    /// The weekdays below 100 %, like "Sat 50%, Sun 0%"; empty when there are none.
    #[must_use]
    pub fn describe(&self) -> String {
        let days: Vec<String> = self
            .reduced()
            .map(|(day, percent)| format!("{} {percent}%", WEEKDAYS_SHORT[day]))
            .collect();
        days.join(", ")
    }

    /// The share of `day`'s weekday, 0 to 1.
    #[must_use]
    pub fn share(&self, day: Day) -> f64 {
        f64::from(self.0[weekday(day)].min(100)) / 100.0
    }
}

/// Review cards due on each day from `today` on ([`LOAD_DAYS`] of them), for load balancing.
/// Anki's `LoadBalancer` counts a deck preset's cards; this counts whatever the caller adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueLoad {
    today: Day,
    counts: Vec<u32>,
}

impl DueLoad {
    /// No card due yet, from `today`.
    #[must_use]
    pub fn new(today: Day) -> Self {
        Self {
            today,
            counts: vec![0; LOAD_DAYS],
        }
    }

    /// The day the counts start on.
    #[must_use]
    pub fn today(&self) -> Day {
        self.today
    }

    /// One more card due on `day` (a day outside the counted ones is ignored).
    pub fn add(&mut self, day: Day) {
        if let Some(count) = self.slot(day) {
            *count += 1;
        }
    }

    /// One card fewer due on `day`.
    pub fn remove(&mut self, day: Day) {
        if let Some(count) = self.slot(day) {
            *count = count.saturating_sub(1);
        }
    }

    /// Cards due on `day`; 0 outside the counted days.
    #[must_use]
    pub fn count(&self, day: Day) -> u32 {
        usize::try_from(day - self.today)
            .ok()
            .and_then(|i| self.counts.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// The counts of a simulation: `counts[i]` cards due `i` days from `today` (the rest none).
    #[must_use]
    pub fn from_counts(today: Day, counts: &[usize]) -> Self {
        let mut load = Self::new(today);
        for (slot, &count) in load.counts.iter_mut().zip(counts) {
            *slot = u32::try_from(count).unwrap_or(u32::MAX);
        }
        load
    }

    fn slot(&mut self, day: Day) -> Option<&mut u32> {
        let index = usize::try_from(day.checked_sub(self.today)?).ok()?;
        self.counts.get_mut(index)
    }
}

/// How the day of a fuzzed review interval is chosen inside its fuzz range.
#[derive(Debug, Clone, Copy, Default)]
pub enum Placement<'a> {
    /// By the card's fuzz factor, the range weighed by the easy days alone: plain fuzz when
    /// every day takes its full load. Replay of an answer that recorded no day, and the app
    /// with `load_balance` off.
    #[default]
    Fuzz,
    /// The day the answer recorded, kept when the rules allow it (inside the fuzz range the
    /// answer could have had, whatever the buttons before it chose); otherwise [`Self::Fuzz`].
    Recorded(Day),
    /// Live, load balanced by the cards due on each day ([`weights`]) and kept off the days
    /// the card's siblings are due on (the second field; [`sibling_factor`]), when the
    /// interval is at most [`MAX_BALANCED_INTERVAL`] and the counts are today's; otherwise
    /// [`Self::Fuzz`].
    Balanced(&'a DueLoad, &'a [Day]),
}

/// A review interval of `interval` days (at least 1) answered on `today`, fuzzed by `factor`
/// (0 to 1) and placed as `placement` says, with no floor but a day: for the simulator, which
/// has FSRS's interval and the cards due on each day ahead. As Anki's simulator
/// (`apply_load_balance_and_easy_days`, `rslib/src/scheduler/fsrs/simulator.rs`) does, with
/// flashdeck's own weighing of the range.
#[must_use]
pub fn place(
    interval: f32,
    today: Day,
    factor: f32,
    easy_days: &EasyDays,
    maximum: u32,
    placement: Placement<'_>,
) -> u32 {
    let picker = Picker {
        factor: Some(factor),
        easy_days,
        placement,
        today,
        maximum: maximum.max(1),
    };
    picker.fuzz(interval, 1, None, false).days
}

/// One fuzzed interval, in days, and the least and most it could have been whatever the
/// buttons before it chose (for checking a recorded day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fuzzed {
    pub days: u32,
    lowest: u32,
    highest: u32,
}

/// Picks fuzzed intervals for one answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Picker<'a> {
    /// The card's fuzz factor, none when fuzz is off (then nothing is weighed).
    pub factor: Option<f32>,
    pub easy_days: &'a EasyDays,
    pub placement: Placement<'a>,
    pub today: Day,
    /// The maximum interval, in days.
    pub maximum: u32,
}

impl Picker<'_> {
    /// `interval` (FSRS's, in days) fuzzed, at least `base` and a day longer than `before` (the
    /// button before it; none for the first). `answered`: this is the button answered, whose
    /// recorded day counts.
    pub fn fuzz(&self, interval: f32, base: u32, before: Option<Fuzzed>, answered: bool) -> Fuzzed {
        let floor = |before: u32| base.max(before.saturating_add(1));
        let (days, lowest, highest) = before.map_or((0, 0, 0), |b| (b.days, b.lowest, b.highest));
        let Some(factor) = self.factor else {
            let days = fuzz::apply(None, interval, floor(days), self.maximum);
            return Fuzzed {
                days,
                lowest: days,
                highest: days,
            };
        };
        let range = fuzz::range(interval, floor(days), self.maximum);
        let Placement::Recorded(recorded) = self.placement else {
            // Nothing recorded to check: the least and most are not needed.
            let days = self.choose(interval, range, factor);
            return Fuzzed {
                days,
                lowest: days,
                highest: days,
            };
        };
        let lowest = *fuzz::range(interval, floor(lowest), self.maximum).start();
        let highest = *fuzz::range(interval, floor(highest), self.maximum).end();
        let recorded = recorded
            .checked_sub(self.today)
            .and_then(|days| u32::try_from(days).ok())
            .filter(|days| answered && (lowest..=highest).contains(days));
        Fuzzed {
            days: recorded.unwrap_or_else(|| self.choose(interval, range, factor)),
            lowest,
            highest,
        }
    }

    /// A day of `range` (days from today) for `interval`, by the placement's weights.
    fn choose(&self, interval: f32, range: RangeInclusive<u32>, factor: f32) -> u32 {
        let (first, last) = (*range.start(), *range.end());
        let balanced = match self.placement {
            Placement::Balanced(load, siblings)
                if load.today == self.today
                    && interval <= MAX_BALANCED_INTERVAL as f32
                    && first <= MAX_BALANCED_INTERVAL =>
            {
                Some((load, siblings))
            }
            _ => None,
        };
        if let Some((load, siblings)) = balanced {
            let days: Vec<(u32, u32, f64)> = range
                .clone()
                .map(|days| {
                    let day = self.day(days);
                    (days, load.count(day), self.easy_days.share(day))
                })
                .collect();
            let mut weights = weights(&days);
            for (weight, days) in weights.iter_mut().zip(range) {
                *weight *= sibling_factor(self.day(days), siblings);
            }
            return first + pick(&weights, factor);
        }
        if self.easy_days.is_normal() || first == last {
            // Plain fuzz, exactly as before easy days existed: replays of old logs stay put.
            return fuzz::pick(&range, factor);
        }
        let shares: [f64; 7] =
            std::array::from_fn(|i| self.easy_days.share(self.day(first) + day_of(i)));
        first + pick_periodic(&shares, last - first + 1, factor)
    }

    fn day(&self, days: u32) -> Day {
        self.today.saturating_add(day_of(days as usize))
    }
}

fn day_of(days: usize) -> Day {
    Day::try_from(days).unwrap_or(Day::MAX)
}

#[cfg(test)]
mod tests;

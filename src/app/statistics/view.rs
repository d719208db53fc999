//! What the statistics screen shows of the figures computed when it opened: the range of
//! each chart of days and the calendar's year. Switching them only slices those figures.

use chrono::Datelike as _;

use crate::stats::Stats;

/// How far a chart of days reaches: the future-due chart ahead, the reviews chart back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Range {
    #[default]
    Month,
    ThreeMonths,
    Year,
    /// Every day of the history (the reviews chart only).
    All,
}

impl Range {
    /// Days covered: 30, 90, 365, or `None` for all of them (the ranges of `docs/stats.md`).
    #[must_use]
    pub fn days(self) -> Option<usize> {
        match self {
            Self::Month => Some(30),
            Self::ThreeMonths => Some(90),
            Self::Year => Some(365),
            Self::All => None,
        }
    }

    /// The range in words, as the screen names it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Month => "1 month",
            Self::ThreeMonths => "3 months",
            Self::Year => "1 year",
            Self::All => "all time",
        }
    }

    /// The next range round the ends; `all` only when `with_all` (the future has no end).
    #[must_use]
    pub fn next(self, with_all: bool) -> Self {
        match self {
            Self::Month => Self::ThreeMonths,
            Self::ThreeMonths => Self::Year,
            Self::Year if with_all => Self::All,
            Self::Year | Self::All => Self::Month,
        }
    }
}

/// The ranges and year the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    /// The future-due chart's range (never [`Range::All`]).
    pub future: Range,
    /// The reviews-over-time charts' range.
    pub reviews: Range,
    /// The calendar's year; `None` for the last 12 months, ending today.
    pub year: Option<i32>,
}

impl View {
    /// The calendar's next year: from the last 12 months to this year, then each year back to
    /// the first with an answer, then the last 12 months again.
    #[must_use]
    pub fn next_year(self, stats: &Stats) -> Option<i32> {
        let (newest, oldest) = years(stats)?;
        match self.year {
            None => Some(newest),
            Some(year) if year > oldest => Some((year - 1).min(newest)),
            Some(_) => None,
        }
    }
}

/// This year and the year of the first answer, if the date is known.
fn years(stats: &Stats) -> Option<(i32, i32)> {
    let today = stats.date?.year();
    let first = stats
        .reviews_over_time
        .start
        .filter(|_| !stats.reviews_over_time.days.is_empty())
        .map_or(today, |d| d.year());
    Some((today, first.min(today)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_future_cycles_three_ranges_and_the_reviews_four() {
        let mut range = Range::Month;
        let mut seen = vec![];
        for _ in 0..4 {
            range = range.next(false);
            seen.push(range.days());
        }
        assert_eq!(seen, [Some(90), Some(365), Some(30), Some(90)]);
        assert_eq!(Range::Year.next(true), Range::All);
        assert_eq!(Range::All.next(true), Range::Month);
    }

    #[test]
    fn years_run_from_this_one_back_to_the_first_answer_then_the_last_months() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
        let scheduler =
            crate::scheduler::Scheduler::new(crate::scheduler::Settings::default()).unwrap();
        let study = crate::study::Study::new(
            crate::deck::Collection::default(),
            crate::store::History::default(),
            scheduler,
            now,
        );
        let mut stats = crate::stats::of_cards(&study, &[], now);
        stats.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27);
        stats.reviews_over_time.start = chrono::NaiveDate::from_ymd_opt(2024, 12, 30);
        stats.reviews_over_time.days = vec![crate::stats::activity::DayActivity::default(); 698];
        let mut view = View::default();
        let mut seen = vec![];
        for _ in 0..5 {
            view.year = view.next_year(&stats);
            seen.push(view.year);
        }
        assert_eq!(seen, [Some(2026), Some(2025), Some(2024), None, Some(2026)]);
        // No history: this year only.
        stats.reviews_over_time.days.clear();
        assert_eq!(View::default().next_year(&stats), Some(2026));
        assert_eq!(
            View {
                year: Some(2026),
                ..View::default()
            }
            .next_year(&stats),
            None
        );
    }
}

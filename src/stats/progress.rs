//! Progress in the practice modes week by week, per deck: the share of its cards mastered in
//! Learn at the end of each week, and the week's best test score and fastest match. Weeks end
//! on today: the last is today and the 6 days before.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::practice::{LearnLevel, Mode, next_level};
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{Calendar, Day};
use crate::store::{DeckResult, PracticeAnswer};

/// Weeks the series covers at most: a year.
pub const PROGRESS_WEEKS: usize = 52;

/// Every deck's weeks, from the first week with practice in any of them to this one.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Progress {
    /// The first day of the first week; none without practice.
    pub start: Option<NaiveDate>,
    /// Weeks in each deck's series (0 without practice).
    pub weeks: usize,
    pub decks: Vec<DeckProgress>,
}

/// One deck's weeks, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckProgress {
    pub deck: String,
    pub name: String,
    pub weeks: Vec<Week>,
}

/// One deck's week.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Week {
    /// Its first day.
    pub start: Option<NaiveDate>,
    /// Share of the deck's cards (those selected) mastered in Learn at the week's end, 0–1.
    pub learn_mastered: f64,
    /// The best test score taken that week, percent.
    pub test_best: Option<u32>,
    /// The fastest match game that week, milliseconds.
    pub match_best_ms: Option<u64>,
}

/// The last day of week `week` of [`PROGRESS_WEEKS`], oldest first.
pub(crate) fn week_end(today: Day, week: usize) -> Day {
    let back = i32::try_from(PROGRESS_WEEKS - 1 - week).unwrap_or(0);
    today - 7 * back
}

/// The week of [`PROGRESS_WEEKS`] a day falls in, if any.
pub(crate) fn week_of(today: Day, day: Day) -> Option<usize> {
    let back = usize::try_from(today - day).ok()? / 7;
    PROGRESS_WEEKS.checked_sub(back + 1)
}

/// Adds one to `mastered[w]` for each week `w` the card ends mastered in Learn: its Learn
/// answers folded by `next_level` (replay's rule), each reset of its deck (`resets`, oldest
/// first) starting it over. Returns the day of its first Learn answer.
pub(crate) fn add_learn_weeks(
    practice: &[PracticeAnswer],
    resets: &[DateTime<FixedOffset>],
    calendar: Calendar,
    today: Day,
    mastered: &mut [u32],
) -> Option<Day> {
    let mut learn = practice.iter().filter(|a| a.mode == Mode::Learn).peekable();
    let first = learn.peek().map(|a| a.day);
    let mut resets = resets.iter().peekable();
    let mut level = LearnLevel::Unseen;
    for (week, count) in mastered.iter_mut().enumerate() {
        let end = week_end(today, week);
        loop {
            // A reset at an answer's very time comes after it, as replay counts only answers
            // after the reset.
            let reset_next = match (learn.peek(), resets.peek()) {
                (Some(answer), Some(reset)) => **reset < answer.time,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if reset_next {
                match resets.next_if(|reset| calendar.day(**reset) <= end) {
                    Some(_) => level = LearnLevel::Unseen,
                    None => break,
                }
            } else {
                match learn.next_if(|answer| answer.day <= end) {
                    Some(answer) => level = next_level(level, answer.question, answer.correct),
                    None => break,
                }
            }
        }
        *count += u32::from(level == LearnLevel::Mastered);
    }
    first
}

/// One deck's weeks from its Learn counts (`mastered`, one per week of [`PROGRESS_WEEKS`]),
/// its number of cards and its results.
pub(crate) fn deck_weeks(
    mastered: &[u32],
    cards: usize,
    results: &[DeckResult],
    calendar: Calendar,
    today: Day,
) -> Vec<Week> {
    let mut weeks: Vec<Week> = mastered
        .iter()
        .enumerate()
        .map(|(week, &count)| Week {
            start: date_of_day(week_end(today, week) - 6),
            learn_mastered: if cards == 0 {
                0.0
            } else {
                f64::from(count) / super::count(cards)
            },
            test_best: None,
            match_best_ms: None,
        })
        .collect();
    for result in results {
        let Some(week) = week_of(today, calendar.day(result.time)).and_then(|w| weeks.get_mut(w))
        else {
            continue;
        };
        match result.mode {
            Mode::Test => week.test_best = week.test_best.max(result.score),
            Mode::Match => {
                week.match_best_ms = match (week.match_best_ms, result.ms) {
                    (Some(best), Some(ms)) => Some(best.min(ms)),
                    (best, ms) => best.or(ms),
                };
            }
            _ => {}
        }
    }
    weeks
}

/// The first week of [`PROGRESS_WEEKS`] with practice, from the days of Learn answers and
/// results; a day before the first week counts in it, one after today in none.
pub(crate) fn first_week(days: impl Iterator<Item = Day>, today: Day) -> Option<usize> {
    days.filter(|&day| day <= today)
        .map(|day| week_of(today, day).unwrap_or(0))
        .min()
}

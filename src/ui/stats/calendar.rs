//! The calendar tab: a column per week (Monday at the top), month names above the weeks where
//! a month starts, as many weeks as fit up to a year (the newest at the right), and a sentence
//! saying what it shows with the busiest day and the streak of study days. It shows the last
//! 12 months, or one calendar year, taken from the answers per day computed on opening.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Theme;
use crate::stats::Stats;

/// Columns taken by the weekday names ("Mon ") left of the weeks.
const NAMES_WIDTH: u16 = 4;
/// Columns a week takes at most; wider cells stop reading as a calendar.
const WIDEST_CELL: u16 = 3;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Which weeks of the calendar show, and how wide each one is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Weeks {
    /// Blank cells before `calendar[0]` in the first week: its weekday, 0 for Monday.
    pub lead: usize,
    /// Index of the first week shown among all the calendar's weeks.
    pub first: usize,
    /// Weeks shown, the newest last.
    pub shown: usize,
    /// Columns per week (1 to [`WIDEST_CELL`]).
    pub cell: u16,
}

impl Weeks {
    /// The weeks of `days` days starting on `start` that fit in `width` columns (weekday names
    /// included): every week when they fit, each as wide as the room allows; otherwise the
    /// most recent ones, one column each.
    pub fn fit(start: NaiveDate, days: usize, width: u16) -> Self {
        let lead = usize::try_from(start.weekday().num_days_from_monday()).unwrap_or(0);
        let total = (lead + days).div_ceil(7);
        let room = usize::from(width.saturating_sub(NAMES_WIDTH));
        let cell = u16::try_from(room / total.max(1))
            .unwrap_or(WIDEST_CELL)
            .clamp(1, WIDEST_CELL);
        let shown = total.min(room / usize::from(cell));
        Self {
            lead,
            first: total - shown,
            shown,
            cell,
        }
    }

    /// The calendar index of `row` (0 = Monday) in shown week `week`, if that day is in it.
    fn day(&self, week: usize, row: usize, days: usize) -> Option<usize> {
        ((self.first + week) * 7 + row)
            .checked_sub(self.lead)
            .filter(|&i| i < days)
    }

    /// Columns the weeks take, weekday names excluded.
    pub fn width(&self) -> usize {
        self.shown * usize::from(self.cell)
    }
}

/// The month names over the shown weeks, as (column from the first week, name): each at the
/// week holding the month's 1st, left out where it would run past the last week. The 1sts are
/// at least four weeks apart, so three-letter names never run into each other.
pub(super) fn month_labels(
    start: NaiveDate,
    days: usize,
    weeks: Weeks,
) -> Vec<(usize, &'static str)> {
    let mut labels = Vec::new();
    for week in 0..weeks.shown {
        let first_of_month = (0..7)
            .filter_map(|row| weeks.day(week, row, days))
            .filter_map(|i| start.checked_add_days(Days::new(u64::try_from(i).ok()?)))
            .find(|date| date.day() == 1);
        let Some(date) = first_of_month else { continue };
        let column = week * usize::from(weeks.cell);
        let name = MONTHS[usize::try_from(date.month0()).unwrap_or(0)];
        if column + name.len() <= weeks.width() {
            labels.push((column, name));
        }
    }
    labels
}

/// Study days in a row: (the current run, the longest run) over `days`, oldest first ending
/// today. The current run ends today, or yesterday while today has no answer yet.
pub(super) fn streaks(days: &[usize]) -> (usize, usize) {
    let run = |days: &[usize]| days.iter().rev().take_while(|&&n| n > 0).count();
    let current = match days.split_last() {
        Some((0, before)) => run(before),
        _ => run(days),
    };
    let longest = days
        .split(|&n| n == 0)
        .map(<[usize]>::len)
        .max()
        .unwrap_or(0);
    (current, longest)
}

/// Answers in review mode per day of `year` (from 1 January to today or 31 December), and
/// the date of the first; `None` for the last 12 months.
pub(super) fn days_of(stats: &Stats, year: Option<i32>) -> Option<(NaiveDate, Vec<usize>)> {
    let Some(year) = year else {
        return Some((stats.calendar_start?, stats.calendar.clone()));
    };
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?.min(stats.date?);
    let over = &stats.reviews_over_time;
    let history_start = over.start?;
    let days = first
        .iter_days()
        .take_while(|&date| date <= last)
        .map(|date| {
            let at = usize::try_from((date - history_start).num_days()).ok();
            at.and_then(|i| over.days.get(i))
                .map_or(0, |d| d.answers.total() - d.answers.practice)
        })
        .collect();
    Some((first, days))
}

/// Answers per day, shaded by quarter of the busiest day shown.
pub(super) fn render(
    stats: &Stats,
    year: Option<i32>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    const SHADES: [&str; 5] = ["·", "░", "▒", "▓", "█"];
    let Some((start, calendar)) = days_of(stats, year).filter(|(_, d)| !d.is_empty()) else {
        Paragraph::new("No calendar: the date is out of range.")
            .style(theme.dim)
            .render(area, buf);
        return;
    };
    let days = calendar.len();
    let weeks = Weeks::fit(start, days, area.width);
    let first_day = weeks.day(0, 0, days).unwrap_or(0);
    let shown = &calendar[first_day..];
    let busiest = shown.iter().copied().max().unwrap_or(0).max(1);
    let cell_pad = " ".repeat(usize::from(weeks.cell) - 1);

    let mut header = " ".repeat(usize::from(NAMES_WIDTH) + weeks.width());
    for (column, name) in month_labels(start, days, weeks) {
        let at = usize::from(NAMES_WIDTH) + column;
        header.replace_range(at..at + name.len(), name);
    }
    let mut lines = vec![Line::styled(header.trim_end().to_owned(), theme.dim)];
    let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"];
    for (row, name) in names.into_iter().enumerate() {
        let mut spans = vec![Span::styled(format!("{name:<4}"), theme.dim)];
        for week in 0..weeks.shown {
            let cell = weeks.day(week, row, days).map_or_else(
                || Span::raw(" "),
                |i| match calendar[i] {
                    0 => Span::styled(SHADES[0], theme.dim),
                    n => Span::styled(SHADES[(4 * n).div_ceil(busiest).clamp(1, 4)], theme.review),
                },
            );
            spans.push(cell);
            spans.push(Span::raw(cell_pad.clone()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        Span::styled("less ", theme.dim),
        Span::styled("· ░ ▒ ▓ █", theme.review),
        Span::styled(" more", theme.dim),
    ]));
    let [grid, words] = Layout::vertical([Constraint::Length(9), Constraint::Min(0)]).areas(area);
    // Not wrapped: the grid's leading blanks place the weeks under their month names.
    Paragraph::new(lines).render(grid, buf);
    let ends_today = stats.date.is_some_and(|today| {
        start.checked_add_days(Days::new(u64::try_from(days - 1).unwrap_or(0))) == Some(today)
    });
    Paragraph::new(describe(start, shown, first_day, ends_today))
        .style(theme.dim)
        .wrap(Wrap { trim: true })
        .render(words, buf);
}

/// The calendar in words: its range, the busiest day and the streaks (the current one only
/// when it ends today). `shown` starts at calendar index `first_day`.
fn describe(start: NaiveDate, shown: &[usize], first_day: usize, ends_today: bool) -> String {
    let date = |i: usize| {
        start
            .checked_add_days(Days::new(u64::try_from(first_day + i).unwrap_or(0)))
            .map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
    };
    let range = format!(
        "Answers in review per day, {} to {}, a column per week.",
        date(0),
        date(shown.len().saturating_sub(1))
    );
    // The latest of equally busy days: the one a user most likely remembers.
    let busiest = shown
        .iter()
        .enumerate()
        .max_by_key(|&(_, &n)| n)
        .filter(|&(_, &n)| n > 0);
    let Some((day, &answers)) = busiest else {
        return format!("{range} No data yet: no answers in review on these days.");
    };
    let (current, longest) = streaks(shown);
    let now = if ends_today {
        format!("{current} now, ")
    } else {
        String::new()
    };
    format!(
        "{range} Busiest day: {}, {}. Study days in a row: {now}{longest} at most.",
        date(day),
        crate::english::counted(answers, "answer"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_year_from_a_friday_is_53_weeks_widened_when_room_allows() {
        // 2025-11-28 is a Friday (lead 4); 4 + 365 days = 369 = 52 weeks and 5 days.
        let start = date("2025-11-28");
        let narrow = Weeks::fit(start, 365, 78);
        assert_eq!(
            narrow,
            Weeks {
                lead: 4,
                first: 0,
                shown: 53,
                cell: 1
            }
        );
        // 4 + 2 × 53 = 110 columns fit in 156; 3 × 53 = 159 do not.
        assert_eq!(Weeks::fit(start, 365, 156).cell, 2);
        assert_eq!(Weeks::fit(start, 365, 156).width(), 106);
        // 36 columns: 32 weeks, the newest, so the first shown is week 21.
        assert_eq!(
            Weeks::fit(start, 365, 36),
            Weeks {
                lead: 4,
                first: 21,
                shown: 32,
                cell: 1
            }
        );
    }

    #[test]
    fn months_are_named_at_the_week_of_their_first_day() {
        let start = date("2025-11-28");
        let year = Weeks::fit(start, 365, 78);
        let labels = month_labels(start, 365, year);
        // Week 1 starts Mon 1 Dec 2025; 1 Jan 2026 (Thu) is in the week of 29 Dec, 4 weeks
        // on; 1 Feb 2026 (Sun) in the week of 26 Jan, 8 weeks on; 1 Nov 2026 (Sun) in the
        // week of 26 Oct, 47 weeks on.
        assert_eq!(&labels[..3], &[(1, "Dec"), (5, "Jan"), (9, "Feb")]);
        assert_eq!(labels.last(), Some(&(48, "Nov")));
        assert_eq!(labels.len(), 12);
        let wide = month_labels(start, 365, Weeks::fit(start, 365, 156));
        assert_eq!(&wide[..2], &[(2, "Dec"), (10, "Jan")]);
    }

    #[test]
    fn a_name_past_the_last_week_is_left_out() {
        // Five weeks from Mon 26 Jan 2026: 1 Feb (Sun) ends week 0 and 1 Mar (Sun) week 4.
        // In 40 columns each week takes 3, so "Mar" sits at 12 and ends at the 15th column.
        let start = date("2026-01-26");
        let weeks = Weeks::fit(start, 35, 40);
        assert_eq!(
            month_labels(start, 35, weeks),
            vec![(0, "Feb"), (12, "Mar")]
        );
        // One column a week: "Mar" at 4 would end at 7, past the 5 columns of weeks.
        let tight = Weeks {
            lead: 0,
            first: 0,
            shown: 5,
            cell: 1,
        };
        assert_eq!(month_labels(start, 35, tight), vec![(0, "Feb")]);
    }

    #[test]
    fn streaks_count_study_days_in_a_row() {
        assert_eq!(streaks(&[]), (0, 0));
        assert_eq!(streaks(&[0, 0]), (0, 0));
        assert_eq!(streaks(&[1, 2, 0, 3, 4, 5]), (3, 3));
        // Today has no answer yet: the run up to yesterday still counts.
        assert_eq!(streaks(&[4, 0, 1, 1, 0]), (2, 2));
        assert_eq!(streaks(&[1, 1, 1, 1, 0, 1, 0, 0]), (0, 4));
    }
}

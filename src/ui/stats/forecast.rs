//! The future-due tab: review cards due on each day of the chosen range (1 month, 3 months,
//! 1 year) as bars over a scale, days summed into a bar where they do not fit, the overdue
//! cards as a red bar of their own at the left, and the totals and daily load in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bars::{ScaledBars, days_per_bar, scale_width};
use super::panel::{Ctx, no_data};
use crate::english::{amount, counted};

/// Columns from one day label to the next at least.
const LABEL_ROOM: usize = 5;
/// How many bars apart the labels may be, the first that leaves them room.
const LABEL_STEPS: [usize; 7] = [1, 2, 5, 10, 20, 50, 100];

pub(super) fn render(ctx: Ctx<'_>, area: Rect, buf: &mut Buffer) {
    let stats = &ctx.screen.stats;
    let theme = ctx.theme;
    let future = &stats.future_due;
    let range = ctx.screen.view.future.days().unwrap_or(future.days.len());
    let days = &future.days[..range.min(future.days.len())];
    let due: usize = days.iter().sum();
    if due == 0 && future.overdue == 0 {
        no_data(
            &format!(
                "no review is due in the next {}, and none is overdue. Daily load: {} reviews a day.",
                ctx.screen.view.future.label(),
                amount(future.daily_load)
            ),
            theme,
            area,
            buf,
        );
        return;
    }
    let [chart, words] = Layout::vertical([Constraint::Min(4), Constraint::Length(3)]).areas(area);
    // The overdue bar and a blank column take the first two places.
    let lead = if future.overdue > 0 { 2 } else { 0 };
    let guess = days.iter().copied().max().unwrap_or(0).max(future.overdue);
    let plot = chart
        .width
        .saturating_sub(scale_width(u64::try_from(guess).unwrap_or(u64::MAX)) + lead);
    let per_bar = days_per_bar(days.len(), plot);
    let sums: Vec<usize> = days.chunks(per_bar).map(|c| c.iter().sum()).collect();
    let easy = easy_bars(ctx, days.len(), per_bar);
    let mut values: Vec<(u64, Style)> = Vec::new();
    if lead > 0 {
        values.push((
            u64::try_from(future.overdue).unwrap_or(u64::MAX),
            theme.error,
        ));
        values.push((0, Style::new()));
    }
    values.extend(sums.iter().zip(&easy).map(|(&n, &easy)| {
        let style = if easy { theme.dim } else { theme.review };
        (u64::try_from(n).unwrap_or(u64::MAX), style)
    }));
    // A label every few bars, far enough apart to read.
    let columns_per_bar = usize::from(plot) / sums.len().max(1);
    let every = LABEL_STEPS
        .into_iter()
        .find(|&step| step * columns_per_bar >= LABEL_ROOM)
        .unwrap_or(sums.len());
    let labels = (0..sums.len())
        .step_by(every.max(1))
        .map(|bar| (bar + usize::from(lead), (bar * per_bar).to_string()))
        .collect();
    ScaledBars {
        values,
        labels,
        ..ScaledBars::default()
    }
    .render(theme, chart, buf);
    let bar = if per_bar == 1 {
        "a bar a day".to_owned()
    } else {
        format!("a bar every {per_bar} days")
    };
    let overdue = if future.overdue > 0 {
        format!(
            " The red bar at the left: {} overdue.",
            counted(future.overdue, "card")
        )
    } else {
        " None overdue.".to_owned()
    };
    let tomorrow = days.get(1).copied().unwrap_or(0);
    let easy_days = ctx.app.study.scheduler.settings().easy_days;
    let easy = if easy_days.is_normal() || per_bar > 1 {
        String::new()
    } else {
        format!(" Easy days, dimmed: {}.", easy_days.describe())
    };
    Paragraph::new(format!(
        "Reviews due in the next {} days: {due} ({bar}, numbered by days from today), {:.2} a \
         day on average; due tomorrow: {tomorrow}.{overdue} Daily load: {} reviews a day.{easy}",
        days.len(),
        count(due) / count(days.len().max(1)),
        amount(future.daily_load)
    ))
    .wrap(Wrap { trim: true })
    .style(theme.dim)
    .render(words, buf);
}

/// Whether each bar is an easy day (below 100 %), dimmed so that the load it sheds shows;
/// only when a bar is one day.
fn easy_bars(ctx: Ctx<'_>, days: usize, per_bar: usize) -> Vec<bool> {
    let bars = days.div_ceil(per_bar.max(1));
    if per_bar > 1 {
        return vec![false; bars];
    }
    let scheduler = &ctx.app.study.scheduler;
    let easy_days = scheduler.settings().easy_days;
    let today = scheduler.calendar().day(ctx.app.now);
    (0..bars)
        .map(|bar| {
            let day = today.saturating_add(i32::try_from(bar).unwrap_or(i32::MAX));
            easy_days.share(day) < 1.0
        })
        .collect()
}

/// A count as a float, for an average.
fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

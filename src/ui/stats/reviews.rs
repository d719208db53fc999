//! The reviews tab: answers and minutes per day over the chosen range, stacked by kind
//! (learning, young, mature, relearning, practice) with the running total as a line; answers
//! per hour of the day with the share correct; and the answer buttons by kind of card.

use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph, Widget, Wrap,
};

use super::bars::{ScaledBars, days_per_bar, scale_width};
use super::panel::{Ctx, no_data};
use crate::app::statistics::Range;
use crate::english::{amount, counted};
use crate::stats::Stats;
use crate::stats::activity::{Buttons, DayActivity, Kinds};
use crate::ui::Theme;

/// The kinds in stacking order, bottom first, each with its name and style.
fn kinds(theme: &Theme) -> [(&'static str, Style); 5] {
    [
        ("learning", theme.learning),
        ("young", theme.review),
        ("mature", theme.highlight),
        ("relearning", theme.notice),
        ("practice", theme.dim),
    ]
}

/// A day's five kinds in stacking order.
fn stack<T: Copy>(k: &Kinds<T>) -> [T; 5] {
    [k.learning, k.young, k.mature, k.relearning, k.practice]
}

/// The days of `range` ending today, oldest first, and the date of the first: days before
/// the history count nothing; all time is the history from its first answer.
fn window(stats: &Stats, range: Range) -> (Vec<DayActivity>, Option<NaiveDate>) {
    let over = &stats.reviews_over_time;
    let Some(days) = range.days() else {
        return (over.days.clone(), over.start);
    };
    let had = over.days.len().min(days);
    let mut window = vec![DayActivity::default(); days - had];
    window.extend_from_slice(&over.days[over.days.len() - had..]);
    let start = stats
        .date
        .and_then(|d| d.checked_sub_days(Days::new(u64::try_from(days - 1).ok()?)));
    (window, start)
}

pub(super) fn answers(ctx: Ctx<'_>, area: Rect, buf: &mut Buffer) {
    let range = ctx.screen.view.reviews;
    let (days, start) = window(&ctx.screen.stats, range);
    let per_day: Vec<[f64; 5]> = days
        .iter()
        .map(|d| stack(&d.answers).map(|n| f64::from(u32::try_from(n).unwrap_or(u32::MAX))))
        .collect();
    stacked(&per_day, start, "answers", ctx.theme, area, buf);
}

pub(super) fn time(ctx: Ctx<'_>, area: Rect, buf: &mut Buffer) {
    let range = ctx.screen.view.reviews;
    let (days, start) = window(&ctx.screen.stats, range);
    #[allow(clippy::cast_precision_loss)] // Milliseconds of study stay far below 2^52.
    let per_day: Vec<[f64; 5]> = days
        .iter()
        .map(|d| stack(&d.ms).map(|ms| ms as f64 / 60_000.0))
        .collect();
    stacked(&per_day, start, "minutes", ctx.theme, area, buf);
}

/// Days summed into bars that fit, each bar's kinds stacked, the running total as a line
/// scaled to the tallest bar, and a legend with each kind's total over the range.
fn stacked(
    per_day: &[[f64; 5]],
    start: Option<NaiveDate>,
    unit: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let totals = summed(per_day);
    let all: f64 = totals.iter().sum();
    if all <= 0.0 {
        no_data(&format!("no {unit} in this range."), theme, area, buf);
        return;
    }
    let [chart, legend_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    // The y labels take up to 6 columns and the axis one.
    let per_bar = days_per_bar(per_day.len(), chart.width.saturating_sub(7));
    let bars: Vec<[f64; 5]> = per_day.chunks(per_bar).map(summed).collect();
    let tallest = bars
        .iter()
        .map(|b| b.iter().sum::<f64>())
        .fold(0.0, f64::max)
        .max(1.0);
    // Stacked: each layer's bar reaches the sum of the kinds up to it; the top layers are
    // drawn first so that the lower ones paint over their bottoms.
    let layers: Vec<Vec<(f64, f64)>> = (0..5)
        .map(|layer| {
            // A bar without this kind is drawn by the layers below alone.
            (0u32..)
                .zip(&bars)
                .filter(|(_, b)| b[layer] > 0.0)
                .map(|(x, b)| (f64::from(x) + 0.5, b[..=layer].iter().sum()))
                .collect()
        })
        .collect();
    let mut running = 0.0;
    let cumulative: Vec<(f64, f64)> = (0u32..)
        .zip(&bars)
        .map(|(x, b)| {
            running += b.iter().sum::<f64>();
            (f64::from(x) + 1.0, running / all * tallest)
        })
        .collect();
    let styles = kinds(theme);
    let mut datasets: Vec<Dataset> = (0..5)
        .rev()
        .filter(|&layer| totals[layer] > 0.0)
        .map(|layer| {
            Dataset::default()
                .data(&layers[layer])
                .graph_type(GraphType::Bar)
                .marker(Marker::HalfBlock)
                .style(styles[layer].1)
        })
        .collect();
    datasets.push(
        Dataset::default()
            .data(&cumulative)
            .graph_type(GraphType::Line)
            .marker(Marker::Braille)
            .style(theme.title),
    );
    let count = f64::from(u32::try_from(bars.len()).unwrap_or(u32::MAX));
    let date = |offset: usize| {
        start
            .and_then(|s| s.checked_add_days(Days::new(u64::try_from(offset).ok()?)))
            .map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
    };
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, count])
                .labels([date(0), "today".to_owned()])
                .labels_alignment(ratatui::layout::Alignment::Right)
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, tallest])
                .labels(["0".to_owned(), scale(tallest / 2.0), scale(tallest)])
                .style(theme.dim),
        )
        .legend_position(None)
        .render(chart, buf);
    legend(unit, per_bar, totals, theme, legend_area, buf);
}

/// Each kind's total over the range in its colour, and what a bar and the line are.
fn legend(
    unit: &str,
    per_bar: usize,
    totals: [f64; 5],
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let per = if per_bar == 1 {
        "day".to_owned()
    } else {
        format!("{per_bar} days")
    };
    let mut spans = vec![Span::styled(
        format!("{} per {per}: ", capitalised(unit)),
        theme.dim,
    )];
    for ((name, style), total) in kinds(theme).iter().zip(totals) {
        if total > 0.0 {
            spans.push(Span::styled("■ ", *style));
            spans.push(Span::raw(format!("{name} {} ", amount(total))));
        }
    }
    spans.push(Span::styled(
        format!(
            "· line: running total, {} at the top",
            amount(totals.iter().sum())
        ),
        theme.dim,
    ));
    Paragraph::new(Line::from(spans))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Days' kinds added up.
fn summed(days: &[[f64; 5]]) -> [f64; 5] {
    days.iter().fold([0.0; 5], |mut sum, day| {
        for (s, v) in sum.iter_mut().zip(day) {
            *s += v;
        }
        sum
    })
}

/// A mark of the y scale: whole from 10 up, else with one decimal ("0.5", "4862").
fn scale(value: f64) -> String {
    if value >= 10.0 {
        format!("{value:.0}")
    } else {
        amount(value)
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Answers per hour of the day over a scale, and under them the share correct per hour.
pub(super) fn hours(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let hours = &stats.hours;
    if hours.iter().all(|h| h.rate.total == 0) {
        no_data("no answers in review yet.", theme, area, buf);
        return;
    }
    let [answers, correct, words] = Layout::vertical([
        Constraint::Percentage(50),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(area);
    let labels: Vec<(usize, String)> = (0..hours.len()).map(|h| (h, h.to_string())).collect();
    let widest = hours.iter().map(|h| h.rate.total).max().unwrap_or(0);
    let scale = scale_width(u64::try_from(widest).unwrap_or(u64::MAX)).max(scale_width(100));
    ScaledBars {
        values: hours
            .iter()
            .map(|h| {
                (
                    u64::try_from(h.rate.total).unwrap_or(u64::MAX),
                    theme.review,
                )
            })
            .collect(),
        labels,
        max: None,
        scale,
    }
    .render(theme, answers, buf);
    // The share correct on the same columns, under a scale as wide.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let shares: Vec<(u64, Style)> = hours
        .iter()
        .map(|h| {
            (
                h.rate.share().map_or(0, |s| (s * 100.0).round() as u64),
                theme.learning,
            )
        })
        .collect();
    ScaledBars {
        values: shares,
        labels: Vec::new(),
        max: Some(100),
        scale,
    }
    .render(theme, correct, buf);
    let busiest = hours.iter().max_by_key(|h| h.rate.total);
    let text = busiest.map_or_else(String::new, |h| {
        format!(
            "Above: answers per hour (0–23). Below: % correct. Busiest {}:00, {}, {} correct.",
            h.hour,
            counted(h.rate.total, "answer"),
            h.rate.percent()
        )
    });
    Paragraph::new(text)
        .style(theme.dim)
        .wrap(Wrap { trim: true })
        .render(words, buf);
}

/// Each button's share for learning, young and mature cards: a group of four bars each
/// (Again, Hard, Good, Easy) with the shares on them, and the same in words with the
/// correct share.
pub(super) fn buttons(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let b = &stats.buttons;
    let kinds = [
        ("learning", b.learning),
        ("young", b.young),
        ("mature", b.mature),
    ];
    if kinds.iter().all(|(_, k)| k.correct().total == 0) {
        no_data("no answers in review yet.", theme, area, buf);
        return;
    }
    let [chart, words] = Layout::vertical([Constraint::Min(4), Constraint::Length(4)]).areas(area);
    let styles = [theme.error, theme.notice, theme.review, theme.new];
    let groups: Vec<BarGroup> = kinds
        .iter()
        .map(|(name, buttons)| {
            let bars: Vec<Bar> = shares(buttons)
                .into_iter()
                .zip(["Again", "Hard", "Good", "Easy"])
                .zip(styles)
                .map(|((share, label), style)| {
                    Bar::default()
                        .value(share)
                        .text_value(format!("{share}%"))
                        .label(Line::raw(label))
                        .style(style)
                        .value_style(theme.selected)
                })
                .collect();
            BarGroup::default()
                .label(Line::styled(*name, theme.title))
                .bars(&bars)
        })
        .collect();
    // Twelve bars, a gap after each and three between the groups.
    let bar_width = (chart.width.saturating_sub(12 + 6) / 12).clamp(1, 6);
    let mut bar_chart = BarChart::default()
        .max(100)
        .bar_width(bar_width)
        .bar_gap(1)
        .group_gap(3);
    for group in groups {
        bar_chart = bar_chart.data(group);
    }
    bar_chart.render(chart, buf);
    let lines: Vec<Line> = kinds
        .iter()
        .map(|(name, buttons)| {
            let [again, hard, good, easy] = shares(buttons);
            Line::raw(format!(
                "{name:<9} Again {again}% · Hard {hard}% · Good {good}% · Easy {easy}% · correct {}",
                buttons.correct().percent()
            ))
        })
        .chain([Line::styled("Shares of each kind's answers; correct is not Again.", theme.dim)])
        .collect();
    Paragraph::new(lines).render(words, buf);
}

/// Each button's whole percentage of `buttons`' answers.
fn shares(buttons: &Buttons) -> [u64; 4] {
    let total = buttons.correct().total;
    let percent = |n: usize| {
        let n = u64::try_from(n).unwrap_or(0) * 100;
        let total = u64::try_from(total).unwrap_or(1).max(1);
        (n + total / 2) / total
    };
    [
        percent(buttons.again),
        percent(buttons.hard),
        percent(buttons.good),
        percent(buttons.easy),
    ]
}

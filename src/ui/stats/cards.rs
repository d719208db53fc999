//! The cards tab: the cards by state as horizontal bars with their numbers, and the
//! distributions of review intervals, stability, difficulty and retrievability as
//! histograms with their median and mean.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bars::ScaledBars;
use super::panel::{Panel, no_data};
use super::row_bars::{Row, RowBars};
use crate::english::{amount, counted};
use crate::stats::Stats;
use crate::stats::distribution::Distribution;
use crate::ui::Theme;

/// Cards by state, each a bar after its count and share of all cards, in Anki's colours.
pub(super) fn counts(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = &stats.cards;
    let total = c.total();
    if total == 0 {
        no_data("these decks have no cards.", theme, area, buf);
        return;
    }
    let rows: [(&str, usize, Style); 7] = [
        ("new", c.new, theme.new),
        ("learning", c.learning, theme.learning),
        ("relearning", c.relearning, theme.learning),
        ("young", c.young, theme.review),
        ("mature", c.mature, theme.review),
        ("suspended", c.suspended, theme.dim),
        ("buried", c.buried, theme.dim),
    ];
    let [chart, words] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    RowBars {
        rows: rows
            .iter()
            .map(|&(name, n, style)| Row {
                name: name.to_owned(),
                words: format!("{n} ({})", share(n, total)),
                value: u64::try_from(n).unwrap_or(u64::MAX),
                style,
            })
            .collect(),
        max: u64::try_from(total).unwrap_or(u64::MAX),
        gap: chart.height >= 13,
    }
    .render(theme, chart, buf);
    Line::styled(
        format!(
            "{} in all; a full bar would be all of them.",
            counted(total, "card")
        ),
        theme.dim,
    )
    .render(words, buf);
}

/// `part` of `total` as a whole percentage; "<1%" for a part too small to round to one.
fn share(part: usize, total: usize) -> String {
    let percent = f64::from(u32::try_from(part).unwrap_or(u32::MAX))
        / f64::from(u32::try_from(total).unwrap_or(u32::MAX)).max(1.0)
        * 100.0;
    if part > 0 && percent < 0.5 {
        "<1%".to_owned()
    } else {
        format!("{percent:.0}%")
    }
}

/// How a value is written: "8d", "25%".
type Unit = fn(f64) -> String;

/// One of the four distributions as a histogram over a scale, a bar per bin, with its
/// count, median and mean in words.
pub(super) fn distribution(
    panel: Panel,
    stats: &Stats,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let d = &stats.distributions;
    // How a value and a bin's lower edge are written; edges of days a little shorter, so
    // that "6m" leaves room for "1y" after it where a bar is four columns.
    let (distribution, what, unit, edge): (&Distribution, &str, Unit, Unit) = match panel {
        Panel::Intervals => (&d.interval, "review cards", days, edge_days),
        Panel::Stability => (&d.stability, "studied cards", days, edge_days),
        Panel::Difficulty => (&d.difficulty, "studied cards", percent, percent),
        _ => (&d.retrievability, "studied cards", percent, percent),
    };
    if distribution.count == 0 {
        no_data(&format!("no {what} yet."), theme, area, buf);
        return;
    }
    let [chart, words] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    ScaledBars {
        values: distribution
            .bins
            .iter()
            .map(|b| (u64::try_from(b.count).unwrap_or(u64::MAX), theme.review))
            .collect(),
        labels: distribution
            .bins
            .iter()
            .enumerate()
            .map(|(i, b)| (i, edge(b.from)))
            .collect(),
        ..ScaledBars::default()
    }
    .render(theme, chart, buf);
    let middle = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), unit);
    Paragraph::new(format!(
        "{} counted; median {}, mean {}. Each bar runs from its label to the next.",
        counted(distribution.count, &what.replace(" cards", " card")),
        middle(distribution.median),
        middle(distribution.mean)
    ))
    .style(theme.dim)
    .wrap(Wrap { trim: true })
    .render(words, buf);
}

/// Days as the histograms write them: "3d", "1.5d", "2y" from a year.
fn days(value: f64) -> String {
    if value >= 365.0 {
        format!("{}y", amount(value / 365.0))
    } else {
        format!("{}d", amount(value))
    }
}

/// A bin's edge in days: as [`days`], but months ("6m", 30 days each) from 180 days to a
/// year.
fn edge_days(value: f64) -> String {
    if (180.0..365.0).contains(&value) {
        format!("{}m", amount(value / 30.0))
    } else {
        days(value)
    }
}

/// A share (0–1) as a whole percentage.
fn percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_to_whole_percents_and_a_sliver_is_under_one() {
        assert_eq!(share(1, 4), "25%");
        assert_eq!(share(0, 1205), "0%");
        // 2 of 1,205 is 0.17%: not nothing.
        assert_eq!(share(2, 1205), "<1%");
        assert_eq!(share(6, 1205), "<1%");
        // 7 of 1,205 is 0.58%, rounded up.
        assert_eq!(share(7, 1205), "1%");
        assert_eq!(share(0, 0), "0%");
    }
}

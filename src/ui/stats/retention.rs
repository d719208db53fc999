//! The retention tab: the true-retention table (today to all time; young, mature, all, with
//! the counts), true retention by the card's stability, and calibration: the recall FSRS
//! predicted against the recall that happened, in ten bins.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::panel::no_data;
use super::row_bars::{Row, RowBars};
use crate::english::counted;
use crate::stats::Stats;
use crate::ui::Theme;
use crate::ui::text::fit;

/// Columns of the retention table's first column; the three shares share the rest, up to
/// [`SHARE_WIDTH`] each, a space between columns.
const PERIOD_WIDTH: usize = 11;
const SHARE_WIDTH: usize = 20;

/// True retention today, yesterday, over the last week, month and year, and all time.
pub(super) fn table(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let r = &stats.retention;
    if r.all_time.all.total == 0 {
        no_data(
            "true retention counts reviews after a card's first day; none yet.",
            theme,
            area,
            buf,
        );
        return;
    }
    let width = usize::from(area.width);
    let share = (width.saturating_sub(PERIOD_WIDTH + 3) / 3).clamp(1, SHARE_WIDTH);
    let row = |cells: [&str; 4]| {
        let [name, young, mature, all] = cells;
        let pad = |text: &str, room: usize| format!("{:<room$}", fit(text, room));
        [
            pad(name, PERIOD_WIDTH),
            pad(young, share),
            pad(mature, share),
            pad(all, share),
        ]
        .join(" ")
    };
    let mut lines = vec![Line::styled(
        row(["", "young", "mature (≥21d)", "all"]),
        theme.title,
    )];
    for (name, p) in [
        ("Today", r.day),
        ("Yesterday", r.yesterday),
        ("Last week", r.week),
        ("Last month", r.month),
        ("Last year", r.year),
        ("All time", r.all_time),
    ] {
        let cells = [p.young.percent(), p.mature.percent(), p.all.percent()];
        lines.push(Line::raw(row([name, &cells[0], &cells[1], &cells[2]])));
    }
    lines.push(Line::styled(
        "A card's first review each day counts, never its first ever; \"–\" where none.",
        theme.dim,
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// True retention over all time by the stability the card had before the review, one
/// horizontal bar a band after its share and counts.
pub(super) fn bands(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let bands = &stats.retention_by_stability;
    if bands.iter().all(|b| b.rate.total == 0) {
        no_data(
            "this needs reviews of cards that FSRS has a memory for.",
            theme,
            area,
            buf,
        );
        return;
    }
    let days = |d: f64| match d {
        d if d >= 365.0 => format!("{:.0}y", d / 365.0),
        d => format!("{d:.0}d"),
    };
    let [chart, words] = Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(area);
    let rows = bands
        .iter()
        .map(|band| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let permille = band.rate.share().map_or(0, |s| (s * 1000.0).round() as u64);
            Row {
                name: match band.to {
                    Some(to) => format!("{}–{}", days(band.from), days(to)),
                    None => format!("≥ {}", days(band.from)),
                },
                words: band.rate.percent(),
                value: permille,
                style: theme.review,
            }
        })
        .collect();
    // One row a band, a blank row between them when there is room.
    RowBars {
        rows,
        max: 1000,
        gap: chart.height >= 11,
    }
    .render(theme, chart, buf);
    Paragraph::new("Stability before the review, in days (d) and years (y); a full bar is 100%.")
        .style(theme.dim)
        .wrap(Wrap { trim: true })
        .render(words, buf);
}

/// Calibration: each bin's predicted and actual recall, count and gap in a table, and beside
/// it (when there is room) a chart of actual against predicted with the diagonal where they
/// agree.
pub(super) fn calibration(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let c = &stats.calibration;
    if c.count == 0 {
        no_data(
            "calibration needs reviews of cards that FSRS has a memory for.",
            theme,
            area,
            buf,
        );
        return;
    }
    let wide = area.width >= 70;
    let [table_area, chart_area] = Layout::horizontal([
        Constraint::Length(if wide { 44 } else { area.width }),
        Constraint::Fill(1),
    ])
    .spacing(2)
    .areas(area);
    let percent =
        |share: Option<f64>| share.map_or_else(|| "–".to_owned(), |s| format!("{:.0}%", s * 100.0));
    let points = |gap: Option<f64>| gap.map_or_else(|| "–".to_owned(), |g| format!("{g:+.1}"));
    let mut lines = vec![Line::styled(
        format!(
            "{:<10}{:>8}{:>10}{:>8}{:>8}",
            "predicted", "count", "predicted", "actual", "gap"
        ),
        theme.title,
    )];
    for bin in &c.bins {
        lines.push(Line::raw(format!(
            "{:<10}{:>8}{:>10}{:>8}{:>8}",
            format!("{:.0}–{:.0}%", bin.from * 100.0, bin.to * 100.0),
            bin.count,
            percent(bin.predicted),
            percent(bin.actual),
            points(bin.gap_points)
        )));
    }
    lines.push(Line::styled(
        format!(
            "{:<10}{:>8}{:>10}{:>8}{:>8}",
            "all",
            c.count,
            percent(c.predicted),
            percent(c.actual),
            points(c.gap_points)
        ),
        theme.title,
    ));
    lines.push(Line::styled(
        format!(
            "Gap: actual − predicted, in points, over {}; negative means FSRS hoped for more.",
            counted(c.count, "review")
        ),
        theme.dim,
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(table_area, buf);
    if wide {
        calibration_chart(stats, theme, chart_area, buf);
    }
}

/// Actual recall (y) against predicted (x), both 0–100%, a point per bin with answers and
/// the diagonal where prediction and outcome agree.
fn calibration_chart(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let diagonal = [(0.0, 0.0), (100.0, 100.0)];
    let points: Vec<(f64, f64)> = stats
        .calibration
        .bins
        .iter()
        .filter_map(|b| Some((b.predicted? * 100.0, b.actual? * 100.0)))
        .collect();
    let axis = |title: &'static str| {
        Axis::default()
            .title(Line::styled(title, theme.dim))
            .bounds([0.0, 100.0])
            .labels(["0", "50", "100%"])
            .style(theme.dim)
    };
    Chart::new(vec![
        Dataset::default()
            .data(&diagonal)
            .graph_type(GraphType::Line)
            .marker(Marker::Braille)
            .style(theme.dim),
        Dataset::default()
            .name("bins")
            .data(&points)
            .graph_type(GraphType::Scatter)
            .marker(Marker::Dot)
            .style(theme.review),
    ])
    .x_axis(axis("predicted"))
    .y_axis(axis("actual"))
    .legend_position(None)
    .render(area, buf);
}

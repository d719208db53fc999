//! The progress tab: each deck's true retention over all time (young, mature, all, with the
//! counts) beside its practice standing, a deck that lags the others marked; and under it the
//! chosen deck's weeks: Learn mastered, the best test and the fastest match, the latest
//! weeks that fit, newest last.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, Widget, Wrap};

use crate::session::matching::seconds;
use crate::stats::{Rate, Stats};
use crate::ui::Theme;

/// What the tab says with no deck in the selection.
pub const NO_DECKS: &str = "No decks to compare yet.";
/// What the weeks say without practice.
pub const NO_PRACTICE: &str =
    "No practice yet: Learn, a test or a match game starts the weeks here.";

pub fn render(stats: &Stats, row: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if stats.retention_by_deck.is_empty() {
        Paragraph::new(NO_DECKS).style(theme.dim).render(area, buf);
        return;
    }
    // A row past the end (the figures narrowed since) is the last.
    let row = row.min(stats.retention_by_deck.len() - 1);
    let decks = u16::try_from(stats.retention_by_deck.len()).unwrap_or(u16::MAX);
    // The deck table takes at most half the height; the chosen deck stays in it.
    let table_height = (decks + 1).min(area.height / 2).max(2);
    let [table, legend, weeks] = Layout::vertical([
        Constraint::Length(table_height),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    render_decks(stats, row, theme, table, buf);
    if stats.retention_by_deck.iter().any(|d| d.lagging) {
        Line::styled(
            "▼ retention 5 points or more below these decks' together",
            theme.dim,
        )
        .render(legend, buf);
    }
    render_weeks(stats, row, theme, weeks, buf);
}

/// "91% 120/132", or "–" with nothing counted, narrower than [`Rate::percent`].
fn share(rate: Rate) -> String {
    rate.share().map_or_else(
        || "–".to_owned(),
        |s| format!("{:.0}% {}/{}", s * 100.0, rate.passed, rate.total),
    )
}

fn render_decks(stats: &Stats, row: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let wide = area.width >= 120;
    let visible = usize::from(area.height.saturating_sub(1)).max(1);
    let skip = (row + 1).saturating_sub(visible);
    let rows: Vec<Row> = stats
        .retention_by_deck
        .iter()
        .zip(&stats.decks)
        .enumerate()
        .skip(skip)
        .map(|(i, (deck, mastery))| {
            let mark = if deck.lagging { "▼ " } else { "  " };
            let mut cells = vec![format!("{mark}{}", deck.name), share(deck.retention.all)];
            if wide {
                cells.push(share(deck.retention.young));
                cells.push(share(deck.retention.mature));
            }
            cells.push(format!("{:.0}%", mastery.learn_mastered * 100.0));
            cells.push(
                mastery
                    .test_best
                    .map_or_else(|| "–".to_owned(), |t| format!("{t}%")),
            );
            cells.push(
                mastery
                    .match_best_ms
                    .map_or_else(|| "–".to_owned(), seconds),
            );
            // A lagging deck keeps its colour when chosen.
            let style = match (i == row, deck.lagging) {
                (true, true) => theme.selected.patch(theme.error),
                (true, false) => theme.selected,
                (false, true) => theme.error,
                (false, false) => ratatui::style::Style::default(),
            };
            Row::new(cells).style(style)
        })
        .collect();
    let (header, widths): (Vec<&str>, Vec<Constraint>) = if wide {
        (
            vec![
                "Deck",
                "Retention",
                "Young",
                "Mature",
                "Learn",
                "Test",
                "Match",
            ],
            vec![
                Constraint::Min(16),
                Constraint::Length(18),
                Constraint::Length(18),
                Constraint::Length(18),
                Constraint::Length(6),
                Constraint::Length(5),
                Constraint::Length(7),
            ],
        )
    } else {
        (
            vec!["Deck", "Retention", "Learn", "Test", "Match"],
            vec![
                Constraint::Min(12),
                Constraint::Length(16),
                Constraint::Length(6),
                Constraint::Length(5),
                Constraint::Length(7),
            ],
        )
    };
    Table::new(rows, widths)
        .header(Row::new(header).style(theme.dim))
        .render(area, buf);
}

fn render_weeks(stats: &Stats, row: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(deck) = stats.progress.decks.get(row) else {
        Paragraph::new(NO_PRACTICE)
            .wrap(Wrap { trim: true })
            .style(theme.dim)
            .render(area, buf);
        return;
    };
    let [title, table] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    Line::styled(
        format!(
            "{}, week by week (▼ lags the other decks' retention)",
            deck.name
        ),
        theme.title,
    )
    .render(title, buf);
    let fit = usize::from(table.height.saturating_sub(1));
    let rows: Vec<Row> = deck
        .weeks
        .iter()
        .skip(deck.weeks.len().saturating_sub(fit))
        .map(|week| {
            let start = week
                .start
                .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
            Row::new(vec![
                start,
                format!(
                    "{:>3.0}% {}",
                    week.learn_mastered * 100.0,
                    bar(week.learn_mastered)
                ),
                week.test_best
                    .map_or_else(|| "–".to_owned(), |t| format!("{t}%")),
                week.match_best_ms.map_or_else(|| "–".to_owned(), seconds),
            ])
        })
        .collect();
    Table::new(
        rows,
        [
            Constraint::Length(11),
            Constraint::Length(17),
            Constraint::Length(10),
            Constraint::Length(10),
        ],
    )
    .header(Row::new(vec!["Week of", "Learn mastered", "Best test", "Best match"]).style(theme.dim))
    .render(table, buf);
}

/// A share (0–1) as a bar of 10 eighths-blocks.
fn bar(share: f64) -> String {
    const WIDTH: usize = 10;
    let filled = if share.is_finite() {
        (share.clamp(0.0, 1.0) * 10.0).round()
    } else {
        0.0
    };
    // 0 to 10, rounded above.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "0 to 10"
    )]
    let filled = filled as usize;
    format!("{}{}", "█".repeat(filled), "·".repeat(WIDTH - filled))
}

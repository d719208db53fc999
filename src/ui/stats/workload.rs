//! The workload tab: what each desired retention costs over a year, from the FSRS
//! simulator, with the decks' own retention marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Row as TableRow, Table, Widget, Wrap};

use crate::app::statistics::{retention_hint, retention_mark};
use crate::app::{App, Simulation, StatsScreen};
use crate::ui::Theme;

/// What each desired retention costs over a year, from the FSRS simulator.
pub(super) fn render(app: &App, screen: &StatsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let yours = screen.retentions(&app.study);
    let table = match &screen.workload {
        Simulation::Done(Ok(table)) => table,
        Simulation::Done(Err(message)) => {
            Paragraph::new(message.as_str())
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        Simulation::NotStarted | Simulation::Running => {
            Paragraph::new("Simulating…")
                .style(theme.dim)
                .render(area, buf);
            return;
        }
    };
    // The table first: on a short screen (40×12) the sentences around it give way.
    let table_height = u16::try_from(table.len() + 1).unwrap_or(u16::MAX);
    let words = if area.height >= table_height + 4 {
        2
    } else {
        0
    };
    let [intro, rows_area, note] = Layout::vertical([
        Constraint::Length(words),
        Constraint::Length(table_height),
        Constraint::Min(words),
    ])
    .areas(area);
    // Narrow: the short headers, and columns just wide enough for them.
    let narrow = area.width < 60;
    let cards = table.first().map_or(0, |w| w.cards);
    Paragraph::new(format!(
        "A year of these {cards} cards at each desired retention, simulated from where they stand today:"
    ))
    .wrap(Wrap { trim: true })
    .render(intro, buf);
    let labels: Vec<String> = table
        .iter()
        .map(|w| {
            let percent = format!("{:.0}%", f64::from(w.retention) * 100.0);
            match retention_mark(&yours, w.retention) {
                Some(mark) => format!("{percent} ({mark})"),
                None => percent,
            }
        })
        .collect();
    let label_width = labels.iter().map(|l| l.chars().count() + 2).max();
    let rows: Vec<TableRow> = table
        .iter()
        .zip(labels)
        .map(|(w, label)| {
            let marked = retention_mark(&yours, w.retention).is_some();
            let row = TableRow::new(vec![
                label,
                format!("{:.1}", w.reviews_per_day),
                format!("{:.1}", w.minutes_per_day),
                format!("{:.0}", w.remembered),
            ]);
            if marked {
                row.style(theme.selected)
            } else {
                row
            }
        })
        .collect();
    Table::new(
        rows,
        [
            Constraint::Length(label_width.map_or(14, |w| u16::try_from(w.max(14)).unwrap_or(14))),
            Constraint::Length(if narrow { 7 } else { 12 }),
            Constraint::Length(if narrow { 7 } else { 12 }),
            Constraint::Length(if narrow { 8 } else { 22 }),
        ],
    )
    .header(
        TableRow::new(if narrow {
            vec!["Retention", "Rev/d", "Min/d", "Kept"]
        } else {
            vec![
                "Retention",
                "Reviews/day",
                "Minutes/day",
                "Remembered in a year",
            ]
        })
        .style(theme.dim),
    )
    .render(rows_area, buf);
    Paragraph::new(format!(
        "Higher retention means more reviews for each card kept. {} (`flashdeck config \
         show`); `flashdeck simulate` shows more.",
        retention_hint(&yours)
    ))
    .wrap(Wrap { trim: true })
    .style(theme.dim)
    .render(note, buf);
}

//! The statistics screen, in tabs that each fit 80×24: an overview, a calendar of the last
//! year, and the forecast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row as TableRow, Table, Tabs, Widget, Wrap};

mod calendar;
mod forecast;
pub mod overview;
pub mod progress;
mod search;
pub mod trouble;

use super::{Theme, chrome};
use crate::app::statistics::{retention_hint, retention_mark};
use crate::app::{Action, App, Simulation, StatsScreen, StatsTab, keys};

/// The tabs' row and the tab's content inside the chrome's `body`.
fn split(body: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(2), Constraint::Min(3)])
        .areas(body.inner(Margin::new(1, 0)))
}

/// Rows a tab's content has on a `width` × `height` terminal.
#[must_use]
pub fn content_rows(width: u16, height: u16) -> u16 {
    split(chrome::body(Rect::new(0, 0, width, height)))[1].height
}

pub fn render(app: &App, screen: &StatsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = format!("Statistics · {}", screen.title);
    let body = chrome::render(
        app,
        theme,
        &title,
        Line::styled(
            format!("{} switches", keys::STATS.label(&Action::Right)),
            theme.dim,
        ),
        area,
        buf,
    );
    let [tabs, content] = split(body);
    // The titles' padding goes first when they do not all fit (at 40 columns).
    let titles = StatsTab::ALL.map(StatsTab::title);
    let widest: usize = titles.iter().map(|t| t.chars().count() + 3).sum();
    let padding = if widest > usize::from(tabs.width) {
        ""
    } else {
        " "
    };
    Tabs::new(titles)
        .select(screen.tab.index())
        .highlight_style(theme.selected)
        .divider(" ")
        .padding(padding, padding)
        .render(tabs, buf);
    let stats = &screen.stats;
    let content = search::render(screen, theme, content, buf);
    match screen.tab {
        StatsTab::Overview => overview::render(stats, screen.scroll, theme, content, buf),
        StatsTab::Calendar => calendar::render(stats, theme, content, buf),
        StatsTab::Forecast => forecast::render(stats, app, theme, content, buf),
        StatsTab::Workload => workload(app, screen, theme, content, buf),
        StatsTab::Trouble => trouble::render(stats, screen.row, theme, content, buf),
        StatsTab::Progress => progress::render(stats, screen.row, theme, content, buf),
    }
}

/// What each desired retention costs over a year, from the FSRS simulator.
fn workload(app: &App, screen: &StatsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let yours = screen.retentions(&app.study);
    let table = match &screen.workload {
        Simulation::Done(Ok(table)) => table,
        Simulation::Done(Err(message)) => {
            Paragraph::new(message.as_str()).render(area, buf);
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

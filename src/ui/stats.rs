//! The statistics screen, in tabs that each fit 80×24: an overview, a calendar of the last
//! year, and the forecast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row as TableRow, Table, Tabs, Widget, Wrap};

mod calendar;
mod forecast;

use super::{Theme, chrome};
use crate::app::statistics::{retention_hint, retention_mark};
use crate::app::{Action, App, Simulation, StatsScreen, StatsTab, keys};
use crate::session::matching::seconds;
use crate::stats::Stats;

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
    )
    .inner(Margin::new(1, 0));
    let [tabs, content] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(body);
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
    match screen.tab {
        StatsTab::Overview => overview(stats, theme, content, buf),
        StatsTab::Calendar => calendar::render(stats, theme, content, buf),
        StatsTab::Forecast => forecast::render(stats, app, theme, content, buf),
        StatsTab::Workload => workload(app, screen, theme, content, buf),
    }
}

fn overview(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = summary(stats, theme);
    let r = &stats.retention;
    let rows: Vec<TableRow> = [
        ("Last day", r.day),
        ("Last week", r.week),
        ("Last month", r.month),
        ("Last year", r.year),
    ]
    .into_iter()
    .map(|(name, p)| {
        TableRow::new(vec![
            name.to_owned(),
            p.young.percent(),
            p.mature.percent(),
            p.all.percent(),
        ])
    })
    .collect();
    let [top, table_area, decks] = Layout::vertical([
        Constraint::Length(u16::try_from(lines.len()).unwrap_or(5)),
        Constraint::Length(6),
        Constraint::Min(0),
    ])
    .areas(area);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(top, buf);
    Table::new(
        rows,
        [
            Constraint::Length(14),
            Constraint::Length(18),
            Constraint::Length(18),
            Constraint::Length(18),
        ],
    )
    .header(
        TableRow::new(vec!["True retention", "young", "mature (≥21d)", "all"]).style(theme.title),
    )
    .render(table_area, buf);
    let deck_lines: Vec<Line> = stats
        .decks
        .iter()
        .map(|d| {
            let test = d.test_best.map_or_else(
                || "–".to_owned(),
                |best| format!("{best}% best, {}% last", d.test_last.unwrap_or(best)),
            );
            let game = d.match_best_ms.map_or_else(|| "–".to_owned(), seconds);
            Line::from(vec![
                Span::styled(format!("{}  ", d.name), theme.title),
                Span::raw(format!(
                    "learn {:.0}% mastered · test {test} · match {game} · review {}",
                    d.learn_mastered * 100.0,
                    d.review_retention.percent()
                )),
            ])
        })
        .collect();
    Paragraph::new(deck_lines)
        .wrap(Wrap { trim: true })
        .render(decks, buf);
}

/// Today, the totals, the card counts and the cards remembered.
fn summary(stats: &Stats, theme: &Theme) -> Vec<Line<'static>> {
    let today = &stats.today;
    let again = today
        .again_share
        .map_or_else(String::new, |s| format!(" · {:.0}% Again", s * 100.0));
    let c = &stats.cards;
    let progress = stats.motivation.map(|m| {
        Line::from(vec![
            Span::styled("Progress  ", theme.title),
            Span::raw(format!(
                "streak {} (best {}) · {}",
                m.streak.current,
                m.streak.best,
                m.xp_summary(true)
            )),
        ])
    });
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Today  ", theme.title),
            Span::raw(format!(
                "{} in {} min{again}",
                crate::english::counted(today.answers, "answer"),
                today.seconds.div_ceil(60)
            )),
        ]),
        Line::from(vec![
            Span::styled("Total  ", theme.title),
            Span::raw(format!(
                "{} on {}",
                crate::english::counted(stats.total_answers, "answer"),
                crate::english::counted(stats.days_studied, "day")
            )),
        ]),
        Line::from(vec![
            Span::styled("Cards  ", theme.title),
            Span::styled(format!("{} new", c.new), theme.new),
            Span::raw(" · "),
            // Relearning cards are learning ones here until the screen shows issue 17's counts.
            Span::styled(
                format!("{} learning", c.learning + c.relearning),
                theme.learning,
            ),
            Span::raw(format!(" · {} young · ", c.young)),
            Span::styled(format!("{} mature", c.mature), theme.review),
            Span::raw(format!(
                " · {} suspended · {} buried",
                c.suspended, c.buried
            )),
        ]),
        Line::from(vec![
            Span::styled("Remembered now  ", theme.title),
            Span::raw(crate::english::about(stats.remembered, "card")),
        ]),
    ];
    lines.extend(progress);
    lines.push(Line::from(""));
    lines
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
    let [intro, rows_area, note] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(table.len() + 1).unwrap_or(u16::MAX)),
        Constraint::Min(2),
    ])
    .areas(area);
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
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(22),
        ],
    )
    .header(
        TableRow::new(vec![
            "Retention",
            "Reviews/day",
            "Minutes/day",
            "Remembered in a year",
        ])
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

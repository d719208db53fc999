//! The selected card's details: both sides, tags, where it is written, why it is due, and
//! its card info with the whole history (from [`crate::study::info::CardInfo`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::days_text;
use crate::app::BrowserScreen;
use crate::scheduler::Rating;
use crate::scheduler::interval_text::label;
use crate::study::info::{CardInfo, HistoryRow, date};
use crate::ui::{Theme, card, text};

/// Width of the labels before each value.
const LABEL: usize = 8;

/// Draws the details of the selected card in `area`, scrolled by `scroll` lines; the history
/// table comes last, so a short area shows what matters first.
pub fn render(browser: &BrowserScreen, theme: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let Some(info) = &browser.info else {
        return;
    };
    let mut lines = lines(info, theme, usize::from(area.width));
    if let Some(successor) = &browser.successor {
        let relink = crate::app::keys::BROWSER.label(&crate::app::Action::Relink);
        lines.insert(
            1,
            Line::styled(
                format!(
                    "Likely now {} (\"{}\"): {relink} gives it this history.",
                    successor.card,
                    text::fit(&card::plain(&successor.front), 40)
                ),
                theme.notice,
            ),
        );
    }
    let most = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(1);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(most), 0))
        .render(area, buf);
}

fn lines<'a>(info: &'a CardInfo, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut lines: Vec<Line> = Vec::new();
    let label = |name: &'static str| Span::styled(format!("{name:<LABEL$}"), theme.dim);
    // A value wrapped under its label.
    let field = |lines: &mut Vec<Line<'a>>, name: &'static str, value: &str| {
        let rows = text::wrap(value, width.saturating_sub(LABEL).max(8));
        for (i, row) in rows.into_iter().enumerate() {
            let head = if i == 0 {
                label(name)
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            lines.push(Line::from(vec![head, Span::raw(row)]));
        }
    };
    // A side of the card, rendered as review shows it, under its label.
    let side = |lines: &mut Vec<Line<'a>>, name: &'static str, value: &str| {
        let rows = card::lines(
            value,
            width.saturating_sub(LABEL).max(8),
            Style::new(),
            theme,
        );
        for (i, mut row) in rows.into_iter().enumerate() {
            let head = if i == 0 {
                label(name)
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            row.spans.insert(0, head);
            lines.push(row);
        }
    };
    lines.push(Line::styled(info.why_due.clone(), theme.notice));
    match &info.text {
        Some(text) => {
            side(&mut lines, "Front", &text.front);
            side(&mut lines, "Back", &text.back);
            if !text.tags.is_empty() {
                field(&mut lines, "Tags", &text.tags.join(", "));
            }
            field(&mut lines, "File", &format!("{}:{}", text.file, text.line));
        }
        None => field(
            &mut lines,
            "Front",
            "(no deck has this card any more: its history alone)",
        ),
    }
    field(&mut lines, "Id", &info.card);
    if let Some(memory) = info.state.memory {
        let recall = info
            .retrievability
            .map_or_else(String::new, |r| format!(" · recall now {:.0}%", r * 100.0));
        let memory = format!(
            "stability {} · difficulty {:.1}{recall}",
            days_text(memory.stability),
            memory.difficulty
        );
        field(&mut lines, "Memory", &memory);
    }
    field(&mut lines, "Reviews", &info.figures());
    if !info.history.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::styled(HEADING, theme.dim));
        for row in &info.history {
            lines.push(Line::from(history_line(row)));
        }
    }
    lines
}

/// The history's columns, narrow enough for the side panel: `flashdeck info` has the wide
/// form ([`HistoryRow::line`]).
const HEADING: &str = "date       event    rating   ivl      S    D recall";

/// One history row under [`HEADING`]: the date, what happened, and for an answer in review
/// mode the interval, stability, difficulty after it and the recall before it.
fn history_line(row: &HistoryRow) -> String {
    let day = row.time.format("%Y-%m-%d").to_string();
    let rating = row.rating.map_or("", Rating::label);
    let event = match row.moved_to {
        Some(to) => format!("{} to {}", row.event, date(to)),
        None => row.event.to_owned(),
    };
    let Some(schedule) = row.schedule else {
        return format!("{day} {event:<8} {rating}");
    };
    let recall = schedule
        .retrievability
        .map_or_else(|| "-".to_owned(), |r| format!("{:.0}%", r * 100.0));
    let leech = if schedule.became_leech { " leech" } else { "" };
    format!(
        "{day} {event:<8} {rating:<6} {:>5} {:>6} {:>4.1} {recall:>6}{leech}",
        label(schedule.interval),
        days_text(schedule.stability),
        schedule.difficulty,
    )
}

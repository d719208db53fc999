//! The card browser: the search line, the table of cards found (only the visible rows are
//! drawn, so 55,000 cards cost what a screenful does), and the selected card's details:
//! beside the table on a wide terminal, below it on a tall one, over it on `Enter`.

mod details;
mod form;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{Theme, card, chrome, text};
use crate::app::{App, BrowserOverlay, BrowserScreen};
use crate::scheduler::Phase;
use crate::search::{CardFacts, SortColumn};

/// Width from which the details stand beside the table.
const SIDE_BY_SIDE: u16 = 120;
/// Height from which the details stand below the table.
const STACKED: u16 = 18;

pub fn render(app: &App, browser: &BrowserScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let status = status_line(browser, theme, area.width);
    let body = chrome::render(app, theme, "Browse cards", status, area, buf);
    let [search, table_area] = Layout::vertical([
        Constraint::Length(search_height(browser, body.width)),
        Constraint::Min(1),
    ])
    .areas(body);
    render_search(browser, theme, search, buf);
    if let Some(BrowserOverlay::Details(scroll)) = &browser.overlay {
        details::render(browser, theme, *scroll, table_area, buf);
        return;
    }
    if let Some(BrowserOverlay::Add(form)) = &browser.overlay {
        render_table(app, browser, theme, table_area, buf);
        let built_in = crate::app::browser::is_built_in(&app.study, form.deck.trim());
        form::render(form, built_in, theme, table_area, buf);
        return;
    }
    let (table_area, details_area) = if body.width >= SIDE_BY_SIDE {
        let [table, details] = Layout::horizontal([Constraint::Min(60), Constraint::Length(58)])
            .spacing(1)
            .areas(table_area);
        (table, Some(details))
    } else if body.height >= STACKED {
        let [table, details] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(9)]).areas(table_area);
        (table, Some(details))
    } else {
        (table_area, None)
    };
    render_table(app, browser, theme, table_area, buf);
    if let Some(area) = details_area {
        let block = if area.x > table_area.x {
            Block::default().borders(Borders::LEFT)
        } else {
            Block::default().borders(Borders::TOP)
        };
        let inner = block.inner(area);
        block.render(area, buf);
        details::render(browser, theme, 0, inner, buf);
    }
}

/// "123 of 55000 cards · 3 marked · by due ↑"; on a narrow terminal "123/55000", so the
/// title keeps its room.
fn status_line<'a>(browser: &BrowserScreen, theme: &Theme, width: u16) -> Line<'a> {
    if width < 60 {
        let marked = match browser.marked.len() {
            0 => String::new(),
            n => format!(" · {n} marked"),
        };
        let count = format!(
            "{}/{}{marked}",
            browser.found.len(),
            browser.index.deck_card_count()
        );
        return Line::styled(count, theme.dim);
    }
    let mut parts = vec![format!(
        "{} of {}",
        browser.found.len(),
        crate::english::counted(browser.index.deck_card_count(), "card")
    )];
    if !browser.marked.is_empty() {
        parts.push(format!("{} marked", browser.marked.len()));
    }
    let arrow = if browser.reverse { "↓" } else { "↑" };
    parts.push(match browser.sort {
        Some(column) => format!("by {} {arrow}", column.name()),
        None if browser.reverse => "file order ↓".to_owned(),
        None => "file order".to_owned(),
    });
    Line::styled(parts.join(" · "), theme.dim)
}

/// The search line, and the error's lines under it (wrapped, at most three).
fn search_height(browser: &BrowserScreen, width: u16) -> u16 {
    if matches!(browser.overlay, Some(BrowserOverlay::ConfirmForget(_))) {
        return if width < 90 { 2 } else { 1 };
    }
    let error = browser.error.as_ref().map_or(0, |error| {
        text::wrap(error, usize::from(width)).len().min(3)
    });
    1 + u16::try_from(error).unwrap_or(3)
}

fn render_search(browser: &BrowserScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    if let Some(BrowserOverlay::ConfirmForget(count)) = &browser.overlay {
        let question = format!(
            "Forget {}? They start again as new; their history stays. f forgets, Esc keeps them.",
            crate::english::counted(*count, "card")
        );
        Paragraph::new(Line::styled(question, theme.notice))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let (label, text, cursor) = match &browser.overlay {
        Some(BrowserOverlay::SetDue(text)) if width >= 72 => (
            "Due in days (0 today, 3, 1-7 spread, 5! sets the interval): ",
            text.as_str(),
            "█",
        ),
        Some(BrowserOverlay::SetDue(text)) => ("Due in days: ", text.as_str(), "█"),
        _ => (
            "Search: ",
            browser.search.as_str(),
            if browser.typing { "█" } else { "" },
        ),
    };
    // The end of a text too long for the line: where the typing is.
    let room = width.saturating_sub(label.chars().count() + 2);
    let count = text.chars().count();
    let shown: String = if count > room {
        let tail: String = text.chars().skip(count - room.saturating_sub(1)).collect();
        format!("…{tail}")
    } else {
        text.to_owned()
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(label, theme.dim),
        Span::styled(format!("{shown}{cursor}"), theme.key),
    ])];
    if let Some(error) = &browser.error {
        lines.extend(
            text::wrap(error, width)
                .into_iter()
                .take(3)
                .map(|row| Line::styled(row, theme.error)),
        );
    }
    Paragraph::new(lines).render(area, buf);
}

/// One column of the table: its heading, width and the column it sorts by.
struct Column {
    heading: &'static str,
    width: u16,
    sort: SortColumn,
}

/// The columns after the front, in the order they give way when the table is narrow.
#[rustfmt::skip]
const COLUMNS: [Column; 9] = [
    Column { heading: "due", width: 7, sort: SortColumn::Due },
    Column { heading: "state", width: 9, sort: SortColumn::State },
    Column { heading: "R", width: 4, sort: SortColumn::Retrievability },
    Column { heading: "ivl", width: 5, sort: SortColumn::Interval },
    Column { heading: "deck", width: 14, sort: SortColumn::Deck },
    Column { heading: "S", width: 6, sort: SortColumn::Stability },
    Column { heading: "D", width: 4, sort: SortColumn::Difficulty },
    Column { heading: "reps", width: 4, sort: SortColumn::Reps },
    Column { heading: "lapses", width: 6, sort: SortColumn::Lapses },
];

/// The least room the front keeps before columns give way.
const FRONT_MIN: u16 = 24;

/// Which columns fit `width`, in the table's order (deck, state, due, R, ivl, S, D, reps,
/// lapses), and the front's width.
fn layout(width: u16) -> (Vec<&'static Column>, u16) {
    let mut shown: Vec<&Column> = Vec::new();
    let mut used = 0;
    for column in &COLUMNS {
        if width.saturating_sub(used + column.width + 1) >= FRONT_MIN {
            used += column.width + 1;
            shown.push(column);
        }
    }
    let order = |c: &&Column| SortColumn::CYCLE.iter().position(|&s| s == c.sort);
    shown.sort_by_key(order);
    (shown, width.saturating_sub(used))
}

fn render_table(app: &App, browser: &BrowserScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if browser.found.is_empty() {
        let message = if browser.error.is_some() {
            "The search above is not finished: it finds nothing until it is."
        } else if browser.index.deck_card_count() == 0 {
            "No cards yet: a deck file with cards shows them here."
        } else {
            "No card matches this search."
        };
        Paragraph::new(Line::styled(message, theme.dim))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let (columns, front_width) = layout(area.width);
    let heading_style = |sort: SortColumn| {
        if browser.sort == Some(sort) {
            theme.title
        } else {
            theme.dim
        }
    };
    let mut heading = vec![Span::styled(
        pad("front", usize::from(front_width)),
        heading_style(SortColumn::Front),
    )];
    for column in &columns {
        heading.push(Span::raw(" "));
        heading.push(Span::styled(
            pad(column.heading, usize::from(column.width)),
            heading_style(column.sort),
        ));
    }
    Line::from(heading).render(Rect { height: 1, ..area }, buf);
    let rows = usize::from(area.height.saturating_sub(1));
    let offset = first_visible(browser.selected, rows, browser.found.len());
    let today_rows = browser.rows().skip(offset).take(rows);
    for (line, (at, facts)) in today_rows.enumerate().map(|(i, f)| (i, (offset + i, f))) {
        let mut spans = Vec::with_capacity(columns.len() * 2 + 1);
        let marked = browser.marked.contains(&facts.card);
        let front = front_text(app, facts, marked);
        spans.push(Span::raw(pad(&front, usize::from(front_width))));
        for column in &columns {
            spans.push(Span::raw(" "));
            let (value, style) = cell(facts, column.sort, theme);
            spans.push(Span::styled(pad(&value, usize::from(column.width)), style));
        }
        let mut row = Line::from(spans);
        if at == browser.selected {
            row = row.style(theme.selected);
        } else if facts.suspended || facts.orphan {
            row = row.style(theme.dim);
        }
        let y = area.y + 1 + u16::try_from(line).unwrap_or(0);
        row.render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// The first row drawn: the selection stays in view, in the middle once the table scrolls.
fn first_visible(selected: usize, rows: usize, total: usize) -> usize {
    if rows == 0 || total <= rows {
        return 0;
    }
    selected.saturating_sub(rows / 2).min(total - rows)
}

/// The front as the table shows it: one line, with marks for marked and starred cards.
fn front_text(app: &App, facts: &CardFacts, marked: bool) -> String {
    let front = facts.place.map_or_else(
        || format!("({})", facts.card),
        |place| {
            // One row as the card shows it, without control characters that would break
            // the columns.
            card::plain(&app.study.card(place).front)
        },
    );
    let mark = if marked { "● " } else { "" };
    let star = if facts.starred { "★ " } else { "" };
    format!("{mark}{star}{front}")
}

/// `text` cut or padded to exactly `width` columns.
fn pad(text: &str, width: usize) -> String {
    let fitted = text::fit(text, width);
    let used = textwrap::core::display_width(&fitted);
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

/// One cell's text and style.
fn cell(facts: &CardFacts, column: SortColumn, theme: &Theme) -> (String, Style) {
    let none = || ("-".to_owned(), theme.dim);
    match column {
        SortColumn::Due => match facts.due {
            None => none(),
            Some(0) => ("today".to_owned(), theme.review),
            Some(days) if days < 0 => (format!("{days}d"), theme.error),
            Some(days) => (format!("in {days}d"), Style::default()),
        },
        SortColumn::State => (state_name(facts).to_owned(), state_style(facts, theme)),
        SortColumn::Deck => (crate::store::deck_of(&facts.card).to_owned(), theme.dim),
        SortColumn::Retrievability => facts
            .retrievability
            .map_or_else(none, |r| (format!("{:.0}%", r * 100.0), Style::default())),
        SortColumn::Interval => facts
            .interval
            .map_or_else(none, |days| (format!("{days}d"), Style::default())),
        SortColumn::Stability => facts
            .stability
            .map_or_else(none, |s| (days_text(s), Style::default())),
        SortColumn::Difficulty => facts
            .difficulty
            .map_or_else(none, |d| (format!("{d:.1}"), Style::default())),
        SortColumn::Reps => (facts.reps.to_string(), Style::default()),
        SortColumn::Lapses => (facts.lapses.to_string(), Style::default()),
        SortColumn::Front | SortColumn::Id => (String::new(), Style::default()),
    }
}

/// Stability in days, shortened: `0.4d`, `12d`, `3.2y`.
pub(super) fn days_text(days: f32) -> String {
    if days < 10.0 {
        format!("{days:.1}d")
    } else if days < 365.0 {
        format!("{days:.0}d")
    } else {
        format!("{:.1}y", days / 365.0)
    }
}

/// What the state column says: the phase, or what keeps the card out of the queues.
pub(super) fn state_name(facts: &CardFacts) -> &'static str {
    if facts.orphan {
        "orphan"
    } else if facts.suspended && facts.leech {
        "leech"
    } else if facts.suspended {
        "suspended"
    } else if facts.buried_by_sibling {
        // Buried by the scheduler, not by hand: a sibling was answered today.
        "auto-bury"
    } else if facts.buried {
        "buried"
    } else {
        match facts.phase {
            Phase::New => "new",
            Phase::Learning { .. } => "learning",
            Phase::Review => "review",
            Phase::Relearning { .. } => "relearn",
        }
    }
}

fn state_style(facts: &CardFacts, theme: &Theme) -> Style {
    match facts.phase {
        _ if facts.suspended || facts.buried || facts.orphan => theme.dim,
        Phase::New => theme.new,
        Phase::Learning { .. } | Phase::Relearning { .. } => theme.learning,
        Phase::Review => theme.review,
    }
}

#[cfg(test)]
mod tests;

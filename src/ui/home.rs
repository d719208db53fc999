//! The home screen: every deck with its card count, and the selected deck's details.

mod details;
mod table;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{Theme, footer};
use crate::app::{Action, App, HomeOverlay, keys};
use crate::english::counted;
use crate::study::DueCounts;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = app.rows();
    let home = &app.home;
    let figures = &home.figures;
    // The deck list's keys, also while an overlay is over it.
    let list_keys = if figures.catching_up > 0 {
        keys::HOME_CATCHING_UP
    } else {
        keys::HOME_BACKLOG
    };
    let details = details::lines(app, list_keys, theme);
    // A field typed in (the filter, the exam date) takes a row, and the notice its own.
    let field_height = u16::from(
        !home.filter.is_empty()
            || home
                .overlay
                .as_ref()
                .is_some_and(|o| matches!(o, HomeOverlay::Filter | HomeOverlay::Exam(_))),
    );
    let notice_height = field_height
        + app
            .notice
            .as_ref()
            .map_or(0, |notice| super::chrome::notice_rows(Some(notice), area));
    // Between the top line, the notice and the footer: the list and the details.
    let body = area.height.saturating_sub(2 + notice_height);
    // The list keeps room for its rows (and its border and header), up to half of that, so
    // that a short screen still shows more than one deck; "↓ more" says what it cannot.
    let list_height = u16::try_from(rows.len().max(1) + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, (body / 2).max(3));
    // The details pane grows with its wrapped text, up to half the screen and what the list
    // leaves; the border takes one.
    let details_height = wrapped_height(&details, area.width)
        .saturating_add(1)
        .min(area.height / 2)
        .min(body.saturating_sub(list_height));
    let [header, list, details_area, notice, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(details_height),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);

    render_top(app, theme, header, buf);
    if rows.is_empty() && !home.filter.is_empty() {
        Paragraph::new(Line::styled(
            format!("No deck matches \"{}\".", home.filter),
            theme.dim,
        ))
        .block(Block::default().borders(Borders::TOP))
        .render(list, buf);
    } else if rows.is_empty() {
        Paragraph::new(vec![
            Line::from("No decks yet."),
            Line::from(format!(
                "Put deck files (*.toml) in {}, or run `flashdeck import FILE`.",
                app.decks_dir.display()
            )),
        ])
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::TOP))
        .render(list, buf);
    } else {
        table::render_list(&rows, app, theme, list, buf);
        Paragraph::new(details)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::TOP))
            .render(details_area, buf);
    }
    // After the details: a long notice wraps up over them.
    render_notice(app, theme, notice, buf);
    footer::render(app.bindings(), theme, keys, buf);
    if let Some(HomeOverlay::Problems(id)) = &home.overlay {
        render_problems(app, id, theme, area, buf);
    }
}

/// A deck file's problems over the deck list, each wrapped, as many as fit.
fn render_problems(
    app: &App,
    id: &crate::deck::DeckId,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(broken) = app.study.collection.broken.iter().find(|b| b.id == *id) else {
        return;
    };
    let keys = keys::PROBLEMS;
    let mut lines = vec![Line::styled(
        format!(
            "{} valid; these must be fixed before the deck can be studied:",
            counted(broken.valid_cards, "card")
        ),
        theme.dim,
    )];
    for problem in &broken.problems {
        lines.push(Line::from(format!(
            "line {}:{}: {}",
            problem.line, problem.column, problem.message
        )));
    }
    lines.push(Line::from(vec![
        Span::styled(keys.label(&Action::Edit), theme.key),
        Span::raw(" opens the file at the first problem  "),
        Span::styled(keys.label(&Action::Back), theme.key),
        Span::raw(" closes"),
    ]));
    let width = area.width.saturating_sub(4).min(100);
    let height = wrapped_height(&lines, width.saturating_sub(2)).saturating_add(2);
    let popup = super::popup_area(area, width, height, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", broken.path.display())),
        )
        .render(popup, buf);
}

/// The notice rows: a field typed in (the exam date, the filter) keeps the last, and the
/// notice (what was wrong with the date) has the rows above.
fn render_notice(app: &App, theme: &Theme, notice: Rect, buf: &mut Buffer) {
    let home = &app.home;
    let field = if let Some(HomeOverlay::Exam(input)) = &home.overlay {
        let typed = format!("{}█", input.text);
        // The typed date matters more than the label: a narrow screen gets the short one.
        let long = "Exam date, YYYY-MM-DD (empty clears): ";
        let room = usize::from(notice.width).saturating_sub(super::text::display_width(&typed));
        let label = if long.len() <= room {
            long
        } else {
            "Exam date: "
        };
        Some(Line::from(vec![
            Span::styled(label, theme.dim),
            Span::styled(typed, theme.key),
        ]))
    } else if home.filtering() || !home.filter.is_empty() {
        let cursor = if home.filtering() { "█" } else { "" };
        Some(Line::from(vec![
            Span::styled("filter: ", theme.dim),
            Span::styled(format!("{}{cursor}", home.filter), theme.key),
        ]))
    } else {
        None
    };
    // The field on the last row, the notice in the rows above it.
    let notice_rows = match field {
        Some(field) => {
            let last = notice.rows().next_back().unwrap_or(notice);
            field.render(last, buf);
            Rect {
                height: notice.height.saturating_sub(1),
                ..notice
            }
        }
        None => notice,
    };
    if let Some(message) = &app.notice {
        super::chrome::notice(message, theme.error, notice_rows, buf);
    }
}

/// The top line: "flashdeck", then the collection and today's totals, as many as fit, and
/// the streak and XP at the right when they are on.
fn render_top(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let collection = &app.study.collection;
    let decks = collection.decks.len();
    let figures = &app.home.figures;
    let today: DueCounts = figures.counts.iter().copied().sum();
    // New cards are not "due": they are what the daily limit lets in (Anki counts them apart).
    let due = today.learning + today.review;
    // In reading order, each with its rank: what is due matters most, the size least.
    let mut parts = vec![
        (3, counted(decks, "deck")),
        (
            4,
            counted((0..decks).map(|d| app.deck_cards(d)).sum(), "card"),
        ),
        (0, format!("{due} due today")),
        (1, format!("{} new", today.new)),
    ];
    if figures.counting.is_some() {
        // The first frame, before the history is read: no count yet, rather than zeros.
        parts.truncate(2);
        parts.push((0, "counting what is due…".to_owned()));
    }
    let (answers, ms) = figures.today;
    if answers > 0 {
        let minutes = (ms / 1000).div_ceil(60);
        parts.push((2, format!("today {answers} answered in {minutes} min")));
    }
    // What the next level needs goes first when the line is short, then the goals.
    let room_for_due = "flashdeck  ".len() + parts[2].1.len() + 2;
    let goals = figures
        .motivation
        .as_ref()
        .and_then(|m| {
            let fits = |text: &String| {
                Line::raw(text.as_str()).width() + room_for_due <= usize::from(area.width)
            };
            // Too narrow even for the total: what is due matters more.
            [app.goals.summary(m, true), app.goals.summary(m, false)]
                .into_iter()
                .find(fits)
        })
        .unwrap_or_default();
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(Line::raw(goals.as_str()).width()).unwrap_or(0)),
    ])
    .spacing(2)
    .areas(area);
    // Whole parts only, the least important left out first: a cut-off "today 4 answ" reads
    // worse than none.
    let room = usize::from(left.width).saturating_sub("flashdeck  ".len());
    let text = |parts: &[(u8, String)]| {
        let texts: Vec<&str> = parts.iter().map(|(_, text)| text.as_str()).collect();
        texts.join(" · ")
    };
    while parts.len() > 1 && Line::raw(text(&parts)).width() > room {
        if let Some(least) = (0..parts.len()).max_by_key(|&i| parts[i].0) {
            parts.remove(least);
        }
    }
    Line::from(vec![
        Span::styled("flashdeck", theme.title),
        Span::styled(format!("  {}", text(&parts)), theme.dim),
    ])
    .render(left, buf);
    Line::styled(goals, theme.notice).render(right, buf);
}

/// Rows `lines` take when wrapped to `width` columns; an estimate by characters, which can
/// only be short when word wrapping leaves a line's end empty.
fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(width).max(1))
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;

//! The home screen: every deck with its card count, and the selected deck's details.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row as TableRow, Widget, Wrap};

use super::{Theme, footer};
use crate::app::{Action, App, HomeOverlay, Row, keys};
use crate::english::counted;
use crate::study::DueCounts;
use crate::study::presets::Reason;

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
    let key = |action: &Action| list_keys.label(action);
    let mut details = details_lines(rows.get(home.selected).copied(), list_keys, theme);
    if let Some(Row::Deck(index, _)) = rows.get(home.selected) {
        details.extend(preset_line(app, *index, theme));
    }
    if let Some(Row::Deck(index, _)) = rows.get(home.selected)
        && let Some(Some(outlook)) = figures.exams.get(*index)
    {
        details.push(Line::styled(
            format!(
                "Exam in {}: every card gets a review in the last days before it; {:.0}% recalled on the day if you keep up ({} changes the date).",
                counted(usize::try_from(outlook.days_left).unwrap_or(0), "day"),
                outlook.predicted * 100.0,
                key(&Action::SetExam),
            ),
            theme.notice,
        ));
    }
    if figures.catching_up > 0 {
        details.insert(0, Line::styled(format!("Catching up: {} moved reviews still to come; new cards wait until then. {} undoes the plan.", figures.catching_up, key(&Action::UndoBacklog)), theme.notice));
    } else if let Some(backlog) = &figures.backlog {
        details.insert(0, Line::styled(format!("Backlog: {} reviews due, about {:.0} on a normal day. {} spreads them over days, the most at risk first.", backlog.due, backlog.normal_day, key(&Action::Backlog)), theme.notice));
    }
    details.extend(advice(app, list_keys, theme));
    // The details pane grows with its wrapped text, up to half the screen; the border takes one.
    let details_height = wrapped_height(&details, area.width)
        .saturating_add(1)
        .min(area.height / 2);
    let [header, list, details_area, notice, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(details_height),
        Constraint::Length(u16::from(
            app.notice.is_some()
                || !home.filter.is_empty()
                || home
                    .overlay
                    .as_ref()
                    .is_some_and(|o| matches!(o, HomeOverlay::Filter | HomeOverlay::Exam(_))),
        )),
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
        list::render(&rows, app, theme, list, buf);
        Paragraph::new(details)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::TOP))
            .render(details_area, buf);
    }
    // After the details: a long notice wraps up over them.
    render_notice(app, theme, notice, buf);
    footer::render(app.bindings(), theme, keys, buf);
}

/// The notice line: a field typed in (the exam date, the filter) keeps it, and the notice
/// (what was wrong with the date) ends on the line above.
fn render_notice(app: &App, theme: &Theme, notice: Rect, buf: &mut Buffer) {
    let home = &app.home;
    let field = if let Some(HomeOverlay::Exam(input)) = &home.overlay {
        Some(Line::from(vec![
            Span::styled("Exam date, YYYY-MM-DD (empty clears): ", theme.dim),
            Span::styled(format!("{}█", input.text), theme.key),
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
    let notice_line = match field {
        Some(field) => {
            field.render(notice, buf);
            Rect {
                y: notice.y.saturating_sub(1),
                ..notice
            }
        }
        None => notice,
    };
    if let Some(message) = &app.notice {
        super::chrome::notice(message, theme.error, notice_line, buf);
    }
}

/// The top line: "flashdeck", then the collection and today's totals, as many as fit, and
/// the streak and XP at the right when they are on.
fn render_top(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let collection = &app.study.collection;
    let decks = collection.decks.len();
    let figures = &app.home.figures;
    let due: usize = figures.counts.iter().map(DueCounts::total).sum();
    // In reading order, each with its rank: what is due matters most, the size least.
    let mut parts = vec![
        (2, counted(decks, "deck")),
        (3, counted(collection.card_count(), "card")),
        (0, format!("{due} due today")),
    ];
    let (answers, ms) = figures.today;
    if answers > 0 {
        let minutes = (ms / 1000).div_ceil(60);
        parts.push((1, format!("today {answers} answered in {minutes} min")));
    }
    let goals = figures
        .motivation
        .as_ref()
        .map(|m| app.goals.summary(m))
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

/// One line of the deck table: a folder's totals, a deck's counts and mastery, or a broken file.
fn table_row<'a>(row: &Row<'a>, app: &App, theme: &Theme, name_width: usize) -> TableRow<'a> {
    let number = |n: usize, style| {
        let (text, style) = if n == 0 {
            ("·".to_owned(), theme.dim)
        } else {
            (n.to_string(), style)
        };
        Cell::from(Line::from(Span::styled(text, style)).right_aligned())
    };
    match row {
        Row::Group(folder) => {
            let due = app.folder_counts(folder);
            TableRow::new(vec![
                Cell::from(Span::styled(
                    super::text::fit(&format!("▾ {folder}/"), name_width),
                    theme.title,
                )),
                number(due.new, theme.new),
                number(due.learning, theme.learning),
                number(due.review, theme.review),
                Cell::from(""),
                Cell::from(""),
            ])
        }
        Row::Deck(index, deck) => {
            let due = app
                .home
                .figures
                .counts
                .get(*index)
                .copied()
                .unwrap_or_default();
            let indent = list::indent(deck);
            let (exam, unknown) = list::deck_marks(*index, app);
            // The exam and a warning stay in view: a long name gives way to them.
            let width = |text: &Option<String>| text.as_deref().map_or(0, |e| Line::raw(e).width());
            let room = name_width.saturating_sub(width(&exam) + width(&unknown));
            let mut name = vec![Span::raw(super::text::fit(
                &format!("{indent}{}", deck.name),
                room,
            ))];
            if let Some(exam) = exam {
                name.push(Span::styled(exam, theme.notice));
            }
            if let Some(unknown) = unknown {
                name.push(Span::styled(unknown, theme.error));
            }
            TableRow::new(vec![
                Cell::from(Line::from(name)),
                number(due.new, theme.new),
                number(due.learning, theme.learning),
                number(due.review, theme.review),
                Cell::from(Line::from(deck.cards.len().to_string()).right_aligned()),
                Cell::from(Span::styled(
                    bar(app.home.figures.mastery.get(*index).copied().unwrap_or(0.0)),
                    theme.review,
                )),
            ])
        }
        Row::Broken(broken) => TableRow::new(vec![
            Cell::from(Span::styled(
                super::text::fit(&list::broken_label(broken), name_width),
                theme.error,
            )),
            Cell::from(""),
            Cell::from(""),
            Cell::from(""),
            Cell::from(Line::from("–").right_aligned()),
            Cell::from(""),
        ]),
    }
}

/// A ten-cell bar in eighths: "████▌     ".
fn bar(share: f64) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = (share.clamp(0.0, 1.0) * 80.0).round();
    // 0 to 80, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let eighths = eighths as usize;
    let mut text = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        text.push(EIGHTHS[eighths % 8]);
    }
    format!("{text:<10}")
}

fn details_lines<'a>(row: Option<Row<'a>>, keys: crate::app::Keys, theme: &Theme) -> Vec<Line<'a>> {
    match row {
        Some(Row::Group(folder)) => vec![
            Line::from(Span::styled(format!("{folder}/"), theme.title)),
            Line::styled(
                format!(
                    "{} reviews every deck in this folder; {} and {} work on all of them too.",
                    keys.label(&Action::Open),
                    keys.label(&Action::Picker),
                    keys.label(&Action::Statistics)
                ),
                theme.dim,
            ),
        ],
        Some(Row::Deck(_, deck)) => {
            let mut lines = vec![Line::from(Span::styled(deck.name.as_str(), theme.title))];
            if !deck.description.is_empty() {
                lines.push(Line::from(deck.description.as_str()));
            }
            lines.push(Line::from(Span::styled(deck.source.to_string(), theme.dim)));
            lines
        }
        Some(Row::Broken(broken)) => {
            let mut lines = vec![Line::from(Span::styled(
                "This file has problems; run `flashdeck check` to see them all:",
                theme.error,
            ))];
            lines.extend(broken.problems.iter().map(|p| Line::from(p.to_string())));
            lines
        }
        None => Vec::new(),
    }
}

/// The deck's settings preset, when it has one or names one the settings lack.
fn preset_line(app: &App, deck: usize, theme: &Theme) -> Option<Line<'static>> {
    let presets = app.study.presets();
    let choice = presets.choice(deck);
    let name = presets.name(choice.preset).unwrap_or_default();
    match &choice.reason {
        Reason::Global => None,
        Reason::DeckFile { .. } | Reason::Glob(_) => Some(Line::styled(
            format!(
                "Scheduled with the preset {name} (`flashdeck config show` lists its settings)."
            ),
            theme.dim,
        )),
        Reason::Unknown { name, line } => Some(Line::styled(
            format!(
                "Its file names the preset {name} on line {line}, which the settings do not define: the global settings apply."
            ),
            theme.error,
        )),
    }
}

/// What the home screen advises below the details: cards set aside, and for a first run how
/// to start and where decks live.
fn advice<'a>(app: &App, list_keys: keys::Keys, theme: &Theme) -> Vec<Line<'a>> {
    let key = |action: &Action| list_keys.label(action);
    let figures = &app.home.figures;
    let mut lines = Vec::new();
    let set_aside = figures.set_aside;
    // Only the counts that are not zero: "2 cards suspended", "1 leech", or both.
    let parts: Vec<String> = [
        (
            set_aside.suspended,
            format!("{} suspended", counted(set_aside.suspended, "card")),
        ),
        (set_aside.leeches, counted(set_aside.leeches, "leech")),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(_, text)| text)
    .collect();
    if !parts.is_empty() {
        lines.push(Line::styled(
            format!(
                "{}: {} lists them to unsuspend or forget.",
                parts.join(", "),
                key(&Action::BrowseTrouble),
            ),
            theme.notice,
        ));
    }
    if !app.study.has_history() {
        // First run: how to start, and where decks live.
        lines.push(Line::styled(format!("New here? Pick a deck and press {} to learn its first cards; {} offers other ways to study.", key(&Action::Open), key(&Action::Picker)), theme.notice));
        lines.push(Line::styled(format!("Decks are TOML files in {}; `flashdeck import` turns Quizlet, Knowt and Anki exports into decks.", app.decks_dir.display()), theme.notice));
    }
    lines
}

mod list;

#[cfg(test)]
mod tests;

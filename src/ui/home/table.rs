//! The deck table: a row per folder (its decks' sums), deck (counts, cards, mastery and
//! exam) and file with problems (how many of its cards are valid). Its name column is as
//! wide as the widest name, so that the counts stand beside the names on a wide screen, and
//! narrower screens leave the Cards and Mastery columns out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row as TableRow, StatefulWidget, Table, TableState};

use crate::app::{App, Row};
use crate::english::counted;
use crate::study::presets::Reason;
use crate::ui::Theme;

/// One line of the deck table: a folder's totals, a deck's counts and mastery, or a broken file.
fn table_row<'a>(row: &Row<'a>, app: &App, theme: &Theme, name_width: usize) -> TableRow<'a> {
    let counting = app.home.figures.counting.is_some();
    // Before the history is read the counts are not known: "…", not a zero.
    let number = |n: usize, style| {
        let (text, style) = if counting {
            ("…".to_owned(), theme.dim)
        } else if n == 0 {
            ("·".to_owned(), theme.dim)
        } else {
            (n.to_string(), style)
        };
        Cell::from(Line::from(Span::styled(text, style)).right_aligned())
    };
    let mastery = |m: f64| {
        let bar = if counting { String::new() } else { bar(m) };
        Cell::from(Span::styled(bar, theme.review))
    };
    let cards = |n: usize| Cell::from(Line::from(n.to_string()).right_aligned());
    match row {
        Row::Group(folder) => {
            let due = app.folder_counts(folder);
            let (count, folder_mastery) = app.folder_cards(folder);
            let label = group_label(folder, app.home.folded.contains(*folder));
            TableRow::new(vec![
                Cell::from(Span::styled(
                    crate::ui::text::fit(&label, name_width),
                    theme.title,
                )),
                number(due.new, theme.new),
                number(due.learning, theme.learning),
                number(due.review, theme.review),
                cards(count),
                mastery(folder_mastery),
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
            let indent = indent(deck);
            let (exam, unknown) = deck_marks(*index, app);
            // The exam and a warning stay in view: a long name gives way to them.
            let width = |text: &Option<String>| text.as_deref().map_or(0, |e| Line::raw(e).width());
            let room = name_width.saturating_sub(width(&exam) + width(&unknown));
            let mut name = vec![Span::raw(crate::ui::text::fit(
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
                cards(app.deck_cards(*index)),
                mastery(app.home.figures.mastery.get(*index).copied().unwrap_or(0.0)),
            ])
        }
        Row::Broken(broken) => {
            TableRow::new(vec![
                Cell::from(Span::styled(
                    crate::ui::text::fit(&broken_label(broken), name_width),
                    theme.error,
                )),
                Cell::from(""),
                Cell::from(""),
                Cell::from(""),
                // Its valid cards, which wait for the problems to be fixed.
                Cell::from(Line::styled(broken.valid_cards.to_string(), theme.dim).right_aligned()),
                Cell::from(""),
            ])
        }
    }
}

pub(super) fn render_list(
    rows: &[Row<'_>],
    app: &App,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    // The number columns, then the name: as wide as the widest name, so that the counts stand
    // next to the names on a wide screen, and what the numbers leave on a narrow one.
    let mut widths = vec![4, 5, 4];
    if area.width >= FULL_LIST {
        widths.extend([6, 10]);
    }
    let numbers: u16 = widths.iter().map(|w| w + 1).sum();
    let room = usize::from(area.width.saturating_sub(numbers));
    let name_width = widest_name(rows, app).min(room);
    let table_rows = rows
        .iter()
        .map(|row| table_row(row, app, theme, name_width));
    let mut constraints = vec![Constraint::Length(u16::try_from(name_width).unwrap_or(0))];
    constraints.extend(widths.into_iter().map(Constraint::Length));
    let table = Table::new(table_rows, constraints)
        .header(
            TableRow::new(vec![
                Cell::from("Deck"),
                Cell::from(Line::from("New").right_aligned()),
                Cell::from(Line::from("Learn").right_aligned()),
                Cell::from(Line::from("Due").right_aligned()),
                Cell::from(Line::from("Cards").right_aligned()),
                Cell::from("Mastery"),
            ])
            .style(theme.dim),
        )
        .row_highlight_style(theme.selected)
        .column_spacing(1)
        .block(Block::default().borders(Borders::TOP));
    let mut state = TableState::default().with_selected(Some(app.home.selected));
    StatefulWidget::render(table, area, buf, &mut state);
    // Rows scrolled out of sight, above or below: said on the list's border, at its right,
    // where no count is covered.
    let shown = usize::from(area.height.saturating_sub(2));
    let above = state.offset();
    let below = rows.len().saturating_sub(above + shown);
    let more = match (above > 0, below > 0) {
        (false, false) => return,
        (true, false) => format!(" ↑ {above} more "),
        (false, true) => format!(" ↓ {below} more "),
        (true, true) => format!(" ↑↓ {} more ", above + below),
    };
    let width = u16::try_from(more.chars().count()).unwrap_or(0);
    buf.set_string(area.right().saturating_sub(width), area.y, more, theme.dim);
}

/// Below this width the list leaves out the Cards and Mastery columns, so that names show.
const FULL_LIST: u16 = 60;

/// A deck's indent under its folder.
fn indent(deck: &crate::deck::Deck) -> String {
    indent_of(deck.id.as_str())
}

/// Two columns for each folder `path` (a deck id or a folder) is in.
fn indent_of(path: &str) -> String {
    "  ".repeat(crate::app::home::depth(path))
}

/// A folder's row: indented by its depth, its mark (▸ folded, ▾ open, as Anki's deck list
/// shows its +/−) and its own name; a folder at the top shows its whole path.
fn group_label(folder: &str, closed: bool) -> String {
    let mark = if closed { '▸' } else { '▾' };
    let name = folder.rsplit_once('/').map_or(folder, |(_, last)| last);
    format!("{}{mark} {name}/", indent_of(folder))
}

/// What a deck's row says after its name: when its exam is (the prediction needs its
/// condition, which the details give), and a preset its file names that the settings lack.
fn deck_marks(index: usize, app: &App) -> (Option<String>, Option<String>) {
    let exam = app
        .home
        .figures
        .exams
        .get(index)
        .copied()
        .flatten()
        .map(|outlook| format!(" · exam in {}d", outlook.days_left));
    let unknown = match &app.study.presets().choice(index).reason {
        Reason::Unknown { name, .. } => Some(format!(" · ⚠ no preset {name}")),
        _ => None,
    };
    (exam, unknown)
}

/// A broken file's row, indented inside its folder: how many problems, and its id.
fn broken_label(broken: &crate::deck::BrokenDeck) -> String {
    format!(
        "{}⚠ {} · {}",
        indent_of(broken.id.as_str()),
        counted(broken.problems.len(), "problem"),
        broken.id
    )
}

/// The columns the widest name cell of `rows` takes whole.
fn widest_name(rows: &[Row<'_>], app: &App) -> usize {
    let width = crate::ui::text::display_width;
    rows.iter()
        .map(|row| match row {
            Row::Group(folder) => width(&group_label(folder, false)),
            Row::Deck(index, deck) => {
                let (exam, unknown) = deck_marks(*index, app);
                width(&indent(deck))
                    + width(&deck.name)
                    + exam.as_deref().map_or(0, width)
                    + unknown.as_deref().map_or(0, width)
            }
            Row::Broken(broken) => width(&broken_label(broken)),
        })
        .max()
        .unwrap_or(0)
        .max("Deck".len())
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

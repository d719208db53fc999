//! The home screen's deck list: a table whose name column is as wide as the widest name,
//! so that the counts stand beside the names, and narrower screens leave columns out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Row as TableRow, StatefulWidget, Table, TableState};

use super::table_row;
use crate::app::{App, Row};
use crate::english::counted;
use crate::study::presets::Reason;
use crate::ui::Theme;

/// A deck's indent under its folder.
pub(super) fn indent(deck: &crate::deck::Deck) -> &'static str {
    if deck.id.as_str().contains('/') {
        "  "
    } else {
        ""
    }
}

/// What a deck's row says after its name: its exam, and a preset its file names that the
/// settings lack.
pub(super) fn deck_marks(index: usize, app: &App) -> (Option<String>, Option<String>) {
    let exam = app
        .home
        .figures
        .exams
        .get(index)
        .copied()
        .flatten()
        .map(|outlook| {
            format!(
                " · exam {}d {:.0}%",
                outlook.days_left,
                outlook.predicted * 100.0
            )
        });
    let unknown = match &app.study.presets().choice(index).reason {
        Reason::Unknown { name, .. } => Some(format!(" · ⚠ no preset {name}")),
        _ => None,
    };
    (exam, unknown)
}

/// The columns the widest name cell of `rows` takes whole.
fn widest_name(rows: &[Row<'_>], app: &App) -> usize {
    let width = |text: &str| crate::ui::text::display_width(text);
    rows.iter()
        .map(|row| match row {
            Row::Group(folder) => width(folder) + 3,
            Row::Deck(index, deck) => {
                let (exam, unknown) = deck_marks(*index, app);
                width(indent(deck))
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

/// A broken file's row: how many problems, and its id.
pub(super) fn broken_label(broken: &crate::deck::BrokenDeck) -> String {
    format!(
        "⚠ {} · {}",
        counted(broken.problems.len(), "problem"),
        broken.id
    )
}

/// Below this width the list leaves out the Cards and Mastery columns, so that names show.
const FULL_LIST: u16 = 60;

pub(super) fn render(rows: &[Row<'_>], app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
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
}

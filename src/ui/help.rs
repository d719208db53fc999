//! The help overlay: every key of the screen beneath, from its key table. A table too long
//! for the height is laid out in two columns when the width allows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::Theme;
use crate::app::{Action, Binding, Keys, keys};

/// The widest a column gets: the key, two spaces, the hint.
const COLUMN: u16 = 40;

pub fn render(bindings: Keys, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let all: Vec<&Binding> = bindings.iter().collect();
    let fits = usize::from(area.height.saturating_sub(4));
    // Two columns when the keys do not fit the height and two fit the width (78 at 80).
    let half = (area.width.saturating_sub(2) / 2).min(COLUMN);
    let columns: u16 = if all.len() > fits && half >= 36 { 2 } else { 1 };
    let column = if columns == 2 { half } else { COLUMN };
    let per_column = all.len().div_ceil(usize::from(columns));
    let height = u16::try_from(per_column + 4).unwrap_or(u16::MAX);
    let popup = super::popup_area(area, columns * column + 2, height, buf);
    // The keys' column as wide as the widest key of this table.
    let key_width = all
        .iter()
        .map(|b| b.key_label.chars().count())
        .max()
        .unwrap_or(1);
    let block = Block::default().borders(Borders::ALL).title(" Keys ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [list, _, close] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(columns));
        usize::from(columns)
    ])
    .split(list);
    for (chunk, area) in all.chunks(per_column.max(1)).zip(areas.iter()) {
        let lines: Vec<Line> = chunk
            .iter()
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!("{:>key_width$}  ", b.key_label), theme.key),
                    Span::raw(b.hint),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(*area, buf);
    }
    Line::from(Span::styled(
        // The first of the keys that close it, as the line always showed.
        format!(
            "{:>key_width$}  close this help",
            super::text::first_key(keys::HELP.label(&Action::Help))
        ),
        theme.dim,
    ))
    .render(close, buf);
}

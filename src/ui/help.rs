//! The help overlay: every key of the screen beneath, from its key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::Theme;
use crate::app::{Action, Keys, keys};

pub fn render(bindings: Keys, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let height = u16::try_from(bindings.iter().count() + 4).unwrap_or(u16::MAX);
    let popup = super::popup_area(area, 44, height, buf);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:>9}  ", b.key_label), theme.key),
                Span::raw(b.hint),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        // The first of the keys that close it, as the line always showed.
        format!(
            "{:>7}  close this help",
            super::text::first_key(keys::HELP.label(&Action::Help))
        ),
        theme.dim,
    )));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(" Keys "))
        .render(popup, buf);
}

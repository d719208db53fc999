//! The mode picker over the home screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::Theme;
use crate::app::Keys;

pub fn render(keys: Keys, deck: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = keys.iter().count();
    let popup = super::popup_area(area, 40, u16::try_from(rows + 3).unwrap_or(8), buf);
    // Inside the borders, a long deck name cut with "…".
    let room = usize::from(popup.width.saturating_sub(2));
    let mut lines = vec![Line::styled(super::text::fit(deck, room), theme.dim)];
    lines.extend(keys.iter().map(|b| {
        Line::from(vec![
            Span::styled(format!("  {:>2}  ", b.key_label), theme.key),
            Span::raw(b.hint),
        ])
    }));
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(" Study mode "))
        .render(popup, buf);
}

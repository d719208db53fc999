//! The mode picker over the home screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::Theme;
use crate::app::Keys;

pub fn render(keys: Keys, deck: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = keys.iter().count();
    let [popup] = Layout::horizontal([Constraint::Length(40.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(
        u16::try_from(rows + 3).unwrap_or(8).min(area.height),
    )])
    .flex(Flex::Center)
    .areas(popup);
    Clear.render(popup, buf);
    let mut lines = vec![Line::styled(deck.to_owned(), theme.dim)];
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

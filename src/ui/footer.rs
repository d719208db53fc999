//! The key hints line, drawn from the same table that handles the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use crate::app::Keys;

/// Renders `key hint` pairs, dropping the ones that do not fit rather than wrapping.
pub fn render(bindings: Keys, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut width = 0;
    for binding in bindings.iter().filter(|b| b.in_footer) {
        // The key, a space and the hint must fit; the gap after the last one need not.
        let item = binding.key_label.chars().count() + 1 + binding.hint.chars().count();
        if width + item > usize::from(area.width) {
            break;
        }
        width += item + 3;
        spans.push(Span::styled(binding.key_label, theme.key));
        spans.push(Span::styled(format!(" {}   ", binding.hint), theme.dim));
    }
    Line::from(spans).render(area, buf);
}

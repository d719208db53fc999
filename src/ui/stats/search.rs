//! The search typed after `/` on the statistics screen: one line over the tab's content,
//! with the cursor at its end.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::StatsScreen;
use crate::ui::Theme;

/// Draws the search line while one is typed; the content's area that is left.
pub fn render(screen: &StatsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    let Some(text) = &screen.filter else {
        return area;
    };
    let [line, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    Line::from(vec![
        Span::styled("Narrow to: ", theme.dim),
        Span::raw(text.clone()),
        Span::styled("▏", theme.key),
    ])
    .render(line, buf);
    rest
}

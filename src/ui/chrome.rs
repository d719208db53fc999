//! The frame every practice screen shares: a header line, the body, a status line for
//! notices, and the key hints. One layout function, so mouse hit-testing agrees with drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Theme, footer};
use crate::app::App;

/// The header, body, status and keys areas of a screen.
#[must_use]
pub fn areas(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The body of a screen, inside its rules.
#[must_use]
pub fn body(area: Rect) -> Rect {
    Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .inner(areas(area)[1])
}

/// Draws the chrome with `title` on the left and `status` on the right of the header, and
/// returns the body area.
pub fn render(
    app: &App,
    theme: &Theme,
    title: &str,
    status: Line<'_>,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let [header, body_area, notice, keys] = areas(area);
    let width = u16::try_from(status.width())
        .unwrap_or(header.width)
        .min(header.width);
    let [left, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(width)])
        .spacing(2)
        .areas(header);
    Line::from(Span::styled(title.to_owned(), theme.title)).render(left, buf);
    status.render(right, buf);
    Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .render(body_area, buf);
    if let Some(message) = &app.notice {
        render_notice(message, theme, notice, buf);
    }
    footer::render(app.bindings(), theme, keys, buf);
    body(area)
}

/// A notice on its line; one too long for it takes the body's bottom rule above as well, so
/// that its end (a file's name, a key) is not cut. The layout does not move: hit-testing
/// still agrees with [`areas`].
fn render_notice(message: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = super::text::wrap(message, usize::from(area.width));
    match rows.as_slice() {
        [first, second, ..] if area.y > 0 => {
            let above = Rect {
                y: area.y - 1,
                ..area
            };
            ratatui::widgets::Clear.render(above, buf);
            Line::styled(first.clone(), theme.error).render(above, buf);
            Line::styled(second.clone(), theme.error).render(area, buf);
        }
        _ => Line::styled(message, theme.error).render(area, buf),
    }
}

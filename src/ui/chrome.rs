//! The frame every practice screen shares: a header line, the body, the rows of the notice
//! (one when there is none), and the key hints. One layout function, so mouse hit-testing
//! agrees with drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Theme, footer};
use crate::app::App;

/// Card text is easier to read in a column no wider than this.
pub const TEXT_WIDTH: u16 = 88;

/// A column of margin each side of `body`, then a readable width, centred: where Review,
/// Learn and the test put their text.
#[must_use]
pub fn column(body: Rect) -> Rect {
    let area = body.inner(ratatui::layout::Margin::new(1, 0));
    let [_, column, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(TEXT_WIDTH),
        Constraint::Fill(1),
    ])
    .areas(area);
    column
}

/// The header, body, status and keys areas of a screen without a notice longer than a row.
#[must_use]
pub fn areas(area: Rect) -> [Rect; 4] {
    areas_with_notice(area, 1)
}

/// The header, body, notice and keys areas of a screen whose notice takes `rows` rows.
#[must_use]
pub fn areas_with_notice(area: Rect, rows: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(rows),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The areas of `app`'s screen in `area`, the notice's rows as many as its message takes.
#[must_use]
pub fn layout(app: &App, area: Rect) -> [Rect; 4] {
    areas_with_notice(area, notice_rows(app.notice.as_deref(), area))
}

/// The body of a screen, inside its rules.
#[must_use]
pub fn body(area: Rect) -> Rect {
    inside_rules(areas(area)[1])
}

/// `body` without its top and bottom rules.
fn inside_rules(body: Rect) -> Rect {
    Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .inner(body)
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
    // The notice is drawn in its rows afterwards, by `ui::render`.
    let [header_area, body_area, _, keys] = layout(app, area);
    header(
        Line::from(Span::styled(title.to_owned(), theme.title)),
        status,
        TITLE_KEEPS,
        header_area,
        buf,
    );
    Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .render(body_area, buf);
    footer::render(app.bindings(), theme, keys, buf);
    inside_rules(body_area)
}

/// Columns between a header's title and its status.
const HEADER_GAP: usize = 2;

/// The columns a header's title keeps beside its status, at least (all of a shorter title).
pub const TITLE_KEEPS: usize = 16;

/// A header line: `title` at the left and `status` at the right, two columns apart, each cut
/// with "…" rather than run into the other. The title keeps `keeps` columns (all of a shorter
/// one; [`TITLE_KEEPS`] for most screens); the status has the rest first, since it says where
/// the user is.
pub fn header(title: Line<'_>, status: Line<'_>, keeps: usize, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let status_width = status
        .width()
        .min(status_room_keeping(title.width(), keeps, width));
    let title_width =
        width.saturating_sub(status_width + HEADER_GAP * usize::from(status_width > 0));
    let [left, _, right] = Layout::horizontal([
        Constraint::Length(u16::try_from(title_width).unwrap_or(0)),
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_width).unwrap_or(0)),
    ])
    .areas(area);
    super::text::fit_line(title, title_width).render(left, buf);
    super::text::fit_line(status, status_width).render(right, buf);
}

/// The columns [`render`]'s header leaves its status beside `title` on a screen `width` wide,
/// for a status that has a shorter form.
#[must_use]
pub fn status_room(title: &str, width: u16) -> usize {
    status_room_keeping(
        super::text::display_width(title),
        TITLE_KEEPS,
        usize::from(width),
    )
}

/// The header's status room beside a title `title_width` wide that keeps `keeps` columns.
fn status_room_keeping(title_width: usize, keeps: usize, width: usize) -> usize {
    width.saturating_sub(title_width.min(keeps) + HEADER_GAP)
}

/// The rows a notice takes on a screen of `area`: its message wrapped to the screen's width,
/// at least one (the status row, kept when there is no notice) and at most half the screen,
/// so that the body keeps its rows.
#[must_use]
pub fn notice_rows(message: Option<&str>, area: Rect) -> u16 {
    notice_rows_at_most(message, area, area.height / 2)
}

/// The rows a notice takes beside a card (review's question and answer): as
/// [`notice_rows`], but at most half of what the screen has beyond [`KEPT_FOR_THE_BODY`]
/// rows, so that the card keeps its question and answer: 2 rows at 12, 8 at 24. The rest
/// of a longer notice is cut with "…" ([`notice`]).
#[must_use]
pub fn notice_rows_beside_card(message: Option<&str>, area: Rect) -> u16 {
    notice_rows_at_most(
        message,
        area,
        area.height.saturating_sub(KEPT_FOR_THE_BODY) / 2,
    )
}

fn notice_rows_at_most(message: Option<&str>, area: Rect, most: u16) -> u16 {
    let wrapped = message.map_or(1, |m| {
        super::text::wrap_at_spaces(m, area.width.into()).len()
    });
    let most = usize::from(most).max(1);
    u16::try_from(wrapped.clamp(1, most)).unwrap_or(1)
}

/// The rows a screen keeps for the header, the body (its rules and a question and an answer
/// row), the buttons and the keys before a notice takes more than one.
const KEPT_FOR_THE_BODY: u16 = 8;

/// A notice in its own rows, `area` (as [`notice_rows`] counts them): wrapped at its width,
/// over nothing else. Only a message longer than its rows is cut, with "…"; the newest
/// sentences come first ([`crate::app`]'s card notices), so the cut drops the oldest.
pub fn notice(message: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let mut rows = super::text::wrap_at_spaces(message, width);
    let room = usize::from(area.height).max(1);
    if rows.len() > room {
        rows.truncate(room);
        if let Some(last) = rows.last_mut() {
            *last = super::text::fit(&format!("{last} …"), width);
        }
    }
    for (row, y) in rows.into_iter().zip(area.y..) {
        let line = Rect {
            y,
            height: 1,
            ..area
        };
        ratatui::widgets::Clear.render(line, buf);
        Line::styled(row, style).render(line, buf);
    }
}

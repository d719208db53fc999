//! Where a card's picture goes: the rows under its text, in the card's column. Drawing only
//! reports the place (as the click target that opens the picture); the runtime draws the
//! picture there, from what it decoded away from the frame.

use ratatui::layout::Rect;

use super::Clicks;
use crate::app::{Action, App};

/// The fewest rows a picture is drawn in; with less room under the text it stays text.
pub const MIN_ROWS: u16 = 3;

/// Reports the place for the side's picture in `clicks`: the rows of `area` under the card's
/// `text_rows` lines and a blank one, when the terminal draws pictures, the side has one and
/// they are at least [`MIN_ROWS`].
pub fn report(app: &App, area: Rect, text_rows: usize, clicks: &mut Clicks) {
    let has_picture = app.media.pictures
        && app
            .side_media()
            .is_some_and(|side| !side.pictures.is_empty());
    if !has_picture || app.help_open() {
        return;
    }
    let used = u16::try_from(text_rows)
        .unwrap_or(u16::MAX)
        .saturating_add(1);
    let rows = area.height.saturating_sub(used);
    if rows >= MIN_ROWS {
        let place = Rect::new(area.x, area.y + used, area.width, rows);
        clicks.0.push((place, Action::OpenImage));
    }
}

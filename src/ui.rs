//! Rendering: a function from `&App` to a frame. Nothing here mutates state or does I/O.

mod backlog;
mod browser;
pub mod card;
mod chrome;
mod flashcards;
mod footer;
mod help;
mod home;
mod learn;
pub mod matching;
mod options;
mod picker;
mod picture;
mod practice_test;
mod review;
mod saving;
pub mod stats;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};

use crate::app::{Action, App, HomeOverlay, Screen};
pub use theme::Theme;

/// Smallest area the screens are laid out for; below it a notice asks for more room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Whether a `width` × `height` terminal (in cells) is below [`MIN_WIDTH`] × [`MIN_HEIGHT`]:
/// then only the "Terminal too small" notice shows, and the app takes no key but Ctrl-C
/// (`App::too_small`). The one rule for both.
#[must_use]
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Where drawing put what a click can pick: each area with the action a click there means.
/// The runtime turns a click into an action with it, so hit-testing always agrees with what is
/// on screen.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Clicks(pub Vec<(Rect, Action)>);

impl Clicks {
    /// Where the side's picture goes: the place under the card's text that a click on opens
    /// (the runtime draws the picture there, over what drawing left blank).
    #[must_use]
    pub fn picture_area(&self) -> Option<Rect> {
        self.0
            .iter()
            .find(|(_, action)| *action == Action::OpenImage)
            .map(|(area, _)| *area)
    }

    /// The action of a click at a cell, if anything clickable is there.
    #[must_use]
    pub fn at(&self, column: u16, row: u16) -> Option<Action> {
        let cell = ratatui::layout::Position { x: column, y: row };
        self.0
            .iter()
            .find(|(area, _)| area.contains(cell))
            .map(|(_, action)| action.clone())
    }
}

/// Draws the current screen; returns where clicks land.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Clicks {
    render(app, theme, frame.area(), frame.buffer_mut())
}

/// Renders into any buffer, so screen tests and benchmarks use the same path as the terminal;
/// returns where clicks land.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Clicks {
    if too_small(area.width, area.height) {
        // Ctrl-C, not q: q types a letter where an answer is typed.
        Paragraph::new(vec![
            Line::from("Terminal too small."),
            Line::from(format!(
                "flashdeck needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Ctrl-C quits.",
                area.width, area.height
            )),
        ])
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return Clicks::default();
    }
    let mut clicks = Clicks::default();
    match &app.screen {
        Screen::Home => {
            home::render(app, theme, area, buf);
            if app.home.overlay == Some(HomeOverlay::Picker) {
                let deck =
                    app.rows()
                        .get(app.home.selected)
                        .map_or(String::new(), |row| match row {
                            crate::app::Row::Group(folder) => (*folder).to_owned(),
                            crate::app::Row::Deck(_, deck) => deck.name.clone(),
                            crate::app::Row::Broken(broken) => broken.id.to_string(),
                        });
                picker::render(app.bindings(), &deck, theme, area, buf);
            }
            if let Some(HomeOverlay::Plan(preview)) = &app.home.overlay {
                backlog::render(app, preview, theme, area, buf);
            }
        }
        Screen::Review(review) => clicks = review::render(app, review, theme, area, buf),
        Screen::Options(screen) => options::render(app, screen, theme, area, buf),
        Screen::Flashcards(cards) => clicks = flashcards::render(app, cards, theme, area, buf),
        Screen::Learn(learn) => learn::render(app, learn, theme, area, buf),
        Screen::Match(game) => clicks = matching::render(app, &game.session, theme, area, buf),
        Screen::Test(test) => practice_test::render(app, test, theme, area, buf),
        Screen::Stats(screen) => stats::render(app, screen, theme, area, buf),
        Screen::Browser(browser) => browser::render(app, browser, theme, area, buf),
    }
    // In the rows the chrome left for it. Home and review lay out their own notice rows.
    if !matches!(app.screen, Screen::Home | Screen::Review(_))
        && let Some(message) = &app.notice
    {
        chrome::notice(message, theme.error, chrome::layout(app, area)[2], buf);
    }
    if app.help_open() {
        help::render(app.screen_bindings(), app.help_scroll, theme, area, buf);
    }
    saving::render(&app.saving, theme, area, buf);
    clicks
}

/// A `width` × `height` box centred in `area` (smaller if the area is), cleared of what is
/// beneath, for an overlay to draw in.
pub(crate) fn popup_area(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let popup = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    ratatui::widgets::Clear.render(popup, buf);
    popup
}

/// Draws `lines` in `area`, scrolled by `scroll` (clamped), with a scrollbar when they do not
/// fit; short text is centred vertically if `centre`. `draw` styles and renders the paragraph.
/// Text taller than the area first loses its blank lines, so that a short screen shows more
/// of what matters.
fn scrolled(
    mut lines: Vec<Line<'_>>,
    scroll: u16,
    centre: bool,
    (area, buf): (Rect, &mut Buffer),
    draw: impl FnOnce(Paragraph<'_>, Rect, &mut Buffer),
) {
    if lines.len() > usize::from(area.height) {
        lines.retain(|line| line.width() > 0);
    }
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let overflow = total.saturating_sub(area.height);
    if overflow == 0 && centre {
        let top = (area.height - total) / 2;
        let [_, text] = Layout::vertical([Constraint::Length(top), Constraint::Min(1)]).areas(area);
        draw(Paragraph::new(lines), text, buf);
        return;
    }
    let scroll = scroll.min(overflow);
    draw(Paragraph::new(lines).scroll((scroll, 0)), area, buf);
    let mut state = ScrollbarState::new(usize::from(overflow)).position(usize::from(scroll));
    Scrollbar::new(ScrollbarOrientation::VerticalRight).render(area, buf, &mut state);
}

#[cfg(test)]
pub(crate) mod tests;

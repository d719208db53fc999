//! Match: twelve lettered tiles on a grid, the timer, and the full text of the focused tile.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{Clicks, Theme, card, chrome};
use crate::app::{Action, App, keys};
use crate::session::matching::{GRID_COLUMNS as COLUMNS, Match, seconds};

/// The tiles' areas in the screen's `body` (inside its rules), in tile order; the last two
/// rows of the body show the focused tile's full text.
#[must_use]
pub fn tile_areas(body: Rect, tiles: usize) -> Vec<Rect> {
    let [grid, _] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(body);
    let rows = tiles.div_ceil(COLUMNS).max(1);
    let row_areas = Layout::vertical(vec![Constraint::Fill(1); rows]).split(grid);
    (0..tiles)
        .map(|i| {
            let columns = Layout::horizontal(vec![Constraint::Fill(1); COLUMNS])
                .split(row_areas[i / COLUMNS]);
            columns[i % COLUMNS]
        })
        .collect()
}

/// A click on tile `i` (of `tiles`, in tile order) picks it, as its letter does.
fn tile_clicks(tiles: &[Rect]) -> Clicks {
    Clicks(
        tiles
            .iter()
            .enumerate()
            .map(|(i, rect)| (*rect, Action::Choose(i + 1)))
            .collect(),
    )
}

/// Draws the game; returns where each tile is, for clicks to pick it.
pub fn render(app: &App, game: &Match, theme: &Theme, area: Rect, buf: &mut Buffer) -> Clicks {
    let time = seconds(game.elapsed_ms(app.now));
    let status = Line::from(vec![
        Span::styled(time, theme.title),
        Span::styled(format!(" · {}", mistakes(game.mistakes)), theme.dim),
    ]);
    let title = format!("Match · {}", game.title);
    // The body as the chrome lays it out, above the notice's rows: the tiles are in it.
    let body = chrome::render(app, theme, &title, status, area, buf);
    let tiles = tile_areas(body, game.tiles.len());
    let clicks = if game.finished.is_none() {
        tile_clicks(&tiles)
    } else {
        Clicks::default()
    };
    let flashing = game.flashing(app.now);
    for (i, (tile, rect)) in game.tiles.iter().zip(tiles).enumerate() {
        if tile.gone {
            continue;
        }
        let mut style = theme.dim;
        if game.selected == Some(i) {
            style = theme.selected;
        }
        if flashing.is_some_and(|(a, b)| a == i || b == i) {
            style = theme.error.add_modifier(Modifier::REVERSED);
        }
        let border = if game.focus == i {
            theme.key
        } else {
            theme.dim
        };
        render_tile(
            &tile.text,
            i,
            (style, border),
            game.focus == i,
            theme,
            rect,
            buf,
        );
    }
    let [_, focused] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(body);
    if let Some(tile) = game.tiles.get(game.focus).filter(|t| !t.gone) {
        let width = usize::from(focused.width);
        let height = usize::from(focused.height);
        Paragraph::new(card::compact(&tile.text, width, height, theme.dim, theme))
            .render(focused, buf);
    }
    if game.finished.is_some() {
        let ms = game.elapsed_ms(app.now);
        let mut lines = vec![format!(
            "Done in {} with {}.",
            seconds(ms),
            mistakes(game.mistakes)
        )];
        if game.new_record() {
            lines.push("★ A new personal best for this deck! ★".to_owned());
        } else if let Some(best) = game.best_before {
            lines.push(format!("Your best: {}", seconds(best)));
        }
        lines.push(format!(
            "{} plays again with other cards.",
            keys::MATCH_DONE.label(&Action::Proceed)
        ));
        let text: Vec<Line> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 1 && game.new_record() {
                    Line::styled(l, theme.review)
                } else {
                    Line::from(l)
                }
            })
            .collect();
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .render(body, buf);
    }
    clicks
}

/// The least height of a boxed tile: its borders and two lines of text. A box with one line
/// would show too little to tell tiles apart ("Customers…" three times).
const BOXED_HEIGHT: u16 = 4;

/// Tile `i` with `text`, in `style` and with a `border` style; `focused` is the one whose
/// whole text shows below the grid.
fn render_tile(
    text: &str,
    i: usize,
    (style, border): (ratatui::style::Style, ratatui::style::Style),
    focused: bool,
    theme: &Theme,
    rect: Rect,
    buf: &mut Buffer,
) {
    let letter = char::from(b'a' + u8::try_from(i).unwrap_or(0));
    // Too low for a box with two lines of text in it (a short terminal): the letter before
    // the text, which then has every row.
    if rect.height < BOXED_HEIGHT {
        let letter_style = if focused {
            theme.key.add_modifier(Modifier::REVERSED)
        } else {
            theme.key
        };
        let lines = card::compact(
            text,
            // The letter, a space and the blank column take three.
            usize::from(rect.width.saturating_sub(3)),
            usize::from(rect.height),
            style,
            theme,
        );
        let lines: Vec<Line> = lines
            .into_iter()
            .enumerate()
            .map(|(row, mut line)| {
                let lead = if row == 0 {
                    Span::styled(format!("{letter} "), letter_style)
                } else {
                    Span::raw("  ")
                };
                line.spans.insert(0, lead);
                line
            })
            .collect();
        // A column left blank, so that one tile's text does not run into the next one's.
        let rect = Rect {
            width: rect.width.saturating_sub(1),
            ..rect
        };
        Paragraph::new(lines).render(rect, buf);
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" {letter} "), theme.key));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let lines = card::compact(
        text,
        usize::from(inner.width),
        usize::from(inner.height),
        Style::new(),
        theme,
    );
    Paragraph::new(lines).style(style).render(inner, buf);
}

fn mistakes(count: u32) -> String {
    crate::english::counted(usize::try_from(count).unwrap_or(usize::MAX), "mistake")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_fill_the_grid_and_clicks_find_them() {
        let area = Rect::new(0, 0, 80, 24);
        let tiles = tile_areas(chrome::body(area), 12);
        assert_eq!(tiles.len(), 12);
        assert_eq!(tiles[0].x, 0);
        assert_eq!(tiles[4].y, tiles[0].y + tiles[0].height);
        let middle = tiles[6];
        let clicks = tile_clicks(&tiles);
        assert_eq!(
            clicks.at(middle.x + 1, middle.y + 1),
            Some(Action::Choose(7))
        );
        assert_eq!(clicks.at(0, 0), None, "the header is not a tile");
    }
}

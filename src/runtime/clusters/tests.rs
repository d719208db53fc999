//! A fake terminal that draws a flag as tmux does, two one-column letters, and moves its
//! cursor by what it drew, as a real one does.

use std::convert::Infallible;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::WholeClusters;

struct Tmux {
    width: u16,
    screen: Vec<Vec<String>>,
}

impl Tmux {
    fn new(width: u16, height: u16) -> Self {
        Self {
            width,
            screen: vec![vec![" ".to_owned(); usize::from(width)]; usize::from(height)],
        }
    }

    fn row(&self, y: usize) -> String {
        self.screen[y].concat()
    }
}

impl Backend for Tmux {
    type Error = Infallible;

    /// As crossterm's backend: a cursor move unless the cell follows the last one; then each
    /// regional indicator is a letter of one column, anything else its `unicode-width`.
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Infallible>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut last: Option<(u16, u16)> = None;
        let mut cursor = (0usize, 0usize);
        for (x, y, cell) in content {
            if last != Some((x.wrapping_sub(1), y)) {
                cursor = (usize::from(x), usize::from(y));
            }
            last = Some((x, y));
            let symbol = cell.symbol();
            let regional = symbol
                .chars()
                .all(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c));
            let pieces: Vec<String> = if regional {
                symbol.chars().map(String::from).collect()
            } else {
                vec![symbol.to_owned()]
            };
            for piece in pieces {
                let width = if regional { 1 } else { piece.width().max(1) };
                let row = &mut self.screen[cursor.1];
                if cursor.0 < row.len() {
                    row[cursor.0] = piece;
                    for hidden in 1..width {
                        if let Some(cell) = row.get_mut(cursor.0 + hidden) {
                            cell.clear();
                        }
                    }
                }
                cursor.0 += width;
            }
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        Ok(Position::default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Infallible> {
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> Result<(), Infallible> {
        Ok(())
    }

    fn size(&self) -> Result<Size, Infallible> {
        Ok(Size::new(
            self.width,
            u16::try_from(self.screen.len()).unwrap(),
        ))
    }

    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        unimplemented!("not asked by Terminal::draw")
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
}

/// The screen rows after drawing each of `lines` in turn at the top left.
fn after<B: Backend>(terminal: &mut Terminal<B>, lines: &[&str]) {
    for line in lines {
        terminal
            .draw(|frame| frame.render_widget(Line::from(*line), frame.area()))
            .unwrap();
    }
}

#[test]
fn a_flag_leaves_nothing_behind_on_the_next_screen() {
    // shared/cases/flag-emoji: "flag 🇯🇵 x", then "ok".
    let mut bare = Terminal::new(Tmux::new(12, 1)).unwrap();
    after(&mut bare, &["flag 🇯🇵 x", "ok"]);
    // Without the fix the flag's second letter stays: the buffer blanked column 6 under the
    // flag and blanks it again, so nothing is sent there.
    assert_eq!(bare.backend().row(0), "ok    🇵     ");
    let mut fixed = Terminal::new(WholeClusters::new(Tmux::new(12, 1)).unwrap()).unwrap();
    after(&mut fixed, &["flag 🇯🇵 x"]);
    assert_eq!(fixed.backend().inner().row(0), "flag 🇯🇵 x   ");
    after(&mut fixed, &["ok"]);
    assert_eq!(fixed.backend().inner().row(0), "ok          ");
}

#[test]
fn text_after_a_cluster_lands_in_its_own_columns() {
    let mut fixed = Terminal::new(WholeClusters::new(Tmux::new(12, 1)).unwrap()).unwrap();
    after(&mut fixed, &["ab", "🇯🇵 cd", "🇫🇷 cd", "z"]);
    assert_eq!(fixed.backend().inner().row(0), "z           ");
}

#[test]
fn a_picture_where_a_flag_was_keeps_the_cells_it_covers() {
    use ratatui::buffer::CellDiffOption;
    let mut terminal = Terminal::new(WholeClusters::new(Tmux::new(12, 1)).unwrap()).unwrap();
    after(&mut terminal, &["flag 🇯🇵 x"]);
    for column in 1..4 {
        // What the terminal shows of the picture itself.
        terminal.backend_mut().inner.screen[0][column] = "#".to_owned();
    }
    // A picture as ratatui-image leaves it in the buffer: its first cell holds the
    // protocol's sequence (here `S`) at a width of one, the cells it covers are skipped.
    terminal
        .draw(|frame| {
            let buf = frame.buffer_mut();
            buf[(0, 0)]
                .set_symbol("S")
                .set_diff_option(CellDiffOption::ForcedWidth(1.try_into().unwrap()));
            for column in 1..4 {
                buf[(column, 0)].set_diff_option(CellDiffOption::Skip);
            }
        })
        .unwrap();
    // The row held a flag, so it would be drawn whole, blanking the skipped cells over the
    // picture; a picture's row goes as ratatui sent it. (What else the flag left is the
    // runtime's to clear: it clears the screen when a picture comes or goes.)
    assert!(terminal.backend().inner().row(0).starts_with("S###"));
}

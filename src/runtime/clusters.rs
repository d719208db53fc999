//! A backend that leaves no stale cells behind grapheme clusters that terminals disagree on.
//!
//! ratatui's buffer counts a cluster's width as `unicode-width` does for the whole cluster
//! (a flag 🇯🇵 is 2, 👍🏽 is 2) and, when the cluster is later replaced, rewrites only the cells
//! whose content changed: the cells the cluster covered hold a blank before and after, so
//! they are never written again. A terminal that draws the cluster in other cells (tmux
//! draws a flag as two one-column letters, a terminal without skin tones draws 👍 and 🏽
//! apart) keeps its second half there, on every later screen, until something else is drawn
//! over it; and the cursor, moved on by the terminal's width and not the buffer's, puts the
//! rest of that update in the wrong columns.
//!
//! So a row that holds such a cluster, now or in what was last drawn, is drawn whole: each
//! cluster over blanks that clear its cells whatever width the terminal gives it, and every
//! cell after it from an explicit position. Rows of plain text go through as ratatui sent them.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

/// `B` with rows of odd clusters drawn whole; see the module's documentation.
#[derive(Debug)]
pub struct WholeClusters<B> {
    inner: B,
    /// What the screen should show, as the updates so far made it.
    shown: Buffer,
    /// Rows whose last drawing held a cluster terminals may draw in other cells.
    odd_rows: Vec<bool>,
}

impl<B: Backend> WholeClusters<B> {
    pub fn new(inner: B) -> Result<Self, B::Error> {
        let size = inner.size()?;
        Ok(Self {
            inner,
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            odd_rows: vec![false; usize::from(size.height)],
        })
    }

    /// The backend drawn through.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    fn reset(&mut self) -> Result<(), B::Error> {
        let size = self.inner.size()?;
        self.shown = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        self.odd_rows = vec![false; usize::from(size.height)];
        Ok(())
    }

    fn row_is_odd(&self, y: u16) -> bool {
        (0..self.shown.area.width).any(|x| self.shown.cell((x, y)).is_some_and(is_odd))
    }

    /// Whether row `y` holds a picture's cell (a protocol's sequence, at the width it gave).
    fn row_has_picture(&self, y: u16) -> bool {
        (0..self.shown.area.width).any(|x| {
            self.shown
                .cell((x, y))
                .is_some_and(|cell| matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)))
        })
    }

    /// Row `y` as `shown` has it: each odd cluster over blanks the width of its cells and
    /// from its own position, and the cells after it from theirs.
    fn draw_row(&mut self, y: u16) -> Result<(), B::Error> {
        let width = self.shown.area.width;
        let mut x = 0;
        let mut run: Vec<(u16, u16, Cell)> = Vec::new();
        while x < width {
            let Some(cell) = self.shown.cell((x, y)).cloned() else {
                break;
            };
            let cells = columns(&cell).max(1);
            if is_odd(&cell) {
                let mut blank = Cell::default();
                blank.set_style(cell.style());
                let blanks: Vec<(u16, u16, Cell)> = (x..(x + cells).min(width))
                    .map(|column| (column, y, blank.clone()))
                    .collect();
                // Each draw starts at its first cell's position, wherever the cursor is.
                for batch in [std::mem::take(&mut run), blanks, vec![(x, y, cell)]] {
                    self.inner
                        .draw(batch.iter().map(|(x, y, cell)| (*x, *y, cell)))?;
                }
            } else {
                run.push((x, y, cell));
            }
            x += cells;
        }
        self.inner
            .draw(run.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }
}

/// The columns `cell` takes: the width a picture's cell was given (its symbol is an escape
/// sequence, whose characters are no measure), else its cluster's.
fn columns(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(width) => width.get(),
        _ => u16::try_from(cell.symbol().width()).unwrap_or(1),
    }
}

/// Whether terminals may draw `cell`'s cluster in other cells than the buffer counts: more
/// than one character (flags, ZWJ sequences, skin tones, variation selectors, combining
/// signs) or wider than one column. A picture's cell, whose width its protocol gave, is not.
fn is_odd(cell: &Cell) -> bool {
    if matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)) {
        return false;
    }
    let symbol = cell.symbol();
    symbol.len() > 1 && (symbol.chars().nth(1).is_some() || symbol.width() != 1)
}

impl<B: Backend> Backend for WholeClusters<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let mut rows: Vec<u16> = Vec::new();
        for (x, y, cell) in &updates {
            if let Some(shown) = self.shown.cell_mut((*x, *y)) {
                *shown = (*cell).clone();
            }
            // The cells a wide cluster covers are blank in ratatui's buffer, and the diff
            // leaves them out.
            let covered = columns(cell);
            for hidden in x.saturating_add(1)..x.saturating_add(covered) {
                if let Some(shown) = self.shown.cell_mut((hidden, *y)) {
                    shown.reset();
                }
            }
            if rows.last() != Some(y) && !rows.contains(y) {
                rows.push(*y);
            }
        }
        let mut whole = Vec::new();
        for y in rows {
            let was_odd = self.odd_rows.get(usize::from(y)).copied().unwrap_or(false);
            let odd = self.row_is_odd(y);
            if let Some(flag) = self.odd_rows.get_mut(usize::from(y)) {
                *flag = odd;
            }
            // A picture's row goes as ratatui sent it: the cells under the picture are
            // skipped in the buffer and never reach here, so drawing the row whole would
            // blank them over the picture.
            if (was_odd || odd) && !self.row_has_picture(y) {
                whole.push(y);
            }
        }
        self.inner
            .draw(updates.into_iter().filter(|(_, y, _)| !whole.contains(y)))?;
        for y in whole {
            self.draw_row(y)?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.reset()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All {
            // ratatui's `Terminal::clear`, also after a resize.
            return self.reset();
        }
        // What is left is not known cell by cell: draw every row whole next time.
        self.odd_rows.iter_mut().for_each(|row| *row = true);
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests;

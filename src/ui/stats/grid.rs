//! Laying a tab's charts out: side by side where the terminal is wide, one under another
//! where it is not, each at least a readable height; a tab taller than the screen scrolls
//! (a line with ↑/↓, a chart with PgUp/PgDn). A chart cut by the screen's edge is drawn
//! whole off screen and its visible rows copied, so every widget draws as it would whole.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// Columns a chart needs to sit beside another: two fit at 160 columns, one at 80.
pub const PANEL_WIDTH: u16 = 64;
/// Columns between charts side by side.
const GAP: u16 = 2;

/// Where each of a tab's charts goes, in the tab's own rows (0 at its top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    /// The screen area the tab shows in.
    area: Rect,
    count: usize,
    columns: usize,
    /// Rows of each row of charts but the last, which takes what is left when they fit.
    row_height: u16,
    /// Whether every chart fits on the screen, so nothing scrolls.
    fits: bool,
}

impl Grid {
    /// `count` charts in `area`, each at least `least` rows high.
    #[must_use]
    pub fn new(area: Rect, count: usize, least: u16) -> Self {
        let count = count.max(1);
        let columns = usize::from((area.width + GAP) / (PANEL_WIDTH + GAP)).clamp(1, count);
        let rows = u16::try_from(count.div_ceil(columns)).unwrap_or(u16::MAX);
        let share = area.height / rows;
        let fits = share >= least;
        Self {
            area,
            count,
            columns,
            // When they do not all fit, one row of charts fills the screen: one at a time.
            row_height: if fits { share } else { area.height.max(least) },
            fits,
        }
    }

    fn rows(&self) -> usize {
        self.count.div_ceil(self.columns)
    }

    /// Rows the whole tab takes.
    #[must_use]
    pub fn height(&self) -> u16 {
        if self.fits {
            self.area.height
        } else {
            let rows = u16::try_from(self.rows()).unwrap_or(u16::MAX);
            rows.saturating_mul(self.row_height)
        }
    }

    /// The furthest the tab scrolls: its last row at the screen's bottom.
    #[must_use]
    pub fn most_scroll(&self) -> u16 {
        self.height().saturating_sub(self.area.height)
    }

    /// Rows Page Down scrolls by: one row of charts.
    #[must_use]
    pub fn page(&self) -> u16 {
        self.row_height.max(1)
    }

    /// Chart `index`'s place: its columns on screen and its rows in the tab. A last row with
    /// fewer charts than columns shares the whole width among them.
    #[must_use]
    pub fn cell(&self, index: usize) -> Rect {
        let row = index / self.columns;
        let in_row = if row + 1 == self.rows() {
            self.count - row * self.columns
        } else {
            self.columns
        };
        let column = index % self.columns;
        let spans = Layout::horizontal(vec![Constraint::Fill(1); in_row])
            .spacing(GAP)
            .split(self.area);
        let top = u16::try_from(row).unwrap_or(u16::MAX) * self.row_height;
        let height = if self.fits && row + 1 == self.rows() {
            self.area.height - top
        } else {
            self.row_height
        };
        Rect {
            y: top,
            height,
            ..spans[column]
        }
    }

    /// Draws each chart that shows with the tab scrolled down by `scroll` rows (clamped), and
    /// a scrollbar in the column right of the area when the tab is taller than the screen.
    pub fn render(
        &self,
        scroll: u16,
        buf: &mut Buffer,
        mut draw: impl FnMut(usize, Rect, &mut Buffer),
    ) {
        let scroll = scroll.min(self.most_scroll());
        let (top, bottom) = (scroll, scroll + self.area.height);
        for index in 0..self.count {
            let cell = self.cell(index);
            if cell.bottom() <= top || cell.y >= bottom {
                continue;
            }
            if cell.y >= top && cell.bottom() <= bottom {
                draw(
                    index,
                    Rect {
                        y: self.area.y + cell.y - top,
                        ..cell
                    },
                    buf,
                );
                continue;
            }
            // Cut by an edge: drawn whole off screen, its visible rows copied.
            let whole = Rect { y: 0, ..cell };
            let mut off = Buffer::empty(whole);
            draw(index, whole, &mut off);
            for y in cell.y.max(top)..cell.bottom().min(bottom) {
                for x in cell.x..cell.right() {
                    buf[(x, self.area.y + y - top)] = off[(x, y - cell.y)].clone();
                }
            }
        }
        if self.most_scroll() > 0 && self.area.right() < buf.area.right() {
            let bar = Rect {
                x: self.area.right(),
                width: 1,
                ..self.area
            };
            let mut state =
                ScrollbarState::new(usize::from(self.most_scroll())).position(usize::from(scroll));
            Scrollbar::new(ScrollbarOrientation::VerticalRight).render(bar, buf, &mut state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_80x24_charts_go_one_under_another_a_screen_each() {
        // 78 × 17 of tab: one column; three charts of 17 rows, 51 in all, scrolling by 17.
        let grid = Grid::new(Rect::new(1, 6, 78, 17), 3, 10);
        assert_eq!(grid.cell(1), Rect::new(1, 17, 78, 17));
        assert_eq!(
            (grid.height(), grid.most_scroll(), grid.page()),
            (51, 34, 17)
        );
    }

    #[test]
    fn at_160x48_two_side_by_side_and_the_odd_one_across() {
        // 158 × 41: two columns of 78 two apart; two rows of 20, the last takes 21 rows
        // and, alone, the whole width.
        let grid = Grid::new(Rect::new(1, 6, 158, 41), 3, 10);
        assert_eq!(grid.cell(0), Rect::new(1, 0, 78, 20));
        assert_eq!(grid.cell(1), Rect::new(81, 0, 78, 20));
        assert_eq!(grid.cell(2), Rect::new(1, 20, 158, 21));
        assert_eq!(grid.most_scroll(), 0);
    }

    #[test]
    fn a_short_screen_scrolls_through_a_chart_drawn_whole() {
        // 5 rows of screen, a chart of 10 rows numbered by row: scrolled by 3, rows 3 to 7.
        let area = Rect::new(0, 1, 4, 5);
        let grid = Grid::new(area, 1, 10);
        assert_eq!(grid.most_scroll(), 5);
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 7));
        grid.render(3, &mut buf, |_, cell, buf| {
            for row in 0..cell.height {
                buf[(cell.x, cell.y + row)].set_symbol(&row.to_string());
            }
        });
        let column: String = (1..6).map(|y| buf[(0, y)].symbol().to_owned()).collect();
        assert_eq!(column, "34567");
    }
}

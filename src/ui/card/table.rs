//! A Markdown table in card text: aligned columns where they fit the width, else each row on
//! a line of its own with its cells between dots, so nothing is cut.

use ratatui::style::Style;
use ratatui::text::Span;

use super::wrap::columns;

/// The rows of `table` (rows of cells of styled pieces, the header first) as lines of pieces.
#[must_use]
pub fn lines(
    table: Vec<Vec<Vec<Span<'static>>>>,
    width: usize,
    dim: Style,
) -> Vec<Vec<Span<'static>>> {
    let cell_width = |cell: &[Span<'_>]| cell.iter().map(|s| columns(&s.content)).sum::<usize>();
    let count = table.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            table
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // " │ " between columns.
    let total = widths.iter().sum::<usize>() + 3 * count.saturating_sub(1);
    let fits = total <= width;
    let separator = if fits { " │ " } else { " · " };
    let mut out = Vec::new();
    for (r, row) in table.into_iter().enumerate() {
        let mut line = Vec::new();
        let cells = row.len();
        for (i, cell) in row.into_iter().enumerate() {
            if i > 0 {
                line.push(Span::styled(separator, dim));
            }
            let used = cell_width(&cell);
            line.extend(cell);
            if fits && i + 1 < cells {
                line.push(Span::raw(" ".repeat(widths[i] - used)));
            }
        }
        out.push(line);
        if r == 0 && fits {
            let rule = widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .join("─┼─");
            out.push(vec![Span::styled(rule, dim)]);
        }
    }
    out
}

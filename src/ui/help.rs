//! The help overlay: every key of the screen beneath, from its key table. A table too long
//! for the height is laid out in two columns when the width allows, and scrolls when even
//! that does not fit; a long hint wraps under itself.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::Theme;
use crate::app::{Action, Binding, Keys, keys};

/// The widest a column gets: the key, two spaces, the hint.
const COLUMN: u16 = 40;

/// Draws the keys of `bindings` over `area`, scrolled down `scroll` lines when they do not fit.
pub fn render(bindings: Keys, scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let all: Vec<&Binding> = bindings.iter().collect();
    // The keys' column as wide as the widest key of this table.
    let key_width = all
        .iter()
        .map(|b| bindings.key_label(b).chars().count())
        .max()
        .unwrap_or(1);
    // Borders, the blank line and the close line take four rows.
    let fits = usize::from(area.height.saturating_sub(4));
    let half = (area.width.saturating_sub(2) / 2).min(COLUMN);
    let one_column = area.width.saturating_sub(2).min(COLUMN);
    let lines_in = |width: u16| -> Vec<Vec<Line<'static>>> {
        all.iter()
            .map(|b| {
                entry(
                    &bindings.key_label(b),
                    b.hint,
                    key_width,
                    usize::from(width),
                    theme,
                )
            })
            .collect()
    };
    // Two columns when one is too tall and two side by side fit it (78 columns at 80).
    let entries = lines_in(half);
    let two_fit = entries.len() > 1 && {
        let per_column = entries.len().div_ceil(2);
        let tallest = entries
            .chunks(per_column)
            .map(|chunk| chunk.iter().map(Vec::len).sum::<usize>())
            .max()
            .unwrap_or(0);
        tallest <= fits
    };
    let columns: Vec<Vec<Line>> =
        if lines_in(one_column).iter().map(Vec::len).sum::<usize>() > fits && half >= 36 && two_fit
        {
            let per_column = entries.len().div_ceil(2);
            entries
                .chunks(per_column)
                .map(<[Vec<Line>]>::concat)
                .collect()
        } else {
            vec![lines_in(one_column).concat()]
        };
    let column = if columns.len() == 2 { half } else { one_column };
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let height = u16::try_from(tallest + 4).unwrap_or(u16::MAX);
    let count = u16::try_from(columns.len()).unwrap_or(1);
    let popup = super::popup_area(area, count * column + 2, height, buf);
    let block = Block::default().borders(Borders::ALL).title(" Keys ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [list, _, close] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let areas =
        Layout::horizontal(vec![Constraint::Ratio(1, u32::from(count)); columns.len()]).split(list);
    for (lines, area) in columns.into_iter().zip(areas.iter()) {
        super::scrolled(
            lines,
            scroll,
            false,
            (*area, buf),
            |paragraph, area, buf| {
                paragraph.render(area, buf);
            },
        );
    }
    Line::from(Span::styled(
        // The first of the keys that close it, as the line always showed.
        format!(
            "{:>key_width$}  close this help",
            super::text::first_key(keys::HELP.label(&Action::Help))
        ),
        theme.dim,
    ))
    .render(close, buf);
}

/// One key's lines (its label as [`Keys::key_label`] gives it) in a column `width` wide: the key right-aligned, then its hint, wrapped
/// under the hint's start.
fn entry(
    key_label: &str,
    hint: &'static str,
    key_width: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let key = Span::styled(format!("{key_label:>key_width$}  "), theme.key);
    // One column for a scrollbar.
    super::text::hanging(key, hint, width.saturating_sub(1), Style::new())
}

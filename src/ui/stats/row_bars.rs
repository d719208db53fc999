//! Horizontal bars with their words in columns of their own: each row's name, then its
//! number, then the bar. ratatui's horizontal `BarChart` writes a bar's number over the
//! bar itself, hiding its first columns, so here the chart draws bars alone and the words
//! stand left of them; every bar's length is then its value's share of the same width.

use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::ui::Theme;

/// One row: its name, the words for its number ("734 (61%)"), the value its bar stands
/// for and the bar's style.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub name: String,
    pub words: String,
    pub value: u64,
    pub style: Style,
}

/// Rows of bars on one scale, `max` filling the bar column; a blank row between bars
/// when `gap`.
#[derive(Debug)]
pub(super) struct RowBars {
    pub rows: Vec<Row>,
    pub max: u64,
    pub gap: bool,
}

impl RowBars {
    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let widest = |text: fn(&Row) -> &str| {
            self.rows
                .iter()
                .map(|r| Line::raw(text(r)).width())
                .max()
                .unwrap_or(0)
        };
        let (name_width, words_width) = (widest(|r| &r.name), widest(|r| &r.words));
        // "name words  bar": a space after the names, two before the bars.
        let words_x = u16::try_from(name_width + 1).unwrap_or(u16::MAX);
        let bars_x = words_x.saturating_add(u16::try_from(words_width + 2).unwrap_or(u16::MAX));
        let step = 1 + u16::from(self.gap);
        for (i, row) in self.rows.iter().enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX).saturating_mul(step);
            if y >= area.bottom() {
                break;
            }
            let line = Line::from(vec![
                format!("{:<name_width$} ", row.name).into(),
                ratatui::text::Span::styled(row.words.clone(), theme.selected),
            ]);
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
        let bars_area = Rect {
            x: area.x.saturating_add(bars_x).min(area.right()),
            width: area.width.saturating_sub(bars_x),
            ..area
        };
        let bars: Vec<Bar> = self
            .rows
            .iter()
            .map(|r| {
                Bar::default()
                    .value(r.value)
                    .text_value(String::new())
                    .style(r.style)
            })
            .collect();
        BarChart::default()
            .direction(Direction::Horizontal)
            .data(BarGroup::default().bars(&bars))
            .max(self.max.max(1))
            .bar_width(1)
            .bar_gap(u16::from(self.gap))
            .render(bars_area, buf);
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The number of full blocks on each of `buf`'s rows.
    pub(in crate::ui) fn blocks_per_row(buf: &Buffer) -> Vec<usize> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .filter(|&x| buf[(x, y)].symbol() == "█")
                    .count()
            })
            .collect()
    }

    #[test]
    fn the_words_stand_left_of_bars_whose_lengths_are_their_shares() {
        let row = |name: &str, words: &str, value| Row {
            name: name.to_owned(),
            words: words.to_owned(),
            value,
            style: Style::new(),
        };
        let bars = RowBars {
            rows: vec![row("young", "734", 734), row("mature", "460", 460)],
            max: 1194,
            gap: false,
        };
        // 30 columns: "mature " is 7, "734" and two spaces 5, so the bars get 18.
        let area = Rect::new(0, 0, 30, 2);
        let mut buf = Buffer::empty(area);
        bars.render(&Theme::default(), area, &mut buf);
        // 734 / 1194 × 18 = 11.07 and 460 / 1194 × 18 = 6.93, rounded down as ratatui
        // draws whole blocks.
        assert_eq!(blocks_per_row(&buf), [11, 6]);
        let first: String = (0..12).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(first, "young  734  ");
    }
}

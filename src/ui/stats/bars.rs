//! Vertical bars over a scale: ratatui's `BarChart` for the bars, with the y-axis scale at
//! their left (the largest value at the top, about half of it in the middle, 0 on the axis) and
//! labels under chosen bars. The future-due, hourly and distribution charts draw with it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use crate::ui::Theme;

/// Bars to draw: each one's value and style, and the labels under some of them (by bar
/// index). A label that would run into the one before it is left out.
#[derive(Debug, Default)]
pub(super) struct ScaledBars {
    pub values: Vec<(u64, Style)>,
    pub labels: Vec<(usize, String)>,
    /// The scale's top; the largest value when `None`.
    pub max: Option<u64>,
    /// Columns the scale takes at least, to line two charts' bars up (0: what it needs).
    pub scale: u16,
}

/// Where each part of the chart goes: the scale's column, the bars, the axis line and the
/// labels, and the columns a bar takes.
struct Frame {
    scale: Rect,
    bars: Rect,
    axis: Rect,
    labels: Rect,
    bar_width: u16,
    gap: u16,
}

impl Frame {
    /// The frame for `count` bars whose scale tops at `max`, in `area`.
    fn new(area: Rect, count: usize, max: u64, least_scale: u16) -> Self {
        // The scale's numbers, right-aligned, then " ┤".
        let scale_width = scale_width(max).max(least_scale);
        let [scale, plot] =
            Layout::horizontal([Constraint::Length(scale_width), Constraint::Min(1)]).areas(area);
        let [bars, axis, labels] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(plot);
        // A bar's column: a bar and a gap of one when two columns fit, else a bar alone.
        let per_bar = plot.width / u16::try_from(count.max(1)).unwrap_or(u16::MAX);
        let (bar_width, gap) = if per_bar >= 2 {
            (per_bar - 1, 1)
        } else {
            (1, 0)
        };
        Self {
            scale: Rect {
                height: bars.height + 1,
                ..scale
            },
            bars,
            axis,
            labels,
            bar_width,
            gap,
        }
    }

    /// The column where bar `index` starts.
    fn column(&self, index: usize) -> u16 {
        let step = usize::from(self.bar_width + self.gap);
        self.bars.x + u16::try_from(index * step).unwrap_or(u16::MAX)
    }
}

/// Columns of the scale of a chart topping at `max`: its digits and " ┤".
#[must_use]
pub(super) fn scale_width(max: u64) -> u16 {
    u16::try_from(max.to_string().len()).unwrap_or(1) + 2
}

/// How many of a series' days each bar sums so that the bars fit `width` columns: 1, 2, 3,
/// a week, two, a month, a quarter, half a year, a year, or more when even that is too many.
#[must_use]
pub(super) fn days_per_bar(days: usize, width: u16) -> usize {
    const STEPS: [usize; 9] = [1, 2, 3, 7, 14, 30, 91, 182, 365];
    let room = usize::from(width.max(1));
    STEPS
        .into_iter()
        .find(|&step| days.div_ceil(step) <= room)
        .unwrap_or_else(|| days.div_ceil(room))
}

impl ScaledBars {
    pub fn render(self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let largest = self.values.iter().map(|&(v, _)| v).max().unwrap_or(0);
        let max = self.max.unwrap_or(largest).max(1);
        let frame = Frame::new(area, self.values.len(), max, self.scale);
        let bars: Vec<Bar> = self
            .values
            .iter()
            .map(|&(value, style)| {
                // The scale says how many: no numbers on the bars to run into each other.
                Bar::default()
                    .value(value)
                    .text_value(String::new())
                    .style(style)
            })
            .collect();
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .max(max)
            .bar_width(frame.bar_width)
            .bar_gap(frame.gap)
            .render(frame.bars, buf);
        render_scale(max, &frame, theme, buf);
        render_labels(&self.labels, &frame, theme, buf);
    }
}

/// The scale left of the bars: the largest count at the top, half of it in the middle when
/// there is room, 0 on the axis line.
fn render_scale(max: u64, frame: &Frame, theme: &Theme, buf: &mut Buffer) {
    let Frame { scale, bars, .. } = frame;
    let number_width = usize::from(scale.width.saturating_sub(2));
    let mark = |y: u16, text: String, tick: &str, buf: &mut Buffer| {
        let line = Line::styled(format!("{text:>number_width$} {tick}"), theme.dim);
        line.render(
            Rect {
                y,
                height: 1,
                ..*scale
            },
            buf,
        );
    };
    for y in bars.y..bars.bottom() {
        mark(y, String::new(), "│", buf);
    }
    mark(bars.y, max.to_string(), "┤", buf);
    // The middle row is marked with the count at its top edge: half the largest when the
    // bars have an even height, else the nearest whole count to where that edge falls
    // (`h − h/2` of `h` rows up), so a chart of any height has a middle value.
    let height = u64::from(bars.height);
    let rows_up = height - height / 2;
    let middle = (max * rows_up + height / 2) / height.max(1);
    if bars.height >= 3 && middle > 0 && middle < max {
        mark(bars.y + bars.height / 2, middle.to_string(), "┤", buf);
    }
    mark(frame.axis.y, "0".to_owned(), "└", buf);
    let rule = "─".repeat(usize::from(frame.axis.width));
    Line::styled(rule, theme.dim).render(frame.axis, buf);
}

/// Each label starting where its bar starts, unless it would touch the one before.
fn render_labels(labels: &[(usize, String)], frame: &Frame, theme: &Theme, buf: &mut Buffer) {
    let mut free_from = frame.labels.x;
    for (index, text) in labels {
        let x = frame.column(*index);
        if x < free_from {
            continue;
        }
        if x >= frame.labels.right() {
            break;
        }
        let area = Rect {
            x,
            width: frame.labels.right() - x,
            ..frame.labels
        };
        Line::styled(text.clone(), theme.dim).render(area, buf);
        let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        free_from = x.saturating_add(width).saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .collect()
    }

    /// 30 days: 12 due today, 6 on day 5, 3 on day 29, labelled every fifth day.
    fn bars() -> ScaledBars {
        let mut days = vec![0; 30];
        days[0] = 12;
        days[5] = 6;
        days[29] = 3;
        ScaledBars {
            values: days.into_iter().map(|n| (n, Style::new())).collect(),
            labels: (0..30).step_by(5).map(|d| (d, d.to_string())).collect(),
            max: None,
            scale: 0,
        }
    }

    #[test]
    fn bars_stand_over_a_scale_with_the_days_numbered_apart() {
        // 64 columns: a scale of 4 ("12 ┤"), then 60 for 30 days, two columns each; four
        // rows of bars, so a row stands for 3 reviews.
        let area = Rect::new(0, 0, 64, 6);
        let mut buf = Buffer::empty(area);
        bars().render(&Theme::default(), area, &mut buf);
        let rows = rows(&buf);
        // Four rows of bars: 12 at the top, half of it two rows down, 0 on the axis.
        assert_eq!(rows[0], "12 ┤█");
        assert_eq!(rows[1], "   │█");
        assert_eq!(rows[2], " 6 ┤█         █");
        // Day 29's 3 reviews fill one row, at column 4 + 29 × 2.
        assert_eq!(rows[3], format!("   │█         █{}█", " ".repeat(47)));
        assert_eq!(rows[4], format!(" 0 └{}", "─".repeat(60)));
        // Day 0 under the first bar, day 5 under the sixth (5 × 2 columns on).
        assert_eq!(
            rows[5],
            "    0         5         10        15        20        25"
        );
    }

    #[test]
    fn a_narrow_chart_gives_each_day_one_column_and_keeps_its_numbers_apart() {
        // 34 columns: the scale's 4, then 30 for 30 days; three rows of bars, 4 reviews a
        // row, so 6 is a row and a half and 3 is six eighths of one. The middle row's top
        // edge is two rows up: 8.
        let area = Rect::new(0, 0, 34, 5);
        let mut buf = Buffer::empty(area);
        bars().render(&Theme::default(), area, &mut buf);
        let rows = rows(&buf);
        assert_eq!(rows[0], "12 ┤█");
        assert_eq!(rows[1], " 8 ┤█    ▄");
        assert_eq!(rows[2], format!("   │█    █{}▆", " ".repeat(23)));
        assert_eq!(rows[3], format!(" 0 └{}", "─".repeat(30)));
        assert_eq!(rows[4], "    0    5    10   15   20   25");
    }

    #[test]
    fn an_odd_height_marks_the_middle_row_with_the_count_at_its_top() {
        // Five rows of bars under 12: a row is 2.4 reviews; the middle row (the third) tops
        // three rows up, at 7.2, written 7.
        let area = Rect::new(0, 0, 64, 7);
        let mut buf = Buffer::empty(area);
        bars().render(&Theme::default(), area, &mut buf);
        let rows = rows(&buf);
        assert_eq!(rows[0], "12 ┤█");
        assert!(rows[2].starts_with(" 7 ┤█"), "{rows:?}");
        assert_eq!(rows[5], format!(" 0 └{}", "─".repeat(60)));
    }

    #[test]
    fn labels_that_would_touch_are_left_out() {
        // Ten one-column bars after a scale of 3 ("1 ┤"), labelled 10 to 19: "10" at column
        // 3 takes 3 and 4 and wants a space, so "11" at 4 and "12" at 5 go; "13" at 6 stays.
        let bars = ScaledBars {
            values: vec![(1, Style::new()); 10],
            labels: (0..10).map(|i| (i, (10 + i).to_string())).collect(),
            ..ScaledBars::default()
        };
        let area = Rect::new(0, 0, 14, 3);
        let mut buf = Buffer::empty(area);
        bars.render(&Theme::default(), area, &mut buf);
        assert_eq!(rows(&buf)[2], "   10 13 16 19");
    }

    #[test]
    fn days_per_bar_takes_the_first_step_that_fits() {
        assert_eq!(days_per_bar(30, 70), 1);
        assert_eq!(days_per_bar(90, 70), 2);
        assert_eq!(days_per_bar(365, 70), 7);
        assert_eq!(days_per_bar(365, 20), 30);
        assert_eq!(days_per_bar(5000, 30), 182);
        // Past a bar a year: as many days as it takes.
        assert_eq!(days_per_bar(5000, 10), 500);
        assert_eq!(days_per_bar(0, 0), 1);
    }
}

//! The forecast tab: reviews due on each of the next 30 days as bars over a scale, the days
//! numbered below them, and the daily load.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::english::amount;
use crate::stats::Stats;
use crate::ui::Theme;

/// Every fifth day is numbered under the bars.
const LABEL_EVERY: usize = 5;

pub fn render(stats: &Stats, app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let [chart, note] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    render_chart(&stats.forecast, app, theme, chart, buf);
    let due: usize = stats.forecast.iter().sum();
    let easy_days = app.study.scheduler.settings().easy_days;
    let easy = if easy_days.is_normal() {
        String::new()
    } else {
        format!(" Easy days, dimmed: {}.", easy_days.describe())
    };
    Paragraph::new(vec![Line::from(format!(
        "Reviews due in the next {} days: {due} (day 0 is today, overdue cards included). Daily load: {} reviews a day.{easy}",
        stats.forecast.len(),
        amount(stats.daily_load)
    ))])
    .wrap(Wrap { trim: true })
    .style(theme.dim)
    .render(note, buf);
}

/// Where each part of the chart goes: the scale's column, the bars, the axis line and the
/// day numbers, and the columns a day takes.
struct Frame {
    scale: Rect,
    bars: Rect,
    axis: Rect,
    days: Rect,
    bar_width: u16,
    gap: u16,
}

impl Frame {
    /// The frame for `days` bars whose largest value is `max`, in `area`.
    fn new(area: Rect, days: usize, max: usize) -> Self {
        // The scale's numbers, right-aligned, then " ┤".
        let scale_width = u16::try_from(max.to_string().len()).unwrap_or(1) + 2;
        let [scale, plot] =
            Layout::horizontal([Constraint::Length(scale_width), Constraint::Min(1)]).areas(area);
        let [bars, axis, numbers] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(plot);
        // A day's column: a bar and a gap of one when two columns fit, else a bar alone.
        let per_day = plot.width / u16::try_from(days.max(1)).unwrap_or(u16::MAX);
        let (bar_width, gap) = if per_day >= 2 {
            (per_day - 1, 1)
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
            days: numbers,
            bar_width,
            gap,
        }
    }

    /// The column where day `day`'s bar starts.
    fn column(&self, day: usize) -> u16 {
        let step = usize::from(self.bar_width + self.gap);
        self.bars.x + u16::try_from(day * step).unwrap_or(u16::MAX)
    }
}

fn render_chart(forecast: &[usize], app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // Easy days (below 100 %) are dimmed, so that the load they shed shows.
    let scheduler = &app.study.scheduler;
    let easy_days = scheduler.settings().easy_days;
    let today = scheduler.calendar().day(app.now);
    let max = forecast.iter().copied().max().unwrap_or(0).max(1);
    let frame = Frame::new(area, forecast.len(), max);
    let bars: Vec<Bar> = forecast
        .iter()
        .enumerate()
        .map(|(day, &n)| {
            let day = today.saturating_add(i32::try_from(day).unwrap_or(i32::MAX));
            let easy = easy_days.share(day) < 1.0;
            // The scale says how many: no numbers on the bars to run into each other.
            Bar::default()
                .value(u64::try_from(n).unwrap_or(0))
                .text_value(String::new())
                .style(if easy { theme.dim } else { theme.review })
        })
        .collect();
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .max(u64::try_from(max).unwrap_or(u64::MAX))
        .bar_width(frame.bar_width)
        .bar_gap(frame.gap)
        .render(frame.bars, buf);
    render_scale(max, &frame, theme, buf);
    render_days(forecast.len(), &frame, theme, buf);
}

/// The scale left of the bars: the largest count at the top, half of it in the middle when
/// there is room, 0 on the axis line.
fn render_scale(max: usize, frame: &Frame, theme: &Theme, buf: &mut Buffer) {
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
    // The middle row stands for half the largest count only when that is a whole number of
    // rows from the bottom, so the middle mark is drawn when the bars have an even height.
    if bars.height >= 4 && bars.height.is_multiple_of(2) && max >= 2 {
        let middle = bars.y + bars.height / 2;
        mark(middle, (max / 2).to_string(), "┤", buf);
    }
    mark(frame.axis.y, "0".to_owned(), "└", buf);
    let rule = "─".repeat(usize::from(frame.axis.width));
    Line::styled(rule, theme.dim).render(frame.axis, buf);
}

/// Day numbers under every fifth bar, each starting where its bar starts.
fn render_days(days: usize, frame: &Frame, theme: &Theme, buf: &mut Buffer) {
    for day in (0..days).step_by(LABEL_EVERY) {
        let x = frame.column(day);
        if x >= frame.days.right() {
            break;
        }
        let area = Rect {
            x,
            width: frame.days.right() - x,
            ..frame.days
        };
        Line::styled(day.to_string(), theme.dim).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::*;
    use crate::deck::Collection;

    fn app() -> App {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
        let scheduler =
            crate::scheduler::Scheduler::new(crate::scheduler::Settings::default()).unwrap();
        let study = crate::study::Study::new(
            Collection::default(),
            crate::store::History::default(),
            scheduler,
            now,
        );
        App::new(study, "/decks".into(), now)
    }

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

    /// 30 days: 12 due today, 6 on day 5, 3 on day 29.
    fn forecast() -> Vec<usize> {
        let mut days = vec![0; 30];
        days[0] = 12;
        days[5] = 6;
        days[29] = 3;
        days
    }

    #[test]
    fn bars_stand_over_a_scale_with_the_days_numbered_apart() {
        // 64 columns: a scale of 4 ("12 ┤"), then 60 for 30 days, two columns each; four
        // rows of bars, so a row stands for 3 reviews.
        let area = Rect::new(0, 0, 64, 6);
        let mut buf = Buffer::empty(area);
        render_chart(&forecast(), &app(), &Theme::default(), area, &mut buf);
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
        // row, so 6 is a row and a half and 3 is six eighths of one.
        let area = Rect::new(0, 0, 34, 5);
        let mut buf = Buffer::empty(area);
        render_chart(&forecast(), &app(), &Theme::default(), area, &mut buf);
        let rows = rows(&buf);
        assert_eq!(rows[0], "12 ┤█");
        assert_eq!(rows[1], "   │█    ▄");
        assert_eq!(rows[2], format!("   │█    █{}▆", " ".repeat(23)));
        assert_eq!(rows[3], format!(" 0 └{}", "─".repeat(30)));
        assert_eq!(rows[4], "    0    5    10   15   20   25");
    }
}

//! The overview tab: today, the totals, the card counts, true retention and each deck's
//! standing in every mode. Each line is cut with "…" where it does not fit, and the whole
//! scrolls when it is taller than the screen (at 40×12).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use crate::session::matching::seconds;
use crate::stats::Stats;
use crate::ui::text::{fit, fit_line};

/// Columns of the retention table's first column; the three shares share the rest, up to
/// [`SHARE_WIDTH`] each, a space between columns.
const PERIOD_WIDTH: usize = 14;
const SHARE_WIDTH: usize = 18;

/// The overview, scrolled down by `scroll` lines (fewer when that would leave the screen's
/// bottom empty, after a resize).
pub(super) fn render(stats: &Stats, scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = lines(stats, theme, usize::from(area.width));
    let most = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height);
    Paragraph::new(lines)
        .scroll((scroll.min(most), 0))
        .render(area, buf);
}

/// Lines the overview takes, whatever the width: each of its lines is one row.
#[must_use]
pub fn height(stats: &Stats) -> usize {
    lines(stats, &Theme::default(), 0).len()
}

/// Every line of the overview at `width` columns, each one row.
fn lines(stats: &Stats, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = summary(stats, theme);
    lines.extend(retention_table(stats, theme, width));
    lines.push(Line::from(""));
    for d in &stats.decks {
        let test = d.test_best.map_or_else(
            || "–".to_owned(),
            |best| format!("{best}% best, {}% last", d.test_last.unwrap_or(best)),
        );
        let game = d.match_best_ms.map_or_else(|| "–".to_owned(), seconds);
        lines.push(Line::styled(d.name.clone(), theme.title));
        lines.push(Line::raw(format!(
            "  learn {:.0}% mastered · test {test} · match {game} · review {}",
            d.learn_mastered * 100.0,
            d.review_retention.percent()
        )));
    }
    lines.into_iter().map(|l| fit_line(l, width)).collect()
}

/// True retention over the last day, week, month and year: young, mature and all cards.
fn retention_table(stats: &Stats, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let share = (width.saturating_sub(PERIOD_WIDTH + 3) / 3).clamp(1, SHARE_WIDTH);
    let row = |cells: [&str; 4]| {
        let [name, young, mature, all] = cells;
        let pad = |text: &str, room: usize| format!("{:<room$}", fit(text, room));
        [
            pad(name, PERIOD_WIDTH),
            pad(young, share),
            pad(mature, share),
            pad(all, share),
        ]
        .join(" ")
    };
    let r = &stats.retention;
    let mut lines = vec![Line::styled(
        row(["True retention", "young", "mature (≥21d)", "all"]),
        theme.title,
    )];
    for (name, p) in [
        ("Last day", r.day),
        ("Last week", r.week),
        ("Last month", r.month),
        ("Last year", r.year),
    ] {
        let cells = [p.young.percent(), p.mature.percent(), p.all.percent()];
        lines.push(Line::raw(row([name, &cells[0], &cells[1], &cells[2]])));
    }
    lines
}

/// Today, the totals, the card counts and the cards remembered.
fn summary(stats: &Stats, theme: &Theme) -> Vec<Line<'static>> {
    let today = &stats.today;
    let again = today
        .again_share
        .map_or_else(String::new, |s| format!(" · {:.0}% Again", s * 100.0));
    let c = &stats.cards;
    let progress = stats.motivation.map(|m| {
        Line::from(vec![
            Span::styled("Progress  ", theme.title),
            Span::raw(format!(
                "streak {} (best {}) · {}",
                m.streak.current,
                m.streak.best,
                m.xp_summary(true)
            )),
        ])
    });
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Today  ", theme.title),
            Span::raw(format!(
                "{} in {} min{again}",
                crate::english::counted(today.answers, "answer"),
                today.seconds.div_ceil(60)
            )),
        ]),
        Line::from(vec![
            Span::styled("Total  ", theme.title),
            Span::raw(format!(
                "{} on {}",
                crate::english::counted(stats.total_answers, "answer"),
                crate::english::counted(stats.days_studied, "day")
            )),
        ]),
        Line::from(vec![
            Span::styled("Cards  ", theme.title),
            Span::styled(format!("{} new", c.new), theme.new),
            Span::raw(" · "),
            // Relearning cards are learning ones here until the screen shows issue 17's counts.
            Span::styled(
                format!("{} learning", c.learning + c.relearning),
                theme.learning,
            ),
            Span::raw(format!(" · {} young · ", c.young)),
            Span::styled(format!("{} mature", c.mature), theme.review),
            Span::raw(format!(
                " · {} suspended · {} buried",
                c.suspended, c.buried
            )),
        ]),
        Line::from(vec![
            Span::styled("Remembered now  ", theme.title),
            Span::raw(crate::english::about(stats.remembered, "card")),
        ]),
    ];
    lines.extend(progress);
    lines.push(Line::from(""));
    lines
}

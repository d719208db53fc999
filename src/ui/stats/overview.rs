//! The overview tab: today in figures, the totals and card counts in a line, the cards
//! remembered now and over the last 30 days, and each deck's standing in every mode.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Widget};

use super::panel::no_data;
use crate::english::{amount, counted};
use crate::session::matching::seconds;
use crate::stats::Stats;
use crate::ui::Theme;
use crate::ui::text::fit_line;

/// Today's answers in review mode, and the totals; each line cut with "…" where it does
/// not fit.
pub(super) fn today(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let today = &stats.today;
    let again = today
        .again_share
        .map_or_else(String::new, |s| format!(" · {:.0}% Again", s * 100.0));
    let c = &stats.cards;
    let label = |text: &'static str| Span::styled(text, theme.title);
    let mut lines = vec![
        Line::from(vec![
            label("Today  "),
            Span::raw(format!(
                "{} in {} min{again}",
                counted(today.answers, "answer"),
                today.seconds.div_ceil(60)
            )),
        ]),
        Line::raw(format!(
            "  learn {} · review {} · relearn {} · practice modes {}",
            today.learn, today.review, today.relearn, today.practice
        )),
        Line::raw(format!(
            "  mature cards correct: {}",
            today.mature_correct.percent()
        )),
        Line::from(vec![
            label("Total  "),
            Span::raw(format!(
                "{} on {}",
                counted(stats.total_answers, "answer"),
                counted(stats.days_studied, "day")
            )),
        ]),
        Line::from(vec![
            label("Cards  "),
            Span::styled(format!("{} new", c.new), theme.new),
            Span::raw(" · "),
            Span::styled(format!("{} learning", c.learning), theme.learning),
            Span::raw(" · "),
            Span::styled(format!("{} relearning", c.relearning), theme.learning),
            Span::raw(format!(" · {} young · ", c.young)),
            Span::styled(format!("{} mature", c.mature), theme.review),
            Span::raw(format!(
                " · {} suspended · {} buried",
                c.suspended, c.buried
            )),
        ]),
    ];
    if let Some(shown) = stats.motivation {
        let streak = shown
            .streak
            .map(|s| format!("streak {} (best {})", s.current, s.best));
        let xp = shown.xp_summary(true);
        let progress: Vec<String> = streak.into_iter().chain(xp).collect();
        if !progress.is_empty() {
            lines.push(Line::from(vec![
                label("Progress  "),
                Span::raw(progress.join(" · ")),
            ]));
        }
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = lines.into_iter().map(|l| fit_line(l, width)).collect();
    Paragraph::new(lines).render(area, buf);
}

/// Σ retrievability now, and a sparkline of it at the end of each of the last 30 days,
/// each day widened to fill the width.
pub(super) fn remembered(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let days = &stats.remembered_over_time.days;
    if stats.remembered <= 0.0 && days.iter().all(|&d| d <= 0.0) {
        no_data(
            "the cards you remember show here once you have reviewed some.",
            theme,
            area,
            buf,
        );
        return;
    }
    let [words, spark, dates] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let highest = days.iter().copied().fold(0.0, f64::max);
    Paragraph::new(vec![
        Line::raw(format!(
            "Cards remembered now: {}, the sum of every studied card's recall (Anki's \
             estimated total knowledge).",
            amount(stats.remembered)
        )),
        Line::styled(
            format!(
                "Below, the same at the end of each of the last {} days; the top is {}.",
                days.len(),
                amount(highest)
            ),
            theme.dim,
        ),
    ])
    .wrap(ratatui::widgets::Wrap { trim: true })
    .render(words, buf);
    let widen = (usize::from(spark.width) / days.len().max(1)).max(1);
    // Hundredths of a card, so that a fraction of one still shows; the largest value is the
    // sparkline's top.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let values: Vec<u64> = days
        .iter()
        .flat_map(|&d| std::iter::repeat_n((d.max(0.0) * 100.0).round() as u64, widen))
        .collect();
    Sparkline::default()
        .data(&values)
        .style(theme.review)
        .render(spark, buf);
    let start = stats
        .remembered_over_time
        .start
        .map_or_else(String::new, |d| d.format("%-d %b").to_string());
    let width = usize::from(dates.width).min(values.len());
    let today = "today";
    let gap = width.saturating_sub(start.chars().count() + today.len());
    Line::styled(format!("{start}{}{today}", " ".repeat(gap)), theme.dim).render(dates, buf);
}

/// Each deck's learn mastery, best and last test, best match and review retention; the
/// decks past the area's bottom counted in its last line.
pub(super) fn decks(stats: &Stats, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if stats.decks.is_empty() {
        no_data("no deck is chosen.", theme, area, buf);
        return;
    }
    let width = usize::from(area.width);
    let room = usize::from(area.height / 2);
    let shown = if stats.decks.len() > room {
        room.saturating_sub(1)
    } else {
        room
    };
    let mut lines = Vec::new();
    for d in stats.decks.iter().take(shown) {
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
    if shown < stats.decks.len() {
        lines.push(Line::styled(
            format!("… and {} more", counted(stats.decks.len() - shown, "deck")),
            theme.dim,
        ));
    }
    let lines: Vec<Line> = lines.into_iter().map(|l| fit_line(l, width)).collect();
    Paragraph::new(lines).render(area, buf);
}

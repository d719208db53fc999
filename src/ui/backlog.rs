//! The backlog plan's preview over the home screen: how many reviews each day gets.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::Theme;
use crate::app::backlog::PlanPreview;
use crate::app::{Action, App};

/// The widest the box gets.
const WIDTH: u16 = 56;
/// Days listed before the rest are summed up, so that the box fits 80×24.
const DAYS_LISTED: usize = 14;

/// Draws the preview: what the backlog is, a row a day, then the note and the keys, which
/// always show; on a short screen the days give way first (the rest summed in one row).
pub fn render(app: &App, preview: &PlanPreview, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // Inside the borders.
    let width = usize::from(WIDTH.min(area.width).saturating_sub(2));
    let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
        super::text::wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    };
    let mut lines = wrapped(&format!("{}.", preview.backlog.describe()), Style::new());
    lines.extend(wrapped(
        &format!(
            "Spread over {}, the most likely forgotten first:",
            crate::english::counted(usize::try_from(preview.days).unwrap_or(0), "day")
        ),
        Style::new(),
    ));
    let mut tail = wrapped("New cards wait until the backlog is done.", theme.notice);
    let keys = crate::app::keys::BACKLOG_PLAN;
    let key = |action: &Action| Span::styled(keys.label(action), theme.key);
    tail.push(Line::from(vec![
        key(&Action::Open),
        Span::raw(" apply  "),
        key(&Action::Left),
        Span::styled("/", theme.key),
        key(&Action::Right),
        Span::raw(" days  "),
        key(&Action::Back),
        Span::raw(" cancel"),
    ]));
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(lines.len() + tail.len());
    lines.extend(day_rows(app, preview, DAYS_LISTED.min(room), theme));
    lines.extend(tail);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = super::popup_area(area, WIDTH, height, buf);
    Paragraph::new(lines)
        .block(Block::default().borders(Borders::ALL).title(" Catch up "))
        .render(popup, buf);
}

/// At most `rows` rows of the plan: a row a day, and when the days do not all fit, the last
/// row sums up the rest.
fn day_rows(app: &App, preview: &PlanPreview, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
    let days = &preview.plan.days;
    let listed = if days.len() <= rows {
        days.len()
    } else {
        rows.saturating_sub(1)
    };
    let mut lines: Vec<Line> = days
        .iter()
        .take(listed)
        .enumerate()
        .map(|(offset, cards)| {
            let date = app.now + Duration::days(i64::try_from(offset).unwrap_or(0));
            let when = if offset == 0 { " (today)" } else { "" };
            Line::from(vec![
                Span::styled(format!("  {}", date.format("%a %d %b")), theme.dim),
                Span::raw(format!("  {:>5}{when}", cards.len())),
            ])
        })
        .collect();
    let rest: usize = days.iter().skip(listed).map(Vec::len).sum();
    if rest > 0 && rows > 0 {
        let first = if listed == 0 { "" } else { "then " };
        lines.push(Line::from(format!(
            "  {first}{rest} over the remaining days"
        )));
    }
    lines
}

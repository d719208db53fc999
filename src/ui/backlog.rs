//! The backlog plan's preview over the home screen: how many reviews each day gets.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::Theme;
use crate::app::backlog::PlanPreview;
use crate::app::{Action, App};

pub fn render(app: &App, preview: &PlanPreview, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![
        Line::from(format!("{}.", preview.backlog.describe())),
        Line::from(format!(
            "Spread over {}, the most likely forgotten first:",
            crate::english::counted(usize::try_from(preview.days).unwrap_or(0), "day")
        )),
    ];
    // Long plans are summed up after the first two weeks, so the box fits 80×24.
    let shown = preview.plan.days.len().min(14);
    for (offset, cards) in preview.plan.days.iter().enumerate().take(shown) {
        let date = app.now + Duration::days(i64::try_from(offset).unwrap_or(0));
        let when = if offset == 0 { " (today)" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", date.format("%a %d %b")), theme.dim),
            Span::raw(format!("  {:>5}{when}", cards.len())),
        ]));
    }
    let rest: usize = preview.plan.days.iter().skip(shown).map(Vec::len).sum();
    if rest > 0 {
        lines.push(Line::from(format!("  then {rest} over the remaining days")));
    }
    lines.push(Line::styled(
        "New cards wait until the backlog is done.",
        theme.notice,
    ));
    let keys = crate::app::keys::BACKLOG_PLAN;
    let key = |action: &Action| Span::styled(keys.label(action), theme.key);
    lines.push(Line::from(vec![
        key(&Action::Open),
        Span::raw(" apply  "),
        key(&Action::Left),
        Span::styled("/", theme.key),
        key(&Action::Right),
        Span::raw(" days  "),
        key(&Action::Back),
        Span::raw(" cancel"),
    ]));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = super::popup_area(area, 56, height, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(" Catch up "))
        .render(popup, buf);
}

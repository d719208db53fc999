//! The new card's form, over the browser.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::app::AddForm;
use crate::ui::{Theme, popup_area};

/// Draws the form; `built_in` when its deck is the built-in one, which has no file yet.
pub fn render(form: &AddForm, built_in: bool, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(area, 72, 9, buf);
    let block = Block::default().borders(Borders::ALL).title(" New card ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut lines: Vec<Line> = AddForm::LABELS
        .iter()
        .zip(form.values())
        .enumerate()
        .map(|(at, (label, value))| {
            let active = at == form.field;
            let cursor = if active { "█" } else { "" };
            let style = if active {
                theme.key
            } else {
                ratatui::style::Style::default()
            };
            Line::from(vec![
                Span::styled(format!("{label:<6} "), theme.dim),
                Span::styled(format!("{value}{cursor}"), style),
            ])
        })
        .collect();
    lines.push(if built_in {
        let copy = crate::app::keys::BROWSER.label(&crate::app::Action::CopyBuiltIn);
        Line::styled(
            format!("The built-in deck has no file yet: Esc, then {copy}, gives it one."),
            theme.notice,
        )
    } else {
        Line::styled(
            "Appended to the end of the deck's file; nothing in it changes.",
            theme.dim,
        )
    });
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

//! When the review log cannot be written: the question before studying, and the mark on
//! every screen after the user chose to go on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::Theme;
use crate::app::{Action, Saving, keys};

pub fn render(saving: &Saving, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match saving {
        Saving::On => {}
        Saving::Ask(reason) => ask(reason, theme, area, buf),
        Saving::Off(_) => {
            let mark = " not saving ";
            let width = u16::try_from(mark.len()).unwrap_or(0).min(area.width);
            let corner = Rect::new(area.right() - width, area.y, width, 1);
            Line::styled(mark, theme.error).render(corner, buf);
        }
    }
}

fn ask(reason: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let popup = super::popup_area(area, 64, 12, buf);
    let lines = vec![
        Line::styled(
            format!("Your answers cannot be saved: {reason}."),
            theme.error,
        ),
        Line::from(""),
        Line::from(
            "You can study anyway: answers count in this session and are lost when you quit. Your review history on disk is not touched.",
        ),
        Line::from(""),
        Line::from(vec![
            Span::styled(
                keys::SAVING_ASK.label(&Action::StudyWithoutSaving),
                theme.key,
            ),
            Span::raw(" study without saving   "),
            Span::styled(keys::SAVING_ASK.label(&Action::Quit), theme.key),
            Span::raw(" quit"),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title(" Not saving "))
        .render(popup, buf);
}

//! The review screen's done screen: what was answered, when the next card is due, and the
//! ways to study on.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::{Theme, text};
use crate::app::{AHEAD_DAYS, Action, App, MORE_NEW, ReviewOverlay, ReviewScreen, keys};
use crate::scheduler::calendar::Calendar;
use crate::study::NextDue;

pub(super) fn render_done(
    app: &App,
    review: &ReviewScreen,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let session = &review.session;
    // The done screen's keys, also while a tag is typed over it.
    let keys = keys::DONE_MORE_NEW;
    let key = |action: &Action| Span::styled(keys.label(action), theme.key);
    let mut lines = vec![
        Line::from(""),
        Line::styled("Done for now!", theme.title),
        Line::from(""),
        Line::from(answered_text(session.answered())),
    ];
    if let Some(next) = app.study.next_due(&session.decks, app.now) {
        lines.push(Line::from(next_due_text(next, app)));
    } else {
        lines.push(Line::from("Nothing else is scheduled in these decks."));
    }
    lines.push(Line::from(""));
    if app.study.has_unseen(&session.decks) {
        lines.push(Line::from(vec![
            key(&Action::MoreNew),
            Span::raw(format!(
                "  study {MORE_NEW} more new cards today, beyond the daily limit"
            )),
        ]));
    }
    lines.push(Line::from(vec![
        key(&Action::ReviewAhead),
        Span::raw(format!(
            "  review ahead: cards due in the next {AHEAD_DAYS} days"
        )),
    ]));
    // A line of its own, so that a narrow screen does not wrap inside the brackets.
    lines.push(Line::from(vec![
        key(&Action::Cram),
        Span::raw("  cram, schedule unchanged ("),
        key(&Action::CramStarred),
        Span::raw(" starred only)"),
    ]));
    let tags = &session.tags;
    if let Some(ReviewOverlay::Tag(text)) = &review.overlay {
        lines.push(Line::from(vec![
            Span::raw("Tag to cram: "),
            Span::styled(format!("{text}█"), theme.key),
        ]));
    } else if !tags.is_empty() {
        let lead = "  cram one tag: ";
        let room = usize::from(area.width)
            .saturating_sub(text::display_width(keys.label(&Action::CramTag)) + lead.len());
        lines.push(Line::from(vec![
            key(&Action::CramTag),
            Span::raw(format!("{lead}{}", tag_list(tags, room))),
        ]));
    }
    lines.push(Line::from(vec![
        key(&Action::Picker),
        Span::raw("  study modes: flashcards, learn, match, test, cram"),
    ]));
    lines.push(Line::from(vec![
        key(&Action::Back),
        Span::raw("  back to your decks"),
    ]));
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// "12 cards, 15 answers in this session.": a card missed and seen again is one card and two
/// answers.
fn answered_text((answers, cards): (usize, usize)) -> String {
    use crate::english::counted;
    if answers == cards {
        format!("{} answered in this session.", counted(cards, "card"))
    } else {
        format!(
            "{}, {} in this session.",
            counted(cards, "card"),
            counted(answers, "answer")
        )
    }
}

/// As many of `tags` as fit `width` columns, in order, ", …" after them when some are left
/// out; the first is always named.
fn tag_list(tags: &[String], width: usize) -> String {
    const MORE: &str = ", …";
    let mut shown = String::new();
    for (i, tag) in tags.iter().enumerate() {
        let next = if i == 0 {
            tag.clone()
        } else {
            format!("{shown}, {tag}")
        };
        let rest = if i + 1 < tags.len() {
            text::display_width(MORE)
        } else {
            0
        };
        if i > 0 && text::display_width(&next) + rest > width {
            return format!("{shown}{MORE}");
        }
        shown = next;
    }
    shown
}

fn next_due_text(next: NextDue, app: &App) -> String {
    let calendar: Calendar = app.study.scheduler.calendar();
    let today = calendar.day(app.now);
    match next {
        NextDue::At(at) => {
            let minutes = (at - app.now).num_minutes().max(1);
            if calendar.day(at) == today {
                format!("The next card is due in {minutes} min; it will show up here.")
            } else {
                format!("The next card is due at {}.", at.format("%H:%M"))
            }
        }
        NextDue::Day(day) if day == today + 1 => {
            format!(
                "The next card is due tomorrow (from {}:00).",
                calendar.rollover_hour
            )
        }
        NextDue::Day(day) => format!("The next card is due in {} days.", day - today),
    }
}

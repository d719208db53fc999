//! The review screen: the card, the answer with each grade's next interval, and the done
//! screen when nothing is left.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{Theme, card, footer, text};
use crate::app::{AHEAD_DAYS, Action, App, MORE_NEW, ReviewOverlay, ReviewScreen, keys};
use crate::scheduler::interval_text::label;
use crate::scheduler::{Rating, calendar::Calendar};
use crate::session::review::{Kind, Notice, ReviewSession, Side};
use crate::study::{DueCounts, NextDue};

/// Draws the review screen; returns where its picture goes, if the card has one.
pub fn render(
    app: &App,
    review: &ReviewScreen,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> super::Clicks {
    let mut clicks = super::Clicks::default();
    let session = &review.session;
    let buttons_lines = buttons(session, theme, area.width);
    let [header, body, notice_area, buttons_area, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(u16::try_from(buttons_lines.len()).unwrap_or(1)),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, session, theme, header, buf);
    let body_block = Block::default().borders(Borders::TOP | Borders::BOTTOM);
    let inner = body_block.inner(body);
    body_block.render(body, buf);
    match &session.current {
        Some(_) => {
            render_card(app, session, theme, (inner, buf), &mut clicks);
            Paragraph::new(buttons_lines)
                .alignment(Alignment::Center)
                .render(buttons_area, buf);
        }
        None => render_done(app, review, theme, inner, buf),
    }
    if let Some(notice) = &session.notice {
        let style = if matches!(notice, Notice::Error(_) | Notice::Leech) {
            theme.error
        } else {
            theme.notice
        };
        super::chrome::notice(&notice_text(notice), style, notice_area, buf);
    }
    footer::render(app.bindings(), theme, keys, buf);
    if review.overlay == Some(ReviewOverlay::Picker) {
        super::picker::render(keys::PICKER, &session.title, theme, area, buf);
    }
    clicks
}

fn render_header(app: &App, session: &ReviewSession, theme: &Theme, area: Rect, buf: &mut Buffer) {
    const NAME_KEEPS: usize = 10;
    let DueCounts {
        new,
        learning,
        review,
    } = session.counts(&app.study, app.now);
    let counts = Line::from(vec![
        Span::styled(new.to_string(), theme.new),
        Span::styled(" new  ", theme.dim),
        Span::styled(learning.to_string(), theme.learning),
        Span::styled(" learning  ", theme.dim),
        Span::styled(review.to_string(), theme.review),
        Span::styled(" review", theme.dim),
    ]);
    // A long deck name gives way to what kind of session this is, and to the counts down to
    // its first ten columns; the counts are cut after that.
    let label = session
        .kind_label()
        .map(|label| format!(" · {label}"))
        .unwrap_or_default();
    let name_width = text::display_width(&session.title);
    let room = usize::from(area.width)
        .saturating_sub(counts.width() + 2 + text::display_width(&label))
        .max(name_width.min(NAME_KEEPS));
    let title = Line::from(vec![
        Span::styled(text::fit(&session.title, room), theme.title),
        Span::styled(label, theme.notice),
    ]);
    // The name as fitted and the label stay whole; the counts give way.
    let keeps = title.width();
    super::chrome::header(title, counts, keeps, area, buf);
}

fn render_card(
    app: &App,
    session: &ReviewSession,
    theme: &Theme,
    (area, buf): (Rect, &mut Buffer),
    clicks: &mut super::Clicks,
) {
    let Some(current) = &session.current else {
        return;
    };
    let Some(place) = app.study.place(&current.card) else {
        return;
    };
    let card = app.study.card(place);
    let column = super::chrome::column(area);
    // One column for the scrollbar.
    let width = usize::from(column.width.saturating_sub(2));
    let mut lines: Vec<Line> = vec![Line::from("")];
    match (&card.cloze, current.side) {
        // A cloze card's answer is its whole text, this card's deletions highlighted.
        (Some(cloze), Side::Answer) => {
            let (whole, marked) = cloze.revealed();
            lines.extend(card::marked(&whole, &marked, width, theme.title, theme));
        }
        _ => lines.extend(card::lines(&card.front, width, theme.title, theme)),
    }
    // A starred card says so before its text, as Learn and the test do.
    if app.study.practice(&current.card).starred
        && let Some(first) = lines.get_mut(1)
    {
        first.spans.insert(0, Span::styled("★ ", theme.notice));
    }
    let answer = match &card.cloze {
        Some(cloze) => cloze.extra.as_deref(),
        None => Some(card.back.as_str()),
    };
    if current.side == Side::Question {
        if let Some(hint) = &card.hint {
            lines.push(Line::from(""));
            lines.extend(card::lines(
                &format!("Hint: {hint}"),
                width,
                theme.dim,
                theme,
            ));
        }
    } else if let Some(answer) = answer {
        lines.push(Line::from(""));
        lines.push(Line::styled("─".repeat(width.min(40)), theme.dim));
        lines.push(Line::from(""));
        lines.extend(card::lines(answer, width, Style::new(), theme));
    }
    super::picture::report(app, column, lines.len(), clicks);
    super::scrolled(
        lines,
        session.scroll,
        false,
        (column, buf),
        |paragraph, area, buf| {
            paragraph.render(area, buf);
        },
    );
}

/// The line under the card: the key that shows the answer, or each grade's key, name and
/// next interval. Where they do not fit on one line they go two to a line, then one: every
/// name and interval is kept.
fn buttons(session: &ReviewSession, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let Some(current) = &session.current else {
        return vec![Line::default()];
    };
    if current.side == Side::Question {
        return vec![Line::from(vec![
            Span::styled(keys::QUESTION.label(&Action::Reveal), theme.key),
            Span::raw(" show answer"),
        ])];
    }
    // Worked out when the card was shown, not here; crammed cards keep their schedule: no
    // intervals to show.
    let outcomes = current.outcomes;
    let styles = [theme.learning, theme.notice, theme.review, theme.new];
    let grades: Vec<Vec<Span<'static>>> = Rating::ALL
        .into_iter()
        .zip(styles)
        .map(|(rating, style)| {
            let key = text::first_key(keys::ANSWER.label(&Action::Grade(rating)));
            let mut spans = vec![
                Span::styled(key.to_owned(), theme.key),
                Span::styled(format!(" {}", rating.label()), style),
            ];
            if let Some(outcomes) = outcomes {
                spans.push(Span::styled(
                    format!(" {}", label(outcomes.interval(rating))),
                    theme.dim,
                ));
            }
            spans
        })
        .collect();
    let cram = outcomes
        .is_none()
        .then(|| Span::styled("(cram: schedule unchanged)", theme.dim));
    let lines = |per_line: usize| {
        let mut lines: Vec<Line<'static>> = grades
            .chunks(per_line)
            .map(|chunk| Line::from(chunk.join(&Span::raw("   "))))
            .collect();
        match (&cram, per_line) {
            (Some(cram), 4) => lines[0].spans.extend([Span::raw("   "), cram.clone()]),
            (Some(cram), _) => lines.push(Line::from(cram.clone())),
            (None, _) => {}
        }
        lines
    };
    let fits = |lines: &Vec<Line>| lines.iter().all(|line| line.width() <= usize::from(width));
    [4, 2]
        .into_iter()
        .map(lines)
        .find(fits)
        .unwrap_or_else(|| lines(1))
}

fn render_done(app: &App, review: &ReviewScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
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

fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::Leech => {
            "Leech: this card has lapsed too often and is now suspended. u undoes; e edits it."
                .to_owned()
        }
        Notice::Buried => "Buried until tomorrow. u undoes.".to_owned(),
        Notice::Suspended => "Suspended. u undoes.".to_owned(),
        Notice::Undone(what) => format!("Undid the last {what}."),
        Notice::NothingToUndo => "Nothing to undo in this session.".to_owned(),
        Notice::NothingAhead(Kind::Ahead(days)) => {
            format!(
                "No card is due in the next {}.",
                crate::english::counted(usize::try_from(*days).unwrap_or(usize::MAX), "day")
            )
        }
        Notice::NothingAhead(_) => "No card to cram here.".to_owned(),
        // Short enough for a 40-column status line.
        Notice::Starred(true) => format!(
            "★ Starred; {} crams them when done.",
            keys::DONE.label(&Action::CramStarred)
        ),
        Notice::Starred(false) => "Unstarred.".to_owned(),
        Notice::Error(message) => message.clone(),
    }
}

#[cfg(test)]
mod tests;

//! The review screen: the card, the answer with each grade's next interval, and the done
//! screen when nothing is left.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::{Theme, card, footer, text};
use crate::app::{Action, App, ReviewOverlay, ReviewScreen, keys};
use crate::scheduler::Rating;
use crate::scheduler::interval_text::label;
use crate::session::review::{Kind, Notice, ReviewSession, Side};
use crate::study::DueCounts;

/// Rows the rest of the screen keeps besides the typed answer's comparison: the header, the
/// card's three (its rules and a line of text), a notice's one and the footer.
const BESIDE_COMPARISON: u16 = 6;

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
    let reveal = review
        .keys(&app.study)
        .label_for(&Action::Submit)
        .unwrap_or(keys::QUESTION.label(&Action::Reveal));
    let toggle = review
        .field
        .is_none()
        .then(|| review.keys(&app.study).label_for(&Action::ToggleTyping))
        .flatten();
    let buttons_lines = buttons(
        session,
        review.suggested(),
        reveal,
        toggle,
        theme,
        area.width,
    );
    let buttons_height = u16::try_from(buttons_lines.len()).unwrap_or(1);
    let column = super::chrome::column(area);
    let notice = session.notice.as_ref().map(notice_text);
    let notice_rows = super::chrome::notice_rows_beside_card(notice.as_deref(), area);
    let room = area
        .height
        .saturating_sub(BESIDE_COMPARISON - 1 + notice_rows + buttons_height);
    let checked = review
        .field
        .as_ref()
        .and_then(|field| field.checked.as_ref())
        .filter(|_| {
            session
                .current
                .as_ref()
                .is_some_and(|c| c.side == Side::Answer)
        })
        .map(|checked| {
            let width = usize::from(column.width);
            let lines = typed::checked_lines(checked, theme, width, usize::from(room));
            card::centred(lines, width)
        })
        .unwrap_or_default();
    let checked_height = u16::try_from(checked.len()).unwrap_or(u16::MAX).min(room);
    // A long notice is cut on a short screen rather than take the card's question and
    // answer rows; it goes with the next card.
    let [header, body, notice_area, checked_area, buttons_area, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(notice_rows),
        Constraint::Length(checked_height),
        Constraint::Length(buttons_height),
        Constraint::Length(1),
    ])
    .areas(area);
    let checked_area = Rect {
        x: column.x,
        width: column.width,
        ..checked_area
    };
    Paragraph::new(checked).render(checked_area, buf);
    render_header(app, session, theme, header, buf);
    let body_block = Block::default().borders(Borders::TOP | Borders::BOTTOM);
    let inner = body_block.inner(body);
    body_block.render(body, buf);
    match &session.current {
        Some(_) => {
            render_card(app, review, theme, (inner, buf), &mut clicks);
            Paragraph::new(buttons_lines)
                .alignment(Alignment::Center)
                .render(buttons_area, buf);
        }
        None => done::render_done(app, review, theme, inner, buf),
    }
    if let (Some(kind), Some(notice)) = (&session.notice, &notice) {
        let style = if matches!(kind, Notice::Error(_) | Notice::Leech) {
            theme.error
        } else {
            theme.notice
        };
        super::chrome::notice(notice, style, notice_area, buf);
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
    review: &ReviewScreen,
    theme: &Theme,
    (area, buf): (Rect, &mut Buffer),
    clicks: &mut super::Clicks,
) {
    let session = &review.session;
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
        // Hidden until asked for, as Anki's hint field is.
        if let Some(hint) = card.hint.as_ref().filter(|_| review.hint_shown) {
            lines.push(Line::from(""));
            lines.extend(card::lines(
                &format!("Hint: {hint}"),
                width,
                theme.dim,
                theme,
            ));
        }
        if let Some(field) = &review.field {
            lines.push(Line::from(""));
            lines.extend(typed::field_lines(field, theme, width));
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

/// The line under the card: the key that shows the answer (`reveal`), or each grade's key,
/// name and next interval, the one a typed answer suggests highlighted. Where they do not
/// fit on one line they go two to a line, then one: every name and interval is kept.
fn buttons(
    session: &ReviewSession,
    suggested: Option<Rating>,
    reveal: &'static str,
    toggle: Option<&'static str>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let Some(current) = &session.current else {
        return vec![Line::default()];
    };
    if current.side == Side::Question {
        let mut prompt = vec![Span::styled(reveal, theme.key), Span::raw(" show answer")];
        // Where no field asks for the answer, the key that turns one on, as the footer may
        // have no room for it.
        if let Some(toggle) = toggle {
            prompt.extend([Span::raw("   "), Span::styled(toggle, theme.key)]);
            prompt.push(Span::raw(" type the answer"));
        }
        return vec![Line::from(prompt)];
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
            if suggested == Some(rating) {
                // Reversed reads without colour too.
                for span in &mut spans {
                    span.style = span.style.patch(theme.selected);
                }
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

mod done;
mod typed;

#[cfg(test)]
mod tests;

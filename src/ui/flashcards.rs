//! Flashcards: one card at a time, flipped with Space, with a progress bar; card sorting
//! shows the round's counts.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Widget, Wrap};

use super::{Theme, card, chrome};
use crate::app::{Action, App, Practice, keys};
use crate::session::flashcards::Flashcards;

/// Draws flashcards; returns where the side's picture goes, if it has one.
pub fn render(
    app: &App,
    screen: &Practice<Flashcards>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> super::Clicks {
    let mut clicks = super::Clicks::default();
    let cards = &screen.session;
    let total = cards.order.len();
    // The position is the gauge's label; the header has the sorting counts, or nothing.
    let status = if cards.all_known {
        Line::styled(format!("all {} known", cards.terms.len()), theme.review)
    } else if cards.sorting {
        Line::from(vec![
            Span::styled(format!("round {} · ", cards.round), theme.dim),
            Span::styled(cards.known.to_string(), theme.review),
            Span::styled(" know · ", theme.dim),
            Span::styled(cards.learning.len().to_string(), theme.learning),
            Span::styled(" still learning", theme.dim),
        ])
    } else {
        Line::default()
    };
    let title = format!("Flashcards · {}", cards.title);
    let body = chrome::render(app, theme, &title, status, area, buf);
    if let Some(lines) = between_rounds(cards) {
        message(&lines, theme, body, buf);
        return clicks;
    }
    let Some(term) = cards.current() else {
        return clicks;
    };
    let [gauge, card_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
    let fraction = |n: usize| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
    let ratio = if total == 0 {
        0.0
    } else {
        fraction(cards.position + 1) / fraction(total)
    };
    LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(format!("{}/{total} ", cards.position + 1))
        .filled_style(theme.review)
        .render(gauge, buf);
    let show_back = cards.showing_back();
    let (side, label) = if show_back {
        (&term.back, "back")
    } else {
        (&term.front, "front")
    };
    let star = if app.study.practice(&term.id).starred {
        " ★"
    } else {
        ""
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {label}{star} "))
        .title_bottom(
            Line::styled(
                format!(" {} flips ", keys::FLASHCARDS.label(&Action::Reveal)),
                theme.dim,
            )
            .alignment(Alignment::Right),
        );
    let inner = block.inner(card_area.inner(Margin::new(2, 0)));
    block.render(card_area.inner(Margin::new(2, 0)), buf);
    let style = if show_back { Style::new() } else { theme.title };
    // Centred as one block, so that a list keeps its alignment; one column for a scrollbar.
    let width = usize::from(inner.width.saturating_sub(2));
    let lines = card::centred(
        card::lines(side, width, style, theme),
        usize::from(inner.width),
    );
    // A side with a picture keeps its text at the top, the picture under it.
    super::picture::report(app, inner, lines.len(), &mut clicks);
    super::scrolled(
        lines,
        screen.scroll,
        clicks.picture_area().is_none(),
        (inner, buf),
        |paragraph, area, buf| {
            paragraph.style(style).render(area, buf);
        },
    );
    clicks
}

/// What shows instead of a card when sorting is over or a round is done.
fn between_rounds(cards: &Flashcards) -> Option<Vec<String>> {
    if cards.all_known {
        return Some(vec![
            match cards.terms.len() {
                1 => "You know the card!".to_owned(),
                n => format!("You know all {n} cards!"),
            },
            format!(
                "{} starts sorting over.",
                keys::SORTING_DONE.label(&Action::StartOver)
            ),
        ]);
    }
    if !cards.round_over() {
        return None;
    }
    let learning = cards.learning.len();
    Some(vec![
        format!(
            "Round {} done: {} known, {learning} still learning.",
            cards.round, cards.known
        ),
        if learning == 0 {
            format!(
                "Every card is known: {} finishes.",
                keys::SORTING_ALL_SORTED.label(&Action::Proceed)
            )
        } else {
            format!(
                "{} studies the {} again.",
                keys::SORTING_ROUND_OVER.label(&Action::Proceed),
                crate::english::counted(learning, "still-learning card")
            )
        },
    ])
}

/// Centred lines in the body.
pub fn message(lines: &[String], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut out = vec![Line::from("")];
    out.extend(lines.iter().enumerate().map(|(i, l)| {
        if i == 0 {
            Line::styled(l.clone(), theme.title)
        } else {
            Line::from(l.clone())
        }
    }));
    Paragraph::new(out)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

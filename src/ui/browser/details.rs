//! The selected card's details: both sides, tags, where it is written, and its card info.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{days_text, state_name};
use crate::app::{App, BrowserScreen};
use crate::deck::Source;
use crate::ui::{Theme, text};

/// Draws the details of the selected card in `area`, scrolled by `scroll` lines.
pub fn render(
    app: &App,
    browser: &BrowserScreen,
    theme: &Theme,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(facts) = browser.selected_card() else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(1)).max(8);
    let mut lines: Vec<Line> = Vec::new();
    let label = |name: &'static str| Span::styled(format!("{name:<7}"), theme.dim);
    match facts.place {
        Some(place) => {
            let card = app.study.card(place);
            let deck = app.study.deck(place.deck);
            for (name, side) in [("Front", &card.front), ("Back", &card.back)] {
                for (i, row) in text::wrap(side, width.saturating_sub(7))
                    .into_iter()
                    .enumerate()
                {
                    let head = if i == 0 {
                        label(name)
                    } else {
                        Span::raw("       ")
                    };
                    lines.push(Line::from(vec![head, Span::raw(row)]));
                }
            }
            let mut tags: Vec<&str> = card
                .tags
                .iter()
                .chain(&deck.tags)
                .map(String::as_str)
                .collect();
            tags.dedup();
            if !tags.is_empty() {
                lines.push(Line::from(vec![label("Tags"), Span::raw(tags.join(", "))]));
            }
            let file = match &deck.source {
                Source::File(path) => format!("{}:{}", path.display(), card.line),
                Source::Bundled => "the built-in deck (no file)".to_owned(),
            };
            lines.push(Line::from(vec![label("File"), Span::raw(file)]));
        }
        None => lines.push(Line::styled(
            format!("{}: history whose card no deck has any more.", facts.card),
            theme.dim,
        )),
    }
    lines.push(Line::from(vec![
        label("Id"),
        Span::styled(facts.card.clone(), theme.dim),
    ]));
    let mut figures = vec![state_name(facts).to_owned()];
    if let Some(s) = facts.stability {
        figures.push(format!("stability {}", days_text(s)));
    }
    if let Some(d) = facts.difficulty {
        figures.push(format!("difficulty {d:.1}"));
    }
    if let Some(r) = facts.retrievability {
        figures.push(format!("recall now {:.0}%", r * 100.0));
    }
    figures.push(format!("{} reps, {} lapses", facts.reps, facts.lapses));
    lines.push(Line::from(vec![
        label("Card"),
        Span::raw(figures.join(" · ")),
    ]));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
}

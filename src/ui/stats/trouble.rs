//! The trouble tab: the leeches, the cards most often answered Again in the last 30 days, and
//! the pairs confused in Learn and the test, one card a row; the chosen row is highlighted
//! and kept on screen, and Enter opens its card in the browser.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::statistics::{TroubleList, trouble_rows};
use crate::stats::{Stats, TroubleCard};
use crate::ui::Theme;
use crate::ui::text::fit;

/// What the tab says with nothing on any list.
pub const NO_TROUBLE: &str =
    "No trouble cards yet: no leeches, no Again in the last 30 days, no pairs confused.";

pub fn render(stats: &Stats, row: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let rows = trouble_rows(stats);
    if rows.is_empty() {
        Paragraph::new(NO_TROUBLE)
            .style(theme.dim)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let trouble = &stats.trouble;
    let mut lines: Vec<Line<'static>> = vec![Line::styled(
        fit(
            "↑/↓ choose a card, Enter opens it in the card browser.",
            width,
        ),
        theme.dim,
    )];
    let mut chosen_line = 0;
    // Every list under its heading, an empty one saying so, so the tab reads the same
    // whichever lists have cards.
    for list in [
        TroubleList::Leech,
        TroubleList::Again,
        TroubleList::Confused,
    ] {
        lines.push(Line::default());
        let heading = match list {
            TroubleList::Leech => format!("Leeches ({})", trouble.leeches.len()),
            TroubleList::Again => "Most Again in the last 30 days".to_owned(),
            TroubleList::Confused => "Confused in Learn and Test: picked ← asked".to_owned(),
        };
        lines.push(Line::styled(fit(&heading, width), theme.title));
        let mut listed = false;
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.list == list) {
            listed = true;
            if i == row {
                chosen_line = lines.len();
            }
            let style = if i == row {
                theme.selected
            } else {
                ratatui::style::Style::default()
            };
            let text = row_text(stats, r.list, r.index);
            lines.push(Line::styled(fit(&format!("  {text}"), width), style));
        }
        if !listed {
            lines.push(Line::styled(fit("  none yet", width), theme.dim));
        }
    }
    let height = usize::from(area.height);
    let scroll = (chosen_line + 1).saturating_sub(height);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(area, buf);
}

/// The words of entry `index` of `list`.
fn row_text(stats: &Stats, list: TroubleList, index: usize) -> String {
    let trouble = &stats.trouble;
    match list {
        TroubleList::Leech => card_line(&trouble.leeches[index], true),
        TroubleList::Again => card_line(&trouble.most_again[index], false),
        TroubleList::Confused => {
            let pair = &trouble.confused[index];
            format!(
                "{:>3}×  {} ← {}",
                pair.count,
                shown(&pair.chosen_front, &pair.chosen),
                shown(&pair.front, &pair.card)
            )
        }
    }
}

/// A card's front as one line of rendered text, or its id when it has none (its deck was
/// deleted).
fn shown(front: &str, card: &str) -> String {
    if front.trim().is_empty() {
        card.to_owned()
    } else {
        crate::ui::card::plain(front)
    }
}

/// "12 lapses, 3× Again  front": a leech by its lapses, an Again card by its count.
fn card_line(card: &TroubleCard, leech: bool) -> String {
    let front = shown(&card.front, &card.card);
    if leech {
        let suspended = if card.suspended { ", suspended" } else { "" };
        let lapses = crate::english::counted(usize::try_from(card.lapses).unwrap_or(0), "lapse");
        format!("{lapses}{suspended}  {front}")
    } else {
        format!("{:>3}× Again  {front}", card.again)
    }
}

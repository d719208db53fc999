//! The compact form of card text, for a match tile: the card's lines as lines where the tile
//! has room for them all, else one flow of their text with a dim " /" where each line ended.
//! What only leads a line (a quote bar, a bullet, indentation) is left out of the flow, so no
//! drawn mark lands in the middle of a line; a mark ends a line, never starts one.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::wrap::{self, Row};
use super::{Theme, rows};

/// Glues a mark to the word before it, so that wrapping never puts the mark first on a
/// line; a plain space once the lines are made.
const GLUE: char = '\u{a0}';

/// `text` in at most `height` lines of `width` (a match tile; `height` 0: no limit):
/// rendered as a card is at that width, without its blank lines, when they all fit. Else one
/// flow of the lines' text, a dim " /" after each, wrapped at words (a word is cut only if it
/// alone is wider than `width`): a rule is left out, a table is a row a line with its cells
/// between ` · `, a numbered list keeps its numbers; the last line ends in one "…" when cut.
#[must_use]
pub fn compact(
    text: &str,
    width: usize,
    height: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let drawn: Vec<Line<'static>> = rows(text, width, base, theme)
        .into_iter()
        .flat_map(|row| wrap::wrap(row, width))
        .filter(|line| line.spans.iter().any(|s| !s.content.trim().is_empty()))
        .collect();
    if height == 0 || drawn.len() <= height {
        return drawn;
    }
    let mut out = wrap::wrap(flow(text, base, theme), width);
    if out.len() > height {
        out.truncate(height);
        if let Some(last) = out.pop() {
            out.push(cut(last, width, base));
        }
    }
    out.into_iter().map(unglued).collect()
}

/// The card's lines as one row: each line's text without what leads it, a dim " /" between.
fn flow(text: &str, base: Style, theme: &Theme) -> Row {
    let mut pieces: Vec<Span<'static>> = Vec::new();
    // Laid out for no width: a table is a row a line with its cells between dots, a rule is
    // empty (and left out).
    for row in rows(text, 0, base, theme) {
        let numbers = row
            .first
            .into_iter()
            .filter(|lead| is_number(&lead.content));
        let mut spans: Vec<Span<'static>> = numbers.chain(row.pieces).collect();
        trim(&mut spans);
        if spans.is_empty() {
            continue;
        }
        if !pieces.is_empty() {
            pieces.push(Span::styled(format!("{GLUE}/ "), theme.dim));
        }
        // A table's dot between cells holds to the cell before it, as the line's mark does.
        pieces.extend(spans.into_iter().map(|span| {
            if span.content == " · " {
                Span::styled(format!("{GLUE}· "), span.style)
            } else {
                span
            }
        }));
    }
    Row {
        pieces,
        ..Row::default()
    }
}

/// Whether a lead is a numbered list's marker ("1. ", "2) "), which says something.
fn is_number(lead: &str) -> bool {
    let lead = lead.trim();
    lead.len() > 1
        && lead.ends_with(['.', ')'])
        && lead[..lead.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// `spans` without the spaces that start and end them (indentation, a code line's).
fn trim(spans: &mut Vec<Span<'static>>) {
    while let Some(first) = spans.first_mut() {
        let kept = first.content.trim_start().to_owned();
        if kept.is_empty() {
            spans.remove(0);
        } else {
            first.content = kept.into();
            break;
        }
    }
    while let Some(last) = spans.last_mut() {
        let kept = last.content.trim_end().to_owned();
        if kept.is_empty() {
            spans.pop();
        } else {
            last.content = kept.into();
            break;
        }
    }
}

/// `last`, the last line that fits, with one "…" after the words that fit before it: wrapped
/// again a column narrower (a word is cut only if it alone is wider), its first line kept.
fn cut(last: Line<'static>, width: usize, base: Style) -> Line<'static> {
    let narrower = Row {
        pieces: last.spans,
        ..Row::default()
    };
    let mut spans = wrap::wrap(narrower, width.saturating_sub(1).max(1))
        .into_iter()
        .next()
        .map(|line| line.spans)
        .unwrap_or_default();
    if width > 1 {
        spans.push(Span::styled("…", base));
    }
    Line::from(spans)
}

/// `line` with each glue a plain space again.
fn unglued(line: Line<'static>) -> Line<'static> {
    let spans = line
        .spans
        .into_iter()
        .map(|span| {
            if span.content.contains(GLUE) {
                Span::styled(span.content.replace(GLUE, " "), span.style)
            } else {
                span
            }
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

//! A typed answer on the review screen: the field on the question side, and on the answer
//! side the verdict and the comparison (Anki's type-in comparison: the typed line, an arrow,
//! the answer line). The marks are styles that read without colour too: wrong characters
//! reversed (a red background in colour), missing ones underlined, and a `-` on the typed
//! line for each missing character.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use unicode_segmentation::UnicodeSegmentation;

use super::super::{Theme, card};
use crate::app::AnswerField;
use crate::session::compare::{Comparison, Mark, Piece};
use crate::session::grade::Grade;
use crate::session::review::typed::Checked;

/// The field as lines of `width` columns: `› ` and the text, the cursor a reversed cell
/// while `focused`.
#[must_use]
pub fn field_lines(field: &AnswerField, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let (before, after) = field.input.split();
    let mut spans = vec![Span::styled("› ", theme.key), Span::raw(before.to_owned())];
    if field.focused {
        let mut rest = after.graphemes(true);
        let under = rest.next().unwrap_or(" ");
        spans.push(Span::styled(under.to_owned(), theme.selected));
        spans.push(Span::raw(rest.collect::<String>()));
    } else {
        spans.push(Span::raw(after.to_owned()));
    }
    cut(spans, width)
}

/// How each mark is drawn: right in the review colour, wrong reversed over the error colour,
/// missing underlined; the modifiers keep them apart in the monochrome theme.
#[must_use]
pub fn mark_style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Right => theme.review,
        Mark::Wrong => theme.error.add_modifier(Modifier::REVERSED),
        Mark::Missing => theme.notice.add_modifier(Modifier::UNDERLINED),
    }
}

/// The verdict's line, then the comparison, in at most `rows` lines of `width` columns. The
/// answer's line gets its rows first, so that the right answer always shows: the typed line
/// takes what is left (two rows at most when short of room, its last ending in "…" when
/// cut), and the `↓` between them, as Anki has it, only where everything else fits.
#[must_use]
pub fn checked_lines(
    checked: &Checked,
    theme: &Theme,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let mut verdict = vec![match checked.verdict {
        None => Span::styled("Nothing typed; the answer:", theme.dim),
        Some(Grade::Correct) => Span::styled("✓ Correct", theme.review),
        Some(Grade::Accents) => Span::styled("≈ Right but for the accents", theme.notice),
        Some(Grade::Close) => Span::styled("≈ Right but for a typo", theme.notice),
        Some(Grade::KeyWords) => Span::styled("≈ The key words are there", theme.notice),
        Some(Grade::Wrong) => Span::styled("✗ Wrong", theme.error),
    }];
    // The highlighted button says it too: the words go where they do not fit.
    if let Some(rating) = checked.suggested() {
        let words = format!(" · {} suggested", rating.label());
        if verdict[0].width() + words.chars().count() <= width {
            verdict.push(Span::styled(words, theme.dim));
        }
    }
    let mut lines = capped(cut(verdict, width), 1, width, theme);
    let room = rows.saturating_sub(lines.len()).max(1);
    let pieces = |pieces: &[Piece]| -> Vec<Span<'static>> {
        pieces
            .iter()
            .map(|piece| Span::styled(piece.text.clone(), mark_style(piece.mark, theme)))
            .collect()
    };
    match &checked.comparison {
        Comparison::Untyped(answer) => {
            lines.extend(capped(
                cut(vec![answer.clone().into()], width),
                room,
                width,
                theme,
            ));
        }
        Comparison::Same(answer) => {
            let answer = vec![Span::styled(answer.clone(), mark_style(Mark::Right, theme))];
            lines.extend(capped(cut(answer, width), room, width, theme));
        }
        Comparison::Differs { typed, expected } => {
            let typed = cut(pieces(typed), width);
            let expected = cut(pieces(expected), width);
            // The answer first, a row left for the typed line when there is one to leave.
            let expected_rows = expected.len().min(room.saturating_sub(1).max(1));
            let left = room - expected_rows;
            let typed_rows = if typed.len() <= left {
                typed.len()
            } else {
                left.min(2)
            };
            let arrow = typed_rows == typed.len() && typed_rows + expected_rows < room;
            lines.extend(capped(typed, typed_rows, width, theme));
            if arrow {
                lines.push(Line::styled("↓", theme.dim));
            }
            lines.extend(capped(expected, expected_rows, width, theme));
        }
    }
    lines
}

/// The first `rows` of `lines`, the last ending in a dim "…" when some were left out.
fn capped(
    mut lines: Vec<Line<'static>>,
    rows: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if lines.len() <= rows {
        return lines;
    }
    lines.truncate(rows);
    if let Some(mut last) = lines.pop() {
        last.spans.push(Span::styled("…", theme.dim));
        lines.push(super::super::text::fit_line(last, width));
    }
    lines
}

/// `spans` as lines of at most `width` columns, cut between characters wherever a line is
/// full: every character stays, spaces included (a wrong space is marked too), as Anki's
/// comparison keeps them.
fn cut(spans: Vec<Span<'static>>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in spans {
        let mut piece = String::new();
        for cluster in span.content.graphemes(true) {
            let columns = card::columns(cluster);
            if used + columns > width && used > 0 {
                line.push(Span::styled(std::mem::take(&mut piece), span.style));
                lines.push(Line::from(std::mem::take(&mut line)));
                used = 0;
            }
            piece.push_str(cluster);
            used += columns;
        }
        line.push(Span::styled(piece, span.style));
    }
    lines.push(Line::from(line));
    lines
}

#[cfg(test)]
mod tests;

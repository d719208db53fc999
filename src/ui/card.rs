//! The one renderer of card text: a card side (plain or Markdown, with a cloze card's marked
//! deletions) as styled lines for a width. Every screen that shows card text draws it through
//! here; where the lines go (centred, left, in a tile) is the caller's. A card without
//! Markdown is wrapped as plain text, exactly as before Markdown came (`ui::text::wrap`);
//! tabs are expanded to the next multiple of 4 columns either way.

mod code;
mod compact;
mod dollars;
mod markdown;
pub mod math;
mod spoken;
mod table;
mod wrap;

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Theme, text};
pub use compact::compact;
pub use spoken::spoken;
pub use wrap::columns;

/// Columns between tab stops, as most editors and terminals set them.
pub const TAB_STOP: usize = 4;

/// `text` as lines of at most `width` columns, plain text in `base`.
#[must_use]
pub fn lines(text: &str, width: usize, base: Style, theme: &Theme) -> Vec<Line<'static>> {
    marked(text, &[], width, base, theme)
}

/// `text` as lines of at most `width` columns, plain text in `base` and the byte ranges
/// `marked` (a cloze card's deletions on its answer side) in the theme's highlight.
#[must_use]
pub fn marked(
    text: &str,
    marked: &[Range<usize>],
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (text, marked) = prepared(text, marked);
    if !markdown::is_markdown(&text) {
        if marked.is_empty() {
            return text::wrap(&text, width)
                .into_iter()
                .map(|line| Line::styled(line, base))
                .collect();
        }
        return text::wrap_marked(&text, &marked, width, (base, theme.highlight));
    }
    // As plain text does, never narrower than 8 columns.
    let width = width.max(8);
    markdown::rows(&text, &marked, width, base, theme)
        .into_iter()
        .flat_map(|row| wrap::wrap(row, width))
        .collect()
}

/// `text` as one line of plain text, as the renderer shows it: no Markdown marks, math as
/// Unicode, pictures as `[image: alt] (file)`, a table's rows with their cells between ` · `,
/// a rule as `───`, its lines joined by single spaces and control characters gone. For places
/// of one line without styles (a table's column, a summary); speech reads [`spoken`].
#[must_use]
pub fn plain(text: &str) -> String {
    // Laid out for 3 columns: a rule is a short "───" and a table is row after row with its
    // cells between dots, as they read on one line; `rows` wraps nothing else.
    let joined = row_texts(text, 3).join(" ").replace(char::is_control, " ");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a user would type it: the rendered text without its pictures and sounds (they
/// are not typed: `Peru ![map](x.png)` is `Peru`), Markdown marks gone, escapes resolved,
/// math as Unicode, a rule left out; a line a row of the card, each trimmed, blank ones
/// dropped. What a typed answer is graded and compared with, in every mode
/// (`session::grade::grade`, `session::compare::compare`).
#[must_use]
pub fn answer_text(text: &str) -> String {
    let without_media = crate::deck::media::without_references(text);
    // Wide enough that nothing but a table is laid out for the width.
    let shown: Vec<String> = row_texts(&without_media, 1000)
        .into_iter()
        .map(|line| line.replace(char::is_control, " ").trim().to_owned())
        .filter(|line| !line.is_empty() && !line.chars().all(|c| c == '─'))
        .collect();
    shown.join("\n")
}

/// The text of each of `text`'s [`rows`] for `width`, unstyled.
fn row_texts(text: &str, width: usize) -> Vec<String> {
    rows(text, width, Style::new(), &Theme::default())
        .into_iter()
        .map(|row| {
            let spans = row.first.iter().chain(&row.pieces);
            spans.map(|span| span.content.as_ref()).collect()
        })
        .collect()
}

/// `text`'s logical lines before wrapping, laid out for `width` (tables and rules): Markdown
/// as [`markdown::rows`] gives them, plain text a row a line (a list item's later rows
/// under its text).
fn rows(text: &str, width: usize, base: Style, theme: &Theme) -> Vec<wrap::Row> {
    let (text, _) = prepared(text, &[]);
    if markdown::is_markdown(&text) {
        return markdown::rows(&text, &[], width, base, theme);
    }
    // A list item's wrapped lines hang under its text, as `text::wrap` hangs them.
    text.lines()
        .map(|line| wrap::Row {
            rest: vec![Span::raw(" ".repeat(text::list_marker_width(line)))],
            pieces: vec![Span::styled(line.to_owned(), base)],
            ..wrap::Row::default()
        })
        .collect()
}

/// `lead` (an option's key) and then `text` rendered in what is left of `width`, its later
/// lines under its first: "  1  Account managers and" / "     channel managers." Without
/// the blank rows between the text's blocks (around a rule, between paragraphs): in a list
/// of options a blank row would read as the gap between two of them.
#[must_use]
pub fn hanging(
    lead: Span<'static>,
    text: &str,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = columns(&lead.content);
    let mut lead = Some(lead);
    lines(text, width.saturating_sub(indent), base, theme)
        .into_iter()
        .filter(|line| {
            line.spans
                .iter()
                .any(|span| !span.content.trim().is_empty())
        })
        .map(|line| {
            // The line's style to its text, not to the lead before it.
            let style = line.style;
            let mut spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|span| Span::styled(span.content, style.patch(span.style)))
                .collect();
            let first = lead.take().unwrap_or_else(|| Span::raw(" ".repeat(indent)));
            spans.insert(0, first);
            Line::from(spans)
        })
        .collect()
}

/// `lines` moved right as one block to the middle of `width` columns, so that a list stays
/// aligned where centring each line would not.
#[must_use]
pub fn centred(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let pad = width.saturating_sub(widest) / 2;
    if pad == 0 {
        return lines;
    }
    lines
        .into_iter()
        .map(|mut line| {
            if line.width() > 0 {
                line.spans.insert(0, Span::raw(" ".repeat(pad)));
            }
            line
        })
        .collect()
}

/// `text` as every layout reads it: tabs expanded, sounds shown as text and unclosed `$`
/// escaped, with `marked` moved to match.
fn prepared<'t>(text: &'t str, marked: &[Range<usize>]) -> (Cow<'t, str>, Vec<Range<usize>>) {
    let (text, marked) = expand_tabs(text, marked);
    let (text, marked) = show_sounds(text, marked);
    unclosed_dollars(text, marked)
}

/// `text` with each tab replaced by the spaces up to the next multiple of [`TAB_STOP`]
/// columns of its line, and `marked` moved to match.
fn expand_tabs<'t>(text: &'t str, marked: &[Range<usize>]) -> (Cow<'t, str>, Vec<Range<usize>>) {
    if !text.contains('\t') {
        return (Cow::Borrowed(text), marked.to_vec());
    }
    let mut out = String::with_capacity(text.len() + 16);
    // (byte in `text`, bytes added before it so far), at each tab.
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    let mut column = 0;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '\t' => {
                out.push_str(&text[start..at]);
                column += columns(&text[start..at]);
                let spaces = TAB_STOP - column % TAB_STOP;
                out.push_str(&" ".repeat(spaces));
                column += spaces;
                start = at + 1;
                let added = shifts.last().map_or(0, |s| s.1) + spaces - 1;
                shifts.push((at, added));
            }
            '\n' => {
                out.push_str(&text[start..=at]);
                start = at + 1;
                column = 0;
            }
            _ => {}
        }
    }
    out.push_str(&text[start..]);
    (Cow::Owned(out), moved(marked, &shifts))
}

/// Each sound, `[sound:path/file]`, as `[sound: file]` (its file name, as a picture is
/// named): what the card shows where the runtime plays it (or has no player to), and `marked`
/// moved to match.
fn show_sounds(text: Cow<'_, str>, marked: Vec<Range<usize>>) -> (Cow<'_, str>, Vec<Range<usize>>) {
    use crate::deck::media::{MediaKind, references};
    // Each sound's path (its byte offset) and the bytes of its folders before the file name.
    let sounds: Vec<(usize, usize)> = references(&text)
        .iter()
        .filter(|r| r.kind == MediaKind::Sound && r.offset == r.start + "[sound:".len())
        .map(|r| (r.offset, r.path.rfind('/').map_or(0, |slash| slash + 1)))
        .collect();
    if sounds.is_empty() {
        return (text, marked);
    }
    let mut out = String::with_capacity(text.len() + sounds.len());
    let mut start = 0;
    for &(at, folders) in &sounds {
        out.push_str(&text[start..at]);
        out.push(' ');
        start = at + folders;
    }
    out.push_str(&text[start..]);
    // An offset past a sound's folders moves by the space added less the folders taken; one
    // inside them comes to the file name.
    let moved = |offset: usize| {
        let mut new = offset;
        for &(at, folders) in &sounds {
            if offset >= at + folders {
                new = new + 1 - folders;
            } else if offset >= at {
                new = new + 1 - (offset - at);
            }
        }
        new
    };
    let marked = marked
        .iter()
        .map(|m| moved(m.start)..moved(m.end))
        .collect();
    (Cow::Owned(out), marked)
}

/// `text` with each `$` that opens a formula it never closes escaped, to show as written
/// ([`dollars`]), and `marked` moved to match.
fn unclosed_dollars(
    text: Cow<'_, str>,
    marked: Vec<Range<usize>>,
) -> (Cow<'_, str>, Vec<Range<usize>>) {
    if !text.contains('$') {
        return (text, marked);
    }
    let (escaped, shifts) = dollars::escape_unclosed(&text);
    if shifts.is_empty() {
        return (text, marked);
    }
    let escaped = escaped.into_owned();
    (Cow::Owned(escaped), moved(&marked, &shifts))
}

/// `marked` with each offset after a shift's byte moved on by that shift's bytes added so
/// far; `shifts` are (byte in the old text, bytes added up to it), in order.
fn moved(marked: &[Range<usize>], shifts: &[(usize, usize)]) -> Vec<Range<usize>> {
    let moved = |offset: usize| {
        offset
            + shifts
                .iter()
                .take_while(|(at, _)| *at < offset)
                .last()
                .map_or(0, |s| s.1)
    };
    marked
        .iter()
        .map(|m| moved(m.start)..moved(m.end))
        .collect()
}

#[cfg(test)]
mod tests;

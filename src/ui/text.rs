//! Card text for a terminal: wrapped to the width, with numbered and bulleted lists kept as
//! lists (wrapped lines indent under their item's text).

use std::borrow::Cow;
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use textwrap::WordSplitter;
pub use textwrap::core::display_width;

mod clusters;
use clusters::wrap_line;

/// The display lines of `text` at `width` columns.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        let indent = " ".repeat(list_marker_width(line));
        let rows = wrap_line(
            line.trim_end(),
            width,
            &indent,
            &WordSplitter::HyphenSplitter,
        );
        out.extend(rows.into_iter().map(Cow::into_owned));
    }
    out
}

/// The display lines of a message at `width` columns, broken only at spaces: a date or a
/// path stays whole on its line (where [`wrap`] may break after a hyphen).
#[must_use]
pub fn wrap_at_spaces(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    text.lines()
        .flat_map(|line| wrap_line(line.trim_end(), width, "", &WordSplitter::NoHyphenation))
        .map(Cow::into_owned)
        .collect()
}

/// The display lines of `text` at `width` columns, drawn in `plain` except the byte ranges
/// `marked`, drawn in `mark` (a cloze card's deletions on its answer side). No list indents.
#[must_use]
pub fn wrap_marked(
    text: &str,
    marked: &[Range<usize>],
    width: usize,
    (plain, mark): (Style, Style),
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let base = line_start;
        line_start += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            out.push(Line::from(""));
            continue;
        }
        let rows = wrap_line(
            line.trim_end(),
            width.max(8),
            "",
            &WordSplitter::HyphenSplitter,
        );
        for piece in rows {
            // Without indents textwrap lends slices of `line`, so each one's place is known.
            let Cow::Borrowed(piece) = piece else {
                out.push(Line::styled(piece.into_owned(), plain));
                continue;
            };
            let start = base + (piece.as_ptr() as usize - line.as_ptr() as usize);
            out.push(marked_line(
                text,
                start..start + piece.len(),
                marked,
                (plain, mark),
            ));
        }
    }
    out
}

/// The bytes `range` of `text` as one line, split where `marked` ranges begin and end.
fn marked_line(
    text: &str,
    range: Range<usize>,
    marked: &[Range<usize>],
    (plain, mark): (Style, Style),
) -> Line<'static> {
    let mut cuts = vec![range.start, range.end];
    for m in marked {
        cuts.extend([m.start, m.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .filter_map(|pair| {
            let piece = text.get(pair[0]..pair[1])?;
            let inside = marked
                .iter()
                .any(|m| m.start <= pair[0] && pair[1] <= m.end);
            Some(Span::styled(
                piece.to_owned(),
                if inside { mark } else { plain },
            ))
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// The first of the keys a key label names: `?` of `?/q`, `3` of `3/Space`.
#[must_use]
pub fn first_key(label: &str) -> &str {
    label.split('/').next().unwrap_or(label)
}

/// Width of a leading list marker with its spaces (`"  1. "`, `"- "`), or 0: the
/// columns a list item's wrapped lines hang in by.
pub fn list_marker_width(line: &str) -> usize {
    let body = line.trim_start();
    let lead = line.len() - body.len();
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && body[digits..].starts_with(['.', ')']) {
        digits + 1
    } else if body.starts_with(['-', '*', '•']) {
        body.chars().next().map_or(0, char::len_utf8)
    } else {
        return 0;
    };
    let rest = &body[marker..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 {
        return 0;
    }
    // Columns, not bytes: the marker is ASCII except for the bullet, which is one column.
    lead + body[..marker].chars().count() + spaces
}

#[must_use]
/// `text` cut to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_owned();
    }
    // The "…" takes the last column.
    let mut cut = first_columns(text, width.saturating_sub(1));
    cut.push('…');
    cut
}

/// `lead` (a key, a label) and then `text` wrapped to what is left of `width`, its later lines
/// under its first, not under the lead: "  1  Account managers and" / "     channel managers."
#[must_use]
pub fn hanging(lead: Span<'_>, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let indent = display_width(&lead.content);
    let mut lead = Some(Span::styled(lead.content.into_owned(), lead.style));
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .map(|row| {
            let first = lead.take().unwrap_or_else(|| Span::raw(" ".repeat(indent)));
            Line::from(vec![first, Span::styled(row, style)])
        })
        .collect()
}

/// `line` cut to `width` columns, its spans' styles kept, ending in "…" when cut.
#[must_use]
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'static> {
    let style = line.style;
    let whole = line.width() <= width;
    // The "…" takes the last column of a cut line.
    let mut room = if whole {
        width
    } else {
        width.saturating_sub(1)
    };
    let mut spans = Vec::new();
    for span in line.spans {
        let columns = display_width(&span.content);
        if columns <= room {
            room -= columns;
            spans.push(Span::styled(span.content.into_owned(), span.style));
            continue;
        }
        let mut cut = first_columns(&span.content, room);
        if width > 0 {
            cut.push('…');
        }
        spans.push(Span::styled(cut, span.style));
        break;
    }
    Line::from(spans).style(style)
}

/// The longest start of `text` that takes at most `width` columns, in whole grapheme
/// clusters (a flag is never cut in half).
fn first_columns(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let (mut cut, mut used) = (String::new(), 0);
    for cluster in text.graphemes(true) {
        used += super::card::columns(cluster);
        if used > width {
            break;
        }
        cut.push_str(cluster);
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hanging_text_wraps_under_itself() {
        let lines = hanging(
            Span::raw("  1  "),
            "Account managers and channel managers.",
            22,
            Style::new(),
        );
        let rows: Vec<String> = lines.iter().map(ToString::to_string).collect();
        // 17 columns for the text after the five of the lead.
        assert_eq!(
            rows,
            [
                "  1  Account managers",
                "     and channel",
                "     managers."
            ]
        );
    }

    #[test]
    fn a_cut_line_keeps_its_styles_and_ends_in_an_ellipsis() {
        use ratatui::style::Modifier;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = || {
            Line::from(vec![
                Span::styled("Spanish", bold),
                Span::raw(" · ahead 7d"),
            ])
        };
        assert_eq!(fit_line(line(), 40), line());
        // 12 columns: "Spanish" (7), then " · a" and the "…".
        let cut = fit_line(line(), 12);
        assert_eq!(cut.to_string(), "Spanish · a…");
        assert_eq!(cut.spans[0].style, bold);
        assert_eq!(fit_line(line(), 5).to_string(), "Span…");
        assert_eq!(fit_line(line(), 5).spans.len(), 1);
        // Cut right after the first span: the "…" still shows.
        assert_eq!(fit_line(line(), 8).to_string(), "Spanish…");
        assert_eq!(fit_line(line(), 0).to_string(), "");
    }

    #[test]
    fn lists_wrap_under_their_text() {
        let text = "1. Customers are selected and grouped by potential,\n2. a team is formed.";
        assert_eq!(
            wrap(text, 24),
            [
                "1. Customers are",
                "   selected and grouped",
                "   by potential,",
                "2. a team is formed.",
            ]
        );
        assert_eq!(
            wrap("- one two three four", 12),
            ["- one two", "  three four"]
        );
        assert_eq!(
            wrap("• ünïcödé wörds here", 12),
            ["• ünïcödé", "  wörds here"]
        );
    }

    #[test]
    fn plain_text_and_blank_lines() {
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(
            wrap("3.5 is not a list item", 10),
            ["3.5 is not", "a list", "item"]
        );
        assert_eq!(wrap("-5 degrees", 40), ["-5 degrees"]);
    }

    #[test]
    fn marked_text_keeps_its_marks_across_wrapped_lines() {
        use ratatui::style::Modifier;
        let (plain, mark) = (Style::new(), Style::new().add_modifier(Modifier::BOLD));
        // "Oxygen and hydrogen make water": "hydrogen" is bytes 11..19, "water" 25..30; a
        // wrapped line drops its trailing space.
        let lines = wrap_marked(
            "Oxygen and hydrogen make water\nExtra",
            &[11..19, 25..30],
            15,
            (plain, mark),
        );
        let shown: Vec<Vec<(String, bool)>> = lines
            .iter()
            .map(|line| {
                line.spans
                    .iter()
                    .map(|s| (s.content.to_string(), s.style == mark))
                    .collect()
            })
            .collect();
        let span = |text: &str, marked: bool| (text.to_owned(), marked);
        assert_eq!(
            shown,
            [
                vec![span("Oxygen and", false)],
                vec![span("hydrogen", true), span(" make", false)],
                vec![span("water", true)],
                vec![span("Extra", false)],
            ]
        );
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        assert_eq!(wrap("日本語のテキスト", 8), ["日本語の", "テキスト"]);
    }
}

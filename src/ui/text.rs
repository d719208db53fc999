//! Card text for a terminal: wrapped to the width, with numbered and bulleted lists kept as
//! lists (wrapped lines indent under their item's text).

use textwrap::Options;
use textwrap::core::display_width;

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
        let options = Options::new(width).subsequent_indent(&indent);
        out.extend(
            textwrap::wrap(line.trim_end(), options)
                .into_iter()
                .map(std::borrow::Cow::into_owned),
        );
    }
    out
}

/// The first of the keys a key label names: `?` of `?/q`, `3` of `3/Space`.
#[must_use]
pub fn first_key(label: &str) -> &str {
    label.split('/').next().unwrap_or(label)
}

/// Width of a leading list marker with its spaces (`"  1. "`, `"- "`), or 0.
fn list_marker_width(line: &str) -> usize {
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
    // One pass, adding up each character's columns; the "…" takes the last one.
    let room = width.saturating_sub(1);
    let (mut cut, mut used) = (String::new(), 0);
    for c in text.chars() {
        used += display_width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn wide_characters_count_as_two_columns() {
        assert_eq!(wrap("日本語のテキスト", 8), ["日本語の", "テキスト"]);
    }
}

//! The text of one `[[cards]]` table, with the toml crate's own string escaping
//! (`toml_writer`), and the line breaks that join it to a file.

use std::fmt::Write as _;

use toml_writer::{ToTomlValue, TomlStringBuilder};

use super::NewCard;

/// The line break a file uses, so that an appended card uses it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineEnding {
    Lf,
    CrLf,
}

impl LineEnding {
    /// The style of the file's first line break; `\n` when it has none.
    pub(super) fn of(text: &str) -> Self {
        match text.find('\n') {
            Some(at) if text[..at].ends_with('\r') => Self::CrLf,
            _ => Self::Lf,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Lf => "\n",
            Self::CrLf => "\r\n",
        }
    }
}

/// What goes between a file's text and an appended table: a line break when the last line
/// has none (so the table does not land in a comment or a value), then one blank line to
/// separate it from what is above, as cards are separated in the documented format. Nothing
/// for an empty file.
pub(super) fn separator(text: &str, eol: LineEnding) -> String {
    let mut separator = String::new();
    if text.is_empty() {
        return separator;
    }
    if !text.ends_with('\n') {
        separator.push_str(eol.as_str());
    }
    let complete = format!("{text}{separator}");
    let last_line = complete[..complete.len() - 1]
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    if !last_line.trim().is_empty() {
        separator.push_str(eol.as_str());
    }
    separator
}

/// `[[cards]]` and the card's keys, each line ended by `eol`.
pub(super) fn table(card: &NewCard, eol: LineEnding) -> String {
    format!("[[cards]]{}{}", eol.as_str(), body(card, eol))
}

/// The card's keys without the `[[cards]]` line: `id`, `front`, `back`, `hint`, `tags` and
/// `reverse`, the optional ones only when set. A blank hint is left out, as the loader drops it.
pub(super) fn body(card: &NewCard, eol: LineEnding) -> String {
    let mut lines = Vec::new();
    if let Some(id) = &card.id {
        lines.push(format!("id = {}", string(id, eol)));
    }
    lines.push(format!("front = {}", string(&card.front, eol)));
    lines.push(format!("back = {}", string(&card.back, eol)));
    if let Some(hint) = card.hint.as_ref().filter(|h| !h.trim().is_empty()) {
        lines.push(format!("hint = {}", string(hint, eol)));
    }
    if !card.tags.is_empty() {
        let tags: Vec<String> = card.tags.iter().map(|tag| string(tag, eol)).collect();
        lines.push(format!("tags = [{}]", tags.join(", ")));
    }
    if card.reverse {
        lines.push("reverse = true".to_owned());
    }
    let mut text = String::new();
    for line in lines {
        let _ = write!(text, "{line}{}", eol.as_str());
    }
    text
}

/// A TOML string holding exactly `value`. The toml crate picks the plainest form that holds
/// it (multi-line for text with line breaks). In a CRLF file a multi-line string would read
/// back with `\r\n` in it, so text with line breaks is written on one line with `\n` escapes.
fn string(value: &str, eol: LineEnding) -> String {
    let builder = TomlStringBuilder::new(value);
    let encoded = if eol == LineEnding::CrLf && value.contains('\n') {
        builder.as_basic()
    } else {
        builder.as_default()
    };
    encoded.to_toml_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_break_decides_the_style() {
        assert_eq!(LineEnding::of("a\r\nb\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::of("a\nb\r\n"), LineEnding::Lf);
        assert_eq!(LineEnding::of("no break"), LineEnding::Lf);
        assert_eq!(LineEnding::of(""), LineEnding::Lf);
    }

    #[test]
    fn the_separator_ends_the_last_line_and_leaves_one_blank_line() {
        let lf = LineEnding::Lf;
        assert_eq!(separator("", lf), "");
        assert_eq!(separator("x = 1", lf), "\n\n");
        assert_eq!(separator("x = 1\n", lf), "\n");
        assert_eq!(separator("x = 1\n\n", lf), "");
        assert_eq!(separator("x = 1\n   ", lf), "\n");
        assert_eq!(separator("# last words", lf), "\n\n");
        let crlf = LineEnding::CrLf;
        assert_eq!(separator("x = 1\r\n", crlf), "\r\n");
        assert_eq!(separator("x = 1", crlf), "\r\n\r\n");
        assert_eq!(separator("x = 1\r\n\r\n", crlf), "");
    }

    #[test]
    fn a_table_lists_only_the_keys_that_are_set() {
        let card = NewCard {
            front: "el perro".into(),
            back: "the dog".into(),
            ..NewCard::default()
        };
        assert_eq!(
            table(&card, LineEnding::Lf),
            "[[cards]]\nfront = \"el perro\"\nback = \"the dog\"\n"
        );
        let full = NewCard {
            id: Some("dog".into()),
            hint: Some("woof".into()),
            tags: vec!["animals".into(), "a1".into()],
            reverse: true,
            ..card
        };
        assert_eq!(
            table(&full, LineEnding::CrLf),
            "[[cards]]\r\nid = \"dog\"\r\nfront = \"el perro\"\r\nback = \"the dog\"\r\n\
             hint = \"woof\"\r\ntags = [\"animals\", \"a1\"]\r\nreverse = true\r\n"
        );
    }

    #[test]
    fn strings_are_escaped_by_the_toml_writer() {
        let lf = LineEnding::Lf;
        // Quotes and backslashes without line breaks: a literal string needs no escapes.
        assert_eq!(string(r#"say "hi" \o/"#, lf), r#"'say "hi" \o/'"#);
        // Line breaks: a multi-line string whose first break is the one TOML trims.
        assert_eq!(string("a\nb", lf), "\"\"\"\na\nb\"\"\"");
        // In a CRLF file the same text stays on one line.
        assert_eq!(string("a\nb", LineEnding::CrLf), r#""a\nb""#);
        // A control character is escaped.
        assert_eq!(string("bell\u{7}", lf), r#""bell\u0007""#);
    }
}

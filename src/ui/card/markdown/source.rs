//! What the events alone do not say, read from a card's source: whether it uses Markdown at
//! all, whether a blank line parts two blocks, whether a heading is a setext one, whether a
//! piece of text is an entity.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

/// The extensions card text has beyond `CommonMark`. Subscript is on only so that a single
/// `~` pair is not strikethrough (pulldown-cmark then strikes only `~~`, as the deck format
/// says); the subscript itself is drawn as written, tildes and all.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_MATH
}

/// Whether `text` uses any Markdown that plain wrapping would show differently: emphasis,
/// code, headings, quotes, links, tables, math, rules or an escape. Paragraphs, lists and
/// indented lines alone draw the same either way, so such a card keeps the plain path.
#[must_use]
pub fn is_markdown(text: &str) -> bool {
    let escape = |pair: &[u8]| pair[0] == b'\\' && pair[1].is_ascii_punctuation();
    if text.as_bytes().windows(2).any(escape) {
        return true;
    }
    Parser::new_ext(text, options())
        .into_offset_iter()
        .any(|(event, range)| match event {
            Event::Start(
                Tag::Paragraph
                | Tag::List(_)
                | Tag::Item
                | Tag::CodeBlock(CodeBlockKind::Indented)
                | Tag::Subscript,
            )
            | Event::End(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Html(_)
            | Event::InlineHtml(_) => false,
            // An escape: the text is not its source (an entity is shown as written).
            Event::Text(shown) => text
                .get(range)
                .is_none_or(|source| source != &*shown && !is_entity(source)),
            _ => true,
        })
}

/// Whether a blank line (spaces, tabs and quote marks `>` only) lies in `source` between the
/// line holding byte `end - 1` (where something ended) and the line holding byte `start`.
pub fn blank_line_between(source: &str, end: usize, start: usize) -> bool {
    let start = start.min(source.len());
    let end = end.min(start);
    let line_start = source[..start].rfind('\n').map_or(0, |at| at + 1);
    if end >= line_start {
        return false;
    }
    let mut between = &source[end..line_start];
    // The rest of the line where the last thing ended is no line between.
    if end > 0 && source.as_bytes()[end - 1] != b'\n' {
        between = between.split_once('\n').map_or("", |(_, rest)| rest);
    }
    between
        .lines()
        .any(|line| line.trim_matches([' ', '\t', '>', '\r']).is_empty())
}

/// The underline of a setext heading's source (`Title` over `===`, `text` over `---`), as
/// written and trimmed; `None` for an ATX heading (`# Title`).
pub fn setext_underline(heading: &str) -> Option<String> {
    let (_, last) = heading.trim_end().rsplit_once('\n')?;
    let last = last.trim();
    let underline =
        !last.is_empty() && (last.chars().all(|c| c == '=') || last.chars().all(|c| c == '-'));
    underline.then(|| last.to_owned())
}

/// Whether `source` is one HTML entity or numeric character reference (`&amp;`, `&#169;`).
pub fn is_entity(source: &str) -> bool {
    source.len() > 2
        && source.starts_with('&')
        && source.ends_with(';')
        && source[1..source.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '#')
}

//! What speech reads of card text: the words the Markdown parser finds in it (text, code,
//! math as Unicode), never the marks the renderer draws around them (quote bars, bullets,
//! table rules and dots, `───`), nor pictures, HTML tags or footnote marks, as Anki's speech
//! reads a field's text without its HTML.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{markdown, math};

/// `text`'s words on one line: blocks, list items, table cells and line breaks apart by a
/// space (before and after each, so that an item's words never run into those of a list
/// nested in it), the rest as written: a Markdown escape (`\\*`) as the character it escapes,
/// any other backslash as the text it is (`C:\\Users\\bob`), never a control character.
#[must_use]
pub fn spoken(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Inside a picture: its alt text is the picture's, not the card's words.
    let mut pictures = 0usize;
    for event in Parser::new_ext(text, markdown::options()) {
        match event {
            Event::Start(Tag::Image { .. }) => pictures += 1,
            Event::End(TagEnd::Image) => pictures = pictures.saturating_sub(1),
            _ if pictures > 0 => {}
            Event::Text(words) | Event::Code(words) => out.push_str(&words),
            Event::InlineMath(source) | Event::DisplayMath(source) => {
                out.push_str(&math::to_unicode(&source).unwrap_or_else(|| source.to_string()));
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::Start(tag) if starts_a_block(&tag) => out.push(' '),
            Event::End(tag) if ends_a_block(tag) => out.push(' '),
            _ => {}
        }
    }
    let words = out.replace(char::is_control, " ");
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `tag` starts a block (a nested list, a paragraph, an item), before which words
/// are apart.
fn starts_a_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// Whether `tag` ends a block (a paragraph, an item, a cell), after which words are apart;
/// emphasis, links and the like end inside a word's sentence.
fn ends_a_block(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::spoken;

    #[test]
    fn nested_items_and_headings_are_apart_from_their_parent() {
        assert_eq!(
            spoken("- apple\n  - banana\n- cherry"),
            "apple banana cherry"
        );
        assert_eq!(spoken("1. uno\n   1. dos\n2. tres"), "uno dos tres");
        assert_eq!(
            spoken("# Title\n1. one\n2. two\n   - nested\n\nafter"),
            "Title one two nested after"
        );
        assert_eq!(spoken("> quoted\n> - item\n\nnext"), "quoted item next");
    }

    #[test]
    fn backslashes_are_text_and_markdown_escapes_their_character() {
        // As drawn: `\b`, `\a`, `\n` are no escapes in Markdown, `\\` and `\%` are.
        let text = r"Path C:\Users\bob and \alpha and a\\b and 50\% and \n here \back \*";
        assert_eq!(
            spoken(text),
            r"Path C:\Users\bob and \alpha and a\b and 50% and \n here \back *"
        );
    }
}

//! The `$EDITOR` path: a commented snippet the user fills in, and reading it back as a card by
//! the same rules as a card in a deck file.

use std::path::Path;

use super::NewCard;
use crate::deck::{DeckId, Problem, parse};

/// What the problems of a written card name as their file.
pub const WRITTEN_PATH: &str = "<new card>";

/// The snippet a user fills in to add a card to `deck`: `front`, `back` and `tags`, with the
/// optional keys commented out. Read it back with [`parse_written`]; as written it is refused
/// (`front` and `back` are empty), so a user who saves it untouched adds nothing.
#[must_use]
pub fn template(deck: &DeckId) -> String {
    template_with(deck, &NewCard::default())
}

/// [`template`] with `card`'s front, back and tags filled in (what the form held when the
/// user chose the editor instead).
#[must_use]
pub fn template_with(deck: &DeckId, card: &NewCard) -> String {
    let quoted = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let tags = toml::Value::Array(
        card.tags
            .iter()
            .map(|tag| toml::Value::String(tag.clone()))
            .collect(),
    );
    // A deck id is a file path, which may hold a line break; it must not end the comment.
    let deck: String = deck
        .as_str()
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    format!(
        "# A new card for the deck `{deck}`. Fill in `front` and `back`, then save and close.\n\
         # Text over several lines goes between triple quotes:\n\
         #   back = \"\"\"\n\
         #   first line\n\
         #   second line\"\"\"\n\
         front = {front}\n\
         back = {back}\n\
         tags = {tags}\n\
         # hint = \"\"         # a clue shown before the answer\n\
         # reverse = true    # also study back -> front, as a card of its own\n\
         # id = \"\"           # a key of your own (letters, digits, - _ .) to edit the front freely\n",
        front = quoted(&card.front),
        back = quoted(&card.back),
    )
}

/// The card the user wrote from [`template`]: its keys checked as a deck file's card would be.
/// Problems are positioned in `text` (1-based line and column) and name [`WRITTEN_PATH`].
pub fn parse_written(text: &str) -> Result<NewCard, Vec<Problem>> {
    // A `[[cards]]` header, as a deck file has it, is welcome: blanked, so lines keep their
    // numbers.
    let text: String = text
        .split_inclusive('\n')
        .map(|line| {
            if line.trim() == "[[cards]]" {
                line.replace("[[cards]]", "")
            } else {
                line.to_owned()
            }
        })
        .collect();
    parse::parse_card(&text, Path::new(WRITTEN_PATH))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        parse_written(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_filled_template_and_a_cards_header_read_back() {
        let card = NewCard {
            front: "say \"hi\"".to_owned(),
            back: "two\nlines".to_owned(),
            tags: vec!["a b".to_owned(), "c".to_owned()],
            ..NewCard::default()
        };
        let text = template_with(&DeckId::new("d"), &card);
        assert_eq!(parse_written(&text).unwrap(), card);
        let with_header = format!("[[cards]]\n{text}");
        assert_eq!(parse_written(&with_header).unwrap(), card);
    }

    #[test]
    fn the_untouched_template_is_refused_at_its_empty_fields() {
        let text = template(&DeckId::new("languages/spanish"));
        assert!(text.starts_with("# A new card for the deck `languages/spanish`."));
        // Lines 6 and 7 are `front = ""` and `back = ""`; the values start at column 9 and 8.
        assert_eq!(
            problems(&text),
            [
                "<new card>:6:9: `front` is empty",
                "<new card>:7:8: `back` is empty"
            ]
        );
    }

    #[test]
    fn a_filled_template_is_a_card() {
        let text = template(&DeckId::new("d"))
            .replace("\nfront = \"\"\n", "\nfront = \"el perro\"\n")
            .replace(
                "\nback = \"\"\n",
                "\nback = \"\"\"\nthe dog\nel can\"\"\"\n",
            )
            .replace("\ntags = []\n", "\ntags = [\"animals\"]\n")
            .replace("\n# reverse = true", "\nreverse = true");
        assert_eq!(
            parse_written(&text).unwrap_or_else(|p| panic!("{text}\n{p:?}")),
            NewCard {
                front: "el perro".into(),
                back: "the dog\nel can".into(),
                tags: vec!["animals".into()],
                hint: None,
                reverse: true,
                id: None,
            }
        );
    }

    #[test]
    fn mistakes_are_positioned_with_suggestions() {
        assert_eq!(
            problems("front = \"a\"\nanswer = \"b\"\n"),
            [
                "<new card>:1:1: card is missing `back`",
                "<new card>:2:1: unknown key `answer` in a card; did you mean `back`?"
            ]
        );
        // The string opened at column 8 of line 2 is not closed by the line's end (column 10).
        let unclosed = problems("front = \"a\"\nback = \"b\nid = \"x\"\n");
        assert_eq!(unclosed.len(), 1);
        assert!(
            unclosed[0].starts_with("<new card>:2:10: invalid TOML: "),
            "{unclosed:?}"
        );
        assert_eq!(
            problems("front = \"a\"\nback = \"b\"\nid = \"no spaces\"\n"),
            ["<new card>:3:6: `id` may only hold letters, digits, `-`, `_` and `.`"]
        );
    }

    #[test]
    fn a_deck_id_with_a_line_break_stays_in_the_comment() {
        let text = template(&DeckId::new("a\nfront = \"x\""));
        assert!(text.starts_with("# A new card for the deck `a?front = \"x\"`."));
        assert_eq!(problems(&text).len(), 2);
    }
}

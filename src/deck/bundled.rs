//! The example deck compiled into the binary, so a bare installed binary has something to
//! study when no deck folder exists.

use super::{Deck, DeckId, Source, parse_deck};

/// The deck id the bundled deck has, also as a file in `decks/`.
pub const ID: &str = "sales-optimization-levers";

/// The text of `decks/sales-optimization-levers.toml`.
pub const TEXT: &str = include_str!("../../decks/sales-optimization-levers.toml");

/// The bundled deck. A test proves it is valid, so it never fails at run time.
#[must_use]
pub fn deck() -> Option<Deck> {
    parse_deck(DeckId::new(ID), Source::Bundled, TEXT).ok()
}

//! The deck file an import writes: one `[[cards]]` table per card, in the deck format's keys
//! (`front`/`back`, `reverse`, `type`, or `cloze`/`extra`).

use std::collections::HashMap;

use serde::Serialize;

use super::{Imported, NoteKind};
use crate::deck::key::hashed_key;

#[derive(Serialize)]
struct DeckFile<'a> {
    deck: DeckMeta<'a>,
    cards: Vec<CardFile<'a>>,
}

#[derive(Serialize)]
struct DeckMeta<'a> {
    name: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct CardFile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    front: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    back: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloze: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extra: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    reverse: bool,
    #[serde(rename = "type", skip_serializing_if = "std::ops::Not::not")]
    typed: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
}

/// Notes about the written deck, for the user.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub toml: String,
    /// Lines whose front repeats an earlier card's and that got an `id` to stay distinct.
    pub duplicate_fronts: Vec<usize>,
}

/// The deck file for an import. Cards whose front (or cloze text) repeats an earlier one get
/// an explicit `id` so both are kept and the deck still passes `check`.
#[must_use]
pub fn to_deck_toml<'a>(name: &'a str, description: &'a str, imported: &'a Imported) -> Written {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut duplicate_fronts = Vec::new();
    let cards = imported
        .cards
        .iter()
        .map(|card| {
            let key = hashed_key(&card.front);
            let count = used.entry(key.clone()).or_insert(0);
            *count += 1;
            let id = (*count > 1).then(|| {
                duplicate_fronts.push(card.line);
                format!("{key}-{count}")
            });
            let cloze = card.kind == NoteKind::Cloze;
            let plain = |text: &'a str| (!cloze).then_some(text);
            CardFile {
                id,
                front: plain(&card.front),
                back: plain(&card.back),
                cloze: cloze.then_some(card.front.as_str()),
                extra: Some(card.back.as_str()).filter(|extra| cloze && !extra.is_empty()),
                reverse: card.kind == NoteKind::Reversed,
                typed: card.kind == NoteKind::Typed,
                tags: &card.tags,
            }
        })
        .collect();
    let file = DeckFile {
        deck: DeckMeta { name, description },
        cards,
    };
    // Serialising plain strings and lists to TOML cannot fail.
    let toml = toml::to_string_pretty(&file).unwrap_or_default();
    Written {
        toml,
        duplicate_fronts,
    }
}

//! Deck files for the converted notes: one per Anki deck that has cards, at the path of its
//! name (`Spanish::Verbs` → `spanish/verbs.toml`), written with `toml_edit` so that any text
//! comes back exactly.

use std::collections::{BTreeMap, HashSet};

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::model::Deck;
use super::notes::{Body, Entry};

/// A deck file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckFile {
    /// The Anki deck.
    pub anki_id: i64,
    /// Relative to the decks folder, `/`-separated, without `.toml`: the deck id.
    pub id: String,
    /// The Anki name, `::`-separated.
    pub name: String,
    pub toml: String,
    pub cards: usize,
}

/// The deck id of each Anki deck: its name's parts as file-name slugs; a second deck with the
/// same slugs gets `-2`, and so on.
#[must_use]
pub fn deck_ids(decks: &[Deck]) -> BTreeMap<i64, String> {
    let mut sorted: Vec<&Deck> = decks.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let mut taken = HashSet::new();
    let mut ids = BTreeMap::new();
    for deck in sorted {
        let parts: Vec<String> = deck.name.iter().map(|part| slug(part)).collect();
        let plain = parts.join("/");
        let mut id = plain.clone();
        let mut n = 1;
        while !taken.insert(id.clone()) {
            n += 1;
            id = format!("{plain}-{n}");
        }
        ids.insert(deck.id, id);
    }
    ids
}

/// A file name for a deck name part: lowercase letters and digits joined by `-`; "deck" when
/// it has none.
#[must_use]
pub fn slug(name: &str) -> String {
    slug_or(name, "deck")
}

/// A file name for `name`: lowercase letters and digits joined by `-`; `fallback` when it has
/// none. Shared by the package importer and the text importers.
#[must_use]
pub fn slug_or(name: &str, fallback: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        fallback.to_owned()
    } else {
        words.join("-")
    }
}

/// The TOML of one deck: its `[deck]` table and a `[[cards]]` table per entry.
#[must_use]
pub fn deck_toml(
    name: &str,
    description: &str,
    preset: Option<&str>,
    entries: &[&Entry],
) -> String {
    let mut document = DocumentMut::new();
    let mut deck = Table::new();
    deck["name"] = value(name);
    deck["description"] = value(description);
    if let Some(preset) = preset {
        deck["preset"] = value(preset);
    }
    document["deck"] = Item::Table(deck);
    let mut cards = ArrayOfTables::new();
    for entry in entries {
        let mut table = Table::new();
        table["id"] = value(entry.key.as_str());
        if let Some(note) = &entry.note {
            table["note"] = value(note.as_str());
        }
        match &entry.body {
            Body::Plain {
                front,
                back,
                reverse,
                typed,
            } => {
                table["front"] = value(front.as_str());
                table["back"] = value(back.as_str());
                if *reverse {
                    table["reverse"] = value(true);
                }
                if *typed {
                    table["type"] = value(true);
                }
            }
            Body::Cloze { text, extra } => {
                table["cloze"] = value(text.as_str());
                if !extra.is_empty() {
                    table["extra"] = value(extra.as_str());
                }
            }
        }
        if !entry.tags.is_empty() {
            let tags: Array = entry.tags.iter().map(String::as_str).collect();
            table["tags"] = value(tags);
        }
        cards.push(table);
    }
    document["cards"] = Item::ArrayOfTables(cards);
    document.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(id: i64, name: &str) -> Deck {
        Deck {
            id,
            name: name.split("::").map(str::to_owned).collect(),
            preset: Some(1),
        }
    }

    #[test]
    fn deck_names_become_paths() {
        let ids = deck_ids(&[
            deck(1, "Spanish::Verbs"),
            deck(2, "Spanish"),
            deck(3, "Größe & Maß"),
            deck(4, "spanish"),
            deck(5, "???"),
        ]);
        assert_eq!(ids[&1], "spanish/verbs");
        assert_eq!(ids[&2], "spanish");
        assert_eq!(ids[&4], "spanish-2");
        assert_eq!(ids[&3], "größe-maß");
        assert_eq!(ids[&5], "deck");
    }

    #[test]
    fn text_is_escaped_by_the_writer() {
        let entry = Entry {
            deck: 1,
            key: "anki-1".into(),
            body: Body::Plain {
                front: "say \"hi\"\\".into(),
                back: "line 1\nline 2 '''".into(),
                reverse: true,
                typed: false,
            },
            tags: vec!["a b".into()],
            kind: super::super::notes::Kind::Reversed,
            cards: Vec::new(),
            note: None,
        };
        let text = deck_toml("Q \"uoted\"", "d", Some("Verbs preset"), &[&entry]);
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["deck"]["name"].as_str(), Some("Q \"uoted\""));
        assert_eq!(parsed["deck"]["preset"].as_str(), Some("Verbs preset"));
        let card = &parsed["cards"][0];
        assert_eq!(card["front"].as_str(), Some("say \"hi\"\\"));
        assert_eq!(card["back"].as_str(), Some("line 1\nline 2 '''"));
        assert_eq!(card["reverse"].as_bool(), Some(true));
        assert_eq!(card["tags"][0].as_str(), Some("a b"));
    }
}

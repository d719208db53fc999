//! Decks written as Anki's "Notes in Plain Text" (File > Import in Anki 2.1.55 and later):
//! header lines, then one note per `[[cards]]` entry, so Anki rebuilds the same cards.
//!
//! Columns: guid, note type, deck, the two fields, tags (`#guid column:1` … `#tags column:6`).
//! The note type follows the entry: "Cloze" (Text, Back Extra) for a cloze text, "Basic (and
//! reversed card)" for `reverse = true`, "Basic (type in the answer)" for `type = true`, else
//! "Basic"; these are the names of Anki's stock note types (`rslib/src/notetype/stock.rs`). Fields
//! are HTML (`#html:true`): `&`, `<` and `>` escaped, line breaks as `<br>`, images and sounds
//! by their bare names in Anki's `collection.media` (`media.rs`). Pure: decks in, text and the
//! list of media files out.

use std::fmt::Write as _;

use xxhash_rust::xxh3::xxh3_64;

use std::path::Path;

use crate::deck::{Card, Deck, Source};

mod media;

pub use media::MediaFile;
use media::{MediaNames, field_html};

/// The header lines, each ended by `\n`.
pub const HEADER: &str = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n\
                          #deck column:3\n#tags column:6\n";

/// One note: the cards of one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable across exports, so importing a newer export into Anki updates the note.
    pub guid: String,
    pub notetype: &'static str,
    /// Anki's deck name: the deck id's folders, then the deck's name, joined by `::`.
    pub deck: String,
    /// Front and back, or Text and Back Extra; plain text (escaped when written).
    pub fields: [String; 2],
    pub tags: Vec<String>,
}

/// The notes of `deck`, one per entry, in file order.
#[must_use]
pub fn notes(deck: &Deck) -> Vec<Note> {
    let deck_name = anki_deck_name(deck);
    deck.sibling_runs()
        .map(|run| {
            let cards = &deck.cards[run];
            let first = &cards[0];
            let (notetype, fields) = if let Some(cloze) = &first.cloze {
                let extra = cloze.extra.clone().unwrap_or_default();
                ("Cloze", [cloze.text.clone(), extra])
            } else {
                let notetype = if cards.iter().any(|c| c.reversed) {
                    "Basic (and reversed card)"
                } else if first.typed {
                    "Basic (type in the answer)"
                } else {
                    "Basic"
                };
                (notetype, [first.front.clone(), first.back.clone()])
            };
            let [front, mut back] = fields;
            // Anki's stock note types have no hint field: it goes last on the answer side.
            if let Some(hint) = &first.hint {
                if !back.is_empty() {
                    back.push_str("\n\n");
                }
                let _ = write!(back, "Hint: {hint}");
            }
            Note {
                guid: guid(first),
                notetype,
                deck: deck_name.clone(),
                fields: [front, back],
                tags: tags(first, deck),
            }
        })
        .collect()
}

/// An export: its text, and the media files Anki must find in `collection.media`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub text: String,
    /// Each file once, in order of first reference, with the bare name the notes use.
    pub media: Vec<MediaFile>,
}

/// The whole export of `decks`: [`HEADER`], then a line per note.
#[must_use]
pub fn write(decks: &[&Deck]) -> Export {
    let mut out = String::from(HEADER);
    let mut names = MediaNames::default();
    for deck in decks {
        let folder = match &deck.source {
            Source::File(file) => file.parent().unwrap_or(Path::new("")),
            Source::Bundled => Path::new(""),
        };
        for note in notes(deck) {
            let columns = [
                field(&note.guid),
                field(note.notetype),
                field(&note.deck),
                field(&field_html(&note.fields[0], folder, &mut names)),
                field(&field_html(&note.fields[1], folder, &mut names)),
                field(&note.tags.join(" ")),
            ];
            out.push_str(&columns.join("\t"));
            out.push('\n');
        }
    }
    Export {
        text: out,
        media: names.files,
    }
}

/// A 10-letter guid from the entry's id: base 62 of its XXH3-64, so a re-export names the same
/// note (Anki's own guids are 10 characters too).
fn guid(card: &Card) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut value = xxh3_64(card.entry_id().as_bytes());
    let mut out = String::with_capacity(10);
    for _ in 0..10 {
        out.push(char::from(DIGITS[usize::try_from(value % 62).unwrap_or(0)]));
        value /= 62;
    }
    out
}

/// `sales/levers` named "Levers" is `sales::Levers`.
fn anki_deck_name(deck: &Deck) -> String {
    let id = deck.id.as_str();
    let name = deck.name.replace("::", ":");
    match id.rsplit_once('/') {
        Some((folders, _)) => format!("{}::{name}", folders.replace('/', "::")),
        None => name,
    }
}

/// The card's tags, then its deck's, each once; a space inside a tag (Anki's separator)
/// becomes `_`.
fn tags(card: &Card, deck: &Deck) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in card.tags.iter().chain(&deck.tags) {
        let tag = tag.split_whitespace().collect::<Vec<_>>().join("_");
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// A column, in quotes (with `""` for a quote) when it holds a tab, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests;

//! Anki notes into flashdeck card entries: Basic-like note types to `front`/`back`, a pair of
//! templates that swap front and back to `reverse = true`, a type-in template to
//! `type = true`, Cloze to `cloze`/`extra`, and any other template to a card of its own
//! (Anki's card generation: only the cards the package holds, and none whose question shows
//! no filled field).

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::model::{Card, Note, Notetype, NotetypeKind};
use super::nested_cloze;
use super::render::{self, Fields};

/// The card kinds of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Basic,
    /// A card and its reverse, from one entry with `reverse = true` (two cards).
    Reversed,
    Typed,
    /// One entry with `cloze`; a card per cloze number.
    Cloze,
    /// A template of a note type with several that do not pair up as a reverse.
    Template,
}

/// One `[[cards]]` table to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The Anki deck it goes to.
    pub deck: i64,
    pub key: String,
    pub body: Body,
    pub tags: Vec<String>,
    pub kind: Kind,
    /// The Anki cards it makes, with the key each gets.
    pub cards: Vec<(i64, String)>,
    /// The key the cards of a note with several templates share as `note`, so they are
    /// siblings.
    pub note: Option<String>,
}

/// What an entry asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Plain {
        front: String,
        back: String,
        reverse: bool,
        typed: bool,
    },
    Cloze {
        text: String,
        extra: String,
    },
}

/// The key of a note's entry: `anki-` and the low 48 bits of XXH3-64 of its guid, in hex, so
/// that the same note always gets the same key (its guid is stable across exports, and may
/// hold characters a key may not).
#[must_use]
pub fn base_key(guid: &str) -> String {
    format!("anki-{:012x}", xxh3_64(guid.as_bytes()) & 0xffff_ffff_ffff)
}

/// A note's entries, or why it makes none. `cards` are the note's cards, by ordinal;
/// `media` gives the path a media name is reached by from deck `deck`.
pub fn convert(
    note: &Note,
    notetype: &Notetype,
    cards: &[&Card],
    media: &dyn Fn(i64, &str) -> Option<String>,
) -> Result<Converted, String> {
    if cards.is_empty() {
        return Err("it has no cards".to_owned());
    }
    let fields: Fields<'_> = notetype
        .fields
        .iter()
        .map(String::as_str)
        .zip(note.fields.iter().map(String::as_str))
        .collect();
    let base = base_key(&note.guid);
    if notetype.kind == NotetypeKind::Cloze {
        return cloze(note, notetype, cards, &fields, &base, media);
    }
    let mut rendered = Vec::new();
    let mut empty = Vec::new();
    for card in cards {
        let Some(template) = notetype.templates.get(card.ord as usize) else {
            empty.push(format!("card {} has no template", card.ord + 1));
            continue;
        };
        let front = render::render(&template.front, &fields, "", false);
        if !front.filled {
            empty.push(format!("template \"{}\" renders empty", template.name));
            continue;
        }
        let back = render::render(&template.back, &fields, &front.html, true);
        let text = |html: &str| render::to_text(html, &|name| media(card.deck, name));
        let typed = template.front.contains("{{type:");
        let front = text(&front.html);
        let back = text(render::answer_part(&back.html));
        if back.trim().is_empty() {
            empty.push(format!(
                "template \"{}\" has an empty answer",
                template.name
            ));
            continue;
        }
        rendered.push((*card, front, back, typed));
    }
    if rendered.is_empty() {
        return Err(empty.join("; "));
    }
    let tags = note.tags.clone();
    if let [(a, front_a, back_a, false), (b, front_b, back_b, false)] = rendered.as_slice()
        && notetype.templates.len() == 2
        && a.deck == b.deck
        && front_a == back_b
        && back_a == front_b
    {
        return Ok(Converted::plain(vec![Entry {
            deck: a.deck,
            key: base.clone(),
            body: Body::Plain {
                front: front_a.clone(),
                back: back_a.clone(),
                reverse: true,
                typed: false,
            },
            tags,
            kind: Kind::Reversed,
            cards: vec![(a.id, base.clone()), (b.id, format!("{base}~r"))],
            note: None,
        }]));
    }
    let note = (rendered.len() > 1).then(|| base.clone());
    // A note that makes one card is a basic card, whatever its note type could make
    // ("Basic (optional reversed card)" with its Add Reverse field empty).
    let one_card = rendered.len() == 1;
    let entries = rendered
        .into_iter()
        .map(|(card, front, back, typed)| {
            let key = if card.ord == 0 {
                base.clone()
            } else {
                format!("{base}-t{}", card.ord + 1)
            };
            let kind = if typed {
                Kind::Typed
            } else if one_card {
                Kind::Basic
            } else {
                Kind::Template
            };
            Entry {
                deck: card.deck,
                key: key.clone(),
                body: Body::Plain {
                    front,
                    back,
                    reverse: false,
                    typed,
                },
                tags: tags.clone(),
                kind,
                cards: vec![(card.id, key)],
                note: note.clone(),
            }
        })
        .collect();
    Ok(Converted::plain(entries))
}

/// A note's entries, and what the conversion changed, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub entries: Vec<Entry>,
    pub change: Option<String>,
}

impl Converted {
    fn plain(entries: Vec<Entry>) -> Self {
        Self {
            entries,
            change: None,
        }
    }
}

/// A cloze note: the field its template's `{{cloze:…}}` names is the text, the other filled
/// fields the extra; card ordinal N is cloze number N + 1 (`<key>~cN+1`).
fn cloze(
    note: &Note,
    notetype: &Notetype,
    cards: &[&Card],
    fields: &Fields<'_>,
    base: &str,
    media: &dyn Fn(i64, &str) -> Option<String>,
) -> Result<Converted, String> {
    let deck = cards[0].deck;
    let template = notetype.templates.first().map_or("", |t| t.front.as_str());
    let name = template
        .split("{{")
        .filter_map(|tag| tag.split("}}").next())
        .find_map(|tag| {
            let (filters, name) = tag.rsplit_once(':')?;
            filters
                .split(':')
                .any(|f| f.trim() == "cloze")
                .then_some(name.trim())
        })
        .or_else(|| notetype.fields.first().map(String::as_str))
        .unwrap_or_default();
    let mut text = render::to_text(fields.get(name).copied().unwrap_or_default(), &|n| {
        media(deck, n)
    });
    // Nested deletions, which Anki allows, the deck format cannot hold: the inner ones
    // become their text, and the cards only they made are left out.
    let mut change = None;
    if let Some((flat, inner)) = nested_cloze::flatten(&text) {
        text = flat;
        let inner: Vec<String> = inner.iter().map(|n| format!("c{n}")).collect();
        change = Some(format!(
            "nested cloze deletions flattened: {} inside another deletion kept as text",
            inner.join(", ")
        ));
    }
    // The deck format's own reading of cloze text decides.
    let numbers = match crate::deck::cloze::pieces(&text) {
        Ok(pieces) => crate::deck::cloze::numbers(&pieces),
        Err(error) => {
            return Err(format!(
                "its field \"{name}\" is not a cloze text flashdeck reads: {}",
                error.message
            ));
        }
    };
    let (made, gone): (Vec<&&Card>, Vec<&&Card>) = cards.iter().partition(|card| {
        u16::try_from(card.ord + 1).is_ok_and(|number| numbers.contains(&number))
    });
    if !gone.is_empty() {
        let gone: Vec<String> = gone.iter().map(|c| format!("c{}", c.ord + 1)).collect();
        let said = change.map_or_else(String::new, |c| format!("{c}; "));
        change = Some(if let [one] = gone.as_slice() {
            format!("{said}card {one} is not made (its reviews are left out)")
        } else {
            format!(
                "{said}cards {} are not made (their reviews are left out)",
                gone.join(", ")
            )
        });
    }
    if made.is_empty() {
        return Err(change.unwrap_or_else(|| "it makes no card".to_owned()));
    }
    let extra: Vec<String> = notetype
        .fields
        .iter()
        .filter(|field| field.as_str() != name)
        .filter_map(|field| fields.get(field.as_str()))
        .map(|html| render::to_text(html, &|n| media(deck, n)))
        .filter(|text| !text.trim().is_empty())
        .collect();
    let entry = Entry {
        deck,
        key: base.to_owned(),
        body: Body::Cloze {
            text,
            extra: extra.join("\n"),
        },
        tags: note.tags.clone(),
        kind: Kind::Cloze,
        cards: made
            .iter()
            .map(|card| (card.id, format!("{base}~c{}", card.ord + 1)))
            .collect(),
        note: None,
    };
    Ok(Converted {
        entries: vec![entry],
        change,
    })
}

/// The cards of each note, by ordinal.
#[must_use]
pub fn cards_by_note(cards: &[Card]) -> HashMap<i64, Vec<&Card>> {
    let mut by_note: HashMap<i64, Vec<&Card>> = HashMap::new();
    for card in cards {
        by_note.entry(card.note).or_default().push(card);
    }
    for list in by_note.values_mut() {
        list.sort_by_key(|card| card.ord);
    }
    by_note
}

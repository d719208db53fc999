//! Anki packages (`.apkg`, `.colpkg`) into deck files, settings presets, media and a review
//! log, the pure part: [`convert`] takes the [`Collection`] read by [`package`] and works out
//! everything to write; `commands::import` checks and writes it.
//!
//! | file | owns |
//! |---|---|
//! | [`model`] | the collection as read, whatever its schema |
//! | [`package`], `schema.rs`, `proto.rs` | reading the zip, zstd, SQLite and protobuf (the I/O) |
//! | `notes.rs`, `render.rs` | notes and templates into card entries and text |
//! | `decks.rs` | deck ids from deck names, and the deck files' TOML |
//! | `history.rs` | the revlog, queues and flags into events |
//! | `presets.rs` | deck options into `[presets.NAME]` tables |

mod decks;
mod history;
pub mod model;
mod nested_cloze;
mod notes;
pub mod package;
mod presets;
mod proto;
mod render;
mod schema;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::FixedOffset;

pub use decks::{DeckFile, slug, slug_or};
pub use history::Tally;
pub use model::{Collection, Media};
pub use notes::{Kind, base_key};
pub use presets::{ANKI_DEFAULT_ROLLOVER, Merged, Rollover, merge as merge_presets};

use crate::deck::media::{is_plain_file_name, is_url, numbered_name};
use crate::store::NewEvent;

/// The folder, under the decks folder, media files go to.
pub const MEDIA_DIR: &str = "media";
/// Largest media file copied; a bigger one is left out and reported.
pub const MAX_MEDIA_BYTES: u64 = 100 << 20;

/// A fatal problem: nothing is imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConvertError {
    #[error("the collection has no cards")]
    NoCards,
    #[error(
        "the media map names {0:?}, a path outside the media folder; the package may be \
         malicious"
    )]
    MediaPath(String),
}

/// A media file to copy: its zip entry and the name it gets in the media folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaCopy {
    pub entry: String,
    /// The name the notes use.
    pub name: String,
    /// The name in the media folder: `name`, or `stem-2.ext` when another file has it.
    pub target: String,
    /// Already there with the same content: nothing to copy.
    pub present: bool,
}

/// What is done with the media map: files to copy and files left out, with why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MediaPlan {
    pub copies: Vec<MediaCopy>,
    pub left_out: Vec<(String, String)>,
}

/// What a name in the media folder holds compared with a package's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Free,
    Same,
    Different,
}

/// Plans the media copies. `existing` says whether a name in the media folder is free, holds
/// the same file, or another one. A name that is not a plain file name (`../x`, `a/b`) is
/// fatal: the package tries to write outside the folder.
pub fn plan_media(
    media: &[Media],
    existing: &mut dyn FnMut(&str, &Media) -> Existing,
) -> Result<MediaPlan, ConvertError> {
    let mut plan = MediaPlan::default();
    let mut taken = HashSet::new();
    for file in media {
        let name = file.name.as_str();
        if !is_plain_file_name(name) {
            return Err(ConvertError::MediaPath(file.name.clone()));
        }
        if file.size.is_some_and(|size| size > MAX_MEDIA_BYTES) {
            plan.left_out
                .push((file.name.clone(), "it is over 100 MiB".to_owned()));
            continue;
        }
        let mut target = name.to_owned();
        let mut n = 1;
        let present = loop {
            if taken.insert(target.clone()) {
                match existing(&target, file) {
                    Existing::Free => break false,
                    Existing::Same => break true,
                    Existing::Different => {}
                }
            }
            n += 1;
            target = numbered_name(name, n);
        };
        plan.copies.push(MediaCopy {
            entry: file.entry.clone(),
            name: file.name.clone(),
            target,
            present,
        });
    }
    Ok(plan)
}

/// An Anki field's HTML as card text with its media references kept, by their bare names
/// (a "Notes in Plain Text" export carries no media: the files go beside the deck file); a
/// name that is not a plain file name stays as text, as in a package.
#[must_use]
pub fn field_text(field_html: &str) -> String {
    render::to_text(field_html, &|name| {
        (is_url(name) || is_plain_file_name(name)).then(|| name.to_owned())
    })
}

/// A note that made no card, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedNote {
    pub note: i64,
    pub notetype: String,
    pub reason: String,
}

/// Everything an import writes, worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub decks: Vec<DeckFile>,
    pub events: Vec<NewEvent>,
    pub tally: Tally,
    /// Each preset used, with the deck ids that use it.
    pub presets: Vec<(model::Preset, Vec<String>)>,
    pub skipped: Vec<SkippedNote>,
    /// Notes imported with a change, and what changed (nested cloze deletions flattened).
    pub changed: Vec<SkippedNote>,
    /// Media names in notes that are not plain file names, kept as text (`[image: name]`).
    pub refused_media: Vec<String>,
    pub notes: usize,
    /// Entries by kind, and the cards they make.
    pub kinds: BTreeMap<Kind, (usize, usize)>,
}

/// Converts a collection. `description` goes in each deck's `[deck]` table; `offset` gives
/// the UTC offset in force at a time (milliseconds since 1970).
pub fn convert(
    collection: &Collection,
    media: &MediaPlan,
    description: &str,
    offset: &dyn Fn(i64) -> FixedOffset,
) -> Result<Converted, ConvertError> {
    if collection.cards.is_empty() {
        return Err(ConvertError::NoCards);
    }
    // A card whose deck the package lacks goes to Default (id 1), as Anki's check does.
    let mut all_decks = collection.decks.clone();
    if !all_decks.iter().any(|d| d.id == 1) {
        all_decks.push(model::Deck {
            id: 1,
            name: vec!["Default".to_owned()],
            preset: Some(1),
        });
    }
    let deck_ids = decks::deck_ids(&all_decks);
    let home = |deck: i64| -> i64 {
        if deck_ids.contains_key(&deck) {
            deck
        } else {
            1
        }
    };
    let targets: HashMap<&str, &str> = media
        .copies
        .iter()
        .map(|c| (c.name.as_str(), c.target.as_str()))
        .collect();
    // Anki's media names are flat file names; any other (`../x`, `/etc/x`) stays as text.
    let refused = RefCell::new(BTreeSet::new());
    let media_path = |deck: i64, name: &str| -> Option<String> {
        if is_url(name) {
            return Some(name.to_owned());
        }
        if !is_plain_file_name(name) {
            refused.borrow_mut().insert(name.to_owned());
            return None;
        }
        let depth = deck_ids.get(&deck).map_or(0, |id| id.matches('/').count());
        let target = targets.get(name).copied().unwrap_or(name);
        Some(format!("{}{MEDIA_DIR}/{target}", "../".repeat(depth)))
    };
    let (entries, skipped, changed) = note_entries(collection, &home, &media_path);
    let mut card_ids = HashMap::new();
    let mut kinds: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut by_deck: BTreeMap<i64, Vec<&notes::Entry>> = BTreeMap::new();
    for entry in &entries {
        let deck = &deck_ids[&entry.deck];
        for (anki, key) in &entry.cards {
            card_ids.insert(*anki, format!("{deck}/{key}"));
        }
        let tally = kinds.entry(entry.kind).or_default();
        tally.0 += 1;
        tally.1 += entry.cards.len();
        by_deck.entry(entry.deck).or_default().push(entry);
    }
    let (files, used_presets) = deck_files(collection, &all_decks, &deck_ids, by_deck, description);
    let (events, tally) = history::events(collection, &card_ids, offset);
    Ok(Converted {
        decks: files,
        events,
        tally,
        presets: used_presets
            .into_iter()
            .filter_map(|(id, decks)| {
                let preset = collection.presets.iter().find(|p| p.id == id)?;
                Some((preset.clone(), decks))
            })
            .collect(),
        skipped,
        changed,
        refused_media: refused.into_inner().into_iter().collect(),
        notes: collection.notes.len(),
        kinds,
    })
}

/// Every note's entries, the notes that make none, and the notes converted with a change. `home` gives the deck a card's deck
/// id stands for (a deleted deck's cards go to Default); `media_path` a media name's path.
fn note_entries(
    collection: &Collection,
    home: &dyn Fn(i64) -> i64,
    media_path: &dyn Fn(i64, &str) -> Option<String>,
) -> (Vec<notes::Entry>, Vec<SkippedNote>, Vec<SkippedNote>) {
    let notetypes: HashMap<i64, &model::Notetype> =
        collection.notetypes.iter().map(|n| (n.id, n)).collect();
    let mut by_note = notes::cards_by_note(&collection.cards);
    let mut seen_guids: HashMap<&str, i64> = HashMap::new();
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    let mut changed = Vec::new();
    for note in &collection.notes {
        let notetype = notetypes.get(&note.notetype);
        let said = |reason: String| SkippedNote {
            note: note.id,
            notetype: notetype.map_or_else(String::new, |n| n.name.clone()),
            reason,
        };
        let mut skip = |reason: String| skipped.push(said(reason));
        if let Some(first) = seen_guids.insert(&note.guid, note.id) {
            seen_guids.insert(&note.guid, first);
            skip(format!(
                "its guid is note {first}'s too; only the first is imported"
            ));
            continue;
        }
        let Some(notetype) = notetype else {
            skip(format!(
                "its note type {} is not in the package",
                note.notetype
            ));
            continue;
        };
        let mut cards = by_note.remove(&note.id).unwrap_or_default();
        let homed: Vec<model::Card> = cards
            .iter()
            .map(|&c| model::Card {
                deck: home(c.deck),
                ..c.clone()
            })
            .collect();
        cards = homed.iter().collect();
        match notes::convert(note, notetype, &cards, &media_path) {
            Ok(made) => {
                entries.extend(made.entries);
                changed.extend(made.change.map(said));
            }
            Err(reason) => skip(reason),
        }
    }
    (entries, skipped, changed)
}

/// A deck file for each deck with entries, and the decks of each preset used.
fn deck_files(
    collection: &Collection,
    decks: &[model::Deck],
    deck_ids: &BTreeMap<i64, String>,
    by_deck: BTreeMap<i64, Vec<&notes::Entry>>,
    description: &str,
) -> (Vec<DeckFile>, BTreeMap<i64, Vec<String>>) {
    let decks_by_id: HashMap<i64, &model::Deck> = decks.iter().map(|d| (d.id, d)).collect();
    let presets_by_id: HashMap<i64, &model::Preset> =
        collection.presets.iter().map(|p| (p.id, p)).collect();
    let mut used_presets: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut files = Vec::new();
    for (anki_id, entries) in by_deck {
        let deck = decks_by_id[&anki_id];
        let id = deck_ids[&anki_id].clone();
        let preset = deck
            .preset
            .and_then(|p| presets_by_id.get(&p))
            .or_else(|| presets_by_id.get(&1));
        if let Some(preset) = preset {
            used_presets.entry(preset.id).or_default().push(id.clone());
        }
        let name = deck.name.join("::");
        files.push(DeckFile {
            anki_id,
            toml: decks::deck_toml(&name, description, None, &entries),
            cards: entries.iter().map(|e| e.cards.len()).sum(),
            id,
            name,
        });
    }
    (files, used_presets)
}

#[cfg(test)]
mod tests;

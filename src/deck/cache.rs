//! Parsed decks kept between starts: validating 55,000 cards of TOML takes most of a start,
//! and deck files rarely change. `<data dir>/cache/decks.bin` holds each valid deck with the
//! XXH3 hash of its file's bytes; a file whose bytes hash the same is that deck again, any
//! other is parsed. The files stay the only source: the cache is rebuilt when stale, damaged or
//! written by another version, and a file there that flashdeck did not write is left alone.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub(super) mod shared_tags;

use super::Deck;
use crate::atomic_write::{self, Existing};

const MAGIC: &[u8] = b"flashdeck deck cache\n";
/// Bumped whenever a deck's shape changes (the crate version alone does not, between releases).
/// 3: decks gained `preset`. 4: cards gained `cloze` and `typed`. 5: and `note`. 6: cloze
/// texts read as Anki reads them (`{{C1::` and numbers above 500 are errors), so a deck cached
/// as valid before is read again. 7: decks gained `speech`. 8: a digest at the end. 9: each
/// distinct tag list once per deck ([`shared_tags`]).
const FORMAT: u32 = 9;

/// Each deck is encoded on its own, so that the decks decode in parallel.
#[derive(Serialize, Deserialize)]
struct Stored<P> {
    format: u32,
    version: String,
    decks: Vec<Entry<P>>,
}

/// A deck file's path, the hash of its bytes, and its deck, encoded.
#[derive(Serialize, Deserialize)]
struct Entry<P> {
    path: P,
    hash: u64,
    /// As bytes, copied in one go: as a sequence of `u8` (serde's default for `Vec<u8>`, the
    /// same bytes in postcard) each byte was decoded on its own, 30% of a warm start.
    #[serde(with = "serde_bytes")]
    deck: Vec<u8>,
}

/// The decks cached by file path, with the hash of the bytes they were parsed from, still
/// encoded.
#[derive(Debug, Default)]
pub struct ParseCache {
    decks: FxHashMap<PathBuf, (u64, Vec<u8>)>,
    /// A file that is not a deck cache is there: never replace it.
    foreign: bool,
}

impl ParseCache {
    /// The cache at `path`; empty when missing, damaged or from another version.
    #[must_use]
    pub fn open(path: &Path) -> Self {
        let Ok(bytes) = std::fs::read(path) else {
            return Self {
                foreign: path.exists(),
                ..Self::default()
            };
        };
        let Some(rest) = bytes.strip_prefix(MAGIC) else {
            // Cut short inside the magic (empty, say) is still ours: rebuilt, not kept.
            return Self {
                foreign: !MAGIC.starts_with(&bytes),
                ..Self::default()
            };
        };
        // The XXH3-64 of everything after the magic, at the end: a byte changed inside a
        // deck (a disk's or a copy's error) would otherwise be shown as the deck's text.
        let stored = crate::digest::strip(rest)
            .and_then(|content| postcard::from_bytes::<Stored<PathBuf>>(content).ok());
        let decks = match stored {
            Some(stored)
                if stored.format == FORMAT && stored.version == env!("CARGO_PKG_VERSION") =>
            {
                stored
                    .decks
                    .into_iter()
                    .map(|entry| (entry.path, (entry.hash, entry.deck)))
                    .collect()
            }
            _ => FxHashMap::default(),
        };
        Self {
            decks,
            foreign: false,
        }
    }

    /// The encoded deck parsed from `path` when its bytes hashed to `hash`, taken out of the
    /// cache; [`decode`] turns it back into the deck.
    pub fn take(&mut self, path: &Path, hash: u64) -> Option<Vec<u8>> {
        match self.decks.remove(path) {
            Some((cached, deck)) if cached == hash => Some(deck),
            _ => None,
        }
    }

    /// Whether decks are left that no file asked for (files deleted or renamed).
    #[must_use]
    pub fn has_leftovers(&self) -> bool {
        !self.decks.is_empty()
    }

    /// Saves `decks` (file, hash of its bytes, deck) at `path`, unless a foreign file is there.
    /// Only a cache: a failure is not an error, only slower next time.
    pub fn save(&self, path: &Path, decks: &[(&Path, u64, &Deck)]) {
        if self.foreign {
            return;
        }
        let encoded: Option<Vec<_>> = decks
            .iter()
            .map(|(path, hash, deck)| {
                Some(Entry {
                    path: *path,
                    hash: *hash,
                    deck: postcard::to_stdvec(deck).ok()?,
                })
            })
            .collect();
        let Some(encoded) = encoded else {
            return;
        };
        let stored = Stored {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            decks: encoded,
        };
        let Ok(mut bytes) = postcard::to_extend(&stored, MAGIC.to_vec()) else {
            return;
        };
        let digest = crate::digest::of(&bytes[MAGIC.len()..]);
        bytes.extend_from_slice(&digest);
        let _ = atomic_write::write(path, &bytes, Existing::Replace);
    }
}

/// A deck from the cache; `None` if its bytes are damaged (it is parsed instead).
#[must_use]
pub fn decode(encoded: &[u8]) -> Option<Deck> {
    postcard::from_bytes(encoded).ok()
}

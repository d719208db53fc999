//! Parsed decks kept between starts: validating 55,000 cards of TOML takes most of a start,
//! and deck files rarely change. `<data dir>/cache/decks.bin` holds each valid deck with the
//! XXH3 hash of its file's bytes and the file's [`Stamp`]; a file whose stamp is trusted, or
//! whose bytes hash the same, is that deck again, any other is parsed. `heads.bin` beside it
//! holds the same decks without their cards, for the first frame ([`heads`]). The files stay
//! the only source: the caches are rebuilt when stale, damaged or written by another version,
//! and a file there that flashdeck did not write is left alone.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub mod heads;
pub(super) mod shared_tags;
pub mod stamp;

use super::Deck;
use crate::atomic_write::{self, Existing};
pub use stamp::Stamp;

const MAGIC: &[u8] = b"flashdeck deck cache\n";
/// Bumped whenever a deck's shape changes (the crate version alone does not, between releases).
/// 3: decks gained `preset`. 4: cards gained `cloze` and `typed`. 5: and `note`. 6: cloze
/// texts read as Anki reads them (`{{C1::` and numbers above 500 are errors), so a deck cached
/// as valid before is read again. 7: decks gained `speech`. 8: a digest at the end. 9: each
/// distinct tag list once per deck ([`shared_tags`]). 10: each file's [`Stamp`], and when the
/// cache was written.
const FORMAT: u32 = 10;

/// Each deck is encoded on its own, so that the decks decode in parallel.
#[derive(Serialize, Deserialize)]
struct Stored<P> {
    format: u32,
    version: String,
    /// When the stamps it holds began to be taken, in nanoseconds since 1970 (not when it was
    /// saved, which can be seconds later): stamps settled before are trusted.
    written: i128,
    decks: Vec<Entry<P>>,
}

/// A deck file's path, the hash of its bytes, its stamp, and its deck, encoded.
#[derive(Serialize, Deserialize)]
struct Entry<P> {
    path: P,
    hash: u64,
    stamp: Option<Stamp>,
    /// As bytes, copied in one go: as a sequence of `u8` (serde's default for `Vec<u8>`, the
    /// same bytes in postcard) each byte was decoded on its own, 30% of a warm start.
    #[serde(with = "serde_bytes")]
    deck: Vec<u8>,
}

/// A file's cached deck, still encoded, with the hash of the bytes and the stamp it had.
#[derive(Debug)]
struct Cached {
    hash: u64,
    stamp: Option<Stamp>,
    deck: Vec<u8>,
}

/// The decks cached by file path, with the hash of the bytes they were parsed from, still
/// encoded.
#[derive(Debug, Default)]
pub struct ParseCache {
    decks: FxHashMap<PathBuf, Cached>,
    /// When it was written (nanoseconds since 1970).
    written: i128,
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
        // Sealed: a byte changed inside a deck would otherwise be shown as the deck's text.
        match unseal::<Stored<PathBuf>>(rest) {
            Some(stored)
                if stored.format == FORMAT && stored.version == env!("CARGO_PKG_VERSION") =>
            {
                let decks = stored
                    .decks
                    .into_iter()
                    .map(|entry| {
                        let cached = Cached {
                            hash: entry.hash,
                            stamp: entry.stamp,
                            deck: entry.deck,
                        };
                        (entry.path, cached)
                    })
                    .collect();
                Self {
                    decks,
                    written: stored.written,
                    foreign: false,
                }
            }
            _ => Self::default(),
        }
    }

    /// The encoded deck of `path` and the hash of its bytes, taken out of the cache, when the
    /// file's stamp `now` is the cached one and trusted ([`stamp::trusted`]): the file need not
    /// be read. [`decode`] turns the deck back.
    pub fn take_unchanged(&mut self, path: &Path, now: Option<&Stamp>) -> Option<(u64, Vec<u8>)> {
        let cached = self.decks.get(path)?;
        if !stamp::trusted(cached.stamp.as_ref(), now, self.written) {
            return None;
        }
        self.decks
            .remove(path)
            .map(|cached| (cached.hash, cached.deck))
    }

    /// The encoded deck parsed from `path` when its bytes hashed to `hash`, taken out of the
    /// cache; [`decode`] turns it back into the deck.
    pub fn take(&mut self, path: &Path, hash: u64) -> Option<Vec<u8>> {
        match self.decks.remove(path) {
            Some(cached) if cached.hash == hash => Some(cached.deck),
            _ => None,
        }
    }

    /// When the stamps it holds began to be taken (nanoseconds since 1970; 0 for an empty
    /// cache).
    #[cfg(test)]
    #[must_use]
    pub fn written(&self) -> i128 {
        self.written
    }

    /// Whether decks are left that no file asked for (files deleted or renamed).
    #[must_use]
    pub fn has_leftovers(&self) -> bool {
        !self.decks.is_empty()
    }

    /// Saves `decks` (file, hash of its bytes, its stamp, deck) at `path`, and their heads
    /// beside it ([`heads::save`]), unless a foreign file is there. `stamped` is when their
    /// stamps began to be taken (nanoseconds since 1970): a file changed again after its stamp
    /// was taken, within a coarse clock's tick, must not count as settled. A file whose path
    /// is not UTF-8 is left out (postcard writes paths as strings): its deck is parsed at
    /// each start. Only a cache: a failure is not an error, only slower next time.
    pub fn save(&self, path: &Path, decks: &[CachedFile<'_>], stamped: i128) {
        let decks: Vec<CachedFile<'_>> = decks
            .iter()
            .filter(|file| file.path.to_str().is_some())
            .copied()
            .collect();
        heads::save(&heads::path_beside(path), &decks, stamped);
        if self.foreign {
            return;
        }
        let encoded: Option<Vec<_>> = decks
            .iter()
            .map(|file| {
                Some(Entry {
                    path: file.path,
                    hash: file.hash,
                    stamp: file.stamp,
                    deck: postcard::to_stdvec(file.deck).ok()?,
                })
            })
            .collect();
        let Some(encoded) = encoded else {
            return;
        };
        let stored = Stored {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            written: stamped,
            decks: encoded,
        };
        write_sealed(path, MAGIC, &stored);
    }
}

/// Writes `value` at `path` as the caches are written: `magic`, the value in postcard, and the
/// XXH3-64 of everything after the magic ([`crate::digest`]). Only a cache: a failure is not
/// an error.
fn write_sealed(path: &Path, magic: &[u8], value: &impl Serialize) {
    let Ok(mut bytes) = postcard::to_extend(value, magic.to_vec()) else {
        return;
    };
    let digest = crate::digest::of(&bytes[magic.len()..]);
    bytes.extend_from_slice(&digest);
    if let Some(dir) = path.parent() {
        atomic_write::sweep_abandoned(dir);
    }
    let _ = atomic_write::write(path, &bytes, Existing::Replace);
}

/// The value [`write_sealed`] wrote after `magic`, from the bytes after it; `None` if a byte
/// changed (a disk's or a copy's error) or it does not decode.
fn unseal<T: serde::de::DeserializeOwned>(after_magic: &[u8]) -> Option<T> {
    postcard::from_bytes(crate::digest::strip(after_magic)?).ok()
}

/// A deck file as the caches keep it: its path, the hash of its bytes, its stamp, its deck.
#[derive(Debug, Clone, Copy)]
pub struct CachedFile<'a> {
    pub path: &'a Path,
    pub hash: u64,
    pub stamp: Option<Stamp>,
    pub deck: &'a Deck,
}

/// Where the parse cache of the data folder `data_dir` is.
#[must_use]
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join("cache").join("decks.bin")
}

/// A deck from the cache; `None` if its bytes are damaged (it is parsed instead).
#[must_use]
pub fn decode(encoded: &[u8]) -> Option<Deck> {
    postcard::from_bytes(encoded).ok()
}

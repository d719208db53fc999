//! The decks without their cards, with how many cards each has: `<data dir>/cache/heads.bin`,
//! written with the parse cache. The first frame (the home screen's deck list, its counts to
//! come) needs only these, and a few kilobytes read in well under a millisecond where the
//! cards' text takes milliseconds to decode (docs/performance.md, "The first frame before the
//! history"). Each deck is taken only if its file's stamp is trusted ([`super::stamp`]); one
//! file that is not, a new file or one with problems, and the first frame waits for the decks.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{CachedFile, Stamp, stamp};
use crate::deck::{Deck, DeckId};

const MAGIC: &[u8] = b"flashdeck deck heads\n";
/// Bumped whenever a deck's shape changes, as the parse cache's format is.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    version: String,
    /// When it was written, in nanoseconds since 1970.
    written: i128,
    decks: Vec<Head>,
}

/// A deck file's stamp, and its deck without cards and how many it has.
#[derive(Serialize, Deserialize)]
struct Head {
    path: PathBuf,
    stamp: Option<Stamp>,
    deck: Deck,
    cards: usize,
}

/// `heads.bin` beside the parse cache at `decks_cache`.
#[must_use]
pub fn path_beside(decks_cache: &Path) -> PathBuf {
    decks_cache.with_file_name("heads.bin")
}

/// Writes the heads of `decks` at `path`, unless a file flashdeck did not write is there.
/// Only a cache: a failure is not an error.
pub(super) fn save(path: &Path, decks: &[CachedFile<'_>], written: i128) {
    if is_foreign(path) {
        return;
    }
    let stored = Stored {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        written,
        decks: decks
            .iter()
            .map(|file| Head {
                path: file.path.to_path_buf(),
                stamp: file.stamp,
                deck: file.deck.without_cards(),
                cards: file.deck.cards.len(),
            })
            .collect(),
    };
    super::write_sealed(path, MAGIC, &stored);
}

/// Whether something is at `path` that flashdeck did not write: a folder, a link, or a file
/// not starting with the magic (one cut short inside the magic is still its own).
fn is_foreign(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Err(_) => return false,
        Ok(meta) if !meta.is_file() => return true,
        Ok(_) => {}
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return true;
    };
    let mut start = [0u8; MAGIC.len()];
    let read = std::io::Read::read(&mut file, &mut start).unwrap_or(0);
    let start = &start[..read];
    !(start == MAGIC || MAGIC.starts_with(start))
}

/// Whether the heads at `path` are to be written with the parse cache: missing, damaged or
/// another version's; never when something flashdeck did not write is there (it is left
/// alone, and the parse cache is not rewritten at every start for it).
#[must_use]
pub fn needs_writing(path: &Path) -> bool {
    !is_foreign(path) && open(path).is_none()
}

/// The stored heads at `path`, if they are whole and this version's.
fn open(path: &Path) -> Option<Stored> {
    let bytes = std::fs::read(path).ok()?;
    let stored: Stored = super::unseal(bytes.strip_prefix(MAGIC)?)?;
    (stored.format == FORMAT && stored.version == env!("CARGO_PKG_VERSION")).then_some(stored)
}

/// The decks of `files` (deck id and path, as listed) without their cards, with how many each
/// has, from the heads at `path`; `None` unless every file's stamp is trusted and its deck has
/// the id the file has today. Only what is read: nothing is written.
#[must_use]
pub fn read(path: &Path, files: &[(DeckId, PathBuf)]) -> Option<Vec<(Deck, usize)>> {
    let stored = open(path)?;
    let mut heads: FxHashMap<PathBuf, Head> = stored
        .decks
        .into_iter()
        .map(|head| (head.path.clone(), head))
        .collect();
    files
        .iter()
        .map(|(id, file)| {
            let head = heads.remove(file)?;
            let unchanged = stamp::trusted(
                head.stamp.as_ref(),
                Stamp::of(file).as_ref(),
                stored.written,
            );
            (unchanged && head.deck.id == *id).then(|| {
                let mut deck = head.deck;
                deck.source = crate::deck::Source::File(file.clone());
                (deck, head.cards)
            })
        })
        .collect()
}

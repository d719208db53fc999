//! Reading deck files and folders: size limits, UTF-8, and deck ids from paths. This and the
//! store are the only places that touch the file system.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::parse::parse_deck_counted;
use super::position::LineIndex;
use super::{BrokenDeck, Deck, DeckId, MAX_FILE_BYTES, Problem, Source};
use cached::load_dir_with;
pub use cached::{CacheUpdate, heads_of_dir};

mod cached;

/// Every deck found in a folder, valid or not, sorted by deck id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collection {
    pub decks: Vec<Deck>,
    pub broken: Vec<BrokenDeck>,
}

impl Collection {
    /// Cards across the valid decks, reversed siblings included.
    #[must_use]
    pub fn card_count(&self) -> usize {
        self.decks.iter().map(|deck| deck.cards.len()).sum()
    }

    /// "All decks", or the deck's name when there is only one.
    #[must_use]
    pub fn all_decks_title(&self) -> String {
        match self.decks.as_slice() {
            [only] => only.name.clone(),
            _ => "All decks".to_owned(),
        }
    }

    /// Every problem in every broken deck, in deck order.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.broken.iter().flat_map(|deck| deck.problems.iter())
    }

    fn add(&mut self, id: DeckId, path: PathBuf, result: Result<Deck, Invalid>) {
        match result {
            Ok(deck) => self.decks.push(deck),
            Err((problems, valid_cards)) => self.broken.push(BrokenDeck {
                id,
                path,
                problems,
                valid_cards,
            }),
        }
    }

    /// Adds `deck` unless a deck with its id is already there (a file shadows the bundled deck).
    pub fn add_unless_present(&mut self, deck: Deck) {
        let present = self.decks.iter().any(|d| d.id == deck.id)
            || self.broken.iter().any(|d| d.id == deck.id);
        if !present {
            self.decks.push(deck);
            self.decks.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }
}

/// A file's problems and how many of its cards were valid.
type Invalid = (Vec<Problem>, usize);

/// Loads every `*.toml` below `dir` (hidden files and folders skipped, links followed).
/// Files are validated in parallel: on two cores that halves the load of a large collection
/// (see docs/performance.md).
#[must_use]
pub fn load_dir(dir: &Path) -> Collection {
    load_dir_with(dir, None).0
}

/// As [`load_dir`], taking unchanged files' decks from the parse cache at `cache` (and
/// bringing it up to date) instead of validating them again.
#[must_use]
pub fn load_dir_cached(dir: &Path, cache: &Path) -> Collection {
    let (collection, update) = load_dir_with(dir, Some(cache));
    if let Some(update) = update {
        update.save(&collection);
    }
    collection
}

/// Every `*.toml` below `dir` with its deck id (hidden files and folders skipped, links
/// followed); an entry that cannot be read is an error.
fn deck_files(dir: &Path) -> impl Iterator<Item = Result<(DeckId, PathBuf), walkdir::Error>> {
    WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()))
        .filter_map(move |entry| match entry {
            Ok(entry) if entry.file_type().is_file() && is_toml(entry.path()) => {
                Some(Ok((deck_id(dir, entry.path()), entry.into_path())))
            }
            Ok(_) => None,
            Err(error) => Some(Err(error)),
        })
}

/// The ids of the deck files below `dir`, without reading them, sorted.
#[must_use]
pub fn deck_ids(dir: &Path) -> Vec<DeckId> {
    let mut ids: Vec<DeckId> = deck_files(dir)
        .filter_map(|file| file.ok().map(|(id, _)| id))
        .collect();
    ids.sort();
    ids
}

/// Loads a file or a folder given on the command line. A lone file's deck id is its file stem.
#[must_use]
pub fn load_path(path: &Path) -> Collection {
    if path.is_dir() {
        return load_dir(path);
    }
    let mut collection = Collection::default();
    let id = DeckId::new(
        path.file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
    );
    let result = load_file_counted(path, id.clone());
    collection.add(id, path.to_path_buf(), result);
    collection
}

/// Reads and validates one deck file.
pub fn load_file(path: &Path, id: DeckId) -> Result<Deck, Vec<Problem>> {
    load_file_counted(path, id).map_err(|(problems, _)| problems)
}

fn load_file_counted(path: &Path, id: DeckId) -> Result<Deck, Invalid> {
    let bytes = read_limited(path).map_err(|message| (vec![at_start(path, message)], 0))?;
    parse_bytes_counted(path, id, &bytes)
}

/// Validates a deck file's bytes.
pub(crate) fn parse_bytes(path: &Path, id: DeckId, bytes: &[u8]) -> Result<Deck, Vec<Problem>> {
    parse_bytes_counted(path, id, bytes).map_err(|(problems, _)| problems)
}

fn parse_bytes_counted(path: &Path, id: DeckId, bytes: &[u8]) -> Result<Deck, Invalid> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = LineIndex::new(prefix).line_col(prefix.len());
        let problem = Problem {
            path: path.to_path_buf(),
            line,
            column,
            message: format!(
                "invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8",
                bytes[error.valid_up_to()]
            ),
        };
        (vec![problem], 0)
    })?;
    parse_deck_counted(id, Source::File(path.to_path_buf()), text)
}

/// Reads at most [`MAX_FILE_BYTES`], refusing bigger files before parsing anything.
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let too_big = || {
        format!(
            "the file is over {} MiB, the largest deck file accepted; split it into several decks",
            MAX_FILE_BYTES / (1024 * 1024)
        )
    };
    let len = file.metadata().map_or(0, |m| m.len());
    if len > MAX_FILE_BYTES {
        return Err(too_big());
    }
    // `take` guards against a file that grows between the size check and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

pub(crate) fn at_start(path: &Path, message: String) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    }
}

/// `decks/sales/levers.toml` under `decks` is `sales/levers`, on every platform.
pub(crate) fn deck_id(root: &Path, path: &Path) -> DeckId {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    DeckId::new(parts.join("/"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_ids_are_relative_slash_paths_without_extension() {
        let root = Path::new("/x/decks");
        assert_eq!(
            deck_id(root, Path::new("/x/decks/sales/levers.toml")).as_str(),
            "sales/levers"
        );
        assert_eq!(deck_id(root, Path::new("/x/decks/a.toml")).as_str(), "a");
    }
}

/// Why the configured decks could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum DecksError {
    #[error("the deck folder {0} does not exist or is not a folder (it was set {1})")]
    Missing(PathBuf, crate::paths::Origin),
}

/// The decks flashdeck studies: the configured folder, plus the bundled deck in the default
/// folder (or alone when that folder does not exist yet).
pub fn load_configured(locations: &crate::paths::Locations) -> Result<Collection, DecksError> {
    let (collection, update) = load_configured_later(locations)?;
    if let Some(update) = update {
        update.save(&collection);
    }
    Ok(collection)
}

/// As [`load_configured`], with the parse cache's update, when it is out of date, left to the
/// caller ([`CacheUpdate::save`] with this collection).
pub fn load_configured_later(
    locations: &crate::paths::Locations,
) -> Result<(Collection, Option<CacheUpdate>), DecksError> {
    let decks = &locations.decks;
    let (mut collection, update) = if decks.path.is_dir() {
        let cache = super::cache::path_in(&locations.data_dir.path);
        load_dir_with(&decks.path, Some(&cache))
    } else if locations.includes_bundled_deck() {
        (Collection::default(), None)
    } else {
        return Err(DecksError::Missing(decks.path.clone(), decks.origin));
    };
    if let Some(deck) = super::bundled::deck().filter(|_| locations.includes_bundled_deck()) {
        collection.add_unless_present(deck);
    }
    Ok((collection, update))
}

/// The decks of [`load_configured`] without their cards (the bundled deck whole), sorted by
/// id, with each one's number of cards: what the first frame shows while the cards load.
/// `None` unless every deck file is unchanged since the caches were written and valid (see
/// [`cached::heads_of_dir`]); then the caller loads the decks.
#[must_use]
pub fn load_heads(locations: &crate::paths::Locations) -> Option<(Collection, Vec<usize>)> {
    let decks = &locations.decks;
    let cache = super::cache::path_in(&locations.data_dir.path);
    let mut heads = if decks.path.is_dir() {
        cached::heads_of_dir(&decks.path, &cache)?
    } else if locations.includes_bundled_deck() {
        Vec::new()
    } else {
        return None;
    };
    if let Some(deck) = super::bundled::deck().filter(|_| locations.includes_bundled_deck())
        && !heads.iter().any(|(head, _)| head.id == deck.id)
    {
        let cards = deck.cards.len();
        heads.push((deck, cards));
        heads.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    }
    let (decks, counts) = heads.into_iter().unzip();
    let collection = Collection {
        decks,
        broken: Vec::new(),
    };
    Some((collection, counts))
}

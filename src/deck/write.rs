//! The only writes into the decks folder: a card appended to a deck file ([`add_card`]) and the
//! bundled deck written out as a file ([`write_bundled_deck`]). Both are atomic (temporary
//! file, fsync, rename); what a deck file already holds is never changed.

use std::fmt::Write as _;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::append::{self, AppendError, NewCard};
use super::load::{at_start, deck_ids, read_limited};
use super::{CardId, DeckId, bundled};
use crate::atomic_write::{self, Existing};
use crate::paths::Locations;

/// A card that was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// `<deck id>/<key>`.
    pub card: CardId,
    /// The deck file as the decks folder names it (`<decks>/<deck id>.toml`).
    pub path: PathBuf,
    /// The card's `[[cards]]` line, 1-based.
    pub line: usize,
}

/// Why a card was not added. Nothing is written in any case.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Append(#[from] AppendError),
    /// The deck is the one compiled in: `flashdeck init` (or [`write_bundled_deck`]) gives it
    /// a file at this path.
    #[error("the built-in deck has no file; `flashdeck init` writes it to {}", .0.display())]
    BuiltIn(PathBuf),
    #[error("`{id}` is not a deck id: {reason}")]
    BadId { id: String, reason: &'static str },
    /// No file for the deck id: the nearest deck ids, at most three.
    #[error("{}", unknown(.id, .path, .nearest))]
    Unknown {
        id: String,
        path: PathBuf,
        nearest: Vec<String>,
    },
    /// The file, or a folder on its way, links to somewhere outside the decks folder.
    #[error(
        "{} leads to {}, outside the decks folder; cards are only added to files inside it",
        .path.display(), .target.display()
    )]
    Outside { path: PathBuf, target: PathBuf },
    #[error("{} is a folder, not a deck file; name one deck in it", .0.display())]
    NotAFile(PathBuf),
    /// The file changed between reading it and writing the new one (an editor saved it).
    #[error("{} changed while the card was being added; nothing was written, try again", .0.display())]
    Changed(PathBuf),
    #[error("cannot write {}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
}

fn unknown(id: &str, path: &Path, nearest: &[String]) -> String {
    let mut message = format!("no deck `{id}` ({} does not exist)", path.display());
    if !nearest.is_empty() {
        let names: Vec<String> = nearest.iter().map(|n| format!("`{n}`")).collect();
        let _ = write!(message, "; the nearest: {}", names.join(", "));
    }
    message.push_str(
        ". To start a new deck, create the file with a `[deck]` table holding `name = \"…\"`, \
         then add cards to it",
    );
    message
}

/// Appends `card` to the deck `deck` in the decks folder and returns where it went. The file
/// must be `<decks>/<deck>.toml`, inside the folder (no `..`, no absolute path, no link that
/// leads out); a link inside the folder is followed and its target written.
///
/// Two adds at once (two windows, a script) take turns: each holds an exclusive lock on
/// `<data dir>/adding.lock` from reading the file to renaming the new one over it, so neither
/// writes over the other's card.
pub fn add_card(locations: &Locations, deck: &DeckId, card: &NewCard) -> Result<Added, AddError> {
    let path = deck_file(locations, deck)?;
    let real = inside_folder(&locations.decks.path, &path)?;
    let _turn = take_turn(&locations.data_dir.path).map_err(|source| AddError::Io {
        path: locations.data_dir.path.join(LOCK_FILE),
        source,
    })?;
    let old = read_limited(&real).map_err(|message| AppendError::Broken {
        path: path.clone(),
        problems: vec![at_start(&path, message)],
    })?;
    let appended = append::append(deck, &path, &old, card)?;
    // Narrows the window in which an editor's save would be lost to the rename below.
    if read_limited(&real).ok().as_ref() != Some(&old) {
        return Err(AddError::Changed(path));
    }
    atomic_write::replace_keeping_permissions(&real, &appended.bytes).map_err(|source| {
        AddError::Io {
            path: path.clone(),
            source,
        }
    })?;
    Ok(Added {
        card: appended.card,
        path,
        line: appended.line,
    })
}

/// The file whose lock adds take turns on, in the data folder.
const LOCK_FILE: &str = "adding.lock";

/// Waits for the adding lock and holds it until the returned file is dropped. The lock file is
/// never renamed or removed, so every process locks the same file.
fn take_turn(data_dir: &Path) -> io::Result<std::fs::File> {
    std::fs::create_dir_all(data_dir)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join(LOCK_FILE))?;
    file.lock()?;
    Ok(file)
}

/// Where the bundled deck's file goes: `<decks>/<its id>.toml`, so its history stays attached.
#[must_use]
pub fn bundled_deck_path(locations: &Locations) -> PathBuf {
    locations.decks.path.join(format!("{}.toml", bundled::ID))
}

/// Writes the bundled deck into the decks folder under the id it already has (creating the
/// folder), so it can be edited and added to. The file then shadows the compiled-in deck, which
/// is no longer listed twice. Fails with `AlreadyExists` if the file is there, writing nothing.
pub fn write_bundled_deck(locations: &Locations) -> io::Result<PathBuf> {
    let path = bundled_deck_path(locations);
    atomic_write::write(&path, bundled::TEXT.as_bytes(), Existing::Keep)?;
    // A temporary file starts private; a deck is the user's own file, readable as any other.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644))?;
    }
    Ok(path)
}

/// `<decks>/<deck>.toml`, when it names an existing file.
fn deck_file(locations: &Locations, deck: &DeckId) -> Result<PathBuf, AddError> {
    let id = deck.as_str();
    if let Some(reason) = invalid_deck_id_reason(id) {
        return Err(AddError::BadId {
            id: id.to_owned(),
            reason,
        });
    }
    let dir = &locations.decks.path;
    let path = dir.join(format!("{id}.toml"));
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => Ok(path),
        Ok(_) => Err(AddError::NotAFile(path)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Err(if dir.join(id).is_dir() {
            AddError::NotAFile(dir.join(id))
        } else if id == bundled::ID {
            AddError::BuiltIn(path)
        } else {
            let mut ids: Vec<String> = deck_ids(dir).iter().map(ToString::to_string).collect();
            if locations.includes_bundled_deck() {
                ids.push(bundled::ID.to_owned());
            }
            AddError::Unknown {
                id: id.to_owned(),
                path,
                nearest: nearest(id, &ids, 3),
            }
        }),
        Err(source) => Err(AddError::Io { path, source }),
    }
}

/// The file `path` really is, when that is inside `dir` with every link followed.
fn inside_folder(dir: &Path, path: &Path) -> Result<PathBuf, AddError> {
    let io_error = |source| AddError::Io {
        path: path.to_path_buf(),
        source,
    };
    let root = dir.canonicalize().map_err(io_error)?;
    let real = path.canonicalize().map_err(io_error)?;
    if real.starts_with(&root) {
        Ok(real)
    } else {
        Err(AddError::Outside {
            path: path.to_path_buf(),
            target: real,
        })
    }
}

/// Why `id` cannot name a file inside the decks folder, if it cannot.
fn invalid_deck_id_reason(id: &str) -> Option<&'static str> {
    let parts: Vec<&str> = id.split('/').collect();
    if id.is_empty() {
        Some("it is empty")
    } else if id.starts_with('/') || Path::new(id).is_absolute() {
        Some("it is an absolute path; a deck id is the file's path inside the decks folder")
    } else if parts.contains(&"..") {
        Some("`..` would leave the decks folder")
    } else if parts.iter().any(|part| part.is_empty()) {
        Some("it has an empty part between `/`s")
    } else if parts.iter().any(|part| part.starts_with('.')) {
        Some("a part starting with `.` is hidden, and hidden files are never loaded")
    } else if id.contains(['\\', '\0']) {
        Some("separate folders with `/`")
    } else if !Path::new(id)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        Some("it is not a plain path inside the decks folder")
    } else {
        None
    }
}

/// Up to `count` of `ids` closest to `wanted` by edit distance (of the whole id or its last
/// part, whichever is closer), closest first.
fn nearest(wanted: &str, ids: &[String], count: usize) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let distance = |id: &str| {
        let id = id.to_lowercase();
        let last = id.rsplit('/').next().unwrap_or_default();
        strsim::damerau_levenshtein(&wanted, &id).min(strsim::damerau_levenshtein(&wanted, last))
    };
    let mut ranked: Vec<(usize, &String)> = ids.iter().map(|id| (distance(id), id)).collect();
    ranked.sort();
    ranked.dedup_by(|a, b| a.1 == b.1);
    ranked
        .into_iter()
        .take(count)
        .map(|(_, id)| id.clone())
        .collect()
}

#[cfg(test)]
mod tests;

//! Adding a card to a deck file by appending one `[[cards]]` table at its end: every byte
//! already in the file stays as it was, and the whole new file passes the loader before
//! anything is written. Pure: a file's bytes in, the new file's bytes out; reading and the
//! atomic write are in [`super::write`].

mod table;
mod written;

use std::fmt;
use std::path::{Path, PathBuf};

use table::LineEnding;
pub use written::{WRITTEN_PATH, parse_written, template, template_with};

use super::key::{REVERSE_SUFFIX, hashed_key};
use super::load::parse_bytes;
use super::{CardId, DeckId, MAX_FILE_BYTES, Problem, Source, parse, parse_deck};

/// A card to add, as the user gave it. Only `front` and `back` are required (not blank); a
/// blank `hint` is left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCard {
    pub front: String,
    pub back: String,
    pub tags: Vec<String>,
    pub hint: Option<String>,
    /// Also study back→front as a second card (`reverse = true`).
    pub reverse: bool,
    /// An explicit key; without one the key is the hash of the front (see [`super::key`]).
    pub id: Option<String>,
}

impl NewCard {
    /// The card key it will have in its deck.
    #[must_use]
    pub fn key(&self) -> String {
        self.id.clone().unwrap_or_else(|| hashed_key(&self.front))
    }
}

/// A deck file with a card appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// The whole new file: the old bytes, then the new table.
    pub bytes: Vec<u8>,
    /// `<deck id>/<key>`.
    pub card: CardId,
    /// The new card's `[[cards]]` line, 1-based.
    pub line: usize,
}

/// Why a card cannot be appended. Nothing is written in any case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppendError {
    /// The card's own fields break a rule (empty front, bad `id`, blank tag, too long…).
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
    /// Its key is already a card's in the deck.
    #[error("{}", collision(.key, *.line, *.has_id))]
    Collision {
        key: String,
        /// The other card's `[[cards]]` line.
        line: usize,
        /// The new card has an explicit `id` (otherwise its front gave the key).
        has_id: bool,
    },
    /// The deck file already has problems (or cannot be read): the user fixes them first.
    #[error("{path} has problems; fix them, then add the card again:{}", Lines(.problems))]
    Broken {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// The file is valid, but a table appended to it would not be (e.g. its cards are an
    /// inline array `cards = [...]`).
    #[error("{path} cannot take a `[[cards]]` table at its end:{}", Lines(.problems))]
    WouldBreak {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// The new file would be over [`MAX_FILE_BYTES`].
    #[error(
        "{} would be over {} MiB, the largest deck file accepted; add the card to another deck",
        .0.display(), MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooBig(PathBuf),
    /// The card would not read back exactly as given: a defect in this module.
    #[error("the card would not read back exactly as given; please report this")]
    Unfaithful,
}

fn collision(key: &str, line: usize, has_id: bool) -> String {
    if has_id {
        format!("the card at line {line} already has the key `{key}`; choose another `id`")
    } else {
        format!(
            "the card at line {line} has the same front (ignoring case, spacing and \
             punctuation); give the new card an `id` to keep both"
        )
    }
}

/// Problems one a line, indented under their heading.
struct Lines<'p>(&'p [Problem]);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.0 {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

/// Appends `card` to the deck `deck` whose file at `path` holds `old`. The table uses the
/// file's line breaks (CRLF or LF); a BOM, comments and spacing stay as they were. Refused
/// when the card's fields are invalid, its key is taken, the file has problems (a deck with
/// only a `[deck]` table, or no cards yet, may take its first card), or the new file would not
/// pass the loader with this card in it exactly as given.
pub fn append(
    deck: &DeckId,
    path: &Path,
    old: &[u8],
    card: &NewCard,
) -> Result<Appended, AppendError> {
    check_fields(card)?;
    let broken = |problems| AppendError::Broken {
        path: path.to_path_buf(),
        problems,
    };
    let Ok(text) = std::str::from_utf8(old) else {
        let problems = parse_bytes(path, deck.clone(), old).err();
        return Err(broken(problems.unwrap_or_default()));
    };
    let eol = LineEnding::of(text);
    let separator = table::separator(text, eol);
    let new_text = format!("{text}{separator}{}", table::table(card, eol));
    if new_text.len() as u64 > MAX_FILE_BYTES {
        return Err(AppendError::TooBig(path.to_path_buf()));
    }
    let before = parse_deck(deck.clone(), Source::File(path.to_path_buf()), text);
    let key = card.key();
    if let Ok(existing) = &before
        && let Some(other) = existing
            .cards
            .iter()
            .find(|c| !c.reversed && c.id.key() == key)
    {
        return Err(AppendError::Collision {
            key,
            line: other.line,
            has_id: card.id.is_some(),
        });
    }
    let line = text.matches('\n').count() + separator.matches('\n').count() + 1;
    let after = match parse_deck(deck.clone(), Source::File(path.to_path_buf()), &new_text) {
        Ok(after) => after,
        Err(problems) => {
            return Err(match before {
                Err(old_problems) => broken(old_problems),
                Ok(_) => AppendError::WouldBreak {
                    path: path.to_path_buf(),
                    problems,
                },
            });
        }
    };
    let id = CardId::new(deck, &key);
    let reverse_id = CardId::new(deck, &format!("{key}{REVERSE_SUFFIX}"));
    let added = after.cards.iter().find(|c| c.id == id);
    let faithful = added.is_some_and(|added| {
        added.front == card.front
            && added.back == card.back
            && *added.tags == *card.tags
            && added.hint == card.hint.clone().filter(|h| !h.trim().is_empty())
            && added.line == line
    }) && after.cards.iter().any(|c| c.id == reverse_id) == card.reverse;
    if !faithful {
        return Err(AppendError::Unfaithful);
    }
    Ok(Appended {
        bytes: new_text.into_bytes(),
        card: id,
        line,
    })
}

/// The card's fields by the rules of a card in a deck file, read from its own table.
fn check_fields(card: &NewCard) -> Result<(), AppendError> {
    let body = table::body(card, LineEnding::Lf);
    parse::parse_card(&body, Path::new(""))
        .map(|_| ())
        .map_err(|problems| AppendError::Invalid(problems.into_iter().map(|p| p.message).collect()))
}

#[cfg(test)]
mod tests;

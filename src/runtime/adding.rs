//! The runtime's side of adding a card: appending it to its deck file, writing it in the
//! editor first, and copying the built-in deck out so that it has a file to add to. Each
//! returns the actions to apply, last first (the runtime's pending list is a stack).

use std::io;

use super::Tui;

use super::{reload, run_editor};
use crate::app::Action;
use crate::deck::DeckId;
use crate::deck::append::{NewCard, parse_written, template_with};
use crate::deck::write::{add_card, write_bundled_deck};
use crate::paths::Locations;

/// Appends `card` to `deck`'s file; the decks are read again, then the browser is told.
pub fn add(locations: &Locations, deck: &str, card: &NewCard) -> Vec<Action> {
    match add_card(locations, &DeckId::new(deck), card) {
        Ok(added) => vec![
            Action::CardAdded {
                card: added.card.as_str().to_owned(),
                place: format!("{}:{}", added.path.display(), added.line),
            },
            reload(locations),
        ],
        Err(error) => vec![Action::WriteFailed(error.to_string())],
    }
}

/// Opens the editor on a new card's template for `deck`, filled in with what the form held,
/// then adds what was written. A card the loader refuses is not lost: its file is kept, and
/// the message says where.
pub fn add_in_editor(
    terminal: &mut Tui,
    locations: &Locations,
    deck: &str,
    card: &NewCard,
) -> io::Result<Vec<Action>> {
    let start = template_with(&DeckId::new(deck), card);
    let file = tempfile::Builder::new()
        .prefix("flashdeck-new-card-")
        .suffix(".toml")
        .tempfile()?;
    std::fs::write(file.path(), &start)?;
    if let Err(message) = run_editor(terminal, file.path(), 1)? {
        return Ok(vec![Action::WriteFailed(format!(
            "{message}; nothing added"
        ))]);
    }
    let written = std::fs::read_to_string(file.path())?;
    if written.trim().is_empty() || (written == start && card.front.trim().is_empty()) {
        return Ok(vec![Action::WriteFailed(
            "the new card was left empty; nothing added".to_owned(),
        )]);
    }
    Ok(match parse_written(&written) {
        Ok(card) => add(locations, deck, &card),
        Err(problems) => {
            let (_, kept) = file.keep().map_err(|error| error.error)?;
            vec![Action::WriteFailed(format!(
                "{}; what you wrote is kept in {}",
                describe(&problems),
                kept.display()
            ))]
        }
    })
}

/// Writes the built-in deck into the decks folder and reads the decks again.
pub fn copy_built_in(locations: &Locations) -> Vec<Action> {
    match write_bundled_deck(locations) {
        Ok(path) => vec![Action::CopiedBuiltIn(path), reload(locations)],
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => vec![Action::WriteFailed(
            "the built-in deck already has a file in the decks folder".to_owned(),
        )],
        Err(error) => vec![Action::WriteFailed(format!(
            "cannot write the built-in deck: {error}"
        ))],
    }
}

/// The first problem of a written card, and how many more there were.
fn describe(problems: &[crate::deck::Problem]) -> String {
    let first = problems
        .first()
        .map_or_else(String::new, |p| format!("line {}: {}", p.line, p.message));
    match problems.len() {
        0 | 1 => format!("the new card has a problem, {first}; nothing added"),
        n => format!("the new card has {n} problems, the first {first}; nothing added"),
    }
}

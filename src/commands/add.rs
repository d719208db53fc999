//! `flashdeck add`: one card appended to a deck's file; the file is otherwise left as it is.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::FAILURE;
use crate::cli::AddArgs;
use crate::deck::DeckId;
use crate::deck::append::NewCard;
use crate::deck::key::REVERSE_SUFFIX;
use crate::deck::write::add_card;
use crate::library::deck_id_for;
use crate::paths::Locations;

/// `flashdeck add DECK --front … --back …`: prints "added `deck/key` at `FILE:LINE`"; any
/// refusal goes to `err` with exit 1, and then nothing is written.
pub fn run(
    args: &AddArgs,
    locations: &Locations,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let deck = DeckId::new(deck_id_for(&args.deck, locations));
    let card = NewCard {
        front: args.front.clone(),
        back: args.back.clone(),
        tags: args.tags.clone(),
        hint: args.hint.clone(),
        reverse: args.reverse,
        id: args.id.clone(),
    };
    match add_card(locations, &deck, &card) {
        Ok(added) => {
            let reverse = if card.reverse {
                format!(" (and its reverse `{}{REVERSE_SUFFIX}`)", added.card)
            } else {
                String::new()
            };
            writeln!(
                out,
                "added `{}`{reverse} at {}:{}",
                added.card,
                added.path.display(),
                added.line
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            writeln!(err, "{error}")?;
            Ok(ExitCode::from(FAILURE))
        }
    }
}

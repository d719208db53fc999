//! `flashdeck init`: the built-in example deck written into the deck folder as a file.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::FAILURE;
use crate::deck::write::{bundled_deck_path, write_bundled_deck};
use crate::paths::Locations;

/// `flashdeck init`: writes the built-in deck to `<decks>/<its id>.toml`, so its history
/// stays attached; an existing file is never replaced (exit 1, nothing written).
pub fn run(locations: &Locations, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    match write_bundled_deck(locations) {
        Ok(path) => {
            writeln!(
                out,
                "wrote the built-in deck to {}; edit it, or add cards with `flashdeck add`",
                path.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                err,
                "{} already exists; nothing was written",
                bundled_deck_path(locations).display()
            )?;
            Ok(ExitCode::from(FAILURE))
        }
        Err(error) => Err(error)
            .with_context(|| format!("cannot write {}", bundled_deck_path(locations).display())),
    }
}

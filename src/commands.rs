//! The non-interactive subcommands and `--version`. Each writes to the given streams and
//! returns the process's exit code, so tests and `main` share one path.

pub mod check;
pub mod due;
pub mod export;
pub mod import;
pub mod list;
pub mod settings;
pub mod stats;

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use crate::deck::{self, Collection};
use crate::paths::Locations;
use crate::scheduler::{Scheduler, Settings};
use crate::store::{LineProblem, Store};
use crate::study::Study;

/// Exit code for "a deck has problems" and for failed commands.
pub const FAILURE: u8 = 1;

/// `flashdeck --version`: the version and every location with where it came from.
pub fn version(locations: &Locations, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "flashdeck {}", env!("CARGO_PKG_VERSION"))?;
    let bundled = if locations.includes_bundled_deck() {
        ", plus the built-in example deck"
    } else {
        ""
    };
    for (label, location, extra) in [
        ("decks ", &locations.decks, bundled),
        ("data  ", &locations.data_dir, ""),
        ("config", &locations.config, ""),
    ] {
        writeln!(
            out,
            "{label}  {} ({}{extra})",
            location.path.display(),
            location.origin
        )?;
    }
    Ok(())
}

/// The decks and the review log, replayed at `now`, with the log lines that could not be read.
pub fn load_study(
    locations: &Locations,
    settings: &Settings,
    now: DateTime<FixedOffset>,
) -> Result<(Study, Vec<LineProblem>)> {
    let collection = deck::load_configured(locations)?;
    let store = Store::new(&locations.data_dir.path, &Store::device_name());
    let (history, problems) = store
        .history()
        .with_context(|| format!("cannot read the review log in {}", store.dir().display()))?;
    let scheduler = Scheduler::new(settings.clone())?;
    Ok((Study::new(collection, history, scheduler, now), problems))
}

/// Deck indexes for deck ids, folders of decks (`sales` for `sales/*`) or deck files, and a
/// title for them; every deck when none is given.
pub fn resolve_decks(
    collection: &Collection,
    wanted: &[String],
    locations: &Locations,
) -> Result<(Vec<usize>, String)> {
    let decks = &collection.decks;
    if wanted.is_empty() {
        return Ok(((0..decks.len()).collect(), collection.all_decks_title()));
    }
    let mut indexes = Vec::new();
    for name in wanted {
        let id = deck_id_for(name, locations);
        let matched: Vec<usize> = (0..decks.len())
            .filter(|&i| {
                let deck_id = decks[i].id.as_str();
                deck_id == id || deck_id.starts_with(&format!("{id}/"))
            })
            .collect();
        anyhow::ensure!(
            !matched.is_empty(),
            "no deck `{name}`; `flashdeck list` shows the deck ids"
        );
        indexes.extend(
            matched
                .into_iter()
                .filter(|i| !indexes.contains(i))
                .collect::<Vec<_>>(),
        );
    }
    let title = match indexes.as_slice() {
        [one] => decks[*one].name.clone(),
        many => format!("{} decks", many.len()),
    };
    Ok((indexes, title))
}

/// A deck file's path becomes its id relative to the decks folder; anything else is an id.
fn deck_id_for(name: &str, locations: &Locations) -> String {
    let path = Path::new(name);
    let is_deck_file = path.extension().is_some_and(|ext| ext == "toml") && path.is_file();
    if is_deck_file
        && let (Ok(file), Ok(root)) = (path.canonicalize(), locations.decks.path.canonicalize())
        && file.starts_with(&root)
    {
        return deck::load::deck_id(&root, &file).as_str().to_owned();
    }
    name.trim_end_matches('/')
        .trim_end_matches(".toml")
        .to_owned()
}

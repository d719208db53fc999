//! `flashdeck list`: the decks with their card counts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::deck::{self, Collection, DeckId};
use crate::english::noun;
use crate::paths::Locations;

#[derive(Serialize)]
struct ListedDeck<'a> {
    id: &'a DeckId,
    name: Option<&'a str>,
    cards: usize,
    file: String,
    problems: usize,
}

/// `flashdeck list [--json]`.
pub fn run(locations: &Locations, json: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let collection = deck::load_configured(locations)?;
    let rows = listed(&collection);
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let id_width = rows
        .iter()
        .map(|r| r.id.as_str().chars().count())
        .max()
        .unwrap_or(0)
        .max(2);
    let name_width = rows
        .iter()
        .map(|r| r.name.unwrap_or("").chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(
        out,
        "{:id_width$}  {:>5}  {:name_width$}  FILE",
        "ID", "CARDS", "NAME"
    )?;
    for row in &rows {
        let name = row.name.map_or_else(
            || {
                format!(
                    "({} {}; run `flashdeck check`)",
                    row.problems,
                    noun(row.problems, "problem")
                )
            },
            str::to_owned,
        );
        writeln!(
            out,
            "{:id_width$}  {:>5}  {name:name_width$}  {}",
            row.id.as_str(),
            row.cards,
            row.file
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn listed(collection: &Collection) -> Vec<ListedDeck<'_>> {
    let mut rows: Vec<_> = collection
        .decks
        .iter()
        .map(|deck| ListedDeck {
            id: &deck.id,
            name: Some(&deck.name),
            cards: deck.cards.len(),
            file: deck.source.to_string(),
            problems: 0,
        })
        .chain(collection.broken.iter().map(|broken| ListedDeck {
            id: &broken.id,
            name: None,
            cards: 0,
            file: broken.path.display().to_string(),
            problems: broken.problems.len(),
        }))
        .collect();
    rows.sort_by(|a, b| a.id.cmp(b.id));
    rows
}

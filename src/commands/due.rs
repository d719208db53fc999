//! `flashdeck due`: what is due today, per deck; quick enough for a shell prompt.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::config::Config;
use crate::library::load_study;
use crate::paths::Locations;
use crate::study::DueCounts;

#[derive(Serialize)]
struct DeckDue<'a> {
    deck: &'a str,
    name: &'a str,
    #[serde(flatten)]
    counts: DueCounts,
}

pub fn run(
    locations: &Locations,
    config: &Config,
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    // The process ends right after: freeing every card and event one by one took 2% of a
    // cold start. The memory goes back with the process.
    let study = std::mem::ManuallyDrop::new(study);
    let written = print(&study, json, now, out);
    // Never dropped, so the snapshot being written beside the output (`load_study`) is waited
    // for here: leaving before it is done leaves no snapshot, and a temporary file.
    study.wait_for_lent_history();
    written
}

fn print(
    study: &crate::study::Study,
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let rows: Vec<DeckDue> = study
        .collection
        .decks
        .iter()
        .enumerate()
        .map(|(index, deck)| DeckDue {
            deck: deck.id.as_str(),
            name: &deck.name,
            counts: study.due_counts(index, now),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = rows
        .iter()
        .map(|r| r.deck.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:width$}  {:>5}  {:>8}  {:>6}",
        "DECK", "NEW", "LEARNING", "REVIEW"
    )?;
    for row in &rows {
        let c = row.counts;
        writeln!(
            out,
            "{:width$}  {:>5}  {:>8}  {:>6}",
            row.deck, c.new, c.learning, c.review
        )?;
    }
    let total: DueCounts = rows.iter().map(|row| row.counts).sum();
    writeln!(
        out,
        "{:width$}  {:>5}  {:>8}  {:>6}",
        "total", total.new, total.learning, total.review
    )?;
    Ok(ExitCode::SUCCESS)
}

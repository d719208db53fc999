//! `flashdeck check`: every problem in the decks, and what the review log holds that no deck
//! does.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use super::FAILURE;
use crate::deck;
use crate::english::noun;
use crate::library::load_study;
use crate::paths::Locations;
use crate::scheduler::Settings;

/// `flashdeck check [PATH…]`: every problem on `err`, a summary on `out`; the log is
/// replayed at `now`.
pub fn run(
    paths: &[PathBuf],
    locations: &Locations,
    settings: &Settings,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let mut collections = Vec::new();
    if paths.is_empty() {
        collections.push(deck::load_configured(locations)?);
        report_log(locations, settings, now, err)?;
    }
    for path in paths {
        if !path.exists() {
            writeln!(err, "{}: no such file or folder", path.display())?;
            return Ok(ExitCode::from(FAILURE));
        }
        collections.push(deck::load_path(path));
    }
    let (mut decks, mut cards, mut broken, mut problems) = (0, 0, 0, 0);
    for collection in &collections {
        for problem in collection.problems() {
            writeln!(err, "{problem}")?;
            problems += 1;
        }
        decks += collection.decks.len();
        cards += collection.card_count();
        broken += collection.broken.len();
    }
    if broken > 0 {
        writeln!(
            err,
            "{problems} {} in {broken} {}; {decks} valid {} with {cards} cards",
            noun(problems, "problem"),
            noun(broken, "file"),
            noun(decks, "deck"),
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    if decks == 0 {
        writeln!(err, "no deck files (*.toml) found")?;
        return Ok(ExitCode::from(FAILURE));
    }
    writeln!(
        out,
        "ok: {decks} {} with {cards} cards",
        noun(decks, "deck")
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Warnings about the review log: lines that cannot be read, and histories of cards that no
/// deck has any more (kept, never deleted). Neither makes the decks invalid.
fn report_log(
    locations: &Locations,
    settings: &Settings,
    now: DateTime<FixedOffset>,
    err: &mut dyn Write,
) -> Result<()> {
    let (study, problems) = load_study(locations, settings, now)?;
    for problem in &problems {
        writeln!(err, "warning: {problem} (the line is skipped and kept)")?;
    }
    let orphans = study.orphans();
    if !orphans.is_empty() {
        let events: usize = orphans.iter().map(|o| o.events).sum();
        writeln!(
            err,
            "warning: the review log has {events} {} for {} {} no deck has; the history is kept, \
             and giving a card an `id` equal to its old key, or `flashdeck relink OLD NEW`, \
             brings it back:",
            noun(events, "event"),
            orphans.len(),
            noun(orphans.len(), "card"),
        )?;
        for orphan in &orphans {
            writeln!(
                err,
                "  {} ({} {})",
                orphan.card,
                orphan.events,
                noun(orphan.events, "event")
            )?;
        }
    }
    Ok(())
}

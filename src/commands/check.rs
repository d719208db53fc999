//! `flashdeck check`: every problem in the decks, and what the review log holds that no deck
//! does, with the card each orphaned history likely belongs to now.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

mod media;

use super::FAILURE;
use crate::config::Config;
use crate::deck;
use crate::english::{counted, noun};
use crate::library::load_study;
use crate::paths::Locations;
use crate::study::presets::Reason;
use crate::study::successors::{Successor, successors};

/// `flashdeck check [PATH…]`: every problem on `err`, a summary on `out`; the log is
/// replayed at `now`.
pub fn run(
    paths: &[PathBuf],
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    // Each collection with the folder its media must stay in.
    let mut collections = Vec::new();
    if paths.is_empty() {
        collections.push((
            deck::load_configured(locations)?,
            locations.decks.path.clone(),
        ));
        report_log(locations, config, now, err)?;
    }
    // A missing path is reported and counted, and the others are still checked.
    let mut missing = 0;
    for path in paths {
        if !path.exists() {
            writeln!(err, "{}: no such file or folder", path.display())?;
            missing += 1;
            continue;
        }
        let folder = media::root_for(path, &locations.decks.path);
        collections.push((deck::load_path(path), folder));
    }
    for (collection, folder) in &collections {
        media::report(collection, folder, err)?;
    }
    let (mut decks, mut cards, mut broken, mut problems) = (0, 0, 0, 0);
    for (collection, _) in &collections {
        for problem in collection.problems() {
            writeln!(err, "{problem}")?;
            problems += 1;
        }
        decks += collection.decks.len();
        cards += collection.card_count();
        broken += collection.broken.len();
    }
    if missing > 0 && broken == 0 && decks == 0 {
        return Ok(ExitCode::from(FAILURE));
    }
    if broken + missing > 0 {
        let (problems, broken) = (problems + missing, broken + missing);
        writeln!(
            err,
            "{problems} {} in {broken} {}; {decks} valid {} with {}",
            noun(problems, "problem"),
            noun(broken, "file"),
            noun(decks, "deck"),
            counted(cards, "card"),
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    if decks == 0 {
        writeln!(err, "no deck files (*.toml) found")?;
        return Ok(ExitCode::from(FAILURE));
    }
    writeln!(
        out,
        "ok: {decks} {} with {}",
        noun(decks, "deck"),
        counted(cards, "card")
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Warnings about the review log and the settings: lines that cannot be read, decks naming a
/// preset the settings lack, and histories of cards that no deck has any more (kept, never
/// deleted). None makes the decks invalid.
fn report_log(
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
    err: &mut dyn Write,
) -> Result<()> {
    let (study, problems) = load_study(locations, config, now)?;
    for problem in &problems {
        writeln!(err, "warning: {problem} (the line is skipped and kept)")?;
    }
    for (index, deck) in study.collection.decks.iter().enumerate() {
        if let Reason::Unknown { name, line } = &study.presets().choice(index).reason {
            writeln!(
                err,
                "warning: {}:{line}: the preset \"{name}\" is not in the settings; the deck is \
                 scheduled with the global settings",
                deck.source
            )?;
        }
    }
    let orphans = study.orphans();
    if !orphans.is_empty() {
        let events: usize = orphans.iter().map(|o| o.events).sum();
        writeln!(
            err,
            "warning: the review log has {events} {} for {} {} no deck has; the history is kept, \
             and giving a card an `id` equal to its old key brings it back:",
            noun(events, "event"),
            orphans.len(),
            noun(orphans.len(), "card"),
        )?;
        let successors = successors(&study);
        let mut successors = successors.iter().peekable();
        for orphan in &orphans {
            let events = counted(orphan.events, "event");
            let likely = successors.next_if(|s| s.orphan == orphan.card);
            let likely = likely.map_or_else(String::new, |s| format!("; {}", suggestion(s)));
            writeln!(err, "  {} ({events}){likely}", orphan.card)?;
        }
    }
    Ok(())
}

/// "likely `d/new` ("New front", once "old front"): flashdeck relink d/old d/new".
fn suggestion(likely: &Successor) -> String {
    let once = likely
        .old_front
        .as_deref()
        .map_or_else(String::new, |old| format!(", once \"{}\"", shortened(old)));
    format!(
        "likely `{}` (\"{}\"{once}): flashdeck relink {} {}",
        likely.card,
        shortened(&likely.front),
        likely.orphan,
        likely.card
    )
}

/// A front's first line, cut at 40 characters.
fn shortened(front: &str) -> String {
    const MAX: usize = 40;
    let line = front.lines().next().unwrap_or_default();
    if line.chars().count() > MAX || front.lines().nth(1).is_some() {
        let cut: String = line.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

//! `flashdeck export`: every card with its schedule and memory state, as CSV or JSON; or the
//! cards' text as Anki's "Notes in Plain Text".

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use super::FAILURE;
use crate::anki_notes::MediaFile;
use crate::atomic_write;
use crate::config::Config;
use crate::english::counted;
use crate::library::{load_study, resolve_decks};
use crate::paths::Locations;
use crate::scheduler::{Calendar, Due};
use crate::store::deck_of;
use crate::study::Study;

/// One exported card. The field names are the export format: keep them.
#[derive(Debug, Serialize)]
pub struct ExportedCard {
    pub id: String,
    pub deck: String,
    pub front: String,
    /// new, learning, review, relearning, or suspended.
    pub state: &'static str,
    /// A date for review cards, a time for (re)learning cards, empty for new cards.
    pub due: Option<String>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    /// The probability of recall now.
    pub retrievability: Option<f32>,
    pub reps: u32,
    pub lapses: u32,
    pub last_review: Option<String>,
}

pub fn run(
    locations: &Locations,
    config: &Config,
    decks: &[String],
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    let (indexes, _) = resolve_decks(&study.collection, decks, locations)?;
    let cards = export(&study, &indexes, now);
    if json {
        serde_json::to_writer_pretty(&mut *out, &cards)?;
        writeln!(out)?;
    } else {
        let mut writer = csv::Writer::from_writer(out);
        for card in &cards {
            writer.serialize(card)?;
        }
        writer.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `flashdeck export --anki-notes [DECK…] [--media-dir DIR]`: the decks' notes
/// ([`crate::anki_notes`]) on `out`. Deck files with problems are left out, and `err` says so.
/// The media the notes reference are copied into `media_dir` (Anki's `collection.media`),
/// or listed on `err` for the user to copy. A file of the same name and other content in
/// `media_dir` stops the export before anything is written.
pub fn run_anki_notes(
    locations: &Locations,
    decks: &[String],
    media_dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let collection = crate::deck::load_configured(locations)?;
    if !collection.broken.is_empty() {
        let count = collection.broken.len();
        writeln!(
            err,
            "warning: {} {} problems and {} left out; `flashdeck check` lists them",
            counted(count, "deck file"),
            if count == 1 { "has" } else { "have" },
            if count == 1 { "is" } else { "are" },
        )?;
    }
    let (indexes, _) = resolve_decks(&collection, decks, locations)?;
    let decks: Vec<&crate::deck::Deck> = indexes.iter().map(|&i| &collection.decks[i]).collect();
    let export = crate::anki_notes::write(&decks);
    let present: Vec<&MediaFile> = export
        .media
        .iter()
        .filter(|file| {
            let there = file.source.is_file();
            if !there {
                let _ = writeln!(
                    err,
                    "warning: the media file {} is missing; Anki will show {} as missing",
                    file.source.display(),
                    file.name
                );
            }
            there
        })
        .collect();
    match media_dir {
        Some(dir) => {
            if let Err(message) = copy_media(&present, dir) {
                writeln!(err, "{message}; nothing was exported")?;
                return Ok(ExitCode::from(FAILURE));
            }
            if !present.is_empty() {
                writeln!(
                    err,
                    "{} in {}",
                    counted(present.len(), "media file"),
                    dir.display()
                )?;
            }
        }
        None if !present.is_empty() => {
            writeln!(
                err,
                "copy these media files into Anki's collection.media folder before importing \
                 (or pass --media-dir DIR to copy them):"
            )?;
            for file in &present {
                writeln!(err, "  {}  as {}", file.source.display(), file.name)?;
            }
        }
        None => {}
    }
    out.write_all(export.text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Copies `files` into `dir` under their names, each atomically; a file already there with
/// the same content is left. Checks everything first: a missing folder, or a name there with
/// other content (Anki's own file, never replaced), is a message and nothing is copied.
fn copy_media(files: &[&MediaFile], dir: &Path) -> Result<(), String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let mut copies = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file.source)
            .map_err(|e| format!("cannot read {}: {e}", file.source.display()))?;
        let target = dir.join(&file.name);
        match std::fs::read(&target) {
            Ok(there) if there == bytes => {}
            Ok(_) => {
                return Err(format!(
                    "{} already holds another file named {}; rename {} and export again",
                    dir.display(),
                    file.name,
                    file.source.display()
                ));
            }
            Err(_) => copies.push((target, bytes)),
        }
    }
    for (target, bytes) in copies {
        atomic_write::write(&target, &bytes, atomic_write::Existing::Keep)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(())
}

/// The export rows for `decks`, in deck and file order.
#[must_use]
pub fn export(study: &Study, decks: &[usize], now: DateTime<FixedOffset>) -> Vec<ExportedCard> {
    decks
        .iter()
        .flat_map(|&deck| study.collection.decks[deck].cards.iter())
        .map(|card| exported(study, card.id.as_str(), &card.front, now))
        .collect()
}

/// One card's export row: `card` is its id, `front` its question (empty for a history whose
/// card no longer exists).
#[must_use]
pub fn exported(
    study: &Study,
    card: &str,
    front: &str,
    now: DateTime<FixedOffset>,
) -> ExportedCard {
    let state = study.state(card);
    ExportedCard {
        id: card.to_owned(),
        deck: deck_of(card).to_owned(),
        front: front.to_owned(),
        state: if state.suspended {
            "suspended"
        } else {
            state.phase.name()
        },
        due: due_text(state.due, study.scheduler.calendar()),
        stability: state.memory.map(|m| m.stability),
        difficulty: state.memory.map(|m| m.difficulty),
        retrievability: study.scheduler_for_card(card).retrievability(state, now),
        reps: state.reps,
        lapses: state.lapses,
        last_review: state
            .last_review
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, false)),
    }
}

fn due_text(due: Due, calendar: Calendar) -> Option<String> {
    match due {
        Due::New => None,
        Due::At(at) => Some(at.to_rfc3339_opts(SecondsFormat::Secs, false)),
        Due::Day(day) => calendar
            .start_of(day, FixedOffset::east_opt(0)?)
            .map(|start| start.date_naive().to_string()),
    }
}

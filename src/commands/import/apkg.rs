//! `flashdeck import FILE.apkg | FILE.colpkg`: an Anki package becomes deck files, presets in
//! the settings, media files and a review log of its own. Everything is worked out and checked
//! first ([`crate::import::apkg`]); a fatal problem writes nothing. Then media, decks, the
//! settings and the log are written, each atomically (the log by one append).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{FixedOffset, Local, Offset, TimeZone};

use crate::atomic_write::{self, Existing};
use crate::cli::ImportArgs;
use crate::commands::FAILURE;
use crate::deck::{self, DeckId, Source};

use crate::import::apkg::{
    self, Converted, MAX_MEDIA_BYTES, MEDIA_DIR, MediaPlan, Rollover, package::Package,
};
use crate::paths::Locations;
use crate::store::{Store, event::key_of};

mod summary;

/// Events appended in one write.
const APPEND_BATCH: usize = 50_000;

/// Whether `path` names an Anki package, by its extension.
#[must_use]
pub fn is_package(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("apkg") || e.eq_ignore_ascii_case("colpkg"))
}

/// Imports a package; see the module docs.
pub fn run(
    args: &ImportArgs,
    locations: &Locations,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let file = &args.file;
    let fail = |err: &mut dyn Write, message: &dyn std::fmt::Display| -> Result<ExitCode> {
        writeln!(err, "{}: {message}; nothing was imported", file.display())?;
        Ok(ExitCode::from(FAILURE))
    };
    let (collection, mut package) = match apkg::package::open(file) {
        Ok(opened) => opened,
        Err(error) => return fail(err, &error),
    };
    let decks_dir = locations.decks.path.clone();
    let media_dir = decks_dir.join(MEDIA_DIR);
    let mut media = match apkg::plan_media(&collection.media, &mut |name, file| {
        compare(&media_dir.join(name), &mut package, &file.entry)
    }) {
        Ok(plan) => plan,
        Err(error) => return fail(err, &error),
    };
    media.copies.retain(|copy| {
        let there = package.has_entry(&copy.entry);
        if !there {
            media
                .left_out
                .push((copy.name.clone(), "the package lacks its file".to_owned()));
        }
        there
    });
    let file_name = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let description = format!("Imported from {file_name} (Anki) on {today}.");
    let mut converted = match apkg::convert(&collection, &media, &description, &local_offset) {
        Ok(converted) => converted,
        Err(error) => return fail(err, &error),
    };
    let colpkg = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("colpkg"));
    // A whole collection brings its day rollover hour (Anki's 4 when it sets none); a deck
    // package has none.
    let rollover = colpkg.then(|| Rollover::of(collection.rollover));
    // Every check before the first write.
    let deck_paths: Vec<PathBuf> = converted
        .decks
        .iter()
        .map(|d| decks_dir.join(format!("{}.toml", d.id)))
        .collect();
    if let Some(message) = check_decks(&converted, &deck_paths, args.force)? {
        return fail(err, &message);
    }
    let config_path = &locations.config.path;
    let config_text = match std::fs::read_to_string(config_path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", config_path.display()));
        }
    };
    let presets: Vec<(&apkg::model::Preset, Vec<String>)> = converted
        .presets
        .iter()
        .map(|(p, d)| (p, d.clone()))
        .collect();
    let hour = rollover.map(|r| r.hour);
    let merged = match apkg::merge_presets(&config_text, &presets, hour) {
        Ok(merged) => merged,
        Err(message) => return fail(err, &format!("{}: {message}", config_path.display())),
    };
    let log = Store::new(
        &locations.data_dir.path,
        &format!("anki-{}", log_name(file)),
    );
    let mut known = HashSet::new();
    log.read_events(|events| known.extend(events.keys()))
        .context("cannot read the review log")?;
    converted.events.retain(|e| !known.contains(&key_of(&e.id)));
    let new_events = std::mem::take(&mut converted.events);
    // The package's tables are no longer needed: their memory goes before the log's lines.
    drop(collection);
    // The writes.
    let copied = copy_media(&mut package, &media, &media_dir)?;
    let written = write_decks(&converted, &deck_paths, args.force);
    if let Err(error) = written {
        remove(&copied);
        return Err(error);
    }
    atomic_write::write(config_path, merged.text.as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", config_path.display()))?;
    // In batches, so that the lines of half a million reviews are never in memory at once;
    // a crash between two leaves a part that a second import completes (the ids are known).
    for batch in new_events.chunks(APPEND_BATCH) {
        log.append_all(batch)
            .with_context(|| format!("cannot append to {}", log.device_file().display()))?;
    }
    let outcome = summary::Outcome {
        converted: &converted,
        media: &media,
        merged: &merged,
        rollover,
        new_events: new_events.len(),
        decks_dir: &decks_dir,
        log: log.device_file(),
    };
    write!(out, "{}", outcome.summary())?;
    outcome.report(file, err)?;
    Ok(ExitCode::SUCCESS)
}

/// Why the deck files cannot be written, if they cannot: files that exist (without `force`).
/// A deck that fails its own check is a bug, reported as an error.
fn check_decks(
    converted: &Converted,
    deck_paths: &[PathBuf],
    force: bool,
) -> Result<Option<String>> {
    let existing: Vec<&PathBuf> = deck_paths.iter().filter(|p| p.exists()).collect();
    if !existing.is_empty() && !force {
        let list: Vec<String> = existing.iter().map(|p| p.display().to_string()).collect();
        let message = if let [one] = list.as_slice() {
            format!("{one} already exists; pass --force to replace it")
        } else {
            format!(
                "{} already exist; pass --force to replace them",
                list.join(", ")
            )
        };
        return Ok(Some(message));
    }
    for (deck, path) in converted.decks.iter().zip(deck_paths) {
        let parsed = deck::parse_deck(
            DeckId::new(deck.id.clone()),
            Source::File(path.clone()),
            &deck.toml,
        );
        if let Err(problems) = parsed {
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            anyhow::bail!(
                "the imported deck does not pass its own check ({first}); please report this"
            );
        }
    }
    Ok(None)
}

/// The UTC offset of this machine's time zone at a time (milliseconds since 1970), as Anki
/// counts days in the local time zone.
fn local_offset(ms: i64) -> FixedOffset {
    Local.timestamp_millis_opt(ms).single().map_or_else(
        || FixedOffset::east_opt(0).unwrap_or(Local::now().offset().fix()),
        |t| t.offset().fix(),
    )
}

/// The log file's name part: the package's file name as a slug.
fn log_name(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    apkg::slug(&stem)
}

/// Whether the media folder's file at `path` is free, the package's file, or another one.
fn compare(path: &Path, package: &mut Package, entry: &str) -> apkg::Existing {
    let Ok(on_disk) = std::fs::read(path) else {
        return if path.exists() {
            apkg::Existing::Different
        } else {
            apkg::Existing::Free
        };
    };
    let mut ours = Vec::new();
    match package.copy_media(entry, MAX_MEDIA_BYTES, &mut ours) {
        Ok(true) if ours == on_disk => apkg::Existing::Same,
        _ => apkg::Existing::Different,
    }
}

/// Copies the planned media; returns the files it created. On an error, removes them.
fn copy_media(package: &mut Package, media: &MediaPlan, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut created = Vec::new();
    for copy in media.copies.iter().filter(|c| !c.present) {
        let path = dir.join(&copy.target);
        let mut fits = true;
        let result = atomic_write::write_with(&path, Existing::Keep, |out| {
            fits = package
                .copy_media(&copy.entry, MAX_MEDIA_BYTES, out)
                .map_err(std::io::Error::other)?;
            if fits {
                Ok(())
            } else {
                Err(std::io::Error::other("over 100 MiB"))
            }
        });
        if let Err(error) = result {
            remove(&created);
            return Err(error).with_context(|| format!("cannot copy media file {}", copy.name));
        }
        created.push(path);
    }
    Ok(created)
}

fn write_decks(converted: &Converted, paths: &[PathBuf], force: bool) -> Result<()> {
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let mut created = Vec::new();
    for (deck, path) in converted.decks.iter().zip(paths) {
        let new = !path.exists();
        if let Err(error) = atomic_write::write(path, deck.toml.as_bytes(), existing) {
            remove(&created);
            return Err(error).with_context(|| format!("cannot write {}", path.display()));
        }
        if new {
            created.push(path.clone());
        }
    }
    Ok(())
}

fn remove(files: &[PathBuf]) {
    for file in files {
        let _ = std::fs::remove_file(file);
    }
}

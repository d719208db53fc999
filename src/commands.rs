//! The non-interactive subcommands and `--version`. Each writes to the given streams and
//! returns the process's exit code, so tests and `main` share one path.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::atomic_write::{self, Existing};
use crate::cli::{Format as CliFormat, ImportArgs};
use crate::deck::{self, Collection, DeckId, Source};
use crate::import::{self, Format};
use crate::paths::Locations;

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

/// `flashdeck check [PATH…]`: every problem on `err`, a summary on `out`.
pub fn check(
    paths: &[PathBuf],
    locations: &Locations,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let mut collections = Vec::new();
    if paths.is_empty() {
        collections.push(deck::load_configured(locations)?);
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
            plural(problems, "problem"),
            plural(broken, "file"),
            plural(decks, "deck"),
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
        plural(decks, "deck")
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ListedDeck<'a> {
    id: &'a DeckId,
    name: Option<&'a str>,
    cards: usize,
    file: String,
    problems: usize,
}

/// `flashdeck list [--json]`.
pub fn list(locations: &Locations, json: bool, out: &mut dyn Write) -> Result<ExitCode> {
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
                    plural(row.problems, "problem")
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

/// `flashdeck import FILE`: writes a deck that passes `check`, never replacing a file
/// unless `--force` is given.
pub fn import(
    args: &ImportArgs,
    locations: &Locations,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let Ok(text) = String::from_utf8(bytes) else {
        writeln!(
            err,
            "{}: not UTF-8 text; save the export as UTF-8",
            args.file.display()
        )?;
        return Ok(ExitCode::from(FAILURE));
    };
    let options = import::Options {
        format: args.format.map(import_format),
        term_sep: args.term_sep.clone(),
        card_sep: args.card_sep.clone(),
    };
    let file_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let imported = match import::parse(&text, &options) {
        Ok(imported) => imported,
        Err(error) => {
            writeln!(err, "{}: {error}", args.file.display())?;
            return Ok(ExitCode::from(FAILURE));
        }
    };
    for skipped in &imported.skipped {
        writeln!(
            err,
            "{}:{}: skipped: {}",
            args.file.display(),
            skipped.line,
            skipped.reason
        )?;
    }
    let stem = args.file.file_stem().map_or_else(
        || "imported".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let name = args.name.clone().unwrap_or(stem);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| locations.import_dir().join(format!("{}.toml", slug(&name))));
    let description = format!(
        "Imported from {file_name} ({} export) on {today}.",
        imported.format
    );
    let written = import::to_deck_toml(&name, &description, &imported);
    for line in &written.duplicate_fronts {
        writeln!(
            err,
            "{}:{line}: the same front as an earlier card; kept with its own `id`",
            args.file.display()
        )?;
    }
    // Prove the promise that an import passes `check` before anything is written.
    let id = DeckId::new(slug(&name));
    if let Err(problems) = deck::parse_deck(id, Source::File(output.clone()), &written.toml) {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        anyhow::bail!(
            "the imported deck does not pass its own check ({first}); please report this"
        );
    }
    if !write_new_deck(&output, &written.toml, args.force, err)? {
        return Ok(ExitCode::from(FAILURE));
    }
    let count = imported.cards.len();
    writeln!(
        out,
        "imported {count} {} from {file_name} ({}) into {}",
        plural(count, "card"),
        imported.format,
        output.display()
    )?;
    if !imported.skipped.is_empty() {
        writeln!(
            out,
            "skipped {} {} (listed above)",
            imported.skipped.len(),
            plural(imported.skipped.len(), "row")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn import_format(format: CliFormat) -> Format {
    match format {
        CliFormat::Quizlet => Format::Quizlet,
        CliFormat::Csv => Format::Csv,
        CliFormat::Anki => Format::Anki,
    }
}

/// Writes an imported deck; `false` when it exists and `force` is off.
fn write_new_deck(output: &Path, toml: &str, force: bool, err: &mut dyn Write) -> Result<bool> {
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    match atomic_write::write(output, toml.as_bytes(), existing) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                err,
                "{} already exists; pass --force to replace it, or -o to write elsewhere",
                output.display()
            )?;
            Ok(false)
        }
        Err(error) => Err(error).with_context(|| format!("cannot write {}", output.display())),
    }
}

/// A file name for a deck name: lowercase letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "imported".to_owned()
    } else {
        words.join("-")
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_file_name_safe() {
        assert_eq!(slug("Spanish: Verbs (A1)"), "spanish-verbs-a1");
        assert_eq!(slug("???"), "imported");
        assert_eq!(slug("Größe"), "größe");
    }
}

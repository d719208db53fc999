//! `flashdeck import`: an export from another tool becomes a deck file; an Anki package
//! ([`apkg`]) becomes decks, presets, media and history.

mod apkg;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::FAILURE;
use crate::atomic_write::{self, Existing};
use crate::cli::{Format as CliFormat, ImportArgs};
use crate::deck::{self, DeckId, Source};
use crate::english::noun;
use crate::import::{self, Format};
use crate::paths::Locations;

/// `flashdeck import FILE`: writes a deck that passes `check`, never replacing a file
/// unless `--force` is given.
pub fn run(
    args: &ImportArgs,
    locations: &Locations,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    if apkg::is_package(&args.file) {
        return apkg::run(args, locations, today, out, err);
    }
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
        delimiter: args.delimiter.clone(),
    };
    let file_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let imported = match import::parse(&text, &options) {
        Ok(imported) => imported,
        Err(error) => {
            if let import::ImportError::Empty { skipped } = &error {
                list_skipped(err, &args.file, skipped)?;
            }
            writeln!(err, "{}: {error}", args.file.display())?;
            return Ok(ExitCode::from(FAILURE));
        }
    };
    list_skipped(err, &args.file, &imported.skipped)?;
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
    let deck = match deck::parse_deck(id, Source::File(output.clone()), &written.toml) {
        Ok(deck) => deck,
        Err(problems) => {
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            anyhow::bail!(
                "the imported deck does not pass its own check ({first}); please report this"
            );
        }
    };
    if !write_new_deck(&output, &written.toml, args.force, err)? {
        return Ok(ExitCode::from(FAILURE));
    }
    // Cards as studied: a reversed row is two, a cloze row one per number.
    let count = deck.cards.len();
    writeln!(
        out,
        "imported {count} {} from {file_name} ({}) into {}",
        noun(count, "card"),
        imported.format,
        output.display()
    )?;
    if !imported.skipped.is_empty() {
        writeln!(
            out,
            "skipped {} {} (listed above)",
            imported.skipped.len(),
            noun(imported.skipped.len(), "row")
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
    import::apkg::slug_or(name, "imported")
}

/// Each row that could not become a card, as `file:line: skipped: reason`.
fn list_skipped(
    err: &mut dyn Write,
    file: &std::path::Path,
    skipped: &[import::Skipped],
) -> std::io::Result<()> {
    for row in skipped {
        writeln!(
            err,
            "{}:{}: skipped: {}",
            file.display(),
            row.line,
            row.reason
        )?;
    }
    Ok(())
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

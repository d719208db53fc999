//! `flashdeck config path|show|init`: where the settings file is, what is in effect (the
//! global section, each preset, and which preset each deck uses), and a commented file of
//! defaults to start from.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::FAILURE;
use crate::atomic_write::{self, Existing};
use crate::cli::ConfigCommand;
use crate::config::{self, Config, Preset};
use crate::deck::{self, Collection};
use crate::paths::Locations;
use crate::study::presets::Reason;

pub fn run(
    command: &ConfigCommand,
    locations: &Locations,
    config: &Config,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let path = &locations.config.path;
    match command {
        ConfigCommand::Path => writeln!(out, "{}", path.display())?,
        ConfigCommand::Show => {
            let values = config::values(config);
            // Aligned on the short settings; a long one (the parameters) just goes first.
            let width = values
                .iter()
                .map(|(k, v)| k.len() + v.len() + 3)
                .filter(|&length| length <= 48)
                .max()
                .unwrap_or(0);
            let at = |line: &usize| format!("{}:{line}", path.display());
            for (key, value) in values {
                let origin = config
                    .lines
                    .get(key)
                    .map_or_else(|| "default".to_owned(), at);
                let setting = format!("{key} = {value}");
                writeln!(out, "{setting:width$}  # {origin}")?;
            }
            for preset in &config.presets {
                show_preset(config, preset, path, width, out)?;
            }
            // A collection that cannot be opened still has settings to show.
            if let Ok(collection) = deck::load_configured(locations) {
                show_decks(config, &collection, path, out)?;
            }
        }
        ConfigCommand::Init { force } => {
            let existing = if *force {
                Existing::Replace
            } else {
                Existing::Keep
            };
            match atomic_write::write(path, config::template().as_bytes(), existing) {
                Ok(()) => writeln!(out, "wrote the default settings to {}", path.display())?,
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    writeln!(
                        err,
                        "{} already exists; pass --force to replace it",
                        path.display()
                    )?;
                    return Ok(ExitCode::from(FAILURE));
                }
                Err(error) => {
                    return Err(error).with_context(|| format!("cannot write {}", path.display()));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A preset's table: every key it may set, each with where its value comes from, its own line
/// or the global section's.
fn show_preset(
    config: &Config,
    preset: &Preset,
    path: &Path,
    width: usize,
    out: &mut dyn Write,
) -> Result<()> {
    let at = |line: &usize| format!("{}:{line}", path.display());
    let header = config::preset_table(&preset.name);
    writeln!(out, "\n{header:width$}  # {}", at(&preset.line))?;
    let decks: Vec<String> = preset.decks.iter().map(|d| format!("\"{d}\"")).collect();
    let decks = format!("decks = [{}]", decks.join(", "));
    let origin = preset
        .lines
        .get("decks")
        .map_or_else(|| "none".to_owned(), at);
    writeln!(out, "{decks:width$}  # {origin}")?;
    for (key, value) in config::preset_values(config, preset) {
        let origin = match (preset.lines.get(key), config.lines.get(key)) {
            (Some(line), _) => at(line),
            (None, Some(line)) => format!("global, {}", at(line)),
            // `optimized` is not the global date when the preset has its own parameters.
            (None, None) if key == "optimized" && preset.lines.contains_key("parameters") => {
                "never".to_owned()
            }
            (None, None) => "global, default".to_owned(),
        };
        let setting = format!("{key} = {value}");
        writeln!(out, "{setting:width$}  # {origin}")?;
    }
    Ok(())
}

/// Each deck's preset and why, when there are presets or a deck names one.
fn show_decks(
    config: &Config,
    collection: &Collection,
    path: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    let named = collection.decks.iter().any(|deck| deck.preset.is_some());
    if config.presets.is_empty() && !named {
        return Ok(());
    }
    let mut presets = crate::library::presets(config)?;
    presets.resolve(collection);
    writeln!(
        out,
        "\n# Each deck's preset; the values are in the tables above"
    )?;
    let width = collection
        .decks
        .iter()
        .map(|deck| deck.id.as_str().chars().count())
        .max()
        .unwrap_or(0);
    for (index, deck) in collection.decks.iter().enumerate() {
        let choice = presets.choice(index);
        let name = presets.name(choice.preset).unwrap_or("global");
        let why = match &choice.reason {
            Reason::DeckFile { line } => format!("its file, {}:{line}", deck.source),
            Reason::Glob(glob) => {
                let line = (choice.preset.checked_sub(1))
                    .and_then(|preset| config.presets.get(preset))
                    .and_then(|preset| preset.lines.get("decks"))
                    .map_or_else(String::new, |line| format!(", {}:{line}", path.display()));
                format!("glob \"{glob}\"{line}")
            }
            Reason::Global => "no preset names it".to_owned(),
            Reason::Unknown { name, line } => format!(
                "warning: its file names the preset \"{name}\" ({}:{line}), which the settings do not define",
                deck.source
            ),
        };
        let id = deck.id.as_str();
        writeln!(out, "{id:width$}  {name:8}  # {why}")?;
    }
    Ok(())
}

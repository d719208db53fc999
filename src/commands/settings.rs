//! `flashdeck config path|show|init`: where the settings file is, what is in effect, and a
//! commented file of defaults to start from.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::FAILURE;
use crate::atomic_write::{self, Existing};
use crate::cli::ConfigCommand;
use crate::config::{self, Config};
use crate::paths::Locations;

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
            for (key, value) in values {
                let origin = config.lines.get(key).map_or_else(
                    || "default".to_owned(),
                    |line| format!("{}:{line}", path.display()),
                );
                let setting = format!("{key} = {value}");
                writeln!(out, "{setting:width$}  # {origin}")?;
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

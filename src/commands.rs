//! The non-interactive subcommands and `--version`. Each writes to the given streams and
//! returns the process's exit code, so tests and `main` share one path. [`run`] dispatches:
//! it reads the arguments, and the subcommand calls the library and the domain and prints.

pub mod add;
pub mod card_actions;
pub mod cards;
pub mod catch_up;
pub mod check;
pub mod due;
pub mod exam;
pub mod export;
pub mod import;
pub mod info;
pub mod init;
pub mod list;
pub mod optimize;
pub mod settings;
pub mod simulate;
pub mod stats;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::cli::Command;
use crate::config::Config;
use crate::deck::Problem;
use crate::paths::Locations;
use crate::study::actions::CardAction as Action;

/// A search as an error message quotes it: cut after 60 characters, so that a pasted page
/// does not bury the message.
fn shown_query(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Card text as a terminal should print it: control characters other than line breaks and
/// tabs (an escape sequence in a card would recolour or move the terminal) become `�`.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

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

/// Runs a subcommand at `now` on stdout and stderr, after warning about the settings file's
/// `config_problems`. The study modes are the TUI's (`app::start`), not commands.
pub fn run(
    command: Command,
    locations: &Locations,
    config: &Config,
    config_problems: &[Problem],
    now: DateTime<FixedOffset>,
) -> Result<ExitCode> {
    // Buffered: the standard output flushes every line, which made a large JSON export spend
    // most of its time in write calls.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    for problem in config_problems {
        writeln!(err, "warning: {problem}")?;
    }
    let acting = card_actions::Acting {
        locations,
        config,
        now,
    };
    let code = match command {
        Command::Review { .. }
        | Command::Flashcards { .. }
        | Command::Learn { .. }
        | Command::Match { .. }
        | Command::Test { .. } => {
            anyhow::bail!("the study modes open the terminal interface, not a command")
        }
        Command::Config(command) => settings::run(&command, locations, config, &mut out, &mut err)?,
        Command::Check { paths } => check::run(&paths, locations, config, now, &mut out, &mut err)?,
        Command::List { json } => list::run(locations, json, &mut out)?,
        Command::Import(args) => {
            import::run(&args, locations, now.date_naive(), &mut out, &mut err)?
        }
        Command::Add(args) => add::run(&args, locations, &mut out, &mut err)?,
        Command::Init => init::run(locations, &mut out, &mut err)?,
        Command::Stats { json, only } => stats::run(locations, config, &only, json, now, &mut out)?,
        Command::Due { json } => due::run(locations, config, json, now, &mut out)?,
        Command::Optimize(args) => {
            optimize::run(locations, config, &args, now, &mut out, &mut err)?
        }
        Command::Exam(args) => exam::run(locations, config, &args, now, &mut out, &mut err)?,
        Command::CatchUp(args) => catch_up::run(locations, config, &args, now, &mut out, &mut err)?,
        Command::Simulate(args) => {
            simulate::run(locations, config, &args, now, &mut out, &mut err)?
        }
        Command::Cards(args) => cards::run(locations, config, &args, now, &mut out)?,
        Command::Suspend(chosen) => acting.run(Action::Suspend, &chosen, &mut out, &mut err)?,
        Command::Unsuspend(chosen) => acting.run(Action::Unsuspend, &chosen, &mut out, &mut err)?,
        Command::Forget(chosen) => acting.run(Action::Forget, &chosen, &mut out, &mut err)?,
        Command::Star(chosen) => acting.run(Action::Star, &chosen, &mut out, &mut err)?,
        Command::Unstar(chosen) => acting.run(Action::Unstar, &chosen, &mut out, &mut err)?,
        Command::Bury(chosen) => acting.run(Action::Bury, &chosen, &mut out, &mut err)?,
        Command::Unbury(chosen) => acting.run(Action::Unbury, &chosen, &mut out, &mut err)?,
        Command::SetDue(args) => acting.set_due(&args, &mut out, &mut err)?,
        Command::Relink { old, new } => acting.relink(&old, &new, &mut out, &mut err)?,
        Command::Info { card, json } => {
            info::run(locations, config, &card, json, now, &mut out, &mut err)?
        }
        Command::Export {
            anki_notes: true,
            only,
            media_dir,
            ..
        } => export::run_anki_notes(locations, &only, media_dir.as_deref(), &mut out, &mut err)?,
        Command::Export {
            json, csv: _, only, ..
        } => export::run(locations, config, &only, json, now, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

/// Whether `error` is a closed pipe (`flashdeck export | head`): not an error worth reporting.
/// The I/O error may come wrapped in the JSON or CSV writer's error.
#[must_use]
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let pipe = Some(io::ErrorKind::BrokenPipe);
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().map(io::Error::kind) == pipe
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| match e.kind() {
                    csv::ErrorKind::Io(io) => Some(io.kind()) == pipe,
                    _ => false,
                })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn card_text_loses_its_escape_sequences_and_a_long_search_is_cut() {
        assert_eq!(
            super::printable("red \u{1b}[31mtext\nline\ttab"),
            "red \u{fffd}[31mtext\nline\ttab"
        );
        assert_eq!(super::printable("plain"), "plain");
        let long = "a".repeat(61);
        assert_eq!(super::shown_query(&long), format!("{}…", "a".repeat(60)));
        assert_eq!(super::shown_query("is:due"), "is:due");
    }
}

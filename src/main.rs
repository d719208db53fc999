//! The `flashdeck` binary: parse the command line, then run a subcommand or the TUI.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use flashdeck::app::{self, App};
use flashdeck::cli::{Cli, Command};
use flashdeck::commands::{self, FAILURE};
use flashdeck::deck;
use flashdeck::paths::{self, Defaults, Overrides};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            // A closed pipe (`flashdeck list | head`) is not an error worth reporting.
            if error
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("flashdeck: {error:#}");
            ExitCode::from(FAILURE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let overrides = Overrides {
        decks: cli.global.decks,
        data_dir: cli.global.data_dir,
        config: cli.global.config,
    };
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let locations = paths::resolve(
        &overrides,
        |name| std::env::var_os(name),
        &cwd,
        &Defaults::from_platform(),
    )?;
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    if cli.global.version {
        commands::version(&locations, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let code = match cli.command {
        Some(Command::Check { paths }) => commands::check(&paths, &locations, &mut out, &mut err)?,
        Some(Command::List { json }) => commands::list(&locations, json, &mut out)?,
        Some(Command::Import(args)) => {
            let today = chrono::Local::now().date_naive();
            commands::import(&args, &locations, today, &mut out, &mut err)?
        }
        None => {
            drop((out, err));
            let collection = deck::load_configured(&locations)?;
            let mut app = App::new(collection, locations.decks.path.clone());
            let mut terminal =
                ratatui::try_init().context("cannot start the terminal interface")?;
            let result = app::run(&mut terminal, &mut app);
            ratatui::try_restore().context("cannot restore the terminal")?;
            result?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    out.flush()?;
    Ok(code)
}

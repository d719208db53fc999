//! The `flashdeck` binary: parse the command line, then run the TUI (no subcommand, or a study
//! mode) or a subcommand.

use std::io;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;

use flashdeck::cli::Cli;
use flashdeck::commands::{self, FAILURE};
use flashdeck::paths::{self, Defaults, Overrides};
use flashdeck::runtime::start::{self, Start};
use flashdeck::{config, library};

// jemalloc rather than glibc's malloc: a warm start spent a third of its system time growing
// the worker threads' heaps a page at a time (`mprotect`); see docs/performance.md.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // When the process started, near enough: for `--after-first-frame exit`'s report.
    let started = Instant::now();
    match run(Cli::parse(), started) {
        Ok(code) => code,
        Err(error) if commands::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("flashdeck: {error:#}");
            ExitCode::from(FAILURE)
        }
    }
}

fn run(cli: Cli, started: Instant) -> Result<ExitCode> {
    let overrides = Overrides {
        decks: cli.global.decks,
        data_dir: cli.global.data_dir,
        config: cli.global.config,
    };
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let env = |name: &str| std::env::var_os(name);
    let locations = paths::resolve(&overrides, env, &cwd, &Defaults::from_platform())?;
    if cli.global.version {
        commands::version(&locations, &mut io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (config, problems) = config::load(&locations.config.path, no_color);
    match Start::for_command(cli.command) {
        Ok(at) => start::run_tui(
            &locations,
            &config,
            &problems,
            at,
            cli.global.after_first_frame,
            started,
        ),
        Err(command) => commands::run(*command, &locations, &config, &problems, library::now()),
    }
}

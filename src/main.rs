//! The `flashdeck` binary: parse the command line, then run a subcommand or the TUI.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use flashdeck::app::runtime::{self, Runtime};
use flashdeck::app::{App, PracticeMode, Saving};
use flashdeck::cli::{AfterFirstFrame, Cli, Command};
use flashdeck::commands::{self, FAILURE};
use flashdeck::config::{self, Config};
use flashdeck::deck::Problem;
use flashdeck::library;
use flashdeck::paths::{self, Defaults, Locations, Overrides};
use flashdeck::session::review::Kind;
use flashdeck::study::CramFilter;
use flashdeck::ui::Theme;

/// When the process started, near enough: for `--after-first-frame exit`'s report.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

fn main() -> ExitCode {
    STARTED.get_or_init(std::time::Instant::now);
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("flashdeck: {error:#}");
            ExitCode::from(FAILURE)
        }
    }
}

/// A closed pipe (`flashdeck export | head`) is not an error worth reporting. The I/O error
/// may come wrapped in the JSON or CSV writer's error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
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
    if cli.global.version {
        commands::version(&locations, &mut io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (config, config_problems) = config::load(&locations.config.path, no_color);
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let after = cli.global.after_first_frame;
    let tui_start = |start| tui(&locations, &config, &config_problems, start, after);
    if !matches!(
        cli.command,
        None | Some(
            Command::Review { .. }
                | Command::Flashcards { .. }
                | Command::Learn { .. }
                | Command::Match { .. }
                | Command::Test { .. }
        )
    ) {
        for problem in &config_problems {
            writeln!(err, "warning: {problem}")?;
        }
    }
    let settings = &config.scheduling;
    let now = library::now();
    let code = match cli.command {
        None => return tui_start(None),
        Some(Command::Review {
            only,
            ahead,
            cram,
            tag,
            starred,
        }) => {
            let kind = match (ahead, cram) {
                (Some(days), _) => Kind::Ahead(days),
                (None, true) => Kind::Cram(CramFilter { tag, starred }),
                (None, false) => Kind::Due,
            };
            return tui_start(Some((Start::Review(kind), &only)));
        }
        Some(Command::Flashcards { only }) => {
            return tui_start(Some((Start::Practice(PracticeMode::Flashcards), &only)));
        }
        Some(Command::Learn { only }) => {
            return tui_start(Some((Start::Practice(PracticeMode::Learn), &only)));
        }
        Some(Command::Match { only }) => {
            return tui_start(Some((Start::Practice(PracticeMode::Match), &only)));
        }
        Some(Command::Test { only }) => {
            return tui_start(Some((Start::Practice(PracticeMode::Test), &only)));
        }
        Some(Command::Config(command)) => {
            commands::settings::run(&command, &locations, &config, &mut out, &mut err)?
        }
        Some(Command::Check { paths }) => {
            commands::check::run(&paths, &locations, settings, now, &mut out, &mut err)?
        }
        Some(Command::List { json }) => commands::list::run(&locations, json, &mut out)?,
        Some(Command::Import(args)) => {
            commands::import::run(&args, &locations, now.date_naive(), &mut out, &mut err)?
        }
        Some(Command::Stats { json, only }) => {
            commands::stats::run(&locations, &config, &only, json, now, &mut out)?
        }
        Some(Command::Due { json }) => {
            commands::due::run(&locations, settings, json, now, &mut out)?
        }
        Some(Command::Optimize(args)) => {
            commands::optimize::run(&locations, &config, &args, now, &mut out, &mut err)?
        }
        Some(Command::Exam(args)) => {
            commands::exam::run(&locations, settings, &args, now, &mut out, &mut err)?
        }
        Some(Command::CatchUp(args)) => {
            commands::catch_up::run(&locations, settings, &args, now, &mut out, &mut err)?
        }
        Some(Command::Simulate(args)) => {
            commands::simulate::run(&locations, &config, &args, now, &mut out, &mut err)?
        }
        Some(Command::Export { json, csv: _, only }) => {
            commands::export::run(&locations, settings, &only, json, now, &mut out)?
        }
    };
    out.flush()?;
    Ok(code)
}

/// Where the TUI opens, when not on the home screen.
enum Start {
    Review(Kind),
    Practice(PracticeMode),
}

/// Runs the TUI on the home screen, or straight into a mode (`None` is review) on decks.
fn tui(
    locations: &Locations,
    config: &Config,
    config_problems: &[Problem],
    start: Option<(Start, &[String])>,
    after_first_frame: Option<AfterFirstFrame>,
) -> Result<ExitCode> {
    let now = library::now();
    let library::Loaded { study, log } = library::load(
        locations,
        &config.scheduling,
        now,
        flashdeck::store::Events::Background,
    )?;
    let mut app = App::new(study, locations.decks.path.clone(), now);
    app.theme = Theme::named(config.theme);
    app.strictness = config.strictness;
    app.goals = config.goals();
    app.refresh_motivation();
    if let Some(first) = config_problems.first() {
        app.notice = Some(format!("Settings: {first} (run `flashdeck config show`)"));
    }
    if let Some(first) = log.problems.first().filter(|_| app.notice.is_none()) {
        app.notice = Some(format!(
            "{} unreadable line(s) in the review log (first: {first}); run `flashdeck check`",
            log.problems.len()
        ));
    }
    if let Some((start, decks)) = start {
        let (indexes, title) = library::resolve_decks(&app.study.collection, decks, locations)?;
        match start {
            Start::Review(kind) => app.start_session(indexes, title, kind),
            Start::Practice(mode) => app.open_options(mode, indexes, title),
        }
    }
    let mut runtime = Runtime {
        log,
        locations: locations.clone(),
        after_first_frame,
        first_frame: None,
    };
    if let Err(error) = runtime.log.store.check_writable() {
        app.saving = Saving::Ask(format!(
            "cannot write to {}: {error}",
            runtime.log.store.device_file().display()
        ));
    }
    let mut terminal = ratatui::try_init().context("cannot start the terminal interface")?;
    let result = runtime::run(&mut terminal, &mut app, &mut runtime);
    ratatui::try_restore().context("cannot restore the terminal")?;
    result?;
    if let (Some(AfterFirstFrame::Exit), Some(drawn), Some(started)) =
        (after_first_frame, runtime.first_frame, STARTED.get())
    {
        eprintln!("first frame after {} ms", (drawn - *started).as_millis());
    }
    // Saved on the way out, not at the start, so that the first screen comes at once.
    if matches!(app.saving, Saving::On) {
        // Only a cache: the next start reads the log instead.
        let _ = runtime.log.save_snapshot(&mut app.study);
    }
    Ok(ExitCode::SUCCESS)
}

//! Starting the TUI: which screen the command line asks for, loading the decks and the log,
//! the first notice, the run loop, and saving the snapshot on the way out.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

use super::Runtime;
use super::first_frame;
use crate::app::{App, PracticeMode, Saving};
use crate::cli::{AfterFirstFrame, Command};
use crate::config::Config;
use crate::deck::Problem;
use crate::library;
use crate::paths::Locations;
use crate::session::review::Kind;
use crate::study::CramFilter;
use crate::ui::Theme;

/// Where the TUI opens.
#[derive(Debug)]
pub enum Start {
    /// The home screen (no subcommand).
    Home,
    /// A review session (due, ahead or cram) on these DECK arguments.
    Review(Kind, Vec<String>),
    /// A practice mode's options screen on these DECK arguments.
    Practice(PracticeMode, Vec<String>),
}

impl Start {
    /// Where the TUI opens for this command line; a subcommand that is not a study mode comes
    /// back as the error, for `commands::run` (boxed: some commands' arguments are large).
    pub fn for_command(command: Option<Command>) -> Result<Self, Box<Command>> {
        Ok(match command {
            None => Self::Home,
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
                Self::Review(kind, only)
            }
            Some(Command::Flashcards { only }) => Self::Practice(PracticeMode::Flashcards, only),
            Some(Command::Learn { only }) => Self::Practice(PracticeMode::Learn, only),
            Some(Command::Match { only }) => Self::Practice(PracticeMode::Match, only),
            Some(Command::Test { only }) => Self::Practice(PracticeMode::Test, only),
            Some(other) => return Err(Box::new(other)),
        })
    }
}

/// The notice for the settings' problems: how many, and the first whole (the notice line
/// wraps), since the TUI has room for one.
fn settings_notice(problems: &[Problem]) -> Option<String> {
    let first = problems.first()?;
    Some(match problems.len() {
        1 => format!("Settings: {first} (`flashdeck config show` lists every setting)"),
        count => format!(
            "Settings: {}, the first: {first} (`flashdeck config show` lists them all)",
            crate::english::counted(count, "problem")
        ),
    })
}

/// The notice for the review log's unreadable lines: how many, and the first.
fn log_notice(problems: &[impl std::fmt::Display]) -> Option<String> {
    let first = problems.first()?;
    Some(format!(
        "{} in the review log (first: {first}); run `flashdeck check`",
        crate::english::counted(problems.len(), "unreadable line")
    ))
}

/// Every start notice in one (the TUI shows one notice, and wraps it), so that none hides
/// another: a bad setting and a torn log are both told, each a sentence.
fn joined_notice(notices: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let all: Vec<String> = notices.into_iter().flatten().collect();
    (!all.is_empty()).then(|| crate::english::sentences(all.iter().map(String::as_str)))
}

/// Runs the TUI at `start` until the user quits. `started` is when the process started, for
/// `--after-first-frame exit`'s report.
pub fn run_tui(
    locations: &Locations,
    config: &Config,
    config_problems: &[Problem],
    start: Start,
    after_first_frame: Option<AfterFirstFrame>,
    started: Instant,
) -> Result<ExitCode> {
    // Before the first frame: a signal while the history is read leaves at once, the
    // terminal restored (or, before a terminal is open, once the loading ends).
    let stop = super::stop::Stop::register().context("cannot watch for signals")?;
    let now = library::now();
    let home = matches!(start, Start::Home);
    let after = (after_first_frame, started);
    let (loaded, first) = match first_frame::open(home, locations, config, now, after, &stop)? {
        first_frame::Opened::Loaded(opened) => *opened,
        first_frame::Opened::Leave(code) => return Ok(code),
    };
    let library::Loaded { study, log } = loaded;
    // Not freed on the way out: the process ends right after, and freeing a large
    // collection card by card took a tenth of a warm start.
    let mut app = std::mem::ManuallyDrop::new(App::new(study, locations.decks.path.clone(), now));
    app.strictness = config.strictness;
    app.set_goals(config.goals());
    app.media.autoplay = config.media.autoplay;
    app.media.speech = !config.media.tts_command.is_empty();
    let (memory, memory_notice) = super::memory::load(&locations.data_dir.path);
    app.practice_memory = memory;
    app.notice = joined_notice([
        settings_notice(config_problems),
        memory_notice,
        log_notice(&log.problems),
    ]);
    match start {
        Start::Home => {}
        Start::Review(kind, decks) => {
            let (indexes, title) =
                library::resolve_decks(&app.study.collection, &decks, locations)?;
            app.start_session(indexes, title, kind);
        }
        Start::Practice(mode, decks) => {
            let (indexes, title) =
                library::resolve_decks(&app.study.collection, &decks, locations)?;
            app.open_options(mode, indexes, title);
        }
    }
    let mut runtime = Runtime {
        log,
        locations: locations.clone(),
        after_first_frame,
        first_frame: None,
        counted_frame: None,
        theme: Theme::named(config.theme),
        stopped_by: None,
        // Asked of the terminal below, once it is in raw mode.
        media: super::media::Media::new(&config.media, None, &locations.decks.path),
    };
    if let Err(error) = runtime.log.store.check_writable() {
        app.saving = Saving::Ask(format!(
            "cannot write to {}: {error}",
            runtime.log.store.device_file().display()
        ));
    }
    let mut terminal = match first {
        Some(first) => {
            runtime.first_frame = Some(first.drawn);
            first.terminal
        }
        None => super::open_terminal().context("cannot start the terminal interface")?,
    };
    // After the first frame: the audio player is looked for on PATH, and the terminal asked
    // how it draws pictures only if a card has one.
    let (media, answered) =
        super::media::Media::start(&config.media, &app.study.collection, &locations.decks.path);
    runtime.media = media;
    if answered {
        // Whatever the terminal's answer left on the screen goes. (Clearing asks the terminal
        // where its cursor is: only one that answers is asked.)
        terminal.clear()?;
    }
    app.media.pictures = runtime.media.pictures.on();
    app.media.player = runtime.media.audio.has_player();
    let result = super::run(&mut terminal, &mut app, &mut runtime, stop);
    // The terminal may have gone (its window closed): the snapshot is still saved below.
    let restored = ratatui::try_restore().context("cannot restore the terminal");
    result?;
    match (
        after_first_frame,
        runtime.first_frame,
        runtime.counted_frame,
    ) {
        (Some(AfterFirstFrame::Exit), Some(drawn), _) => {
            eprintln!("first frame after {} ms", (drawn - started).as_millis());
        }
        (Some(AfterFirstFrame::Counted), _, Some(drawn)) => {
            eprintln!("counted frame after {} ms", (drawn - started).as_millis());
        }
        _ => {}
    }
    // Saved on the way out, not at the start, so that the first screen comes at once.
    if matches!(app.saving, Saving::On) {
        // Only a cache: the next start reads the log instead.
        let _ = runtime.log.save_snapshot(&mut app.study);
    }
    if let Some(signal) = runtime.stopped_by {
        // The shell's code for a process a signal ended, as if no handler had caught it.
        return Ok(ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)));
    }
    restored?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn problem(line: usize, message: &str) -> Problem {
        Problem {
            path: PathBuf::from("/c/config.toml"),
            line,
            column: 1,
            message: message.to_owned(),
        }
    }

    #[test]
    fn the_settings_notice_counts_the_problems_and_shows_the_first_whole() {
        assert_eq!(settings_notice(&[]), None);
        assert_eq!(
            settings_notice(&[problem(2, "`rollover_hour` is 30")]).as_deref(),
            Some(
                "Settings: /c/config.toml:2:1: `rollover_hour` is 30 (`flashdeck config show` lists every setting)"
            )
        );
        assert_eq!(
            settings_notice(&[
                problem(2, "`rollover_hour` is 30"),
                problem(5, "unknown key")
            ])
            .as_deref(),
            Some(
                "Settings: 2 problems, the first: /c/config.toml:2:1: `rollover_hour` is 30 (`flashdeck config show` lists them all)"
            )
        );
    }

    #[test]
    fn a_bad_setting_and_a_torn_log_are_both_told() {
        let settings = Some("Settings: bad".to_owned());
        let log = log_notice(&["reviews/a.jsonl:3: EOF"]);
        assert_eq!(
            log.as_deref(),
            Some(
                "1 unreadable line in the review log (first: reviews/a.jsonl:3: EOF); \
                 run `flashdeck check`"
            )
        );
        let both = joined_notice([settings, None, log]).unwrap();
        assert!(
            both.starts_with("Settings: bad. 1 unreadable line in the review log"),
            "{both}"
        );
        assert_eq!(joined_notice([None, None]), None);
        let two = log_notice(&["x:1: a", "x:2: b"]).unwrap();
        assert!(two.starts_with("2 unreadable lines in the review log (first: x:1: a)"));
    }
}

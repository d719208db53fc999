//! The TUI's run loop: draws, turns keys and clicks into actions, and performs effects. The
//! only part of the TUI that touches the terminal, the clock, the review log and the editor,
//! and the one place that joins `app` (state and update) and `ui` (drawing): a click becomes
//! an action here, from the targets that drawing reported.

use std::io;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::Receiver;
use std::time::{Duration, SystemTime};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

mod adding;
pub mod clusters;
mod first_frame;
pub mod media;
pub mod memory;
pub mod start;
pub mod stop;

use crate::app::{Action, App, Effect, Saving};
use crate::cli::AfterFirstFrame;
use crate::deck;
use crate::library::LogState;
use crate::library::now;
use crate::paths::Locations;
use crate::store::{NewEvent, Store};
use crate::ui;
use stop::Stop;

/// The terminal the TUI draws on: crossterm's, with rows of wide or combined clusters drawn
/// whole ([`clusters`]).
pub type Tui = Terminal<clusters::WholeClusters<CrosstermBackend<io::Stdout>>>;

/// Raw mode, the alternate screen and the panic hook that restores them (ratatui's
/// `try_init`), and the terminal over them.
pub fn open_terminal() -> io::Result<Tui> {
    // Only for its setup; its own terminal is replaced by one that draws clusters whole.
    drop(ratatui::try_init()?);
    Terminal::new(clusters::WholeClusters::new(CrosstermBackend::new(
        io::stdout(),
    ))?)
}

/// Takes the terminal back after it was handed over (to an editor) or put back (by the panic
/// hook), every cell drawn again.
fn reopen_terminal(terminal: &mut Tui) -> io::Result<()> {
    *terminal = open_terminal()?;
    terminal.clear()
}

/// What a workload simulation sends back.
type SimulationResult = Result<Vec<crate::workload::Workload>, String>;

/// A simulation's result, or `Err` if it panicked: the panic hook has then put the terminal
/// back, and the loop takes it again.
type Simulation = Result<SimulationResult, ()>;

/// What the effects need.
#[derive(Debug)]
pub struct Runtime {
    /// The review log: its store, how far it has been read (to read what other windows
    /// append), and the go for the history's background read once the first frame is up.
    pub log: LogState,
    pub locations: Locations,
    pub after_first_frame: Option<AfterFirstFrame>,
    /// When the first frame was drawn (for `--after-first-frame exit`'s report).
    pub first_frame: Option<std::time::Instant>,
    /// When the first frame with every card's state was drawn (`--after-first-frame counted`).
    pub counted_frame: Option<std::time::Instant>,
    /// The colours, from the settings; the ui draws with them.
    pub theme: ui::Theme,
    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended the run loop, if one did.
    pub stopped_by: Option<i32>,
    /// Sounds, speech and pictures.
    pub media: media::Media,
}

/// Draws and handles keys until the user quits, or until SIGTERM, SIGHUP (the terminal
/// window closed) or SIGINT asks it to: then it leaves as `q` does, between two actions, so a
/// write under way is finished first.
/// `stop` is registered before the first frame, so that a signal during the loading after it
/// leaves through the loop too, the terminal restored.
pub fn run(
    terminal: &mut Tui,
    app: &mut App,
    runtime: &mut Runtime,
    mut stop: Stop,
) -> io::Result<()> {
    stop.exit_on_second_signal()?;
    let result = run_loop(terminal, app, runtime, &stop);
    // Nothing plays on after the app.
    runtime.media.audio.stop();
    runtime.stopped_by = stop.signal();
    stop.unregister();
    // Mouse reports are only on for the match grid; never leave them on.
    let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
    result
}

// One arm per effect: splitting the match would hide which effect does what.
#[allow(clippy::too_many_lines)]
fn run_loop(
    terminal: &mut Tui,
    app: &mut App,
    runtime: &mut Runtime,
    stop: &Stop,
) -> io::Result<()> {
    let mut mouse = false;
    let mut loaded_at = SystemTime::now();
    let mut start_reading = runtime.log.start_reading.take();
    let mut simulation: Option<Receiver<Simulation>> = None;
    loop {
        // A signal leaves as Ctrl-C does (a test in progress is kept), before any more drawing:
        // the terminal may be gone.
        let action = if stop.asked() {
            Action::Quit
        } else {
            follow_mouse(app, &mut mouse)?;
            let (clicks, size) = draw(terminal, app, runtime)?;
            let drawn = std::time::Instant::now();
            runtime.first_frame.get_or_insert(drawn);
            runtime.counted_frame.get_or_insert(drawn);
            match runtime.after_first_frame {
                Some(AfterFirstFrame::Exit | AfterFirstFrame::Counted) => return Ok(()),
                Some(AfterFirstFrame::Panic) => panic!("forced by --after-first-frame panic"),
                // Held before this loop (on the home screen); elsewhere nothing to hold.
                Some(AfterFirstFrame::Hold) | None => {}
            }
            if let Some(start) = start_reading.take() {
                let _ = start.send(());
            }
            // While a simulation runs, keys are still read, and its result is looked for between.
            if app.size != Some(size) {
                // Before any key: whether the screen shows decides what keys do.
                Action::Resize {
                    width: size.0,
                    height: size.1,
                }
            } else if let Some(result) = simulation
                .as_ref()
                .and_then(|running| running.try_recv().ok())
            {
                simulation = None;
                let result = if let Ok(result) = result {
                    result
                } else {
                    reopen_terminal(terminal)?;
                    Err(
                        "the simulation stopped on an internal error (its message is on the \
                         terminal once flashdeck ends)"
                            .to_owned(),
                    )
                };
                Action::Simulated(result)
            } else if let (notice, arrived) = runtime.media.collect_pictures()
                && (arrived || notice.is_some())
            {
                let Some(notice) = notice else {
                    // A picture is ready: draw it.
                    continue;
                };
                notice
            } else {
                let busy = simulation.is_some() || runtime.media.pictures.waiting();
                let wait = busy.then_some(Duration::from_millis(50));
                let Some(action) = next_action(app, &clicks, wait, stop)? else {
                    continue;
                };
                action
            }
        };
        let mut pending = vec![action];
        while let Some(action) = pending.pop() {
            for effect in app.update(action, now()) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Play(_) | Effect::StopAudio | Effect::OpenImage(_) => {
                        pending.extend(runtime.media.perform(&effect));
                    }
                    Effect::Write(event) => {
                        let events = std::slice::from_ref(&event);
                        pending.push(match write(&runtime.log.store, &app.saving, events) {
                            Ok(()) => Action::Written(event),
                            Err(message) => Action::WriteFailed(message),
                        });
                    }
                    Effect::WriteAll(events) => {
                        pending.push(match write(&runtime.log.store, &app.saving, &events) {
                            Ok(()) => Action::WrittenAll(events),
                            Err(message) => Action::WriteFailed(message),
                        });
                    }
                    Effect::SavePractice(memory) => {
                        pending.extend(save_practice(runtime, app, &memory));
                    }
                    Effect::Simulate(job) => {
                        let (send, receive) = std::sync::mpsc::channel();
                        std::thread::spawn(move || {
                            let run = std::panic::AssertUnwindSafe(|| job.run());
                            let _ = send.send(std::panic::catch_unwind(run).map_err(|_| ()));
                        });
                        simulation = Some(receive);
                    }
                    Effect::Edit { path, line } => {
                        pending.push(edit(terminal, &path, line, &runtime.locations)?);
                        loaded_at = SystemTime::now();
                    }
                    Effect::AddCard { deck, card } => {
                        pending.extend(adding::add(&runtime.locations, &deck, &card));
                        loaded_at = SystemTime::now();
                    }
                    Effect::AddInEditor { deck, card } => {
                        let locations = &runtime.locations;
                        pending.extend(adding::add_in_editor(terminal, locations, &deck, &card)?);
                        loaded_at = SystemTime::now();
                    }
                    Effect::CopyBuiltIn => {
                        pending.extend(adding::copy_built_in(&runtime.locations));
                        loaded_at = SystemTime::now();
                    }
                    Effect::Reload { only_if_changed } => {
                        let decks = &runtime.locations.decks.path;
                        if !only_if_changed || changed_since(decks, loaded_at) {
                            loaded_at = SystemTime::now();
                            pending.push(reload(&runtime.locations));
                        }
                        // Unreadable lines were reported at the start and `check` lists them.
                        if let Ok((events, _)) =
                            runtime.log.store.read_since(&mut runtime.log.position)
                            && !events.is_empty()
                        {
                            pending.push(Action::LogRead(events));
                        }
                    }
                }
            }
        }
    }
}

/// Draws a frame, the side's picture over the place it left for one; when the picture on
/// screen changed under a graphics protocol, the terminal is cleared and the frame drawn
/// again, so none of the old picture stays. Returns where clicks land and the frame's size.
fn draw(
    terminal: &mut Tui,
    app: &App,
    runtime: &mut Runtime,
) -> io::Result<(ui::Clicks, (u16, u16))> {
    runtime.media.check_side(app);
    let frame = |terminal: &mut Tui, runtime: &mut Runtime| {
        let (mut clicks, mut changed) = (ui::Clicks::default(), false);
        let drawn = terminal.draw(|frame| {
            clicks = ui::draw(frame, app, &runtime.theme);
            changed = runtime.media.draw(frame, app, clicks.picture_area());
        })?;
        io::Result::Ok((clicks, (drawn.area.width, drawn.area.height), changed))
    };
    let (clicks, size, changed) = frame(terminal, runtime)?;
    // Clearing asks the terminal where its cursor is; one that does not say keeps the frame.
    if !changed || terminal.clear().is_err() {
        return Ok((clicks, size));
    }
    let (clicks, size, _) = frame(terminal, runtime)?;
    Ok((clicks, size))
}

/// Turns mouse reports on or off as the screen wants them (only the match grid does).
fn follow_mouse(app: &App, mouse: &mut bool) -> io::Result<()> {
    if app.wants_mouse() != *mouse {
        *mouse = app.wants_mouse();
        if *mouse {
            crossterm::execute!(io::stdout(), EnableMouseCapture)?;
        } else {
            crossterm::execute!(io::stdout(), DisableMouseCapture)?;
        }
    }
    Ok(())
}

/// Appends `events` to the log, unless the user chose to study without saving (then the
/// answers count for this session only). A failure comes back as what the notice says.
fn write(store: &Store, saving: &Saving, events: &[NewEvent]) -> Result<(), String> {
    if matches!(saving, Saving::Off(_)) {
        return Ok(());
    }
    store.append_all(events).map_err(|error| {
        // The cause first: a narrow notice line cuts the long path, not it.
        format!("{error}, writing {}", store.device_file().display())
    })
}

/// Writes the practice modes' memory, unless the user chose to study without saving (then
/// it lasts this session, as answers do); a failure comes back for the notice.
fn save_practice(
    runtime: &Runtime,
    app: &App,
    memory: &crate::app::practice::PracticeMemory,
) -> Option<Action> {
    if !matches!(app.saving, Saving::On) {
        return None;
    }
    memory::save(&runtime.locations.data_dir.path, memory)
        .err()
        .map(Action::WriteFailed)
}

/// Waits for a key or a click, or until a learning card comes due or a timer ticks; with
/// `at_most`, no longer than that (`None` then means nothing happened). A stop signal ends
/// the wait with `None` too.
fn next_action(
    app: &App,
    clicks: &ui::Clicks,
    at_most: Option<Duration>,
    stop: &Stop,
) -> io::Result<Option<Action>> {
    let until_wake = app
        .wake_at()
        .map(|wake| (wake - now()).to_std().unwrap_or(Duration::ZERO));
    let wait = match (until_wake, at_most) {
        (Some(wake), Some(most)) => Some(wake.min(most)),
        (wake, most) => wake.or(most),
    };
    if !stop.poll(wait)? {
        // A learning card came due, unless the wait ended sooner (`at_most`, or a signal).
        let due =
            !stop.asked() && until_wake.is_some_and(|wake| at_most.is_none_or(|most| wake <= most));
        return Ok(due.then_some(Action::Tick));
    }
    let event = event::read()?;
    if let Event::Mouse(mouse) = event {
        let click = matches!(mouse.kind, MouseEventKind::Down(MouseButton::Left));
        return Ok(click.then(|| clicks.at(mouse.column, mouse.row)).flatten());
    }
    // Key releases (reported on some platforms) are dropped here, once.
    Ok(event
        .as_key_press_event()
        .and_then(|key| app.action_for(key)))
}

/// Leaves the TUI for `$VISUAL` or `$EDITOR` at the card's line, then reloads the decks.
fn edit(terminal: &mut Tui, path: &Path, line: usize, locations: &Locations) -> io::Result<Action> {
    Ok(match run_editor(terminal, path, line)? {
        Ok(()) => reload(locations),
        Err(message) => Action::WriteFailed(message),
    })
}

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on `path` at `line`, with the terminal handed over
/// and taken back; `Err` says why the editor did not start.
fn run_editor(terminal: &mut Tui, path: &Path, line: usize) -> io::Result<Result<(), String>> {
    ratatui::try_restore()?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_owned());
    // Through the shell, so an editor set as "code -w" or "emacs -nw" works.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg("sh")
        .arg(format!("+{line}"))
        .arg(path)
        .status();
    reopen_terminal(terminal)?;
    Ok(match status {
        Ok(status) if status.success() => Ok(()),
        // The shell's 127 and 126: the editor is not there, or cannot be run.
        Ok(status) if matches!(status.code(), Some(126 | 127)) => Err(format!(
            "cannot start the editor `{editor}`; set $EDITOR to one"
        )),
        Ok(status) => Err(format!("the editor `{editor}` failed ({status})")),
        Err(error) => Err(format!("cannot start the editor `{editor}`: {error}")),
    })
}

fn reload(locations: &Locations) -> Action {
    match deck::load_configured(locations) {
        Ok(collection) => Action::Reloaded(collection),
        Err(error) => Action::WriteFailed(error.to_string()),
    }
}

/// Whether anything under the decks folder was modified, added or removed after `since`
/// (adding or removing a file changes its folder's time). A stat per file: cheap next to a
/// reload. File systems stamp a change with a coarse clock (Linux's, a scheduler tick of up
/// to 10 ms, behind the precise one `since` comes from), so an edit made just after the
/// load may carry an earlier time: changes that close before count too, at the cost of a
/// reload that finds nothing new now and then.
fn changed_since(dir: &Path, since: SystemTime) -> bool {
    const COARSE_CLOCK: Duration = Duration::from_millis(50);
    let since = since.checked_sub(COARSE_CLOCK).unwrap_or(since);
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|entry| entry.metadata().ok()?.modified().ok())
        .any(|modified| modified >= since)
}

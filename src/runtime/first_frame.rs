//! The home screen's first frame, drawn before the review history is read, and the loading
//! around it: from the decks' heads, before any card is read, when no deck file changed since
//! the caches were written; else once the decks are loaded (docs/performance.md, "The first
//! frame before the history"). While the history is read on another thread the counting
//! screen follows the window's size, and a signal leaves at once, the terminal restored.

use std::process::ExitCode;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::stop::Stop;
use crate::app::App;
use crate::cli::AfterFirstFrame;
use crate::config::Config;
use crate::deck::{self, Collection};
use crate::library::{self, DecksFirst, Loaded};
use crate::paths::Locations;
use crate::store::{Events, History};
use crate::study::Study;
use crate::study::presets::Presets;
use crate::ui::Theme;

/// How often the counting screen looks for a signal and a new window size.
const TICK: Duration = Duration::from_millis(50);

/// The first frame, drawn from the decks while the review history is read, with what it
/// opened for the frames after.
pub(super) struct FirstFrame {
    pub terminal: super::Tui,
    pub drawn: Instant,
}

/// The counting screen: the home screen over decks without their cards, each with its number
/// of cards, and no figures yet ([`App::counting`]), on the terminal it opened.
struct Counting {
    app: App,
    theme: Theme,
    first: FirstFrame,
}

impl Counting {
    /// Opens the terminal and draws the first frame from `decks` (their cards may be left out:
    /// `cards` says how many each has). Errors: no terminal, or it cannot be drawn on; the
    /// terminal is left as it was.
    fn show(
        decks: Collection,
        cards: Vec<usize>,
        presets: Presets,
        start: &Start<'_>,
    ) -> Result<Self> {
        let study = Study::with_presets(decks, History::default(), presets, start.now);
        let app = App::counting(study, cards, start.locations.decks.path.clone(), start.now);
        let theme = Theme::named(start.config.theme);
        // Nothing to restore if the terminal did not open (none there, say).
        let mut terminal = super::open_terminal().context("cannot start the terminal interface")?;
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, &app, &theme);
            })
            .inspect_err(|_| {
                let _ = ratatui::try_restore();
            })?;
        Ok(Self {
            app,
            theme,
            first: FirstFrame {
                terminal,
                drawn: Instant::now(),
            },
        })
    }

    /// Draws the counting screen again when the window's size changed.
    fn follow_size(&mut self) -> Result<()> {
        let terminal = &mut self.first.terminal;
        // The area last drawn is the terminal's own: no copy of it kept here.
        if terminal.size()? != terminal.get_frame().area().as_size() {
            let (app, theme) = (&self.app, &self.theme);
            terminal.draw(|frame| {
                crate::ui::draw(frame, app, theme);
            })?;
        }
        Ok(())
    }
}

/// Replays the history on another thread; meanwhile the counting screen, if one is drawn,
/// follows the window's size, and a signal leaves at once (once the parse cache's write under
/// way has ended), the terminal restored, with the exit code 128 + the signal. Errors as
/// `loading`'s; the terminal is restored.
fn replay_watching(
    mut loading: DecksFirst,
    mut counting: Option<Counting>,
    stop: &Stop,
    hold: bool,
) -> Result<Opened> {
    let restore = |counting: &Option<Counting>| {
        if counting.is_some() {
            let _ = ratatui::try_restore();
        }
    };
    let cache_written = loading.cache_written();
    let (send, receive) = channel();
    let worker = std::thread::spawn(move || {
        let loaded = loading.finish();
        if hold {
            // `--after-first-frame hold`: everything read and written, but counting until a
            // signal.
            loop {
                std::thread::park();
            }
        }
        let _ = send.send(loaded);
    });
    loop {
        match receive.recv_timeout(TICK) {
            Ok(loaded) => {
                let loaded = loaded.inspect_err(|_| restore(&counting))?;
                let first = counting.map(|counting| counting.first);
                return Ok(Opened::Loaded(Box::new((loaded, first))));
            }
            Err(RecvTimeoutError::Disconnected) => {
                // The replay panicked: the panic hook restored the terminal and told it.
                let panic = worker.join().err();
                std::panic::resume_unwind(panic.unwrap_or_else(|| Box::new("replay ended")));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if stop.asked() {
            // Nothing else is written while the history is read: leaving loses nothing. The
            // parse cache's write takes hundredths of a second; a minute bounds a stuck disk.
            let _ = cache_written.recv_timeout(Duration::from_secs(60));
            if counting.is_some() {
                ratatui::try_restore().context("cannot restore the terminal")?;
            }
            let code = stop.signal().map_or(1, |signal| 128 + signal);
            return Ok(Opened::Leave(ExitCode::from(
                u8::try_from(code).unwrap_or(1),
            )));
        }
        if let Some(shown) = &mut counting
            && let Err(error) = shown.follow_size()
        {
            let _ = ratatui::try_restore();
            return Err(error);
        }
    }
}

/// What a start knows before anything is loaded.
struct Start<'a> {
    locations: &'a Locations,
    config: &'a Config,
    now: DateTime<FixedOffset>,
}

/// `collection`'s decks without their cards, for the counting screen, and how many each has.
fn without_cards(collection: &Collection) -> (Collection, Vec<usize>) {
    let cards = collection
        .decks
        .iter()
        .map(|deck| deck.cards.len())
        .collect();
    let decks = Collection {
        decks: collection
            .decks
            .iter()
            .map(deck::Deck::without_cards)
            .collect(),
        broken: collection.broken.clone(),
    };
    (decks, cards)
}

/// With `--after-first-frame exit`, once the first frame is drawn: the terminal restored, the
/// time reported, and the code to leave with.
fn leave_after(
    after: Option<AfterFirstFrame>,
    counting: Option<&Counting>,
    started: Instant,
) -> Result<Option<ExitCode>> {
    let (Some(AfterFirstFrame::Exit), Some(counting)) = (after, counting) else {
        return Ok(None);
    };
    ratatui::try_restore().context("cannot restore the terminal")?;
    let drawn = counting.first.drawn;
    eprintln!("first frame after {} ms", (drawn - started).as_millis());
    Ok(Some(ExitCode::SUCCESS))
}

/// What opening the collection gave.
pub(super) enum Opened {
    /// The decks and the replayed log, and the first frame if one was drawn (its terminal
    /// open).
    Loaded(Box<(Loaded, Option<FirstFrame>)>),
    /// Leave with this code: `--after-first-frame exit` after the first frame, or a signal
    /// while the history was read.
    Leave(ExitCode),
}

/// Loads the decks and the log; on the `home` screen the first frame is drawn on the way.
pub(super) fn open(
    home: bool,
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
    after: (Option<AfterFirstFrame>, Instant),
    stop: &Stop,
) -> Result<Opened> {
    let start = Start {
        locations,
        config,
        now,
    };
    let presets = library::presets(config)?;
    let mut counting = None;
    if let Some((decks, cards)) = home.then(|| deck::load_heads(locations)).flatten() {
        counting = Some(Counting::show(decks, cards, presets.clone(), &start)?);
        if let Some(code) = leave_after(after.0, counting.as_ref(), after.1)? {
            return Ok(Opened::Leave(code));
        }
    }
    let opened = counting.is_some();
    let loading = library::load_decks_first(locations, presets, now, Events::Background)
        .inspect_err(|_| {
            if opened {
                let _ = ratatui::try_restore();
            }
        })?;
    if home && counting.is_none() {
        let (decks, cards) = without_cards(&loading.collection);
        counting = Some(Counting::show(
            decks,
            cards,
            loading.presets.clone(),
            &start,
        )?);
        if let Some(code) = leave_after(after.0, counting.as_ref(), after.1)? {
            // Not freed: the process ends here (as the app is not, at the end of a run).
            std::mem::forget(loading);
            return Ok(Opened::Leave(code));
        }
    }
    let hold = counting.is_some() && after.0 == Some(AfterFirstFrame::Hold);
    replay_watching(loading, counting, stop, hold)
}

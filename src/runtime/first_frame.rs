//! The home screen's first frame, drawn before the review history is read, and the loading
//! around it: from the decks' heads, before any card is read, when no deck file changed since
//! the caches were written; else once the decks are loaded (docs/performance.md, "The first
//! frame before the history").

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use crate::app::App;
use crate::cli::AfterFirstFrame;
use crate::config::Config;
use crate::deck::{self, Collection};
use crate::library;
use crate::paths::Locations;
use crate::store::{Events, History};
use crate::study::Study;
use crate::study::presets::Presets;
use crate::ui::Theme;

/// The first frame, drawn from the decks while the review history is read, with what it
/// opened for the frames after.
pub(super) struct FirstFrame {
    pub terminal: super::Tui,
    pub drawn: Instant,
}

/// Opens the terminal and draws the home screen from `collection` (each deck with its number
/// of `cards`; the cards themselves may be left out), its counts to come ([`App::counting`]).
/// Gives the collection back.
fn draw_counting_frame(
    collection: Collection,
    cards: Vec<usize>,
    presets: Presets,
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> (Result<FirstFrame>, Collection) {
    let study = Study::with_presets(collection, History::default(), presets, now);
    let mut app = App::counting(study, cards, locations.decks.path.clone(), now);
    let shown = (|| {
        let mut terminal = super::open_terminal().context("cannot start the terminal interface")?;
        let theme = Theme::named(config.theme);
        terminal.draw(|frame| {
            crate::ui::draw(frame, &app, &theme);
        })?;
        anyhow::Ok(FirstFrame {
            terminal,
            drawn: Instant::now(),
        })
    })();
    if shown.is_err() {
        // The terminal may be open: left as it was.
        let _ = ratatui::try_restore();
    }
    (shown, std::mem::take(&mut app.study.collection))
}

/// With `--after-first-frame exit`, once the first frame is drawn: the terminal restored, the
/// time reported, and the code to leave with.
fn leave_after(
    after: Option<AfterFirstFrame>,
    first: Option<&FirstFrame>,
    started: Instant,
) -> Result<Option<ExitCode>> {
    let (Some(AfterFirstFrame::Exit), Some(first)) = (after, first) else {
        return Ok(None);
    };
    ratatui::try_restore().context("cannot restore the terminal")?;
    eprintln!(
        "first frame after {} ms",
        (first.drawn - started).as_millis()
    );
    Ok(Some(ExitCode::SUCCESS))
}

/// What opening the collection gave.
pub(super) enum Opened {
    /// The decks and the replayed log, and the first frame if one was drawn (its terminal
    /// open).
    Loaded(Box<(library::Loaded, Option<FirstFrame>)>),
    /// `--after-first-frame exit` after the first frame: leave with this code.
    Leave(ExitCode),
}

/// Loads the decks and the log; on the `home` screen the first frame is drawn on the way.
pub(super) fn open(
    home: bool,
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
    after: Option<AfterFirstFrame>,
    started: Instant,
) -> Result<Opened> {
    let mut first = None;
    // An error once the terminal is open leaves it as it was.
    let restoring = |opened: bool| {
        move |_: &anyhow::Error| {
            if opened {
                let _ = ratatui::try_restore();
            }
        }
    };
    if let Some((collection, cards)) = home.then(|| deck::load_heads(locations)).flatten() {
        let presets = library::presets(config)?;
        first = Some(draw_counting_frame(collection, cards, presets, locations, config, now).0?);
        if let Some(code) = leave_after(after, first.as_ref(), started)? {
            return Ok(Opened::Leave(code));
        }
    }
    let mut loading = library::load_decks_first(locations, config, now, Events::Background)
        .inspect_err(restoring(first.is_some()))?;
    if home && first.is_none() {
        let collection = std::mem::take(&mut loading.collection);
        let cards = collection
            .decks
            .iter()
            .map(|deck| deck.cards.len())
            .collect();
        let presets = loading.presets.clone();
        let (shown, collection) =
            draw_counting_frame(collection, cards, presets, locations, config, now);
        loading.collection = collection;
        first = Some(shown?);
        if let Some(code) = leave_after(after, first.as_ref(), started)? {
            // Not freed: the process ends here (as the app is not, at the end of a run).
            std::mem::forget(loading);
            return Ok(Opened::Leave(code));
        }
    }
    let loaded = loading.finish().inspect_err(restoring(first.is_some()))?;
    Ok(Opened::Loaded(Box::new((loaded, first))))
}

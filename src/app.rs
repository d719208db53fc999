//! The TUI's state and its one direction of data: a key press becomes an [`Action`],
//! [`App::update`] changes the state and returns [`Effect`]s, the runtime performs them (the
//! only I/O) and reports back with another action, and the frame is redrawn from `&App`.

pub mod keys;
pub mod runtime;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::deck::{Collection, Source};
use crate::scheduler::Rating;
use crate::session::review::{Notice, ReviewSession, Side};
use crate::store::{NewEvent, NewKind};
use crate::study::{DueCounts, Study};
pub use keys::{Binding, Keys};

/// A user intent, or the outcome of an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Review the selected deck.
    Open,
    /// Review everything due.
    ReviewAll,
    Reveal,
    Grade(Rating),
    Undo,
    Bury,
    Suspend,
    Edit,
    MoreNew,
    Help,
    Back,
    Quit,
    /// An event was written to the log.
    Written(NewEvent),
    /// Writing an event failed; nothing changed.
    WriteFailed(String),
    /// The decks were read again (after an edit).
    Reloaded(Collection),
    /// Time passed with no key (a learning card may have come due).
    Tick,
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Write(NewEvent),
    /// Open the deck file in the user's editor at a line, then reload the decks.
    Edit {
        path: PathBuf,
        line: usize,
    },
    Quit,
}

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Review(Box<ReviewSession>),
}

/// How many new cards `n` adds on the done screen.
pub const MORE_NEW: usize = 10;
/// Rows a page key moves by.
const PAGE: usize = 10;

/// Everything the TUI shows.
#[derive(Debug)]
pub struct App {
    pub study: Study,
    /// Shown so the user knows where to put deck files.
    pub decks_dir: PathBuf,
    pub screen: Screen,
    /// Selected row of the home screen's deck list.
    pub selected: usize,
    pub help: bool,
    /// A message for the home screen (unreadable log lines, a failed write, ...).
    pub notice: Option<String>,
    /// The time of the last action; screens that show intervals read it.
    pub now: DateTime<FixedOffset>,
    /// Today's counts per deck, recomputed when they can change rather than every frame.
    pub counts: Vec<DueCounts>,
}

/// One line of the deck list: a valid deck, or a file with problems.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    Deck(usize, &'a crate::deck::Deck),
    Broken(&'a crate::deck::BrokenDeck),
}

impl App {
    #[must_use]
    pub fn new(study: Study, decks_dir: PathBuf, now: DateTime<FixedOffset>) -> Self {
        let mut app = Self {
            study,
            decks_dir,
            screen: Screen::Home,
            selected: 0,
            help: false,
            notice: None,
            now,
            counts: Vec::new(),
        };
        app.recount();
        app
    }

    /// Valid decks first, then files with problems, each sorted by id.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'_>> {
        let collection = &self.study.collection;
        collection
            .decks
            .iter()
            .enumerate()
            .map(|(i, deck)| Row::Deck(i, deck))
            .chain(collection.broken.iter().map(Row::Broken))
            .collect()
    }

    fn row_count(&self) -> usize {
        self.study.collection.decks.len() + self.study.collection.broken.len()
    }

    fn recount(&mut self) {
        self.counts = (0..self.study.collection.decks.len())
            .map(|deck| self.study.due_counts(deck, self.now))
            .collect();
    }

    /// The key table of what is showing.
    #[must_use]
    pub fn bindings(&self) -> Keys {
        if self.help {
            keys::HELP
        } else {
            self.screen_bindings()
        }
    }

    /// The key table of the screen, beneath any help overlay.
    #[must_use]
    pub fn screen_bindings(&self) -> Keys {
        match &self.screen {
            Screen::Home => keys::HOME,
            Screen::Review(session) => match &session.current {
                None if self.study.has_unseen(&session.decks) => keys::DONE_MORE_NEW,
                None => keys::DONE,
                Some(current) if current.side == Side::Question => keys::QUESTION,
                Some(_) => keys::ANSWER,
            },
        }
    }

    /// The action `key` means here, if any. Ctrl-C always quits.
    #[must_use]
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        self.bindings()
            .iter()
            .find(|binding| binding.keys.contains(&key.code))
            .map(|binding| binding.action.clone())
    }

    /// When the runtime should wake without a key: when a learning card comes due.
    #[must_use]
    pub fn wake_at(&self) -> Option<DateTime<FixedOffset>> {
        match &self.screen {
            Screen::Review(session) if session.current.is_none() => {
                session.queue.learning.first().map(|(at, _)| *at)
            }
            _ => None,
        }
    }

    /// Applies an action at `now`.
    pub fn update(&mut self, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        self.now = now;
        self.study.roll_day(now);
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Help => self.help = !self.help,
            Action::Written(event) => self.written(&event),
            Action::WriteFailed(message) => self.set_notice(format!("Not saved: {message}")),
            Action::Reloaded(collection) => {
                self.study.replace_collection(collection);
                if let Screen::Review(session) = &mut self.screen {
                    session.refresh(&self.study, now);
                }
                self.selected = self.selected.min(self.row_count().saturating_sub(1));
                self.recount();
            }
            Action::Tick => {
                if let Screen::Review(session) = &mut self.screen {
                    session.refresh(&self.study, now);
                }
            }
            action => {
                return match self.screen {
                    Screen::Home => self.update_home(&action),
                    Screen::Review(_) => self.update_review(&action),
                };
            }
        }
        Vec::new()
    }

    fn update_home(&mut self, action: &Action) -> Vec<Effect> {
        let last = self.row_count().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(PAGE),
            Action::PageDown => self.selected = (self.selected + PAGE).min(last),
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::Open => {
                if let Some(Row::Deck(index, deck)) = self.rows().get(self.selected).copied() {
                    let title = deck.name.clone();
                    self.start_review(vec![index], title);
                }
            }
            Action::ReviewAll => {
                let all = (0..self.study.collection.decks.len()).collect();
                let title = self.study.collection.all_decks_title();
                self.start_review(all, title);
            }
            Action::Back => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// Opens the review screen on `decks`.
    pub fn start_review(&mut self, decks: Vec<usize>, title: String) {
        self.notice = None;
        let session = ReviewSession::start(&self.study, decks, title, self.now);
        self.screen = Screen::Review(Box::new(session));
    }

    fn update_review(&mut self, action: &Action) -> Vec<Effect> {
        let now = self.now;
        let Screen::Review(session) = &mut self.screen else {
            return Vec::new();
        };
        let write = |event: Option<NewEvent>| event.map(Effect::Write).into_iter().collect();
        match action {
            Action::Reveal => session.reveal(),
            Action::Grade(rating) => return write(session.answer(*rating, now)),
            Action::Bury => return write(session.hide(true, now)),
            Action::Suspend => return write(session.hide(false, now)),
            Action::Undo => match session.undo_event(now) {
                Some(event) => return vec![Effect::Write(event)],
                None => session.nothing_to_undo(),
            },
            Action::Up => session.scroll_by(-1),
            Action::Down => session.scroll_by(1),
            Action::MoreNew => session.study_more_new(&self.study, MORE_NEW, now),
            Action::Edit => return self.edit_current(),
            Action::Back => {
                self.screen = Screen::Home;
                self.recount();
            }
            _ => {}
        }
        Vec::new()
    }

    fn edit_current(&mut self) -> Vec<Effect> {
        let Screen::Review(session) = &mut self.screen else {
            return Vec::new();
        };
        let Some(place) = session
            .current
            .as_ref()
            .and_then(|c| self.study.place(&c.card))
        else {
            return Vec::new();
        };
        let line = self.study.card(place).line;
        match &self.study.deck(place.deck).source {
            Source::File(path) => vec![Effect::Edit {
                path: path.clone(),
                line,
            }],
            Source::Bundled => {
                session.notice = Some(Notice::Error(
                    "The built-in deck has no file to edit; copy it into your decks folder."
                        .to_owned(),
                ));
                Vec::new()
            }
        }
    }

    fn written(&mut self, event: &NewEvent) {
        match &mut self.screen {
            Screen::Review(session) => session.applied(&mut self.study, event, self.now),
            Screen::Home => {
                self.study.record(event.to_event(), event.card.as_deref());
            }
        }
        if matches!(event.kind, NewKind::Undo { .. } | NewKind::Review { .. }) {
            self.recount();
        }
    }

    fn set_notice(&mut self, message: String) {
        match &mut self.screen {
            Screen::Review(session) => session.notice = Some(Notice::Error(message)),
            Screen::Home => self.notice = Some(message),
        }
    }
}

#[cfg(test)]
mod tests;

//! The TUI's state and its one direction of data: a key press becomes an [`Action`],
//! [`App::update`] changes the state and returns [`Effect`]s, and [`run`] performs them and
//! redraws from `&App`. Only `run` touches the terminal.

use std::io;
use std::path::PathBuf;

use crossterm::event::{self, KeyCode, KeyEvent, KeyModifiers};
use ratatui::DefaultTerminal;

use crate::deck::Collection;
use crate::ui;

/// A user intent, independent of the key that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Quit,
}

/// Work for the runtime; the only way the state asks for I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

/// A key and the action it triggers, with the words the footer shows for it. One table per
/// screen drives both key handling and the hints, so they cannot drift apart.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub key_label: &'static str,
    pub hint: &'static str,
    pub action: Action,
}

/// The home screen's keys.
pub const HOME_KEYS: &[Binding] = &[
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        key_label: "↑/k",
        hint: "up",
        action: Action::Up,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j')],
        key_label: "↓/j",
        hint: "down",
        action: Action::Down,
    },
    Binding {
        keys: &[KeyCode::PageUp],
        key_label: "PgUp",
        hint: "page up",
        action: Action::PageUp,
    },
    Binding {
        keys: &[KeyCode::PageDown],
        key_label: "PgDn",
        hint: "page down",
        action: Action::PageDown,
    },
    Binding {
        keys: &[KeyCode::Home, KeyCode::Char('g')],
        key_label: "g",
        hint: "first",
        action: Action::First,
    },
    Binding {
        keys: &[KeyCode::End, KeyCode::Char('G')],
        key_label: "G",
        hint: "last",
        action: Action::Last,
    },
    Binding {
        keys: &[KeyCode::Char('q'), KeyCode::Esc],
        key_label: "q",
        hint: "quit",
        action: Action::Quit,
    },
];

/// Rows a page key moves by; the list is rarely shorter than this on screen.
const PAGE: usize = 10;

/// Which screen is showing. Later study modes add variants here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
}

/// Everything the TUI shows.
#[derive(Debug)]
pub struct App {
    pub collection: Collection,
    /// Shown so the user knows where to put deck files.
    pub decks_dir: PathBuf,
    pub screen: Screen,
    /// Index into [`App::rows`].
    pub selected: usize,
}

/// One line of the deck list: a valid deck, or a file with problems.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    Deck(&'a crate::deck::Deck),
    Broken(&'a crate::deck::BrokenDeck),
}

impl App {
    #[must_use]
    pub fn new(collection: Collection, decks_dir: PathBuf) -> Self {
        Self {
            collection,
            decks_dir,
            screen: Screen::Home,
            selected: 0,
        }
    }

    /// Valid decks first, then files with problems, each sorted by id.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'_>> {
        self.collection
            .decks
            .iter()
            .map(Row::Deck)
            .chain(self.collection.broken.iter().map(Row::Broken))
            .collect()
    }

    fn row_count(&self) -> usize {
        self.collection.decks.len() + self.collection.broken.len()
    }

    /// The key table of the screen showing.
    #[must_use]
    pub fn bindings(&self) -> &'static [Binding] {
        match self.screen {
            Screen::Home => HOME_KEYS,
        }
    }

    /// The action `key` means on the screen showing, if any. Ctrl-C always quits.
    #[must_use]
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        self.bindings()
            .iter()
            .find(|binding| binding.keys.contains(&key.code))
            .map(|binding| binding.action)
    }

    /// Applies an action to the state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let last = self.row_count().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(PAGE),
            Action::PageDown => self.selected = (self.selected + PAGE).min(last),
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::Quit => return vec![Effect::Quit],
        }
        Vec::new()
    }
}

/// Draws and handles keys until the user quits.
pub fn run(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        // Key releases (reported on some platforms) are dropped here, once.
        let Some(key) = event::read()?.as_key_press_event() else {
            continue;
        };
        let Some(action) = app.action_for(key) else {
            continue;
        };
        if app.update(action).contains(&Effect::Quit) {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::bundled;

    fn app() -> App {
        let mut collection = Collection::default();
        collection.decks.push(bundled::deck().unwrap());
        collection.decks.push(bundled::deck().unwrap());
        App::new(collection, PathBuf::from("decks"))
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_to_actions_through_the_table() {
        let app = app();
        assert_eq!(app.action_for(key(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(app.action_for(key(KeyCode::Down)), Some(Action::Down));
        assert_eq!(app.action_for(key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(
            app.action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(app.action_for(key(KeyCode::Char('x'))), None);
    }

    #[test]
    fn selection_stays_within_the_list() {
        let mut app = app();
        assert!(app.update(Action::Up).is_empty());
        assert_eq!(app.selected, 0);
        app.update(Action::Down);
        app.update(Action::Down);
        assert_eq!(app.selected, 1);
        app.update(Action::First);
        app.update(Action::PageDown);
        assert_eq!(app.selected, 1);
        assert_eq!(app.update(Action::Quit), vec![Effect::Quit]);
    }

    #[test]
    fn an_empty_list_does_not_underflow() {
        let mut app = App::new(Collection::default(), PathBuf::from("decks"));
        app.update(Action::Last);
        app.update(Action::Down);
        assert_eq!(app.selected, 0);
    }
}

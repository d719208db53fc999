//! The TUI's state and its one direction of data: a key press becomes an [`Action`] through
//! the key table of what is on screen ([`keys`]), [`App::update`] changes the state and
//! returns [`Effect`]s, the runtime performs them (the only I/O) and reports back with another
//! action, and the frame is redrawn from `&App`.
//!
//! `App` holds what every screen shares (the study, the notice, the saving state, the
//! settings) and a [`Screen`] whose variants own each screen's state, overlays included. The
//! home screen's state lives beside it ([`App::home`]) because the deck list outlives visits
//! to the other screens: coming back finds the same row and filter. Each screen's file has its
//! state, its table choice and its update:
//!
//! | file | screen |
//! |---|---|
//! | [`home`] | the deck list, its overlays (help, picker, filter, exam date, backlog plan), [`HomeFigures`] |
//! | [`review`] | the review session, its done screen and the tag prompt; [`cram`] studies on from it |
//! | [`practice`] | the options screen and [`Practice`] around flashcards, learn, match and the test |
//! | [`statistics`] | the statistics tabs and the workload simulation |
//! | [`browser`] | the card browser: search, the table, details, card actions |
//! | [`clock`] | when the runtime wakes without a key: learning cards coming due, the match clock |
//! | [`line_input`] | the one-line text fields |

mod action;
pub mod backlog;
pub mod browser;
pub mod clock;
pub mod cram;
mod exam;
pub mod home;
pub mod keys;
pub mod line_input;
pub mod media;
mod picker;
pub mod practice;
pub mod review;
pub mod statistics;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;

use crate::motivation::Goals;
use crate::session::flashcards::Flashcards;
use crate::session::grade::Strictness;
use crate::session::learn::Learn;
use crate::session::matching::Match;
use crate::session::practice_test::PracticeTest;
use crate::store::NewKind;
use crate::study::Study;
pub use action::{Action, Effect};
pub use browser::{AddForm, BrowserOverlay, BrowserScreen};
pub use home::{HomeFigures, HomeOverlay, HomeScreen, Row};
pub use keys::{Binding, Keys};
pub use practice::{OptionsScreen, Practice, PracticeMode, Setting};
pub use review::{AnswerField, ReviewOverlay, ReviewScreen};
pub use statistics::{Simulation, StatsScreen, StatsTab};

/// How far ahead `a` on the done screen reviews, in days.
pub const AHEAD_DAYS: u32 = 7;
/// How many new cards `n` adds on the done screen.
pub const MORE_NEW: u32 = 10;

/// Which screen is showing, with its own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The deck list; its state is [`App::home`].
    Home,
    Review(Box<ReviewScreen>),
    Options(Box<OptionsScreen>),
    Flashcards(Box<Practice<Flashcards>>),
    Learn(Box<Practice<Learn>>),
    Match(Box<Practice<Match>>),
    Test(Box<Practice<PracticeTest>>),
    Stats(Box<StatsScreen>),
    /// The card browser, over the screen it was opened from.
    Browser(Box<BrowserScreen>),
}

/// Everything the TUI shows.
#[derive(Debug)]
pub struct App {
    pub study: Study,
    /// Shown so the user knows where to put deck files.
    pub decks_dir: PathBuf,
    pub screen: Screen,
    /// The deck list, kept while other screens show.
    pub home: HomeScreen,
    /// A message for the screen (unreadable log lines, a failed write, ...).
    pub notice: Option<String>,
    /// The time of the last action; screens that show intervals and timers read it.
    pub now: DateTime<FixedOffset>,
    /// Whether answers are written to the log.
    pub saving: Saving,
    /// How typed answers are graded, from the settings.
    pub strictness: Strictness,
    /// Streak and XP, when the settings turn them on.
    pub goals: Goals,
    /// The browser's actions, kept while it is closed, so that `u` still undoes them the
    /// next time it opens (what each did, and its events).
    pub browser_undo: Vec<(String, Vec<crate::store::NewEvent>)>,
    /// The practice modes' options per deck and a test in progress, kept in the data dir.
    pub practice_memory: practice::PracticeMemory,
    /// How many lines the help overlay is scrolled down (it scrolls when taller than the
    /// screen); back to the top each time it opens.
    pub help_scroll: u16,
    /// The terminal's size (columns, rows) at the last draw, as [`Action::Resize`] reported
    /// it; `None` until the first.
    pub size: Option<(u16, u16)>,
    /// The side whose media last played, and the media settings.
    pub media: media::MediaState,
}

/// Whether answers reach the review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    On,
    /// The log cannot be written, for this reason; the user has not yet chosen to go on.
    Ask(String),
    /// The user chose to study anyway: answers count in this session only.
    Off(String),
}

impl App {
    /// The app on the home screen, its figures computed from `study`.
    #[must_use]
    pub fn new(study: Study, decks_dir: PathBuf, now: DateTime<FixedOffset>) -> Self {
        let mut app = Self::on_home(study, HomeFigures::default(), decks_dir, now);
        app.refresh_home();
        app
    }

    /// The app for the first frame, drawn while the review history is read: the home screen
    /// with `study`'s decks, each with its number of `cards` (its cards may not be loaded
    /// yet), and no figures yet ([`HomeFigures::counting`]). Only for drawing: the runtime
    /// replaces it with [`App::new`] before any key is read.
    #[must_use]
    pub fn counting(
        study: Study,
        cards: Vec<usize>,
        decks_dir: PathBuf,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Self::on_home(study, HomeFigures::counting(cards), decks_dir, now)
    }

    /// The app on the home screen with these `figures`.
    fn on_home(
        study: Study,
        figures: HomeFigures,
        decks_dir: PathBuf,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            study,
            decks_dir,
            screen: Screen::Home,
            home: HomeScreen {
                figures,
                ..HomeScreen::default()
            },
            notice: None,
            now,
            saving: Saving::On,
            strictness: Strictness::default(),
            goals: Goals::default(),
            browser_undo: Vec::new(),
            practice_memory: practice::PracticeMemory::default(),
            help_scroll: 0,
            size: None,
            media: media::MediaState::default(),
        }
    }

    /// The key table of what is showing: the not-saving question, help, or the screen's.
    #[must_use]
    pub fn bindings(&self) -> Keys {
        if matches!(self.saving, Saving::Ask(_)) {
            keys::SAVING_ASK
        } else if self.help_open() {
            keys::HELP
        } else {
            self.screen_bindings()
        }
    }

    /// The key table of the screen, beneath any help overlay: each screen picks its own, and
    /// a card side with media adds their keys.
    #[must_use]
    pub fn screen_bindings(&self) -> Keys {
        // Review's and flashcards' media keys first, where a narrow footer keeps them; the
        // others' after their first keys (card sorting's, Learn's answers, the test's moves).
        let with_media = |table: Keys, after_first: bool| {
            media::with_media_keys(table, self.side_media_keys(), after_first)
        };
        match &self.screen {
            Screen::Home => self.home.keys(),
            Screen::Review(review) => with_media(review.keys(&self.study), false),
            Screen::Options(options) => options.keys(),
            Screen::Flashcards(cards) => with_media(
                practice::flashcards_keys(&cards.session),
                cards.session.sorting,
            ),
            Screen::Learn(learn) => with_media(practice::learn_keys(learn), true),
            Screen::Match(game) => practice::match_keys(&game.session),
            Screen::Test(test) => with_media(practice::test_keys(test), true),
            Screen::Stats(stats) if stats.filter.is_some() => keys::STATS_SEARCH,
            Screen::Stats(stats) => stats.keys(),
            Screen::Browser(browser) => browser.keys(),
        }
    }

    /// The action `key` means here, if any: [`keys::GLOBAL`] first (Ctrl-C), then the table
    /// of what is showing, unless the terminal is too small to show it. Nothing else maps keys.
    #[must_use]
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let global = keys::GLOBAL.action_for(key);
        if self.too_small() {
            // A key must not act on a screen the user cannot see.
            return global;
        }
        global.or_else(|| self.bindings().action_for(key))
    }

    /// Whether the terminal, at its last draw, was too small to show the screen
    /// ([`crate::ui::too_small`], the one rule).
    #[must_use]
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(width, height)| crate::ui::too_small(width, height))
    }

    /// Whether the help overlay is open over the screen.
    #[must_use]
    pub fn help_open(&self) -> bool {
        match &self.screen {
            Screen::Home => self.home.overlay == Some(HomeOverlay::Help),
            Screen::Review(review) => review.overlay == Some(ReviewOverlay::Help),
            Screen::Options(options) => options.help,
            Screen::Flashcards(p) => p.help,
            Screen::Learn(p) => p.help,
            Screen::Match(p) => p.help,
            Screen::Test(p) => p.help,
            Screen::Stats(stats) => stats.help,
            Screen::Browser(browser) => browser.overlay == Some(BrowserOverlay::Help),
        }
    }

    /// Whether the screen takes mouse clicks (the match tiles).
    #[must_use]
    pub fn wants_mouse(&self) -> bool {
        matches!(self.screen, Screen::Match(_))
    }

    /// Whether keys type into an answer field.
    #[must_use]
    pub fn typing(&self) -> bool {
        match &self.screen {
            Screen::Learn(p) => !p.help && !p.field_left && p.session.typing(),
            Screen::Test(p) => !p.help && !p.field_left && p.session.typing(),
            Screen::Review(review) => review.typing(),
            _ => false,
        }
    }

    /// Applies an action at `now`: what the runtime reports first, then the screen's own.
    /// The match clock stands while its tiles are hidden, after whatever the action did.
    pub fn update(&mut self, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let mut effects = self.apply(action, now);
        if let Screen::Review(review) = &mut self.screen {
            review.follow_card(&self.study);
        }
        self.follow_side(&mut effects);
        let hidden = self.too_small();
        if let Screen::Match(game) = &mut self.screen {
            if hidden || game.help {
                game.session.pause(now);
            } else {
                game.session.resume(now);
            }
        }
        effects
    }

    fn apply(&mut self, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        self.now = now;
        self.study.roll_day(now);
        if let Screen::Review(review) = &mut self.screen {
            review.session.roll_day(&self.study, now);
        }
        match action {
            Action::Quit => return self.quit(),
            Action::StudyWithoutSaving => {
                if let Saving::Ask(reason) = &self.saving {
                    self.saving = Saving::Off(reason.clone());
                }
            }
            Action::Star if !matches!(self.screen, Screen::Browser(_)) => {
                return self.toggle_star(now);
            }
            Action::Written(event) => self.written(&event),
            Action::WrittenAll(events) => {
                if matches!(self.screen, Screen::Browser(_)) {
                    self.browser_written(events, now);
                } else if self.practising() {
                    self.practice_written(&events);
                } else if events
                    .iter()
                    .all(|event| matches!(event.kind, NewKind::ExtendLimits { .. }))
                {
                    self.more_new_written(&events, now);
                } else {
                    self.plan_written(&events);
                }
            }
            Action::WriteFailed(message) => self.set_notice(format!("Not saved: {message}")),
            Action::Notice(message) => self.card_notice(&message),
            Action::Replay => return self.replay(),
            Action::OpenImage => return self.open_pictures(),
            Action::Reloaded(collection) => {
                let browsing = matches!(self.screen, Screen::Browser(_));
                let orphans_before = browsing.then(|| self.study.orphans().len());
                let broken_before: Vec<crate::deck::DeckId> = self
                    .study
                    .collection
                    .broken
                    .iter()
                    .map(|b| b.id.clone())
                    .collect();
                let old_ids: Vec<crate::deck::DeckId> = self
                    .study
                    .collection
                    .decks
                    .iter()
                    .map(|d| d.id.clone())
                    .collect();
                self.study.replace_collection(collection);
                self.review_decks_moved(&old_ids);
                if let Screen::Browser(browser) = &mut self.screen {
                    browser.rebuild(&self.study, now);
                    browser.sync_info(&self.study, now);
                }
                if let Some(before) = orphans_before {
                    self.tell_reload(before, &broken_before);
                }
                self.home.clamp_selection(&self.study);
                self.refreshed(now);
            }
            Action::LogRead(events) => {
                self.study.absorb(events);
                self.refreshed(now);
            }
            Action::Simulated(result) => self.simulated(result),
            Action::CardAdded { card, place } => self.card_added(&card, &place, now),
            Action::CopiedBuiltIn(path) => {
                self.notice = Some(format!(
                    "The built-in deck is now yours to edit: {}",
                    path.display()
                ));
            }
            Action::Resize { width, height } => self.size = Some((width, height)),
            Action::Tick => {
                if let Screen::Review(review) = &mut self.screen {
                    review.session.refresh(&self.study, now);
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown if self.help_open() => {
                self.scroll_help(&action);
            }
            action => {
                if action == Action::Help {
                    self.help_scroll = 0;
                }
                return match self.screen {
                    Screen::Home => self.update_home(&action, now),
                    Screen::Review(_) => self.update_review(&action),
                    Screen::Options(_) => self.update_options(&action, now),
                    Screen::Stats(_) => self.update_stats(&action),
                    Screen::Browser(_) => self.update_browser(&action, now),
                    _ => self.update_practice(&action, now),
                };
            }
        }
        Vec::new()
    }

    /// Scrolls the help overlay a line or a page, no further than its last key.
    fn scroll_help(&mut self, action: &Action) {
        const PAGE: u16 = 10;
        let last = u16::try_from(self.screen_bindings().iter().count()).unwrap_or(u16::MAX);
        self.help_scroll = match action {
            Action::Up => self.help_scroll.saturating_sub(1),
            Action::PageUp => self.help_scroll.saturating_sub(PAGE),
            Action::Down => self.help_scroll.saturating_add(1),
            _ => self.help_scroll.saturating_add(PAGE),
        }
        .min(last);
    }

    /// After the decks or the log changed under the screen.
    fn refreshed(&mut self, now: DateTime<FixedOffset>) {
        if let Screen::Review(review) = &mut self.screen {
            review.session.refresh(&self.study, now);
        }
        self.refresh_home();
    }

    /// Back to the deck list, which picks up deck files edited on disk meanwhile, and answers
    /// another window wrote to the log.
    fn go_home(&mut self) -> Vec<Effect> {
        self.screen = Screen::Home;
        self.refresh_home();
        vec![Effect::Reload {
            only_if_changed: true,
        }]
    }

    fn written(&mut self, event: &crate::store::NewEvent) {
        match &mut self.screen {
            Screen::Review(review) if !matches!(event.kind, NewKind::Star | NewKind::Unstar) => {
                review.session.applied(&mut self.study, event, self.now);
            }
            Screen::Review(review) => {
                // The star shows on the card at once, and the notice says what it is for.
                self.study.record(event.to_event(), event.card.as_deref());
                let starred = event.kind == NewKind::Star;
                review.session.notice = Some(crate::session::review::Notice::Starred(starred));
            }
            _ => {
                self.study.record(event.to_event(), event.card.as_deref());
            }
        }
        if matches!(
            event.kind,
            NewKind::Undo { .. } | NewKind::Review { .. } | NewKind::Exam { .. }
        ) {
            self.refresh_home();
        }
        if matches!(self.screen, Screen::Home)
            && event.card.is_none()
            && matches!(event.kind, NewKind::Undo { .. })
        {
            self.notice = Some("Undid the backlog plan: its reviews are due again.".to_owned());
        }
    }

    /// The review session's decks, wherever it is (on screen, or under the browser), found
    /// again in the decks just read: their places may have moved.
    fn review_decks_moved(&mut self, old_ids: &[crate::deck::DeckId]) {
        let review = match &mut self.screen {
            Screen::Review(review) => Some(review),
            Screen::Browser(browser) => match browser.back.as_mut() {
                Screen::Review(review) => Some(review),
                _ => None,
            },
            _ => None,
        };
        if let Some(review) = review {
            review.session.decks_moved(old_ids, &self.study);
        }
    }

    /// After an edit in the browser: a deck file that no longer reads says where; a front
    /// changed without an `id` leaves its history behind, and says how to give it back.
    fn tell_reload(&mut self, orphans_before: usize, broken_before: &[crate::deck::DeckId]) {
        let newly_broken = self
            .study
            .collection
            .broken
            .iter()
            .find(|deck| !broken_before.contains(&deck.id));
        if let Some(problem) = newly_broken.and_then(|deck| deck.problems.first()) {
            self.notice = Some(format!("{problem} (the deck is left out until it reads)"));
            return;
        }
        let before = orphans_before;
        let now = self.study.orphans().len();
        if now > before {
            let relink = keys::BROWSER.label(&Action::Relink);
            self.notice = Some(format!(
                "{} left behind by an edit: search is:orphan; {relink} gives each back.",
                crate::english::counted(now - before, "history")
            ));
        }
    }

    fn set_notice(&mut self, message: String) {
        match &mut self.screen {
            Screen::Review(review) => {
                review.session.notice = Some(crate::session::review::Notice::Error(message));
            }
            _ => self.notice = Some(message),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;

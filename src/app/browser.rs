//! The card browser: a search line over every card, a sortable table of what it finds, the
//! selected card's details, and the card actions (suspend, bury, forget, set due, star,
//! edit, add, relink) on the selected card or on every marked one, each undoable.
//!
//! | file | owns |
//! |---|---|
//! | `browser.rs` | [`BrowserScreen`], opening it, its key tables and its update |
//! | `browser/found.rs` | the search as typed, sorting, the selection and the marks |
//! | `browser/acting.rs` | the card actions, their events and undo |
//! | `browser/adding.rs` | the new card's form, and the editor instead |

mod acting;
mod adding;
mod found;

pub use adding::{AddForm, is_built_in};

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::{Action, App, Effect, Screen, keys, line_input};
use crate::search::{Index, SortColumn};
use crate::store::NewEvent;
use crate::study::Study;
use crate::study::info::CardInfo;
use crate::study::successors::{Successor, successor_of};

/// The browser's state.
#[derive(Debug, Clone, PartialEq)]
pub struct BrowserScreen {
    /// The search as typed.
    pub search: String,
    /// Keys type into the search line.
    pub typing: bool,
    /// Why the search as typed is not a query; the table keeps the last good one's cards.
    pub error: Option<String>,
    /// Every card's facts, gathered when the browser opened and refreshed after actions.
    pub index: Index,
    /// Places in the index of the cards found, in the table's order.
    pub found: Vec<usize>,
    /// `None`: deck and file order.
    pub sort: Option<SortColumn>,
    pub reverse: bool,
    /// The selected row of `found`.
    pub selected: usize,
    /// Marked card ids: actions apply to them all when there are any.
    pub marked: BTreeSet<String>,
    pub overlay: Option<BrowserOverlay>,
    /// Each action done in this visit, newest last, for `u`: what it did, and its events.
    pub done: Vec<(String, Vec<NewEvent>)>,
    /// An action written whose report has not come back yet.
    pub pending: Option<acting::Pending>,
    /// What the undo being written takes back, for its notice.
    pub undone: Option<String>,
    /// The screen `q` goes back to.
    pub back: Box<Screen>,
    /// The selected card's info, gathered after each key ([`BrowserScreen::sync_info`]).
    pub info: Option<CardInfo>,
    /// Events or the decks changed since `info` was gathered.
    pub info_stale: bool,
    /// For a selected orphaned history, the card it most likely belongs to now.
    pub successor: Option<Successor>,
    /// A new card's form left with text in it, to open again as it was.
    pub draft: Option<AddForm>,
}

/// What is over the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserOverlay {
    Help,
    /// The selected card's details and whole history, scrolled by this many lines.
    Details(u16),
    /// The set-due-date field, as typed.
    SetDue(String),
    /// The new card's form.
    Add(AddForm),
    /// Forget this many cards? `f` again says yes.
    ConfirmForget(usize),
}

impl BrowserScreen {
    /// Gathers the selected card's info, unless it is already this card's and
    /// nothing changed since (`stale` is set when events or the decks changed).
    pub fn sync_info(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        let card = self.selected_card().map(|facts| facts.card.clone());
        let current = self.info.as_ref().map(|info| info.card.clone());
        if card != current || self.info_stale {
            let orphan = self.selected_card().is_some_and(|facts| facts.orphan);
            self.successor = card
                .as_deref()
                .filter(|_| orphan)
                .and_then(|card| successor_of(study, card));
            self.info = card.and_then(|card| CardInfo::of(study, &card, now));
            self.info_stale = false;
        }
    }

    /// The key table of what is showing.
    #[must_use]
    pub fn keys(&self) -> keys::Keys {
        match &self.overlay {
            Some(BrowserOverlay::SetDue(_)) => keys::SET_DUE_INPUT,
            Some(BrowserOverlay::Add(_)) => keys::ADD_FORM,
            Some(BrowserOverlay::ConfirmForget(_)) => keys::CONFIRM_FORGET,
            Some(BrowserOverlay::Details(_)) => keys::BROWSER_DETAILS,
            _ if self.typing => keys::BROWSER_SEARCH,
            _ => keys::BROWSER,
        }
    }
}

impl App {
    /// Opens the browser on `search`, with `select` (a card id) selected if it is found;
    /// `q` comes back to the screen showing now.
    pub(super) fn open_browser(
        &mut self,
        search: &str,
        select: Option<&str>,
        now: DateTime<FixedOffset>,
    ) {
        let index = match crate::search::Query::parse(search) {
            Ok(query) => Index::for_query(&self.study, now, &query),
            Err(_) => Index::of_deck_cards(&self.study, now),
        };
        let back = std::mem::replace(&mut self.screen, Screen::Home);
        let mut browser = BrowserScreen {
            search: search.to_owned(),
            typing: false,
            error: None,
            index,
            found: Vec::new(),
            sort: None,
            reverse: false,
            selected: 0,
            marked: BTreeSet::new(),
            overlay: None,
            done: std::mem::take(&mut self.browser_undo),
            pending: None,
            undone: None,
            back: Box::new(back),
            info: None,
            info_stale: false,
            successor: None,
            draft: None,
        };
        browser.research(&self.study, now);
        if let Some(card) = select {
            browser.select_card(card);
        }
        browser.sync_info(&self.study, now);
        self.notice = None;
        self.screen = Screen::Browser(Box::new(browser));
    }

    /// A key in the browser; the details then follow the selection.
    pub(super) fn update_browser(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let effects = self.browser_key(action, now);
        if let Screen::Browser(browser) = &mut self.screen {
            browser.sync_info(&self.study, now);
        }
        effects
    }

    fn browser_key(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        match browser.overlay.clone() {
            Some(BrowserOverlay::Help) => {
                if *action == Action::Help {
                    browser.overlay = None;
                }
                return Vec::new();
            }
            Some(BrowserOverlay::Add(form)) => return self.add_form_key(form, action),
            Some(BrowserOverlay::ConfirmForget(_)) => {
                match action {
                    Action::Forget => return self.act(action, now),
                    Action::Back => browser.overlay = None,
                    _ => {}
                }
                return Vec::new();
            }
            Some(BrowserOverlay::SetDue(mut text)) => {
                // Whatever is typed is kept: a wrong character is refused with a reason on
                // Enter, never dropped (`1.5` must not become `15`).
                let end = line_input::edit(&mut text, action, |_, c| !c.is_control());
                browser.overlay = Some(BrowserOverlay::SetDue(text.clone()));
                return match end {
                    Some(line_input::End::Submit) => self.set_due(&text, now),
                    Some(line_input::End::Cancel) => {
                        browser.overlay = None;
                        Vec::new()
                    }
                    None => Vec::new(),
                };
            }
            Some(BrowserOverlay::Details(scroll)) => match action {
                Action::Back | Action::Open => browser.overlay = None,
                Action::Help => browser.overlay = Some(BrowserOverlay::Help),
                Action::PageDown => {
                    browser.overlay = Some(BrowserOverlay::Details(scroll.saturating_add(10)));
                }
                Action::PageUp => {
                    browser.overlay = Some(BrowserOverlay::Details(scroll.saturating_sub(10)));
                }
                Action::Up | Action::Down => {
                    browser.step(if *action == Action::Up { -1 } else { 1 });
                    browser.overlay = Some(BrowserOverlay::Details(0));
                }
                _ => return self.act(action, now),
            },
            None if browser.typing => match action {
                Action::Up => browser.step(-1),
                Action::Down => browser.step(1),
                _ => {
                    let before = browser.search.clone();
                    let end = line_input::edit(&mut browser.search, action, |_, _| true);
                    if end == Some(line_input::End::Cancel) {
                        browser.search.clear();
                    }
                    if browser.search != before {
                        // A new search, as in Anki: the marks were for the last one.
                        browser.marked.clear();
                    }
                    if end.is_some() {
                        browser.typing = false;
                    }
                    if end != Some(line_input::End::Submit) {
                        browser.research(&self.study, now);
                    }
                }
            },
            None => match action {
                Action::Help => browser.overlay = Some(BrowserOverlay::Help),
                Action::Filter => browser.typing = true,
                Action::Open => {
                    if !browser.found.is_empty() {
                        browser.overlay = Some(BrowserOverlay::Details(0));
                    }
                }
                Action::Up => browser.step(-1),
                Action::Down => browser.step(1),
                Action::PageUp => browser.step(-PAGE),
                Action::PageDown => browser.step(PAGE),
                Action::First => browser.selected = 0,
                Action::Last => browser.selected = browser.found.len().saturating_sub(1),
                Action::Mark => browser.toggle_mark(),
                Action::MarkAll => browser.toggle_mark_all(),
                Action::SortNext => {
                    browser.sort = SortColumn::next(browser.sort);
                    browser.resort(&self.study);
                }
                Action::SortReverse => {
                    browser.reverse = !browser.reverse;
                    browser.resort(&self.study);
                }
                Action::Back => return self.leave_browser(now),
                Action::AddCard => self.open_add_form(),
                Action::CopyBuiltIn => return vec![Effect::CopyBuiltIn],
                _ => return self.act(action, now),
            },
        }
        Vec::new()
    }

    /// Back to where the browser was opened from, which sees what the actions changed.
    fn leave_browser(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Browser(mut browser) = std::mem::replace(&mut self.screen, Screen::Home) else {
            return Vec::new();
        };
        self.browser_undo = std::mem::take(&mut browser.done);
        self.notice = None;
        self.screen = *browser.back;
        match &mut self.screen {
            Screen::Review(review) => {
                review.session.after_browsing(&self.study, now);
                Vec::new()
            }
            // A trouble card looked at: back to the statistics, as they were.
            Screen::Stats(_) => Vec::new(),
            _ => self.go_home(),
        }
    }
}

/// Rows a page key moves.
const PAGE: isize = 10;

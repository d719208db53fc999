//! The home screen: the deck list with its filter, the selected row, the overlay shown over
//! it (one at a time), and the whole-collection figures it shows, computed in one place
//! ([`HomeFigures::compute`]) when the home screen shows. The rows and folding are
//! [`rows`].

mod problems;
pub mod rows;

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::backlog::PlanPreview;
use super::exam::ExamInput;
use super::{Action, App, Effect, Keys, Screen, keys, line_input};
use crate::motivation::{Goals, Motivation};
use crate::study::backlog::{self, Backlog};
use crate::study::exam::Outlook;
use crate::study::{DueCounts, Study};
pub use rows::{Row, depth, rows};

/// Rows a page key moves by.
const PAGE: usize = 10;

/// The deck list's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeScreen {
    /// Selected row of the deck list.
    pub selected: usize,
    /// Text matched against deck names and ids; empty shows every deck.
    pub filter: String,
    pub overlay: Option<HomeOverlay>,
    pub figures: HomeFigures,
    /// Folders whose decks are folded away, by path (`lang/romance`).
    pub folded: BTreeSet<String>,
}

/// What shows over the deck list, and takes its keys.
#[derive(Debug, Clone, PartialEq)]
pub enum HomeOverlay {
    Help,
    /// The mode picker for the selected row.
    Picker,
    /// Keys type into the filter.
    Filter,
    /// An exam date being typed for a deck.
    Exam(ExamInput),
    /// A plan that spreads the backlog over days, previewed.
    Plan(PlanPreview),
    /// The problems of the deck file with this id.
    Problems(crate::deck::DeckId),
}

/// The whole-collection figures the home screen shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeFigures {
    /// Today's counts per deck, after the daily limits.
    pub counts: Vec<DueCounts>,
    /// Each deck's mastery, 0 to 1.
    pub mastery: Vec<f64>,
    /// Today's review answers and the milliseconds they took.
    pub today: (usize, u64),
    /// Far more reviews due than on a normal day, over all decks.
    pub backlog: Option<Backlog>,
    /// Reviews a backlog plan moved that are still to come.
    pub catching_up: usize,
    /// The decks holding them, whose new cards wait until they are done.
    pub waiting_decks: Vec<usize>,
    /// Each deck's exam ahead, if it has one: days left and predicted recall.
    pub exams: Vec<Option<Outlook>>,
    /// Streak and XP, when the settings turn them on.
    pub motivation: Option<Motivation>,
    /// Cards kept out of the queues: suspended ones, and among every card the leeches.
    pub set_aside: SetAside,
    /// While the review history is read: each deck's number of cards (the first frame's
    /// decks may come without their cards). Every figure above waits, empty until then.
    pub counting: Option<Vec<usize>>,
}

/// Cards the user may have lost sight of, for the home screen's line about them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetAside {
    pub suspended: usize,
    pub leeches: usize,
}

impl SetAside {
    /// Counts them over every card of the collection.
    #[must_use]
    pub fn count(study: &Study) -> Self {
        let mut counts = Self::default();
        for deck in &study.collection.decks {
            for card in &deck.cards {
                let state = study.state(card.id.as_str());
                counts.suspended += usize::from(state.suspended);
                counts.leeches += usize::from(state.leech);
            }
        }
        counts
    }
}

impl HomeFigures {
    /// The figures of the first frame, drawn before the review history is read, with each
    /// deck's number of `cards`.
    #[must_use]
    pub fn counting(cards: Vec<usize>) -> Self {
        Self {
            counting: Some(cards),
            ..Self::default()
        }
    }

    /// Every figure at `now`: passes over every card, a replay of the whole log for the goals
    /// and an exam plan simulation per deck, so only when the home screen shows.
    #[must_use]
    pub fn compute(study: &Study, now: DateTime<FixedOffset>, goals: Goals) -> Self {
        use rayon::prelude::*;
        let decks: Vec<usize> = (0..study.collection.decks.len()).collect();
        // Deck by deck on every core: each deck's figures are a pass over its cards, and
        // the first frame waits for all of them (docs/performance.md).
        let per_deck = || -> Vec<_> {
            decks
                .par_iter()
                .map(|&d| {
                    let counts = study.due_counts(d, now);
                    let mastery = study.mastery(d);
                    let postponed = study.postponed(d);
                    let exam = crate::study::exam::outlook(study, d, now);
                    (counts, mastery, postponed, exam)
                })
                .collect()
        };
        let whole = || {
            (
                backlog::backlog(study, &decks, now),
                SetAside::count(study),
                Self::motivation(study, now, goals),
            )
        };
        let (per_deck, (backlog, set_aside, motivation)) = rayon::join(per_deck, whole);
        let mut figures = Self {
            today: study.today(),
            backlog: backlog.is_large().then_some(backlog),
            motivation,
            set_aside,
            ..Self::default()
        };
        for (d, (counts, mastery, postponed, exam)) in per_deck.into_iter().enumerate() {
            figures.counts.push(counts);
            figures.mastery.push(mastery);
            figures.exams.push(exam);
            figures.catching_up += postponed;
            if postponed > 0 {
                figures.waiting_decks.push(d);
            }
        }
        figures
    }

    /// Streak and XP, if the settings turn them on: a replay of the whole log.
    #[must_use]
    pub fn motivation(
        study: &Study,
        now: DateTime<FixedOffset>,
        goals: Goals,
    ) -> Option<Motivation> {
        goals
            .any()
            .then(|| crate::motivation::compute(study, now, goals.streak_goal))
    }
}

impl HomeScreen {
    /// The key table for the overlay, or the deck list's (beneath help, which
    /// [`App::bindings`] puts over it).
    #[must_use]
    pub fn keys(&self) -> Keys {
        match &self.overlay {
            Some(HomeOverlay::Picker) => keys::PICKER,
            Some(HomeOverlay::Filter) => keys::FILTER_INPUT,
            Some(HomeOverlay::Exam(_)) => keys::EXAM_INPUT,
            Some(HomeOverlay::Plan(_)) => keys::BACKLOG_PLAN,
            Some(HomeOverlay::Problems(_)) => keys::PROBLEMS,
            None | Some(HomeOverlay::Help) if self.figures.catching_up > 0 => {
                keys::HOME_CATCHING_UP
            }
            None | Some(HomeOverlay::Help) if self.figures.backlog.is_some() => keys::HOME_BACKLOG,
            None | Some(HomeOverlay::Help) => keys::HOME,
        }
    }

    /// Whether keys type into the filter.
    #[must_use]
    pub fn filtering(&self) -> bool {
        self.overlay == Some(HomeOverlay::Filter)
    }
}

impl App {
    /// The decks of the selected row (a deck, or every deck of a group), with a title.
    #[must_use]
    pub fn selected_decks(&self) -> Option<(Vec<usize>, String)> {
        match self.rows().get(self.home.selected).copied()? {
            Row::Deck(index, deck) => Some((vec![index], deck.name.clone())),
            Row::Group(folder) => Some((self.folder_decks(folder), folder.to_owned())),
            Row::Broken(_) => None,
        }
    }

    /// The browser's search for the selected row: its deck or folder, or every card.
    fn selected_search(&self) -> String {
        match self.rows().get(self.home.selected).copied() {
            Some(Row::Deck(index, _)) => {
                deck_search(self.study.collection.decks[index].id.as_str())
            }
            Some(Row::Group(folder)) => deck_search(folder),
            _ => String::new(),
        }
    }

    /// Computes the home screen's figures, if it is showing.
    pub(super) fn refresh_home(&mut self) {
        if matches!(self.screen, Screen::Home) {
            self.home.figures = HomeFigures::compute(&self.study, self.now, self.goals);
        }
    }

    /// Turns streak and XP on or off, as the settings say.
    pub fn set_goals(&mut self, goals: Goals) {
        self.goals = goals;
        self.home.figures.motivation = HomeFigures::motivation(&self.study, self.now, goals);
    }

    /// A key on the home screen: its overlay's, or the deck list's.
    pub(super) fn update_home(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        match self.home.overlay.clone() {
            Some(HomeOverlay::Help) if *action == Action::Help => self.home.overlay = None,
            Some(HomeOverlay::Help) => {}
            Some(HomeOverlay::Picker) => self.picker_key(action),
            Some(HomeOverlay::Filter) => self.filter_key(action),
            Some(HomeOverlay::Exam(_)) => return self.exam_key(action, now),
            Some(HomeOverlay::Plan(_)) => return self.plan_key(action, now),
            Some(HomeOverlay::Problems(id)) => return self.problems_key(action, &id),
            None => return self.deck_list_key(action, now),
        }
        Vec::new()
    }

    fn deck_list_key(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let last = self.rows().len().saturating_sub(1);
        let selected = &mut self.home.selected;
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(last),
            Action::PageUp => *selected = selected.saturating_sub(PAGE),
            Action::PageDown => *selected = (*selected + PAGE).min(last),
            Action::First => *selected = 0,
            Action::Last => *selected = last,
            Action::Open => match self.rows().get(self.home.selected).copied() {
                Some(Row::Broken(broken)) => {
                    self.home.overlay = Some(HomeOverlay::Problems(broken.id.clone()));
                }
                _ => {
                    if let Some((decks, title)) = self.selected_decks() {
                        self.start_review(decks, title);
                    }
                }
            },
            Action::ReviewAll => {
                let all = (0..self.study.collection.decks.len()).collect();
                let title = self.study.collection.all_decks_title();
                self.start_review(all, title);
            }
            Action::Help => self.home.overlay = Some(HomeOverlay::Help),
            Action::Picker if self.selected_decks().is_some() => {
                self.home.overlay = Some(HomeOverlay::Picker);
            }
            Action::Picker => self.nothing_to_pick(),
            Action::ToggleFolder => self.fold(None),
            Action::Right => self.fold(Some(false)),
            Action::Left => self.fold(Some(true)),
            Action::Edit => return self.edit_selected(),
            // Esc closes what is open, here a filter left standing; it never quits.
            Action::LeaveField if !self.home.filter.is_empty() => {
                self.home.filter.clear();
                self.home.selected = 0;
            }
            Action::Filter => self.home.overlay = Some(HomeOverlay::Filter),
            Action::SetExam => self.ask_exam(),
            Action::Backlog if self.home.figures.catching_up > 0 => {
                self.notice = Some(super::backlog::plan_in_effect(
                    self.home.figures.catching_up,
                ));
            }
            Action::Backlog if self.home.figures.backlog.is_some() => self.preview_plan(0, now),
            Action::UndoBacklog if self.home.figures.catching_up > 0 => return self.undo_plan(now),
            Action::Statistics => self.open_statistics(now),
            Action::Browse => {
                let search = self.selected_search();
                self.open_browser(&search, None, now);
            }
            Action::BrowseTrouble => self.open_browser("is:suspended or is:leech", None, now),
            Action::Reload => {
                return vec![Effect::Reload {
                    only_if_changed: false,
                }];
            }
            Action::Back => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// The mode picker: review, a practice mode or cramming on the selected row.
    fn picker_key(&mut self, action: &Action) {
        if *action == Action::Picker {
            self.home.overlay = None;
        } else if let Some((decks, title)) = self.selected_decks()
            && self.pick(action, decks, title)
        {
            self.home.overlay = None;
        }
    }

    /// Typing the filter: the list narrows as it changes; Esc clears it.
    fn filter_key(&mut self, action: &Action) {
        let last = self.rows().len().saturating_sub(1);
        match action {
            Action::Up => self.home.selected = self.home.selected.saturating_sub(1),
            Action::Down => self.home.selected = (self.home.selected + 1).min(last),
            action => match line_input::edit(&mut self.home.filter, action, |_, _| true) {
                Some(line_input::End::Cancel) => {
                    self.home.overlay = None;
                    self.home.filter.clear();
                    self.home.selected = 0;
                }
                Some(line_input::End::Submit) => self.home.overlay = None,
                None => self.home.selected = 0,
            },
        }
    }
}

/// `deck:ID`, quoted when the id has a space.
#[must_use]
pub fn deck_search(id: &str) -> String {
    if id.contains([' ', '"', '(', ')']) {
        format!("deck:\"{}\"", id.replace('"', ""))
    } else {
        format!("deck:{id}")
    }
}

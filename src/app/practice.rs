//! The practice modes in the app: the options screen, [`Practice`] around each mode's session
//! (flashcards, learn, match, the test) with what the screen adds to it, each mode's key
//! table, and its key handling. Their rules live in `session`.

mod memory;
mod modes;
mod options;
mod test;

use chrono::{DateTime, FixedOffset};

use super::{Action, App, Effect, Screen};
use crate::session::flashcards::Flashcards;
use crate::session::learn::Learn;
use crate::session::matching::Match;
use crate::session::practice_test::PracticeTest;
use crate::session::questions::{ONE_ANSWER, Term, can_choose};
use crate::store::{Mode, NewEvent, NewKind, Question};
use crate::study::Study;
pub use memory::PracticeMemory;
use modes::{flashcards_key, learn_key, match_key};
pub use modes::{flashcards_keys, learn_keys, match_keys, test_keys};
pub use options::{OptionsScreen, Setting};

/// The practice modes, as picked on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeMode {
    Flashcards,
    Learn,
    Match,
    Test,
}

impl PracticeMode {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Flashcards => "Flashcards",
            Self::Learn => "Learn",
            Self::Match => "Match",
            Self::Test => "Practice test",
        }
    }
}

/// A practice mode's session on screen, with what the screen adds to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Practice<T> {
    pub session: T,
    pub help: bool,
    /// Esc left the answer field; keys are commands until Enter goes back in.
    pub field_left: bool,
    /// Lines the card's text is scrolled by; back to the top for each card.
    pub scroll: u16,
    /// The test asks whether to leave it (it has answers).
    pub leaving: bool,
}

impl<T> Practice<T> {
    fn new(session: T) -> Self {
        Self {
            session,
            help: false,
            field_left: false,
            scroll: 0,
            leaving: false,
        }
    }
}

/// The practice cards of `decks`: every card, or only the starred ones.
#[must_use]
pub fn terms(study: &Study, decks: &[usize], starred_only: bool) -> Vec<Term> {
    decks
        .iter()
        .flat_map(|&deck| study.collection.decks[deck].cards.iter())
        .filter(|card| !starred_only || study.practice(card.id.as_str()).starred)
        .map(|card| Term {
            id: card.id.as_str().into(),
            front: card.front.clone(),
            back: card.back.clone(),
        })
        .collect()
}

/// A seed for a session's shuffles, from the time it starts.
fn seed(now: DateTime<FixedOffset>) -> u64 {
    u64::try_from(now.timestamp_micros()).unwrap_or(0)
}

impl App {
    /// Starts `screen`'s mode on `terms` (not empty) of the decks `deck_ids`; a mode that
    /// cannot ask what it should with these cards says what it does instead.
    fn start_practice(
        &mut self,
        screen: OptionsScreen,
        terms: Vec<Term>,
        deck_ids: Vec<String>,
        now: DateTime<FixedOffset>,
    ) {
        let OptionsScreen {
            mode,
            title,
            options,
            ..
        } = screen;
        self.notice = None;
        let choosing = options.questions.iter().any(|&q| q != Question::Written);
        if choosing
            && matches!(mode, PracticeMode::Learn | PracticeMode::Test)
            && !can_choose(&terms)
        {
            self.notice = Some(ONE_ANSWER.to_owned());
        }
        let seed = seed(now);
        self.screen = match mode {
            PracticeMode::Flashcards => {
                let known: Vec<bool> = terms
                    .iter()
                    .map(|t| self.study.practice(&t.id).sorted_known == Some(true))
                    .collect();
                Screen::Flashcards(Box::new(Practice::new(Flashcards::new(
                    title, terms, &known, deck_ids, &options, seed,
                ))))
            }
            PracticeMode::Learn => {
                let levels = terms
                    .iter()
                    .map(|t| self.study.practice(&t.id).learn)
                    .collect();
                let mut learn = Learn::new(title, terms, levels, options, seed);
                learn.stamp_shown(now);
                Screen::Learn(Box::new(Practice::new(learn)))
            }
            PracticeMode::Match => {
                let best = deck_ids
                    .iter()
                    .flat_map(|deck| self.study.wait_for_history().results(deck))
                    .filter(|r| r.mode == Mode::Match)
                    .filter_map(|r| r.ms)
                    .min();
                Screen::Match(Box::new(Practice::new(Match::new(
                    title, terms, deck_ids, best, now, seed,
                ))))
            }
            PracticeMode::Test => {
                self.practice_memory.drop_test(&deck_ids);
                Screen::Test(Box::new(Practice::new(PracticeTest::new(
                    title, terms, options, deck_ids, seed,
                ))))
            }
        };
    }

    /// The card the `*` key stars on the screen showing.
    #[must_use]
    pub fn practice_card(&self) -> Option<&str> {
        match &self.screen {
            Screen::Flashcards(f) => f.session.current_card(),
            Screen::Learn(l) => l.session.current_card(),
            Screen::Match(m) => m.session.current_card(),
            Screen::Test(t) => t.session.current_card(),
            Screen::Review(r) => r.session.current.as_ref().map(|c| c.card.as_ref()),
            Screen::Home | Screen::Options(_) | Screen::Stats(_) | Screen::Browser(_) => None,
        }
    }

    /// Stars or unstars the card on screen.
    pub(super) fn toggle_star(&self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(card) = self.practice_card() else {
            return Vec::new();
        };
        let kind = if self.study.practice(card).starred {
            NewKind::Unstar
        } else {
            NewKind::Star
        };
        vec![Effect::Write(NewEvent::for_card(card, now, kind))]
    }

    /// A key in a practice mode: help, scrolling and leaving are the screen's; the rest is the
    /// mode's. The test keeps itself ([`App::update_test`]).
    pub(super) fn update_practice(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let events = match &mut self.screen {
            Screen::Flashcards(p) => p.update(action, now, flashcards_key),
            Screen::Learn(p) => p.update(action, now, learn_key),
            Screen::Match(p) => p.update(action, now, match_key),
            Screen::Test(_) => return self.update_test(action, now),
            _ => return Vec::new(),
        };
        let Some(events) = events else {
            self.notice = None;
            return self.go_home();
        };
        write(events)
    }

    /// Events a practice mode wrote together (a test's answers and results): recorded, then
    /// the figures once.
    pub(super) fn practice_written(&mut self, events: &[NewEvent]) {
        for event in events {
            self.study.record(event.to_event(), event.card.as_deref());
        }
        self.refresh_home();
    }

    /// Whether a practice mode is on screen, whose batches of events come back here.
    pub(super) fn practising(&self) -> bool {
        matches!(
            self.screen,
            Screen::Flashcards(_) | Screen::Learn(_) | Screen::Match(_) | Screen::Test(_)
        )
    }
}

/// The effect that writes a mode's events: one write for a batch (the log's one append).
fn write(events: Vec<NewEvent>) -> Vec<Effect> {
    match events.len() {
        0 => Vec::new(),
        1 => events.into_iter().map(Effect::Write).collect(),
        _ => vec![Effect::WriteAll(events)],
    }
}

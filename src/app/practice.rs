//! The practice modes in the app: the options screen, [`Practice`] around each mode's session
//! (flashcards, learn, match, the test) with what the screen adds to it, each mode's key
//! table, and its key handling. Their rules live in `session`.

mod modes;

use chrono::{DateTime, FixedOffset};

use super::{Action, App, Effect, Keys, Screen, keys};
use crate::session::flashcards::Flashcards;
use crate::session::learn::Learn;
use crate::session::matching::Match;
use crate::session::options::Options;
use crate::session::practice_test::PracticeTest;
use crate::session::questions::Term;
use crate::store::{Mode, NewEvent, NewKind, Question};
use crate::study::Study;
use modes::{flashcards_key, learn_key, match_key, test_key};
pub use modes::{flashcards_keys, learn_keys, match_keys, test_keys};

/// The practice modes, as picked on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The options screen, before a mode starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsScreen {
    pub mode: PracticeMode,
    pub decks: Vec<usize>,
    pub title: String,
    pub options: Options,
    /// Cards in the chosen decks, for the question count's upper bound.
    pub deck_size: usize,
    pub help: bool,
}

impl OptionsScreen {
    /// The mode's options keys.
    #[must_use]
    pub fn keys(&self) -> Keys {
        match self.mode {
            PracticeMode::Flashcards => keys::OPTIONS_FLASHCARDS,
            PracticeMode::Learn => keys::OPTIONS_LEARN,
            PracticeMode::Match => keys::OPTIONS_MATCH,
            PracticeMode::Test => keys::OPTIONS_TEST,
        }
    }

    /// Changes a setting; matching questions are the test's only.
    fn change(&mut self, setting: Setting) {
        let options = &mut self.options;
        match setting {
            Setting::AnswerWith => options.answer_with = options.answer_with.next(),
            Setting::Shuffle => options.shuffle = !options.shuffle,
            Setting::StarredOnly => options.starred_only = !options.starred_only,
            Setting::Sorting => options.sorting = !options.sorting,
            Setting::MoreQuestions => {
                options.count = (options.count + 5).min(self.deck_size.max(1));
            }
            Setting::FewerQuestions => options.count = options.count.saturating_sub(5).max(1),
            Setting::Kind(kind) => {
                if self.mode == PracticeMode::Test || kind != Question::Matching {
                    options.toggle(kind);
                }
            }
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
}

impl<T> Practice<T> {
    fn new(session: T) -> Self {
        Self {
            session,
            help: false,
            field_left: false,
            scroll: 0,
        }
    }
}

/// A setting on the options screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    AnswerWith,
    Shuffle,
    StarredOnly,
    Sorting,
    MoreQuestions,
    FewerQuestions,
    Kind(Question),
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
    /// Opens the options screen of `mode` on `decks`.
    pub fn open_options(&mut self, mode: PracticeMode, decks: Vec<usize>, title: String) {
        let deck_size = decks
            .iter()
            .map(|&d| self.study.collection.decks[d].cards.len())
            .sum();
        let mut options = match mode {
            PracticeMode::Test => Options::for_test(deck_size),
            _ => Options::default(),
        };
        options.strictness = self.strictness;
        self.notice = None;
        self.screen = Screen::Options(Box::new(OptionsScreen {
            mode,
            decks,
            title,
            options,
            deck_size,
            help: false,
        }));
    }

    /// A key on the options screen.
    pub(super) fn update_options(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let Screen::Options(screen) = &mut self.screen else {
            return Vec::new();
        };
        match action {
            Action::Help => screen.help = !screen.help,
            _ if screen.help => {}
            Action::Setting(setting) => screen.change(*setting),
            Action::Start => self.start_mode(now),
            Action::Back => {
                self.notice = None;
                return self.go_home();
            }
            _ => {}
        }
        Vec::new()
    }

    /// Starts the mode from its options screen.
    fn start_mode(&mut self, now: DateTime<FixedOffset>) {
        let Screen::Options(screen) = &self.screen else {
            return;
        };
        let OptionsScreen {
            mode,
            decks,
            title,
            options,
            ..
        } = (**screen).clone();
        let terms = terms(&self.study, &decks, options.starred_only);
        if terms.is_empty() {
            self.notice = Some(if options.starred_only {
                format!(
                    "No starred cards here: press {} on a card in any mode to star it.",
                    keys::FLASHCARDS.label(&Action::Star)
                )
            } else {
                "These decks have no cards.".to_owned()
            });
            return;
        }
        self.notice = None;
        let deck_ids: Vec<String> = decks
            .iter()
            .map(|&d| self.study.collection.decks[d].id.to_string())
            .collect();
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
                Screen::Learn(Box::new(Practice::new(Learn::new(
                    title, terms, levels, options, seed,
                ))))
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
            PracticeMode::Test => Screen::Test(Box::new(Practice::new(PracticeTest::new(
                title, terms, options, deck_ids, seed,
            )))),
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
    /// mode's.
    pub(super) fn update_practice(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let events = match &mut self.screen {
            Screen::Flashcards(p) => p.update(action, now, flashcards_key),
            Screen::Learn(p) => p.update(action, now, learn_key),
            Screen::Match(p) => p.update(action, now, match_key),
            Screen::Test(p) => p.update(action, now, test_key),
            _ => return Vec::new(),
        };
        let Some(events) = events else {
            self.notice = None;
            return self.go_home();
        };
        events.into_iter().map(Effect::Write).collect()
    }
}

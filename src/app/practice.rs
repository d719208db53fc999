//! The practice modes in the app: the mode picker, the options screen, and the key handling
//! of flashcards, learn, match and the practice test. Their rules live in `session`.

use chrono::{DateTime, FixedOffset};

use super::{Action, App, Effect, Screen};
use crate::session::flashcards::Flashcards;
use crate::session::learn::Learn;
use crate::session::matching::Match;
use crate::session::options::Options;
use crate::session::practice_test::PracticeTest;
use crate::session::questions::Term;
use crate::store::{Mode, NewEvent, NewKind, Question};
use crate::study::Study;

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
        self.picker = false;
        self.screen = Screen::Options(Box::new(OptionsScreen {
            mode,
            decks,
            title,
            options,
            deck_size,
        }));
    }

    pub(super) fn change_setting(&mut self, setting: Setting) {
        let Screen::Options(screen) = &mut self.screen else {
            return;
        };
        let options = &mut screen.options;
        match setting {
            Setting::AnswerWith => options.answer_with = options.answer_with.next(),
            Setting::Shuffle => options.shuffle = !options.shuffle,
            Setting::StarredOnly => options.starred_only = !options.starred_only,
            Setting::Sorting => options.sorting = !options.sorting,
            Setting::MoreQuestions => {
                options.count = (options.count + 5).min(screen.deck_size.max(1));
            }
            Setting::FewerQuestions => options.count = options.count.saturating_sub(5).max(1),
            Setting::Kind(kind) => {
                let allowed = match screen.mode {
                    PracticeMode::Test => true,
                    _ => kind != Question::Matching,
                };
                if allowed {
                    options.toggle(kind);
                }
            }
        }
    }

    /// Starts the mode from its options screen.
    pub(super) fn start_mode(&mut self, now: DateTime<FixedOffset>) {
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
                "No starred cards here: press * on a card in any mode to star it.".to_owned()
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
                Screen::Flashcards(Box::new(Flashcards::new(
                    title, terms, &known, deck_ids, &options, seed,
                )))
            }
            PracticeMode::Learn => {
                let levels = terms
                    .iter()
                    .map(|t| self.study.practice(&t.id).learn)
                    .collect();
                Screen::Learn(Box::new(Learn::new(title, terms, levels, options, seed)))
            }
            PracticeMode::Match => {
                let best = deck_ids
                    .iter()
                    .flat_map(|deck| self.study.wait_for_history().results(deck))
                    .filter(|r| r.mode == Mode::Match)
                    .filter_map(|r| r.ms)
                    .min();
                Screen::Match(Box::new(Match::new(
                    title, terms, deck_ids, best, now, seed,
                )))
            }
            PracticeMode::Test => Screen::Test(Box::new(PracticeTest::new(
                title, terms, options, deck_ids, seed,
            ))),
        };
        self.field_left = false;
    }

    /// The card the `*` key stars in the mode on screen.
    #[must_use]
    pub fn practice_card(&self) -> Option<&str> {
        match &self.screen {
            Screen::Flashcards(f) => f.current_card(),
            Screen::Learn(l) => l.current_card(),
            Screen::Match(m) => m.current_card(),
            Screen::Test(t) => t.current_card(),
            Screen::Review(r) => r.current.as_ref().map(|c| c.card.as_ref()),
            Screen::Home | Screen::Options(_) | Screen::Stats(_) => None,
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

    /// A key in a practice mode.
    pub(super) fn update_practice(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let asked_before = self.question_marker();
        match action {
            Action::PageUp => self.practice_scroll = self.practice_scroll.saturating_sub(5),
            Action::PageDown => self.practice_scroll = self.practice_scroll.saturating_add(5),
            _ => {}
        }
        let events = match &mut self.screen {
            Screen::Flashcards(cards) => flashcards_key(cards, action, now),
            Screen::Learn(learn) => learn_key(learn, action, now),
            Screen::Match(game) => match_key(game, action, now),
            Screen::Test(test) => test_key(test, action, now),
            _ => Vec::new(),
        };
        if self.question_marker() != asked_before {
            self.field_left = false;
            self.practice_scroll = 0;
        }
        events.into_iter().map(Effect::Write).collect()
    }

    /// Identifies the question on screen, to put the cursor back in the answer field when it
    /// changes.
    fn question_marker(&self) -> (usize, usize) {
        match &self.screen {
            Screen::Learn(l) => (
                l.round,
                l.current.as_ref().map_or(usize::MAX, |a| a.question.term),
            ),
            Screen::Test(t) => (t.position, 0),
            Screen::Flashcards(f) => (f.position, usize::from(f.flipped)),
            _ => (0, 0),
        }
    }
}

fn flashcards_key(
    cards: &mut Flashcards,
    action: &Action,
    now: DateTime<FixedOffset>,
) -> Vec<NewEvent> {
    match action {
        Action::Reveal => cards.flip(),
        Action::Down if cards.sorting => return cards.sort(false, now),
        Action::Up if cards.sorting => return cards.sort(true, now),
        Action::Right => cards.next(),
        Action::Left => cards.previous(),
        Action::Shuffle => cards.shuffle(),
        Action::ToggleSorting => cards.toggle_sorting(),
        Action::Proceed => cards.next_round(),
        Action::StartOver => return cards.start_over(now),
        _ => {}
    }
    Vec::new()
}

fn learn_key(learn: &mut Learn, action: &Action, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
    match action {
        Action::Choose(n) => return learn.choose(*n, now),
        Action::Type(c) => learn.type_char(*c),
        Action::Backspace => learn.backspace(),
        Action::Submit => return learn.submit(now),
        Action::DontKnow => return learn.dont_know(now),
        Action::Override => return learn.override_right(now),
        Action::Proceed => learn.proceed(),
        _ => {}
    }
    Vec::new()
}

fn match_key(game: &mut Match, action: &Action, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
    let columns = crate::ui::matching::COLUMNS;
    match action {
        Action::Choose(n) => return game.pick(n.saturating_sub(1), now),
        Action::Submit => return game.pick(game.focus, now),
        Action::Left => game.move_focus(-1, 0, columns),
        Action::Right => game.move_focus(1, 0, columns),
        Action::Up => game.move_focus(0, -1, columns),
        Action::Down => game.move_focus(0, 1, columns),
        Action::Click {
            column,
            row,
            width,
            height,
        } => {
            let area = ratatui::layout::Rect::new(0, 0, *width, *height);
            if let Some(tile) = crate::ui::matching::tile_at(area, game.tiles.len(), *column, *row)
            {
                return game.pick(tile, now);
            }
        }
        Action::Proceed if game.finished.is_some() => *game = game.again(now, seed(now)),
        _ => {}
    }
    Vec::new()
}

fn test_key(test: &mut PracticeTest, action: &Action, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
    match action {
        Action::Type(c) => test.type_char(*c),
        Action::Backspace => test.backspace(),
        Action::Choose(n) => test.choose(*n),
        Action::Up => test.move_row(false),
        Action::Down => test.move_row(true),
        Action::Submit if test.on_submit_page() => return test.submit(now),
        Action::Right | Action::Submit | Action::DontKnow if !test.on_submit_page() => test.next(),
        Action::Left | Action::Previous => test.previous(),
        Action::Retake => {
            if let Some(retake) = test.retake_missed() {
                *test = retake;
            }
        }
        _ => {}
    }
    Vec::new()
}

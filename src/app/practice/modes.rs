//! Each practice mode's key table by what is on screen, and its key handling: the mode's
//! own actions go to its session, and [`Practice`] adds help, the answer field and scrolling.

use chrono::{DateTime, FixedOffset};

use super::{Practice, seed};
use crate::app::{Action, Keys, keys};
use crate::session::flashcards::Flashcards;
use crate::session::learn::{Learn, Stage as LearnStage};
use crate::session::matching::{GRID_COLUMNS, Match};
use crate::session::practice_test::{Item, PracticeTest};
use crate::session::questions::Ask;
use crate::store::NewEvent;

/// Flashcards' keys, by what is on screen.
#[must_use]
pub fn flashcards_keys(cards: &Flashcards) -> Keys {
    match cards {
        f if f.all_known => keys::SORTING_DONE,
        f if f.round_over() && f.learning.is_empty() => keys::SORTING_ALL_SORTED,
        f if f.round_over() => keys::SORTING_ROUND_OVER,
        f if f.sorting => keys::SORTING,
        _ => keys::FLASHCARDS,
    }
}

/// Learn's keys, by what is on screen.
#[must_use]
pub fn learn_keys(learn: &Practice<Learn>) -> Keys {
    match (&learn.session.stage, &learn.session.current) {
        (LearnStage::Done, _) => keys::LEARN_DONE,
        (LearnStage::RoundOver, _) | (_, None) => keys::LEARN_ROUND_OVER,
        (_, Some(asked)) => match (&asked.outcome, &asked.question.ask) {
            (Some(outcome), _) if outcome.overridable => keys::LEARN_FEEDBACK_OVERRIDE,
            (Some(_), _) => keys::LEARN_FEEDBACK,
            (None, Ask::Choice { options, .. }) => keys::LEARN_CHOICE.with_picks(options.len()),
            (None, Ask::TrueFalse { .. }) => keys::LEARN_TRUE_FALSE,
            (None, Ask::Written) if learn.field_left => keys::LEARN_FIELD_LEFT,
            (None, Ask::Written) => keys::TYPING_LEARN,
        },
    }
}

/// Match's keys: tiles while the clock runs, then playing again.
#[must_use]
pub fn match_keys(game: &Match) -> Keys {
    if game.finished.is_some() {
        keys::MATCH_DONE
    } else {
        keys::MATCH.with_picks(game.tiles.len())
    }
}

/// The test's keys, by what is on screen: the report, the submit page, a written answer being
/// typed or its field left, or the kind of question.
#[must_use]
pub fn test_keys(test: &Practice<PracticeTest>) -> Keys {
    let session = &test.session;
    if test.leaving {
        return keys::TEST_LEAVE;
    }
    if session.report.is_some() {
        return keys::TEST_REPORT;
    }
    match session.items.get(session.position) {
        None => keys::TEST_SUBMIT,
        Some(Item::Matching { answers, .. }) => keys::TEST_MATCHING.with_picks(answers.len()),
        Some(Item::Single(question)) => match &question.ask {
            Ask::Choice { options, .. } => keys::TEST_CHOICE.with_picks(options.len()),
            Ask::TrueFalse { .. } => keys::TEST_TRUE_FALSE,
            Ask::Written if test.field_left => keys::TEST_FIELD_LEFT,
            Ask::Written => keys::TYPING_TEST,
        },
    }
}

/// What the screen around a practice session needs to know of it.
pub trait PracticeSession {
    /// Identifies the question on screen, to put the cursor back in the answer field and the
    /// text at its top when it changes.
    fn question_marker(&self) -> (usize, usize);
    /// Whether a written answer is asked for, so the field can be left and entered.
    fn asks_in_writing(&self) -> bool {
        false
    }
    /// Whether the card text can be longer than the screen and scrolls.
    const SCROLLS: bool = true;
}

impl PracticeSession for Flashcards {
    fn question_marker(&self) -> (usize, usize) {
        (self.position, usize::from(self.flipped))
    }
}

impl PracticeSession for Learn {
    fn question_marker(&self) -> (usize, usize) {
        (
            self.round,
            self.current
                .as_ref()
                .map_or(usize::MAX, |a| a.question.term),
        )
    }

    fn asks_in_writing(&self) -> bool {
        self.typing()
    }
}

impl PracticeSession for Match {
    const SCROLLS: bool = false;

    fn question_marker(&self) -> (usize, usize) {
        (0, 0)
    }
}

impl PracticeSession for PracticeTest {
    fn question_marker(&self) -> (usize, usize) {
        (self.position, 0)
    }

    fn asks_in_writing(&self) -> bool {
        self.typing()
    }
}

impl<T: PracticeSession> Practice<T> {
    /// Applies a key: help, the answer field, scrolling and leaving here, the rest through the
    /// mode's `key`. `None` means go home.
    pub(super) fn update(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
        key: fn(&mut T, &Action, DateTime<FixedOffset>) -> Vec<NewEvent>,
    ) -> Option<Vec<NewEvent>> {
        match action {
            Action::Help => {
                self.help = !self.help;
                return Some(Vec::new());
            }
            _ if self.help => return Some(Vec::new()),
            Action::Back => return None,
            Action::LeaveField if self.session.asks_in_writing() => self.field_left = true,
            Action::EnterField => self.field_left = false,
            Action::PageUp if T::SCROLLS => self.scroll = self.scroll.saturating_sub(5),
            Action::PageDown if T::SCROLLS => self.scroll = self.scroll.saturating_add(5),
            _ => {}
        }
        let asked_before = self.session.question_marker();
        let events = key(&mut self.session, action, now);
        if self.session.question_marker() != asked_before {
            self.field_left = false;
            self.scroll = 0;
        }
        Some(events)
    }
}

pub(super) fn flashcards_key(
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
        Action::Undo => return cards.undo(now),
        Action::StartOver if cards.all_known => return cards.start_over(now),
        _ => {}
    }
    Vec::new()
}

/// Ctrl-U or Ctrl-W on a written answer, as every field takes them.
fn edit_text(text: &mut String, action: &Action) {
    crate::app::line_input::edit(text, action, |_, _| true);
}

pub(super) fn learn_key(
    learn: &mut Learn,
    action: &Action,
    now: DateTime<FixedOffset>,
) -> Vec<NewEvent> {
    let events = match action {
        Action::Choose(n) => learn.choose(*n, now),
        Action::Submit => learn.submit(now),
        Action::DontKnow => learn.dont_know(now),
        Action::Override => learn.override_right(now),
        Action::Type(c) => {
            learn.type_char(*c);
            Vec::new()
        }
        Action::Backspace => {
            learn.backspace();
            Vec::new()
        }
        Action::EditField(_) => {
            learn.edit_input(|text| edit_text(text, action));
            Vec::new()
        }
        Action::Proceed => {
            learn.proceed();
            Vec::new()
        }
        _ => Vec::new(),
    };
    // A question this key brought on screen starts its clock now.
    learn.stamp_shown(now);
    events
}

pub(super) fn match_key(
    game: &mut Match,
    action: &Action,
    now: DateTime<FixedOffset>,
) -> Vec<NewEvent> {
    let columns = GRID_COLUMNS;
    match action {
        Action::Choose(n) => return game.pick(n.saturating_sub(1), now),
        Action::Submit => return game.pick(game.focus, now),
        Action::Left => game.move_focus(-1, 0, columns),
        Action::Right => game.move_focus(1, 0, columns),
        Action::Up => game.move_focus(0, -1, columns),
        Action::Down => game.move_focus(0, 1, columns),
        Action::Proceed if game.finished.is_some() => *game = game.again(now, seed(now)),
        _ => {}
    }
    Vec::new()
}

pub(super) fn test_key(
    test: &mut PracticeTest,
    action: &Action,
    now: DateTime<FixedOffset>,
) -> Vec<NewEvent> {
    match action {
        Action::Type(c) => test.type_char(*c),
        Action::Backspace => test.backspace(),
        Action::EditField(_) => test.edit_input(|text| edit_text(text, action)),
        Action::Choose(n) => test.choose(*n),
        Action::Up => test.move_row(false),
        Action::Down => test.move_row(true),
        Action::Submit if test.on_submit_page() => return test.submit(now),
        Action::Finish => return test.finish(now),
        Action::Right | Action::Submit if !test.on_submit_page() => test.next(),
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

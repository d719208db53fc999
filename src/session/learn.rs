//! Learn, as in Quizlet: rounds of 7 terms. An unseen term is asked as multiple choice (or
//! true/false); a right answer makes it familiar, and it comes back in a later round to be
//! written, which makes it mastered. A miss comes back later in the same round.

use std::collections::VecDeque;

use super::Rng;
use chrono::{DateTime, FixedOffset};
use rand::RngExt;
use rand::SeedableRng;
use rand::seq::SliceRandom;

use super::grade::{Grade, grade};
use super::options::Options;
use super::questions::{Ask, Question, Term, choice, owner_of, true_false, written};
use crate::scheduler::Rating;
use crate::store::{LearnLevel, NewEvent, NewKind, Question as Kind};

mod asked;

pub use asked::{Asked, Marked, Outcome, Passed};

/// Terms in a round.
pub const ROUND: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Asking,
    RoundOver,
    /// Every term is mastered.
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Learn {
    pub title: String,
    pub terms: Vec<Term>,
    pub levels: Vec<LearnLevel>,
    options: Options,
    rng: Rng,
    queue: VecDeque<usize>,
    pub current: Option<Asked>,
    /// Terms missed this round, in order.
    pub missed: Vec<usize>,
    /// The question just answered right, when Learn moved on by itself.
    pub passed: Option<Passed>,
    pub round: usize,
    pub stage: Stage,
}

impl Learn {
    /// Starts on `terms`, whose levels come from the log.
    #[must_use]
    pub fn new(
        title: String,
        terms: Vec<Term>,
        levels: Vec<LearnLevel>,
        options: Options,
        seed: u64,
    ) -> Self {
        let mut learn = Self {
            title,
            terms,
            levels,
            options,
            rng: Rng::seed_from_u64(seed),
            queue: VecDeque::new(),
            current: None,
            missed: Vec::new(),
            passed: None,
            round: 0,
            stage: Stage::RoundOver,
        };
        learn.next_round();
        learn
    }

    /// How many terms are unseen, familiar and mastered.
    #[must_use]
    pub fn progress(&self) -> (usize, usize, usize) {
        let count = |level| self.levels.iter().filter(|&&l| l == level).count();
        (
            count(LearnLevel::Unseen),
            count(LearnLevel::Familiar),
            count(LearnLevel::Mastered),
        )
    }

    /// Notes that the question on screen, if not yet noted, is shown at `now`: the app calls
    /// this after every key and on opening, so an answer's time runs from the moment its
    /// question appeared.
    pub fn stamp_shown(&mut self, now: DateTime<FixedOffset>) {
        if let Some(asked) = self.current.as_mut().filter(|a| a.shown_at.is_none()) {
            asked.shown_at = Some(now);
        }
    }

    /// The card of the question on screen.
    #[must_use]
    pub fn current_card(&self) -> Option<&str> {
        self.current
            .as_ref()
            .map(|asked| self.terms[asked.question.term].id.as_ref())
    }

    /// Whether keys type into an answer field.
    #[must_use]
    pub fn typing(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|asked| asked.outcome.is_none() && asked.question.ask == Ask::Written)
    }

    /// Starts the next round: familiar terms first (to be written), then unseen ones.
    pub fn next_round(&mut self) {
        let mut pending: Vec<usize> = (0..self.terms.len())
            .filter(|&t| self.levels[t] != LearnLevel::Mastered)
            .collect();
        if pending.is_empty() {
            self.stage = Stage::Done;
            self.current = None;
            return;
        }
        if self.options.shuffle {
            pending.shuffle(&mut self.rng);
        }
        pending.sort_by_key(|&t| std::cmp::Reverse(self.levels[t]));
        pending.truncate(ROUND);
        self.queue = pending.into();
        self.missed.clear();
        self.passed = None;
        self.round += 1;
        self.stage = Stage::Asking;
        self.ask_next();
    }

    fn ask_next(&mut self) {
        self.current = self.queue.pop_front().map(|term| {
            let question = self.question_for(term);
            Asked {
                question,
                input: String::new(),
                outcome: None,
                shown_at: None,
            }
        });
        if self.current.is_none() {
            self.stage = Stage::RoundOver;
        }
    }

    /// Unseen terms are recognised (multiple choice, sometimes true/false); familiar ones are
    /// written. Question kinds turned off in the options are skipped.
    fn question_for(&mut self, term: usize) -> Question {
        let kinds = &self.options.questions;
        let (choice_on, true_false_on, written_on) = (
            kinds.contains(&Kind::Choice),
            kinds.contains(&Kind::TrueFalse),
            kinds.contains(&Kind::Written),
        );
        let with = self.options.answer_with;
        if (self.levels[term] == LearnLevel::Familiar && written_on)
            || !(choice_on || true_false_on)
        {
            written(&self.terms, term, with, &mut self.rng)
        } else if true_false_on && (!choice_on || self.rng.random_bool(0.25)) {
            true_false(&self.terms, term, with, &mut self.rng)
        } else {
            choice(&self.terms, term, with, &mut self.rng)
        }
    }

    /// Picks option `n` (1-based) of a multiple-choice question, or 1 = true, 2 = false.
    pub fn choose(&mut self, n: usize, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        let Some(asked) = self.current.as_ref().filter(|a| a.outcome.is_none()) else {
            return Vec::new();
        };
        let question = &asked.question;
        let (right, given, picked) = match &question.ask {
            Ask::Choice { options, correct } if (1..=options.len()).contains(&n) => {
                let given = options[n - 1].clone();
                (n - 1 == *correct, given.clone(), Some(given))
            }
            Ask::TrueFalse { is_true, shown } if n == 1 || n == 2 => (
                (n == 1) == *is_true,
                if n == 1 { "True" } else { "False" }.to_owned(),
                // Saying true to another card's answer took that answer.
                (n == 1 && !is_true).then(|| shown.clone()),
            ),
            _ => return Vec::new(),
        };
        let kind = question.ask.kind();
        let chosen = picked
            .filter(|_| !right)
            .and_then(|text| owner_of(&self.terms, question, &text))
            .map(|other| self.terms[other].id.clone());
        let mut event = self.record(right, None, given, now);
        if let Some(other) = chosen {
            let took = match &event.kind {
                NewKind::Review { duration_ms, .. } => *duration_ms,
                _ => None,
            };
            event.kind = NewKind::confused(crate::practice::Mode::Learn, kind, &other).timed(took);
        }
        self.move_on_if_right();
        vec![event]
    }

    pub fn type_char(&mut self, c: char) {
        if let Some(input) = self.input() {
            input.push(c);
        }
    }

    pub fn backspace(&mut self) {
        if let Some(input) = self.input() {
            input.pop();
        }
    }

    /// Applies `edit` to the answer field's text while a written question waits for it
    /// (the app's Ctrl-U and Ctrl-W).
    pub fn edit_input(&mut self, edit: impl FnOnce(&mut String)) {
        if let Some(input) = self.input() {
            edit(input);
        }
    }

    /// The answer field, while a written question waits for its answer.
    fn input(&mut self) -> Option<&mut String> {
        if self.typing() {
            self.current.as_mut().map(|asked| &mut asked.input)
        } else {
            None
        }
    }

    /// Grades the typed answer; with nothing typed, it is "don't know" (as Tab), never a
    /// miss that "I was right" could turn into a right answer.
    pub fn submit(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if !self.typing() {
            return Vec::new();
        }
        let Some(asked) = &self.current else {
            return Vec::new();
        };
        if asked.input.trim().is_empty() {
            return self.dont_know(now);
        }
        let verdict = grade(
            &asked.input,
            &asked.question.answer,
            self.options.strictness,
        );
        let given = asked.input.clone();
        let event = self.record(verdict.is_right(), Some(verdict), given, now);
        self.move_on_if_right();
        vec![event]
    }

    /// With automatic move on, an answer right as given goes straight to the next question,
    /// which recalls it ([`Learn::passed`]). A typo or an accent forgotten waits, so that the
    /// spelling is seen.
    fn move_on_if_right(&mut self) {
        let Some(asked) = &self.current else { return };
        let Some(outcome) = &asked.outcome else {
            return;
        };
        let exact = matches!(outcome.grade, None | Some(Grade::Correct));
        if self.options.auto_advance && outcome.right && exact {
            self.passed = Some(Passed {
                prompt: asked.question.prompt.clone(),
                answer: asked.question.answer.clone(),
            });
            self.ask_next();
        }
    }

    /// "Don't know": shows the answer and asks the term again later in the round.
    pub fn dont_know(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if self.current.as_ref().is_none_or(|a| a.outcome.is_some()) {
            return Vec::new();
        }
        let event = self.record(false, None, "(don't know)".to_owned(), now);
        if let Some(outcome) = self.current.as_mut().and_then(|a| a.outcome.as_mut()) {
            outcome.marked = Marked::DontKnow;
        }
        vec![event]
    }

    /// "I was right": after a written answer marked wrong, counts it as right instead. The
    /// wrong answer is undone in the log and a right one recorded.
    pub fn override_right(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        let Some(asked) = &mut self.current else {
            return Vec::new();
        };
        let Some(outcome) = asked.outcome.as_mut().filter(|o| o.overridable) else {
            return Vec::new();
        };
        let undo = NewEvent::for_card(
            &self.terms[asked.question.term].id,
            now,
            NewKind::Undo {
                target: outcome.event_id.clone().into(),
            },
        );
        let term = asked.question.term;
        let kind = asked.question.ask.kind();
        outcome.right = true;
        outcome.overridable = false;
        outcome.marked = Marked::ByUser;
        // The miss no longer counts: it was queued again and listed as missed.
        if let Some(at) = self.queue.iter().rposition(|&t| t == term) {
            self.queue.remove(at);
        }
        if let Some(at) = self.missed.iter().rposition(|&t| t == term) {
            self.missed.remove(at);
        }
        self.levels[term] = level_after(self.levels[term], kind, true);
        let took = outcome.took_ms;
        let right = answer_event(&self.terms[term].id, kind, true, now, took);
        if let Some(outcome) = self.current.as_mut().and_then(|a| a.outcome.as_mut()) {
            outcome.event_id.clone_from(&right.id);
        }
        vec![undo, right]
    }

    /// After the outcome is shown: the next question, or the end of the round.
    pub fn proceed(&mut self) {
        match self.stage {
            Stage::Asking if self.current.as_ref().is_some_and(|a| a.outcome.is_some()) => {
                self.ask_next();
            }
            Stage::RoundOver => self.next_round(),
            _ => {}
        }
    }

    fn record(
        &mut self,
        right: bool,
        grade: Option<Grade>,
        given: String,
        now: DateTime<FixedOffset>,
    ) -> NewEvent {
        let Some(asked) = &mut self.current else {
            unreachable!("record is called with a question on screen")
        };
        self.passed = None;
        let term = asked.question.term;
        let kind = asked.question.ask.kind();
        let took = asked
            .shown_at
            .map(|shown| super::review::answer_ms(shown, now));
        let event = answer_event(&self.terms[term].id, kind, right, now, took);
        asked.outcome = Some(Outcome {
            right,
            grade,
            given,
            overridable: !right && kind == Kind::Written && grade.is_some(),
            marked: Marked::ByAnswer,
            event_id: event.id.clone(),
            took_ms: took,
        });
        self.levels[term] = level_after(self.levels[term], kind, right);
        if !right {
            self.queue.push_back(term);
            if !self.missed.contains(&term) {
                self.missed.push(term);
            }
        }
        event
    }
}

/// A Learn answer to `card`, taking `took` milliseconds when known.
fn answer_event(
    card: &str,
    kind: Kind,
    right: bool,
    now: DateTime<FixedOffset>,
    took: Option<u32>,
) -> NewEvent {
    let rating = if right { Rating::Good } else { Rating::Again };
    NewEvent::for_card(
        card,
        now,
        NewKind::answer(rating, took, crate::practice::Mode::Learn, Some(kind)),
    )
}

/// The same rule replay uses, so the screen and the log agree.
fn level_after(level: LearnLevel, kind: Kind, right: bool) -> LearnLevel {
    crate::practice::next_level(level, kind, right)
}

#[cfg(test)]
mod tests;

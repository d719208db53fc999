//! What a practice mode asks, and how: the options screen's choices.

use super::grade::Strictness;
use crate::store::Question;

/// Which side the user answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnswerWith {
    /// Shown the front, answer with the back (the usual way round).
    #[default]
    Back,
    /// Shown the back, answer with the front.
    Front,
    /// Either, question by question.
    Both,
}

impl AnswerWith {
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Back => Self::Front,
            Self::Front => Self::Both,
            Self::Both => Self::Back,
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Back => "answer with the back",
            Self::Front => "answer with the front",
            Self::Both => "answer with either side",
        }
    }
}

/// A practice mode's settings, from the options screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub answer_with: AnswerWith,
    pub shuffle: bool,
    pub starred_only: bool,
    /// Flashcards: sort cards into "know it" and "still learning".
    pub sorting: bool,
    /// Practice test: how many questions.
    pub count: usize,
    /// Learn and test: the kinds of question asked.
    pub questions: Vec<Question>,
    /// How typed answers are graded, from the settings.
    pub strictness: Strictness,
}

impl Options {
    /// The defaults for a mode: Learn asks multiple choice, true/false and written; a test
    /// also has a matching block and 20 questions.
    #[must_use]
    pub fn for_test(deck_size: usize) -> Self {
        Self {
            count: 20.min(deck_size).max(1),
            questions: vec![
                Question::Written,
                Question::Choice,
                Question::TrueFalse,
                Question::Matching,
            ],
            ..Self::default()
        }
    }

    /// Turns a question kind on or off, keeping at least one.
    pub fn toggle(&mut self, kind: Question) {
        if let Some(at) = self.questions.iter().position(|&q| q == kind) {
            if self.questions.len() > 1 {
                self.questions.remove(at);
            }
        } else {
            self.questions.push(kind);
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            answer_with: AnswerWith::Back,
            shuffle: true,
            starred_only: false,
            sorting: false,
            count: 20,
            questions: vec![Question::Choice, Question::TrueFalse, Question::Written],
            strictness: Strictness::default(),
        }
    }
}

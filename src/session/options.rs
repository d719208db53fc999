//! What a practice mode asks, and how: the options screen's choices, remembered per deck.

use serde::{Deserialize, Serialize};

use super::grade::Strictness;
use crate::store::Question;

/// Which side the user answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// The step of `+` and `-` on a test's question count.
pub const COUNT_STEP: usize = 5;

/// A practice mode's settings, from the options screen. Every field has a default, so a
/// remembered set written by another version still reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
// Independent on/off settings, one a row of the options screen: not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct Options {
    pub answer_with: AnswerWith,
    pub shuffle: bool,
    pub starred_only: bool,
    /// Flashcards: sort cards into "know it" and "still learning".
    pub sorting: bool,
    /// Practice test: how many questions (a matching pair is one).
    pub count: usize,
    /// Learn and test: the kinds of question asked.
    pub questions: Vec<Question>,
    /// Learn: after an answer right as typed or chosen, go straight on to the next question
    /// (Quizlet's way); a miss, a typo or a forgotten accent still waits for Enter.
    pub auto_advance: bool,
    /// How typed answers are graded: from the settings, never remembered with the options.
    #[serde(skip)]
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

    /// `+`: the next multiple of [`COUNT_STEP`] above the count, at most `most`.
    pub fn more_questions(&mut self, most: usize) {
        let next = (self.count / COUNT_STEP + 1) * COUNT_STEP;
        self.count = next.min(most.max(1));
    }

    /// `-`: the multiple of [`COUNT_STEP`] below the count, at least 1; so that `+` after `-`
    /// comes back (20 → 15 → 10 → 5 → 1 → 5 → 10).
    pub fn fewer_questions(&mut self) {
        let below = self.count.saturating_sub(1) / COUNT_STEP * COUNT_STEP;
        self.count = below.max(1);
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
            auto_advance: true,
            strictness: Strictness::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_and_minus_step_by_five_and_come_back() {
        let mut options = Options {
            count: 20,
            ..Options::default()
        };
        let mut seen = vec![options.count];
        for _ in 0..5 {
            options.fewer_questions();
            seen.push(options.count);
        }
        for _ in 0..4 {
            options.more_questions(100);
            seen.push(options.count);
        }
        assert_eq!(seen, [20, 15, 10, 5, 1, 1, 5, 10, 15, 20]);
        // A typed 7 steps to the multiples around it; the deck's size caps `+`.
        options.count = 7;
        options.fewer_questions();
        assert_eq!(options.count, 5);
        options.count = 7;
        options.more_questions(100);
        assert_eq!(options.count, 10);
        options.count = 20;
        options.more_questions(23);
        assert_eq!(options.count, 23);
        options.more_questions(23);
        assert_eq!(options.count, 23);
        options.fewer_questions();
        assert_eq!(options.count, 20);
    }

    #[test]
    fn remembered_options_read_back_and_fill_in_what_is_missing() {
        let options = Options {
            answer_with: AnswerWith::Both,
            shuffle: false,
            count: 12,
            questions: vec![Question::Written, Question::Matching],
            auto_advance: false,
            ..Options::default()
        };
        let json = serde_json::to_string(&options).unwrap();
        assert_eq!(serde_json::from_str::<Options>(&json).unwrap(), options);
        let partial: Options = serde_json::from_str(r#"{"count": 7}"#).unwrap();
        assert_eq!(
            partial,
            Options {
                count: 7,
                ..Options::default()
            }
        );
    }
}

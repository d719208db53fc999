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
    /// Where the last `+`/`-` started, if the range cut it short; never remembered.
    #[serde(skip)]
    pub cut_short: Option<CutShort>,
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

    /// `+`: [`COUNT_STEP`] more, at most `most` (the deck's questions); back where `-` came
    /// from if `-` was cut short at 1 (see [`Options::fewer_questions`]).
    pub fn more_questions(&mut self, most: usize) {
        let most = most.max(1);
        match self.cut_short {
            Some(CutShort { at, from }) if at == self.count && from > at => {
                self.count = from.min(most);
                self.cut_short = None;
            }
            _ => self.step_to(self.count.saturating_add(COUNT_STEP), most),
        }
    }

    /// `-`: [`COUNT_STEP`] fewer, at least 1. Steps always come back: a step cut short at 1
    /// (or at the deck's size for `+`) remembers where it started, and the step the other way
    /// returns there, so 3 → 1 → 3, 20 → 15 → 10 → 5 → 1 → 5 and, with 11 cards,
    /// 10 → 11 → 10; from any other count a step is plain ±5 (7 → 12 → 7).
    pub fn fewer_questions(&mut self) {
        match self.cut_short {
            Some(CutShort { at, from }) if at == self.count && from < at => {
                self.count = from.max(1);
                self.cut_short = None;
            }
            _ => {
                let most = self.count.max(1);
                self.step_to(self.count.saturating_sub(COUNT_STEP), most);
            }
        }
    }

    /// A typed count: steps from it are plain, whatever came before.
    pub fn set_count(&mut self, count: usize) {
        self.count = count;
        self.cut_short = None;
    }

    /// Moves the count to `target` kept within 1..=`most`, remembering where it started if
    /// the range cut the step short. A step that cannot move keeps the earlier memory
    /// (5 → 1, `-` again at 1, then `+` is still 5).
    fn step_to(&mut self, target: usize, most: usize) {
        let to = target.clamp(1, most);
        if to == self.count {
            return;
        }
        self.cut_short = (to != target).then_some(CutShort {
            at: to,
            from: self.count,
        });
        self.count = to;
    }
}

/// A `+` or `-` step the range 1..=deck size cut short: it ended `at` and started `from`.
/// Kept only while the count stays `at` (a typed count forgets it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutShort {
    at: usize,
    from: usize,
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
            cut_short: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Presses `+` and `-` from `start` with `most` questions in the deck; the counts seen.
    fn steps(start: usize, most: usize, keys: &str) -> Vec<usize> {
        let mut options = Options {
            count: start,
            ..Options::default()
        };
        let mut seen = vec![options.count];
        for key in keys.chars() {
            match key {
                '+' => options.more_questions(most),
                _ => options.fewer_questions(),
            }
            seen.push(options.count);
        }
        seen
    }

    #[test]
    fn plus_and_minus_step_by_five_and_always_come_back() {
        // (start, deck size, keys, counts seen)
        let cases: &[(usize, usize, &str, &[usize])] = &[
            // A typed 7: plain steps of five, both ways.
            (7, 100, "+-", &[7, 12, 7]),
            (7, 100, "-+", &[7, 2, 7]),
            (7, 100, "++--", &[7, 12, 17, 12, 7]),
            // Down to 1, cut short from 5, and back the same way.
            (20, 100, "----++++", &[20, 15, 10, 5, 1, 5, 10, 15, 20]),
            (3, 100, "-+", &[3, 1, 3]),
            // Pressing on at 1 changes nothing and forgets nothing.
            (5, 100, "--+", &[5, 1, 1, 5]),
            // A count of 1 not reached by a step: plain +5.
            (1, 100, "+-", &[1, 6, 1]),
            // The deck's size caps `+`, and `-` goes back.
            (10, 11, "+-", &[10, 11, 10]),
            (8, 11, "+-+", &[8, 11, 8, 11]),
            (11, 11, "+-+", &[11, 11, 6, 11]),
            (20, 23, "++--", &[20, 23, 23, 20, 15]),
            // A one-card deck.
            (1, 1, "+-", &[1, 1, 1]),
        ];
        for &(start, most, keys, expected) in cases {
            assert_eq!(
                steps(start, most, keys),
                expected,
                "{keys} from {start} of {most}"
            );
        }
    }

    #[test]
    fn a_typed_count_forgets_the_cut_short_step() {
        let mut options = Options {
            count: 3,
            ..Options::default()
        };
        options.fewer_questions();
        assert_eq!(options.count, 1);
        // 1 typed over the 1 that `-` reached: a plain step, not back to 3.
        options.set_count(1);
        options.more_questions(100);
        assert_eq!(options.count, 1 + COUNT_STEP);
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

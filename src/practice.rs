//! The practice vocabulary: the modes an answer is given in, how a practice question asked for
//! a card, and how far Learn has taken it.
//!
//! Every writer of the review log names its mode with [`Mode`] and its question with
//! [`Question`], and every reader parses them back with [`Mode::parse`] and
//! [`Question::parse`], so the strings in the log (`docs/data-format.md`) are spelled in one
//! place. Only [`Mode::Review`] moves a card's schedule; the other modes are practice.

use serde::{Deserialize, Serialize};

/// The mode an answer, a result or a reset was recorded in: the log's `mode` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// Spaced-repetition review: the only mode whose answers the scheduler sees.
    Review,
    /// Learn: recognise, then write, until mastered.
    Learn,
    /// A practice test; writes one answer per card and the deck's score as a result.
    Test,
    /// Matching pairs against the clock; writes the deck's time as a result.
    Match,
    /// Card sorting (flashcards): "know it" or "still learning".
    Sort,
    /// Cramming: review cards answered as practice, so schedules stay.
    Cram,
    /// Written by another program; kept, not interpreted.
    Other,
}

impl Mode {
    /// Every mode this program writes, for tests that each one reads back as itself.
    pub const WRITTEN: [Self; 6] = [
        Self::Review,
        Self::Learn,
        Self::Test,
        Self::Match,
        Self::Sort,
        Self::Cram,
    ];

    /// The mode as the log spells it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::Learn => "learn",
            Self::Test => "test",
            Self::Match => "match",
            Self::Sort => "sort",
            Self::Cram => "cram",
            Self::Other => "other",
        }
    }

    /// The mode a log line names; a name this program does not write is [`Mode::Other`].
    #[must_use]
    pub fn parse(name: &str) -> Self {
        match name {
            "review" => Self::Review,
            "learn" => Self::Learn,
            "test" => Self::Test,
            "match" => Self::Match,
            "sort" => Self::Sort,
            "cram" => Self::Cram,
            _ => Self::Other,
        }
    }
}

/// The log's text for a mode, as events carry it.
impl From<Mode> for std::borrow::Cow<'static, str> {
    fn from(mode: Mode) -> Self {
        Self::Borrowed(mode.as_str())
    }
}

/// How a practice question asked for the card: the log's `question` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Question {
    /// Multiple choice.
    Choice,
    TrueFalse,
    /// The answer typed in.
    Written,
    /// A pair in a matching block.
    Matching,
    /// A card sorted in flashcards.
    Flashcard,
    /// Missing, or written by another program.
    Other,
}

impl Question {
    /// Every kind of question this program writes.
    pub const WRITTEN: [Self; 5] = [
        Self::Choice,
        Self::TrueFalse,
        Self::Written,
        Self::Matching,
        Self::Flashcard,
    ];

    /// The question kind as the log spells it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Choice => "choice",
            Self::TrueFalse => "true_false",
            Self::Written => "written",
            Self::Matching => "match",
            Self::Flashcard => "flashcard",
            Self::Other => "other",
        }
    }

    /// The kind a log line names; one this program does not write is [`Question::Other`].
    #[must_use]
    pub fn parse(name: &str) -> Self {
        match name {
            "choice" => Self::Choice,
            "true_false" => Self::TrueFalse,
            "written" => Self::Written,
            "match" => Self::Matching,
            "flashcard" => Self::Flashcard,
            _ => Self::Other,
        }
    }
}

/// How far Learn has taken a card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LearnLevel {
    #[default]
    Unseen,
    /// Answered right when asked to recognise it (multiple choice, true/false).
    Familiar,
    /// Answered right when asked to write it.
    Mastered,
}

/// A card's standing in the practice modes, which never touch its schedule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Practice {
    pub starred: bool,
    pub learn: LearnLevel,
    /// The last card-sorting answer since the deck's sorting was last started over:
    /// `Some(true)` for "know it".
    pub sorted_known: Option<bool>,
}

/// Learn's levels: a right answer moves a card up one level, a written one straight to
/// mastered (Learn asks familiar cards in writing, unless written questions are turned off);
/// a miss sends a mastered card back to familiar.
#[must_use]
pub fn next_level(level: LearnLevel, question: Question, correct: bool) -> LearnLevel {
    match (question, correct, level) {
        (Question::Written, true, _) | (_, true, LearnLevel::Familiar | LearnLevel::Mastered) => {
            LearnLevel::Mastered
        }
        (_, true, LearnLevel::Unseen) => LearnLevel::Familiar,
        (_, false, _) => level.min(LearnLevel::Familiar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_mode_and_question_reads_back_as_itself() {
        for mode in Mode::WRITTEN {
            assert_eq!(Mode::parse(mode.as_str()), mode);
        }
        for question in Question::WRITTEN {
            assert_eq!(Question::parse(question.as_str()), question);
        }
        assert_eq!(Mode::parse("someone else's"), Mode::Other);
        assert_eq!(Question::parse("essay"), Question::Other);
    }

    #[test]
    fn the_log_spells_the_modes_as_the_data_format_says() {
        let spelled = Mode::WRITTEN.map(Mode::as_str);
        assert_eq!(
            spelled,
            ["review", "learn", "test", "match", "sort", "cram"]
        );
        let spelled = Question::WRITTEN.map(Question::as_str);
        assert_eq!(
            spelled,
            ["choice", "true_false", "written", "match", "flashcard"]
        );
    }
}

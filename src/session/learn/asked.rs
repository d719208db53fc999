//! What Learn's screen holds of a question: the question asked, its outcome once answered,
//! who marked it, and the question just passed.

use chrono::{DateTime, FixedOffset};

use super::super::grade::Grade;
use super::super::questions::Question;

/// The result of the question on screen, once answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub right: bool,
    /// For written answers: how close the typing was.
    pub grade: Option<Grade>,
    /// The option chosen or text typed, for the screen.
    pub given: String,
    /// The written answer was marked wrong and `o` may override it.
    pub overridable: bool,
    /// Who marked it.
    pub marked: Marked,
    pub(super) event_id: String,
    /// Milliseconds the answer took, kept for an override's right answer.
    pub(super) took_ms: Option<u32>,
}

/// Who marked an answer right or wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    /// The grader, or the option or claim chosen.
    ByAnswer,
    /// "Don't know": nothing was answered.
    DontKnow,
    /// "I was right": marked wrong, then counted as right by the user.
    ByUser,
}

/// The last question, answered right and moved on from at once (automatic move on): what the
/// next question's screen recalls of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passed {
    pub prompt: String,
    pub answer: String,
}

/// The question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub question: Question,
    /// Text typed so far, for written questions.
    pub input: String,
    pub outcome: Option<Outcome>,
    /// When the question was first on screen (see [`Learn::stamp_shown`]); `None` until the
    /// app says so, and then the answer's time is not recorded.
    pub shown_at: Option<DateTime<FixedOffset>>,
}

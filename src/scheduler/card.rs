//! One card's schedule as replaying its answers leaves it: where it is in its life (new,
//! learning, review, relearning), its FSRS memory, when it is next due, and whether it is mature.

use chrono::{DateTime, FixedOffset};
use fsrs::MemoryState;
use serde::{Deserialize, Serialize};

use super::Day;

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Never answered.
    New,
    /// On learning step `step` (0-based).
    Learning { step: usize },
    /// Graduated: due on a day, at an interval FSRS chose.
    Review,
    /// Lapsed, on relearning step `step`.
    Relearning { step: usize },
}

impl Phase {
    /// The phase's name as `export` and the statistics print it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Learning { .. } => "learning",
            Self::Review => "review",
            Self::Relearning { .. } => "relearning",
        }
    }
}

/// When a card is next shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    /// Never studied: shown when the daily new-card limit allows.
    New,
    /// (Re)learning: due at this moment.
    At(#[serde(with = "crate::store::compact::time")] DateTime<FixedOffset>),
    /// Review: due from the start of this day.
    Day(Day),
}

/// The interval, in days, from which a review card is mature rather than young: 21, Anki's
/// definition (its statistics count a card mature when it is in review with `ivl >= 21`; the
/// manual's Statistics page). Card counts, true retention and a deck's mastery split there.
pub const MATURE_DAYS: u32 = 21;

/// Everything the scheduler knows about one card, rebuilt by replaying its events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// Where the card is in its life.
    pub phase: Phase,
    /// FSRS's stability (days) and difficulty (1-10), once answered.
    #[serde(with = "crate::store::compact::memory")]
    pub memory: Option<MemoryState>,
    /// When the card is next shown.
    pub due: Due,
    /// The last interval given to a review card, in days.
    pub scheduled_days: u32,
    /// The last answer's time.
    #[serde(with = "crate::store::compact::option_time")]
    pub last_review: Option<DateTime<FixedOffset>>,
    /// Answers so far.
    pub reps: u32,
    /// Times a review card was forgotten (answered Again).
    pub lapses: u32,
    /// The lapses reached the leech threshold.
    pub leech: bool,
    /// Left out of every queue.
    pub suspended: bool,
    /// Hidden until this day starts.
    pub buried_until: Option<Day>,
}

impl CardState {
    /// A card never studied.
    pub const NEW: CardState = CardState {
        phase: Phase::New,
        memory: None,
        due: Due::New,
        scheduled_days: 0,
        last_review: None,
        reps: 0,
        lapses: 0,
        leech: false,
        suspended: false,
        buried_until: None,
    };

    /// Whether the card is in Anki's day-learning queue (`CardQueue::DayLearn`): (re)learning
    /// with its next step on a later day than its last answer, which `calendar` counts. Such
    /// a card is shown with the reviews and counts against the review limit
    /// (`rslib/src/scheduler/queue/builder/gathering.rs`, `answering/mod.rs`).
    #[must_use]
    pub fn in_day_learning(&self, calendar: super::Calendar) -> bool {
        match (self.phase, self.due, self.last_review) {
            (Phase::Learning { .. } | Phase::Relearning { .. }, Due::At(at), Some(last)) => {
                calendar.day(at) > calendar.day(last)
            }
            _ => false,
        }
    }

    /// A review card whose interval has reached [`MATURE_DAYS`].
    #[must_use]
    pub fn is_mature(&self) -> bool {
        self.phase == Phase::Review && self.scheduled_days >= MATURE_DAYS
    }
}

impl Default for CardState {
    fn default() -> Self {
        Self::NEW
    }
}

/// What answering does besides the new state, for the screen to tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerNotes {
    /// The card just became a leech and was suspended.
    pub became_leech: bool,
}

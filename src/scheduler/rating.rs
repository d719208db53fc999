//! The four answer buttons, stored in the log as 1 to 4 as in Anki and FSRS.

use serde::{Deserialize, Serialize};

/// An answer button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Rating {
    /// Forgotten: back to the (re)learning steps.
    Again = 1,
    /// Recalled with difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled at once.
    Easy = 4,
}

impl Rating {
    /// The four buttons, in order.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The button's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Again => "Again",
            Self::Hard => "Hard",
            Self::Good => "Good",
            Self::Easy => "Easy",
        }
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        match value {
            1 => Ok(Self::Again),
            2 => Ok(Self::Hard),
            3 => Ok(Self::Good),
            4 => Ok(Self::Easy),
            other => Err(format!("rating must be 1-4, not {other}")),
        }
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating as u8
    }
}

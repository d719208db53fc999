//! Set due date's days, in Anki's syntax (`parse_due_date_str` in
//! `rslib/src/scheduler/reviews.rs`): `0` today, `3` in three days, `1-7` a day picked at
//! random from one to seven days away for each card, and a trailing `!` (`5!`, `1-7!`) to set
//! the interval to the days picked too.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The furthest a due date may be set, in days: 36,500 (100 years), the largest maximum
/// interval Anki's deck options allow, and flashdeck's default one.
pub const MAX_DAYS: u32 = 36_500;

/// Days from today for set due date: one number, or a range each card picks a day from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueChoice {
    /// Days from today, `min <= max <= MAX_DAYS`.
    pub min: u32,
    pub max: u32,
    /// The `!` form: the interval becomes the days picked.
    pub resets_interval: bool,
}

/// What is wrong with a set-due value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DueChoiceError {
    #[error("`{0}` is not a number of days: {HINT}")]
    NotDays(String),
    #[error("`{0}` is in the past: days count from today, 0 and up")]
    Negative(String),
    #[error("the range `{min}-{max}` runs backwards; write `{max}-{min}`")]
    Reversed { min: u32, max: u32 },
    #[error("`{0}` is too far ahead: at most {MAX_DAYS} days (100 years)")]
    TooFar(String),
}

const HINT: &str = "write 0 for today, 3 for in 3 days, 1-7 for a day from 1 to 7 days away \
                    picked for each card, or 5! for in 5 days with an interval of 5 days";

impl DueChoice {
    /// Reads `0`, `3`, `1-7`, `5!` or `1-7!` (spaces around are ignored). Unlike Anki, a
    /// range written backwards is an error rather than turned round, and days are capped at
    /// [`MAX_DAYS`].
    pub fn parse(text: &str) -> Result<Self, DueChoiceError> {
        let text = text.trim();
        let (days, resets_interval) = match text.strip_suffix('!') {
            Some(days) => (days, true),
            None => (text, false),
        };
        if days.starts_with('-') {
            return Err(DueChoiceError::Negative(text.to_owned()));
        }
        let number = |part: &str| -> Result<u32, DueChoiceError> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DueChoiceError::NotDays(text.to_owned()));
            }
            match part.parse::<u32>() {
                Ok(days) if days <= MAX_DAYS => Ok(days),
                _ => Err(DueChoiceError::TooFar(text.to_owned())),
            }
        };
        let (min, max) = if let Some((min, max)) = days.split_once('-') {
            (number(min)?, number(max)?)
        } else {
            let days = number(days)?;
            (days, days)
        };
        if min > max {
            return Err(DueChoiceError::Reversed { min, max });
        }
        Ok(Self {
            min,
            max,
            resets_interval,
        })
    }

    /// The days from today for `card`, set at `now`: `min` to `max` inclusive, picked by a hash
    /// of the card id seeded with the time, so the same card at the same moment always gets
    /// the same day, and cards set together spread evenly.
    #[must_use]
    pub fn days_for(self, card: &str, now: DateTime<FixedOffset>) -> u32 {
        if self.min == self.max {
            return self.min;
        }
        let seed = now.timestamp_millis().cast_unsigned();
        let span = u64::from(self.max - self.min) + 1;
        let offset = xxh3_64_with_seed(card.as_bytes(), seed) % span;
        // Below `span`, which is at most MAX_DAYS + 1.
        self.min + u32::try_from(offset).unwrap_or(0)
    }
}

/// "today", "in 1 day", "in 1-7 days", and ", interval reset to match" for the `!` form.
impl fmt::Display for DueChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (0, 0) => write!(f, "today")?,
            (1, 1) => write!(f, "in 1 day")?,
            (min, max) if min == max => write!(f, "in {min} days")?,
            (min, max) => write!(f, "in {min}-{max} days")?,
        }
        if self.resets_interval {
            write!(f, ", interval reset to match")?;
        }
        Ok(())
    }
}

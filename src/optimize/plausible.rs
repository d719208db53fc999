//! Whether a history's times can be real: a revlog in another unit than the one its format
//! names (seconds for milliseconds, say) still parses, but every review lands in January 1970
//! or in the far future, and a fit on it is nonsense. Checked before fitting; pure.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

use super::Review;
use crate::scheduler::{Calendar, calendar};

/// The first day a real review can be on: spaced repetition software that logs reviews the
/// FSRS tools read (Anki, from 2006) did not exist before it.
const EARLIEST: (i32, u32, u32) = (2006, 1, 1);

/// Why a history cannot be a real one. Its message names the likely cause, in sentences that
/// end with their own stop or question mark.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Implausible {
    /// Every review falls in 1970, and read as seconds instead of milliseconds the times fall
    /// between 2006 and now.
    #[error(
        "review_time looks like seconds; the format is milliseconds: read as milliseconds, all \
         {reviews} reviews fall {}; read as seconds, {}.",
        span(*.first, *.last),
        span(*.first_as_seconds, *.last_as_seconds)
    )]
    Seconds {
        reviews: usize,
        first: NaiveDate,
        last: NaiveDate,
        first_as_seconds: NaiveDate,
        last_as_seconds: NaiveDate,
    },
    /// Reviews dated before 2006.
    #[error(
        "{count} of {reviews} reviews are dated before 2006 (the first on {first}), before \
         review logs like this existed: is review_time in milliseconds since 1970?"
    )]
    BeforeReviewLogs {
        count: usize,
        reviews: usize,
        first: NaiveDate,
    },
    /// Reviews dated after now.
    #[error(
        "{count} of {reviews} reviews are dated in the future (the last on {last}): is \
         review_time in milliseconds since 1970, and the clock right?"
    )]
    Future {
        count: usize,
        reviews: usize,
        last: NaiveDate,
    },
    /// Every review on one study day.
    #[error(
        "all {reviews} reviews fall on one day ({day}): a history to fit spans days of \
         answers; is review_time in milliseconds since 1970?"
    )]
    OneDay { reviews: usize, day: NaiveDate },
}

/// "on 1970-01-21", or "from 2025-03-01 to 2025-07-18".
fn span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format!("on {first}")
    } else {
        format!("from {first} to {last}")
    }
}

/// The first reason `cards` cannot be a real history at `now`, if any: times in seconds, before
/// 2006, after `now`, or all on one day of `calendar`, checked in that order.
#[must_use]
pub fn check(
    cards: &[Vec<Review>],
    calendar: &Calendar,
    now: DateTime<FixedOffset>,
) -> Option<Implausible> {
    let times = || cards.iter().flatten().map(|review| review.time);
    let reviews = times().count();
    let (first, last) = (times().min()?, times().max()?);
    let date = |time: DateTime<FixedOffset>| time.date_naive();
    let earliest = Utc
        .with_ymd_and_hms(EARLIEST.0, EARLIEST.1, EARLIEST.2, 0, 0, 0)
        .single()?;
    // The number in the file was the milliseconds; read as seconds instead:
    let as_seconds = |time: DateTime<FixedOffset>| {
        DateTime::from_timestamp(time.timestamp_millis(), 0).filter(|t| *t >= earliest && *t <= now)
    };
    if last.timestamp_millis() < 365 * 86_400 * 1000
        && let (Some(from), Some(to)) = (as_seconds(first), as_seconds(last))
    {
        return Some(Implausible::Seconds {
            reviews,
            first: date(first),
            last: date(last),
            first_as_seconds: from.date_naive(),
            last_as_seconds: to.date_naive(),
        });
    }
    let before = times().filter(|time| *time < earliest).count();
    if before > 0 {
        return Some(Implausible::BeforeReviewLogs {
            count: before,
            reviews,
            first: date(first),
        });
    }
    let after = times().filter(|time| *time > now).count();
    if after > 0 {
        return Some(Implausible::Future {
            count: after,
            reviews,
            last: date(last),
        });
    }
    let day = calendar.day(first);
    if times().all(|time| calendar.day(time) == day) {
        return Some(Implausible::OneDay {
            reviews,
            day: calendar::date_of_day(day)?,
        });
    }
    None
}

#[cfg(test)]
mod tests;

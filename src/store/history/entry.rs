//! One card event as the history keeps it in memory. A lifetime collection holds ten million
//! of them (issue 18), so each is packed into 32 bytes: the time as nanoseconds since the epoch
//! and its offset in minutes instead of chrono's 16 bytes, an answer's duration with a
//! sentinel instead of an `Option`, and a postponement's plan beside the entries.

pub(super) mod per_card;

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Timelike, Utc};

use crate::practice::{Mode, Question};
use crate::scheduler::{Day, Rating};

/// One event of a card, as replay needs it. The snapshot's form is in `entry/per_card.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) struct Entry {
    pub(in crate::store) key: u64,
    /// The instant, in nanoseconds since the Unix epoch: 1677-09-21 to 2262-04-11.
    nanos: i64,
    pub(in crate::store) kind: Stored,
    /// The time's UTC offset, in minutes east (RFC 3339 offsets are whole minutes).
    offset: i16,
}

// Ten million entries: 8 bytes more each is 80 MB more at a lifetime collection's start.
const _: () = assert!(size_of::<Entry>() == 32);

/// An event's kind without borrowed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) enum Stored {
    Review {
        rating: Rating,
        duration_ms: Millis,
        /// `None` for [`Mode::Review`], which schedules; otherwise the practice mode.
        practice: Option<(Mode, Question)>,
        /// The day the answer recorded it was scheduled for; [`NO_DUE`] for none.
        due: Day,
    },
    Bury,
    Unbury,
    Suspend,
    Unsuspend,
    Forget,
    Star,
    Unstar,
    /// A review card due on this day; `interval` in days, 0 when the event gave none.
    SetDue {
        due: Day,
        interval: u32,
    },
    /// Due on this day, from a backlog plan (kept in [`super::History`]'s `postponed_by`)
    /// unless undone.
    Postpone {
        due: Day,
    },
}

impl Stored {
    /// An answer as the history keeps it: its duration in milliseconds and the day it
    /// recorded, if any; `practice` `None` for [`Mode::Review`].
    pub(in crate::store) fn review(
        rating: Rating,
        duration_ms: Option<u32>,
        practice: Option<(Mode, Question)>,
        due: Option<chrono::NaiveDate>,
    ) -> Self {
        Self::Review {
            rating,
            duration_ms: Millis::new(duration_ms),
            practice,
            due: due.map_or(NO_DUE, crate::scheduler::calendar::day_of_date),
        }
    }
}

/// [`Stored::Review`]'s `due` when the answer recorded no day.
pub(in crate::store) const NO_DUE: Day = Day::MIN;

/// An answer's duration in milliseconds, if recorded, in 4 bytes: `Option<u32>` takes 8.
/// `u32::MAX` stands for none; a line cannot hold it (see [`MAX_DURATION_MS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::store) struct Millis(u32);

/// The longest answer a line may record, in milliseconds: one below `u32::MAX`.
pub(in crate::store) const MAX_DURATION_MS: u32 = u32::MAX - 1;

impl Millis {
    /// `ms` as stored; a duration above [`MAX_DURATION_MS`], which the log's reader turns
    /// away, is kept as the longest.
    pub(in crate::store) fn new(ms: Option<u32>) -> Self {
        Self(ms.map_or(u32::MAX, |ms| ms.min(MAX_DURATION_MS)))
    }

    pub(in crate::store) fn get(self) -> Option<u32> {
        (self.0 != u32::MAX).then_some(self.0)
    }
}

/// `time` as (nanoseconds since the epoch, offset in minutes), if it fits: from
/// 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z, with an offset of whole
/// minutes, and not a leap second (`…:59:60`, which nanoseconds since the epoch would make the
/// next minute's first second, moving it past a day's rollover). The log's reader turns other
/// times away.
pub(in crate::store) fn pack(time: DateTime<FixedOffset>) -> Option<(i64, i16)> {
    // chrono keeps a leap second as a nanosecond count of a second or more.
    if time.nanosecond() >= 1_000_000_000 {
        return None;
    }
    let nanos = time.timestamp_nanos_opt()?;
    let seconds = time.offset().local_minus_utc();
    if seconds % 60 != 0 {
        return None;
    }
    Some((nanos, i16::try_from(seconds / 60).ok()?))
}

/// The time `pack` packed.
fn time_of(nanos: i64, offset: i16) -> DateTime<FixedOffset> {
    // Every offset stored came from a `FixedOffset` (or was checked on reading the
    // snapshot), so UTC is never used.
    let offset = FixedOffset::east_opt(i32::from(offset) * 60).unwrap_or(Utc.fix());
    offset.timestamp_nanos(nanos)
}

impl Entry {
    /// The entry, or `None` for a time that [`pack`] cannot hold.
    pub(in crate::store) fn new(
        key: u64,
        time: DateTime<FixedOffset>,
        kind: Stored,
    ) -> Option<Self> {
        let (nanos, offset) = pack(time)?;
        Some(Self {
            key,
            nanos,
            kind,
            offset,
        })
    }

    /// The entry for a time already packed by [`pack`].
    pub(in crate::store) fn packed(key: u64, (nanos, offset): (i64, i16), kind: Stored) -> Self {
        Self {
            key,
            nanos,
            kind,
            offset,
        }
    }

    /// The event's time, with the offset it was recorded in.
    pub(in crate::store) fn time(&self) -> DateTime<FixedOffset> {
        time_of(self.nanos, self.offset)
    }

    /// Where the entry goes among its card's: by instant, then by identity, so that copies of
    /// one event sit side by side.
    pub(in crate::store) fn order(&self) -> (i64, u64) {
        (self.nanos, self.key)
    }
}

//! Calendar days with a rollover hour, as in Anki: with the default 4:00, a review at 2:00 on
//! Tuesday counts for Monday, and a card due in one day is due from 4:00 the next day.
//!
//! A time keeps the UTC offset it was recorded with, so a day is local to where the review
//! happened, and nothing here asks the machine for its time zone.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};

/// Day numbers count from 1970-01-01.
pub type Day = i32;

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// Hours after midnight at which a new day starts (0-23).
    pub rollover_hour: u32,
}

impl Default for Calendar {
    fn default() -> Self {
        Self { rollover_hour: 4 }
    }
}

impl Calendar {
    /// The day `time` belongs to, in its own offset.
    #[must_use]
    pub fn day(&self, time: DateTime<FixedOffset>) -> Day {
        // The local time's seconds since the epoch, less the rollover, in whole days: the same
        // as the shifted local date's day number, without chrono's date arithmetic, which
        // replay pays on every answer.
        let local = time.timestamp() + i64::from(time.offset().local_minus_utc());
        let shifted = local - i64::from(self.rollover_hour) * 3600;
        Day::try_from(shifted.div_euclid(86_400)).unwrap_or(Day::MAX)
    }

    /// When `day` starts, in `offset`.
    #[must_use]
    pub fn start_of(&self, day: Day, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
        let date = date_of_day(day)?;
        let time = NaiveTime::from_hms_opt(self.rollover_hour.min(23), 0, 0)?;
        offset.from_local_datetime(&date.and_time(time)).single()
    }
}

/// The day number of a calendar date.
#[must_use]
pub fn day_of_date(date: NaiveDate) -> Day {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// The calendar date of a day number.
#[must_use]
pub fn date_of_day(day: Day) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day.checked_add(UNIX_EPOCH_FROM_CE)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    proptest::proptest! {
        /// The day by seconds is the day of the shifted local date, as chrono's calendar
        /// arithmetic gives it, before 1970 and across every offset and rollover hour.
        #[test]
        fn the_day_is_the_shifted_local_date(
            seconds in -5_000_000_000i64..5_000_000_000,
            offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59),
            rollover_hour in 0u32..=23,
        ) {
            let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let time = DateTime::from_timestamp(seconds, 0).unwrap().with_timezone(&offset);
            let shifted = time.naive_local() - chrono::Duration::hours(i64::from(rollover_hour));
            let by_date = shifted.date().num_days_from_ce() - UNIX_EPOCH_FROM_CE;
            proptest::prop_assert_eq!(Calendar { rollover_hour }.day(time), by_date);
        }
    }

    #[test]
    fn days_roll_over_at_four() {
        let calendar = Calendar::default();
        // 1970-01-02 is day 1.
        assert_eq!(calendar.day(at("1970-01-02T12:00:00Z")), 1);
        let monday = calendar.day(at("2026-11-30T10:00:00+01:00"));
        assert_eq!(calendar.day(at("2026-12-01T03:59:00+01:00")), monday);
        assert_eq!(calendar.day(at("2026-12-01T04:00:00+01:00")), monday + 1);
        // The same instant is a different local day in another offset.
        assert_eq!(calendar.day(at("2026-12-01T03:30:00+00:00")), monday);
        assert_eq!(
            calendar.day(
                at("2026-12-01T03:30:00+02:00")
                    .with_timezone(&FixedOffset::east_opt(7200).unwrap())
            ),
            monday
        );
    }

    #[test]
    fn a_day_starts_at_the_rollover_hour() {
        let calendar = Calendar::default();
        let offset = FixedOffset::east_opt(3600).unwrap();
        let day = calendar.day(at("2026-11-30T10:00:00+01:00"));
        assert_eq!(
            calendar.start_of(day + 1, offset),
            Some(at("2026-12-01T04:00:00+01:00"))
        );
        let midnight = Calendar { rollover_hour: 0 };
        assert_eq!(midnight.day(at("2026-12-01T00:00:00+01:00")), day + 1);
    }
}

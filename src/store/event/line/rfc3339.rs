//! The times and dates flashdeck writes, read without chrono's general parsers: a time is
//! `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits, and `Z` or `±HH:MM`; a date is
//! `YYYY-MM-DD`. Anything else (a leap second, a lower-case `t`, a space) gives `None`, and
//! the caller falls back to chrono, so that what is accepted and what it means never change.
//! chrono's RFC 3339 parse and its `%Y-%m-%d` format (which is parsed again for every call) were
//! a tenth of a log line's parse.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::scheduler::calendar::day_of_date;

/// A time's parts, read from the shape above.
struct Parts {
    date: NaiveDate,
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    /// The offset, in seconds east of UTC (whole minutes, under a day).
    offset: i32,
}

/// `text` as a time with its offset, if it has exactly the shape above and is a real time.
pub(super) fn time(text: &str) -> Option<DateTime<FixedOffset>> {
    let parts = parts(text.as_bytes())?;
    let time = NaiveTime::from_hms_nano_opt(parts.hour, parts.minute, parts.second, parts.nanos)?;
    FixedOffset::east_opt(parts.offset)?
        .from_local_datetime(&parts.date.and_time(time))
        .single()
}

/// [`time`] as the history packs it (`history::pack`: nanoseconds since the epoch, and the
/// offset in minutes), worked out from the parts without building chrono's `DateTime`, which
/// with the packing was a third of reading an answer's line.
pub(super) fn packed(bytes: &[u8]) -> Option<(i64, i16)> {
    let parts = parts(bytes)?;
    let days = i128::from(day_of_date(parts.date));
    let local = i128::from(parts.hour * 3600 + parts.minute * 60 + parts.second);
    let seconds = days * 86_400 + local - i128::from(parts.offset);
    let nanos = i64::try_from(seconds * 1_000_000_000 + i128::from(parts.nanos)).ok()?;
    Some((nanos, i16::try_from(parts.offset / 60).ok()?))
}

/// The parts of a time of the shape above, if each is in its range; a second of 60 (a leap
/// second) is left to chrono, which keeps it in the nanoseconds.
fn parts(bytes: &[u8]) -> Option<Parts> {
    let (date, rest) = bytes.split_at_checked(10)?;
    let date = naive_date(date)?;
    let [b'T', h1, h2, b':', m1, m2, b':', s1, s2, rest @ ..] = rest else {
        return None;
    };
    let (hour, minute, second) = (
        two_digits(*h1, *h2)?,
        two_digits(*m1, *m2)?,
        two_digits(*s1, *s2)?,
    );
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let (nanos, zone) = match rest {
        [b'.', after @ ..] => fraction(after)?,
        _ => (0, rest),
    };
    let offset = match zone {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
            let (hours, minutes) = (two_digits(*oh1, *oh2)?, two_digits(*om1, *om2)?);
            // RFC 3339 offsets stop at 23:59; chrono refuses minutes past 59.
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    Some(Parts {
        date,
        hour,
        minute,
        second,
        nanos,
        offset,
    })
}

/// `text` as a date, if it is exactly `YYYY-MM-DD` and a real day.
pub(super) fn date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    (bytes.len() == 10).then_some(())?;
    naive_date(bytes)
}

fn naive_date(bytes: &[u8]) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2] = bytes else {
        return None;
    };
    let year = two_digits(*y1, *y2)? * 100 + two_digits(*y3, *y4)?;
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        two_digits(*mo1, *mo2)?,
        two_digits(*d1, *d2)?,
    )
}

/// A fraction's digits (1 to 9) as nanoseconds, and what follows them.
fn fraction(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=9).contains(&digits) {
        return None;
    }
    // Each digit is worth a tenth of the one before, from a tenth of a second down.
    let (nanos, _) = bytes[..digits]
        .iter()
        .fold((0, 1_000_000_000), |(nanos, place), digit| {
            (nanos + u32::from(digit - b'0') * (place / 10), place / 10)
        });
    Some((nanos, &bytes[digits..]))
}

fn two_digits(tens: u8, ones: u8) -> Option<u32> {
    (tens.is_ascii_digit() && ones.is_ascii_digit())
        .then(|| u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
}

#[cfg(test)]
mod tests;

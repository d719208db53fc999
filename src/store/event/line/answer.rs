//! The log's commonest line, an answer in the review mode exactly as flashdeck writes it, read
//! straight into the history's packed [`Entry`] on the parsing threads:
//!
//! `{"id":"…","time":"…","card":"…","kind":"review","rating":3,"duration_ms":8300,"mode":"review"}`
//!
//! with `duration_ms` optional and an optional `"due":"YYYY-MM-DD"` after `mode`. Any other
//! line, or one of this shape this path cannot take whole (an escape or control byte in a
//! string, a time or a duration to check further), gives `None` and goes to [`super::parse_line`],
//! so what a line means and how a bad one is reported do not depend on this path: the tests
//! check both give the same entry. Skipping the general `Line` and [`Event`], and packing the
//! time here rather than on the one thread that files the entries, took a cold `due`'s log
//! parse and filing from 3,100 to 1,930 instructions a line (docs/performance.md, "Answers
//! read straight into entries").

use std::borrow::Cow;

use chrono::NaiveDate;

use super::scan::words;
use super::{Event, EventKind, REVIEW_MODE, rfc3339};
use crate::scheduler::Rating;
use crate::store::event::key_of_bytes;
use crate::store::history::{Entry, MAX_DURATION_MS, Stored};

/// A review-mode answer read by [`parse_answer`]: its card's id as written, and the rest of
/// what [`super::parse_line`] would read from the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<'a> {
    pub card: &'a str,
    key: u64,
    /// The time as the history packs it (`history::pack`).
    time: (i64, i16),
    rating: Rating,
    duration_ms: Option<u32>,
    due: Option<NaiveDate>,
}

impl<'a> Answer<'a> {
    /// Its identity: the hash of its id.
    #[must_use]
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The history's entry for it.
    pub(in crate::store) fn entry(&self) -> Entry {
        let kind = Stored::review(self.rating, self.duration_ms, None, self.due);
        Entry::packed(self.key, self.time, kind)
    }

    /// The event [`super::parse_line`] reads from the same line.
    #[must_use]
    pub fn into_event(self) -> Event<'a> {
        Event {
            key: self.key,
            time: self.entry().time(),
            card: Some(Cow::Borrowed(self.card)),
            deck: None,
            kind: EventKind::Review {
                rating: self.rating,
                duration_ms: self.duration_ms,
                mode: REVIEW_MODE.into(),
                question: None,
                due: self.due,
                chosen: None,
            },
        }
    }
}

/// `line` (without its newline) as an [`Answer`], if it has exactly the shape above.
#[must_use]
pub fn parse_answer(line: &[u8]) -> Option<Answer<'_>> {
    // Only the strings can hold other than ASCII: the id and the card are checked to be
    // UTF-8 (the whole line's check cost more than the two), and a time or a day is digits.
    let mut rest = Rest { line, at: 0 };
    rest.literal("{\"id\":\"")?;
    let id = rest.string()?;
    if !id.is_ascii() {
        std::str::from_utf8(id).ok()?;
    }
    rest.literal(",\"time\":\"")?;
    let time = rfc3339::packed(rest.string()?)?;
    rest.literal(",\"card\":\"")?;
    let card = std::str::from_utf8(rest.string()?).ok()?;
    rest.literal(",\"kind\":\"review\",\"rating\":")?;
    let rating = match rest.bytes() {
        [digit @ b'1'..=b'4', ..] => Rating::try_from(digit - b'0').ok()?,
        _ => return None,
    };
    rest.at += 1;
    let duration_ms = match rest.literal(",\"duration_ms\":") {
        Some(()) => Some(rest.duration()?),
        None => None,
    };
    rest.literal(",\"mode\":\"review\"")?;
    let due = match rest.literal(",\"due\":\"") {
        Some(()) => Some(rfc3339::date(std::str::from_utf8(rest.string()?).ok()?)?),
        None => None,
    };
    rest.literal("}")?;
    if rest.at != line.len() {
        return None;
    }
    Some(Answer {
        card,
        key: key_of_bytes(id),
        time,
        rating,
        duration_ms,
        due,
    })
}

/// What is left of a line to read.
struct Rest<'a> {
    line: &'a [u8],
    at: usize,
}

impl<'a> Rest<'a> {
    fn bytes(&self) -> &'a [u8] {
        &self.line[self.at..]
    }

    /// Moves past `text` if it comes next.
    fn literal(&mut self, text: &str) -> Option<()> {
        self.bytes()
            .starts_with(text.as_bytes())
            .then(|| self.at += text.len())
    }

    /// A string's text up to its closing quote, which it moves past; `None` if a backslash
    /// or a control byte comes first (JSON would decode the text to something else, or
    /// refuse it).
    fn string(&mut self) -> Option<&'a [u8]> {
        let length = words::string_end(self.bytes())?;
        let text = self.line.get(self.at..self.at + length)?;
        self.at += length + 1;
        Some(text)
    }

    /// A duration as JSON writes a whole number (no leading zero), within what a line may
    /// hold.
    fn duration(&mut self) -> Option<u32> {
        let rest = self.bytes();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        // `MAX_DURATION_MS` has ten digits; more cannot fit, and fewer cannot overflow a u64.
        if digits == 0 || digits > 10 || (digits > 1 && rest[0] == b'0') {
            return None;
        }
        let value = rest[..digits]
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        self.at += digits;
        u32::try_from(value)
            .ok()
            .filter(|&ms| ms <= MAX_DURATION_MS)
    }
}

#[cfg(test)]
mod tests;

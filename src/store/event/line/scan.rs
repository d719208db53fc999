//! A fast path for the log's lines: flat JSON objects of plain strings and whole numbers, as
//! flashdeck writes them. It reads such a line into the same [`Line`] `serde_json` would, about
//! five times faster, and gives up (`None`) on anything else: an escape, a null, a float, an
//! unknown or repeated key, a nested value. `serde_json` then reads the line and gives the error,
//! so what a line means and how a bad one is reported do not depend on this path.

use std::borrow::Cow;

use serde::Deserialize as _;
use serde::de::IntoDeserializer as _;

use super::{Kind, Line};
use crate::scheduler::Rating;

/// Reads `text` into `line` (a default one), when it is a flat object this path reads exactly as
/// `serde_json` would; `None` leaves `line` part filled. Filled in place: a `Line` returned by
/// value was copied twice more, about 200 instructions a line.
pub(super) fn read_into<'a>(text: &'a str, line: &mut Line<'a>) -> Option<()> {
    // With no backslash and no control byte (a line's closing carriage return aside), every
    // quote in the line opens or closes a string, and each string reads as itself.
    if !words::plain(text.strip_suffix('\r').unwrap_or(text).as_bytes()) {
        return None;
    }
    let mut scan = Scanner { text, at: 0 };
    let mut seen = 0u32;
    scan.space();
    scan.expect(b'{')?;
    // Where the next key usually is in `FIELDS`: flashdeck writes them in that order.
    let mut next = 0;
    loop {
        scan.space();
        let bit = scan.key(next)?;
        next = bit + 1;
        scan.space();
        let value = match bit {
            0 => Value::Text(&mut line.id),
            1 => Value::Time(&mut line.time),
            2 => Value::Text(&mut line.card),
            3 => Value::Text(&mut line.deck),
            4 => Value::Kind(&mut line.kind),
            5 => Value::Rating(&mut line.rating),
            6 => Value::Count(&mut line.duration_ms),
            7 => Value::Text(&mut line.mode),
            8 => Value::Text(&mut line.question),
            9 => Value::Text(&mut line.target),
            10 => Value::Millis(&mut line.ms),
            11 => Value::Count(&mut line.mistakes),
            12 => Value::Count(&mut line.score),
            13 => Value::Count(&mut line.questions),
            14 => Value::Text(&mut line.due),
            15 => Value::Text(&mut line.plan),
            16 => Value::Count(&mut line.interval),
            17 => Value::Text(&mut line.from),
            18 => Value::Count(&mut line.new),
            19 => Value::Count(&mut line.reviews),
            _ => Value::Text(&mut line.chosen),
        };
        if seen & (1 << bit) != 0 {
            return None;
        }
        seen |= 1 << bit;
        match value {
            Value::Text(field) => *field = Some(Cow::Borrowed(scan.string()?)),
            Value::Time(field) => *field = Cow::Borrowed(scan.string()?),
            Value::Kind(field) => *field = kind(scan.string()?)?,
            Value::Rating(field) => {
                let number = u8::try_from(scan.number()?).ok()?;
                *field = Some(Rating::try_from(number).ok()?);
            }
            Value::Count(field) => *field = Some(u32::try_from(scan.number()?).ok()?),
            Value::Millis(field) => *field = Some(scan.number()?),
        }
        scan.space();
        match scan.next()? {
            b',' => {}
            b'}' => break,
            _ => return None,
        }
    }
    scan.space();
    // `time` has no default: serde_json says it is missing.
    let complete = scan.at == text.len() && seen & 2 != 0;
    complete.then_some(())
}

/// Every key a line may have, in the order flashdeck writes them ([`Line`]'s fields), quoted
/// and followed by the colon as they are written.
const FIELDS: [&[u8]; 21] = [
    b"\"id\":",
    b"\"time\":",
    b"\"card\":",
    b"\"deck\":",
    b"\"kind\":",
    b"\"rating\":",
    b"\"duration_ms\":",
    b"\"mode\":",
    b"\"question\":",
    b"\"target\":",
    b"\"ms\":",
    b"\"mistakes\":",
    b"\"score\":",
    b"\"questions\":",
    b"\"due\":",
    b"\"plan\":",
    b"\"interval\":",
    b"\"from\":",
    b"\"new\":",
    b"\"reviews\":",
    b"\"chosen\":",
];

/// [`FIELDS`] as little-endian words of up to 16 bytes, each with a mask of its bytes.
const PACKED_FIELDS: [(u128, u128); FIELDS.len()] = {
    let mut packed = [(0, 0); FIELDS.len()];
    let mut index = 0;
    while index < FIELDS.len() {
        let field = FIELDS[index];
        // Every key fits: the longest, `"duration_ms":`, is 14 bytes.
        assert!(field.len() <= 16);
        let mut at = 0;
        while at < field.len() {
            packed[index].0 |= (field[at] as u128) << (8 * at);
            packed[index].1 |= 0xff << (8 * at);
            at += 1;
        }
        index += 1;
    }
    packed
};

type Error = serde::de::value::Error;

/// Where a key's value goes, by its type.
enum Value<'l, 'a> {
    Text(&'l mut Option<Cow<'a, str>>),
    Time(&'l mut Cow<'a, str>),
    Kind(&'l mut Kind),
    Rating(&'l mut Option<Rating>),
    Count(&'l mut Option<u32>),
    Millis(&'l mut Option<u64>),
}

/// A `kind` by its name in the log, as serde names it (snake case); the commonest first.
fn kind(name: &str) -> Option<Kind> {
    if name == "review" {
        return Some(Kind::Review);
    }
    let name: serde::de::value::StrDeserializer<'_, Error> = name.into_deserializer();
    Kind::deserialize(name).ok()
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = *self.bytes().get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// JSON's whitespace: space, tab, line feed and carriage return.
    fn space(&mut self) {
        while matches!(
            self.bytes().get(self.at),
            Some(b' ' | b'\t' | b'\n' | b'\r')
        ) {
            self.at += 1;
        }
    }

    /// A key and its colon, as its index in [`FIELDS`]. A line flashdeck wrote has its keys in
    /// that order without spaces, so the keys from `next` on are tried as written first (a key
    /// read and then looked up was a fifth of a line's parse); any other key or spacing is read
    /// as a string. `None` for a key this path does not know.
    fn key(&mut self, next: usize) -> Option<usize> {
        let rest = &self.bytes()[self.at..];
        // Sixteen bytes at once against each key's (`memcmp` calls were a fifth of this path).
        let written = match rest.first_chunk::<16>() {
            Some(head) => {
                let head = u128::from_le_bytes(*head);
                PACKED_FIELDS[next..]
                    .iter()
                    .position(|&(key, mask)| head & mask == key)
            }
            None => FIELDS[next..]
                .iter()
                .position(|field| rest.starts_with(field)),
        };
        if let Some(index) = written {
            self.at += FIELDS[next + index].len();
            return Some(next + index);
        }
        let key = self.string()?;
        self.space();
        self.expect(b':')?;
        FIELDS
            .iter()
            .position(|field| &field[1..field.len() - 2] == key.as_bytes())
    }

    /// A string, in a `plain` line: JSON would decode it to itself.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.at;
        // The line is `plain`: the next quote closes the string.
        let length = words::quote(&self.bytes()[start..])?;
        self.at = start + length + 1;
        // Both ends are ASCII quotes, so the slice is whole characters.
        self.text.get(start..start + length)
    }

    /// A whole number as JSON writes it: digits, no leading zero, no fraction or exponent.
    fn number(&mut self) -> Option<u64> {
        let start = self.at;
        let digits = self.bytes()[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = self.bytes().get(start + digits).copied();
        let leading_zero = digits > 1 && self.bytes()[start] == b'0';
        if digits == 0 || leading_zero || matches!(after, Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.at = start + digits;
        self.bytes()[start..self.at].iter().try_fold(0u64, |n, &d| {
            n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
    }
}

pub(super) mod words;

#[cfg(test)]
mod tests;

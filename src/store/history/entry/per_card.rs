//! The snapshot's form of every card's entries, for `#[serde(with = …)]` on
//! [`super::super::History`]'s `per_card`: one byte string per card, so that writing ten
//! million entries is a few hundred thousand writes of packed bytes rather than serde's walk
//! of every field (issue 18).
//!
//! A card's bytes: its entry count, then each entry as
//! - a flags byte: the kind in the low four bits ([`code`]); [`SAME_OFFSET`], [`TIMED`],
//!   [`DUE`], [`PRACTICE`] above them;
//! - the key, 8 bytes little-endian (a hash: a varint would take 9 or 10);
//! - the time since the card's entry before (the epoch for the first), as a zigzag varint
//!   of seconds, milliseconds or nanoseconds, whichever is the coarsest exact unit, in the
//!   low two bits; a card's entries are in time order, so these stay small;
//! - the UTC offset in minutes (zigzag varint) unless [`SAME_OFFSET`];
//! - the kind's fields: a review's rating byte, its mode and question (postcard) if
//!   [`PRACTICE`], its duration (varint) if [`TIMED`], its day (zigzag varint) if [`DUE`];
//!   a `set_due`'s day and interval, a postponement's day.

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserializer, Serializer};

use super::{Entry, Millis, NO_DUE, Stored};
use crate::practice::{Mode, Question};
use crate::scheduler::Rating;

/// The entry's offset is the one before it (or 0 for a card's first).
const SAME_OFFSET: u8 = 0x10;
/// A review with a duration.
const TIMED: u8 = 0x20;
/// A review with a recorded day.
const DUE: u8 = 0x40;
/// A review in a practice mode.
const PRACTICE: u8 = 0x80;
const KIND: u8 = 0x0f;

/// The time units a delta may be in, by their code in its low two bits.
const UNITS: [i64; 3] = [1_000_000_000, 1_000_000, 1];

/// A card's entries, packed as the snapshot holds them (about 16 bytes each, against 32
/// unpacked): a lifetime collection's ten million fit in half the memory (issue 18). Replay
/// unpacks one card at a time.
#[derive(Debug, Clone, Default)]
pub(in crate::store) struct Packed {
    /// The entries after the count, in the order they were added.
    bytes: Vec<u8>,
    count: usize,
    /// The last entry's time in nanoseconds and offset, which the next one's are written
    /// against, and its key.
    last: (i64, i16),
    last_key: u64,
    /// Some entry was added before the one before it, or was a copy of it: [`Packed::sort`]
    /// has work to do.
    unsorted: bool,
}

impl Packed {
    /// Puts the entries in time order (then by key) and drops copies of one event, which
    /// sit side by side then; leaves no spare room. Usually they came in order, and only
    /// the room goes.
    pub(in crate::store) fn sort(&mut self) {
        if self.unsorted {
            let mut entries = self.entries();
            entries.sort_by_key(Entry::order);
            entries.dedup_by_key(|entry| entry.key);
            *self = Self::default();
            self.append(entries.iter(), &mut Vec::new());
        }
        self.bytes.shrink_to_fit();
    }

    /// Appends `run`: the room grows to fit it at once, otherwise by a quarter, since
    /// doubling left up to half of it unused at a cold start's peak. `scratch` is reused
    /// between calls.
    pub(in crate::store) fn append<'a>(
        &mut self,
        run: impl ExactSizeIterator<Item = &'a Entry>,
        scratch: &mut Vec<u8>,
    ) {
        scratch.clear();
        let mut first = self.count == 0;
        self.count += run.len();
        for entry in run {
            if !first && entry.order() <= (self.last.0, self.last_key) {
                self.unsorted = true;
            }
            first = false;
            self.last_key = entry.key;
            encode(entry, &mut self.last, scratch);
        }
        let length = self.bytes.len();
        if self.bytes.capacity() - length < scratch.len() {
            self.bytes
                .reserve_exact(scratch.len().max(length / 4).max(64));
        }
        self.bytes.extend_from_slice(scratch);
    }

    pub(in crate::store) fn len(&self) -> usize {
        self.count
    }

    /// The entries, in the order they were added.
    pub(in crate::store) fn entries(&self) -> Vec<Entry> {
        // The bytes were packed here or checked when the snapshot was read: always whole.
        decode(&self.bytes, self.count).unwrap_or_default()
    }

    /// The time of the last entry added, if any.
    pub(in crate::store) fn last_time(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        (self.count > 0).then(|| super::time_of(self.last.0, self.last.1))
    }
}

pub fn serialize<S: Serializer>(per_card: &[Packed], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(per_card.len()))?;
    let mut bytes = Vec::new();
    for card in per_card {
        bytes.clear();
        put_varint(&mut bytes, card.count as u128);
        bytes.extend_from_slice(&card.bytes);
        seq.serialize_element(serde_bytes::Bytes::new(&bytes))?;
    }
    seq.end()
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Packed>, D::Error> {
    d.deserialize_seq(Cards)
}

/// Appends `entry` packed, after the entry whose time and offset are `last`, and makes it
/// the last.
fn encode(entry: &Entry, last: &mut (i64, i16), out: &mut Vec<u8>) {
    let (nanos, offset) = *last;
    let (code, mut flags) = code(&entry.kind);
    if entry.offset == offset {
        flags |= SAME_OFFSET;
    }
    out.push(code | flags);
    out.extend_from_slice(&entry.key.to_le_bytes());
    // Wrapping: the difference of two times far apart may not fit, but adding it back
    // wraps to the same time.
    let delta = entry.nanos.wrapping_sub(nanos);
    let unit = UNITS
        .iter()
        .position(|&unit| delta % unit == 0)
        .unwrap_or(2);
    put_varint(
        out,
        (u128::from(zigzag(delta / UNITS[unit])) << 2) | unit as u128,
    );
    if entry.offset != offset {
        put_varint(out, u128::from(zigzag(i64::from(entry.offset))));
    }
    *last = (entry.nanos, entry.offset);
    match entry.kind {
        Stored::Review {
            rating,
            duration_ms,
            practice,
            due,
        } => {
            out.push(u8::from(rating));
            if let Some(practice) = practice {
                // Two small enums: two bytes, and postcard cannot fail on them.
                let mut two = [0; 2];
                out.extend_from_slice(
                    postcard::to_slice(&practice, &mut two).map_or(&[][..], |b| &*b),
                );
            }
            if let Some(ms) = duration_ms.get() {
                put_varint(out, u128::from(ms));
            }
            if due != NO_DUE {
                put_varint(out, u128::from(zigzag(i64::from(due))));
            }
        }
        Stored::SetDue { due, interval } => {
            put_varint(out, u128::from(zigzag(i64::from(due))));
            put_varint(out, u128::from(interval));
        }
        Stored::Postpone { due } => put_varint(out, u128::from(zigzag(i64::from(due)))),
        Stored::Bury
        | Stored::Unbury
        | Stored::Suspend
        | Stored::Unsuspend
        | Stored::Forget
        | Stored::Star
        | Stored::Unstar => {}
    }
}

/// The kind's code, and the flags of a review's optional fields.
fn code(kind: &Stored) -> (u8, u8) {
    match kind {
        Stored::Review {
            duration_ms,
            practice,
            due,
            ..
        } => {
            let mut flags = 0;
            if practice.is_some() {
                flags |= PRACTICE;
            }
            if duration_ms.get().is_some() {
                flags |= TIMED;
            }
            if *due != NO_DUE {
                flags |= DUE;
            }
            (0, flags)
        }
        Stored::Bury => (1, 0),
        Stored::Unbury => (2, 0),
        Stored::Suspend => (3, 0),
        Stored::Unsuspend => (4, 0),
        Stored::Forget => (5, 0),
        Stored::Star => (6, 0),
        Stored::Unstar => (7, 0),
        Stored::SetDue { .. } => (8, 0),
        Stored::Postpone { .. } => (9, 0),
    }
}

/// A card's entries, read back; `None` for bytes this module did not write.
fn decode(bytes: &[u8], count: usize) -> Option<Vec<Entry>> {
    let mut input = Input(bytes);
    // Each entry takes 10 bytes at least: a count beyond that is damage, not a reason to
    // reserve memory.
    let mut entries = Vec::with_capacity(count.min(bytes.len() / 10));
    let (mut nanos, mut offset) = (0_i64, 0_i16);
    for _ in 0..count {
        let flags = input.byte()?;
        let key = u64::from_le_bytes(input.take(8)?.try_into().ok()?);
        let delta = input.varint()?;
        let unit = UNITS.get(usize::try_from(delta & 3).ok()?)?;
        let steps = unzigzag(u64::try_from(delta >> 2).ok()?);
        nanos = nanos.wrapping_add(steps.wrapping_mul(*unit));
        if flags & SAME_OFFSET == 0 {
            offset = i16::try_from(unzigzag(input.small()?)).ok()?;
            chrono::FixedOffset::east_opt(i32::from(offset) * 60)?;
        }
        let day = |input: &mut Input<'_>| i32::try_from(unzigzag(input.small()?)).ok();
        let kind = match flags & KIND {
            0 => Stored::Review {
                rating: Rating::try_from(input.byte()?).ok()?,
                practice: if flags & PRACTICE == 0 {
                    None
                } else {
                    let (practice, rest) =
                        postcard::take_from_bytes::<(Mode, Question)>(input.0).ok()?;
                    input.0 = rest;
                    Some(practice)
                },
                duration_ms: Millis::new(if flags & TIMED == 0 {
                    None
                } else {
                    Some(u32::try_from(input.varint()?).ok()?)
                }),
                due: if flags & DUE == 0 {
                    NO_DUE
                } else {
                    day(&mut input)?
                },
            },
            1 => Stored::Bury,
            2 => Stored::Unbury,
            3 => Stored::Suspend,
            4 => Stored::Unsuspend,
            5 => Stored::Forget,
            6 => Stored::Star,
            7 => Stored::Unstar,
            8 => Stored::SetDue {
                due: day(&mut input)?,
                interval: u32::try_from(input.varint()?).ok()?,
            },
            9 => Stored::Postpone {
                due: day(&mut input)?,
            },
            _ => return None,
        };
        entries.push(Entry {
            key,
            nanos,
            kind,
            offset,
        });
    }
    input.0.is_empty().then_some(entries)
}

/// The rest of a card's bytes.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(count)?;
        self.0 = rest;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        let (&byte, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(byte)
    }

    /// An unsigned LEB128 varint of at most 19 bytes (a time's delta takes 66 bits).
    fn varint(&mut self) -> Option<u128> {
        let mut value = 0_u128;
        for shift in (0..128).step_by(7) {
            let byte = self.byte()?;
            value |= u128::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A varint that must fit 64 bits.
    fn small(&mut self) -> Option<u64> {
        u64::try_from(self.varint()?).ok()
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u128) {
    while value >= 0x80 {
        out.push(value.to_le_bytes()[0] | 0x80);
        value >>= 7;
    }
    out.push(value.to_le_bytes()[0]);
}

/// Small magnitudes of either sign as small unsigned numbers: 0, -1, 1, -2… as 0, 1, 2, 3…
fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)).cast_unsigned()
}

fn unzigzag(value: u64) -> i64 {
    (value >> 1).cast_signed() ^ -(value & 1).cast_signed()
}

/// Reads the sequence of cards' byte strings.
struct Cards;

impl<'de> Visitor<'de> for Cards {
    type Value = Vec<Packed>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence of cards' entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut per_card = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
        while let Some(Card(card)) = seq.next_element()? {
            per_card.push(card);
        }
        Ok(per_card)
    }
}

/// One card's entries, read from its byte string.
struct Card(Packed);

impl<'de> serde::Deserialize<'de> for Card {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_bytes(CardBytes)
    }
}

struct CardBytes;

impl Visitor<'_> for CardBytes {
    type Value = Card;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a card's entries")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Card, E> {
        let damaged = || E::custom("damaged entries");
        let mut input = Input(bytes);
        let count = input
            .small()
            .and_then(|count| usize::try_from(count).ok())
            .ok_or_else(damaged)?;
        // Checked whole here, so that unpacking later cannot fail.
        let entries = decode(input.0, count).ok_or_else(damaged)?;
        let last = entries.last();
        Ok(Card(Packed {
            bytes: input.0.to_vec(),
            count,
            last: last.map_or((0, 0), |entry| (entry.nanos, entry.offset)),
            last_key: last.map_or(0, |entry| entry.key),
            // Saved sorted; should they not be, `sort` puts them right.
            unsorted: !entries.is_sorted_by(|a, b| a.order() < b.order()),
        }))
    }
}

#[cfg(test)]
mod tests;

use chrono::DateTime;

use super::*;
use crate::scheduler::Day;

/// A card's bytes as the snapshot holds them.
fn encoded(entries: &[Entry]) -> Vec<u8> {
    let mut packed = Packed::default();
    packed.append(entries.iter(), &mut Vec::new());
    let mut out = Vec::new();
    put_varint(&mut out, packed.count as u128);
    out.extend_from_slice(&packed.bytes);
    out
}

/// A card's entries read back from the snapshot's bytes.
fn decoded(bytes: &[u8]) -> Option<Vec<Entry>> {
    let card = CardBytes
        .visit_bytes::<serde::de::value::Error>(bytes)
        .ok()?;
    Some(card.0.entries())
}

fn entry(key: u64, time: &str, kind: Stored) -> Entry {
    Entry::new(key, DateTime::parse_from_rfc3339(time).unwrap(), kind).unwrap()
}

fn review(practice: Option<(Mode, Question)>, ms: Option<u32>, due: Day) -> Stored {
    Stored::Review {
        rating: Rating::Good,
        duration_ms: Millis::new(ms),
        practice,
        due,
    }
}

#[test]
fn a_bury_a_second_after_the_epoch_takes_eleven_bytes_and_a_count() {
    let bytes = encoded(&[entry(1, "1970-01-01T00:00:01Z", Stored::Bury)]);
    // Count 1; bury (1) with the offset unchanged from 0 (0x10); key 1 in 8 bytes; one second:
    // zigzag(1) = 2, shifted past the unit code 0 (seconds) = 8.
    assert_eq!(bytes, [1, 0x11, 1, 0, 0, 0, 0, 0, 0, 0, 8]);
}

#[test]
fn a_review_an_hour_and_a_millisecond_later_in_another_offset() {
    let first = entry(2, "2026-01-01T10:00:00+01:00", Stored::Star);
    let second = entry(
        3,
        "2026-01-01T10:00:00.001+00:00",
        review(None, Some(200), 20_454),
    );
    let bytes = encoded(&[first.clone(), second.clone()]);
    // The second: a review (0) with a duration (0x20) and a day (0x40), the offset changed.
    let at = 1 + 1 + 8 + 5 + 1; // count, first's flags, key, seconds since the epoch, offset
    assert_eq!(bytes[at], 0x60);
    // 3_600_001 ms later: zigzag 7_200_002, shifted, unit 1 (milliseconds).
    let delta = 7_200_002_u64 * 4 + 1;
    let mut expected_delta = Vec::new();
    put_varint(&mut expected_delta, u128::from(delta));
    let after_key = at + 1 + 8;
    assert_eq!(&bytes[after_key..after_key + 4], &expected_delta[..]);
    // Then offset 0 (zigzag 0), rating 3, 200 ms (one byte 0xc8 0x01), the day 20454 zigzagged.
    assert_eq!(&bytes[after_key + 4..after_key + 7], &[0, 3, 0xc8]);
    assert_eq!(decoded(&bytes), Some(vec![first, second]));
}

#[test]
fn every_kind_and_field_reads_back_as_written() {
    let entries = vec![
        entry(u64::MAX, "1677-09-21T00:12:44.5-23:59", Stored::Forget),
        entry(0, "1969-12-31T23:59:59.999999999+14:00", Stored::Bury),
        entry(5, "2026-03-04T05:06:07.123456789+05:30", Stored::Unbury),
        entry(6, "2026-03-04T05:06:07.123456789+05:30", Stored::Suspend),
        entry(7, "2026-03-05T00:00:00+05:30", Stored::Unsuspend),
        entry(8, "2026-03-05T00:00:00+05:30", Stored::Unstar),
        entry(9, "2026-03-06T00:00:00Z", review(None, None, NO_DUE)),
        entry(
            10,
            "2026-03-06T00:00:01Z",
            review(Some((Mode::Learn, Question::Written)), Some(0), -3),
        ),
        entry(
            11,
            "2026-03-06T00:00:02Z",
            review(
                Some((Mode::Other, Question::Other)),
                Some(4_294_967_294),
                Day::MAX,
            ),
        ),
        entry(
            12,
            "2026-03-07T00:00:00Z",
            Stored::SetDue {
                due: Day::MIN + 1,
                interval: u32::MAX,
            },
        ),
        entry(13, "2026-03-08T00:00:00Z", Stored::Postpone { due: 20_600 }),
        entry(14, "2262-04-11T23:47:16.854775807Z", Stored::Star),
        // Out of order (a clock set back, before `finish`): the delta is negative.
        entry(15, "2000-01-01T00:00:00Z", Stored::Star),
    ];
    let bytes = encoded(&entries);
    assert_eq!(decoded(&bytes), Some(entries.clone()));
    assert_eq!(decoded(&[0]), Some(Vec::new()));
    // Added in runs, as a log is read, they pack the same.
    let mut packed = Packed::default();
    let mut scratch = Vec::new();
    for run in entries.chunks(5) {
        packed.append(run.iter(), &mut scratch);
    }
    assert_eq!(packed.len(), entries.len());
    assert_eq!(packed.entries(), entries);
    assert_eq!(packed.last_time(), entries.last().map(Entry::time));
}

#[test]
fn damaged_bytes_are_refused_not_misread() {
    let bytes = encoded(&[entry(1, "2026-01-01T00:00:00Z", review(None, Some(5), 3))]);
    for cut in 0..bytes.len() {
        assert_eq!(decoded(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decoded(&longer), None);
    let mut unknown_kind = bytes.clone();
    unknown_kind[1] = (unknown_kind[1] & !KIND) | 0x0a;
    assert_eq!(decoded(&unknown_kind), None);
    // A count far beyond the bytes reserves nothing and fails.
    assert_eq!(decoded(&[0xff, 0xff, 0xff, 0xff, 0x0f]), None);
}

#[test]
fn sorting_puts_entries_in_time_order_and_drops_copies() {
    let late = entry(1, "2026-01-02T00:00:00Z", Stored::Star);
    let early = entry(2, "2026-01-01T00:00:00Z", Stored::Unstar);
    let mut packed = Packed::default();
    packed.append([&late, &early, &late].into_iter(), &mut Vec::new());
    packed.sort();
    assert_eq!(packed.entries(), [early.clone(), late.clone()]);
    assert_eq!(packed.last_time(), Some(late.time()));
    // In order already: sorting changes nothing.
    let mut in_order = Packed::default();
    in_order.append([&early, &late].into_iter(), &mut Vec::new());
    in_order.sort();
    assert_eq!(in_order.entries(), [early, late]);
}

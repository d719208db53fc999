//! The fast reads agree with chrono's parsers wherever they give a value, and give one for
//! every shape flashdeck writes.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use super::{date, packed, time};
use crate::store::history::pack;

#[test]
fn reads_the_times_flashdeck_writes() {
    // 2026-11-27T08:30:00Z is 1,795,768,200 seconds after the epoch (date -d … +%s).
    let written = time("2026-11-27T09:30:00.123+01:00").unwrap();
    assert_eq!(written.timestamp(), 1_795_768_200);
    assert_eq!(written.timestamp_subsec_millis(), 123);
    assert_eq!(written.offset().local_minus_utc(), 3600);
    let utc = time("2026-11-27T08:30:00Z").unwrap();
    assert_eq!(utc.timestamp(), 1_795_768_200);
    assert_eq!(utc.offset().local_minus_utc(), 0);
    let nepal = time("2026-11-27T14:15:00.5+05:45").unwrap();
    assert_eq!(nepal.timestamp(), 1_795_768_200);
    assert_eq!(nepal.timestamp_subsec_nanos(), 500_000_000);
    let west = time("2026-11-27T03:30:00.000000001-05:00").unwrap();
    assert_eq!(west.timestamp(), 1_795_768_200);
    assert_eq!(west.timestamp_subsec_nanos(), 1);
}

/// The packed form at the ends of what the history holds (`history::pack`): nanoseconds since
/// the epoch from -2^63 to 2^63 - 1.
#[test]
fn packs_times_up_to_the_ends_of_what_an_entry_holds() {
    let first = "1677-09-21T00:12:43.145224192Z";
    let last = "2262-04-11T23:47:16.854775807Z";
    assert_eq!(packed(first.as_bytes()), Some((i64::MIN, 0)));
    assert_eq!(packed(last.as_bytes()), Some((i64::MAX, 0)));
    assert_eq!(packed(b"1677-09-21T00:12:43.145224191Z"), None);
    assert_eq!(packed(b"2262-04-11T23:47:16.854775808Z"), None);
    // The same instants an hour east.
    assert_eq!(
        packed(b"1677-09-21T01:12:43.145224192+01:00"),
        Some((i64::MIN, 60))
    );
    assert_eq!(
        packed(b"2262-04-11T22:47:16.854775807-01:00"),
        Some((i64::MAX, -60))
    );
    assert_eq!(
        packed(b"2026-11-27T09:30:00.123+01:00"),
        Some((1_795_768_200_123_000_000, 60))
    );
}

#[test]
fn leaves_every_other_shape_to_chrono() {
    for text in [
        "2026-11-27t09:30:00Z",
        "2026-11-27 09:30:00Z",
        "2026-11-27T09:30:00",
        "2026-11-27T09:30:00z",
        "2026-11-27T09:30:60Z",
        "2026-11-27T09:30:00.Z",
        "2026-11-27T09:30:00.1234567891Z",
        "2026-11-27T09:30:00+0100",
        "2026-11-27T09:30:00+24:00",
        "2026-02-30T09:30:00Z",
        "2026-11-27T24:00:00Z",
        "+2026-11-27T09:30:00Z",
        "2026-11-27T09:30:00Z ",
        "",
    ] {
        assert_eq!(time(text), None, "{text}");
    }
    for text in [
        "2026-1-27",
        "2026-02-29",
        "2026-11-27 ",
        "26-11-27",
        "2026/11/27",
    ] {
        assert_eq!(date(text), None, "{text}");
    }
    assert_eq!(date("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
}

/// Strings near the written shape: digits anywhere a digit goes, and now and then another
/// character in their place.
fn near_time() -> impl Strategy<Value = String> {
    let digit = prop_oneof![8 => "[0-9]", 1 => "[0-9a-zA-Z:+. -]"];
    let fraction = prop_oneof![Just(String::new()), "\\.[0-9]{1,10}"];
    let zone = prop_oneof![
        Just("Z".to_owned()),
        Just("z".to_owned()),
        "[+-][0-2][0-9]:[0-6][0-9]",
    ];
    (
        proptest::collection::vec(digit, 14),
        prop_oneof![8 => Just('T'), 1 => Just('t'), 1 => Just(' ')],
        fraction,
        zone,
    )
        .prop_map(|(d, separator, fraction, zone)| {
            format!(
                "{}{}{}{}-{}{}-{}{}{separator}{}{}:{}{}:{}{}{fraction}{zone}",
                d[0],
                d[1],
                d[2],
                d[3],
                d[4],
                d[5],
                d[6],
                d[7],
                d[8],
                d[9],
                d[10],
                d[11],
                d[12],
                d[13]
            )
        })
}

proptest! {
    #[test]
    fn agrees_with_chrono(text in near_time()) {
        if let Some(fast) = time(&text) {
            prop_assert_eq!(Some(fast), DateTime::parse_from_rfc3339(&text).ok());
        }
        prop_assert_eq!(packed(text.as_bytes()), time(&text).and_then(pack));
    }

    #[test]
    fn reads_every_real_time_chrono_reads(
        secs in -62_000_000_000i64..250_000_000_000,
        nanos in 0u32..1_000_000_000,
        offset_minutes in -1439i32..=1439,
        digits in 0u32..=9,
    ) {
        let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
        let nanos = nanos - nanos % 10u32.pow(9 - digits);
        let when = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
        let fraction = if digits == 0 {
            String::new()
        } else {
            format!(".{nanos:09}")[..=digits as usize].to_owned()
        };
        let text = format!("{}{fraction}{}", when.format("%Y-%m-%dT%H:%M:%S"), when.format("%:z"));
        prop_assert_eq!(time(&text), Some(when));
        prop_assert_eq!(DateTime::parse_from_rfc3339(&text).ok(), Some(when));
        prop_assert_eq!(packed(text.as_bytes()), pack(when));
    }

    #[test]
    fn dates_agree_with_chrono(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
        prop_assert_eq!(date(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok());
    }
}

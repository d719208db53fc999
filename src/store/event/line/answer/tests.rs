use chrono::DateTime;
use proptest::prelude::*;

use super::super::super::NewEvent;
use super::super::parse_line;
use super::*;
use crate::store::history::History;

/// The entry the history files for `event`, read by the general path: the reference the
/// fast path's entry must equal.
fn filed(event: Event<'_>) -> Vec<Entry> {
    let mut history = History::default();
    history.extend([event]);
    history.finish();
    history
        .per_card
        .iter()
        .flat_map(crate::store::history::Packed::entries)
        .collect()
}

/// Both paths agree on `line`; returns whether the fast path took it.
fn agree(line: &str) -> bool {
    let general = parse_line(line);
    let Some(answer) = parse_answer(line.as_bytes()) else {
        return false;
    };
    let Ok(event) = general else {
        panic!("the fast path read {line} but the general path refuses it: {general:?}");
    };
    assert_eq!(answer.clone().into_event(), event, "{line}");
    assert_eq!(filed(event), vec![answer.entry()], "{line}");
    true
}

#[test]
fn answers_as_flashdeck_writes_them_take_the_fast_path() {
    let lines = [
        r#"{"id":"g0-0","time":"2023-11-28T09:00:00+01:00","card":"group0/deck0/aa4aa6b61eb2","kind":"review","rating":3,"duration_ms":10400,"mode":"review"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00.123Z","card":"d/k","kind":"review","rating":1,"mode":"review"}"#,
        r#"{"id":"b","time":"2026-11-27T09:30:00.5-05:30","card":"dé/日本","kind":"review","rating":4,"duration_ms":0,"mode":"review","due":"2026-12-04"}"#,
        r#"{"id":"","time":"1970-01-01T00:00:00+00:00","card":"","kind":"review","rating":2,"duration_ms":4294967294,"mode":"review"}"#,
    ];
    for line in lines {
        assert!(agree(line), "not taken: {line}");
    }
    // What `NewEvent::to_line` writes for an answer: the shape this path is for.
    let written = NewEvent {
        id: "pc-1".to_owned(),
        time: DateTime::parse_from_rfc3339("2026-11-27T09:30:00.250+01:00").unwrap(),
        card: Some("spanish/hola".to_owned()),
        deck: None,
        kind: EventKind::answer(
            Rating::Good,
            Some(2500),
            crate::practice::Mode::Review,
            None,
        ),
    }
    .to_line();
    assert!(agree(written.trim_end()), "not taken: {written}");
}

#[test]
fn other_lines_are_left_to_the_general_path() {
    let lines = [
        // A practice answer, a question, a pick, another kind, another field order.
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"mode":"learn"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"mode":"review","question":"typed"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"bury"}"#,
        r#"{"time":"2026-11-27T09:30:00Z","id":"a","card":"d/k","kind":"review","rating":3,"mode":"review"}"#,
        // Escapes, spaces, a carriage return, a missing kind or mode.
        r#"{"id":"a\u0041","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"mode":"review"}"#,
        r#"{"id":"a", "time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"mode":"review"}"#,
        "{\"id\":\"a\",\"time\":\"2026-11-27T09:30:00Z\",\"card\":\"d/k\",\"kind\":\"review\",\"rating\":3,\"mode\":\"review\"}\r",
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","rating":3,"mode":"review"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3}"#,
        // Numbers and times the general path checks or refuses.
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":5,"mode":"review"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"duration_ms":4294967295,"mode":"review"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"duration_ms":012,"mode":"review"}"#,
        r#"{"id":"a","time":"2016-12-31T23:59:60Z","card":"d/k","kind":"review","rating":3,"mode":"review"}"#,
        r#"{"id":"a","time":"2300-01-01T00:00:00Z","card":"d/k","kind":"review","rating":3,"mode":"review"}"#,
        r#"{"id":"a","time":"2026-11-27T09:30:00Z","card":"d/k","kind":"review","rating":3,"mode":"review","due":"2026-2-3"}"#,
    ];
    for line in lines {
        assert!(
            parse_answer(line.as_bytes()).is_none(),
            "taken, but not flashdeck's plain answer: {line}"
        );
    }
    // Bytes that are not UTF-8 in each string: the general path reports the line.
    for (id, time, card, due) in [
        ("\u{ff}", "2026-11-27T09:30:00Z", "d/k", "2026-12-04"),
        ("a", "2026-11-27T09:30:00\u{ff}", "d/k", "2026-12-04"),
        ("a", "2026-11-27T09:30:00Z", "d/\u{ff}", "2026-12-04"),
        ("a", "2026-11-27T09:30:00Z", "d/k", "2026-12-0\u{ff}"),
        ("\u{c3}", "2026-11-27T09:30:00Z", "d/k", "2026-12-04"),
        ("a", "2026-11-27T09:30:00Z", "d/\u{e6}\u{97}", "2026-12-04"),
    ] {
        let line = format!(
            r#"{{"id":"{id}","time":"{time}","card":"{card}","kind":"review","rating":3,"mode":"review","due":"{due}"}}"#
        );
        // Each `\u{..}` above stands for the one byte of that value, not its character.
        let bytes: Vec<u8> = line
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect();
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(parse_answer(&bytes).is_none(), "{line}");
    }
}

/// A piece of an answer line, and whether flashdeck writes it so: three times in four, so
/// that many lines are whole answers and many differ from one in one piece.
fn piece(
    written: &[&'static str],
    awkward: &[&'static str],
) -> impl Strategy<Value = (&'static str, bool)> {
    prop_oneof![
        3 => prop::sample::select(written.to_vec()).prop_map(|piece| (piece, true)),
        1 => prop::sample::select(awkward.to_vec()).prop_map(|piece| (piece, false)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The fast path takes exactly the lines made of pieces flashdeck writes, and from each the
    /// general path reads the same event and the history files the same entry.
    #[test]
    fn the_fast_path_reads_what_the_general_path_reads(
        id in piece(&["g0-1", "", "é", "pc-1776"], &["a\\\"b", "a\\\\b", "\u{1}"]),
        time in piece(&[
            "2026-11-27T09:30:00+01:00", "2026-11-27T09:30:00.123456789Z", "2026-11-27T09:30:00Z",
            "2026-11-27T23:59:59-23:59", "1677-09-21T00:12:44Z", "1677-09-21T00:12:43.145224192Z",
            "2262-04-11T23:47:16.854775807Z", "2000-02-29T12:00:00.000000001-00:01",
        ], &[
            "1677-09-21T00:12:43.145224191Z", "2262-04-11T23:47:16.854775808Z",
            "2100-02-29T12:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T09:60:00Z",
            "2026-11-27T09:30:00+24:00", "2016-12-31T23:59:60Z",
            "2026-02-30T09:30:00Z", "2026-11-27t09:30:00Z", "2026-11-27 09:30:00Z",
            "1677-09-21T00:12:43Z", "2262-04-11T23:47:17Z", "2026-11-27T09:30:00.Z",
            "2026-11-27T09:30:00+01:30:00",
        ]),
        card in piece(&["d/k", "", "dé/日本"], &["d/\\u0041", "d/\t"]),
        rating in piece(&["1", "2", "3", "4"], &["0", "5", "3.0", "30", "\"3\"", "-1"]),
        duration in piece(&[
            "", ",\"duration_ms\":0", ",\"duration_ms\":10400", ",\"duration_ms\":4294967294",
        ], &[
            ",\"duration_ms\":00", ",\"duration_ms\":4294967295",
            ",\"duration_ms\":99999999999", ",\"duration_ms\":1.5", ",\"duration_ms\":1e3",
            ",\"duration_ms\":null",
        ]),
        mode in piece(&["review"], &["learn", "Review", ""]),
        due in piece(&["", ",\"due\":\"2026-12-04\""], &[
            ",\"due\":\"2026-02-30\"", ",\"due\":\"2026-2-3\"",
            ",\"due\":null", ",\"due\":\"+2026-12-04\"",
        ]),
        end in piece(&["}"], &[" }", "}\r", "},", "}}", ""]),
    ) {
        let pieces = [id, time, card, rating, duration, mode, due, end];
        let [id, time, card, rating, duration, mode, due, end] = pieces.map(|piece| piece.0);
        let line = format!(
            r#"{{"id":"{id}","time":"{time}","card":"{card}","kind":"review","rating":{rating}{duration},"mode":"{mode}"{due}{end}"#
        );
        prop_assert_eq!(agree(&line), pieces.iter().all(|piece| piece.1), "{}", line);
    }
}

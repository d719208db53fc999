use proptest::prelude::*;

use super::super::super::{EventKind, NewEvent};
use super::*;

/// What the fast path makes of `text`.
fn line(text: &str) -> Option<Line<'_>> {
    let mut line = Line::default();
    read_into(text, &mut line).map(|()| line)
}

/// What `serde_json` makes of `text`, the reference the fast path must agree with.
fn by_serde(text: &str) -> Option<Line<'_>> {
    serde_json::from_str(text).ok()
}

/// Values of every shape a line's field might hold, the awkward ones among them.
fn value() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        r#""plain""#,
        r#""deck/ab12""#,
        r#""""#,
        r#""é ünïcödé 日本""#,
        r#""with \"quote\"""#,
        r#""new\nline""#,
        r#""\u00e9""#,
        r#""2026-11-27T09:30:00+01:00""#,
        r#""2026-12-01""#,
        r#""review""#,
        r#""extend_limits""#,
        r#""Review""#,
        r#""nope""#,
        "0",
        "1",
        "3",
        "4",
        "5",
        "007",
        "10400",
        "1.5",
        "1e3",
        "-1",
        "4294967295",
        "4294967296",
        "18446744073709551616",
        "null",
        "true",
        "{}",
        "[1]",
    ])
    .prop_map(str::to_owned)
}

/// Every key a line may have.
const KEYS: [&str; 21] = [
    "id",
    "time",
    "card",
    "deck",
    "kind",
    "rating",
    "duration_ms",
    "mode",
    "question",
    "target",
    "ms",
    "mistakes",
    "score",
    "questions",
    "due",
    "plan",
    "interval",
    "from",
    "new",
    "reviews",
    "chosen",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["other", "Time", "ti\\u006de", ""]).prop_map(str::to_owned),
    ]
}

fn space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "", "", " ", "\t", "\r", " \n "])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Whatever the fast path reads, `serde_json` reads the same; it may only give up.
    #[test]
    fn the_fast_path_reads_a_line_as_serde_json_does(
        fields in prop::collection::vec((key(), value(), space(), space()), 0..8),
        with_time in any::<bool>(),
        ends in (space(), space()),
        cut in 0usize..3,
    ) {
        let mut text = format!("{}{{", ends.0);
        let mut parts: Vec<String> = fields
            .iter()
            .map(|(k, v, a, b)| format!("{a}\"{k}\"{b}:{a}{v}{b}"))
            .collect();
        if with_time {
            parts.insert(0, r#""time":"2026-11-27T09:30:00+01:00""#.to_owned());
        }
        text.push_str(&parts.join(","));
        text.push('}');
        text.push_str(ends.1);
        // Now and then a line cut short, as a torn write leaves it.
        let text = match cut {
            0 => text.get(..text.len() / 2).unwrap_or(&text).to_owned(),
            _ => text,
        };
        if let Some(fast) = line(&text) {
            prop_assert_eq!(Some(fast), by_serde(&text), "{}", text);
        }
    }
}

#[test]
fn every_line_flashdeck_writes_takes_the_fast_path() {
    let time = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:30:00.123+01:00").unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let kinds = [
        EventKind::Review {
            rating: Rating::Good,
            duration_ms: Some(10_400),
            mode: "learn".into(),
            question: Some("written".into()),
            due: Some(date),
            chosen: Some("lang/verbs/c2".into()),
        },
        EventKind::Bury,
        EventKind::Undo {
            target: "d1-7".into(),
        },
        EventKind::Result {
            mode: "match".into(),
            ms: Some(61_000),
            mistakes: Some(2),
            score: Some(9),
            questions: Some(10),
        },
        EventKind::Postpone {
            due: date,
            plan: Some("p1".into()),
        },
        EventKind::SetDue {
            due: date,
            interval: Some(30),
        },
        EventKind::Relink {
            from: "old/c1".into(),
        },
        EventKind::ExtendLimits {
            new: 10,
            reviews: 5,
        },
    ];
    for kind in kinds {
        let event = NewEvent {
            id: "d1-8".into(),
            time,
            card: Some("lang/verbs/c1".into()),
            deck: Some("lang/verbs".into()),
            kind,
        };
        let text = event.to_line();
        let fast = line(text.trim_end());
        assert!(fast.is_some(), "{text}");
        assert_eq!(fast, by_serde(&text), "{text}");
        // A log edited on Windows ends its lines in a carriage return too.
        let crlf = format!("{}\r", text.trim_end());
        assert!(line(&crlf).is_some(), "{crlf}");
        assert_eq!(line(&crlf), by_serde(&crlf), "{crlf}");
    }
}

#[test]
fn lines_the_fast_path_leaves_to_serde_json() {
    let time = r#""time":"2026-11-27T09:30:00Z""#;
    for text in [
        format!(r#"{{{time},"card":"a\"b"}}"#),
        format!(r#"{{{time},"rating":null}}"#),
        format!(r#"{{{time},"rating":3.0}}"#),
        format!(r#"{{{time},"rating":03}}"#),
        format!(r#"{{{time},"duration_ms":4294967296}}"#),
        format!(r#"{{{time},"card":"a","card":"b"}}"#),
        format!(r#"{{{time},"extra":"x"}}"#),
        format!("{{{time}}} x"),
        // A tab in a string is an error; between fields it is whitespace serde_json reads.
        format!("{{{time},\"card\":\"a\tb\"}}"),
        format!("{{{time},\t\"card\":\"a\"}}"),
        r#"{"card":"a"}"#.to_owned(),
        "{}".to_owned(),
        String::new(),
    ] {
        assert_eq!(line(&text), None, "{text}");
    }
    // The unknown key and the float are what serde_json reads as well; the rest are errors.
    assert!(by_serde(&format!(r#"{{{time},"extra":"x"}}"#)).is_some());
    assert!(by_serde(&format!(r#"{{{time},"rating":03}}"#)).is_none());
    assert!(by_serde(&format!("{{{time},\"card\":\"a\tb\"}}")).is_none());
    assert!(by_serde(&format!("{{{time},\t\"card\":\"a\"}}")).is_some());
}

use super::*;

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn postpone_and_exam_events_round_trip_through_a_line() {
    let at = time("2026-11-27T10:00:00+01:00");
    let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let postpone = NewEvent::for_card(
        "d/k",
        at,
        NewKind::Postpone {
            due: date,
            plan: Some("p1".into()),
        },
    );
    let line = postpone.to_line();
    assert!(
        line.contains(r#""kind":"postpone","due":"2026-12-01","plan":"p1""#),
        "{line}"
    );
    assert_eq!(parse_line(line.trim_end()).unwrap(), postpone.to_event());
    for date in [Some(date), None] {
        let exam = NewEvent::for_deck("d", at, NewKind::Exam { date });
        let line = exam.to_line();
        assert_eq!(
            parse_line(line.trim_end()).unwrap(),
            exam.to_event(),
            "{line}"
        );
    }
    let bad = r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"postpone","due":"soon"}"#;
    assert_eq!(
        parse_line(bad).unwrap_err(),
        "`due` must be a date like 2026-12-01, not `soon`"
    );
}

#[test]
fn a_minimal_foreign_line_is_a_review() {
    let event =
        parse_line(r#"{"card":"d/k","time":"2026-11-27T10:00:00+01:00","rating":3}"#).unwrap();
    assert_eq!(event.card.as_deref(), Some("d/k"));
    assert_eq!(event.time, time("2026-11-27T09:00:00Z"));
    assert_eq!(
        event.kind,
        EventKind::Review {
            rating: Rating::Good,
            duration_ms: None,
            mode: REVIEW_MODE.into(),
            question: None,
            due: None,
            chosen: None,
        }
    );
}

#[test]
fn lines_round_trip() {
    let review = NewEvent {
        id: "e1".into(),
        time: time("2026-11-27T10:00:00.250+01:00"),
        card: Some("sales/levers/kam".into()),
        deck: None,
        kind: NewKind::answer(Rating::Hard, Some(4200), REVIEW_MODE, None),
    };
    let line = review.to_line();
    assert_eq!(
        line,
        "{\"id\":\"e1\",\"time\":\"2026-11-27T10:00:00.250+01:00\",\"card\":\"sales/levers/kam\",\"kind\":\"review\",\"rating\":2,\"duration_ms\":4200,\"mode\":\"review\"}\n"
    );
    assert_eq!(parse_line(&line).unwrap(), review.to_event());
    let undo = NewEvent {
        id: "e2".into(),
        time: review.time,
        card: None,
        deck: None,
        kind: NewKind::Undo {
            target: "e1".into(),
        },
    };
    assert_eq!(parse_line(&undo.to_line()).unwrap(), undo.to_event());
    assert_eq!(
        undo.to_event().kind,
        EventKind::Undo {
            target: "e1".into()
        }
    );
}

/// A review that scheduled its card records the day, after `mode`, as `docs/data-format.md`
/// shows it; a line without one has none.
#[test]
fn a_review_records_its_due_day() {
    let mut kind = NewKind::answer(Rating::Good, Some(3000), REVIEW_MODE, None);
    if let EventKind::Review { due, .. } = &mut kind {
        *due = NaiveDate::from_ymd_opt(2026, 12, 7);
    }
    let review = NewEvent {
        id: "e1".into(),
        time: time("2026-11-27T10:00:00+01:00"),
        card: Some("d/k".into()),
        deck: None,
        kind,
    };
    let line = review.to_line();
    assert_eq!(
        line,
        "{\"id\":\"e1\",\"time\":\"2026-11-27T10:00:00.000+01:00\",\"card\":\"d/k\",\"kind\":\"review\",\"rating\":3,\"duration_ms\":3000,\"mode\":\"review\",\"due\":\"2026-12-07\"}\n"
    );
    assert_eq!(parse_line(&line).unwrap(), review.to_event());
    let bad = r#"{"card":"d/k","time":"2026-11-27T10:00:00+01:00","rating":3,"due":"soon"}"#;
    assert!(
        parse_line(bad)
            .unwrap_err()
            .contains("`due` must be a date")
    );
}

#[test]
fn bad_lines_say_why() {
    let cases = [
        (
            "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\"}",
            "a review needs a `rating`",
        ),
        (
            "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\",\"rating\":7}",
            "rating must be 1-4",
        ),
        (
            "{\"card\":\"d/k\",\"time\":\"yesterday\",\"rating\":3}",
            "`time` must be RFC 3339 with an offset",
        ),
        (
            "{\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"bury\"}",
            "needs a `card`",
        ),
        (
            "{\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"undo\"}",
            "needs a `target`",
        ),
        (
            "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"dance\"}",
            "unknown variant `dance`",
        ),
        ("{\"card\":\"d/k\",\"ti", "EOF while parsing"),
    ];
    for (line, why) in cases {
        let error = parse_line(line).unwrap_err();
        assert!(error.contains(why), "{line}: {error}");
    }
}

#[test]
fn identity_is_the_id_or_the_line() {
    let key = |line: &str| parse_line(line).unwrap().key;
    let same_id_other_rating = (
        key(r#"{"id":"x","card":"d/k","time":"2026-11-27T10:00:00Z","rating":3}"#),
        key(r#"{"id":"x","card":"d/k","time":"2026-11-27T10:00:00Z","rating":1}"#),
    );
    assert_eq!(same_id_other_rating.0, same_id_other_rating.1);
    let plain = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":3}"#);
    let trailing_space = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":3} "#);
    let other = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":4}"#);
    assert_eq!(plain, trailing_space);
    assert_ne!(plain, other);
}

#[test]
fn unbury_set_due_and_relink_round_trip_through_a_line() {
    let at = time("2026-11-27T10:00:00+01:00");
    let due = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let cases = [
        (NewKind::Unbury, r#""kind":"unbury"}"#),
        (
            NewKind::SetDue {
                due,
                interval: None,
            },
            r#""kind":"set_due","due":"2026-12-04"}"#,
        ),
        (
            NewKind::SetDue {
                due,
                interval: Some(7),
            },
            r#""kind":"set_due","due":"2026-12-04","interval":7}"#,
        ),
        (
            NewKind::Relink {
                from: "d/old".into(),
            },
            r#""card":"d/new","kind":"relink","from":"d/old"}"#,
        ),
    ];
    for (kind, end) in cases {
        let event = NewEvent::for_card("d/new", at, kind);
        let line = event.to_line();
        assert!(line.trim_end().ends_with(end), "{line}");
        assert_eq!(parse_line(line.trim_end()).unwrap(), event.to_event());
    }
}

#[test]
fn set_due_and_relink_lines_without_their_fields_say_why() {
    let cases = [
        (
            r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"set_due"}"#,
            "a set_due needs a `due` date",
        ),
        (
            r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"set_due","due":"2026-12-04","interval":-1}"#,
            "invalid value",
        ),
        (
            r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"relink"}"#,
            "a relink needs `from`",
        ),
        (
            r#"{"time":"2026-11-27T10:00:00Z","kind":"relink","from":"d/old"}"#,
            "needs a `card`",
        ),
    ];
    for (line, why) in cases {
        let error = parse_line(line).unwrap_err();
        assert!(error.contains(why), "{line}: {error}");
    }
}

#[test]
fn extend_limits_round_trips_and_needs_a_deck_and_a_count() {
    let at = time("2026-11-27T10:00:00+01:00");
    let cases = [
        (
            NewKind::ExtendLimits {
                new: 10,
                reviews: 0,
            },
            r#""deck":"spanish","kind":"extend_limits","new":10}"#,
        ),
        (
            NewKind::ExtendLimits {
                new: 0,
                reviews: 50,
            },
            r#""deck":"spanish","kind":"extend_limits","new":0,"reviews":50}"#,
        ),
    ];
    for (kind, end) in cases {
        let event = NewEvent::for_deck("spanish", at, kind);
        let line = event.to_line();
        assert!(line.trim_end().ends_with(end), "{line}");
        assert_eq!(parse_line(line.trim_end()).unwrap(), event.to_event());
    }
    let bad = [
        (
            r#"{"deck":"d","time":"2026-11-27T10:00:00Z","kind":"extend_limits"}"#,
            "needs `new` or `reviews`",
        ),
        (
            r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"extend_limits","new":10}"#,
            "needs a `deck`",
        ),
    ];
    for (line, why) in bad {
        let error = parse_line(line).unwrap_err();
        assert!(error.contains(why), "{line}: {error}");
    }
}

/// The app records its own answer in memory and may read the same line back from the log
/// (another window's read, the snapshot on the way out): both copies must be one event. Two
/// windows answering one card within the same millisecond left a third copy in the history
/// (seen as 7 answers for 6 lines), because the copy in memory kept nanoseconds the line
/// does not have.
#[test]
fn an_event_in_memory_is_the_event_its_line_reads_back_as() {
    let mut event = NewEvent::for_card(
        "d/k",
        time("2026-11-30T14:09:20.705987654+00:00"),
        NewKind::answer(
            crate::scheduler::Rating::Good,
            None,
            crate::store::REVIEW_MODE,
            None,
        ),
    );
    event.id = "fixed".into();
    let line = event.to_line();
    let read = parse_line(line.trim_end()).unwrap();
    assert_eq!(read.time, time("2026-11-30T14:09:20.705+00:00"));
    assert_eq!(event.to_event(), read);
}

/// A wrong pick's `chosen` card is written last and read back; a line without it (older
/// logs) reads as none.
#[test]
fn a_wrong_pick_records_the_chosen_card() {
    let pick = NewEvent {
        id: "e1".into(),
        time: time("2026-11-27T10:00:00+01:00"),
        card: Some("d/a".into()),
        deck: None,
        kind: NewKind::confused(
            crate::practice::Mode::Learn,
            crate::practice::Question::Choice,
            "d/b",
        ),
    };
    let line = pick.to_line();
    assert_eq!(
        line,
        "{\"id\":\"e1\",\"time\":\"2026-11-27T10:00:00.000+01:00\",\"card\":\"d/a\",\"kind\":\"review\",\"rating\":1,\"mode\":\"learn\",\"question\":\"choice\",\"chosen\":\"d/b\"}\n"
    );
    assert_eq!(parse_line(&line).unwrap(), pick.to_event());
    let old = r#"{"card":"d/a","time":"2026-11-27T10:00:00+01:00","rating":1,"mode":"learn","question":"choice"}"#;
    let EventKind::Review { chosen, .. } = parse_line(old).unwrap().kind else {
        panic!()
    };
    assert_eq!(chosen, None);
}

#[test]
fn times_and_durations_beyond_what_replay_holds_are_line_problems() {
    let line = |time: &str, ms: &str| {
        format!(r#"{{"time":"{time}","card":"d/k","rating":3,"duration_ms":{ms}}}"#)
    };
    let error = parse_line(&line("1500-01-01T00:00:00Z", "1")).unwrap_err();
    assert!(
        error.starts_with("`time` must be from 1677-09-21"),
        "{error}"
    );
    assert!(parse_line(&line("2300-01-01T00:00:00+01:00", "1")).is_err());
    // A leap second would become the next minute's first second: 03:59:60 past a 4:00
    // rollover, on another day. chrono reads it; replay cannot keep it.
    let leap = parse_line(&line("2026-11-28T03:59:60Z", "1")).unwrap_err();
    assert!(leap.contains("not a leap second"), "{leap}");
    assert!(parse_line(&line("2026-11-28T03:59:59.999999999Z", "1")).is_ok());
    assert_eq!(
        parse_line(&line("2026-01-01T00:00:00Z", "4294967295")).unwrap_err(),
        "`duration_ms` must be at most 4294967294"
    );
    assert!(parse_line(&line("2026-01-01T00:00:00Z", "4294967294")).is_ok());
}

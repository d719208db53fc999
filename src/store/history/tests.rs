use chrono::{DateTime, FixedOffset};

use super::entry::Millis;
use super::*;

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn an_entry_gives_back_its_time_to_the_nanosecond_with_its_offset() {
    for text in [
        "2026-11-30T14:09:20.123456789+05:30",
        "2026-11-30T14:09:20.705-09:45",
        "1970-01-01T00:00:00+00:00",
        "1969-12-31T23:59:59.999999999-23:59",
        "2262-04-11T23:47:16+00:00",
        "1677-09-21T00:12:44+00:00",
    ] {
        let entry = Entry::new(7, time(text), Stored::Bury).unwrap();
        assert_eq!(entry.time(), time(text), "{text}");
        assert_eq!(entry.time().offset(), time(text).offset(), "{text}");
    }
}

#[test]
fn times_an_entry_cannot_hold_are_refused() {
    // i64 nanoseconds reach from 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z.
    assert!(pack(time("1677-09-21T00:12:43+00:00")).is_none());
    assert!(pack(time("2262-04-11T23:47:17+00:00")).is_none());
    assert!(pack(time("2262-04-11T23:47:16.854775807+00:00")).is_some());
    assert!(pack(time("2026-11-28T03:59:60Z")).is_none());
    // Offsets are whole minutes in RFC 3339; one with seconds cannot be kept.
    let odd = FixedOffset::east_opt(30).unwrap();
    assert!(pack(time("2026-01-01T00:00:00Z").with_timezone(&odd)).is_none());
}

#[test]
fn one_instant_in_two_offsets_sorts_as_one() {
    let a = Entry::new(1, time("2026-01-01T10:00:00+01:00"), Stored::Bury).unwrap();
    let b = Entry::new(2, time("2026-01-01T09:00:00Z"), Stored::Bury).unwrap();
    let later = Entry::new(0, time("2026-01-01T09:00:00.000000001Z"), Stored::Bury).unwrap();
    assert_eq!(a.order().0, b.order().0);
    assert!(a.order() < b.order() && b.order() < later.order());
}

#[test]
fn a_duration_keeps_every_value_a_line_may_hold() {
    assert_eq!(Millis::new(None).get(), None);
    assert_eq!(Millis::new(Some(0)).get(), Some(0));
    assert_eq!(Millis::new(Some(4_294_967_294)).get(), Some(4_294_967_294));
}

#[test]
fn an_undone_plan_cancels_its_postponements_only() {
    let line = |id: &str, card: &str, plan: &str| {
        format!(
            r#"{{"id":"{id}","time":"2026-11-27T10:00:00Z","card":"{card}","kind":"postpone","due":"2026-12-01"{plan}}}"#
        )
    };
    let (planned, alone) = (line("a", "d/1", r#","plan":"p""#), line("b", "d/2", ""));
    let events =
        [planned.as_str(), alone.as_str()].map(|l| crate::store::event::parse_line(l).unwrap());
    let history = History::from_events(events.into());
    let undone: FxHashSet<u64> = [key_of("p")].into_iter().collect();
    assert!(history.undone_by(&history.entries_for(0)[0], &undone));
    assert!(!history.undone_by(&history.entries_for(1)[0], &undone));
}

/// An undo seen before (the app's own, read back from the log) changes no card; a new one
/// changes the card whose answer it takes back, and only that card.
#[test]
fn an_undo_read_again_changes_nothing() {
    let parse = |line: &str| crate::store::event::parse_line(line).unwrap().into_owned();
    let answer = |id: &str, card: &str| {
        parse(&format!(
            r#"{{"id":"{id}","time":"2026-11-27T10:00:00Z","card":"{card}","kind":"review","rating":3}}"#
        ))
    };
    let undo = parse(r#"{"id":"u","time":"2026-11-27T10:05:00Z","kind":"undo","target":"a"}"#);
    let mut history = History::from_events(vec![answer("a", "d/1"), answer("b", "d/2")]);
    history.track_changes();
    history.extend([undo.clone()]);
    history.finish();
    assert_eq!(history.take_changes(), [true, false]);
    history.track_changes();
    history.extend([undo]);
    history.finish();
    assert_eq!(history.take_changes(), [false, false]);
}

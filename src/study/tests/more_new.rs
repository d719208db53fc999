//! "More new cards" lasts for the rest of the day, as Anki's "extend limits" does: it is an
//! `extend_limits` event, so a queue built again, a restart (the log replayed) and another
//! device all see it, and the next day forgets it.

use super::*;

/// 30 new cards, 1 a day, one of them introduced at 09:00.
fn one_new_card_studied(now: DateTime<FixedOffset>) -> (Settings, NewEvent) {
    let settings = Settings {
        new_per_day: 1,
        ..Settings::default()
    };
    (
        settings,
        review("0", "d/c0", Rating::Easy, now - Duration::hours(1)),
    )
}

/// The new cards each event lets the deck show.
fn extra_new(events: &[NewEvent]) -> Vec<u32> {
    events
        .iter()
        .map(|event| match event.kind {
            NewKind::ExtendLimits { new, .. } => new,
            ref other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn more_new_cards_last_the_day_and_end_with_it() {
    let now = time(NOW);
    let (settings, started) = one_new_card_studied(now);
    let mut study = study_with(30, settings.clone(), std::slice::from_ref(&started), now);
    assert_eq!(study.due_counts(0, now).new, 0, "the day's one is done");

    // 1 allowed, 1 studied, 10 more: 11 today, 10 left.
    let first = study.extend_new_today(&[0], 10, now);
    assert_eq!(extra_new(&first), [10]);
    assert_eq!(first[0].deck.as_deref(), Some("d"));
    study.record_all(&first);
    assert_eq!(study.due_counts(0, now).new, 10);
    assert_eq!(Queue::build(&study, &[0], now).new.len(), 10, "a new queue");

    // Four of them studied: 11 − 5 = 6 left, an hour later too.
    let later = now + Duration::hours(1);
    let mut log = vec![started];
    log.extend(first);
    for i in 1..=4 {
        let event = review(&format!("n{i}"), &format!("d/c{i}"), Rating::Easy, later);
        study.record(event.to_event(), Some(&format!("d/c{i}")));
        log.push(event);
    }
    assert_eq!(study.due_counts(0, later).new, 6);
    // Again: 10 more than the 6 left, 1 + 20 − 5 = 16.
    let second = study.extend_new_today(&[0], 10, later);
    assert_eq!(extra_new(&second), [10]);
    study.record_all(&second);
    assert_eq!(study.due_counts(0, later).new, 16);
    log.extend(second);

    // A restart the same day: the log alone gives the same 16.
    let restarted = study_with(30, settings.clone(), &log, later);
    assert_eq!(restarted.due_counts(0, later).new, 16);

    // The next day has its own limit only, running on or started again.
    let tomorrow = time("2026-11-28T04:00:00+01:00");
    study.roll_day(tomorrow);
    assert_eq!(study.due_counts(0, tomorrow).new, 1);
    let restarted = study_with(30, settings, &log, tomorrow);
    assert_eq!(restarted.due_counts(0, tomorrow).new, 1);
}

/// An extension granted just before the rollover (03:30 on the 28th still counts for the 27th) is gone
/// at 04:00.
#[test]
fn an_extension_belongs_to_the_study_day_it_was_given_on() {
    let late = time("2026-11-28T03:30:00+01:00");
    let (settings, started) = one_new_card_studied(time(NOW));
    let mut study = study_with(30, settings, &[started], late);
    let events = study.extend_new_today(&[0], 10, late);
    study.record_all(&events);
    assert_eq!(study.due_counts(0, late).new, 10);
    let four = time("2026-11-28T04:00:00+01:00");
    study.roll_day(four);
    assert_eq!(study.due_counts(0, four).new, 1);
}

/// A deck already past its limit (3 new cards studied, then the limit lowered to 1) still gets
/// 10 more: the event takes the 2 over the limit off too, 1 + 12 − 3 = 10.
#[test]
fn a_deck_past_its_limit_still_gets_the_count_more() {
    let now = time(NOW);
    let settings = Settings {
        new_per_day: 1,
        ..Settings::default()
    };
    let studied: Vec<NewEvent> = (0..3)
        .map(|i| review(&format!("s{i}"), &format!("d/c{i}"), Rating::Easy, now))
        .collect();
    let mut study = study_with(30, settings, &studied, now);
    assert_eq!(study.due_counts(0, now).new, 0);
    let events = study.extend_new_today(&[0], 10, now);
    assert_eq!(extra_new(&events), [12]);
    study.record_all(&events);
    assert_eq!(study.due_counts(0, now).new, 10);
}

/// Undoing the event (a line another program or device wrote) takes the cards back.
#[test]
fn an_undone_extension_is_no_extension() {
    let now = time(NOW);
    let (settings, started) = one_new_card_studied(now);
    let mut study = study_with(30, settings.clone(), std::slice::from_ref(&started), now);
    let events = study.extend_new_today(&[0], 10, now);
    study.record_all(&events);
    assert_eq!(study.due_counts(0, now).new, 10);
    let undo = NewEvent::for_deck(
        "d",
        now,
        NewKind::Undo {
            target: events[0].id.clone().into(),
        },
    );
    study.absorb(vec![undo.to_event().into_owned()]);
    assert_eq!(study.due_counts(0, now).new, 0);
    let replayed = study_with(30, settings, &[started, events[0].clone(), undo], now);
    assert_eq!(replayed.due_counts(0, now).new, 0);
}

/// `reviews` lifts the review limit the same way (a line another program wrote: the app
/// offers more new cards only). Card c0, answered Easy 60 days ago, is due; the limit is 0.
#[test]
fn extended_reviews_come_past_the_review_limit() {
    let now = time(NOW);
    let settings = Settings {
        reviews_per_day: 0,
        ..Settings::default()
    };
    let answered = review("a", "d/c0", Rating::Easy, now - Duration::days(60));
    let line = r#"{"id":"x","time":"2026-11-27T09:00:00+01:00","deck":"d","kind":"extend_limits","reviews":5}"#;
    let extension = crate::store::event::parse_line(line).unwrap().into_owned();
    let mut study = study_with(1, settings, &[answered], now);
    assert_eq!(study.due_counts(0, now).review, 0, "held back by the limit");
    study.absorb(vec![extension]);
    assert_eq!(study.due_counts(0, now).review, 1);
}

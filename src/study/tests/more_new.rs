//! "More new cards" lasts for the rest of the day, as Anki's "extend limits" does, whatever
//! queue is built from the study (the deck left and opened again), and ends with the day.

use super::*;

/// 30 new cards, 1 a day, one of them introduced at 09:00.
fn one_new_card_studied(now: DateTime<FixedOffset>) -> Study {
    let settings = Settings {
        new_per_day: 1,
        ..Settings::default()
    };
    let started = review("0", "d/c0", Rating::Easy, now - Duration::hours(1));
    study_with(30, settings, &[started], now)
}

#[test]
fn more_new_cards_last_the_day_and_end_with_it() {
    let now = time(NOW);
    let mut study = one_new_card_studied(now);
    assert_eq!(study.due_counts(0, now).new, 0, "the day's one is done");

    // 1 allowed, 1 studied, 10 more: 11 today, 10 left.
    study.extend_new_today(&[0], 10, now);
    assert_eq!(study.due_counts(0, now).new, 10);
    assert_eq!(Queue::build(&study, &[0], now).new.len(), 10, "a new queue");

    // Four of them studied: 11 − 5 = 6 left, an hour later too.
    let later = now + Duration::hours(1);
    for i in 1..=4 {
        let event = review(&format!("n{i}"), &format!("d/c{i}"), Rating::Easy, later);
        study.record(event.to_event(), Some(&format!("d/c{i}")));
    }
    assert_eq!(study.due_counts(0, later).new, 6);
    // Again: 10 more than the 6 left, 5 + 6 + 10 = 21 today.
    study.extend_new_today(&[0], 10, later);
    assert_eq!(study.due_counts(0, later).new, 16);

    // The next day has its own limit only.
    let tomorrow = time("2026-11-28T04:00:00+01:00");
    study.roll_day(tomorrow);
    assert_eq!(study.due_counts(0, tomorrow).new, 1);
}

/// An extension granted just before the rollover (03:30 on the 28th still counts for the 27th) is gone
/// at 04:00.
#[test]
fn an_extension_belongs_to_the_study_day_it_was_given_on() {
    let late = time("2026-11-28T03:30:00+01:00");
    let mut study = one_new_card_studied(time(NOW));
    study.extend_new_today(&[0], 10, late);
    assert_eq!(study.due_counts(0, late).new, 10);
    let four = time("2026-11-28T04:00:00+01:00");
    study.roll_day(four);
    assert_eq!(study.due_counts(0, four).new, 1);
}

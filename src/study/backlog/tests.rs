use chrono::Duration;

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::store::event::parse_line;
use crate::study::tests::{review, study_with, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// `graduated` cards answered Easy long ago, each a day earlier than the one before it (so
/// the last is the most at risk), and `new` cards never studied.
fn holiday(graduated: usize, new: usize) -> Study {
    let now = time(NOW);
    let events: Vec<_> = (0..graduated)
        .map(|i| {
            let days = 20 + i64::try_from(i).unwrap();
            review(
                &format!("e{i}"),
                &format!("d/c{i}"),
                Rating::Easy,
                now - Duration::days(days),
            )
        })
        .collect();
    study_with(graduated + new, Settings::default(), &events, now)
}

#[test]
fn the_most_forgotten_come_first_in_equal_shares_a_day() {
    let now = time(NOW);
    let study = holiday(30, 0);
    let backlog = backlog(&study, &[0], now);
    assert_eq!(backlog.due, 30);
    let plan = plan(&study, &[0], now, 3);
    let sizes: Vec<usize> = plan.days.iter().map(Vec::len).collect();
    assert_eq!(sizes, [10, 10, 10]);
    assert_eq!(plan.moved(), 20);
    // Oldest answer, lowest retrievability: c29 first, c0 last.
    let order: Vec<&str> = plan.days.iter().flatten().map(AsRef::as_ref).collect();
    let expected: Vec<String> = (0..30).rev().map(|i| format!("d/c{i}")).collect();
    assert_eq!(order, expected);
    let recall: Vec<f32> = order
        .iter()
        .map(|c| study.scheduler.retrievability(study.state(c), now).unwrap())
        .collect();
    assert!(recall.windows(2).all(|w| w[0] <= w[1]), "{recall:?}");
}

#[test]
fn applying_moves_the_rest_pauses_new_cards_and_undo_takes_it_all_back() {
    let now = time(NOW);
    let mut study = holiday(30, 5);
    assert_eq!(study.due_counts(0, now).review, 30);
    assert_eq!(study.due_counts(0, now).new, 5);
    let plan = plan(&study, &[0], now, 3);
    let events = plan.events(&study, now);
    assert_eq!(events.len(), 20);
    for event in &events {
        // Written and read back as the log would.
        let line = event.to_line();
        let parsed = parse_line(line.trim_end()).unwrap().into_owned();
        study.record(parsed, event.card.as_deref());
    }
    let counts = study.due_counts(0, now);
    assert_eq!((counts.review, counts.new), (10, 0), "new cards wait");
    assert_eq!(study.postponed(0), 20);
    let tomorrow = now + Duration::days(1);
    study.roll_day(tomorrow);
    assert_eq!(
        study.due_counts(0, tomorrow).review,
        20,
        "today's ten left, and tomorrow's"
    );

    study.roll_day(now);
    let undo = undo_last(&study, now).unwrap();
    study.record(undo.to_event().into_owned(), None);
    assert_eq!(study.postponed(0), 0);
    let counts = study.due_counts(0, now);
    assert_eq!((counts.review, counts.new), (30, 5));
    assert!(undo_last(&study, now).is_none(), "nothing left to undo");
}

#[test]
fn reviewing_a_postponed_card_ends_its_part_of_the_backlog() {
    let now = time(NOW);
    let mut study = holiday(4, 1);
    let plan = plan(&study, &[0], now, 2);
    for event in plan.events(&study, now) {
        study.record(event.to_event().into_owned(), event.card.as_deref());
    }
    assert_eq!(study.postponed(0), 2);
    let later = now + Duration::days(1);
    for card in &plan.days[1] {
        let answer = review(&format!("r-{card}"), card, Rating::Good, later);
        study.record(answer.to_event().into_owned(), Some(card));
    }
    assert_eq!(study.postponed(0), 0);
    study.roll_day(later);
    assert_eq!(study.due_counts(0, later).new, 1, "new cards are back");
}

#[test]
fn a_backlog_is_large_past_twice_a_normal_day_and_fifty_more() {
    let now = time(NOW);
    let small = backlog(&holiday(30, 0), &[0], now);
    assert!(!small.is_large(), "{small:?}");
    let large = backlog(&holiday(80, 0), &[0], now);
    assert_eq!(large.due, 80);
    assert!(large.normal_day < 20.0, "{large:?}");
    assert!(large.is_large());
}

#[test]
fn the_words_say_how_far_above_a_normal_day() {
    // The case: 34 due against 4 is 8.5 times a normal day, yet only 30 above it.
    let small = Backlog {
        due: 34,
        normal_day: 4.0,
    };
    assert!(!small.is_large());
    assert_eq!(
        small.describe(),
        "34 reviews due, about 4 on a normal day: 30 more"
    );
    assert_eq!(
        small.why_no_plan(),
        "That is 8.5 times a normal day, but fewer than 50 reviews above it"
    );
    let close = Backlog {
        due: 70,
        normal_day: 40.0,
    };
    assert_eq!(close.why_no_plan(), "That is not twice a normal day");
    let one = Backlog {
        due: 1,
        normal_day: 0.6,
    };
    assert_eq!(
        one.describe(),
        "1 review due, about 1 on a normal day: 0 more"
    );
}

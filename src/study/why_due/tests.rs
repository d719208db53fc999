//! Each reason with its numbers worked out by hand. Deck `d` (cards `d/c0`, `d/c1`, ...),
//! fuzz off; day 0 is Fri 27 Nov 2026 and every event is at 10:00 (+01:00).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::store::{NewEvent, NewKind};
use crate::study::tests::{deck_event, review, study_with, time};

const T0: &str = "2026-11-27T10:00:00+01:00";

fn at(day: i64) -> DateTime<FixedOffset> {
    time(T0) + Duration::days(day)
}

fn settings() -> Settings {
    Settings {
        fuzz: false,
        ..Settings::default()
    }
}

/// FSRS-6's forgetting curve, R = (1 + factor·t/S)^(−decay) with factor = 0.9^(−1/decay) − 1
/// (FSRS-6; the `fsrs` crate's `current_retrievability`), for the default decay w[20] = 0.1542.
fn recall(elapsed_days: f64, stability: f64) -> f64 {
    let decay = 0.1542;
    let factor = 0.9_f64.powf(-1.0 / decay) - 1.0;
    (1.0 + factor * elapsed_days / stability).powf(-decay)
}

/// An Easy first answer gives stability w[3] = 8.2956 days (FSRS-6's default parameters); at
/// 90% desired retention FSRS's interval is the stability itself (R(S) = 0.9 by the curve's
/// definition), rounded to 8 days: due on day 8, Sat 5 Dec.
const EASY_STABILITY: f64 = 8.2956;

fn easy_on_day_0() -> NewEvent {
    review("e0", "d/c0", Rating::Easy, at(0))
}

fn whole_percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

fn why(events: &[NewEvent], settings: Settings, now: DateTime<FixedOffset>, card: &str) -> String {
    let study = study_with(3, settings, events, now);
    why_due(&study, card, now)
}

#[test]
fn new_cards_say_how_many_are_ahead_of_them_today() {
    let now = at(0);
    assert_eq!(
        why(&[], settings(), now, "d/c0"),
        "new: not yet studied; next of today's new cards"
    );
    assert_eq!(
        why(&[], settings(), now, "d/c1"),
        "new: not yet studied; 1 new card is ahead of it today"
    );
    assert_eq!(
        why(&[], settings(), now, "d/c2"),
        "new: not yet studied; 2 new cards are ahead of it today"
    );
    let two_a_day = Settings {
        new_per_day: 2,
        ..settings()
    };
    assert_eq!(
        why(&[], two_a_day, now, "d/c2"),
        "new: not yet studied; past today's limit of new cards"
    );
}

#[test]
fn a_learning_card_says_when_its_step_is_due() {
    // Good on a new card: the second of the default steps (1 min, 10 min), due at 10:10.
    let events = [review("g", "d/c0", Rating::Good, at(0))];
    assert_eq!(
        why(&events, settings(), at(0) + Duration::minutes(5), "d/c0"),
        "learning: due again at 10:10, step 2 of 2"
    );
    assert_eq!(
        why(&events, settings(), at(0) + Duration::minutes(15), "d/c0"),
        "learning: due now, step 2 of 2"
    );
}

#[test]
fn a_lapse_relearns_and_a_leech_is_suspended() {
    // Again on the due day: the one default relearning step, 10 minutes.
    let events = [easy_on_day_0(), review("a", "d/c0", Rating::Again, at(8))];
    assert_eq!(
        why(&events, settings(), at(8) + Duration::minutes(5), "d/c0"),
        "relearning: due again at 10:10, step 1 of 1"
    );
    let one_lapse_leeches = Settings {
        leech_threshold: 1,
        ..settings()
    };
    assert_eq!(
        why(
            &events,
            one_lapse_leeches,
            at(8) + Duration::minutes(5),
            "d/c0"
        ),
        "suspended as a leech after 1 lapse; unsuspend to study it"
    );
    let suspended = [
        easy_on_day_0(),
        NewEvent::for_card("d/c0", at(1), NewKind::Suspend),
    ];
    assert_eq!(
        why(&suspended, settings(), at(2), "d/c0"),
        "suspended: not shown until unsuspended"
    );
}

#[test]
fn a_review_card_is_not_due_then_due_then_overdue() {
    let events = [easy_on_day_0()];
    let two_days = whole_percent(recall(2.0, EASY_STABILITY));
    assert_eq!(two_days, "97%");
    assert_eq!(
        why(&events, settings(), at(2), "d/c0"),
        format!("not due until Sat 5 Dec (in 6 days); recall now {two_days}")
    );
    let seven_days = whole_percent(recall(7.0, EASY_STABILITY));
    assert_eq!(
        why(&events, settings(), at(7), "d/c0"),
        format!("not due until tomorrow, Sat 5 Dec; recall now {seven_days}")
    );
    // On day 8, 8 of 8.2956 days: recall 0.9025, shown with a tenth beside a 90% target.
    let due_day = recall(8.0, EASY_STABILITY);
    assert!((0.9..0.905).contains(&due_day));
    assert_eq!(
        why(&events, settings(), at(8), "d/c0"),
        format!(
            "due today: recall {:.1}%, at your 90% target",
            due_day * 100.0
        )
    );
    let nine_days = whole_percent(recall(9.0, EASY_STABILITY));
    assert_eq!(nine_days, "89%");
    assert_eq!(
        why(&events, settings(), at(9), "d/c0"),
        format!("overdue by 1 day: recall {nine_days}, target 90%")
    );
    let no_reviews = Settings {
        reviews_per_day: 0,
        ..settings()
    };
    assert_eq!(
        why(&events, no_reviews, at(9), "d/c0"),
        format!("due, but over today's review limit: recall {nine_days}, target 90%")
    );
}

#[test]
fn recall_below_the_target_on_the_due_day_is_said_so() {
    // At 85%, FSRS's interval is S·(0.85^(−1/decay) − 1)/factor = 8.2956 × 1.90639 = 15.81,
    // rounded to 16 days; recall after 16 days is 0.84901, below the target.
    let settings = Settings {
        desired_retention: 0.85,
        ..settings()
    };
    let due_day = recall(16.0, EASY_STABILITY);
    assert!((0.849..0.85).contains(&due_day));
    assert_eq!(
        why(&[easy_on_day_0()], settings, at(16), "d/c0"),
        format!(
            "due today: recall has fallen to {:.1}%, below your 85% target",
            due_day * 100.0
        )
    );
}

#[test]
fn a_catch_up_plan_holds_a_card_back_and_new_cards_wait_for_it() {
    let tue_8_dec = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let postpone = NewKind::Postpone {
        due: tue_8_dec,
        plan: Some("plan".into()),
    };
    let events = [easy_on_day_0(), NewEvent::for_card("d/c0", at(9), postpone)];
    let nine_days = whole_percent(recall(9.0, EASY_STABILITY));
    assert_eq!(
        why(&events, settings(), at(9), "d/c0"),
        format!("held back by the catch-up plan until Tue 8 Dec; recall now {nine_days}")
    );
    assert_eq!(
        why(&events, settings(), at(9), "d/c1"),
        "new: waits until the catch-up plan's reviews are done"
    );
}

#[test]
fn an_exam_brings_a_card_forward() {
    // Exam on Mon 7 Dec (day 10): its last days start on day 7, before the card's day 8.
    let exam = NewKind::Exam {
        date: NaiveDate::from_ymd_opt(2026, 12, 7),
    };
    let events = [easy_on_day_0(), deck_event("x", at(1), exam)];
    assert_eq!(
        why(&events, settings(), at(2), "d/c0"),
        "brought forward to Fri 4 Dec for the exam on 7 Dec"
    );
    assert_eq!(
        why(&events, settings(), at(7), "d/c0"),
        "due today: brought forward for the exam on 7 Dec"
    );
}

#[test]
fn buried_and_orphaned_cards() {
    let events = [NewEvent::for_card("d/c1", at(2), NewKind::Bury)];
    assert_eq!(
        why(&events, settings(), at(2), "d/c1"),
        "buried until tomorrow"
    );
    assert_eq!(
        why(
            &[review("o", "d/gone", Rating::Good, at(0))],
            settings(),
            at(2),
            "d/gone"
        ),
        "never due: no deck has this card any more; its history is kept"
    );
}

#[test]
fn percentages_show_a_tenth_only_beside_an_equal_looking_target() {
    assert_eq!(percent(0.88, 0.9), "88%");
    assert_eq!(percent(0.896, 0.9), "89.6%");
    assert_eq!(percent(0.9, 0.9), "90%");
    assert_eq!(percent(0.9, f32::NAN), "90%");
}

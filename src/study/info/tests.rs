//! Card info from a hand-written history: the counts, times and first stability are worked
//! out from the events and FSRS-6's default parameters, not from the code.

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::practice::Mode;
use crate::scheduler::{Phase, Settings};
use crate::store::{NewEvent, NewKind, REVIEW_MODE};
use crate::study::tests::{study_with, time};

const T0: &str = "2026-11-27T10:00:00+01:00";

fn at(day: i64) -> DateTime<FixedOffset> {
    time(T0) + Duration::days(day)
}

fn answer(card: &str, rating: Rating, ms: Option<u32>, when: DateTime<FixedOffset>) -> NewEvent {
    NewEvent::for_card(card, when, NewKind::answer(rating, ms, REVIEW_MODE, None))
}

fn settings() -> Settings {
    Settings {
        fuzz: false,
        ..Settings::default()
    }
}

#[test]
fn the_figures_and_every_row_of_a_history() {
    let relearnt = at(8) + Duration::minutes(10);
    let events = [
        answer("d/c0", Rating::Easy, Some(4000), at(0)),
        answer("d/c0", Rating::Again, Some(6000), at(8)),
        answer("d/c0", Rating::Good, None, relearnt),
        NewEvent::for_card(
            "d/c0",
            at(9),
            NewKind::answer(Rating::Hard, Some(1000), Mode::Learn, None),
        ),
    ];
    let now = at(9) + Duration::hours(1);
    let study = study_with(2, settings(), &events, now);
    let info = CardInfo::of(&study, "d/c0", now).unwrap();
    // Three answers in review mode, one of them Again on a review card; the Learn answer's
    // second is practice and not counted; 4 s and 6 s timed, the third untimed.
    assert_eq!((info.state.reps, info.state.lapses), (3, 1));
    assert_eq!(info.average_secs, Some(5.0));
    assert_eq!(info.first_review, Some(at(0)));
    assert_eq!(info.latest_review, Some(relearnt));
    let events: Vec<&str> = info.history.iter().map(|r| r.event).collect();
    assert_eq!(events, ["review", "review", "review", "learn"]);

    // An Easy first answer: stability w[3] = 8.2956 days (FSRS-6's default parameters),
    // which at 90% retention is also the interval, rounded to 8 days.
    let first = info.history[0].schedule.unwrap();
    assert_eq!(first.retrievability, None);
    assert!((first.stability - 8.2956).abs() < 1e-4);
    assert_eq!(first.interval, Interval::Days(8));
    // The lapse 8 days later: recall just before it, from FSRS-6's curve
    // R = (1 + factor·8/8.2956)^(−0.1542), factor = 0.9^(−1/0.1542) − 1 = 0.98035: 0.90247;
    // then the default relearning step of 10 minutes.
    let lapse = info.history[1].schedule.unwrap();
    let recall = f64::from(lapse.retrievability.unwrap());
    assert!((recall - 0.90247).abs() < 1e-4, "{recall}");
    assert_eq!(lapse.interval, Interval::Secs(600));
    assert!(lapse.difficulty > first.difficulty, "Again makes it harder");
    assert!(matches!(
        info.history[2].schedule.unwrap().interval,
        Interval::Days(_)
    ));
    let practice = &info.history[3];
    assert_eq!(
        (practice.rating, practice.schedule),
        (Some(Rating::Hard), None)
    );

    let text = info.text.unwrap();
    assert_eq!(
        (text.front.as_str(), text.back.as_str()),
        ("front 0", "back 0")
    );
    // The deck text is "[deck]", "name = ...", then the first card's header on line 3.
    assert_eq!((text.file.as_str(), text.line), ("<built in>", 3));
    assert_eq!(info.state.phase, Phase::Review);
}

#[test]
fn a_forget_is_shown_between_the_answers_before_and_after_it() {
    let events = [
        answer("d/c1", Rating::Good, None, at(0)),
        NewEvent::for_card("d/c1", at(1), NewKind::Forget),
        answer("d/c1", Rating::Again, None, at(2)),
    ];
    let study = study_with(2, settings(), &events, at(2));
    let info = CardInfo::of(&study, "d/c1", at(2)).unwrap();
    let events: Vec<&str> = info.history.iter().map(|r| r.event).collect();
    assert_eq!(events, ["review", "forget", "review"]);
    // The state counts from the forget; the history, and the first review, do not.
    assert_eq!(info.state.reps, 1);
    assert_eq!(info.first_review, Some(at(0)));
    assert_eq!(info.history[2].schedule.unwrap().retrievability, None);
    // The second card of the deck starts at line 3 + 4.
    assert_eq!(info.text.unwrap().line, 7);
}

#[test]
fn an_orphan_has_a_history_and_no_text_and_an_unknown_card_has_no_info() {
    let events = [answer("d/gone", Rating::Good, Some(2000), at(0))];
    let study = study_with(1, settings(), &events, at(1));
    let orphan = CardInfo::of(&study, "d/gone", at(1)).unwrap();
    assert_eq!(orphan.text, None);
    assert_eq!(orphan.history.len(), 1);
    assert_eq!(orphan.average_secs, Some(2.0));
    assert_eq!(CardInfo::of(&study, "d/nope", at(1)), None);
    let unstudied = CardInfo::of(&study, "d/c0", at(1)).unwrap();
    assert!(unstudied.history.is_empty() && unstudied.first_review.is_none());
    assert_eq!(unstudied.retrievability, None);
}

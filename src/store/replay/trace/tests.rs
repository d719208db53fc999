use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::practice::Question;
use crate::store::event::{NewEvent, NewKind, REVIEW_MODE};

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn event(id: &str, at: DateTime<FixedOffset>, kind: NewKind) -> NewEvent {
    NewEvent {
        id: id.into(),
        time: at,
        card: Some("d/a".into()),
        deck: None,
        kind,
    }
}

fn answer(rating: Rating) -> NewKind {
    NewKind::answer(rating, Some(4000), REVIEW_MODE, None)
}

fn history(events: &[NewEvent]) -> History {
    History::from_events(events.iter().map(NewEvent::to_event).collect())
}

/// FSRS-6's default parameters (the `fsrs` crate's `DEFAULT_PARAMETERS`, as published in
/// open-spaced-repetition's FSRS-6 documentation): w[2] and w[3] are the first stability after
/// a first Good and Easy answer, w[20] the decay of the forgetting curve.
const W2_GOOD: f64 = 2.3065;
const W3_EASY: f64 = 8.2956;
const DECAY: f64 = 0.1542;

/// FSRS-6's forgetting curve: R = (1 + factor·t/S)^(−decay), with factor = 0.9^(−1/decay) − 1
/// so that R = 0.9 when t = S.
fn recall(elapsed_days: f64, stability: f64) -> f64 {
    let factor = 0.9_f64.powf(-1.0 / DECAY) - 1.0;
    (1.0 + factor * elapsed_days / stability).powf(-DECAY)
}

#[test]
fn a_history_shows_every_event_not_undone_with_recall_before_and_memory_after() {
    let scheduler = Scheduler::new(crate::scheduler::Settings::default()).unwrap();
    let t0 = time("2026-11-27T10:00:00+01:00");
    let day = Duration::days(1);
    let events = [
        event("1", t0, answer(Rating::Good)),
        event(
            "2",
            t0 + Duration::hours(1),
            NewKind::answer(Rating::Good, None, Mode::Learn, Some(Question::Written)),
        ),
        event("3", t0 + Duration::hours(2), NewKind::Bury),
        event(
            "4",
            t0 + Duration::hours(3),
            NewKind::Undo { target: "3".into() },
        ),
        event("5", t0 + day, answer(Rating::Good)),
        event("6", t0 + day * 2, NewKind::Forget),
        event("7", t0 + day * 3, answer(Rating::Easy)),
    ];
    let rows = history(&events).trace("d/a", &scheduler);
    let times: Vec<_> = rows.iter().map(|r| r.time).collect();
    // The bury was undone: not shown; the undo itself is not the card's event.
    assert_eq!(
        times,
        [
            t0,
            t0 + Duration::hours(1),
            t0 + day,
            t0 + day * 2,
            t0 + day * 3
        ]
    );

    let TracedKind::Review(first) = &rows[0].kind else {
        panic!("{:?}", rows[0]);
    };
    assert_eq!(first.retrievability, None, "a new card has no recall yet");
    assert_eq!(first.phase_before, Phase::New);
    let stability = f64::from(first.after.memory.unwrap().stability);
    assert!((stability - W2_GOOD).abs() < 1e-4, "{stability}");

    assert_eq!(
        rows[1].kind,
        TracedKind::Practice {
            mode: Mode::Learn,
            rating: Rating::Good,
            duration_ms: None
        }
    );

    // A day after the first answer, with stability w[2].
    let TracedKind::Review(second) = &rows[2].kind else {
        panic!("{:?}", rows[2]);
    };
    let expected = recall(1.0, W2_GOOD);
    let got = f64::from(second.retrievability.unwrap());
    assert!((got - expected).abs() < 1e-4, "{got} vs {expected}");
    assert!(got < 1.0 && got > 0.9);

    assert_eq!(
        rows[3].kind,
        TracedKind::Other {
            name: "forget",
            moved_to: None
        }
    );
    // Forgotten: the next answer starts the memory afresh.
    let TracedKind::Review(after_forget) = &rows[4].kind else {
        panic!("{:?}", rows[4]);
    };
    assert_eq!(after_forget.retrievability, None);
    assert_eq!(after_forget.phase_before, Phase::New);
    let stability = f64::from(after_forget.after.memory.unwrap().stability);
    assert!((stability - W3_EASY).abs() < 1e-4, "{stability}");
}

#[test]
fn answers_in_review_mode_are_told_apart_from_practice_and_undone_ones() {
    let t0 = time("2026-11-27T10:00:00+01:00");
    let practice = NewKind::answer(Rating::Good, None, Mode::Test, None);
    let only_practice = history(&[event("1", t0, practice)]);
    assert!(!only_practice.has_answers("d/a"));
    let undone = history(&[
        event("1", t0, answer(Rating::Good)),
        event("2", t0, NewKind::Undo { target: "1".into() }),
    ]);
    assert!(!undone.has_answers("d/a"));
    let answered = history(&[event("1", t0, answer(Rating::Again))]);
    assert!(answered.has_answers("d/a"));
    assert!(!answered.has_answers("d/other"));
    let scheduler = Scheduler::new(crate::scheduler::Settings::default()).unwrap();
    assert!(answered.trace("d/other", &scheduler).is_empty());
}

//! Learning and relearning steps that reach the next day's rollover become whole days, as in
//! Anki (`IntervalKind::maybe_as_days`, `rslib/src/scheduler/states/interval_kind.rs`): due
//! from the rollover of the day they end on. Every expected time here is worked out by hand
//! from that rule, `(secs - secs_until_rollover) / 86,400 + 1` days.

use chrono::{DateTime, FixedOffset};

use super::super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const DAY: u32 = 86_400;

/// `shared/cases/day-learning-step`'s settings: steps 10m and 1d, relearning 1d, rollover 4:00.
fn scheduler() -> Scheduler {
    Scheduler::new(Settings {
        learning_steps: vec![600, DAY],
        relearning_steps: vec![DAY],
        fuzz: false,
        ..Settings::default()
    })
    .unwrap()
}

/// A review card: Easy on a new card.
fn review_card(scheduler: &Scheduler) -> CardState {
    let easy = scheduler.answer(
        &CardState::NEW,
        "steps/r",
        Rating::Easy,
        at("2026-11-09T21:00:00+05:00"),
    );
    assert_eq!(easy.0.phase, Phase::Review);
    easy.0
}

/// The case: a new card answered Good at 21:10 moves to the 1-day step, 6 h 50 m before the
/// rollover: (86,400 − 24,600) / 86,400 + 1 = 1 day, so it is due from 4:00 the next morning.
#[test]
fn a_one_day_learning_step_in_the_evening_is_due_from_the_next_rollover() {
    let scheduler = scheduler();
    let now = at("2026-11-29T21:10:00+05:00");
    let (card, _) = scheduler.answer(&CardState::NEW, "steps/l", Rating::Good, now);
    assert_eq!(card.phase, Phase::Learning { step: 1 });
    assert_eq!(card.due, Due::At(at("2026-11-30T04:00:00+05:00")));
    // The buttons say so: Again 10m; Hard (10m + 1d) / 2 = 12 h 5 m, past the rollover too:
    // 1 day; Good 1 day.
    let preview = scheduler.preview(&CardState::NEW, "steps/l", now);
    assert_eq!(
        &preview[..3],
        &[Interval::Secs(600), Interval::Days(1), Interval::Days(1)]
    );
    assert_eq!(interval_text::label(preview[2]), "1d");
}

/// The case's lapse at 21:05: the 1-day relearning step is due from 4:00 the next morning;
/// Hard on that lone step is 1.5 days, rounded to 2 (Anki's `steps.rs`): (172,800 − 24,900)
/// / 86,400 + 1 = 2 days.
#[test]
fn a_one_day_relearning_step_is_due_from_the_next_rollover() {
    let scheduler = scheduler();
    let now = at("2026-11-29T21:05:00+05:00");
    let (lapsed, _) = scheduler.answer(&review_card(&scheduler), "steps/r", Rating::Again, now);
    assert_eq!(lapsed.phase, Phase::Relearning { step: 0 });
    assert_eq!(lapsed.due, Due::At(at("2026-11-30T04:00:00+05:00")));
    let next_morning = at("2026-11-30T10:15:00+05:00");
    let (hard, _) = scheduler.answer(&lapsed, "steps/r", Rating::Hard, next_morning);
    assert_eq!(hard.phase, Phase::Relearning { step: 0 });
    // 10:15 is 17 h 45 m (63,900 s) before the rollover: (172,800 − 63,900) / 86,400 + 1 = 2.
    assert_eq!(hard.due, Due::At(at("2026-12-02T04:00:00+05:00")));
}

/// Steps that end before the rollover keep their time; any that reach it become days, even
/// a 23-hour one, or a 1-day step answered an hour before the rollover (due an hour later).
#[test]
fn only_steps_reaching_the_rollover_become_days() {
    let cases = [
        // (step in seconds, answered at, due at)
        (
            600,
            "2026-11-29T21:10:00+05:00",
            "2026-11-29T21:20:00+05:00",
        ),
        (
            5 * 3600,
            "2026-11-29T10:00:00+05:00",
            "2026-11-29T15:00:00+05:00",
        ),
        // 18 h to the rollover, exactly: reaches it, 0 / 86,400 + 1 = 1 day.
        (
            18 * 3600,
            "2026-11-29T10:00:00+05:00",
            "2026-11-30T04:00:00+05:00",
        ),
        (
            23 * 3600,
            "2026-11-29T10:00:00+05:00",
            "2026-11-30T04:00:00+05:00",
        ),
        // 03:00 is still the 29th's day: (86,400 − 3,600) / 86,400 + 1 = 1 day.
        (
            DAY,
            "2026-11-30T03:00:00+05:00",
            "2026-11-30T04:00:00+05:00",
        ),
        // (172,800 − 64,800) / 86,400 + 1 = 2 days.
        (
            2 * DAY,
            "2026-11-29T10:00:00+05:00",
            "2026-12-01T04:00:00+05:00",
        ),
        (
            3 * DAY,
            "2026-11-29T03:59:59+05:00",
            "2026-12-01T04:00:00+05:00",
        ),
    ];
    for (step, answered, due) in cases {
        let scheduler = Scheduler::new(Settings {
            learning_steps: vec![60, step],
            ..Settings::default()
        })
        .unwrap();
        let (card, _) = scheduler.answer(&CardState::NEW, "d/c", Rating::Good, at(answered));
        assert_eq!(card.due, Due::At(at(due)), "{step} s at {answered}");
    }
}

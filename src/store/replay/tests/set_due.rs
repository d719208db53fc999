//! `set_due` and `unbury` replayed, with states worked out by hand from Anki's rules (see
//! `set_due` in `store::replay`) and FSRS-6's default parameters.

use chrono::NaiveDate;

use super::*;
use crate::scheduler::Phase;
use crate::scheduler::calendar::day_of_date;

fn set_due(date: &str, interval: Option<u32>) -> NewKind {
    NewKind::SetDue {
        due: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        interval,
    }
}

fn day(date: &str) -> Day {
    day_of_date(NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap())
}

fn undo(id: &str, target: &str, at: DateTime<FixedOffset>) -> Event<'static> {
    event(
        id,
        "d/a",
        at,
        NewKind::Undo {
            target: target.to_owned().into(),
        },
    )
}

#[test]
fn a_new_card_set_due_is_a_review_card_without_an_interval_or_a_memory() {
    let s = scheduler();
    let t0 = time(T0); // 2026-11-27
    let history = History::from_events(vec![
        event("1", "d/a", t0, set_due("2026-11-30", None)),
        // Setting it again keeps the interval at 0, as in Anki.
        event(
            "2",
            "d/a",
            t0 + Duration::minutes(1),
            set_due("2026-12-01", None),
        ),
    ]);
    let state = history.fold("d/a", &s, 0).state;
    assert_eq!(state.phase, Phase::Review);
    assert_eq!(state.due, Due::Day(day("2026-12-01")));
    assert_eq!(
        (
            state.scheduled_days,
            state.memory,
            state.reps,
            state.last_review
        ),
        (0, None, 0, None)
    );
}

#[test]
fn its_first_answer_starts_its_memory_as_a_first_answer_does() {
    let s = scheduler();
    let t0 = time(T0);
    let answered = t0 + Duration::days(3);
    let history = History::from_events(vec![
        event("1", "d/a", t0, set_due("2026-11-30", None)),
        event("2", "d/a", answered, answer(Rating::Good)),
    ]);
    let (folded, answers) = history.answers("d/a", &s);
    assert_eq!(answers.len(), 1);
    assert!(answers[0].first_ever);
    assert_eq!(answers[0].phase_before, Phase::Review);
    let memory = folded.state.memory.unwrap();
    // FSRS-6 defaults: Good's first stability is w2 = 2.3065 days, its difficulty
    // w4 - e^(2 w5) + 1 = 6.4133 - e^1.6668 + 1 = 2.1181.
    assert!((memory.stability - 2.3065).abs() < 1e-4, "{memory:?}");
    assert!((memory.difficulty - 2.1181).abs() < 1e-3, "{memory:?}");
    assert_eq!(folded.state.phase, Phase::Review);
}

#[test]
fn a_review_card_keeps_its_memory_and_its_interval_runs_from_the_last_answer() {
    let s = scheduler();
    let t0 = time(T0); // answered on 2026-11-27
    let easy = History::from_events(vec![event("1", "d/a", t0, answer(Rating::Easy))]);
    let before = easy.fold("d/a", &s, 0).state;
    assert_eq!(before.phase, Phase::Review);
    let mut history = History::from_events(vec![
        event("1", "d/a", t0, answer(Rating::Easy)),
        event(
            "2",
            "d/a",
            t0 + Duration::days(2),
            set_due("2026-12-07", None),
        ),
    ]);
    let state = history.fold("d/a", &s, 0).state;
    // 2026-11-27 to 2026-12-07.
    assert_eq!(
        (state.phase, state.due, state.scheduled_days),
        (Phase::Review, Due::Day(day("2026-12-07")), 10)
    );
    assert_eq!(
        (state.memory, state.reps, state.last_review),
        (before.memory, 1, before.last_review)
    );
    // `!`: the interval is the days given, whatever the last answer.
    history.push(event(
        "3",
        "d/a",
        t0 + Duration::days(2) + Duration::minutes(1),
        set_due("2026-12-03", Some(4)),
    ));
    let state = history.fold("d/a", &s, 0).state;
    assert_eq!(
        (state.due, state.scheduled_days),
        (Due::Day(day("2026-12-03")), 4)
    );
}

#[test]
fn learning_and_relearning_cards_become_review_cards() {
    let s = scheduler();
    let t0 = time(T0);
    // Good on a new card: the second learning step, no interval yet.
    let learning = History::from_events(vec![event("1", "d/a", t0, answer(Rating::Good))]);
    assert_eq!(
        learning.fold("d/a", &s, 0).state.phase,
        Phase::Learning { step: 1 }
    );
    let memory = learning.fold("d/a", &s, 0).state.memory;
    let history = History::from_events(vec![
        event("1", "d/a", t0, answer(Rating::Good)),
        event(
            "2",
            "d/a",
            t0 + Duration::minutes(2),
            set_due("2026-11-29", None),
        ),
    ]);
    let state = history.fold("d/a", &s, 0).state;
    assert_eq!(
        (state.phase, state.due, state.scheduled_days, state.memory),
        (Phase::Review, Due::Day(day("2026-11-29")), 0, memory)
    );
    // Easy, then Again ten days later (2026-12-07): relearning, with an interval; set due
    // five days after that lapse gives 5.
    let lapsed = t0 + Duration::days(10);
    let history = History::from_events(vec![
        event("1", "d/a", t0, answer(Rating::Easy)),
        event("2", "d/a", lapsed, answer(Rating::Again)),
        event(
            "3",
            "d/a",
            lapsed + Duration::minutes(1),
            set_due("2026-12-12", None),
        ),
    ]);
    let state = history.fold("d/a", &s, 0).state;
    assert_eq!(
        (state.phase, state.scheduled_days, state.lapses),
        (Phase::Review, 5, 1)
    );
}

#[test]
fn set_due_brings_a_suspended_buried_card_back_and_its_undo_restores_it() {
    let s = scheduler();
    let t0 = time(T0);
    let minute = |n| t0 + Duration::minutes(n);
    let mut history = History::from_events(vec![
        event("1", "d/a", minute(0), answer(Rating::Easy)),
        event("2", "d/a", minute(1), NewKind::Suspend),
        event("3", "d/a", minute(2), NewKind::Bury),
    ]);
    let before = history.fold("d/a", &s, 0);
    assert!(before.state.suspended && before.state.buried_until.is_some());
    history.push(event("4", "d/a", minute(3), set_due("2026-11-27", None)));
    let state = history.fold("d/a", &s, 0).state;
    assert_eq!(
        (state.suspended, state.buried_until, state.due),
        (false, None, Due::Day(day("2026-11-27")))
    );
    history.push(undo("5", "4", minute(4)));
    assert_eq!(history.fold("d/a", &s, 0), before);
}

#[test]
fn unbury_clears_a_bury_and_its_undo_buries_again() {
    let s = scheduler();
    let t0 = time(T0);
    let today = s.calendar().day(t0);
    let mut history = History::from_events(vec![
        event("1", "d/a", t0, NewKind::Bury),
        event("2", "d/a", t0 + Duration::minutes(1), NewKind::Unbury),
    ]);
    assert_eq!(history.fold("d/a", &s, today).state.buried_until, None);
    history.push(undo("3", "2", t0 + Duration::minutes(2)));
    assert_eq!(
        history.fold("d/a", &s, today).state.buried_until,
        Some(today + 1)
    );
}

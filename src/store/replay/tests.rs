use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::practice::{LearnLevel, Mode, Practice, Question};
use crate::scheduler::{Due, Rating, Settings};
use crate::store::event::{Event, REVIEW_MODE};
use crate::store::event::{NewEvent, NewKind};

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn event(id: &str, card: &str, at: DateTime<FixedOffset>, kind: NewKind) -> Event<'static> {
    NewEvent {
        id: id.into(),
        time: at,
        card: (!card.is_empty()).then(|| card.into()),
        deck: None,
        kind,
    }
    .to_event()
    .into_owned()
}

fn answer(rating: Rating) -> NewKind {
    NewKind::answer(rating, None, REVIEW_MODE, None)
}

fn scheduler() -> Scheduler {
    Scheduler::new(Settings::default()).unwrap()
}

const T0: &str = "2026-11-27T10:00:00+01:00";

#[test]
fn replay_matches_answering_directly() {
    let s = scheduler();
    let t0 = time(T0);
    let events = vec![
        event("1", "d/a", t0, answer(Rating::Good)),
        event("2", "d/a", t0 + Duration::minutes(10), answer(Rating::Good)),
    ];
    let direct = s.answer(&CardState::default(), "d/a", Rating::Good, t0).0;
    let direct = s
        .answer(&direct, "d/a", Rating::Good, t0 + Duration::minutes(10))
        .0;
    let history = History::from_events(events);
    let folded = history.fold("d/a", &s, s.calendar().day(t0));
    assert_eq!(folded.state, direct);
    assert!(folded.new_that_day);
    assert_eq!(folded.reviews_that_day, 0);
    assert_eq!(history.fold("d/unknown", &s, 0), Folded::default());
}

#[test]
fn order_of_files_and_duplicates_do_not_matter() {
    let s = scheduler();
    let t0 = time(T0);
    let a = event("1", "d/a", t0, answer(Rating::Good));
    let b = event("2", "d/a", t0 + Duration::minutes(10), answer(Rating::Easy));
    let c = event("3", "d/a", t0 + Duration::days(9), answer(Rating::Hard));
    let day = s.calendar().day(t0);
    let one = History::from_events(vec![a.clone(), b.clone(), c.clone()]).fold("d/a", &s, day);
    let two =
        History::from_events(vec![c.clone(), a.clone(), b.clone(), a, c]).fold("d/a", &s, day);
    assert_eq!(one, two);
    assert_eq!(one.state.reps, 3);
}

#[test]
fn undo_restores_the_exact_previous_state() {
    let s = scheduler();
    let t0 = time(T0);
    let first = event("1", "d/a", t0, answer(Rating::Good));
    let before = History::from_events(vec![first.clone()]).fold("d/a", &s, 0);
    let second = event(
        "2",
        "d/a",
        t0 + Duration::minutes(10),
        answer(Rating::Again),
    );
    let undo = event(
        "3",
        "",
        t0 + Duration::minutes(11),
        NewKind::Undo { target: "2".into() },
    );
    let mut history = History::from_events(vec![first, second]);
    assert_ne!(history.fold("d/a", &s, 0).state, before.state);
    assert!(history.push(undo.clone()));
    assert!(!history.push(undo), "a duplicate is ignored");
    assert_eq!(history.fold("d/a", &s, 0).state, before.state);
    assert!(history.is_cancelled(crate::store::event::key_of("2")));
    assert_eq!(history.event_count(), 3);
}

#[test]
fn bury_suspend_unsuspend_and_forget() {
    let s = scheduler();
    let t0 = time(T0);
    let day = s.calendar().day(t0);
    let mut history = History::from_events(vec![
        event("1", "d/a", t0, answer(Rating::Easy)),
        event("2", "d/a", t0 + Duration::minutes(1), NewKind::Bury),
    ]);
    let folded = history.fold("d/a", &s, day);
    assert_eq!(folded.state.buried_until, Some(day + 1));
    assert!(matches!(folded.state.due, Due::Day(_)));

    history.push(event(
        "3",
        "d/a",
        t0 + Duration::minutes(2),
        NewKind::Suspend,
    ));
    assert!(history.fold("d/a", &s, day).state.suspended);
    history.push(event(
        "4",
        "d/a",
        t0 + Duration::minutes(3),
        NewKind::Unsuspend,
    ));
    assert!(!history.fold("d/a", &s, day).state.suspended);
    history.push(event(
        "5",
        "d/a",
        t0 + Duration::minutes(4),
        NewKind::Forget,
    ));
    assert_eq!(history.fold("d/a", &s, day).state, CardState::default());
}

#[test]
fn practice_answers_do_not_move_the_schedule() {
    let s = scheduler();
    let t0 = time(T0);
    let history = History::from_events(vec![event(
        "1",
        "d/a",
        t0,
        NewKind::answer(Rating::Again, None, Mode::Learn, None),
    )]);
    assert_eq!(history.fold("d/a", &s, 0).state, CardState::default());
    assert_eq!(history.cards().collect::<Vec<_>>(), [("d/a", 1)]);
}

#[test]
fn reviews_of_review_cards_count_for_the_day_they_happened() {
    let s = scheduler();
    let t0 = time(T0);
    let graduated = t0 + Duration::minutes(1);
    let history = History::from_events(vec![
        event("1", "d/a", t0, answer(Rating::Easy)),
        event("2", "d/a", t0 + Duration::days(20), answer(Rating::Good)),
        event(
            "3",
            "d/a",
            t0 + Duration::days(20) + Duration::hours(1),
            answer(Rating::Good),
        ),
    ]);
    let calendar = s.calendar();
    let later = history.fold("d/a", &s, calendar.day(t0 + Duration::days(20)));
    assert_eq!((later.new_that_day, later.reviews_that_day), (false, 2));
    let first_day = history.fold("d/a", &s, calendar.day(graduated));
    assert_eq!(
        (first_day.new_that_day, first_day.reviews_that_day),
        (true, 0)
    );
    let all = history.fold_all(&s, calendar.day(graduated));
    assert_eq!(all.get("d/a"), Some(&first_day));
}

fn practice(
    id: &str,
    card: &str,
    at: DateTime<FixedOffset>,
    mode: &'static str,
    question: &'static str,
    right: bool,
) -> Event<'static> {
    let rating = if right { Rating::Good } else { Rating::Again };
    event(
        id,
        card,
        at,
        NewKind::answer(
            rating,
            None,
            Mode::parse(mode),
            Some(Question::parse(question)),
        ),
    )
}

fn deck_event(id: &str, deck: &str, at: DateTime<FixedOffset>, kind: NewKind) -> Event<'static> {
    NewEvent {
        id: id.into(),
        time: at,
        card: None,
        deck: Some(deck.into()),
        kind,
    }
    .to_event()
    .into_owned()
}

#[test]
fn stars_learn_levels_and_sorting_are_replayed_without_touching_the_schedule() {
    let s = scheduler();
    let t = time(T0);
    let minute = |n| t + Duration::minutes(n);
    let history = History::from_events(vec![
        event("s1", "d/a", minute(0), NewKind::Star),
        practice("l1", "d/a", minute(1), "learn", "choice", true),
        practice("l2", "d/b", minute(1), "learn", "choice", true),
        practice("l3", "d/b", minute(2), "learn", "written", true),
        practice("l4", "d/c", minute(2), "learn", "written", true),
        practice("l5", "d/c", minute(3), "learn", "true_false", false),
        practice("o1", "d/a", minute(4), "sort", "flashcard", false),
        practice("o2", "d/b", minute(4), "sort", "flashcard", true),
    ]);
    let fold = |card| history.fold(card, &s, 0);
    assert_eq!(
        fold("d/a").practice,
        Practice {
            starred: true,
            learn: LearnLevel::Familiar,
            sorted_known: Some(false)
        }
    );
    assert_eq!(fold("d/b").practice.learn, LearnLevel::Mastered);
    // Mastered, then missed: back to familiar.
    assert_eq!(fold("d/c").practice.learn, LearnLevel::Familiar);
    assert_eq!(fold("d/a").state, CardState::default());
}

#[test]
fn a_reset_starts_sorting_over_and_results_are_kept_per_deck() {
    let s = scheduler();
    let t = time(T0);
    let mut history = History::from_events(vec![
        practice("o1", "d/a", t, "sort", "flashcard", true),
        event("s1", "d/a", t, NewKind::Star),
        event("s2", "d/a", t + Duration::minutes(1), NewKind::Unstar),
        deck_event(
            "r1",
            "d",
            t + Duration::minutes(2),
            NewKind::Result {
                mode: "match".into(),
                ms: Some(31_400),
                mistakes: Some(2),
                score: None,
                questions: None,
            },
        ),
    ]);
    assert_eq!(history.fold("d/a", &s, 0).practice.sorted_known, Some(true));
    assert!(!history.fold("d/a", &s, 0).practice.starred);
    history.push(deck_event(
        "x1",
        "d",
        t + Duration::minutes(3),
        NewKind::Reset {
            mode: "sort".into(),
        },
    ));
    assert_eq!(history.fold("d/a", &s, 0).practice.sorted_known, None);
    let results = history.results("d");
    assert_eq!(results.len(), 1);
    assert_eq!(
        (results[0].mode, results[0].ms, results[0].mistakes),
        (Mode::Match, Some(31_400), Some(2))
    );
    assert!(history.results("other").is_empty());
    assert_eq!(history.event_count(), 5);
}

mod set_due;

//! Relinks replayed: the old id's events are the new card's, once, whatever order they
//! arrive in, and an undo puts them back.

use chrono::{DateTime, Duration, FixedOffset};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::scheduler::{Rating, Scheduler, Settings};
use crate::store::event::{Event, NewEvent, NewKind, REVIEW_MODE};
use crate::store::{CardId, Folded, History};

const OLD: &str = "d/old";
const NEW: &str = "d/new";

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

fn scheduler() -> Scheduler {
    Scheduler::new(Settings::default()).unwrap()
}

fn event(id: &str, card: &str, at: DateTime<FixedOffset>, kind: NewKind) -> Event<'static> {
    NewEvent {
        id: id.into(),
        time: at,
        card: Some(card.into()),
        deck: None,
        kind,
    }
    .to_event()
    .into_owned()
}

fn good(id: &str, card: &str, at: DateTime<FixedOffset>) -> Event<'static> {
    event(
        id,
        card,
        at,
        NewKind::answer(Rating::Good, None, REVIEW_MODE, None),
    )
}

fn relink(id: &str, from: &str, to: &str, at: DateTime<FixedOffset>) -> Event<'static> {
    event(
        id,
        to,
        at,
        NewKind::Relink {
            from: from.to_owned().into(),
        },
    )
}

fn undo(id: &str, target: &str, at: DateTime<FixedOffset>) -> Event<'static> {
    event(
        id,
        NEW,
        at,
        NewKind::Undo {
            target: target.to_owned().into(),
        },
    )
}

/// The state of `card` had these answers been given to it (in time order).
fn answered(card: &str, times: &[DateTime<FixedOffset>]) -> Folded {
    let events = times
        .iter()
        .enumerate()
        .map(|(i, &at)| good(&format!("direct{i}"), card, at))
        .collect();
    History::from_events(events).fold(card, &scheduler(), 0)
}

/// Two answers to the old id, then the relink a day later.
fn relinked() -> (Vec<Event<'static>>, [DateTime<FixedOffset>; 2]) {
    let times = [t0(), t0() + Duration::minutes(10)];
    let events = vec![
        good("a1", OLD, times[0]),
        good("a2", OLD, times[1]),
        relink("r", OLD, NEW, t0() + Duration::days(1)),
    ];
    (events, times)
}

#[test]
fn the_old_history_replays_as_the_new_cards_once_until_undone() {
    let s = scheduler();
    let (events, times) = relinked();
    let mut history = History::from_events(events);
    assert_eq!(history.fold(NEW, &s, 0), answered(NEW, &times));
    assert_eq!(history.fold(OLD, &s, 0), Folded::default());
    assert_eq!(history.answers(NEW, &s).1.len(), 2);
    let every: usize = history
        .every_answer(&s)
        .map(|(_, answers)| answers.len())
        .sum();
    assert_eq!(every, 2, "the old id's answers are not counted again");
    assert_eq!(history.histories().collect::<Vec<_>>(), [(NEW, 2)]);
    assert_eq!(history.relinked_to(OLD), Some(NEW));
    assert_eq!((history.events_of(NEW), history.events_of(OLD)), (2, 0));
    assert_eq!(history.event_count(), 3);
    // Card info: the new card's history holds the two answers, the old id's nothing.
    assert_eq!(
        (history.trace(NEW, &s).len(), history.trace(OLD, &s).len()),
        (2, 0)
    );
    assert!(history.has_answers(NEW) && !history.has_answers(OLD));

    assert!(history.push(undo("u", "r", t0() + Duration::days(2))));
    assert_eq!(history.fold(NEW, &s, 0), Folded::default());
    assert_eq!(history.fold(OLD, &s, 0), answered(OLD, &times));
    assert_eq!(history.histories().collect::<Vec<_>>(), [(OLD, 2)]);
    assert_eq!(history.relinked_to(OLD), None);
}

#[test]
fn onto_a_card_with_its_own_history_the_two_merge_in_time_order() {
    let s = scheduler();
    let day = Duration::days(1);
    let history = History::from_events(vec![
        good("o1", OLD, t0()),
        good("n1", NEW, t0() + day),
        good("o2", OLD, t0() + day * 2),
        relink("r", OLD, NEW, t0() + day * 3),
    ]);
    let merged = answered(NEW, &[t0(), t0() + day, t0() + day * 2]);
    assert_eq!(history.fold(NEW, &s, 0), merged);
    assert_eq!(history.histories().collect::<Vec<_>>(), [(NEW, 3)]);
}

/// Every order of `events`, as whole files, one event at a time, and as a replay brought up
/// to date after any first part of them, folds to `expected`.
fn check_every_arrival_order(events: &[Event<'static>], expected: &FxHashMap<CardId, Folded>) {
    let s = scheduler();
    for order in permutations(events.len()) {
        let arrived: Vec<Event<'static>> = order.iter().map(|&i| events[i].clone()).collect();
        let whole = History::from_events(arrived.clone());
        assert_eq!(&whole.fold_all(&s, 0), expected, "{order:?} at once");
        let mut one_by_one = History::default();
        for event in &arrived {
            one_by_one.push(event.clone());
        }
        assert_eq!(
            &one_by_one.fold_all(&s, 0),
            expected,
            "{order:?} one by one"
        );
        for split in 0..arrived.len() {
            let mut history = History::from_events(arrived[..split].to_vec());
            let before = history.fold_each(&s, 0);
            history.track_changes();
            history.extend(arrived[split..].to_vec());
            history.finish();
            let changed = history.take_changes();
            let states = history.refold(&s, 0, before, 0, &changed);
            assert_eq!(
                &history.by_card(states),
                expected,
                "{order:?}, brought up to date after {split}"
            );
        }
    }
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut all = Vec::new();
    for rest in permutations(n - 1) {
        for at in 0..=rest.len() {
            let mut order = rest.clone();
            order.insert(at, n - 1);
            all.push(order);
        }
    }
    all
}

#[test]
fn the_order_events_arrive_in_does_not_matter() {
    let (mut events, times) = relinked();
    // Studied under its new id after the relink.
    let later = t0() + Duration::days(4);
    events.push(good("n1", NEW, later));
    let expected: FxHashMap<CardId, Folded> = [
        (
            CardId::new(NEW),
            answered(NEW, &[times[0], times[1], later]),
        ),
        (CardId::new(OLD), Folded::default()),
    ]
    .into_iter()
    .collect();
    check_every_arrival_order(&events, &expected);

    events.push(undo("u", "r", t0() + Duration::days(5)));
    let expected: FxHashMap<CardId, Folded> = [
        (CardId::new(NEW), answered(NEW, &[later])),
        (CardId::new(OLD), answered(OLD, &times)),
    ]
    .into_iter()
    .collect();
    check_every_arrival_order(&events, &expected);
}

#[test]
fn chains_are_followed_and_a_cycle_breaks_at_its_oldest_link() {
    let day = Duration::days(1);
    let answers = || {
        vec![
            good("a", "d/a", t0()),
            good("b", "d/b", t0() + Duration::minutes(10)),
        ]
    };
    let mut chain = answers();
    chain.push(relink("ab", "d/a", "d/b", t0() + day));
    chain.push(relink("bc", "d/b", "d/c", t0() + day * 2));
    let history = History::from_events(chain);
    assert_eq!(history.histories().collect::<Vec<_>>(), [("d/c", 2)]);
    assert_eq!(history.relinked_to("d/a"), Some("d/c"));

    // One device relinked a to b, another later b to a: the later one wins.
    let mut cycle = answers();
    cycle.push(relink("ab", "d/a", "d/b", t0() + day));
    cycle.push(relink("ba", "d/b", "d/a", t0() + day * 2));
    let history = History::from_events(cycle);
    assert_eq!(history.histories().collect::<Vec<_>>(), [("d/a", 2)]);
    assert_eq!(history.relinked_to("d/b"), Some("d/a"));
    assert_eq!(history.relinked_to("d/a"), None);
}

#[test]
fn an_id_relinked_twice_goes_where_the_latest_relink_not_undone_says() {
    let day = Duration::days(1);
    let mut history = History::from_events(vec![
        good("a", OLD, t0()),
        relink("r1", OLD, "d/first", t0() + day),
        relink("r2", OLD, "d/second", t0() + day * 2),
    ]);
    assert_eq!(history.relinked_to(OLD), Some("d/second"));
    history.push(undo("u", "r2", t0() + day * 3));
    assert_eq!(history.relinked_to(OLD), Some("d/first"));
}

#[test]
fn change_tracking_marks_both_cards_and_the_card_taking_in_new_events() {
    let (events, _) = relinked();
    let mut history = History::from_events(events[..2].to_vec());
    let changed_cards = |history: &mut History| -> Vec<String> {
        let changed = history.take_changes();
        history
            .cards()
            .zip(changed)
            .filter(|(_, changed)| *changed)
            .map(|((card, _), _)| card.to_owned())
            .collect()
    };
    history.track_changes();
    history.push(events[2].clone());
    assert_eq!(changed_cards(&mut history), [OLD, NEW]);
    // Another device answered under the old id: the new card replays again.
    history.track_changes();
    history.push(good("a3", OLD, t0() + Duration::days(2)));
    assert_eq!(changed_cards(&mut history), [OLD, NEW]);
    history.track_changes();
    history.push(undo("u", "r", t0() + Duration::days(3)));
    assert_eq!(changed_cards(&mut history), [OLD, NEW]);
}

//! Properties of the scheduler and of replay, on random answer histories:
//! - a review card's passing intervals are at least a day and keep Hard ≤ Good ≤ Easy;
//! - stability stays above 0 and difficulty within [1, 10];
//! - undoing the last answer gives back exactly the state before it;
//! - replay does not depend on the order events arrive in, or on events seen twice;
//! - a replay snapshot and the lines appended after it replay as the whole log does;
//! - with relinks, replay does not depend on the order events arrive in either, and counts
//!   each answer once.

use chrono::{DateTime, Duration, FixedOffset};
use flashdeck::scheduler::{CardState, Due, Phase, Rating, Scheduler, Settings};
use flashdeck::store::{EventKind, History, NewEvent};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rayon::prelude::*;

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-01-05T09:00:00+01:00").expect("a fixed time")
}

/// Answers as (rating index 0..4, minutes since the previous answer, up to 60 days).
fn answers() -> impl Strategy<Value = Vec<(usize, i64)>> {
    prop::collection::vec((0usize..4, 0i64..60 * 24 * 60), 1..40)
}

fn scheduler(retention: u32, fuzz: bool) -> Scheduler {
    Scheduler::new(Settings {
        desired_retention: f32::from(u16::try_from(retention).expect("small")) / 100.0,
        fuzz,
        ..Settings::default()
    })
    .expect("valid settings")
}

fn review(id: String, card: &str, rating: Rating, time: DateTime<FixedOffset>) -> NewEvent {
    NewEvent {
        id,
        time,
        card: Some(card.to_owned()),
        deck: None,
        kind: EventKind::answer(rating, None, flashdeck::practice::Mode::Review, None),
    }
}

fn history(events: &[NewEvent]) -> History {
    History::from_events(events.iter().map(NewEvent::to_event).collect())
}

/// Days from `today` to a review card's due day.
fn days_until(state: &CardState, today: i32) -> Option<i32> {
    match (state.phase, state.due) {
        (Phase::Review, Due::Day(day)) => Some(day - today),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn intervals_and_memory_stay_in_bounds(
        answers in answers(),
        retention in 70u32..=99,
        fuzz in any::<bool>(),
    ) {
        let scheduler = scheduler(retention, fuzz);
        let calendar = scheduler.calendar();
        let (mut state, mut now) = (CardState::default(), start());
        for (rating, gap) in answers {
            now += Duration::minutes(gap);
            let today = calendar.day(now);
            let next = Rating::ALL.map(|r| scheduler.answer(&state, "deck/card", r, now).0);
            for after in &next {
                let memory = after.memory.expect("an answered card has a memory state");
                prop_assert!(memory.stability > 0.0, "stability {}", memory.stability);
                prop_assert!(
                    (1.0..=10.0).contains(&memory.difficulty),
                    "difficulty {}",
                    memory.difficulty
                );
            }
            if state.phase == Phase::Review {
                let [_, hard, good, easy] = next.each_ref().map(|s| days_until(s, today));
                // Passing a review card keeps it in review, at least a day out, in order.
                let (hard, good, easy) = (hard.unwrap(), good.unwrap(), easy.unwrap());
                prop_assert!(hard >= 1, "hard {hard}");
                prop_assert!(hard <= good && good <= easy, "{hard} {good} {easy}");
            }
            state = next[rating].clone();
        }
    }

    #[test]
    fn undoing_the_last_answer_restores_the_state_before_it(
        answers in answers(),
        fuzz in any::<bool>(),
    ) {
        let scheduler = scheduler(90, fuzz);
        let mut events = Vec::new();
        let mut now = start();
        for (i, (rating, gap)) in answers.iter().enumerate() {
            now += Duration::minutes(*gap);
            events.push(review(format!("e{i}"), "d/c", Rating::ALL[*rating], now));
        }
        let last = events.last().expect("at least one answer").clone();
        let before = history(&events[..events.len() - 1]).fold("d/c", &scheduler, 0);
        let mut undone = events.clone();
        undone.push(NewEvent {
            id: "undo".to_owned(),
            time: last.time + Duration::seconds(5),
            card: last.card.clone(),
            deck: None,
            kind: EventKind::Undo { target: last.id.clone().into() },
        });
        let after = history(&undone).fold("d/c", &scheduler, 0);
        prop_assert_eq!(after.state, before.state);
    }

    #[test]
    fn replay_ignores_arrival_order_and_repeated_events(
        answers in prop::collection::vec((0usize..3, 0usize..4, 0i64..20 * 24 * 60), 1..60),
        seed in any::<u64>(),
        repeats in prop::collection::vec(any::<prop::sample::Index>(), 0..10),
    ) {
        let scheduler = scheduler(90, true);
        let mut events = Vec::new();
        let mut now = start();
        for (i, (card, rating, gap)) in answers.iter().enumerate() {
            now += Duration::minutes(*gap / 3);
            events.push(review(format!("e{i}"), &format!("d/c{card}"), Rating::ALL[*rating], now));
        }
        let day = scheduler.calendar().day(now);
        let expected = history(&events).fold_all(&scheduler, day);
        // Another device's file read first, a copy of some lines: a shuffle with repeats.
        let mut mixed = events.clone();
        mixed.extend(repeats.iter().map(|i| events[i.index(events.len())].clone()));
        mixed.shuffle(&mut StdRng::seed_from_u64(seed));
        prop_assert_eq!(history(&mixed).fold_all(&scheduler, day), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The replay snapshot is only a cache: a snapshot taken at any point of a log, then the
    /// rest of the log appended (answers, an undo of an answer the snapshot holds), on any day
    /// after, replays to the same states as the whole log read from the start.
    #[test]
    fn a_snapshot_and_the_lines_after_it_replay_as_the_whole_log(
        answers in prop::collection::vec((0usize..4, 0usize..4, 0i64..5 * 24 * 60), 2..40),
        split in any::<prop::sample::Index>(),
        undo in any::<prop::sample::Index>(),
        days_later in 0i32..3,
    ) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let store = flashdeck::store::Store::new(dir.path(), "pc");
        let scheduler = scheduler(90, true);
        let mut events = Vec::new();
        let mut now = start();
        for (i, (card, rating, gap)) in answers.iter().enumerate() {
            now += Duration::minutes(*gap);
            events.push(review(format!("e{i}"), &format!("d/c{card}"), Rating::ALL[*rating], now));
        }
        let split = split.index(events.len());
        let snapshot_day = scheduler.calendar().day(events[split].time);
        for event in &events[..=split] {
            store.append(event).expect("append");
        }
        let replayed = store
            .replay(&scheduler, snapshot_day, flashdeck::store::Events::OnDemand)
            .expect("replay");
        let states: Vec<_> = replayed.states.iter().map(|(_, f)| f.clone()).collect();
        store
            .write_snapshot(&scheduler, snapshot_day, &replayed.history, states, &replayed.position, &[])
            .expect("snapshot");
        for event in &events[split + 1..] {
            store.append(event).expect("append");
        }
        let target = events[undo.index(split + 1)].clone();
        store
            .append(&NewEvent {
                id: "undo".to_owned(),
                time: now + Duration::seconds(1),
                card: target.card.clone(),
                deck: None,
                kind: EventKind::Undo { target: target.id.clone().into() },
            })
            .expect("append");

        let day = scheduler.calendar().day(now) + days_later;
        let from_snapshot = store
            .replay(&scheduler, day, flashdeck::store::Events::OnDemand)
            .expect("replay");
        let from_the_snapshot =
            matches!(from_snapshot.source, flashdeck::store::Source::Snapshot { .. });
        prop_assert!(from_the_snapshot, "{:?}", from_snapshot.source);
        let mut got: Vec<_> = from_snapshot.states.into_iter().collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        let (whole, _) = store.history().expect("log");
        let mut expected: Vec<_> = whole
            .cards()
            .map(|(c, _)| Box::<str>::from(c))
            .zip(whole.fold_each(&scheduler, day))
            .collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(got, expected);
    }
}

/// Answers to four cards, relinks between them (cycles and chains included) and undos of
/// some of the relinks, in time order.
fn answers_and_relinks(
    answers: &[(usize, usize, i64)],
    relinks: &[(usize, usize, usize)],
    undone: &[prop::sample::Index],
) -> Vec<NewEvent> {
    let mut events = Vec::new();
    let mut now = start();
    for (i, (card, rating, gap)) in answers.iter().enumerate() {
        now += Duration::minutes(*gap);
        events.push(review(
            format!("e{i}"),
            &format!("d/c{card}"),
            Rating::ALL[*rating],
            now,
        ));
        // Relinks fall between answers, by position.
        for (j, &(at, from, to)) in relinks.iter().enumerate() {
            if at % answers.len() == i {
                events.push(NewEvent {
                    id: format!("r{j}"),
                    time: now + Duration::seconds(1),
                    card: Some(format!("d/c{to}")),
                    deck: None,
                    kind: EventKind::Relink {
                        from: format!("d/c{from}").into(),
                    },
                });
            }
        }
    }
    for (k, index) in undone.iter().enumerate() {
        if relinks.is_empty() {
            break;
        }
        events.push(NewEvent {
            id: format!("u{k}"),
            time: now + Duration::seconds(2),
            card: None,
            deck: None,
            kind: EventKind::Undo {
                target: format!("r{}", index.index(relinks.len())).into(),
            },
        });
    }
    events
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// With relinks in the log, every card folds the same whether the events come at once in
    /// any order, one at a time, or after a replay of any first part of them; and every answer
    /// is counted once.
    #[test]
    fn relinks_replay_the_same_in_any_arrival_order(
        answers in prop::collection::vec((0usize..4, 0usize..4, 0i64..3 * 24 * 60), 1..25),
        relinks in prop::collection::vec((0usize..25, 0usize..4, 0usize..4), 0..5),
        undone in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        seed in any::<u64>(),
        split in any::<prop::sample::Index>(),
    ) {
        let scheduler = scheduler(90, true);
        let events = answers_and_relinks(&answers, &relinks, &undone);
        let day = scheduler.calendar().day(start());
        let expected = history(&events).fold_all(&scheduler, day);
        let mut mixed = events.clone();
        mixed.shuffle(&mut StdRng::seed_from_u64(seed));
        prop_assert_eq!(&history(&mixed).fold_all(&scheduler, day), &expected);

        let mut one_by_one = History::default();
        for event in &mixed {
            one_by_one.push(event.to_event());
        }
        prop_assert_eq!(&one_by_one.fold_all(&scheduler, day), &expected);

        let split = split.index(mixed.len() + 1);
        let mut later = history(&mixed[..split]);
        let before = later.fold_each(&scheduler, day);
        later.track_changes();
        later.extend(mixed[split..].iter().map(NewEvent::to_event));
        later.finish();
        let changed = later.take_changes();
        let states = later.refold(&scheduler, day, before, day, &changed);
        prop_assert_eq!(&later.by_card(states), &expected);

        let counted: usize = later.every_answer(&scheduler).map(|(_, a)| a.len()).sum();
        prop_assert_eq!(counted, answers.len());
        let histories: usize = later.histories().map(|(_, n)| n).sum();
        prop_assert_eq!(histories, answers.len());
    }
}

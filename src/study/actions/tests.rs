use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::search::{Index, Query};
use crate::study::tests::{review, study_with, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

fn choice(text: &str) -> DueChoice {
    DueChoice::parse(text).unwrap()
}

#[test]
fn set_due_days_read_in_the_four_forms() {
    let cases = [
        ("0", (0, 0, false)),
        ("3", (3, 3, false)),
        (" 1-7 ", (1, 7, false)),
        ("5!", (5, 5, true)),
        ("1-7!", (1, 7, true)),
        ("36500", (36_500, 36_500, false)),
    ];
    for (text, (min, max, resets_interval)) in cases {
        let expected = DueChoice {
            min,
            max,
            resets_interval,
        };
        assert_eq!(DueChoice::parse(text), Ok(expected), "{text}");
    }
}

#[test]
fn bad_set_due_days_say_what_is_wrong() {
    let not_days = |text: &str| DueChoiceError::NotDays(text.to_owned());
    let cases = [
        ("", not_days("")),
        ("x", not_days("x")),
        ("3d", not_days("3d")),
        ("1-", not_days("1-")),
        ("1-7-9", not_days("1-7-9")),
        ("5!!", not_days("5!!")),
        ("!", not_days("!")),
        ("-5", DueChoiceError::Negative("-5".to_owned())),
        ("-1-3", DueChoiceError::Negative("-1-3".to_owned())),
        ("7-1", DueChoiceError::Reversed { min: 7, max: 1 }),
        ("36501", DueChoiceError::TooFar("36501".to_owned())),
        (
            "1-99999999999",
            DueChoiceError::TooFar("1-99999999999".to_owned()),
        ),
    ];
    for (text, error) in cases {
        assert_eq!(DueChoice::parse(text), Err(error), "{text}");
    }
    assert_eq!(
        DueChoiceError::Reversed { min: 7, max: 1 }.to_string(),
        "the range `7-1` runs backwards; write `1-7`"
    );
}

#[test]
fn a_range_spreads_cards_over_every_day_in_it_and_only_those() {
    let now = time(NOW);
    let spread = choice("1-7");
    let days: Vec<u32> = (0..1000)
        .map(|i| spread.days_for(&format!("d/c{i}"), now))
        .collect();
    assert!(days.iter().all(|d| (1..=7).contains(d)), "{days:?}");
    for day in 1..=7 {
        assert!(days.contains(&day), "no card on day {day}");
    }
    // The same card at the same moment: the same day, so a test (or a replay) can rely on it.
    assert_eq!(spread.days_for("d/c1", now), days[1]);
    assert_eq!(choice("3").days_for("d/c1", now), 3);
}

#[test]
fn choices_read_back_in_words() {
    let cases = [
        ("0", "today"),
        ("1", "in 1 day"),
        ("3", "in 3 days"),
        ("1-7", "in 1-7 days"),
        ("5!", "in 5 days, interval reset to match"),
    ];
    for (text, words) in cases {
        assert_eq!(choice(text).to_string(), words);
    }
}

/// Cards `d/c0`..`d/c2`: c0 suspended, c1 buried today, c2 studied and starred.
fn mixed_study(now: DateTime<FixedOffset>) -> Study {
    let earlier = now - Duration::hours(1);
    let events = [
        NewEvent::for_card("d/c0", earlier, NewKind::Suspend),
        NewEvent::for_card("d/c1", earlier, NewKind::Bury),
        review("r", "d/c2", Rating::Easy, earlier),
        NewEvent::for_card("d/c2", earlier, NewKind::Star),
    ];
    study_with(3, Settings::default(), &events, now)
}

#[test]
fn each_action_writes_an_event_only_for_the_cards_it_changes() {
    let now = time(NOW);
    let study = mixed_study(now);
    let all = ["d/c0", "d/c1", "d/c2"];
    let cases = [
        (CardAction::Suspend, vec!["d/c1", "d/c2"]),
        (CardAction::Unsuspend, vec!["d/c0"]),
        (CardAction::Bury, vec!["d/c0", "d/c2"]),
        (CardAction::Unbury, vec!["d/c1"]),
        (CardAction::Forget, vec!["d/c2"]),
        (CardAction::Star, vec!["d/c0", "d/c1"]),
        (CardAction::Unstar, vec!["d/c2"]),
    ];
    for (action, changed) in cases {
        let events = action.events(&study, &all, now);
        let cards: Vec<&str> = events.iter().filter_map(|e| e.card.as_deref()).collect();
        assert_eq!(cards, changed, "{action:?}");
        assert!(events.iter().all(|e| e.time == now), "{action:?}");
    }
    let twice = CardAction::Suspend.events(&study, &["d/c1", "d/c1"], now);
    assert_eq!(twice.len(), 1);
    assert_eq!(
        CardAction::Suspend.summary(2, 1),
        "suspended 2 cards (1 card already suspended)"
    );
    assert_eq!(CardAction::Unbury.summary(1, 0), "unburied 1 card");
}

#[test]
fn set_due_writes_the_day_and_the_reset_interval_and_skips_cards_already_set() {
    let now = time(NOW); // 2026-11-27
    let mut study = mixed_study(now);
    let cards = ["d/c0", "d/c1", "d/c2"];
    let events = CardAction::SetDue(choice("3")).events(&study, &cards, now);
    let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let expected = NewKind::SetDue {
        due,
        interval: None,
    };
    assert!(events.iter().all(|e| e.kind == expected), "{events:?}");
    assert_eq!(events.len(), 3);
    study.record_all(&events);
    assert!(
        CardAction::SetDue(choice("3"))
            .events(&study, &cards, now)
            .is_empty()
    );
    // `0!`: due today, with the shortest interval there is, a day.
    let reset = CardAction::SetDue(choice("0!")).events(&study, &["d/c2"], now);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    assert_eq!(
        reset[0].kind,
        NewKind::SetDue {
            due: today,
            interval: Some(1)
        }
    );
    assert_eq!(
        CardAction::SetDue(choice("1-7")).summary(3, 0),
        "set 3 cards due in 1-7 days"
    );
}

#[test]
fn undoing_a_bulk_action_gives_back_every_state() {
    let now = time(NOW);
    let mut study = mixed_study(now);
    let cards = ["d/c0", "d/c1", "d/c2"];
    let before: Vec<_> = cards.iter().map(|c| study.state(c).clone()).collect();
    let done = CardAction::SetDue(choice("1-7!")).events(&study, &cards, now);
    study.record_all(&done);
    assert!(
        cards
            .iter()
            .all(|c| study.state(c).phase == crate::scheduler::Phase::Review)
    );
    let undos = undo_events(&done, now + Duration::seconds(5));
    assert_eq!(undos.len(), done.len());
    for (undo, event) in undos.iter().zip(&done) {
        let target = NewKind::Undo {
            target: event.id.clone().into(),
        };
        assert_eq!((&undo.kind, &undo.card), (&target, &event.card));
    }
    study.record_all(&undos);
    let after: Vec<_> = cards.iter().map(|c| study.state(c).clone()).collect();
    assert_eq!(after, before);
}

/// A study whose log has two answers to `d/gone`, a card no deck has any more.
fn orphaned(now: DateTime<FixedOffset>) -> Study {
    let events = [
        review("g1", "d/gone", Rating::Good, now - Duration::days(3)),
        review("g2", "d/gone", Rating::Good, now - Duration::days(2)),
        review("c", "d/c1", Rating::Good, now - Duration::days(2)),
    ];
    study_with(3, Settings::default(), &events, now)
}

#[test]
fn a_relink_is_refused_unless_it_moves_an_orphan_onto_a_card_not_studied() {
    let now = time(NOW);
    let study = orphaned(now);
    let refused = |old: &str, new: &str| relink_event(&study, old, new, now).unwrap_err();
    assert_eq!(
        refused("d/c0", "d/c2"),
        RelinkError::OldIsACard("d/c0".into())
    );
    assert_eq!(
        refused("d/never", "d/c2"),
        RelinkError::NoHistory("d/never".into())
    );
    assert_eq!(
        refused("d/gone", "d/nope"),
        RelinkError::NoCard("d/nope".into())
    );
    let studied = refused("d/gone", "d/c1");
    assert_eq!(
        studied.to_string(),
        "`d/c1` already has a history of its own (1 event); relink only onto a card not studied yet"
    );
}

#[test]
fn a_relink_moves_the_history_for_every_reader_and_its_undo_moves_it_back() {
    let now = time(NOW);
    let mut study = orphaned(now);
    let xp = |study: &Study| crate::motivation::compute(study, now, 10).xp;
    let xp_before = xp(&study);
    let (event, events) = relink_event(&study, "d/gone", "d/c2", now).unwrap();
    assert_eq!(events, 2);
    study.record(event.to_event(), event.card.as_deref());

    assert!(study.orphans().is_empty());
    assert_eq!(study.state("d/c2").reps, 2);
    assert_eq!(study.state("d/gone").reps, 0);
    let stats = crate::stats::compute(&study, &[0], now);
    assert_eq!(stats.total_answers, 3, "d/c1's answer and d/c2's two");
    assert_eq!(xp(&study), xp_before, "the moved answers count once");
    let orphans = Query::parse("is:orphan").unwrap();
    assert_eq!(Index::build(&study, now).matching(&orphans).count(), 0);
    assert!(matches!(
        relink_event(&study, "d/gone", "d/c0", now),
        Err(RelinkError::AlreadyRelinked { .. })
    ));

    let undo = undo_events(std::slice::from_ref(&event), now);
    study.record(undo[0].to_event(), undo[0].card.as_deref());
    assert_eq!(study.state("d/c2").reps, 0);
    assert_eq!(study.state("d/gone").reps, 2);
    assert_eq!(study.orphans().len(), 1);
    assert_eq!(Index::build(&study, now).matching(&orphans).count(), 1);
}

//! An unbury lifts a sibling's bury for the rest of the day, as Anki's unbury restores a card
//! in the `BuriedSibling` queue: from the log, so a restart and another device agree; an undo
//! puts the bury back, and a sibling answered after the unbury buries the card again.

use super::*;
use crate::study::actions::CardAction;

/// `s/a` answered Easy at 09:00: it leaves today's queues, and its reverse `s/a~r`, new, is
/// buried by it.
fn answered() -> NewEvent {
    review("b1", "s/a", Rating::Easy, at(0) - Duration::hours(1))
}

fn new_queue(study: &Study) -> Vec<String> {
    let queue = Queue::build(study, &[0], at(0));
    queue.new.iter().map(ToString::to_string).collect()
}

#[test]
fn an_unbury_lifts_a_sibling_bury_for_the_rest_of_the_day() {
    let mut study = siblings_study(Settings::default(), &[answered()]);
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
    assert!(!new_queue(&study).contains(&"s/a~r".to_owned()));
    // Burying it by hand changes nothing: it is buried already.
    let when = at(0) - Duration::minutes(30);
    assert!(CardAction::Bury.events(&study, &["s/a~r"], when).is_empty());

    let unbury = CardAction::Unbury.events(&study, &["s/a~r"], when);
    assert_eq!(unbury.len(), 1, "an event for the sibling-buried card");
    assert_eq!(unbury[0].kind, NewKind::Unbury);
    study.record_all(&unbury);
    assert_eq!(study.burial("s/a~r", at(0)), None);
    assert!(new_queue(&study).contains(&"s/a~r".to_owned()));
    // A restart replays the same.
    let log = [answered(), unbury[0].clone()];
    let restarted = siblings_study(Settings::default(), &log);
    assert_eq!(restarted.burial("s/a~r", at(0)), None);
    // Nothing left to unbury.
    assert!(
        CardAction::Unbury
            .events(&study, &["s/a~r"], at(0))
            .is_empty()
    );

    // Its sibling answered again after the unbury buries it again.
    let again = review("b2", "s/a", Rating::Good, at(0) - Duration::minutes(10));
    study.record(again.to_event(), Some("s/a"));
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
}

#[test]
fn an_undone_unbury_buries_again_and_the_next_day_is_free() {
    let when = at(0) - Duration::minutes(30);
    let unbury = NewEvent {
        id: "u".into(),
        time: when,
        card: Some("s/a~r".into()),
        deck: None,
        kind: NewKind::Unbury,
    };
    let mut study = siblings_study(Settings::default(), &[answered(), unbury.clone()]);
    assert_eq!(study.burial("s/a~r", at(0)), None);
    study.absorb(vec![undo("x", "u", at(0)).to_event().into_owned()]);
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
    let replayed = siblings_study(
        Settings::default(),
        &[answered(), unbury, undo("x", "u", at(0))],
    );
    assert_eq!(replayed.burial("s/a~r", at(0)), Some(Burial::Sibling));

    // An unbury given yesterday lifts nothing today: a sibling answered today buries.
    let yesterday = NewEvent {
        id: "y".into(),
        time: at(-1),
        card: Some("s/c~r".into()),
        deck: None,
        kind: NewKind::Unbury,
    };
    let answer_c = review("c1", "s/c", Rating::Easy, at(0) - Duration::hours(2));
    let study = siblings_study(Settings::default(), &[yesterday, answer_c]);
    assert_eq!(study.burial("s/c~r", at(0)), Some(Burial::Sibling));
}

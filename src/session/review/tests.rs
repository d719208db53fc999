use chrono::Duration;

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::study::tests::{review, study_with, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// Reveals and grades the card on screen, writing the event as the app would.
fn grade(
    session: &mut ReviewSession,
    study: &mut Study,
    rating: Rating,
    now: DateTime<FixedOffset>,
) -> Box<str> {
    let card = session
        .current
        .as_ref()
        .expect("a card on screen")
        .card
        .clone();
    assert!(
        session.answer(rating, now).is_none(),
        "no grading on the question side"
    );
    session.reveal();
    let event = session.answer(rating, now).unwrap();
    session.applied(study, &event, now);
    card
}

#[test]
fn a_new_card_goes_through_its_steps_and_graduates() {
    let now = time(NOW);
    let mut study = study_with(1, Settings::default(), &[], now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    assert_eq!(
        session.counts(&study, now),
        DueCounts {
            new: 1,
            learning: 0,
            review: 0
        }
    );
    grade(&mut session, &mut study, Rating::Good, now);
    // The card now waits 10 minutes; with nothing else left, it is shown early (learn ahead).
    assert_eq!(
        session.current.as_ref().map(|c| c.card.as_ref()),
        Some("d/c0")
    );
    assert_eq!(
        session.counts(&study, now),
        DueCounts {
            new: 0,
            learning: 1,
            review: 0
        }
    );
    grade(
        &mut session,
        &mut study,
        Rating::Good,
        now + Duration::minutes(1),
    );
    assert!(session.current.is_none(), "done");
    assert_eq!(study.state("d/c0").phase, Phase::Review);
    assert_eq!(session.answered, 2);
}

#[test]
fn the_written_events_are_what_the_study_replays() {
    let now = time(NOW);
    let mut study = study_with(2, Settings::default(), &[], now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    session.reveal();
    let event = session
        .answer(Rating::Hard, now + Duration::seconds(7))
        .unwrap();
    assert_eq!(event.card.as_deref(), Some("d/c0"));
    assert_eq!(
        event.kind,
        NewKind::answer(Rating::Hard, Some(7000), REVIEW_MODE, None)
    );
    session.applied(&mut study, &event, now);
    assert_eq!(study.state("d/c0").reps, 1);
}

#[test]
fn undo_puts_the_card_back_as_it_was() {
    let now = time(NOW);
    let mut study = study_with(2, Settings::default(), &[], now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    assert!(session.undo_event(now).is_none());
    let answered = grade(&mut session, &mut study, Rating::Again, now);
    assert_eq!(session.current.as_ref().unwrap().card.as_ref(), "d/c1");
    let undo = session.undo_event(now).unwrap();
    session.applied(&mut study, &undo, now);
    let current = session.current.as_ref().unwrap();
    assert_eq!(
        (current.card.as_ref(), current.side),
        (answered.as_ref(), Side::Question)
    );
    assert_eq!(study.state("d/c0"), &crate::scheduler::CardState::default());
    assert_eq!(
        session.counts(&study, now),
        DueCounts {
            new: 2,
            learning: 0,
            review: 0
        }
    );
    assert_eq!(session.notice, Some(Notice::Undone("answer")));
    // The card that was on screen comes next again.
    grade(&mut session, &mut study, Rating::Easy, now);
    assert_eq!(session.current.as_ref().unwrap().card.as_ref(), "d/c1");
}

#[test]
fn bury_and_suspend_move_on_and_can_be_undone() {
    let now = time(NOW);
    let mut study = study_with(3, Settings::default(), &[], now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    let bury = session.hide(true, now).unwrap();
    session.applied(&mut study, &bury, now);
    assert_eq!(session.notice, Some(Notice::Buried));
    let suspend = session.hide(false, now).unwrap();
    session.applied(&mut study, &suspend, now);
    assert!(study.state("d/c1").suspended);
    assert_eq!(session.current.as_ref().unwrap().card.as_ref(), "d/c2");
    let undo = session.undo_event(now).unwrap();
    session.applied(&mut study, &undo, now);
    assert!(!study.state("d/c1").suspended);
    assert_eq!(session.current.as_ref().unwrap().card.as_ref(), "d/c1");
}

#[test]
fn a_card_that_becomes_a_leech_is_suspended_and_reported() {
    let now = time(NOW);
    // A review card with 7 lapses already.
    let mut events = vec![review("0", "d/c0", Rating::Easy, now - Duration::days(400))];
    let mut t = now - Duration::days(300);
    for i in 0..7 {
        events.push(review(&format!("a{i}"), "d/c0", Rating::Again, t));
        events.push(review(
            &format!("g{i}"),
            "d/c0",
            Rating::Easy,
            t + Duration::minutes(10),
        ));
        t += Duration::days(40);
    }
    let mut study = study_with(1, Settings::default(), &events, now);
    assert_eq!(study.state("d/c0").lapses, 7);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    grade(&mut session, &mut study, Rating::Again, now);
    assert_eq!(session.notice, Some(Notice::Leech));
    assert!(study.state("d/c0").leech && study.state("d/c0").suspended);
    assert!(
        session.current.is_none(),
        "a suspended leech leaves the queue"
    );
}

#[test]
fn more_new_cards_beyond_the_limit() {
    let now = time(NOW);
    let settings = Settings {
        new_per_day: 1,
        ..Settings::default()
    };
    let mut study = study_with(3, settings, &[], now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    grade(&mut session, &mut study, Rating::Easy, now);
    assert!(session.current.is_none());
    session.study_more_new(&study, 10, now);
    assert_eq!(session.counts(&study, now).new, 2);
}

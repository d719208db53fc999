use chrono::Duration;

use super::*;
use crate::scheduler::{Interval, Rating, Settings};
use crate::study::tests::{review, study_with, time};

mod balance;
mod siblings;

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// Reveals and grades the card on screen, writing the event as the app would.
pub(super) fn grade(
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
    // Two answers, both for the one card the deck has.
    assert_eq!(session.answered(), (2, 1));
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
    assert_eq!(
        session.answered(),
        (0, 0),
        "the undone answer is not counted"
    );
    // The card that was on screen comes next again.
    grade(&mut session, &mut study, Rating::Easy, now);
    assert_eq!(session.current.as_ref().unwrap().card.as_ref(), "d/c1");
    assert_eq!(session.answered(), (1, 1));
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
    study.record_all(&study.extend_new_today(&[0], 10, now));
    session.more_new_allowed(&study, now);
    assert_eq!(session.counts(&study, now).new, 2);
    assert!(session.current.is_some(), "the session goes on");
}

/// Three cards graduated with Easy a day apart, and one never studied.
fn graduated_study(now: DateTime<FixedOffset>) -> Study {
    let events: Vec<_> = (0..3)
        .map(|i| {
            let at = now - Duration::days(3 - i);
            review(&format!("e{i}"), &format!("d/c{i}"), Rating::Easy, at)
        })
        .collect();
    study_with(4, Settings::default(), &events, now)
}

#[test]
fn cram_goes_through_every_card_brings_misses_back_and_leaves_schedules_alone() {
    let now = time(NOW);
    let mut study = graduated_study(now);
    let before: Vec<_> = (0..4)
        .map(|i| study.state(&format!("d/c{i}")).clone())
        .collect();
    assert_eq!(study.due_counts(0, now).review, 0, "nothing is due today");
    let kind = Kind::Cram(CramFilter::default());
    let mut session = ReviewSession::start_kind(&study, vec![0], "D".into(), now, kind);
    assert!(
        session.preview(&study, now).is_none(),
        "no intervals to show"
    );
    let first = grade(&mut session, &mut study, Rating::Again, now);
    assert_eq!(first.as_ref(), "d/c0");
    let mut order = vec![first];
    while session.current.is_some() {
        order.push(grade(&mut session, &mut study, Rating::Good, now));
    }
    // The missed card comes back after three others, then is done.
    let order: Vec<&str> = order.iter().map(AsRef::as_ref).collect();
    assert_eq!(order, ["d/c0", "d/c1", "d/c2", "d/c3", "d/c0"]);
    let after: Vec<_> = (0..4)
        .map(|i| study.state(&format!("d/c{i}")).clone())
        .collect();
    assert_eq!(after, before);
    assert_eq!(study.wait_for_history().event_count(), 3 + 5);
}

#[test]
fn undoing_a_crammed_miss_takes_back_its_second_showing() {
    let now = time(NOW);
    let mut study = graduated_study(now);
    let kind = Kind::Cram(CramFilter::default());
    let mut session = ReviewSession::start_kind(&study, vec![0], "D".into(), now, kind);
    grade(&mut session, &mut study, Rating::Again, now);
    let undo = session.undo_event(now).unwrap();
    session.applied(&mut study, &undo, now);
    let mut order = Vec::new();
    while session.current.is_some() {
        order.push(grade(&mut session, &mut study, Rating::Good, now));
    }
    let order: Vec<&str> = order.iter().map(AsRef::as_ref).collect();
    assert_eq!(order, ["d/c0", "d/c1", "d/c2", "d/c3"]);
}

#[test]
fn cram_takes_a_tag_or_the_starred_cards() {
    let now = time(NOW);
    let star = NewEvent::for_card("d/c2", now, NewKind::Star);
    let study = study_with(4, Settings::default(), &[star], now);
    let starred = CramFilter {
        tag: None,
        starred: true,
    };
    let queue = Queue::cram(&study, &[0], &starred);
    assert_eq!(queue.reviews, ["d/c2".into()] as [Box<str>; 1]);
    let tagged = CramFilter {
        tag: Some("none-has-it".into()),
        starred: false,
    };
    assert!(Queue::cram(&study, &[0], &tagged).reviews.is_empty());
}

#[test]
fn reviewing_ahead_takes_the_soonest_due_and_an_early_answer_gains_less() {
    let now = time(NOW);
    let mut study = graduated_study(now);
    let mut session = ReviewSession::start_kind(&study, vec![0], "D".into(), now, Kind::Ahead(30));
    // Easy cards answered 3, 2 and 1 days ago: the oldest is due first.
    let dues: Vec<Due> = (0..3)
        .map(|i| study.state(&format!("d/c{i}")).due)
        .collect();
    assert!(dues.windows(2).all(|w| match (w[0], w[1]) {
        (Due::Day(a), Due::Day(b)) => a <= b,
        _ => false,
    }));
    assert_eq!(session.queue.reviews.len(), 2, "plus the one on screen");
    let card = session.current.as_ref().unwrap().card.clone();
    assert_eq!(card.as_ref(), "d/c0");
    let state = study.state(&card).clone();
    let Due::Day(due) = state.due else { panic!() };
    let on_time = study
        .scheduler
        .calendar()
        .start_of(due, *now.offset())
        .unwrap()
        + Duration::hours(6);
    let stability = |at| {
        let (next, _) = study.scheduler.answer(&state, &card, Rating::Good, at);
        next.memory.unwrap().stability
    };
    let (early, timely) = (stability(now), stability(on_time));
    assert!(early < timely, "early {early} vs on time {timely}");
    grade(&mut session, &mut study, Rating::Good, now);
    let after = study.state(&card);
    assert!((after.memory.unwrap().stability - early).abs() < 1e-6);
    assert_eq!(after.reps, 2);
}

#[test]
fn a_shown_card_carries_each_grades_interval_and_a_crammed_one_none() {
    let now = time(NOW);
    let study = graduated_study(now);
    let session = ReviewSession::start(&study, vec![0], "D".into(), now);
    let current = session.current.as_ref().unwrap();
    assert_eq!(current.card.as_ref(), "d/c3", "only the new card is due");
    let outcomes = current.outcomes.unwrap();
    let intervals = Rating::ALL.map(|rating| outcomes.interval(rating));
    assert_eq!(intervals, study.preview("d/c3", now));
    assert_eq!(
        &intervals[..3],
        &[Interval::Secs(60), Interval::Secs(330), Interval::Secs(600)]
    );
    let kind = Kind::Cram(CramFilter::default());
    let cram = ReviewSession::start_kind(&study, vec![0], "D".into(), now, kind);
    assert_eq!(cram.current.as_ref().unwrap().outcomes, None);
}

#[test]
fn the_outcomes_follow_a_new_day_another_windows_answer_and_an_undo() {
    let now = time(NOW);
    let mut study = graduated_study(now);
    let mut session = ReviewSession::start_kind(&study, vec![0], "D".into(), now, Kind::Ahead(30));
    let outcomes = |session: &ReviewSession| session.current.as_ref().unwrap().outcomes.unwrap();
    let shown = outcomes(&session);
    assert_eq!(Some(shown), session.preview(&study, now));
    session.reveal();

    // Nothing changed: nothing is worked out again.
    session.roll_day(&study, now + Duration::hours(1));
    assert_eq!(outcomes(&session), shown);

    // The next day counts a longer wait since the last review.
    let tomorrow = now + Duration::days(1);
    study.roll_day(tomorrow);
    session.roll_day(&study, tomorrow);
    let next_day = outcomes(&session);
    assert_eq!(next_day.day, shown.day + 1);
    assert_eq!(Some(next_day), session.preview(&study, tomorrow));
    assert_ne!(
        next_day.interval(Rating::Good),
        shown.interval(Rating::Good)
    );

    // Another window answered the card on screen.
    let card = session.current.as_ref().unwrap().card.clone();
    study.absorb(vec![
        review("w", &card, Rating::Again, tomorrow)
            .to_event()
            .into_owned(),
    ]);
    session.refresh(&study, tomorrow);
    let relearning = outcomes(&session);
    assert_eq!(relearning.interval(Rating::Again), Interval::Secs(600));
    assert_eq!(Some(relearning), session.preview(&study, tomorrow));

    // Answered here and undone: back to what they were.
    let event = session.answer(Rating::Good, tomorrow).unwrap();
    session.applied(&mut study, &event, tomorrow);
    let undo = session.undo_event(tomorrow).unwrap();
    session.applied(&mut study, &undo, tomorrow);
    assert_eq!(session.current.as_ref().unwrap().card, card);
    assert_eq!(outcomes(&session), relearning);
}

use std::fmt::Write as _;

use chrono::Duration;

use super::*;
use crate::deck::{Collection, DeckId, Source, parse_deck};
use crate::scheduler::Settings;
use crate::session::review::ReviewSession;
use crate::store::History;
use crate::study::tests::time;

const START: &str = "2026-11-27T10:00:00+01:00";

/// A deck of `n` cards with an exam on 2026-12-17 (20 days after the start) and only
/// `new_per_day` new cards a day: too few to see them all in time without the exam.
fn exam_study(n: usize, new_per_day: u32) -> Study {
    let mut text =
        format!("[deck]\nname = \"Exam\"\nexam = 2026-12-17\nnew_per_day = {new_per_day}\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = \"q{i}\"\nback = \"a{i}\""
        );
    }
    let deck = parse_deck(DeckId::new("e"), Source::Bundled, &text).unwrap();
    let collection = Collection {
        decks: vec![deck],
        broken: Vec::new(),
    };
    Study::new(
        collection,
        History::default(),
        Scheduler::new(Settings::default()).unwrap(),
        time(START),
    )
}

/// One day of study at 10:00: every card the queue offers answered Good, waiting for
/// learning steps as a user would.
fn study_day(study: &mut Study, day_start: DateTime<FixedOffset>) {
    study.roll_day(day_start);
    let mut now = day_start;
    let mut session = ReviewSession::start(study, vec![0], "Exam".into(), now);
    for _ in 0..10_000 {
        if session.current.is_none() {
            let Some((at, _)) = session.queue.learning.first().cloned() else {
                return;
            };
            now = at.max(now);
            session.refresh(study, now);
            continue;
        }
        session.reveal();
        let event = session.answer(Rating::Good, now).unwrap();
        session.applied(study, &event, now);
        now += Duration::seconds(5);
    }
    panic!("a day that never ends");
}

#[test]
fn every_card_is_seen_and_reviewed_just_before_the_exam_and_recalled_on_the_day() {
    let mut study = exam_study(60, 2);
    let start = time(START);
    let calendar = study.scheduler.calendar();
    let exam = crate::scheduler::calendar::day_of_date(
        chrono::NaiveDate::from_ymd_opt(2026, 12, 17).unwrap(),
    );
    assert_eq!(study.exam(0), Some(exam));
    assert_eq!(exam - calendar.day(start), 20);
    // 60 cards in the 17 days before the last three: 4 a day, over the deck's 2.
    assert_eq!(study.due_counts(0, start).new, 4);
    let outlook = outlook(&study, 0, start).unwrap();
    assert_eq!(outlook.days_left, 20);
    assert!(outlook.predicted >= 0.9, "{outlook:?}");

    for day in 0..20 {
        study_day(&mut study, start + Duration::days(day));
    }
    let exam_morning = calendar.start_of(exam, *start.offset()).unwrap() + Duration::hours(5);
    study.roll_day(exam_morning);
    let target = study.scheduler.settings().desired_retention;
    for card in &study.deck(0).cards {
        let state = study.state(card.id.as_str());
        assert!(state.reps > 0, "{} never seen", card.id.as_str());
        let last = calendar.day(state.last_review.unwrap());
        assert!(
            (exam - WINDOW..exam).contains(&last),
            "{} last reviewed on day {last}, exam on {exam}",
            card.id.as_str()
        );
        let recall = study.scheduler.retrievability(state, exam_morning).unwrap();
        assert!(recall >= target, "{}: {recall}", card.id.as_str());
    }
    // On the exam day and after, each card keeps FSRS's own schedule.
    assert!(study.deck(0).cards.iter().all(|card| {
        let state = study.state(card.id.as_str());
        due_for_exam(state, exam, exam, &study.scheduler).is_none()
    }));
}

#[test]
fn a_card_not_needed_sooner_keeps_its_day() {
    let study = exam_study(1, 20);
    let start = time(START);
    let today = study.scheduler.calendar().day(start);
    let mut state = CardState {
        phase: Phase::Review,
        memory: Some(fsrs::MemoryState {
            stability: 3.0,
            difficulty: 5.0,
        }),
        due: Due::Day(today + 2),
        scheduled_days: 3,
        last_review: Some(start - Duration::days(1)),
        ..CardState::NEW
    };
    // Due before the last three days: it comes on its own day.
    assert_eq!(
        due_for_exam(&state, today + 20, today, &study.scheduler),
        None
    );
    // Due after the exam: brought to the first of the last three days.
    state.due = Due::Day(today + 40);
    assert_eq!(
        due_for_exam(&state, today + 20, today, &study.scheduler),
        Some(today + 17)
    );
    // No exam ahead: nothing changes.
    assert_eq!(due_for_exam(&state, today, today, &study.scheduler), None);
}

/// `exam_study`, with the exam on 2026-11-28: tomorrow.
fn exam_tomorrow(n: usize) -> Study {
    let mut study = exam_study(n, 20);
    study.exams.set(
        "e",
        Some(crate::scheduler::calendar::day_of_date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        )),
    );
    study
}

#[test]
fn a_deck_never_studied_cannot_promise_its_exam_tomorrow() {
    let study = exam_tomorrow(40);
    let outlook = outlook(&study, 0, time(START)).unwrap();
    assert_eq!(outlook.days_left, 1);
    assert_eq!((outlook.unseen, outlook.cards), (40, 40));
    // Nothing is known yet: as things stand, nothing is recalled.
    assert!(outlook.as_is.abs() < 1e-9, "{outlook:?}");
    // Followed, the plan shows all 40 today, each first missed (FSRS-6: S = w0 = 0.212 days)
    // then Good at 1 and 11 minutes (same-day stability × e^(w17·w18)·S^-w19, to about
    // 0.28 days), and nothing more before 09:00 tomorrow, 23 hours on:
    // R = (1 + 0.98 · 0.96 / 0.28)^-0.154 ≈ 0.80. Far from the 95% of a card already known.
    assert!((0.75..0.86).contains(&outlook.predicted), "{outlook:?}");
    assert!(
        outlook
            .summary()
            .starts_with("0% recalled on the day as things stand; about "),
        "{}",
        outlook.summary()
    );
    assert!(
        outlook
            .summary()
            .ends_with("if you follow the plan (40 of 40 cards still to learn, and a review of every card in the last days)"),
        "{}",
        outlook.summary()
    );
}

#[test]
fn a_deck_studied_today_predicts_what_it_knows() {
    // The same deck after a day's study, answering Good: every card is known, so the
    // figure as things stand is the plan's (nothing more can happen before the exam).
    let mut study = exam_tomorrow(10);
    study_day(&mut study, time(START));
    let later = time(START) + Duration::hours(2);
    let outlook = outlook(&study, 0, later).unwrap();
    assert_eq!(outlook.unseen, 0);
    assert!(outlook.as_is > 0.85, "{outlook:?}");
    assert!(
        (outlook.as_is - outlook.predicted).abs() < 1e-6,
        "{outlook:?}"
    );
}

//! The siblings case (`shared/cases/siblings`): a reversed deck, fresh. Answering "el perro"
//! must not bring "the dog" next, whose answer was just shown; and a sibling answered on
//! another device while a session runs is not shown either.

use chrono::Duration;

use super::super::*;
use super::grade;
use crate::scheduler::{Rating, Settings};
use crate::study::tests::{one_deck, review, study_of, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// The case's deck: three cards, each with `reverse = true`.
fn spanish(settings: Settings, events: &[NewEvent]) -> Study {
    let text = include_str!("../../../../tests/fixtures/siblings/spanish.toml");
    study_of(one_deck("spanish", text), settings, events, time(NOW))
}

fn front<'a>(study: &'a Study, session: &ReviewSession) -> Option<&'a str> {
    let card = &session.current.as_ref()?.card;
    Some(&study.card(study.place(card)?).front)
}

/// Answers Good to every card the session shows, ten seconds apart (and waiting for a
/// learning step when nothing else is left), and returns the fronts in the order shown.
fn good_to_everything(study: &mut Study, session: &mut ReviewSession) -> Vec<String> {
    let mut now = time(NOW);
    let mut shown = Vec::new();
    while let Some(text) = front(study, session) {
        shown.push(text.to_owned());
        grade(session, study, Rating::Good, now);
        now += Duration::seconds(10);
        assert!(shown.len() < 20, "{shown:?}");
    }
    shown
}

#[test]
fn the_case_answering_el_perro_brings_el_gato_and_the_reverses_wait_for_tomorrow() {
    let mut study = spanish(Settings::default(), &[]);
    let now = time(NOW);
    let mut session = ReviewSession::start(&study, vec![0], "Spanish".into(), now);
    assert_eq!(
        session.counts(&study, now),
        DueCounts {
            new: 3,
            learning: 0,
            review: 0
        },
        "one card of each entry today"
    );
    assert_eq!(front(&study, &session), Some("el perro"));
    grade(&mut session, &mut study, Rating::Good, now);
    assert_eq!(front(&study, &session), Some("el gato"));
    // The rest of the day: each card as written, then again after its 10-minute step (shown
    // early, nothing else being left), and never a reverse.
    let rest = good_to_everything(&mut study, &mut session);
    assert_eq!(
        rest,
        ["el gato", "la casa", "el perro", "el gato", "la casa"]
    );
    for reverse in ["the dog", "the cat", "the house"] {
        let card = &study
            .deck(0)
            .cards
            .iter()
            .find(|c| c.front == reverse)
            .unwrap()
            .id;
        assert_eq!(
            study.burial(card.as_str(), now),
            Some(crate::study::Burial::Sibling)
        );
    }
}

#[test]
fn with_burying_off_the_reverses_come_after_every_card_as_written() {
    let settings = Settings {
        bury_siblings: crate::scheduler::BurySiblings {
            new: false,
            reviews: false,
            interday_learning: false,
        },
        ..Settings::default()
    };
    let mut study = spanish(settings, &[]);
    let mut session = ReviewSession::start(&study, vec![0], "Spanish".into(), time(NOW));
    let shown = good_to_everything(&mut study, &mut session);
    assert_eq!(
        shown[..6],
        [
            "el perro",
            "el gato",
            "la casa",
            "the dog",
            "the cat",
            "the house"
        ]
    );
}

#[test]
fn a_sibling_answered_on_another_device_is_dropped_from_the_screen_and_skipped() {
    let now = time(NOW);
    let mut study = spanish(Settings::default(), &[]);
    let ids: Vec<String> = study
        .deck(0)
        .cards
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    // Cards: el perro, the dog, el gato, the cat, la casa, the house.
    let mut session = ReviewSession::start(&study, vec![0], "Spanish".into(), now);
    assert_eq!(front(&study, &session), Some("el perro"));
    // Another device answers "the dog": "el perro", new, on screen here, is buried.
    let absorb = |study: &mut Study, id: &str, card: &str, seconds| {
        let event = review(id, card, Rating::Good, now + Duration::seconds(seconds));
        study.absorb(vec![event.to_event().into_owned()]);
    };
    absorb(&mut study, "t1", &ids[1], 2);
    session.refresh(&study, now + Duration::seconds(3));
    assert_eq!(front(&study, &session), Some("el gato"));
    // Then "the house": "la casa", still in the queue, is skipped.
    absorb(&mut study, "t2", &ids[5], 4);
    grade(
        &mut session,
        &mut study,
        Rating::Good,
        now + Duration::seconds(5),
    );
    assert_eq!(
        front(&study, &session),
        Some("el gato"),
        "its learning step, early: nothing else is left"
    );
    grade(
        &mut session,
        &mut study,
        Rating::Good,
        now + Duration::seconds(9),
    );
    assert_eq!(front(&study, &session), None);
}

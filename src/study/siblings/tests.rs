//! Burying siblings: Anki's rule, worked out from `bury_and_suspend.rs` and
//! `siblings_for_bury.sql`, and the burial read from the log: across devices, undone, gone the
//! next day. Deck `s` of `queue/tests.rs`: cards `a`, `a~r`, `b`, `c`, `c~r`, `d`, `d~r`.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::store::{NewEvent, NewKind};
use crate::study::Queue;
use crate::study::queue::tests::siblings_study;
use crate::study::tests::{review, time};
use crate::study::why_due::why_due;

const NOW: &str = "2026-11-27T10:00:00+01:00";

fn at(day: i64) -> DateTime<FixedOffset> {
    time(NOW) + Duration::days(day)
}

fn undo(id: &str, target: &str, when: DateTime<FixedOffset>) -> NewEvent {
    NewEvent {
        id: id.into(),
        time: when,
        card: None,
        deck: None,
        kind: NewKind::Undo {
            target: target.to_owned().into(),
        },
    }
}

fn ids(cards: &std::collections::VecDeque<Box<str>>) -> Vec<&str> {
    cards.iter().map(AsRef::as_ref).collect()
}

fn all_on() -> BurySiblings {
    BurySiblings::default()
}

#[test]
fn an_answer_buries_siblings_in_queues_gathered_no_earlier_than_its_own() {
    use QueueKind::{InterdayLearning, IntradayLearning, New, Review};
    // (answered from, sibling in, buried): Anki gathers intraday learning, interday learning,
    // review, new; `exclude_earlier_gathered_queues` keeps a queue's burying only when the
    // answered card's queue comes no later; `siblings_for_bury.sql` never names intraday
    // learning.
    let table = [
        (New, New, true),
        (New, Review, false),
        (New, InterdayLearning, false),
        (Review, New, true),
        (Review, Review, true),
        (Review, InterdayLearning, false),
        (IntradayLearning, New, true),
        (IntradayLearning, Review, true),
        (IntradayLearning, InterdayLearning, true),
        (InterdayLearning, InterdayLearning, true),
        (IntradayLearning, IntradayLearning, false),
        (New, IntradayLearning, false),
    ];
    for (answered, sibling, expected) in table {
        assert_eq!(
            buries(answered, sibling, all_on()),
            expected,
            "{answered:?} -> {sibling:?}"
        );
    }
    // Each setting turns its own queue off, and only that one.
    let no_new = BurySiblings {
        new: false,
        ..all_on()
    };
    assert!(!buries(Review, New, no_new) && buries(Review, Review, no_new));
    let no_reviews = BurySiblings {
        reviews: false,
        ..all_on()
    };
    assert!(!buries(Review, Review, no_reviews) && buries(Review, New, no_reviews));
    let no_interday = BurySiblings {
        interday_learning: false,
        ..all_on()
    };
    assert!(!buries(IntradayLearning, InterdayLearning, no_interday));
    assert!(buries(IntradayLearning, Review, no_interday));
}

#[test]
fn a_new_sibling_answered_today_buries_its_reverse_and_the_undo_unburies_it() {
    let answer = review("b1", "s/a", Rating::Good, at(0) - Duration::hours(1));
    // Device A wrote nothing yet; device B's log is read while A runs.
    let mut study = siblings_study(Settings::default(), &[]);
    assert_eq!(study.burial("s/a~r", at(0)), None);
    study.absorb(vec![answer.to_event().into_owned()]);
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
    assert_eq!(study.burial("s/a", at(0)), None, "not by its own answer");
    assert_eq!(study.burial("s/c~r", at(0)), None, "another entry's");
    // Replayed from both logs at a start, the same.
    let started = siblings_study(Settings::default(), std::slice::from_ref(&answer));
    assert_eq!(started.burial("s/a~r", at(0)), Some(Burial::Sibling));
    // The answer undone (on either device): the reverse is back.
    study.absorb(vec![undo("u1", "b1", at(0)).to_event().into_owned()]);
    assert_eq!(study.burial("s/a~r", at(0)), None);
}

#[test]
fn the_burial_ends_with_the_day_and_a_bury_by_hand_is_named_first() {
    let answer = review("b1", "s/a", Rating::Good, at(0) - Duration::hours(1));
    let by_hand = NewEvent {
        id: "h1".into(),
        time: at(0) - Duration::minutes(30),
        card: Some("s/c~r".into()),
        deck: None,
        kind: NewKind::Bury,
    };
    let answer_c = review("b2", "s/c", Rating::Good, at(0) - Duration::minutes(20));
    let mut study = siblings_study(Settings::default(), &[answer, by_hand, answer_c]);
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
    // Buried by hand until tomorrow, and by its sibling's answer too: the first is named.
    assert_eq!(
        study.burial("s/c~r", at(0)),
        Some(Burial::Manual(study.day() + 1))
    );
    // The next day starts at 4:00: the reverse is new and free again.
    let next_day = at(1) - Duration::hours(5);
    study.roll_day(next_day);
    assert_eq!(study.burial("s/a~r", next_day), None);
    assert_eq!(study.burial("s/c~r", next_day), None);
}

#[test]
fn a_new_answer_leaves_a_review_sibling_but_a_review_answer_buries_a_new_one() {
    // a~r has been a review card since 20 days ago; `a` is answered new today.
    let reverse_learnt = review("r0", "s/a~r", Rating::Easy, at(-20));
    let a_new = review("a1", "s/a", Rating::Good, at(0) - Duration::hours(1));
    let study = siblings_study(Settings::default(), &[reverse_learnt.clone(), a_new]);
    assert_eq!(study.burial("s/a~r", at(0)), None);
    // a~r reviewed today instead: the new `a` is buried.
    let reviewed = review("r1", "s/a~r", Rating::Good, at(0) - Duration::hours(1));
    let study = siblings_study(Settings::default(), &[reverse_learnt, reviewed]);
    assert_eq!(study.burial("s/a", at(0)), Some(Burial::Sibling));
}

#[test]
fn a_learning_answer_buries_an_interday_learning_sibling_unless_turned_off() {
    // Steps 10m then 1d. `a`: Again then Good yesterday, so its next step is today at 10:10,
    // a day after its last answer: interday learning. `a~r`: Again twice today, the second
    // an answer in learning; it is due again at 09:20 today: intraday learning.
    let events = [
        review("a1", "s/a", Rating::Again, at(-1)),
        review("a2", "s/a", Rating::Good, at(-1) + Duration::minutes(10)),
        review("r1", "s/a~r", Rating::Again, at(0) - Duration::hours(1)),
        review("r2", "s/a~r", Rating::Again, at(0) - Duration::minutes(50)),
    ];
    let settings = Settings {
        learning_steps: vec![600, 86_400],
        ..Settings::default()
    };
    let study = siblings_study(settings.clone(), &events);
    let kind = |card| QueueKind::of(study.state(card), &study.scheduler);
    assert_eq!(kind("s/a"), Some(QueueKind::InterdayLearning));
    assert_eq!(kind("s/a~r"), Some(QueueKind::IntradayLearning));
    assert_eq!(study.burial("s/a", at(0)), Some(Burial::Sibling));
    assert_eq!(study.burial("s/a~r", at(0)), None, "intraday: never buried");
    let off = Settings {
        bury_siblings: BurySiblings {
            interday_learning: false,
            ..all_on()
        },
        ..settings
    };
    assert_eq!(siblings_study(off, &events).burial("s/a", at(0)), None);
}

#[test]
fn siblings_in_intraday_learning_on_two_devices_bury_neither() {
    // Device A answered `a~r`, device B `a`, a minute apart, neither knowing: both are now
    // in intraday learning, which nothing buries.
    let events = [
        review("r1", "s/a~r", Rating::Again, at(0) - Duration::minutes(2)),
        review("a1", "s/a", Rating::Again, at(0) - Duration::minutes(1)),
    ];
    let study = siblings_study(Settings::default(), &events);
    assert_eq!(study.burial("s/a", at(0)), None);
    assert_eq!(study.burial("s/a~r", at(0)), None);
}

/// `a` due for review on day −2, `a~r` on day −1 (Easy answers, set due with `!`).
fn two_due_reviews(settings: Settings) -> Study {
    let due = |id: &str, card: &str, day: i64| NewEvent {
        id: id.into(),
        time: at(-30) + Duration::minutes(1),
        card: Some(card.into()),
        deck: None,
        kind: NewKind::SetDue {
            due: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap() + Duration::days(day),
            interval: Some(10),
        },
    };
    let events = [
        review("a0", "s/a", Rating::Easy, at(-30)),
        due("a1", "s/a", -2),
        review("r0", "s/a~r", Rating::Easy, at(-30)),
        due("r1", "s/a~r", -1),
    ];
    siblings_study(settings, &events)
}

#[test]
fn today_s_queue_holds_one_review_of_an_entry_and_its_answer_buries_the_other() {
    let mut study = two_due_reviews(Settings::default());
    let queue = Queue::build(&study, &[0], at(0));
    assert_eq!(
        ids(&queue.reviews),
        ["s/a"],
        "the more overdue one, gathered first"
    );
    let answer = review("x", "s/a", Rating::Good, at(0));
    study.record(answer.to_event().into_owned(), Some("s/a"));
    assert_eq!(study.burial("s/a~r", at(0)), Some(Burial::Sibling));
    // Burying reviews off: both are due today, and answering one leaves the other.
    let off = Settings {
        bury_siblings: BurySiblings {
            reviews: false,
            ..all_on()
        },
        ..Settings::default()
    };
    let mut study = two_due_reviews(off);
    assert_eq!(
        ids(&Queue::build(&study, &[0], at(0)).reviews),
        ["s/a", "s/a~r"]
    );
    study.record(answer.to_event().into_owned(), Some("s/a"));
    assert_eq!(study.burial("s/a~r", at(0)), None);
}

#[test]
fn siblings_of_a_card_are_the_other_cards_of_its_entry() {
    let study = siblings_study(Settings::default(), &[]);
    assert_eq!(study.siblings_of("s/a"), ["s/a~r"]);
    assert_eq!(study.siblings_of("s/c~r"), ["s/c"]);
    assert!(study.siblings_of("s/b").is_empty());
    assert!(study.siblings_of("s/gone").is_empty());
}

#[test]
fn why_due_names_a_sibling_bury_and_a_card_a_sibling_holds_back() {
    let answer = review("b1", "s/a", Rating::Good, at(0) - Duration::hours(1));
    let study = siblings_study(Settings::default(), &[answer]);
    assert_eq!(
        why_due(&study, "s/a~r", at(0)),
        "buried until tomorrow: a sibling was answered today"
    );
    let fresh = siblings_study(Settings::default(), &[]);
    assert_eq!(
        why_due(&fresh, "s/c~r", at(0)),
        "new: waits for tomorrow, as a sibling is studied today"
    );
    // a~r: Easy 30 days ago, stability w3 = 8.2956: recall (1 + 0.98035·30/8.2956)^−0.1542
    // = 79%.
    let reviews = two_due_reviews(Settings::default());
    assert_eq!(
        why_due(&reviews, "s/a~r", at(0)),
        "due, but waits, as a sibling is studied today: recall 79%, target 90%"
    );
}

#[test]
fn searches_tell_a_sibling_bury_from_one_by_hand() {
    let events = [
        review("b1", "s/a", Rating::Good, at(0) - Duration::hours(1)),
        NewEvent::for_card("s/d", at(0) - Duration::minutes(5), NewKind::Bury),
    ];
    let study = siblings_study(Settings::default(), &events);
    let found = |query: &str| -> Vec<String> {
        let query = crate::search::Query::parse(query).unwrap();
        crate::search::search(&study, &query, at(0))
            .into_iter()
            .map(|facts| facts.card)
            .collect()
    };
    assert_eq!(found("is:buried"), ["s/a~r", "s/d"]);
    assert_eq!(found("is:buried-sibling"), ["s/a~r"]);
    assert_eq!(found("is:buried-manually"), ["s/d"]);
    assert_eq!(found("is:new -is:buried"), ["s/b", "s/c", "s/c~r", "s/d~r"]);
}

#[test]
fn a_held_back_review_does_not_count_against_the_limit() {
    // Every card a review, due a day apart: a on day −7, a~r −6, b −5, c −4, c~r −3, d −2,
    // d~r −1. Three a day: a, then b (a~r held back), then c.
    let cards = ["s/a", "s/a~r", "s/b", "s/c", "s/c~r", "s/d", "s/d~r"];
    let mut events = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        events.push(review(&format!("e{i}"), card, Rating::Easy, at(-30)));
        let day = i64::try_from(i).unwrap() - 7;
        events.push(NewEvent {
            id: format!("s{i}"),
            time: at(-30) + Duration::minutes(1),
            card: Some((*card).into()),
            deck: None,
            kind: NewKind::SetDue {
                due: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap() + Duration::days(day),
                interval: Some(10),
            },
        });
    }
    let settings = Settings {
        reviews_per_day: 3,
        ..Settings::default()
    };
    let study = siblings_study(settings, &events);
    let queue = Queue::build(&study, &[0], at(0));
    assert_eq!(ids(&queue.reviews), ["s/a", "s/b", "s/c"]);
}

#[test]
fn with_burying_off_a_card_past_the_limit_is_not_said_to_wait_for_its_sibling() {
    let off = Settings {
        new_per_day: 1,
        ..super::super::queue::tests::no_burying()
    };
    let study = siblings_study(off, &[]);
    assert_eq!(
        why_due(&study, "s/a~r", at(0)),
        "new: not yet studied; past today's limit of new cards"
    );
}

/// Deck `z`: a cloze text with three numbers, then a plain card.
fn cloze_study(events: &[NewEvent]) -> Study {
    let text = "[deck]\nname = \"Z\"\n\
        [[cards]]\nid = \"k\"\ncloze = \"{{c1::H}} and {{c3::O}} make {{c2::water}}\"\n\
        [[cards]]\nid = \"p\"\nfront = \"P\"\nback = \"1\"\n";
    crate::study::tests::study_of(
        crate::study::tests::one_deck("z", text),
        Settings::default(),
        events,
        at(0),
    )
}

#[test]
fn the_cloze_cards_of_one_text_are_siblings() {
    let study = cloze_study(&[]);
    assert_eq!(study.siblings_of("z/k~c2"), ["z/k~c1", "z/k~c3"]);
    assert!(study.siblings_of("z/p").is_empty());
    // New cards: one card of the text a day while new siblings are buried, as with a reverse.
    assert_eq!(
        ids(&Queue::build(&study, &[0], at(0)).new),
        ["z/k~c1", "z/p"]
    );
    // Answering c1 today buries its new siblings until tomorrow.
    let answered = cloze_study(&[review(
        "c1",
        "z/k~c1",
        Rating::Good,
        at(0) - Duration::hours(1),
    )]);
    assert_eq!(answered.burial("z/k~c3", at(0)), Some(Burial::Sibling));
    assert_eq!(answered.burial("z/p", at(0)), None);
}

mod unbury;

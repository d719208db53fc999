use std::fmt::Write as _;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::deck::{DeckId, Source, parse_deck};
use crate::scheduler::{Rating, Settings};
use crate::store::{NewEvent, NewKind, REVIEW_MODE};

pub(crate) fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A deck `d` with cards `c0`..`c{n-1}` (explicit ids).
pub(crate) fn collection(n: usize) -> Collection {
    let mut text = String::from("[deck]\nname = \"D\"\n");
    for i in 0..n {
        let _ = write!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = \"front {i}\"\nback = \"back {i}\"\n"
        );
    }
    one_deck("d", &text)
}

/// The collection of one deck, `id`, from a deck file's `text`.
pub(crate) fn one_deck(id: &str, text: &str) -> Collection {
    let deck = parse_deck(DeckId::new(id), Source::Bundled, text).unwrap();
    Collection {
        decks: vec![deck],
        broken: Vec::new(),
    }
}

pub(crate) fn study_with(
    n: usize,
    settings: Settings,
    events: &[NewEvent],
    now: DateTime<FixedOffset>,
) -> Study {
    study_of(collection(n), settings, events, now)
}

/// `collection` with `events` replayed at `now`.
pub(crate) fn study_of(
    collection: Collection,
    settings: Settings,
    events: &[NewEvent],
    now: DateTime<FixedOffset>,
) -> Study {
    let history = History::from_events(events.iter().map(NewEvent::to_event).collect());
    Study::new(collection, history, Scheduler::new(settings).unwrap(), now)
}

pub(crate) fn review(id: &str, card: &str, rating: Rating, at: DateTime<FixedOffset>) -> NewEvent {
    card_event(
        id,
        card,
        at,
        NewKind::answer(rating, None, REVIEW_MODE, None),
    )
}

/// An event of `kind` about `card`.
pub(crate) fn card_event(
    id: &str,
    card: &str,
    at: DateTime<FixedOffset>,
    kind: NewKind,
) -> NewEvent {
    NewEvent {
        id: id.into(),
        time: at,
        card: Some(card.into()),
        deck: None,
        kind,
    }
}

/// A right answer in Learn to a question of `question`'s kind.
pub(crate) fn learned(
    id: &str,
    card: &str,
    question: &'static str,
    at: DateTime<FixedOffset>,
) -> NewEvent {
    let kind = NewKind::answer(
        Rating::Good,
        None,
        crate::practice::Mode::Learn,
        Some(crate::practice::Question::parse(question)),
    );
    card_event(id, card, at, kind)
}

/// An event about deck `d`, such as a practice result.
pub(crate) fn deck_event(id: &str, at: DateTime<FixedOffset>, kind: NewKind) -> NewEvent {
    NewEvent {
        id: id.into(),
        time: at,
        card: None,
        deck: Some("d".into()),
        kind,
    }
}

const NOW: &str = "2026-11-27T10:00:00+01:00";

#[test]
fn new_cards_respect_the_daily_limit_less_what_was_studied_today() {
    let now = time(NOW);
    let settings = Settings {
        new_per_day: 3,
        ..Settings::default()
    };
    let fresh = study_with(5, settings.clone(), &[], now);
    assert_eq!(
        fresh.due_counts(0, now),
        DueCounts {
            new: 3,
            learning: 0,
            review: 0
        }
    );

    // One card was started an hour ago: two new cards left, and it is in learning.
    let started = study_with(
        5,
        settings,
        &[review("1", "d/c0", Rating::Good, now - Duration::hours(1))],
        now,
    );
    assert_eq!(
        started.due_counts(0, now),
        DueCounts {
            new: 2,
            learning: 1,
            review: 0
        }
    );
}

#[test]
fn reviews_come_most_overdue_first_and_within_the_limit() {
    let now = time(NOW);
    let settings = Settings {
        reviews_per_day: 2,
        fuzz: false,
        ..Settings::default()
    };
    // Three cards graduated with Easy on different days, all due by now.
    let events = vec![
        review("1", "d/c0", Rating::Easy, now - Duration::days(20)),
        review("2", "d/c1", Rating::Easy, now - Duration::days(40)),
        review("3", "d/c2", Rating::Easy, now - Duration::days(30)),
    ];
    let study = study_with(4, settings, &events, now);
    let queue = Queue::build(&study, &[0], now);
    let reviews: Vec<&str> = queue.reviews.iter().map(AsRef::as_ref).collect();
    assert_eq!(reviews, ["d/c1", "d/c2"]);
    assert_eq!(queue.new.len(), 1);
}

#[test]
fn suspended_and_buried_cards_are_not_due_until_unburied() {
    let now = time(NOW);
    let hide = |id: &str, card: &str, kind| NewEvent {
        id: id.into(),
        time: now - Duration::minutes(5),
        card: Some(card.into()),
        deck: None,
        kind,
    };
    let study = study_with(
        3,
        Settings::default(),
        &[
            hide("1", "d/c0", NewKind::Suspend),
            hide("2", "d/c1", NewKind::Bury),
        ],
        now,
    );
    assert_eq!(study.due_counts(0, now).new, 1);
    let tomorrow = now + Duration::days(1);
    let mut study = study;
    study.roll_day(tomorrow);
    assert_eq!(
        study.due_counts(0, tomorrow).new,
        2,
        "buried until the next day only"
    );
}

#[test]
fn orphans_are_histories_without_a_card() {
    let now = time(NOW);
    let study = study_with(
        1,
        Settings::default(),
        &[
            review("1", "d/gone", Rating::Good, now),
            review("2", "d/c0", Rating::Good, now),
        ],
        now,
    );
    assert_eq!(
        study.orphans(),
        [Orphan {
            card: "d/gone".into(),
            events: 1
        }]
    );
}

#[test]
fn next_due_finds_the_soonest_card() {
    let now = time(NOW);
    let study = study_with(
        2,
        Settings::default(),
        &[review("1", "d/c0", Rating::Good, now)],
        now,
    );
    assert_eq!(
        study.next_due(&[0], now),
        Some(NextDue::At(now + Duration::minutes(10)))
    );
    assert!(study.has_unseen(&[0]));
}

#[test]
fn new_cards_are_spread_evenly_among_reviews() {
    let now = time(NOW);
    let mut queue = Queue::default();
    queue.reviews = (0..4)
        .map(|i| Box::from(format!("r{i}").as_str()))
        .collect();
    queue.new = (0..2)
        .map(|i| Box::from(format!("n{i}").as_str()))
        .collect();
    let order: Vec<String> =
        std::iter::from_fn(|| queue.next(now, now).map(|(c, _)| c.to_string())).collect();
    assert_eq!(order, ["r0", "n0", "r1", "r2", "n1", "r3"]);
}

#[test]
fn absorbed_events_from_another_window_count_and_copies_change_nothing() {
    let now = time("2026-11-27T10:00:00+01:00");
    let mine = review("m1", "d/c0", Rating::Good, now);
    let theirs = [
        review("t1", "d/c1", Rating::Easy, now + Duration::seconds(5)),
        review("t2", "d/c2", Rating::Again, now + Duration::seconds(9)),
    ];
    let mut study = study_with(5, Settings::default(), &[], now);
    assert!(!study.has_history());
    study.record(mine.to_event().into_owned(), Some("d/c0"));
    let later = now + Duration::minutes(1);
    assert_eq!(study.due_counts(0, later).new, 4);
    // Read back from the log: this window's own answer again, and the other window's two.
    let read: Vec<_> = std::iter::once(&mine)
        .chain(&theirs)
        .map(|e| e.to_event().into_owned())
        .collect();
    study.absorb(read);
    let expected = study_with(
        5,
        Settings::default(),
        &[mine, theirs[0].clone(), theirs[1].clone()],
        now,
    );
    for card in ["d/c0", "d/c1", "d/c2", "d/c3"] {
        assert_eq!(study.state(card), expected.state(card), "{card}");
    }
    assert_eq!(study.wait_for_history().event_count(), 3);
    assert_eq!(study.due_counts(0, later), expected.due_counts(0, later));
    assert_eq!(study.due_counts(0, later).new, 2);
}

mod lent;
mod more_new;

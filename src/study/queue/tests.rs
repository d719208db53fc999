//! The review orders, the new orders and the new/review mix, each on a fixture with its
//! expected order worked out by hand. Deck `d`, cards `d/c0`, `d/c1`, ...; fuzz off; today is
//! Fri 27 Nov 2026 and every event is at 10:00 (+01:00).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::*;
use crate::scheduler::{NewOrder, Rating, ReviewOrder, Settings};
use crate::store::{NewEvent, NewKind};
use crate::study::tests::{one_deck, review, study_of, study_with, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

fn at(day: i64) -> DateTime<FixedOffset> {
    time(NOW) + Duration::days(day)
}

/// Anki's "set due date" with the `!` form: a review card due on `day` (from today) with an
/// interval of `interval` days; its memory stays what its answers made it.
fn set_due(id: &str, card: &str, answered: i64, day: i64, interval: u32) -> NewEvent {
    let due = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap() + Duration::days(day);
    NewEvent {
        id: id.into(),
        time: at(answered) + Duration::minutes(1),
        card: Some(card.into()),
        deck: None,
        kind: NewKind::SetDue {
            due,
            interval: Some(interval),
        },
    }
}

/// Four review cards due today or earlier, one first answer each, with FSRS-6's default
/// parameters (the `fsrs` crate's `DEFAULT_PARAMETERS`, w):
///
/// | card | first answer | stability w[G-1] | difficulty D0 = w4 − e^(w5·(G−1)) + 1 | due | interval | recall today |
/// |---|---|---|---|---|---|---|
/// | c0 | Again, day −1 | 0.212 | 6.4133 | day 0 (set) | 3 (set) | 0.766 |
/// | c1 | Easy, day −100 | 8.2956 | −4.77, so 1 (the least) | day −92 | 8 | 0.675 |
/// | c2 | Good, day −10 | 2.3065 | 2.118 | day −2 (set) | 20 (set) | 0.774 |
/// | c3 | Hard, day −5 | 1.2931 | 5.112 | day −1 (set) | 1 (set) | 0.785 |
///
/// Recall is FSRS-6's curve R = (1 + f·t/S)^(−w20), f = 0.9^(−1/w20) − 1 = 0.98035, w20 =
/// 0.1542, t the whole days since the answer: c0 (1 + 0.98035·1/0.212)^−0.1542 = 0.766, c1
/// t = 100: 0.675, c2 t = 10: 0.774, c3 t = 5: 0.785. c1's Easy gives an interval of its
/// stability at 90% retention, 8 days: due on day −92.
fn four_reviews(order: ReviewOrder) -> Study {
    let settings = Settings {
        fuzz: false,
        review_order: order,
        ..Settings::default()
    };
    let events = [
        review("a0", "d/c0", Rating::Again, at(-1)),
        set_due("s0", "d/c0", -1, 0, 3),
        review("a1", "d/c1", Rating::Easy, at(-100)),
        review("a2", "d/c2", Rating::Good, at(-10)),
        set_due("s2", "d/c2", -10, -2, 20),
        review("a3", "d/c3", Rating::Hard, at(-5)),
        set_due("s3", "d/c3", -5, -1, 1),
    ];
    study_with(4, settings, &events, at(0))
}

fn reviews_in(order: ReviewOrder) -> Vec<String> {
    let queue = Queue::build(&four_reviews(order), &[0], at(0));
    queue.reviews.iter().map(ToString::to_string).collect()
}

#[test]
fn each_review_order_sorts_the_same_four_cards_as_worked_out() {
    for (order, expected) in [
        (ReviewOrder::Due, ["d/c1", "d/c2", "d/c3", "d/c0"]),
        (
            ReviewOrder::Retrievability,
            ["d/c1", "d/c0", "d/c2", "d/c3"],
        ),
        (ReviewOrder::Difficulty, ["d/c0", "d/c3", "d/c2", "d/c1"]),
        (ReviewOrder::Interval, ["d/c3", "d/c0", "d/c1", "d/c2"]),
    ] {
        assert_eq!(reviews_in(order), expected, "{order:?}");
    }
}

#[test]
fn the_fixture_is_what_the_table_says() {
    let study = four_reviews(ReviewOrder::Due);
    let recall = |card| {
        study
            .scheduler
            .retrievability(study.state(card), at(0))
            .unwrap()
    };
    for (card, expected) in [
        ("d/c0", 0.766),
        ("d/c1", 0.675),
        ("d/c2", 0.774),
        ("d/c3", 0.785),
    ] {
        assert!(
            (recall(card) - expected).abs() < 0.0005,
            "{card}: {}",
            recall(card)
        );
    }
    let difficulty = |card| study.state(card).memory.unwrap().difficulty;
    assert!((difficulty("d/c0") - 6.4133).abs() < 1e-3);
    assert!((difficulty("d/c3") - 5.1122).abs() < 1e-3);
    assert!((difficulty("d/c2") - 2.1181).abs() < 1e-3);
    assert!((difficulty("d/c1") - 1.0).abs() < 1e-3);
    assert_eq!(study.state("d/c1").scheduled_days, 8);
}

/// `n` cards answered Easy on day −20, all due on the same day: only the random part orders
/// them.
fn tied(n: usize, order: ReviewOrder, now: DateTime<FixedOffset>) -> Vec<String> {
    let settings = Settings {
        fuzz: false,
        review_order: order,
        ..Settings::default()
    };
    let events: Vec<NewEvent> = (0..n)
        .map(|i| review(&format!("e{i}"), &format!("d/c{i}"), Rating::Easy, at(-20)))
        .collect();
    let study = study_with(n, settings, &events, now);
    let queue = Queue::build(&study, &[0], now);
    queue.reviews.iter().map(ToString::to_string).collect()
}

#[test]
fn random_orders_stay_the_same_all_day_and_change_the_next() {
    let in_file_order: Vec<String> = (0..12).map(|i| format!("d/c{i}")).collect();
    let morning = tied(12, ReviewOrder::Random, at(0));
    let evening = tied(12, ReviewOrder::Random, at(0) + Duration::hours(10));
    assert_eq!(
        morning, evening,
        "built again the same day, as after a restart"
    );
    let mut sorted = morning.clone();
    sorted.sort_by_key(|id| id[3..].parse::<u32>().unwrap());
    assert_eq!(sorted, in_file_order, "every due card, once");
    assert_ne!(morning, in_file_order);
    assert_ne!(morning, tied(12, ReviewOrder::Random, at(1)));
    // Equally due cards are in that random order too ("due date, then random").
    assert_eq!(tied(12, ReviewOrder::Due, at(0)), morning);
}

#[test]
fn the_deck_order_takes_the_decks_as_given_each_by_due_day() {
    let mut study = four_reviews(ReviewOrder::Deck);
    // A second deck `e` with one card, the most overdue of all (Easy 200 days ago).
    let mut collection = study.collection.clone();
    let e = crate::deck::DeckId::new("e");
    let mut second = collection.decks[0].clone();
    second.cards.truncate(1);
    second.cards[0].id = crate::deck::CardId::new(&e, "c0");
    second.id = e;
    collection.decks.push(second);
    study.replace_collection(collection);
    let late = review("b", "e/c0", Rating::Easy, at(-200));
    study.absorb(vec![late.to_event().into_owned()]);
    let order = |decks: &[usize]| -> Vec<String> {
        let queue = Queue::build(&study, decks, at(0));
        queue.reviews.iter().map(ToString::to_string).collect()
    };
    assert_eq!(order(&[0, 1]), ["d/c1", "d/c2", "d/c3", "d/c0", "e/c0"]);
    assert_eq!(order(&[1, 0]), ["e/c0", "d/c1", "d/c2", "d/c3", "d/c0"]);
}

/// Deck `s`: entries `a` (reversed), `b`, `c` (reversed), `d` (reversed), so its cards are
/// `a`, `a~r`, `b`, `c`, `c~r`, `d`, `d~r`.
pub(crate) fn siblings_study(settings: Settings, events: &[NewEvent]) -> Study {
    let text = "[deck]\nname = \"S\"\n\
        [[cards]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\nreverse = true\n\
        [[cards]]\nid = \"b\"\nfront = \"B\"\nback = \"2\"\n\
        [[cards]]\nid = \"c\"\nfront = \"C\"\nback = \"3\"\nreverse = true\n\
        [[cards]]\nid = \"d\"\nfront = \"D\"\nback = \"4\"\nreverse = true\n";
    study_of(one_deck("s", text), settings, events, at(0))
}

fn new_cards(settings: Settings) -> Vec<String> {
    let study = siblings_study(settings, &[]);
    let queue = Queue::build(&study, &[0], at(0));
    queue.new.iter().map(ToString::to_string).collect()
}

pub(crate) fn no_burying() -> Settings {
    Settings {
        bury_siblings: crate::scheduler::BurySiblings {
            new: false,
            reviews: false,
            interday_learning: false,
        },
        ..Settings::default()
    }
}

#[test]
fn new_cards_in_deck_order_spread_siblings_with_burying_on_or_off() {
    // On: one card of each entry today; the reverses wait for another day.
    assert_eq!(new_cards(Settings::default()), ["s/a", "s/b", "s/c", "s/d"]);
    // Off: every card, those as written first in file order, then the reverses.
    assert_eq!(
        new_cards(no_burying()),
        ["s/a", "s/b", "s/c", "s/d", "s/a~r", "s/c~r", "s/d~r"]
    );
    // Off, three a day: the first three in the file are `a`, `a~r`, `b`; `a~r` goes last.
    let three = Settings {
        new_per_day: 3,
        ..no_burying()
    };
    assert_eq!(new_cards(three), ["s/a", "s/b", "s/a~r"]);
}

#[test]
fn new_cards_at_random_keep_the_reverses_after_and_the_same_all_day() {
    let random = Settings {
        new_order: NewOrder::Random,
        ..no_burying()
    };
    let order = new_cards(random.clone());
    assert_eq!(order, new_cards(random));
    let (written, reverses) = order.split_at(4);
    let mut written = written.to_vec();
    written.sort();
    assert_eq!(written, ["s/a", "s/b", "s/c", "s/d"]);
    assert!(reverses.iter().all(|id| id.ends_with("~r")), "{order:?}");
    for pair in order.windows(2) {
        assert_ne!(
            pair[0].trim_end_matches("~r"),
            pair[1].trim_end_matches("~r")
        );
    }
    // With burying on, whole entries are drawn and each gives its card as written.
    let drawn = new_cards(Settings {
        new_order: NewOrder::Random,
        new_per_day: 2,
        ..Settings::default()
    });
    assert_eq!(drawn.len(), 2);
    assert!(drawn.iter().all(|id| !id.ends_with("~r")), "{drawn:?}");
}

/// Cards c0..c3 due for review today (Easy 20 days ago), c4 and c5 new.
fn mixed(mix: NewCardMix) -> Vec<String> {
    let settings = Settings {
        fuzz: false,
        new_card_mix: mix,
        ..Settings::default()
    };
    let events: Vec<NewEvent> = (0..4)
        .map(|i| review(&format!("e{i}"), &format!("d/c{i}"), Rating::Easy, at(-20)))
        .collect();
    let study = study_with(6, settings, &events, at(0));
    let mut queue = Queue::build(&study, &[0], at(0));
    let reviews: Vec<String> = queue.reviews.iter().map(ToString::to_string).collect();
    let shown: Vec<String> = std::iter::from_fn(|| queue.next(at(0), at(0)))
        .map(|(card, _)| card.to_string())
        .collect();
    // Name the reviews r0.. in their (random) order, the new cards n0, n1.
    shown
        .iter()
        .map(|id| match reviews.iter().position(|r| r == id) {
            Some(i) => format!("r{i}"),
            None => format!("n{}", &id[3..].parse::<usize>().unwrap() - 4),
        })
        .collect()
}

#[test]
fn new_review_mix_puts_new_cards_among_before_or_after_the_reviews() {
    // Mix: a new card when it falls behind the reviews in proportion (2 new in 4 reviews:
    // after the 1st review and after the 3rd).
    assert_eq!(mixed(NewCardMix::Mix), ["r0", "n0", "r1", "r2", "n1", "r3"]);
    assert_eq!(
        mixed(NewCardMix::Before),
        ["n0", "n1", "r0", "r1", "r2", "r3"]
    );
    assert_eq!(
        mixed(NewCardMix::After),
        ["r0", "r1", "r2", "r3", "n0", "n1"]
    );
}

mod day_learning;

//! Searching a small study whose answers are worked out by hand.

use chrono::Duration;

use crate::scheduler::{Rating, Settings};
use crate::search::{Index, Query, search};
use crate::study::tests::{review, study_with, time};

#[test]
fn states_due_days_and_answers_come_from_the_events() {
    // 10:00 with the day rolling over at 4:00: an hour ago is today.
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let events = [
        // c0: never answered, new.
        // c1: Easy when new graduates it to review; 40 days on, it is overdue whatever
        // interval FSRS gave it (its first Easy stability is about 8 days).
        review("1", "d/c1", Rating::Easy, now - Duration::days(40)),
        // c2: Good when new moves it to the 10-minute learning step, due at 9:10 today.
        review("2", "d/c2", Rating::Good, now - Duration::hours(1)),
        // c3: Easy two days ago: in review, due days from now.
        review("3", "d/c3", Rating::Easy, now - Duration::days(2)),
        // A card no deck has any more, graduated with Easy an hour ago.
        review("4", "d/gone", Rating::Easy, now - Duration::hours(1)),
    ];
    let study = study_with(4, settings, &events, now);
    let index = Index::build(&study, now);
    let found = |query: &str| -> Vec<String> {
        let query = Query::parse(query).unwrap();
        index.matching(&query).map(|c| c.card.clone()).collect()
    };
    assert_eq!(found("is:new"), ["d/c0"]);
    assert_eq!(found("is:learn"), ["d/c2"]);
    assert_eq!(found("is:review"), ["d/c1", "d/c3"]);
    // A history, not a card: found only by a search that asks for orphans.
    assert_eq!(found("is:review is:orphan"), ["d/gone"]);
    assert_eq!(found("is:review or is:orphan"), ["d/c1", "d/c3", "d/gone"]);
    assert_eq!(found("is:due"), ["d/c1", "d/c2"]);
    assert_eq!(found("rated:1"), ["d/c2"]);
    assert_eq!(found("rated:1 is:orphan"), ["d/gone"]);
    assert_eq!(found("rated:3"), ["d/c2", "d/c3"]);
    assert_eq!(found("rated:3:4"), ["d/c3"]);
    assert_eq!(found("introduced:41"), ["d/c1", "d/c2", "d/c3"]);
    assert_eq!(found("is:orphan"), ["d/gone"]);
    // What an action searches: the decks' cards and their states, no orphan, no answers.
    let cards_only = Index::of_deck_cards(&study, now);
    let found_only = |query: &str| -> Vec<String> {
        let query = Query::parse(query).unwrap();
        cards_only
            .matching(&query)
            .map(|c| c.card.clone())
            .collect()
    };
    assert_eq!(found_only("is:review"), ["d/c1", "d/c3"]);
    assert_eq!(found_only("is:due"), ["d/c1", "d/c2"]);
    assert!(found_only("rated:3").is_empty() && !cards_only.has_answers());
    assert_eq!(found("prop:due=0"), ["d/c2"]);
    assert_eq!(found("prop:reps=1 -is:orphan"), ["d/c1", "d/c2", "d/c3"]);
    assert_eq!(
        found("front:\"front 3\" or back:\"back 0\""),
        ["d/c0", "d/c3"]
    );

    // The orphan has no place; the cards have theirs.
    let query = Query::parse("deck:d or is:orphan").unwrap();
    let all = search(&study, &query, now);
    assert_eq!(all.len(), 5);
    assert!(all.iter().take(4).all(|c| c.place.is_some()));
    assert_eq!(all[4].place, None);
}

//! Matching hand-built facts, with answers worked out by hand.

use crate::scheduler::{Phase, Rating};
use crate::search::{CardFacts, Query};

fn matches(query: &str, card: &CardFacts) -> bool {
    match Query::parse(query) {
        Ok(query) => query.matches(card),
        Err(error) => panic!("{query:?} did not parse: {error}"),
    }
}

/// A review card in `lang/spanish`, tagged `lang::es::verbs` by itself and `spoken` by its
/// deck: due yesterday, 12-day interval, answered Good 12 days ago and Again 8 days ago.
fn spanish() -> CardFacts {
    let mut card = CardFacts::new(
        "lang/spanish/ser",
        "Ser (to be), ¿qué?",
        "To BE — permanent qualities",
        "lang/spanish",
        &["Lang::es::verbs", "spoken"],
    );
    card.phase = Phase::Review;
    card.due = Some(-1);
    card.interval = Some(12);
    card.stability = Some(14.5);
    card.difficulty = Some(6.2);
    card.retrievability = Some(0.87);
    card.reps = 6;
    card.lapses = 3;
    card.answers = vec![(-12, Rating::Good), (-8, Rating::Again)];
    card
}

#[test]
fn terms_match_the_facts_they_name() {
    let card = spanish();
    let table: &[(&str, bool)] = &[
        // Text: folded, anywhere in the front or the back.
        ("ser", true),
        ("QUE", true),
        ("qué?", true),
        ("permanent", true),
        ("perm", true),
        ("\"to be permanent\"", true),
        ("\"be permanent\"", true),
        ("\"qualities ser\"", false),
        ("front:ser", true),
        ("front:permanent", false),
        ("back:permanent", true),
        ("back:ser", false),
        ("frances", false),
        // Decks: the deck and its parents' names, `*` anywhere.
        ("deck:lang", true),
        ("deck:LANG/Spanish", true),
        ("deck:lang::spanish", true),
        ("deck:lang/span", false),
        ("deck:lang/span*", true),
        ("deck:*spanish", true),
        ("deck:l*g", true),
        ("deck:spanish", false),
        ("deck:language", false),
        // Tags: the card's and its deck's, with their parents.
        ("tag:lang::es", true),
        ("tag:lang", true),
        ("tag:lang::es::verbs", true),
        ("tag:lang::e", false),
        ("tag:lang::esperanto", false),
        ("tag:es", false),
        ("tag:*verbs", true),
        ("tag:spoken", true),
        ("tag:verbs", false),
        // States.
        ("is:review", true),
        ("is:due", true),
        ("is:new", false),
        ("is:learn", false),
        ("is:suspended", false),
        ("is:buried", false),
        ("is:leech", false),
        ("is:starred", false),
        ("is:orphan", false),
        // Properties.
        ("prop:due<=0", true),
        ("prop:due=-1", true),
        ("prop:due<-1", false),
        ("prop:ivl>=10", true),
        ("prop:ivl>12", false),
        ("prop:reps>5", true),
        ("prop:reps>6", false),
        ("prop:lapses>=3", true),
        ("prop:lapses!=3", false),
        ("prop:s>14", true),
        ("prop:s=14.5", true),
        ("prop:s=15", true),
        ("prop:s=14", false),
        ("prop:s!=15", false),
        ("prop:r=0.9", true),
        ("prop:r=0.87", true),
        ("prop:r=0.870", true),
        ("prop:r=0.86", false),
        ("prop:s>15", false),
        ("prop:d>6", true),
        ("prop:d<=6", false),
        ("prop:r<0.9", true),
        ("prop:r<0.8", false),
        // Answers: Good 12 days ago, Again 8 days ago.
        ("rated:9", true),
        ("rated:9:1", true),
        ("rated:9:3", false),
        ("rated:8", false),
        ("rated:7:1", false),
        ("rated:13:3", true),
        ("introduced:13", true),
        ("introduced:12", false),
        // Combinations.
        ("ser -permanent", false),
        ("ser -frances", true),
        ("frances or ser", true),
        ("frances ser or deck:x", false),
        ("-(frances or deck:x)", true),
        ("-(ser or deck:x)", false),
        ("", true),
    ];
    for &(query, expected) in table {
        assert_eq!(matches(query, &card), expected, "{query:?}");
    }
}

#[test]
fn a_card_without_a_property_matches_no_comparison_of_it() {
    let new = CardFacts::new("d/c", "front", "back", "d", &[]);
    for query in [
        "prop:ivl<5",
        "prop:due<=0",
        "prop:s!=1",
        "prop:d>0",
        "prop:r<1",
        "rated:365",
        "introduced:365",
        "is:due",
        "is:review",
    ] {
        assert!(!matches(query, &new), "{query:?}");
        assert!(matches(&format!("-{query}"), &new), "-{query:?}");
    }
    assert!(matches("is:new prop:reps=0 prop:lapses=0", &new));
}

#[test]
fn learning_and_hidden_cards_are_due_as_anki_counts_them() {
    let mut relearning = spanish();
    relearning.phase = Phase::Relearning { step: 0 };
    relearning.due = Some(0);
    // Relearning counts as both learn and review, as in Anki.
    assert!(matches("is:learn is:review is:due", &relearning));
    relearning.due = Some(1);
    assert!(!matches("is:due", &relearning));

    let mut learning = CardFacts::new("d/c", "f", "b", "d", &[]);
    learning.phase = Phase::Learning { step: 1 };
    learning.due = Some(0);
    learning.answers = vec![(0, Rating::Good)];
    assert!(matches(
        "is:learn -is:review is:due rated:1:3 introduced:1",
        &learning
    ));

    let mut suspended = spanish();
    suspended.suspended = true;
    suspended.leech = true;
    assert!(matches("is:suspended is:leech -is:due", &suspended));
    let mut buried = spanish();
    buried.buried = true;
    assert!(matches("is:buried -is:due", &buried));
}

#[test]
fn orphans_and_stars_are_flags() {
    let mut orphan = CardFacts::new("old/gone", "", "", "old", &[]);
    orphan.orphan = true;
    orphan.starred = true;
    assert!(matches("is:orphan is:starred deck:old", &orphan));
    assert!(!matches("is:orphan", &spanish()));
}

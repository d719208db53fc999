//! Hand-picked cases: the expected similarities are edit distances counted by hand over the
//! longer text's length.

use chrono::DateTime;

use super::*;
use crate::deck::key::hashed_key;
use crate::deck::{CardId, Collection, DeckId, Source, parse_deck};
use crate::scheduler::{Rating, Scheduler, Settings};
use crate::store::{History, NewEvent, NewKind, REVIEW_MODE};

fn card(key: &str, front: &str, back: &str, reversed: bool) -> Card {
    Card {
        id: CardId::new(&DeckId::new("d"), key),
        front: front.to_owned(),
        back: back.to_owned(),
        hint: None,
        tags: Vec::new().into(),
        reversed,
        line: 1,
        cloze: None,
        typed: false,
        note: None,
    }
}

/// A card without an `id`: keyed by the hash of its front.
fn unkeyed(front: &str) -> Card {
    card(&hashed_key(front), front, "back", false)
}

fn best(old_key: &str, candidates: &[Card]) -> Option<Likely> {
    let candidates: Vec<&Card> = candidates.iter().collect();
    likely_cards(&[old_key], &candidates).pop().flatten()
}

#[test]
fn the_hash_here_is_the_decks_key_hash() {
    for front in ["What is KAM's essence?", "Größe", "x", "el  gato"] {
        assert_eq!(
            format!("{:012x}", key_hash(&normalise(front))),
            hashed_key(front),
            "{front}"
        );
    }
}

#[test]
fn a_fixed_typo_finds_the_old_front_again() {
    let old = hashed_key("What is KAM's essense?");
    let candidates = [
        unkeyed("What is the essence of proactive sales?"),
        unkeyed("What is KAM's essence?"),
    ];
    let likely = best(&old, &candidates).unwrap();
    assert_eq!(likely.candidate, 1);
    assert_eq!(likely.old_front.as_deref(), Some("what is kams essense"));
    // One letter of 20 changed.
    assert!(
        (likely.similarity - 0.95).abs() < 1e-9,
        "{}",
        likely.similarity
    );
}

#[test]
fn a_word_added_or_two_letters_swapped_is_found_too() {
    let added = best(
        &hashed_key("Capital of France"),
        &[unkeyed("The capital of France")],
    )
    .unwrap();
    assert_eq!(added.old_front.as_deref(), Some("capital of france"));
    // "the " removed: 4 edits over 21 characters.
    assert!((added.similarity - (1.0 - 4.0 / 21.0)).abs() < 1e-9);
    let swapped = best(&hashed_key("recieve"), &[unkeyed("receive")]).unwrap();
    assert_eq!(swapped.old_front.as_deref(), Some("recieve"));
}

#[test]
fn an_unrelated_or_rewritten_front_is_not_suggested() {
    let candidates = [
        unkeyed("Capital of Spain"),
        unkeyed("Largest city of France"),
    ];
    assert_eq!(best(&hashed_key("Capital of France"), &candidates), None);
    let ids = [card("proactive-sales", "Proactive sales", "b", false)];
    assert_eq!(best("kam", &ids), None);
}

#[test]
fn a_renamed_id_is_matched_by_its_words() {
    let candidates = [
        card("kam", "Key Account Management (KAM)", "b", false),
        card("kam-essence", "What is KAM's essence?", "b", false),
    ];
    let likely = best("kam-essense", &candidates).unwrap();
    assert_eq!(likely.candidate, 1);
    assert_eq!(likely.old_front, None);
    // "kam essense" against "kam essence": one letter of 11.
    assert!((likely.similarity - (1.0 - 1.0 / 11.0)).abs() < 1e-9);
    // An id dropped: the old id against the front, word for word.
    let dropped = best("el-gato", &[unkeyed("El gato")]).unwrap();
    assert!((dropped.similarity - 1.0).abs() < 1e-9);
}

#[test]
fn a_reversed_history_goes_to_a_reversed_card() {
    let front = "Capital of France";
    let key = hashed_key(front);
    let forward = card(&key, front, "Paris", false);
    let reversed = card(&format!("{key}~r"), "Paris", front, true);
    let old = format!("{}~r", hashed_key("Capital of Franse"));
    let likely = best(&old, &[forward, reversed]).unwrap();
    assert_eq!(likely.candidate, 1);
}

fn collection() -> Collection {
    let text = "[deck]\nname = \"D\"\n\
                [[cards]]\nfront = \"What is KAM's essence?\"\nback = \"b\"\n\
                [[cards]]\nfront = \"Capital of France\"\nback = \"Paris\"\n";
    Collection {
        decks: vec![parse_deck(DeckId::new("d"), Source::Bundled, text).unwrap()],
        broken: Vec::new(),
    }
}

fn study(events: &[NewEvent]) -> Study {
    let now = DateTime::parse_from_rfc3339("2026-11-28T10:00:00+01:00").unwrap();
    let history = History::from_events(events.iter().map(NewEvent::to_event).collect());
    Study::new(
        collection(),
        history,
        Scheduler::new(Settings::default()).unwrap(),
        now,
    )
}

fn answer(card: &str, time: &str) -> NewEvent {
    let time = DateTime::parse_from_rfc3339(time).unwrap();
    NewEvent::for_card(
        card,
        time,
        NewKind::answer(Rating::Good, None, REVIEW_MODE, None),
    )
}

#[test]
fn a_study_suggests_an_unreviewed_card_of_the_same_deck_only() {
    let old = format!("d/{}", hashed_key("What is KAM's essense?"));
    let new = format!("d/{}", hashed_key("What is KAM's essence?"));
    let orphan = answer(&old, "2026-11-27T10:00:00+01:00");
    let found = successors(&study(std::slice::from_ref(&orphan)));
    assert_eq!(
        found,
        [Successor {
            orphan: old.clone(),
            events: 1,
            card: new.clone(),
            front: "What is KAM's essence?".to_owned(),
            old_front: Some("what is kams essense".to_owned()),
            similarity: found[0].similarity,
        }]
    );
    // Once the new card has answers of its own, it is not the orphan's.
    let reviewed = answer(&new, "2026-11-28T09:00:00+01:00");
    assert_eq!(successors(&study(&[orphan, reviewed])), []);
    // Another deck's history is not matched with this deck's cards.
    let elsewhere = format!("other/{}", hashed_key("What is KAM's essense?"));
    assert_eq!(
        successors(&study(&[answer(&elsewhere, "2026-11-27T10:00:00+01:00")])),
        []
    );
}

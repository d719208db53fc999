//! Retention by deck, the trouble lists and the weekly progress on small histories whose
//! figures are worked out by hand in the comments.

use chrono::{Duration, NaiveDate};

use super::super::*;
use crate::practice::Question;
use crate::scheduler::{Rating, Settings};
use crate::store::{NewEvent, NewKind};
use crate::study::Study;
use crate::study::tests::{card_event, deck_event, learned, review, study_with, time};

fn now() -> DateTime<FixedOffset> {
    time("2026-11-27T10:00:00+01:00")
}

fn ago(days: i64) -> DateTime<FixedOffset> {
    now() - Duration::days(days)
}

fn date(days_ago: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 11, 27).map(|today| today - Duration::days(days_ago))
}

/// Deck `d` with `n` cards (`front i`) and deck `e` with one card, `e/c0`.
fn two_decks(n: usize, settings: Settings, events: &[NewEvent]) -> Study {
    let mut study = study_with(n, settings, events, now());
    super::add_deck_e(&mut study, n);
    study
}

fn rate(passed: usize, total: usize) -> Rate {
    Rate { passed, total }
}

#[test]
fn a_deck_far_below_the_others_is_marked_lagging() {
    // d: 22 cards, each Easy 40 days ago (a first answer, never counted) and Again 5 days
    // ago, young: 0 of 22. e: Easy 40 days ago, Good 20 and 2 days ago: 2 of 2.
    // Together 2 of 24 (8.33%): d is 8.33 points below with 22 ≥ 20 answers, so lagging.
    let mut events = Vec::new();
    for i in 0..22 {
        let card = format!("d/c{i}");
        events.push(review(&format!("a{i}"), &card, Rating::Easy, ago(40)));
        events.push(review(&format!("b{i}"), &card, Rating::Again, ago(5)));
    }
    events.push(review("e1", "e/c0", Rating::Easy, ago(40)));
    events.push(review("e2", "e/c0", Rating::Good, ago(20)));
    events.push(review("e3", "e/c0", Rating::Good, ago(2)));
    let study = two_decks(22, Settings::default(), &events);
    let stats = compute(&study, &[0, 1], now());
    assert_eq!(stats.retention.all_time.all, rate(2, 24));
    let [d, e] = stats.retention_by_deck.as_slice() else {
        panic!("two decks: {:?}", stats.retention_by_deck)
    };
    assert_eq!((d.deck.as_str(), e.deck.as_str()), ("d", "e"));
    assert_eq!(d.retention.young, rate(0, 22));
    assert_eq!(d.retention.mature, rate(0, 0));
    assert_eq!(d.retention.all, rate(0, 22));
    assert!((d.gap_points.unwrap() - (-100.0 * 2.0 / 24.0)).abs() < 1e-9);
    assert!(d.lagging);
    assert_eq!(e.retention.all, rate(2, 2));
    assert_eq!(e.retention.young.total + e.retention.mature.total, 2);
    assert!(!e.lagging, "above the others, and too few answers");
    // The deck's standing agrees with its row.
    assert_eq!(stats.decks[0].review_retention, rate(0, 22));
}

#[test]
fn trouble_lists_leeches_recent_agains_and_confused_pairs() {
    // Leech threshold 2. c0: a review card (Easy), Again 20 days ago (lapse 1), Good, Again
    // 3 days ago (lapse 2: a leech); 2 Agains in the last 30 days, the last 3 days ago.
    // c1: Easy, Again 2 days ago: 1 lapse, 1 Again. c2: Again 45 days ago only (outside the
    // 30 days) and a missed Learn question yesterday (practice: not counted).
    let pick = |id: &str, card: &str, mode, chosen: &str, at| {
        card_event(
            id,
            card,
            at,
            NewKind::confused(mode, Question::Choice, chosen),
        )
    };
    let events = vec![
        review("a", "d/c0", Rating::Easy, ago(40)),
        review("b", "d/c0", Rating::Again, ago(20)),
        review("c", "d/c0", Rating::Good, ago(19)),
        review("d", "d/c0", Rating::Again, ago(3)),
        review("e", "d/c1", Rating::Easy, ago(40)),
        review("f", "d/c1", Rating::Again, ago(2)),
        review("g", "d/c2", Rating::Easy, ago(60)),
        review("h", "d/c2", Rating::Again, ago(45)),
        // c1 asked, c2's answer picked: in Learn 4 days ago and in a test yesterday; a third
        // pick was undone. e/c0 asked, c2 picked: not in deck d.
        pick("p1", "d/c1", Mode::Learn, "d/c2", ago(4)),
        pick("p2", "d/c1", Mode::Test, "d/c2", ago(1)),
        pick("p3", "d/c1", Mode::Learn, "d/c2", ago(1)),
        NewEvent {
            id: "u".into(),
            time: ago(1),
            card: None,
            deck: None,
            kind: NewKind::Undo {
                target: "p3".into(),
            },
        },
        pick("p4", "e/c0", Mode::Learn, "d/c2", ago(1)),
        pick("p5", "d/c2", Mode::Learn, "d/c0", ago(1)),
        // c1 asked, a card of a deleted deck picked three times: the most often confused
        // pair, were such a card in any figure; it is in none.
        pick("p6", "d/c1", Mode::Learn, "gone/x", ago(1)),
        pick("p7", "d/c1", Mode::Learn, "gone/x", ago(1)),
        pick("p8", "d/c1", Mode::Test, "gone/x", ago(1)),
    ];
    let settings = Settings {
        leech_threshold: 2,
        ..Settings::default()
    };
    let study = two_decks(3, settings, &events);
    let trouble = compute(&study, &[0], now()).trouble;
    assert_eq!(trouble.since, date(29));
    let leeches: Vec<(&str, u32, usize)> = trouble
        .leeches
        .iter()
        .map(|c| (c.card.as_str(), c.lapses, c.again))
        .collect();
    assert_eq!(leeches, [("d/c0", 2, 2)]);
    assert!(trouble.leeches[0].leech);
    assert_eq!(trouble.leeches[0].front, "front 0");
    assert_eq!(trouble.leeches[0].deck.as_deref(), Some("d"));
    let again: Vec<(&str, usize, Option<NaiveDate>)> = trouble
        .most_again
        .iter()
        .map(|c| (c.card.as_str(), c.again, c.last_again))
        .collect();
    assert_eq!(again, [("d/c0", 2, date(3)), ("d/c1", 1, date(2))]);
    let pairs: Vec<_> = trouble
        .confused
        .iter()
        .map(|p| {
            (
                p.card.as_str(),
                p.chosen.as_str(),
                p.count,
                p.learn,
                p.test,
                p.last,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("d/c1", "d/c2", 2, 1, 1, date(1)),
            ("d/c2", "d/c0", 1, 1, 0, date(1)),
        ]
    );
    assert_eq!(
        (
            trouble.confused[0].front.as_str(),
            trouble.confused[0].chosen_front.as_str()
        ),
        ("front 1", "front 2")
    );
    // Deck e alone: its one pair, whose chosen card is in another deck.
    let e = compute(&study, &[1], now()).trouble;
    assert_eq!(e.confused.len(), 1);
    assert_eq!(e.confused[0].card, "e/c0");
    assert!(e.leeches.is_empty() && e.most_again.is_empty());
}

#[test]
fn progress_counts_each_week_learn_mastered_and_the_best_results() {
    // Weeks end today (day T): week 51 is T-6..T, 50 is T-13..T-7, 49 T-20..T-14, 48
    // T-27..T-21. Four cards:
    // - c2 written right 25 days ago (mastered in week 48), then Learn reset 20 days ago:
    //   not mastered from week 49 on;
    // - c0 right twice by choice, 11 and 10 days ago (familiar, then mastered: week 50 on);
    // - c1 written right 2 days ago (week 51).
    // Shares of 4 cards: 1/4, 0, 1/4, 2/4. Tests 70 and 90 in week 50, 60 in week 51;
    // matches 40 s in week 49, 35 s and 38 s in week 51.
    let events = vec![
        learned("l1", "d/c2", "written", ago(25)),
        deck_event(
            "r",
            ago(20),
            NewKind::Reset {
                mode: "learn".into(),
            },
        ),
        learned("l2", "d/c0", "choice", ago(11)),
        learned("l3", "d/c0", "choice", ago(10)),
        learned("l4", "d/c1", "written", ago(2)),
        deck_event("t1", ago(9), super::result("test", None, Some(70))),
        deck_event("t2", ago(8), super::result("test", None, Some(90))),
        deck_event("t3", ago(1), super::result("test", None, Some(60))),
        deck_event("m1", ago(16), super::result("match", Some(40_000), None)),
        deck_event("m2", ago(3), super::result("match", Some(35_000), None)),
        deck_event("m3", ago(2), super::result("match", Some(38_000), None)),
    ];
    let study = study_with(4, Settings::default(), &events, now());
    let stats = compute(&study, &[0], now());
    let progress = &stats.progress;
    assert_eq!(progress.weeks, 4);
    assert_eq!(progress.start, date(27));
    let weeks: Vec<_> = progress.decks[0]
        .weeks
        .iter()
        .map(|w| (w.start, w.learn_mastered, w.test_best, w.match_best_ms))
        .collect();
    assert_eq!(
        weeks,
        [
            (date(27), 0.25, None, None),
            (date(20), 0.0, None, Some(40_000)),
            (date(13), 0.25, Some(90), None),
            (date(6), 0.5, Some(60), Some(35_000)),
        ]
    );
    // This week's share is the replay's: c0 and c1 mastered now.
    assert!((stats.decks[0].learn_mastered - 0.5).abs() < 1e-12);
}

#[test]
fn a_query_narrows_every_figure_to_the_cards_it_finds() {
    // c0 and c1 answered; the query finds c1 only (by its front).
    let events = vec![
        review("a", "d/c0", Rating::Easy, ago(10)),
        review("b", "d/c0", Rating::Again, ago(2)),
        review("c", "d/c1", Rating::Easy, ago(10)),
        review("d", "d/c1", Rating::Good, ago(2)),
    ];
    let study = study_with(3, Settings::default(), &events, now());
    let query = crate::search::Query::parse("\"front 1\"").unwrap();
    let selection = Selection::matching(&study, &[0], &query, now());
    assert_eq!(selection.groups.len(), 1);
    assert_eq!(selection.groups[0].cards, Some(vec![1]));
    let stats = compute_selection(&study, &selection, now());
    assert_eq!(stats.cards.total(), 1);
    assert_eq!(stats.retention.all_time.all, rate(1, 1));
    assert_eq!(stats.retention_by_deck[0].retention.all, rate(1, 1));
    assert!(
        stats.trouble.most_again.is_empty(),
        "c0's Again is not selected"
    );
    // A query that finds nothing: no deck, no figure, no NaN.
    let none = crate::search::Query::parse("tag:nothing").unwrap();
    let empty = compute_selection(
        &study,
        &Selection::matching(&study, &[0], &none, now()),
        now(),
    );
    assert_eq!(empty.cards.total(), 0);
    assert!(empty.retention_by_deck.is_empty() && empty.progress.decks.is_empty());
    assert!(!serde_json::to_string(&empty).unwrap().contains("NaN"));
}

//! The edges: the true-retention rows at the day's rollover and exactly 7 days back, and
//! histories with nothing, or almost nothing, in them.

use chrono::Duration;

use super::super::*;
use crate::scheduler::Rating;
use crate::scheduler::Settings;
use crate::study::tests::{learned, review, study_with, time};

/// A card first answered long ago, then Good at `at`: one counted pass, young.
fn passed_at(at: DateTime<FixedOffset>) -> Stats {
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        review("a", "d/c0", Rating::Good, now - Duration::days(400)),
        review("b", "d/c0", Rating::Good, at),
    ];
    compute(&study_with(1, Settings::default(), &events, now), &[0], now)
}

/// Which rows counted the pass: today, yesterday, week, month, year, all time.
fn rows(stats: &Stats) -> [usize; 6] {
    let r = &stats.retention;
    [r.day, r.yesterday, r.week, r.month, r.year, r.all_time].map(|p| p.all.total)
}

#[test]
fn the_day_starts_at_the_rollover_hour() {
    // The rollover is 4:00: 04:00 this morning is today, 03:59 is still yesterday.
    assert_eq!(
        rows(&passed_at(time("2026-11-27T04:00:00+01:00"))),
        [1, 0, 1, 1, 1, 1]
    );
    assert_eq!(
        rows(&passed_at(time("2026-11-27T03:59:59+01:00"))),
        [0, 1, 1, 1, 1, 1]
    );
}

#[test]
fn a_week_is_today_and_six_days_before_it() {
    // 6 days ago (2026-11-21) is in the week; exactly 7 days ago (2026-11-20) is not.
    assert_eq!(
        rows(&passed_at(time("2026-11-21T12:00:00+01:00"))),
        [0, 0, 1, 1, 1, 1]
    );
    assert_eq!(
        rows(&passed_at(time("2026-11-20T12:00:00+01:00"))),
        [0, 0, 0, 1, 1, 1]
    );
    // A year back is in no period but all time, the row a long history needed.
    assert_eq!(
        rows(&passed_at(time("2025-11-27T12:00:00+01:00"))),
        [0, 0, 0, 0, 0, 1]
    );
}

/// Every float in the statistics is finite: no NaN reached the JSON.
fn all_finite(stats: &Stats) {
    fn walk(value: &serde_json::Value) {
        match value {
            serde_json::Value::Number(n) => assert!(n.as_f64().unwrap().is_finite()),
            serde_json::Value::Array(items) => items.iter().for_each(walk),
            serde_json::Value::Object(map) => map.values().for_each(walk),
            _ => {}
        }
    }
    walk(&serde_json::to_value(stats).unwrap());
}

#[test]
fn no_reviews_give_empty_figures_and_no_nan() {
    let now = time("2026-11-27T10:00:00+01:00");
    let stats = compute(&study_with(3, Settings::default(), &[], now), &[0], now);
    all_finite(&stats);
    assert_eq!(stats.today.again_share, None);
    assert_eq!(stats.retention.all_time.all.share(), None);
    assert_eq!(
        (stats.calibration.count, stats.calibration.gap_points),
        (0, None)
    );
    assert_eq!(stats.distributions.stability.median, None);
    assert_eq!(stats.reviews_over_time.days.len(), 0);
    assert_eq!(stats.reviews_over_time.start, stats.date);
    assert_eq!(stats.remembered_over_time.days, vec![0.0; 30]);
    assert_eq!(stats.cards.new, 3);
    no_trouble_no_progress(&stats);
    let deck = &stats.retention_by_deck[0];
    assert_eq!(
        (deck.retention.all.total, deck.gap_points, deck.lagging),
        (0, None, false)
    );
    assert!(stats.decks[0].learn_mastered.abs() < 1e-12);
    // And with no cards at all.
    all_finite(&compute(
        &study_with(3, Settings::default(), &[], now),
        &[],
        now,
    ));
}

#[test]
fn one_day_of_history_is_one_day_long() {
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        review("a", "d/c0", Rating::Good, now - Duration::hours(2)),
        review("b", "d/c0", Rating::Good, now - Duration::hours(1)),
    ];
    let stats = compute(&study_with(1, Settings::default(), &events, now), &[0], now);
    all_finite(&stats);
    assert_eq!(stats.reviews_over_time.days.len(), 1);
    assert_eq!(stats.reviews_over_time.days[0].answers.learning, 2);
    // The second answer is the same day as the first: true retention counts neither.
    assert_eq!(
        (stats.retention.all_time.all.total, stats.calibration.count),
        (0, 0)
    );
    no_trouble_no_progress(&stats);
    assert_eq!(stats.retention_by_deck[0].gap_points, None);
}

/// Empty trouble lists, and no weeks of progress.
fn no_trouble_no_progress(stats: &Stats) {
    let trouble = &stats.trouble;
    assert!(trouble.leeches.is_empty() && trouble.most_again.is_empty());
    assert!(trouble.confused.is_empty());
    assert_eq!(
        (
            stats.progress.start,
            stats.progress.weeks,
            stats.progress.decks.len()
        ),
        (None, 0, 0)
    );
}

#[test]
fn a_history_from_before_the_deck_existed_fills_the_first_week() {
    // Learn mastered c0 and a test was taken 400 days ago, before the 52 weeks counted:
    // the series is the whole 52 weeks, c0 mastered in each (1 of 2), the old test in none.
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        learned("a", "d/c0", "written", now - Duration::days(400)),
        review("b", "d/c1", Rating::Again, now - Duration::days(400)),
        crate::study::tests::deck_event(
            "t",
            now - Duration::days(400),
            crate::store::NewKind::Result {
                mode: "test".into(),
                ms: None,
                mistakes: None,
                score: Some(50),
                questions: None,
            },
        ),
    ];
    let stats = compute(&study_with(2, Settings::default(), &events, now), &[0], now);
    all_finite(&stats);
    assert_eq!(stats.progress.weeks, 52);
    let weeks = &stats.progress.decks[0].weeks;
    assert!(
        weeks
            .iter()
            .all(|w| (w.learn_mastered - 0.5).abs() < 1e-12 && w.test_best.is_none())
    );
    assert_eq!(stats.decks[0].test_best, Some(50));
    assert!(
        stats.trouble.most_again.is_empty(),
        "the Again is older than 30 days"
    );
}

#[test]
fn only_practice_answers_count_as_practice_and_nothing_else() {
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        learned("a", "d/c0", "written", now - Duration::days(3)),
        learned("b", "d/c1", "choice", now - Duration::hours(1)),
    ];
    let stats = compute(&study_with(2, Settings::default(), &events, now), &[0], now);
    all_finite(&stats);
    assert_eq!((stats.total_answers, stats.days_studied), (0, 0));
    assert_eq!((stats.today.answers, stats.today.practice), (0, 1));
    assert_eq!(stats.reviews_over_time.days.len(), 4);
    let practice: Vec<usize> = stats
        .reviews_over_time
        .days
        .iter()
        .map(|d| d.answers.practice)
        .collect();
    assert_eq!(practice, [1, 0, 0, 1]);
    assert_eq!(stats.cards.new, 2);
    assert!(stats.calendar.iter().all(|&n| n == 0));
    // One week of progress: c0 written right (mastered), c1 by choice (familiar).
    assert_eq!(stats.progress.weeks, 1);
    assert!((stats.progress.decks[0].weeks[0].learn_mastered - 0.5).abs() < 1e-12);
    assert!(stats.trouble.most_again.is_empty() && stats.trouble.leeches.is_empty());
    assert_eq!(stats.retention_by_deck[0].retention.all.total, 0);
}

#[test]
fn cards_of_a_deleted_deck_are_left_out() {
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        review("a", "gone/c0", Rating::Good, now - Duration::days(3)),
        review("b", "gone/c0", Rating::Again, now - Duration::hours(1)),
    ];
    let stats = compute(&study_with(1, Settings::default(), &events, now), &[0], now);
    all_finite(&stats);
    assert_eq!(
        (stats.total_answers, stats.retention.all_time.all.total),
        (0, 0)
    );
    assert_eq!(stats.cards.total(), 1);
    assert!(stats.trouble.most_again.is_empty());
    // A query for orphans takes them in, in no deck: on the trouble list without a front.
    let study = study_with(1, Settings::default(), &events, now);
    let query = crate::search::Query::parse("is:orphan").unwrap();
    let selection = Selection::matching(&study, &[0], &query, now);
    assert_eq!(selection.orphans, ["gone/c0"]);
    let stats = compute_selection(&study, &selection, now);
    all_finite(&stats);
    assert!(stats.retention_by_deck.is_empty());
    let again = &stats.trouble.most_again;
    assert_eq!(again.len(), 1);
    assert_eq!(
        (again[0].card.as_str(), again[0].deck.as_deref()),
        ("gone/c0", None)
    );
    assert_eq!(again[0].front, "");
}

#[test]
fn answers_dated_after_now_count_in_no_figure() {
    // Read on Mon 30 Nov 2026. c0: Good on 20 Nov 2026 (new to learning), then Again in
    // 2027; c1: Good in 2030; c2: a Learn answer in 2027. Only the first has happened.
    let now = time("2026-11-30T10:00:00+00:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let past = vec![review(
        "a",
        "d/c0",
        Rating::Good,
        time("2026-11-20T10:00:00+00:00"),
    )];
    let mut events = past.clone();
    events.extend([
        review(
            "b",
            "d/c0",
            Rating::Again,
            time("2027-02-01T10:00:00+00:00"),
        ),
        review("c", "d/c1", Rating::Good, time("2030-01-01T10:00:00+00:00")),
        learned("d", "d/c2", "choice", time("2027-03-01T10:00:00+00:00")),
    ]);
    let s = compute(&study_with(3, settings.clone(), &events, now), &[0], now);
    // One answer on one day, a first ever one: no true retention.
    assert_eq!(s.total_answers, 1);
    assert_eq!(s.days_studied, 1);
    assert_eq!(s.calendar.iter().sum::<usize>(), 1);
    let over_time: usize = s
        .reviews_over_time
        .days
        .iter()
        .map(|d| d.answers.total())
        .sum();
    assert_eq!(over_time, 1);
    assert_eq!(s.hours.iter().map(|h| h.rate.total).sum::<usize>(), 1);
    assert_eq!(s.buttons.learning.good, 1);
    assert_eq!(s.buttons.young.again + s.buttons.mature.again, 0);
    assert_eq!(s.retention.all_time.all.total, 0);
    // c0 is on its learning steps, c1 and c2 new, nothing practised.
    assert_eq!((s.cards.new, s.cards.learning, s.cards.young), (2, 1, 0));
    assert_eq!(s.today.practice, 0);
    assert_eq!(s.remembered_over_time.days.last(), Some(&s.remembered));
    // And every figure is the one of the log without the later lines.
    let without = compute(&study_with(3, settings, &past, now), &[0], now);
    assert_eq!(s, without);
}

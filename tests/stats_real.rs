//! Statistics of the real one-learner history in `tests/fixtures/` (12,580 reviews), checked
//! against figures this test works out itself from the CSV, without flashdeck's replay.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use chrono::{DateTime, Duration, NaiveDate, Timelike};
use flashdeck::deck::Collection;
use flashdeck::scheduler::{Scheduler, Settings};
use flashdeck::store::Store;
use flashdeck::study::Study;

struct Row {
    card: String,
    rating: u8,
    time: DateTime<chrono::FixedOffset>,
}

fn rows() -> Vec<Row> {
    let csv = include_str!("fixtures/review-log-one-user-2024.csv");
    csv.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            Row {
                card: f[0].to_owned(),
                rating: f[1].parse().unwrap(),
                time: DateTime::parse_from_rfc3339(f[2]).unwrap(),
            }
        })
        .collect()
}

/// The study day of a time: its date after taking off the 4:00 rollover.
fn day(time: DateTime<chrono::FixedOffset>) -> NaiveDate {
    (time.naive_local() - Duration::hours(4)).date()
}

#[test]
fn total_days_and_true_retention_match_an_independent_count() {
    let rows = rows();
    // Worked out here: days with any review, and true retention (each card's first review of
    // each day, except the card's first review ever; rating 1 is a fail).
    let days: HashSet<NaiveDate> = rows.iter().map(|r| day(r.time)).collect();
    let mut by_card: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        by_card.entry(&row.card).or_default().push(row);
    }
    let (mut passed, mut counted) = (0, 0);
    for reviews in by_card.values_mut() {
        reviews.sort_by_key(|r| r.time);
        let mut seen = HashSet::new();
        for (i, review) in reviews.iter().enumerate() {
            if seen.insert(day(review.time)) && i > 0 {
                counted += 1;
                passed += usize::from(review.rating != 1);
            }
        }
    }

    // The same history through flashdeck's own log, replay and statistics.
    let dir = tempfile::tempdir().unwrap();
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let mut log = String::new();
    for r in &rows {
        let _ = writeln!(
            log,
            "{{\"card\":\"real/{}\",\"time\":\"{}\",\"rating\":{}}}",
            r.card,
            r.time.to_rfc3339(),
            r.rating
        );
    }
    std::fs::write(reviews.join("real.jsonl"), log).unwrap();
    let (history, problems) = Store::new(dir.path(), "x").history().unwrap();
    assert!(problems.is_empty());
    let cards: Vec<String> = history.cards().map(|(card, _)| card.to_owned()).collect();
    let now = DateTime::parse_from_rfc3339("2024-10-07T12:00:00+00:00").unwrap();
    let study = Study::new(
        Collection::default(),
        history,
        Scheduler::new(Settings::default()).unwrap(),
        now,
    );
    let ids: Vec<&str> = cards.iter().map(String::as_str).collect();
    let stats = flashdeck::stats::of_cards(&study, &ids, now);

    assert_eq!(rows.len(), 12_580);
    assert_eq!(stats.total_answers, 12_580);
    assert_eq!(cards.len(), 1205);
    assert_eq!(stats.days_studied, days.len());
    // The history spans March to October 2024: all of it is within the last year.
    assert_eq!(
        (
            stats.retention.year.all.passed,
            stats.retention.year.all.total
        ),
        (passed, counted)
    );
    assert_eq!(
        stats.retention.year.young.total + stats.retention.year.mature.total,
        counted
    );
    // All time holds the same history.
    assert_eq!(
        (
            stats.retention.all_time.all.passed,
            stats.retention.all_time.all.total
        ),
        (passed, counted)
    );
    hours_buttons_and_days(&rows, &stats, &days);
    eprintln!(
        "days studied {}, true retention {passed}/{counted}",
        days.len()
    );

    // XP: 10 per answer, nothing else in this history. Level L costs 100 × L, so level 50
    // starts at 100 × (1 + … + 49) = 122,500 and needs 5,000.
    let motivation = flashdeck::motivation::compute(&study, now, 10);
    assert_eq!(motivation.xp, 125_800);
    assert_eq!(
        (
            motivation.level.level,
            motivation.level.into,
            motivation.level.needed
        ),
        (50, 125_800 - 122_500, 5_000)
    );
    // No streak can be longer than the days studied.
    assert!(usize::try_from(motivation.streak.best).unwrap() <= days.len());
}

/// Answers per hour of the day (now's offset is UTC), per rating and per day, counted here.
fn hours_buttons_and_days(
    rows: &[Row],
    stats: &flashdeck::stats::Stats,
    days: &HashSet<NaiveDate>,
) {
    let mut hours = [(0usize, 0usize); 24];
    let mut ratings = [0usize; 4];
    for r in rows {
        let hour = r.time.with_timezone(&chrono::Utc).hour() as usize;
        hours[hour].0 += usize::from(r.rating != 1);
        hours[hour].1 += 1;
        ratings[usize::from(r.rating - 1)] += 1;
    }
    let counted_hours: Vec<(usize, usize)> = stats
        .hours
        .iter()
        .map(|h| (h.rate.passed, h.rate.total))
        .collect();
    assert_eq!(counted_hours, hours);
    let b = &stats.buttons;
    let sum = |f: fn(&flashdeck::stats::activity::Buttons) -> usize| {
        f(&b.learning) + f(&b.young) + f(&b.mature)
    };
    assert_eq!(
        [
            sum(|x| x.again),
            sum(|x| x.hard),
            sum(|x| x.good),
            sum(|x| x.easy)
        ],
        ratings
    );
    // Answers per day: every review, on the days counted here.
    let over = &stats.reviews_over_time;
    let per_day: usize = over.days.iter().map(|d| d.answers.total()).sum();
    assert_eq!(per_day, rows.len());
    assert_eq!(over.start, days.iter().min().copied());
}

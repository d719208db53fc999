//! Searching 50 decks of 1,000 cards (55,000 with the reversed ones) with 200,000 reviews:
//! building the index once, then one keystroke's work (parse the query, match every card).
//! The card browser's budget is 30 ms a keystroke. Run with `cargo bench --bench search`.

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::deck::load_dir;
use flashdeck::scheduler::{Scheduler, Settings};
use flashdeck::search::{Index, Query};
use flashdeck::store::Store;
use flashdeck::study::Study;
use flashdeck::synthetic;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("a fixed time")
}

/// Queries a browser sees, from one word to a mix of everything.
const QUERIES: &[&str] = &[
    // The first keystrokes: a letter pair that many cards have.
    "ca",
    "customer",
    "\"value of the\"",
    "front:cafe",
    "deck:group1/*",
    "tag:generated is:due",
    "prop:r<0.8 -is:new",
    // The generated log's answers are all more than 90 days old.
    "rated:365:1",
    "(customer or market) -back:pricing deck:group2 prop:ivl>=10",
];

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    synthetic::write_collection(&dir.path().join("decks"), 50, 1000).expect("decks");
    synthetic::write_review_log(dir.path(), 50, 1000, 200_000, 365, now()).expect("log");
    let (history, _) = Store::new(dir.path(), "bench").history().expect("log");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let study = Study::new(
        load_dir(&dir.path().join("decks")),
        history,
        scheduler,
        now(),
    );
    assert_eq!(study.collection.card_count(), 55_000);

    let mut group = c.benchmark_group("search 55,000 cards");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("build the index", |b| {
        b.iter(|| black_box(Index::build(black_box(&study), now())));
    });
    group.finish();

    let index = Index::build(&study, now());
    let mut group = c.benchmark_group("one keystroke: parse and match 55,000 cards");
    group.measurement_time(Duration::from_secs(3));
    for query in QUERIES {
        let found = index
            .matching(&Query::parse(query).expect("a good query"))
            .count();
        // A query that found nothing, or everything, would measure an unusual path.
        assert!(found > 0 && found < 55_000, "{query}: {found} cards");
        eprintln!("{query}: {found} cards");
        group.bench_function(*query, |b| {
            b.iter(|| {
                let query = Query::parse(black_box(query)).expect("a good query");
                black_box(index.matching(&query).count())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);

//! Replaying the review log: 1,000,000 generated reviews over 3 years on 50 decks of 1,000
//! cards, and the real one-learner history in `tests/fixtures/`.
//!
//! Run with `cargo bench --bench replay`.

use std::fmt::Write as _;
use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::deck::load_dir;
use flashdeck::scheduler::{EasyDays, Scheduler, Settings};
use flashdeck::store::{Events, Store};
use flashdeck::study::{Queue, Study};
use flashdeck::synthetic;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("a fixed time")
}

fn replay(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let decks_dir = dir.path().join("decks");
    synthetic::write_collection(&decks_dir, 50, 1000).expect("decks");
    let written =
        synthetic::write_review_log(dir.path(), 50, 1000, 1_000_000, 3 * 365, now()).expect("log");
    assert_eq!(written, 1_000_000);
    let store = Store::new(dir.path(), "bench");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let day = scheduler.calendar().day(now());

    let mut group = c.benchmark_group("replay 1,000,000 reviews");
    group.sample_size(10);
    group.bench_function("read, parse and group the log", |b| {
        b.iter(|| black_box(store.history().expect("log")));
    });
    let (history, _) = store.history().expect("log");
    group.bench_function("fold every card through FSRS", |b| {
        b.iter(|| black_box(history.fold_all(&scheduler, day)));
    });
    balance(&mut group, dir.path(), &history, day);
    group.bench_function("everything: load decks and log, replay", |b| {
        b.iter(|| {
            let collection = load_dir(&decks_dir);
            let (history, _) = store.history().expect("log");
            black_box(Study::new(collection, history, scheduler.clone(), now()))
        });
    });
    let replayed = store
        .replay(&scheduler, day, Events::OnDemand)
        .expect("log");
    let states: Vec<_> = replayed.states.iter().map(|(_, f)| f.clone()).collect();
    let write = || {
        store
            .write_snapshot(
                &scheduler,
                day,
                &replayed.history,
                states.clone(),
                &replayed.position,
                &replayed.problems,
            )
            .expect("snapshot");
    };
    group.bench_function("snapshot: write it (on quit)", |b| b.iter(write));
    group.bench_function("snapshot: start from it, nothing appended", |b| {
        b.iter(|| {
            black_box(
                store
                    .replay(&scheduler, day, Events::OnDemand)
                    .expect("log"),
            )
        });
    });
    group.bench_function("snapshot: start from it and read its events", |b| {
        b.iter(|| {
            let replayed = store
                .replay(&scheduler, day, Events::OnDemand)
                .expect("log");
            black_box(replayed.history.event_count())
        });
    });
    group.finish();

    let study = Study::new(load_dir(&decks_dir), history, scheduler.clone(), now());
    let mut group = c.benchmark_group("today on 50 decks x 1000 cards");
    let card = study.deck(0).cards[0].id.as_str().to_owned();
    group.bench_function(
        "an answer's outcomes, load balanced over 50,000 cards",
        |b| {
            b.iter(|| black_box(study.next_states(&card, now())));
        },
    );
    group.bench_function("home screen counts, all decks", |b| {
        b.iter(|| {
            (0..50)
                .map(|deck| study.due_counts(deck, now()).total())
                .sum::<usize>()
        });
    });
    let all: Vec<usize> = (0..50).collect();
    group.bench_function("today's queue, all decks", |b| {
        b.iter(|| black_box(Queue::build(&study, &all, now())));
    });
    group.bench_function("statistics, all decks", |b| {
        b.iter(|| black_box(flashdeck::stats::compute(&study, &all, now())));
    });
    group.bench_function("streak and XP over the whole log", |b| {
        b.iter(|| black_box(flashdeck::motivation::compute(&study, now(), 10)));
    });
    group.finish();
}

/// Replay's part of easy days and load balancing, on the log in `data`.
fn balance(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    data: &std::path::Path,
    history: &flashdeck::store::History,
    day: flashdeck::scheduler::Day,
) {
    // Easy days weigh every fuzzed interval's range: the worst case of replay's pick.
    let easy = Scheduler::new(Settings {
        easy_days: EasyDays([100, 100, 100, 100, 100, 50, 0]),
        ..Settings::default()
    })
    .expect("settings");
    group.bench_function(
        "fold every card, easy days Saturday 50% and Sunday 0%",
        |b| {
            b.iter(|| black_box(history.fold_all(&easy, day)));
        },
    );
    // Every answer recording a day (outside its fuzz range: checked, then fuzzed anyway).
    let recorded = recorded_copy(data);
    let (recorded_history, _) = Store::new(recorded.path(), "bench").history().expect("log");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    group.bench_function("fold every card, every answer with a recorded day", |b| {
        b.iter(|| black_box(recorded_history.fold_all(&scheduler, day)));
    });
}

/// A copy of the log in `data`, every review line recording a due day of 2030-01-01.
fn recorded_copy(data: &std::path::Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temporary folder");
    let reviews = copy.path().join("reviews");
    std::fs::create_dir_all(&reviews).expect("folder");
    for file in std::fs::read_dir(data.join("reviews")).expect("the log") {
        let path = file.expect("a log file").path();
        let text = std::fs::read_to_string(&path).expect("a log file");
        let mut lines = String::with_capacity(text.len() + text.len() / 4);
        for line in text.lines() {
            let _ = writeln!(
                lines,
                "{},\"due\":\"2030-01-01\"}}",
                &line[..line.len() - 1]
            );
        }
        std::fs::write(reviews.join(path.file_name().expect("a name")), lines).expect("copy");
    }
    copy
}

/// The real history in `tests/fixtures/`, written as flashdeck log lines.
fn real_history(c: &mut Criterion) {
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/review-log-one-user-2024.csv"
    ))
    .expect("the fixture");
    let dir = tempfile::tempdir().expect("temporary folder");
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).expect("folder");
    let mut log = String::new();
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let [card, rating, time, duration] = fields[..] else {
            continue;
        };
        let _ = writeln!(
            log,
            "{{\"card\":\"real/{card}\",\"time\":\"{time}\",\"rating\":{rating},\"duration_ms\":{duration}}}"
        );
    }
    std::fs::write(reviews.join("real.jsonl"), log).expect("log");
    let store = Store::new(dir.path(), "bench");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let (history, problems) = store.history().expect("log");
    assert!(problems.is_empty());
    assert_eq!(history.event_count(), 12_580);
    let mut group = c.benchmark_group("real history, 12,580 reviews of 1,205 cards");
    group.bench_function("read, parse, group and fold", |b| {
        b.iter(|| {
            let (history, _) = store.history().expect("log");
            black_box(history.fold_all(&scheduler, scheduler.calendar().day(now())))
        });
    });
    group.finish();
}

criterion_group!(benches, replay, real_history);
criterion_main!(benches);

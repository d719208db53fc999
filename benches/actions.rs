//! A bulk action on 10,000 of 55,000 cards with 1,000,000 reviews in the log, as the card
//! browser does it: the events, one append (one write, one fsync), and the study taking them
//! in. Run with `cargo bench --bench actions`.

use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::deck::load_dir;
use flashdeck::scheduler::{Scheduler, Settings};
use flashdeck::store::Store;
use flashdeck::study::Study;
use flashdeck::study::actions::{CardAction, DueChoice};
use flashdeck::synthetic;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("a fixed time")
}

fn actions(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    synthetic::write_collection(&dir.path().join("decks"), 50, 1000).expect("decks");
    synthetic::write_review_log(dir.path(), 50, 1000, 1_000_000, 3 * 365, now()).expect("log");
    let (history, _) = Store::new(dir.path(), "generated").history().expect("log");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let collection = load_dir(&dir.path().join("decks"));
    let mut study = Study::new(collection, history, scheduler, now());
    let ids: Vec<String> = study
        .collection
        .decks
        .iter()
        .flat_map(|deck| deck.cards.iter().map(|card| card.id.as_str().to_owned()))
        .take(10_000)
        .collect();
    let cards: Vec<&str> = ids.iter().map(String::as_str).collect();
    let store = Store::new(dir.path(), "bench");
    let spread = DueChoice::parse("1-7").expect("a good choice");

    let mut group = c.benchmark_group("a bulk action on 10,000 cards");
    group.sample_size(10);
    for (name, action) in [
        ("suspend", CardAction::Suspend),
        ("set due 1-7", CardAction::SetDue(spread)),
    ] {
        let events = action.events(&study, &cards, now());
        // A few review cards may already be due on the day set due picks for them.
        assert!(events.len() > 9_900, "{name}: {}", events.len());
        group.bench_function(format!("{name}: the events"), |b| {
            b.iter(|| black_box(action.events(black_box(&study), &cards, now())));
        });
        group.bench_function(format!("{name}: one append of them"), |b| {
            b.iter(|| store.append_all(black_box(&events)).expect("append"));
        });
    }
    let events = CardAction::Suspend.events(&study, &cards, now());
    group.bench_function("suspend: the study takes them in", |b| {
        // Again and again the same events: copies are dropped, their cards replayed anew.
        b.iter(|| study.record_all(black_box(&events)));
    });
    group.finish();
}

criterion_group!(benches, actions);
criterion_main!(benches);

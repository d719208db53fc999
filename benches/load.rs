//! Deck loading against a bare `toml::from_str` of the same files; the ratio is the figure.
//!
//! Run with `cargo bench --bench load`. The collection is generated: 50 decks of 1,000 cards.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::deck::{DeckId, Source, load_dir, parse_deck};
use flashdeck::synthetic;

const DECKS: usize = 50;
const CARDS: usize = 1_000;

fn files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    files
}

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    synthetic::write_collection(dir.path(), DECKS, CARDS).expect("generate decks");
    let paths = files(dir.path());
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read deck"))
        .collect();
    assert_eq!(load_dir(dir.path()).decks.len(), DECKS);

    let mut group = c.benchmark_group("load 50 decks x 1000 cards");
    group.sample_size(20);
    group.bench_function("flashdeck load_dir (read + validate)", |b| {
        b.iter(|| black_box(load_dir(black_box(dir.path()))));
    });
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let cache = cache_dir.path().join("decks.bin");
    let cached = flashdeck::deck::load::load_dir_cached(dir.path(), &cache);
    assert_eq!(cached.decks.len(), DECKS);
    group.bench_function("flashdeck load_dir_cached, no file changed", |b| {
        b.iter(|| black_box(flashdeck::deck::load::load_dir_cached(dir.path(), &cache)));
    });
    group.bench_function("bare read + toml::from_str::<Table>", |b| {
        b.iter(|| {
            for path in &paths {
                let text = std::fs::read_to_string(path).expect("read deck");
                black_box(toml::from_str::<toml::Table>(&text).expect("valid TOML"));
            }
        });
    });
    group.bench_function("flashdeck parse_deck (in memory)", |b| {
        b.iter(|| {
            for (i, text) in texts.iter().enumerate() {
                let id = DeckId::new(format!("d{i}"));
                black_box(parse_deck(id, Source::Bundled, text).expect("valid deck"));
            }
        });
    });
    group.bench_function("bare toml::from_str::<Table> (in memory)", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(toml::from_str::<toml::Table>(text).expect("valid TOML"));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

//! Every statistic of the generated 50 × 1,000-card collection with 1,000,000 reviews, for
//! profilers: `cargo run --release --example profile_stats -- DIR` (generates into DIR when
//! empty). Prints the time of one `stats::compute` over all decks. With `STATS_SKIP` set it
//! stops before the statistics: under `valgrind --tool=callgrind`, the difference of the two
//! runs' instruction counts is the statistics' own, on every thread.
fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "stats-data".into()),
    );
    let now =
        chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("fixed time");
    if !dir.join("decks").exists() {
        flashdeck::synthetic::write_collection(&dir.join("decks"), 50, 1000)?;
        flashdeck::synthetic::write_review_log(&dir, 50, 1000, 1_000_000, 3 * 365, now)?;
    }
    let collection = flashdeck::deck::load_dir(&dir.join("decks"));
    let (history, _) = flashdeck::store::Store::new(&dir, "x").history()?;
    let scheduler = flashdeck::scheduler::Scheduler::new(flashdeck::scheduler::Settings::default())
        .expect("defaults");
    let study = flashdeck::study::Study::new(collection, history, scheduler, now);
    let all: Vec<usize> = (0..study.collection.decks.len()).collect();
    // The history is read on another thread at first: wait for it before timing.
    let events = study.wait_for_history().event_count();
    if std::env::var_os("STATS_SKIP").is_some() {
        println!("{events} events, statistics skipped");
        return Ok(());
    }
    let start = std::time::Instant::now();
    let stats = flashdeck::stats::compute(&study, &all, now);
    println!(
        "statistics of {} decks: {:?} ({} answers)",
        all.len(),
        start.elapsed(),
        stats.total_answers
    );
    Ok(())
}

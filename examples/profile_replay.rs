//! Loads decks and a generated 1,000,000-review log and replays it, for profilers:
//! `cargo run --release --example profile_replay -- DIR` (generates into DIR when empty).
fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "replay-data".into()),
    );
    let now =
        chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("fixed time");
    if !dir.join("decks").exists() {
        flashdeck::synthetic::write_collection(&dir.join("decks"), 50, 1000)?;
        flashdeck::synthetic::write_review_log(&dir, 50, 1000, 1_000_000, 3 * 365, now)?;
    }
    let start = std::time::Instant::now();
    let collection = flashdeck::deck::load_dir(&dir.join("decks"));
    let parsed = start.elapsed();
    let (history, _) = flashdeck::store::Store::new(&dir, "x").history()?;
    let grouped = start.elapsed();
    let scheduler = flashdeck::scheduler::Scheduler::new(flashdeck::scheduler::Settings::default())
        .expect("defaults");
    let study = flashdeck::study::Study::new(collection, history, scheduler, now);
    println!(
        "decks {:?}, log read+parse+group {:?}, total with replay {:?}, {} events",
        parsed,
        grouped.saturating_sub(parsed),
        start.elapsed(),
        study.wait_for_history().event_count()
    );
    Ok(())
}

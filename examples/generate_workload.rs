//! Writes one of issue 18's workloads: DIR/decks with DECKS × CARDS generated cards and, when
//! REVIEWS is above 0, DIR/reviews with that many answers over three years ending
//! 2026-11-27: `cargo run --release --example generate_workload -- DIR DECKS CARDS REVIEWS`.
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|n| n.parse().ok()).unwrap_or(default);
    let dir = std::path::PathBuf::from(args.first().map_or("workload", String::as_str));
    let (decks, cards, reviews) = (number(1, 20), number(2, 1000), number(3, 0));
    flashdeck::synthetic::write_collection(&dir.join("decks"), decks, cards)?;
    if reviews > 0 {
        let end = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00")
            .expect("a fixed time");
        flashdeck::synthetic::write_review_log(&dir, decks, cards, reviews, 3 * 365, end)?;
    }
    println!(
        "wrote {decks} decks of {cards} cards and {reviews} reviews to {}",
        dir.display()
    );
    Ok(())
}

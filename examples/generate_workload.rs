//! Writes one of issue 18's workloads: DIR/decks with DECKS × CARDS generated cards and, when
//! REVIEWS is above 0, DIR/reviews with up to that many answers over YEARS (default 3) ending
//! 2026-11-27: `cargo run --release --example generate_workload -- DIR DECKS CARDS REVIEWS
//! [YEARS]`. A card's answers stop at the end of the period, so a hundred a card (the lifetime
//! workload) needs decades; the count written is printed.
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|n| n.parse().ok()).unwrap_or(default);
    let dir = std::path::PathBuf::from(args.first().map_or("workload", String::as_str));
    let (decks, cards, reviews) = (number(1, 20), number(2, 1000), number(3, 0));
    let years = i64::try_from(number(4, 3)).unwrap_or(3);
    flashdeck::synthetic::write_collection(&dir.join("decks"), decks, cards)?;
    let mut written = 0;
    if reviews > 0 {
        let end = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00")
            .expect("a fixed time");
        written =
            flashdeck::synthetic::write_review_log(&dir, decks, cards, reviews, years * 365, end)?;
    }
    println!(
        "wrote {decks} decks of {cards} cards and {written} reviews to {}",
        dir.display()
    );
    Ok(())
}

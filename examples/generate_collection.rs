//! Writes a generated collection for trying flashdeck at scale:
//! `cargo run --release --example generate_collection -- DIR [DECKS] [CARDS]`.
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "generated-decks".to_owned());
    let decks = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let cards = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    flashdeck::synthetic::write_collection(std::path::Path::new(&dir), decks, cards)?;
    println!("wrote {decks} decks of {cards} cards to {dir}");
    Ok(())
}

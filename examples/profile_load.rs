//! Loads a generated collection repeatedly, for profilers: `cargo run --release --example profile_load`.
fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    flashdeck::synthetic::write_collection(dir.path(), 50, 1000).expect("generate");
    let mut cards = 0;
    for _ in 0..10 {
        cards += flashdeck::deck::load_dir(dir.path()).card_count();
    }
    println!("{cards}");
}

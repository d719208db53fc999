//! "The limit" of issue 18: the least work any start of flashdeck must do on a collection,
//! timed by `benches/startup.sh` beside flashdeck itself. It parses every deck file under
//! DECKS into a `toml::Table` on one thread and counts the newline bytes of every log file
//! under DATA/reviews: `cargo run --release --example limit -- DECKS DATA`.
use std::path::{Path, PathBuf};

fn files(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, extension, found)?;
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(decks), Some(data)) = (args.next(), args.next()) else {
        eprintln!("usage: limit DECKS DATA");
        std::process::exit(2);
    };
    let mut tomls = Vec::new();
    files(Path::new(&decks), "toml", &mut tomls)?;
    let mut tables = 0;
    for path in &tomls {
        let text = std::fs::read_to_string(path)?;
        match toml::from_str::<toml::Table>(&text) {
            Ok(table) => tables += table.len(),
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    let mut logs = Vec::new();
    let reviews = Path::new(&data).join("reviews");
    if reviews.exists() {
        files(&reviews, "jsonl", &mut logs)?;
    }
    let mut lines = 0;
    for path in &logs {
        lines += memchr::memchr_iter(b'\n', &std::fs::read(path)?).count();
    }
    println!(
        "{} deck files ({tables} top-level keys), {lines} log lines",
        tomls.len()
    );
    Ok(())
}

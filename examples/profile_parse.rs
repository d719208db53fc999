//! Times parsing one log line a million times on one core, for tuning the line format's reader.
fn main() {
    let line = r#"{"id":"g12345-7","time":"2025-03-14T09:26:53+01:00","card":"group3/deck31/4f2a9c81d0e3","kind":"review","rating":3,"duration_ms":4100,"mode":"review"}"#;
    let start = std::time::Instant::now();
    let mut sum = 0u64;
    for _ in 0..1_000_000 {
        sum = sum.wrapping_add(
            flashdeck::store::event::parse_line(std::hint::black_box(line)).map_or(0, |e| e.key),
        );
    }
    println!(
        "parse_line: {:?} per line ({sum})",
        start.elapsed() / 1_000_000
    );
    let start = std::time::Instant::now();
    for _ in 0..1_000_000 {
        let t =
            chrono::DateTime::parse_from_rfc3339(std::hint::black_box("2025-03-14T09:26:53+01:00"));
        std::hint::black_box(t.ok());
    }
    println!("parse_from_rfc3339: {:?}", start.elapsed() / 1_000_000);
    let start = std::time::Instant::now();
    for _ in 0..1_000_000 {
        let t: Result<chrono::DateTime<chrono::FixedOffset>, _> =
            std::hint::black_box("2025-03-14T09:26:53+01:00").parse();
        std::hint::black_box(t.ok());
    }
    println!(
        "FromStr (what serde uses): {:?}",
        start.elapsed() / 1_000_000
    );
}

//! Two processes appending to the same device file at once lose nothing: 2 × 10,000 reviews
//! written concurrently are all replayed. The test binary re-runs itself as the writers.

use std::process::Command;

use chrono::{DateTime, Duration};
use flashdeck::scheduler::Rating;
use flashdeck::store::{NewEvent, NewKind, REVIEW_MODE, Store};

const PER_WRITER: usize = 10_000;
const WRITER_ENV: &str = "FLASHDECK_TEST_WRITER";
const DIR_ENV: &str = "FLASHDECK_TEST_DATA_DIR";

/// Does the writing when run as a child; a no-op in a normal test run.
#[test]
fn writer() {
    let (Ok(name), Ok(dir)) = (std::env::var(WRITER_ENV), std::env::var(DIR_ENV)) else {
        return;
    };
    let store = Store::new(std::path::Path::new(&dir), "shared");
    let t0 = DateTime::parse_from_rfc3339("2026-01-01T09:00:00Z").unwrap();
    for i in 0..PER_WRITER {
        let event = NewEvent {
            id: NewEvent::new_id(),
            time: t0 + Duration::milliseconds(i64::try_from(i).unwrap()),
            card: Some(format!("deck/{name}-{i}")),
            deck: None,
            kind: NewKind::answer(Rating::Good, Some(1000), REVIEW_MODE, None),
        };
        store.append(&event).expect("append");
    }
}

#[test]
fn two_processes_appending_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args(["--exact", "writer", "--quiet", "--test-threads=1"])
                .stdout(std::process::Stdio::null())
                .env(WRITER_ENV, name)
                .env(DIR_ENV, dir.path())
                .spawn()
                .expect("start a writer")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let (history, problems) = Store::new(dir.path(), "shared").history().unwrap();
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..problems.len().min(3)]
    );
    assert_eq!(history.event_count(), 2 * PER_WRITER);
    assert_eq!(history.cards().count(), 2 * PER_WRITER);
}

//! `stats --json` against `docs/stats.md`: every field written is documented, and every
//! documented field is written.

use std::collections::BTreeSet;

use chrono::Duration;

use super::super::*;
use crate::scheduler::Rating;
use crate::scheduler::Settings;
use crate::store::NewKind;
use crate::study::tests::{card_event, deck_event, learned, review, study_with, time};

/// Every path in `value`: `a.b` for fields, `a[]` for an array's items.
fn paths(prefix: &str, value: &serde_json::Value, out: &mut BTreeSet<String>) {
    out.insert(prefix.to_owned());
    match value {
        serde_json::Value::Array(items) => {
            let inner = format!("{prefix}[]");
            for item in items {
                paths(&inner, item, out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                let inner = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                paths(&inner, item, out);
            }
        }
        _ => {}
    }
}

/// The first column of the doc's field table.
fn documented() -> BTreeSet<String> {
    include_str!("../../../docs/stats.md")
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|line| line.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_field_is_documented_and_every_documented_field_is_there() {
    let now = time("2026-11-27T10:00:00+01:00");
    // Something in every list: a leech (threshold 1) answered Again lately, a pair confused
    // in Learn, a test and a match.
    let events = vec![
        review("a", "d/c0", Rating::Easy, now - Duration::days(20)),
        review("b", "d/c0", Rating::Again, now - Duration::days(3)),
        review("c", "d/c0", Rating::Good, now),
        card_event(
            "l1",
            "d/c1",
            now - Duration::days(1),
            NewKind::confused(Mode::Learn, crate::practice::Question::Choice, "d/c2"),
        ),
        learned("l2", "d/c1", "choice", now - Duration::hours(20)),
        deck_event(
            "t",
            now - Duration::days(2),
            super::result("test", None, Some(80)),
        ),
        deck_event(
            "m",
            now - Duration::days(2),
            super::result("match", Some(30_000), None),
        ),
    ];
    let settings = Settings {
        leech_threshold: 1,
        ..Settings::default()
    };
    let stats = compute(&study_with(3, settings, &events, now), &[0], now);
    assert_eq!(stats.trouble.leeches.len(), 1);
    assert_eq!(stats.trouble.confused.len(), 1);
    let mut written = BTreeSet::new();
    paths("", &serde_json::to_value(&stats).unwrap(), &mut written);
    written.remove("");
    let documented = documented();
    // A field is documented by its own row or by its parent's (a rate's passed and total).
    let covered = |path: &str| {
        documented.contains(path)
            || documented.iter().any(|d| {
                path.strip_prefix(d.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            })
    };
    let missing: Vec<&String> = written.iter().filter(|p| !covered(p)).collect();
    assert!(missing.is_empty(), "not in docs/stats.md: {missing:?}");
    let stale: Vec<&String> = documented
        .iter()
        .filter(|d| !written.contains(*d) && *d != "motivation")
        .collect();
    assert!(stale.is_empty(), "documented but not written: {stale:?}");
}

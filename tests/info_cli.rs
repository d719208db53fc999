//! `flashdeck info` and `flashdeck check`'s relink suggestion, against the bundled deck in a
//! temporary home with a hand-written review log. Expected values are counted from that log
//! and the deck file, and FSRS-6's published default parameters.

use chrono::{DateTime, Duration, FixedOffset, SecondsFormat};
use serde_json::Value;
use tempfile::TempDir;

#[path = "support/bundled_home.rs"]
mod bundled_home;
use bundled_home::run;

const KAM: &str = "sales-optimization-levers/kam";
const DECK_FILE: &str = "decks/sales-optimization-levers.toml";

/// 10:00 (+01:00) thirty days ago: every event is in the past, whenever the test runs.
fn start() -> DateTime<FixedOffset> {
    let day = (chrono::Utc::now() - Duration::days(30)).date_naive();
    let text = format!("{day}T10:00:00+01:00");
    DateTime::parse_from_rfc3339(&text).unwrap()
}

fn stamp(time: DateTime<FixedOffset>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// The log: on `kam`, Good (4 s) on day 0, Good 10 minutes later (untimed), Again (6 s) on
/// day 5, a Learn answer on day 6, a suspend undone at once, a bury on day 7; and one Good
/// answer on `proactive-sale`, a card no deck has (the deck's is `proactive-sales`).
fn home_with_history() -> TempDir {
    let home = TempDir::new().unwrap();
    let t0 = start();
    let day = Duration::days(1);
    let line = |id: &str, card: &str, time: DateTime<FixedOffset>, rest: &str| {
        format!(
            "{{\"id\":\"{id}\",\"card\":\"sales-optimization-levers/{card}\",\"time\":\"{}\"{rest}}}\n",
            stamp(time)
        )
    };
    let log = [
        line("1", "kam", t0, ",\"rating\":3,\"duration_ms\":4000"),
        line("2", "kam", t0 + Duration::minutes(10), ",\"rating\":3"),
        line(
            "3",
            "kam",
            t0 + day * 5,
            ",\"rating\":1,\"duration_ms\":6000",
        ),
        line("4", "kam", t0 + day * 6, ",\"rating\":2,\"mode\":\"learn\""),
        line("5", "kam", t0 + day * 6, ",\"kind\":\"suspend\""),
        format!(
            "{{\"id\":\"6\",\"time\":\"{}\",\"kind\":\"undo\",\"target\":\"5\"}}\n",
            stamp(t0 + day * 6)
        ),
        line("7", "kam", t0 + day * 7, ",\"kind\":\"bury\""),
        line("8", "proactive-sale", t0, ",\"rating\":3"),
    ]
    .concat();
    let reviews = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    std::fs::write(reviews.join("phone.jsonl"), log).unwrap();
    home
}

/// The `kam` card's tags and its `[[cards]]` line, read from the deck file.
fn kam_in_file() -> (Vec<String>, usize) {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DECK_FILE))
            .unwrap();
    let id_line = text.lines().position(|l| l == "id = \"kam\"").unwrap();
    let deck: toml::Value = toml::from_str(&text).unwrap();
    let strings = |value: &toml::Value| -> Vec<String> {
        let list = value.as_array().unwrap().iter();
        list.map(|t| t.as_str().unwrap().to_owned()).collect()
    };
    let card = deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_str() == Some("kam"))
        .unwrap();
    let mut tags = strings(&card["tags"]);
    tags.extend(strings(&deck["deck"]["tags"]));
    // The header is the line before `id`; lines count from 1.
    (tags, id_line)
}

#[test]
fn info_json_has_the_figures_and_the_whole_history() {
    let home = home_with_history();
    let (code, out, err) = run(&home, &["info", KAM, "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let info: Value = serde_json::from_str(&out).unwrap();
    let t0 = start();
    // Three answers in review mode, one Again on a review card (graduated on day 0, its
    // interval of a few days over by day 5); 4 s and 6 s timed.
    assert_eq!(
        (info["reps"].as_u64(), info["lapses"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(info["average_secs"].as_f64(), Some(5.0));
    assert_eq!(info["first_review"], Value::from(stamp(t0)));
    assert_eq!(
        info["latest_review"],
        Value::from(stamp(t0 + Duration::days(5)))
    );
    let (tags, line) = kam_in_file();
    assert_eq!(info["tags"], Value::from(tags));
    assert_eq!(info["line"].as_u64(), Some(line as u64));
    assert!(info["file"].as_str().unwrap().ends_with(DECK_FILE));
    assert_eq!(info["orphan"], Value::Bool(false));

    let history = info["history"].as_array().unwrap();
    let events: Vec<&str> = history
        .iter()
        .map(|r| r["event"].as_str().unwrap())
        .collect();
    // The suspend was undone: not shown.
    assert_eq!(events, ["review", "review", "review", "learn", "bury"]);
    let first = &history[0];
    // After a first Good, FSRS's stability is w[2] = 2.3065 days (FSRS-6's default
    // parameters), and the card waits the second default learning step, 10 minutes.
    assert!((first["stability"].as_f64().unwrap() - 2.3065).abs() < 1e-4);
    assert_eq!(first["interval_secs"].as_u64(), Some(600));
    assert!(first["retrievability"].is_null());
    let lapse = &history[2];
    assert_eq!(lapse["rating"].as_u64(), Some(1));
    let recall = lapse["retrievability"].as_f64().unwrap();
    assert!(recall > 0.0 && recall < 1.0, "{recall}");
    // The default relearning step.
    assert_eq!(lapse["interval_secs"].as_u64(), Some(600));
    assert!(history[3]["stability"].is_null());
}

#[test]
fn info_text_shows_the_card_and_a_row_per_event() {
    let home = home_with_history();
    let (code, out, _) = run(&home, &["info", KAM]);
    assert_eq!(code, Some(0));
    let t0 = start();
    assert!(
        out.starts_with(&format!(
            "{KAM}\n  front     Key Account Management (KAM)\n"
        )),
        "{out}"
    );
    let minute = |t: DateTime<FixedOffset>| t.format("%Y-%m-%d %H:%M").to_string();
    let reviews = format!(
        "  reviews   3 (1 lapse); first {}, latest {}; 5.0 s on average\n",
        minute(t0),
        minute(t0 + Duration::days(5))
    );
    assert!(out.contains(&reviews), "{out}");
    let rows = out.split("\nhistory\n").nth(1).unwrap();
    // A header, then the five events.
    assert_eq!(rows.lines().count(), 6, "{rows}");
    assert!(
        rows.lines().nth(4).unwrap().contains("learn      Hard"),
        "{rows}"
    );
}

#[test]
fn an_orphaned_history_has_info_and_check_suggests_its_card() {
    let home = home_with_history();
    let orphan = "sales-optimization-levers/proactive-sale";
    let (code, out, _) = run(&home, &["info", orphan, "--json"]);
    assert_eq!(code, Some(0));
    let info: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(info["orphan"], Value::Bool(true));
    assert!(info["back"].is_null() && info["file"].is_null());
    assert_eq!(info["history"].as_array().unwrap().len(), 1);

    let (code, _, err) = run(&home, &["check"]);
    assert_eq!(code, Some(0));
    let new = "sales-optimization-levers/proactive-sales";
    let expected = format!(
        "  {orphan} (1 event); likely `{new}` (\"Proactive sales\"): flashdeck relink {orphan} {new}\n"
    );
    assert!(err.contains(&expected), "{err}");
}

#[test]
fn an_unknown_card_fails_and_says_where_ids_are() {
    let home = home_with_history();
    let (code, out, err) = run(&home, &["info", "sales-optimization-levers/nope"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(
        err.contains("no card `sales-optimization-levers/nope`") && err.contains("flashdeck cards"),
        "{err}"
    );
}

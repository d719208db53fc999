//! The siblings case (`shared/cases/siblings`) on the real binary: deck `spanish.toml`, every
//! card reversed, a fresh data folder. Answering "el perro" brings "el gato", not "the dog"
//! whose answer was just shown; the burial comes from the log, any device's, and goes with an
//! undo; a bad order or burying setting is reported and the defaults used.

#[path = "support/log.rs"]
mod log;
#[path = "support/pty.rs"]
mod pty;

use std::path::Path;

use pty::{Tui, command};
use tempfile::TempDir;

/// A home with `decks/spanish.toml` (the case's deck) and nothing else.
fn spanish_home() -> TempDir {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::copy(
        "tests/fixtures/siblings/spanish.toml",
        decks.join("spanish.toml"),
    )
    .unwrap();
    home
}

/// Runs `flashdeck args…` in `home`: exit code, stdout, stderr.
fn run(home: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = command(home).args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The ids `flashdeck cards QUERY` prints, one a line.
fn found(home: &Path, query: &str) -> Vec<String> {
    let (code, out, err) = run(home, &["cards", query]);
    assert_eq!(code, Some(0), "{err}");
    out.lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect()
}

#[test]
fn answering_el_perro_brings_el_gato_and_buries_the_dog_until_tomorrow() {
    let home = spanish_home();
    let mut tui = Tui::start(home.path(), &["review", "spanish"], 100, 30);
    tui.wait_for("3 new  0 learning  0 review");
    tui.wait_for("el perro");
    tui.answer('3');
    tui.wait_for("el gato");
    assert!(!tui.contents().contains("the dog"), "{}", tui.contents());
    tui.send("q");
    tui.wait_for("due today");
    tui.send("q");
    assert!(tui.wait_exit());
    // Cards in file order: el perro, the dog, el gato, the cat, la casa, the house.
    let ids = found(home.path(), "deck:spanish");
    assert_eq!(found(home.path(), "is:buried-sibling"), [ids[1].clone()]);
    let (_, info, _) = run(home.path(), &["info", &ids[1]]);
    assert!(
        info.contains("buried until tomorrow: a sibling was answered today"),
        "{info}"
    );
}

#[test]
fn an_answer_in_another_device_s_log_buries_and_its_undo_unburies() {
    let home = spanish_home();
    let ids = found(home.path(), "deck:spanish");
    let reviews = home.path().join("data/flashdeck/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    // The laptop answered "el gato" Easy three days ago (due again in 7 to 9 days); the
    // phone "el perro" a minute ago.
    let ago =
        |minutes: i64| (chrono::Local::now() - chrono::Duration::minutes(minutes)).to_rfc3339();
    let days_ago = ago(3 * 24 * 60);
    std::fs::write(
        reviews.join("laptop.jsonl"),
        format!(
            "{{\"card\":\"{}\",\"time\":\"{days_ago}\",\"rating\":4}}\n",
            ids[2]
        ),
    )
    .unwrap();
    std::fs::write(
        reviews.join("phone.jsonl"),
        format!(
            "{{\"id\":\"p1\",\"card\":\"{}\",\"time\":\"{}\",\"rating\":3}}\n",
            ids[0],
            ago(1)
        ),
    )
    .unwrap();
    assert_eq!(found(home.path(), "is:buried-sibling"), [ids[1].clone()]);
    assert!(found(home.path(), "is:buried-manually").is_empty());
    // "the cat" is new beside an answer days old: not buried, and new today.
    let (_, due, _) = run(home.path(), &["due", "--json"]);
    let due: serde_json::Value = serde_json::from_str(&due).unwrap();
    // New today: the cat, la casa (the house waits for another day); learning: el perro.
    assert_eq!(
        (due[0]["new"].as_u64(), due[0]["learning"].as_u64()),
        (Some(2), Some(1))
    );
    // The laptop undoes the phone's answer.
    let undo = format!(
        "{{\"kind\":\"undo\",\"target\":\"p1\",\"time\":\"{}\"}}\n",
        ago(0)
    );
    let mut laptop = std::fs::read_to_string(reviews.join("laptop.jsonl")).unwrap();
    laptop.push_str(&undo);
    std::fs::write(reviews.join("laptop.jsonl"), laptop).unwrap();
    assert!(found(home.path(), "is:buried").is_empty());
    assert_eq!(
        log::lines(&reviews).len(),
        3,
        "nothing was written for the burial"
    );
}

/// The new cards `flashdeck due --json` counts in its only deck.
fn new_today(json: &str) -> u64 {
    let due: serde_json::Value = serde_json::from_str(json).unwrap();
    due[0]["new"].as_u64().unwrap()
}

#[test]
fn bad_order_and_burying_values_are_reported_and_the_defaults_used() {
    let home = spanish_home();
    let dir = home.path().join("config/flashdeck");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "review_order = \"overdue\"\nbury_new_siblings = \"yes\"\nnew_order = \"deck\"\n",
    )
    .unwrap();
    let (code, out, err) = run(home.path(), &["due", "--json"]);
    assert_eq!(code, Some(0));
    let path = config.display();
    assert_eq!(
        err,
        format!(
            "warning: {path}:1:16: `review_order` must be one of \"due\", \"retrievability\", \
             \"difficulty\", \"interval\", \"random\", \"deck\"; using the default\n\
             warning: {path}:2:21: `bury_new_siblings` must be `true` or `false`; using the default\n"
        )
    );
    // Burying on, the default: one card of each entry.
    assert_eq!(new_today(&out), 3);
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("Settings:");
    tui.wait_for("0 due today · 3 new");
    tui.send("q");
    assert!(tui.wait_exit());
    // Turned off: both cards of each entry are new today.
    std::fs::write(&config, "bury_new_siblings = false\n").unwrap();
    let (_, out, err) = run(home.path(), &["due", "--json"]);
    assert_eq!(err, "");
    assert_eq!(new_today(&out), 6);
}

#[test]
fn unbury_lifts_a_sibling_bury_for_the_day_in_every_new_process() {
    let home = spanish_home();
    let ids = found(home.path(), "deck:spanish");
    let reviews = home.path().join("data/flashdeck/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    // "el perro" answered Easy a minute ago: "the dog" is buried by it.
    let minute_ago = (chrono::Local::now() - chrono::Duration::minutes(1)).to_rfc3339();
    std::fs::write(
        reviews.join("phone.jsonl"),
        format!(
            "{{\"id\":\"p1\",\"card\":\"{}\",\"time\":\"{minute_ago}\",\"rating\":4}}\n",
            ids[0]
        ),
    )
    .unwrap();
    assert_eq!(found(home.path(), "is:buried-sibling"), [ids[1].clone()]);
    let (code, out, err) = run(home.path(), &["bury", &ids[1]]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (Some(0), "buried 0 cards (1 card already buried)\n", "")
    );
    let (code, out, err) = run(home.path(), &["unbury", "--query", "is:buried"]);
    assert_eq!(
        (code, out.as_str()),
        (Some(0), "unburied 1 card\n"),
        "{err}"
    );
    assert!(found(home.path(), "is:buried").is_empty());
    let (_, due, _) = run(home.path(), &["due", "--json"]);
    // New today: the dog, el gato, la casa (the cat and the house wait for another day).
    assert_eq!(new_today(&due), 3);
    let (code, out, _) = run(home.path(), &["unbury", &ids[1]]);
    assert_eq!(
        (code, out.as_str()),
        (Some(0), "unburied 0 cards (1 card not buried)\n")
    );
}

//! `flashdeck import` of Anki packages built by Anki itself (`tests/anki/make_fixtures.py`):
//! every reviewed card's memory state after flashdeck's replay must be Anki's within 0.5 %,
//! and its state (new, learning, review, relearning, suspended, buried) Anki's.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, FixedOffset};
use flashdeck::config;
use flashdeck::deck::key::REVERSE_SUFFIX;
use flashdeck::import::apkg::base_key;
use flashdeck::scheduler::{Calendar, Day, Scheduler, Schedulers};
use flashdeck::store::Store;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki")
        .join(name)
}

struct Dirs {
    _temp: tempfile::TempDir,
    decks: PathBuf,
    data: PathBuf,
    config: PathBuf,
}

fn dirs() -> Dirs {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().to_path_buf();
    Dirs {
        decks: root.join("decks"),
        data: root.join("data"),
        config: root.join("config.toml"),
        _temp: temp,
    }
}

fn flashdeck(dirs: &Dirs) -> Command {
    let mut command = Command::cargo_bin("flashdeck").unwrap();
    command
        .env("TZ", "UTC")
        .env("FLASHDECK_DEVICE", "test")
        .arg("--decks")
        .arg(&dirs.decks)
        .arg("--data-dir")
        .arg(&dirs.data)
        .arg("--config")
        .arg(&dirs.config);
    command
}

/// The schedulers of the imported settings: each preset's for the decks its globs name.
struct Imported {
    all: Vec<Scheduler>,
    globs: Vec<Vec<String>>,
}

impl Schedulers for Imported {
    fn global(&self) -> &Scheduler {
        &self.all[0]
    }
    fn all(&self) -> &[Scheduler] {
        &self.all
    }
    fn index_for(&self, card: &str) -> usize {
        let deck = flashdeck::store::deck_of(card);
        self.globs
            .iter()
            .position(|globs| globs.iter().any(|g| config::glob_matches(g, deck)))
            .map_or(0, |i| i + 1)
    }
}

fn imported_schedulers(config_path: &Path) -> Imported {
    let (config, problems) = config::load(config_path, true);
    assert!(problems.is_empty(), "{problems:?}");
    let mut all = vec![Scheduler::new(config.scheduling.clone()).unwrap()];
    let mut globs = Vec::new();
    for preset in &config.presets {
        all.push(Scheduler::new(preset.scheduling.clone()).unwrap());
        globs.push(preset.decks.clone());
    }
    Imported { all, globs }
}

/// The card id flashdeck gives an Anki card, worked out from Anki's data alone.
fn card_id(card: &Value) -> String {
    let deck: Vec<String> = card["deck"]
        .as_str()
        .unwrap()
        .split("::")
        .map(str::to_lowercase)
        .collect();
    let base = base_key(card["guid"].as_str().unwrap());
    let ord = card["ord"].as_u64().unwrap();
    let key = match (card["notetype"].as_str().unwrap(), ord) {
        ("Cloze", n) => format!("{base}~c{}", n + 1),
        (_, 0) => base,
        (kind, 1) if kind.starts_with("Basic (") => format!("{base}{REVERSE_SUFFIX}"),
        (_, n) => format!("{base}-t{}", n + 1),
    };
    format!("{}/{key}", deck.join("/"))
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("expected.json")).unwrap()).unwrap()
}

/// The day Anki's state was dumped: after the last simulated day's actions.
fn dump_day(expected: &Value) -> Day {
    let secs = expected["dumped_at"].as_i64().unwrap();
    let time: DateTime<FixedOffset> = DateTime::from_timestamp(secs, 0).unwrap().into();
    Calendar::default().day(time)
}

fn state_name(anki: &Value) -> &'static str {
    match (
        anki["queue"].as_i64().unwrap(),
        anki["type"].as_i64().unwrap(),
    ) {
        (-1, _) => "suspended",
        (-3 | -2, _) => "buried",
        (_, 0) => "new",
        (_, 1) => "learning",
        (_, 2) => "review",
        _ => "relearning",
    }
}

fn check_against_anki(package: &str) {
    let dirs = dirs();
    flashdeck(&dirs)
        .arg("import")
        .arg(fixture(package))
        .assert()
        .success();
    let schedulers = imported_schedulers(&dirs.config);
    let (history, problems) = Store::new(&dirs.data, "test").history().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let expected = expected();
    let day = dump_day(&expected);
    let mut reviewed = 0;
    let mut verbs_differ = 0;
    for anki in expected["cards"].as_array().unwrap() {
        let id = card_id(anki);
        let folded = history.fold(&id, &schedulers, day);
        assert_eq!(
            folded.practice.starred,
            anki["flag"].as_i64() != Some(0),
            "{id}: star"
        );
        let state = folded.state;
        let ours = if state.suspended {
            "suspended"
        } else if state.buried_until.is_some_and(|until| until > day) {
            "buried"
        } else {
            state.phase.name()
        };
        assert_eq!(ours, state_name(anki), "{id}: {anki}");
        match (anki["stability"].as_f64(), state.memory) {
            (Some(stability), Some(memory)) => {
                reviewed += 1;
                let difficulty = anki["difficulty"].as_f64().unwrap();
                let off = |ours: f32, theirs: f64| (f64::from(ours) - theirs).abs() / theirs;
                assert!(
                    off(memory.stability, stability) < 0.005,
                    "{id}: stability {} against Anki's {stability}",
                    memory.stability
                );
                assert!(
                    off(memory.difficulty, difficulty) < 0.005,
                    "{id}: difficulty {} against Anki's {difficulty}",
                    memory.difficulty
                );
            }
            (None, None) => {}
            (theirs, ours) => panic!("{id}: Anki's stability {theirs:?}, ours {ours:?}"),
        }
        // The Verbs preset's own parameters matter: the global defaults give other values.
        if id.starts_with("spanish/verbs/")
            && let (Some(ours), Some(theirs)) = (
                history.fold(&id, schedulers.global(), day).state.memory,
                anki["stability"].as_f64(),
            )
            && (f64::from(ours.stability) - theirs).abs() / theirs > 0.005
        {
            verbs_differ += 1;
        }
    }
    assert!(reviewed >= 15, "only {reviewed} reviewed cards compared");
    assert!(
        verbs_differ >= 3,
        "the Verbs preset's parameters made no difference"
    );
}

#[test]
fn the_current_apkg_replays_as_anki_computed() {
    check_against_anki("collection.apkg");
}

#[test]
fn the_current_colpkg_replays_as_anki_computed() {
    check_against_anki("collection.colpkg");
}

#[test]
fn the_legacy_colpkg_replays_as_anki_computed() {
    check_against_anki("legacy.colpkg");
}

/// End to end through the deck loader: every imported deck (Basic, reversed, typed, cloze and a
/// custom note type with two templates) loads as it was written, and `export --json` gives
/// Anki's memory states and states for every card.
#[test]
fn an_imported_deck_loads_and_exports_anki_s_memory_states() {
    let dirs = dirs();
    flashdeck(&dirs)
        .arg("import")
        .arg(fixture("collection.colpkg"))
        .assert()
        .success();
    let output = flashdeck(&dirs)
        .args(["export", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let exported: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let expected = expected();
    let cards: Vec<&Value> = expected["cards"].as_array().unwrap().iter().collect();
    // Spanish::Verbs alone has 7: comer's two templates, beber's first only (no example), and
    // 4 verbs.
    let verbs = cards
        .iter()
        .filter(|c| c["deck"] == "Spanish::Verbs")
        .count();
    assert_eq!(verbs, 7);
    assert_eq!(exported.len(), cards.len());
    // The cards of a note with several templates are siblings: one entry, as a card and its
    // reverse are.
    let verbs_file = dirs.decks.join("spanish/verbs.toml");
    let verbs_deck = flashdeck::deck::parse_deck(
        flashdeck::deck::DeckId::new("spanish/verbs"),
        flashdeck::deck::Source::File(verbs_file.clone()),
        &std::fs::read_to_string(&verbs_file).unwrap(),
    )
    .unwrap();
    let templated: Vec<&Value> = cards
        .iter()
        .copied()
        .filter(|c| c["ord"] == 1 && c["notetype"] != "Cloze")
        .filter(|c| !c["notetype"].as_str().unwrap().starts_with("Basic ("))
        .collect();
    assert!(!templated.is_empty(), "the fixture has a two-template note");
    for second in templated {
        let entry_of = |id: &str| {
            let card = verbs_deck.cards.iter().find(|c| c.id.as_str() == id);
            card.map(|c| c.entry_id().to_owned())
        };
        let first = card_id(second).replacen("-t2", "", 1);
        assert_eq!(entry_of(&card_id(second)), entry_of(&first), "{first}");
        assert!(entry_of(&first).is_some(), "{first}");
    }
    for anki in cards {
        let id = card_id(anki);
        let ours = exported.iter().find(|c| c["id"] == id.as_str()).unwrap();
        // A bury lasts the day Anki's clock was on, long past now: the card's own state shows.
        let mut state = state_name(anki);
        if state == "buried" {
            state = match anki["type"].as_i64().unwrap() {
                0 => "new",
                1 => "learning",
                2 => "review",
                _ => "relearning",
            };
        }
        assert_eq!(ours["state"], state, "{id}");
        for field in ["stability", "difficulty"] {
            // A card Anki never scheduled has no memory state, and neither has ours.
            let Some(theirs) = anki[field].as_f64() else {
                assert!(ours[field].is_null(), "{id}: {field} {}", ours[field]);
                continue;
            };
            let ours = ours[field].as_f64().unwrap();
            assert!(
                (ours - theirs).abs() / theirs < 0.005,
                "{id}: {field} {ours} against {theirs}"
            );
        }
    }
}

//! Presets through the real binary: `config show` says each deck's preset and where each value
//! comes from; `optimize` fits a preset on its decks' reviews and changes only its table. The
//! history is the real one in `tests/fixtures/`, its cards split between two decks.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;

use temp_home::flashdeck;

const SETTINGS: &str = "new_per_day = 7\n\n[presets.lang]\ndecks = [\"lang\"]\ndesired_retention = 0.85\n\n[presets.tiny]\ndecks = [\"tiny\"]\n";

/// A home with the decks `lang`, `math`, `tiny`, `odd` (whose file names the preset `fast`,
/// which the settings lack) and `spanish` (whose file names `tiny`), [`SETTINGS`], and the real
/// history: the first half of its
/// cards (by id) in `lang`, the rest in `math`. Returns the reviews of each of the two.
fn home() -> (TempDir, PathBuf, usize, usize) {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("data/decks");
    std::fs::create_dir_all(&decks).unwrap();
    for (id, extra) in [
        ("lang", ""),
        ("math", ""),
        ("tiny", ""),
        ("odd", "preset = \"fast\"\n"),
        ("spanish", "preset = \"tiny\"\n"),
    ] {
        std::fs::write(
            decks.join(format!("{id}.toml")),
            format!("[deck]\nname = \"{id}\"\n{extra}[[cards]]\nfront = \"f\"\nback = \"b\"\n"),
        )
        .unwrap();
    }
    let config = home.path().join("config.toml");
    std::fs::write(&config, SETTINGS).unwrap();
    let csv = include_str!("fixtures/review-log-one-user-2024.csv");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|line| line.split(',').collect())
        .collect();
    let mut reviews: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &rows {
        *reviews.entry(row[0]).or_default() += 1;
    }
    let half = reviews.len() / 2;
    let deck_of: BTreeMap<&str, &str> = reviews
        .keys()
        .enumerate()
        .map(|(i, card)| (*card, if i < half { "lang" } else { "math" }))
        .collect();
    let lang: usize = reviews.values().take(half).sum();
    let math: usize = reviews.values().skip(half).sum();
    let mut log = String::new();
    for row in &rows {
        let _ = writeln!(
            log,
            "{{\"card\":\"{}/{}\",\"time\":\"{}\",\"rating\":{}}}",
            deck_of[row[0]], row[0], row[2], row[1]
        );
    }
    let reviews_dir = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews_dir).unwrap();
    std::fs::write(reviews_dir.join("real.jsonl"), log).unwrap();
    (home, config, lang, math)
}

fn stdout(home: &TempDir, args: &[&str]) -> String {
    let output = flashdeck(home).args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The comment after `key = …` on the first line that sets it at or after `from`.
fn origin(text: &str, from: usize, key: &str) -> String {
    let line = text
        .lines()
        .skip(from)
        .find(|line| line.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("no {key} after line {from}:\n{text}"));
    line.split_once("  # ").unwrap().1.to_owned()
}

#[test]
fn config_show_says_each_decks_preset_and_where_each_value_comes_from() {
    let (home, config, _, _) = home();
    let text = stdout(&home, &["config", "show"]);
    let file = config.display().to_string();
    assert_eq!(origin(&text, 0, "new_per_day"), format!("{file}:1"));
    let lang = text
        .lines()
        .position(|line| line.starts_with("[presets.lang]"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        text.lines()
            .nth(lang)
            .unwrap()
            .ends_with(&format!("# {file}:3"))
    );
    assert_eq!(origin(&text, lang, "decks"), format!("{file}:4"));
    assert_eq!(
        origin(&text, lang, "desired_retention"),
        format!("{file}:5")
    );
    assert!(text.contains("desired_retention = 0.85 "), "{text}");
    // Not set in the preset: the global section's line, or its default.
    assert_eq!(
        origin(&text, lang, "new_per_day"),
        format!("global, {file}:1")
    );
    assert_eq!(origin(&text, lang, "learning_steps"), "global, default");
    // A preset holds no collection-wide setting.
    let tiny = text
        .lines()
        .position(|l| l.starts_with("[presets.tiny]"))
        .unwrap();
    assert!(
        !text
            .lines()
            .skip(lang)
            .take(tiny - lang)
            .any(|l| l.starts_with("rollover_hour")),
        "{text}"
    );
    let deck_line = |id: &str| {
        text.lines()
            .find(|line| line.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no deck {id}:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        deck_line("lang"),
        format!("lang lang # glob \"lang\", {file}:4")
    );
    assert_eq!(deck_line("math"), "math global # no preset names it");
    let spanish = home.path().join("data/decks/spanish.toml");
    assert_eq!(
        deck_line("spanish"),
        format!("spanish tiny # its file, {}:3", spanish.display())
    );
    assert_eq!(
        deck_line("tiny"),
        format!("tiny tiny # glob \"tiny\", {file}:8")
    );
    let odd = deck_line("odd");
    assert!(
        odd.starts_with("odd global # warning: its file names the preset \"fast\" (")
            && odd.ends_with("odd.toml:3), which the settings do not define"),
        "{odd}"
    );
}

#[test]
fn optimize_fits_a_preset_on_its_decks_and_changes_only_its_table() {
    let (home, config, lang, math) = home();
    assert!(lang > 1000 && math > 1000, "both halves are enough to fit");
    let output = flashdeck(&home)
        .args(["optimize", "--json", "--preset", "lang"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["preset"], "lang");
    assert_eq!(json["reviews"], lang);
    assert!(json.get("presets").is_none(), "{json}");
    assert_eq!(json["verdict"], "keep", "{json}");

    // The global section and the other preset are as they were; `lang` gained its fit.
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.starts_with(
            "new_per_day = 7\n\n[presets.lang]\ndecks = [\"lang\"]\ndesired_retention = 0.85\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("[presets.tiny]\ndecks = [\"tiny\"]\n"),
        "{text}"
    );
    let (read, problems) = flashdeck::config::parse(&text, &config);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(read.scheduling.parameters.is_empty());
    assert_eq!(read.optimized, None);
    let lang_preset = &read.presets[0];
    assert_eq!(lang_preset.scheduling.parameters.len(), 21);
    assert_ne!(
        lang_preset.scheduling.parameters,
        fsrs::DEFAULT_PARAMETERS.to_vec()
    );
    assert!(lang_preset.optimized.is_some());
    assert!(read.presets[1].scheduling.parameters.is_empty());
    assert_eq!(read.presets[1].optimized, None);
}

#[test]
fn optimize_without_a_preset_fits_each_one_and_the_global_section_on_the_rest() {
    let (home, config, lang, math) = home();
    let output = flashdeck(&home)
        .args(["optimize", "--json", "--dry-run"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The global section: `math` and `odd`, the decks without a preset.
    assert!(json.get("preset").is_none(), "{json}");
    assert_eq!(json["reviews"], math);
    let presets = json["presets"].as_array().unwrap();
    assert_eq!(presets.len(), 2);
    assert_eq!(
        (&presets[0]["preset"], &presets[0]["reviews"]),
        (&"lang".into(), &lang.into())
    );
    assert_eq!(
        (&presets[1]["preset"], &presets[1]["reviews"]),
        (&"tiny".into(), &0.into())
    );
    // Never studied: its own verdict, as the text's "No reviews yet".
    assert_eq!(presets[1]["verdict"], "no_reviews", "{json}");
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        SETTINGS,
        "--dry-run"
    );

    // In words: one table per preset, each under its name.
    let text = stdout(&home, &["optimize", "--dry-run"]);
    let headings: Vec<&str> = text.lines().filter(|line| line.ends_with("):")).collect();
    assert_eq!(
        headings,
        [
            "Global settings (decks without a preset):",
            "Preset lang ([presets.lang]):",
            "Preset tiny ([presets.tiny]):",
        ],
        "{text}"
    );
    assert!(
        text.ends_with(
            "Preset tiny ([presets.tiny]):\n0 reviews of 0 cards (0 training items to fit on)\nNo reviews yet: the parameters in effect stay.\n"
        ),
        "{text}"
    );
    assert_eq!(
        text.matches("parameters                        log loss")
            .count(),
        2,
        "{text}"
    );

    let output = flashdeck(&home)
        .args(["optimize", "--preset", "nope"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no preset `nope` in") && stderr.contains("(it has lang, tiny)"),
        "{stderr}"
    );
}

#[test]
fn check_warns_of_a_deck_naming_an_unknown_preset_and_still_passes() {
    let (home, _, _, _) = home();
    let output = flashdeck(&home).arg("check").output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let odd = home.path().join("data/decks/odd.toml");
    assert!(
        stderr.contains(&format!(
            "warning: {}:3: the preset \"fast\" is not in the settings; the deck is scheduled with the global settings",
            odd.display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_bad_preset_value_is_a_warning_with_its_place_and_the_rest_still_works() {
    let (home, config, _, _) = home();
    std::fs::write(
        &config,
        "[presets.lang]\ndecks = [\"lang\"]\ndesired_retention = 2\nlearning_steps = \"1m\"\n",
    )
    .unwrap();
    let output = flashdeck(&home).args(["due", "--json"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let file = config.display();
    assert_eq!(
        stderr,
        format!(
            "warning: {file}:3:21: `desired_retention` in `[presets.lang]` is 2, but must be from 0.7 to 0.99; using the global setting\n\
             warning: {file}:4:18: `learning_steps` in `[presets.lang]` must be a list of durations from 1s to 365d, like [\"1m\", \"10m\", \"1d\"]; using the global setting\n"
        )
    );
}

#[test]
fn config_show_quotes_preset_names_as_toml_does_and_warns_of_an_empty_one() {
    let (home, config, _, _) = home();
    std::fs::write(
        &config,
        "[presets.\"日本語 🎌\"]\nnew_per_day = 3\n\n[presets.\"\"]\nnew_per_day = 4\n",
    )
    .unwrap();
    let output = flashdeck(&home).args(["config", "show"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout
            .lines()
            .any(|line| line.starts_with("[presets.\"日本語 🎌\"]")),
        "{stdout}"
    );
    assert!(!stdout.contains("[presets.]"), "{stdout}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: {}:4:10: `[presets.\"\"]` has an empty name: ignored, a preset needs a name for decks to take it by\n",
            config.display()
        )
    );
}

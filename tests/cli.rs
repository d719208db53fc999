//! The real binary's non-interactive commands, run against fixture decks and exports in a
//! temporary home, so nothing outside the test's folders is read or written.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

#[path = "support/holiday.rs"]
mod holiday;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A `flashdeck` command with its home, data dir and working directory in `home`.
fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("flashdeck").unwrap();
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("FLASHDECK_DECKS")
        .env_remove("FLASHDECK_DATA_DIR")
        .env_remove("FLASHDECK_CONFIG");
    cmd
}

#[test]
fn check_accepts_valid_decks() {
    let home = TempDir::new().unwrap();
    flashdeck(&home)
        .args(["check"])
        .arg(repo("tests/fixtures/decks/valid"))
        .assert()
        .success()
        .stdout("ok: 1 deck with 4 cards\n");
    flashdeck(&home)
        .arg("check")
        .arg(repo("decks/sales-optimization-levers.toml"))
        .assert()
        .success()
        .stdout("ok: 1 deck with 100 cards\n");
}

#[test]
fn check_reports_every_problem_with_its_position_and_fails() {
    let home = TempDir::new().unwrap();
    let file = repo("tests/fixtures/decks/invalid/many-problems.toml");
    let assert = flashdeck(&home).arg("check").arg(&file).assert().code(1);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let lines: Vec<_> = stderr.lines().collect();
    assert_eq!(lines.len(), 8, "{stderr}");
    assert_eq!(
        lines[1],
        format!(
            "{}:2:1: unknown key `nme` in `[deck]`; did you mean `name`?",
            file.display()
        )
    );
    assert_eq!(lines[7], "7 problems in 1 file; 0 valid decks with 0 cards");
}

#[test]
fn check_without_paths_checks_the_deck_folder() {
    let home = TempDir::new().unwrap();
    flashdeck(&home)
        .arg("check")
        .arg("--decks")
        .arg(repo("tests/fixtures/decks"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "16 files; 1 valid deck with 4 cards",
        ));
    flashdeck(&home)
        .arg("check")
        .arg("no/such/file.toml")
        .assert()
        .code(1)
        .stderr("no/such/file.toml: no such file or folder\n");
}

#[test]
fn list_shows_decks_as_a_table_and_as_json() {
    let home = TempDir::new().unwrap();
    flashdeck(&home)
        .arg("list")
        .env("FLASHDECK_DECKS", repo("decks"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "sales-optimization-levers    100  Sales & Pricing - 4. Sales Optimization Levers",
        ));
    let output = flashdeck(&home)
        .args(["list", "--json", "--decks"])
        .arg(repo("tests/fixtures/decks/valid"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["id"], "languages/spanish");
    assert_eq!(json[0]["name"], "Spanish basics");
    assert_eq!(json[0]["cards"], 4);
    assert_eq!(json[0]["problems"], 0);
    assert!(
        json[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("languages/spanish.toml")
    );
}

#[test]
fn with_no_deck_folder_the_built_in_deck_is_there() {
    let home = TempDir::new().unwrap();
    flashdeck(&home).arg("list").assert().success().stdout(
        predicate::str::contains("sales-optimization-levers    100")
            .and(predicate::str::contains("<built in>")),
    );
}

#[test]
fn a_missing_explicit_deck_folder_is_an_error() {
    let home = TempDir::new().unwrap();
    flashdeck(&home)
        .args(["list", "--decks", "nowhere"])
        .assert()
        .code(1)
        .stderr("flashdeck: the deck folder nowhere does not exist or is not a folder (it was set from the command line)\n");
}

#[test]
fn version_prints_every_location_and_its_origin() {
    let home = TempDir::new().unwrap();
    let data = home.path().join("somewhere");
    flashdeck(&home)
        .arg("--version")
        .env("FLASHDECK_DATA_DIR", &data)
        .assert()
        .success()
        .stdout(format!(
            "flashdeck {}\ndecks   {}/decks (default, plus the built-in example deck)\ndata    {} (from $FLASHDECK_DATA_DIR)\nconfig  {}/config/flashdeck/config.toml (default)\n",
            env!("CARGO_PKG_VERSION"),
            data.display(),
            data.display(),
            home.path().display(),
        ));
}

#[test]
fn import_each_format_writes_a_deck_that_passes_check() {
    let home = TempDir::new().unwrap();
    let cases: &[(&str, &[&str], usize)] = &[
        ("quizlet-spanish.txt", &[], 5),
        (
            "quizlet-custom.txt",
            &["--term-sep", " - ", "--card-sep", ";"],
            3,
        ),
        ("knowt.txt", &[], 3),
        ("cards.csv", &[], 3),
        ("anki-basic.txt", &[], 4),
        // Its second note is "Basic (and reversed card)": two cards.
        ("anki-guid.txt", &["--format", "anki"], 3),
    ];
    for (file, flags, cards) in cases {
        let out = home.path().join(format!("{file}.toml"));
        flashdeck(&home)
            .arg("import")
            .arg(repo(&format!("tests/fixtures/import/{file}")))
            .args(*flags)
            .arg("-o")
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!(
                "imported {cards} cards from {file}"
            )));
        flashdeck(&home)
            .arg("check")
            .arg(&out)
            .assert()
            .success()
            .stdout(format!("ok: 1 deck with {cards} cards\n"));
    }
}

#[test]
fn import_reports_skipped_rows_with_line_numbers() {
    let home = TempDir::new().unwrap();
    let export = repo("tests/fixtures/import/quizlet-spanish.txt");
    flashdeck(&home)
        .arg("import")
        .arg(&export)
        .args(["--name", "Spanish"])
        .assert()
        .success()
        .stderr(format!(
            "{0}:5: skipped: no separator between term and definition (a tab)\n{0}:7: skipped: the definition (back) is empty\n",
            export.display()
        ))
        .stdout(predicate::str::contains("skipped 2 rows"));
}

#[test]
fn import_without_output_writes_into_the_data_folder_and_never_overwrites() {
    let home = TempDir::new().unwrap();
    let export = repo("tests/fixtures/import/anki-basic.txt");
    let target = home.path().join("data/flashdeck/decks/biology-101.toml");
    flashdeck(&home)
        .arg("import")
        .arg(&export)
        .args(["--name", "Biology 101"])
        .assert()
        .success();
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(first.contains("name = \"Biology 101\""), "{first}");

    // The imported deck joins the built-in one in the default deck folder.
    flashdeck(&home).arg("list").assert().success().stdout(
        predicate::str::contains("biology-101")
            .and(predicate::str::contains("sales-optimization-levers")),
    );

    // A second import of another file to the same name is refused and changes nothing.
    flashdeck(&home)
        .arg("import")
        .arg(repo("tests/fixtures/import/cards.csv"))
        .args(["--name", "Biology 101"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), first);

    flashdeck(&home)
        .arg("import")
        .arg(repo("tests/fixtures/import/cards.csv"))
        .args(["--name", "Biology 101", "--force"])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Capital of France")
    );
}

#[test]
fn import_of_an_unrecognised_file_says_how_to_proceed() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("notes.txt");
    std::fs::write(&file, "just some words\n").unwrap();
    flashdeck(&home)
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot tell which export this is; pass --format",
        ));
    std::fs::write(&file, b"a\t\xff\n").unwrap();
    flashdeck(&home)
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not UTF-8 text"));
}

/// A home whose review log has, from another program: an Easy answer on `kam` 20 days ago
/// (so it is due), an answer on a card no deck has, and a torn last line.
fn home_with_log() -> TempDir {
    let home = TempDir::new().unwrap();
    let reviews = home.path().join("data/flashdeck/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let then = (chrono::Utc::now() - chrono::Duration::days(20)).to_rfc3339();
    std::fs::write(
        reviews.join("phone.jsonl"),
        format!(
            "{{\"card\":\"sales-optimization-levers/kam\",\"time\":\"{then}\",\"rating\":4}}\n\
             {{\"card\":\"sales-optimization-levers/renamed-card\",\"time\":\"{then}\",\"rating\":3}}\n\
             {{\"card\":\"sales-optimization-levers/kam\",\"ti"
        ),
    )
    .unwrap();
    home
}

#[test]
fn due_counts_new_learning_and_review_per_deck() {
    let home = home_with_log();
    flashdeck(&home).arg("due").assert().success().stdout(
        "DECK                         NEW  LEARNING  REVIEW\n\
             sales-optimization-levers     20         0       1\n\
             total                         20         0       1\n",
    );
    let output = flashdeck(&home).args(["due", "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{"deck": "sales-optimization-levers", "name": "Sales & Pricing - 4. Sales Optimization Levers", "new": 20, "learning": 0, "review": 1}])
    );
}

#[test]
fn export_prints_every_card_with_its_schedule() {
    let home = home_with_log();
    let output = flashdeck(&home).arg("export").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,deck,front,state,due,stability,difficulty,retrievability,reps,lapses,last_review")
    );
    let kam = lines.next().unwrap();
    assert!(kam.starts_with("sales-optimization-levers/kam,sales-optimization-levers,Key Account Management (KAM),review,"), "{kam}");
    // FSRS-6's initial stability for Easy.
    assert!(kam.contains(",8.2956,"), "{kam}");
    assert_eq!(text.lines().count(), 101, "a header and 100 cards");

    let output = flashdeck(&home)
        .args(["export", "--json", "sales-optimization-levers"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = json[0].as_object().unwrap();
    // Exactly these fields (serde_json's map sorts them).
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    let mut expected = [
        "id",
        "deck",
        "front",
        "state",
        "due",
        "stability",
        "difficulty",
        "retrievability",
        "reps",
        "lapses",
        "last_review",
    ];
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    // Recall after 20 days of an 8.3-day stability is below the 90% target.
    let r = first["retrievability"].as_f64().unwrap();
    assert!(r > 0.5 && r < 0.9, "{r}");
    assert_eq!(json[1]["state"], "new");
    assert_eq!(json[1]["due"], serde_json::Value::Null);
    flashdeck(&home)
        .args(["export", "nope"])
        .assert()
        .code(1)
        .stderr("flashdeck: no deck `nope`; `flashdeck list` shows the deck ids\n");
}

#[test]
fn check_reports_orphaned_histories_and_unreadable_lines_but_passes() {
    let home = home_with_log();
    let assert = flashdeck(&home).arg("check").assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("phone.jsonl:3: "), "{stderr}");
    assert!(
        stderr.contains("(the line is skipped and kept)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 event for 1 card no deck has"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  sales-optimization-levers/renamed-card (1 event)"),
        "{stderr}"
    );
    // Reading never rewrites the log.
    let log =
        std::fs::read_to_string(home.path().join("data/flashdeck/reviews/phone.jsonl")).unwrap();
    assert!(log.ends_with("\"ti"));
}

#[test]
fn config_path_init_and_show() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("config/flashdeck/config.toml");
    flashdeck(&home)
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", path.display()));
    flashdeck(&home).args(["config", "init"]).assert().success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("rollover_hour = 4")
    );
    flashdeck(&home)
        .args(["config", "init"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; pass --force"));
    std::fs::write(&path, "new_per_day = 3\nrollover_hour = 30\n").unwrap();
    let assert = flashdeck(&home).args(["config", "show"]).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains("new_per_day = 3 ") && stdout.contains(&format!("# {}:1", path.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("rollover_hour = 4") && stdout.contains("# default"),
        "{stdout}"
    );
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: {}:2:17: `rollover_hour` is 30, but must be a whole number from 0 to 23; using the default\n",
            path.display()
        )
    );
    // The setting is in effect, and a broken one does not stop studying.
    flashdeck(&home)
        .arg("due")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "sales-optimization-levers      3         0       0",
        ));
}

#[test]
fn a_decks_own_limit_beats_the_setting() {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("small.toml"),
        "[deck]\nname = \"Small\"\nnew_per_day = 2\n\n[[cards]]\nfront = \"a\"\nback = \"1\"\n\n[[cards]]\nfront = \"b\"\nback = \"2\"\n\n[[cards]]\nfront = \"c\"\nback = \"3\"\n",
    )
    .unwrap();
    flashdeck(&home)
        .args(["due", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"new\": 2"));
    std::fs::write(
        decks.join("bad.toml"),
        "[deck]\nname = \"Bad\"\nnew_per_day = -1\n\n[[cards]]\nfront = \"a\"\nback = \"1\"\n",
    )
    .unwrap();
    flashdeck(&home)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bad.toml:3:15: `new_per_day` must be a whole number from 0 to 9999",
        ));
}

/// The JSON a successful run with `args` prints.
fn json_of(home: &TempDir, args: &[&str]) -> serde_json::Value {
    let output = flashdeck(home).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn stats_json_has_the_screens_figures() {
    let home = home_with_log();
    let json = json_of(&home, &["stats", "--json"]);
    // One answer on `kam` 20 days ago (the torn line and the orphan do not count).
    assert_eq!(json["total_answers"], 1);
    assert_eq!(json["days_studied"], 1);
    assert_eq!(json["today"]["answers"], 0);
    assert_eq!(json["cards"]["new"], 99);
    assert_eq!(json["cards"]["young"], 1);
    assert_eq!(json["calendar"].as_array().unwrap().len(), 365);
    assert_eq!(json["calendar"][344], 1, "20 days before today");
    assert_eq!(json["forecast"][0], 1, "overdue, so due today");
    assert_eq!(json["decks"][0]["deck"], "sales-optimization-levers");
    assert_eq!(
        json["retention"]["year"]["all"]["total"], 0,
        "a first answer is never counted"
    );
    let text = flashdeck(&home).arg("stats").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("\nTotal: 1 answer on 1 day\n"), "{text}");
    assert!(json.get("motivation").is_none(), "off by default");
}

/// `stats --json` over [`home_with_log`] with `config` as its config.toml.
fn stats_json_with(home: &TempDir, config: &str) -> serde_json::Value {
    let dir = home.path().join("config/flashdeck");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), config).unwrap();
    let output = flashdeck(home).args(["stats", "--json"]).output().unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn stats_json_has_only_the_motivation_the_settings_turn_on() {
    let home = home_with_log();
    // The streak as with XP on (stats_json_has_streak_and_xp_when_they_are_on), and no XP.
    assert_eq!(
        stats_json_with(&home, "streak = true\n")["motivation"],
        serde_json::json!({"streak": {"current": 0, "best": 1, "today_done": false}})
    );
    assert_eq!(
        stats_json_with(&home, "xp = true\n")["motivation"],
        serde_json::json!({"xp": 20, "level": {"level": 1, "into": 20, "needed": 100}})
    );
}

#[test]
fn stats_json_has_streak_and_xp_when_they_are_on() {
    let home = home_with_log();
    let json = stats_json_with(&home, "streak = true\nxp = true\n");
    // Two answers 20 days ago (the orphan's too: what was studied stays studied): 20 XP.
    assert_eq!(
        json["motivation"]["level"],
        serde_json::json!({"level": 1, "into": 20, "needed": 100})
    );
    // That day counts (everything due was done), but `kam` came due about a week later and
    // was never answered: the streak broke then.
    assert_eq!(
        json["motivation"]["streak"],
        serde_json::json!({"current": 0, "best": 1, "today_done": false})
    );
    let text = flashdeck(&home).arg("stats").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    // The total, as the TUI's home screen and statistics say it.
    assert!(
        text.ends_with("streak 0 · level 1 · 20 XP (80 to level 2)\n"),
        "{text}"
    );
}

#[test]
fn optimize_fits_the_real_history_keeps_better_parameters_and_only_those() {
    let home = TempDir::new().unwrap();
    let revlog = repo("tests/fixtures/review-log-one-user-2024.csv");
    let config = home.path().join("config/flashdeck/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "# mine\nnew_per_day = 7\n").unwrap();
    let output = flashdeck(&home)
        .args(["optimize", "--json", "--revlog"])
        .arg(&revlog)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["reviews"], 12_580);
    assert_eq!(json["cards"], 1205);
    assert_eq!(json["verdict"], "keep");
    let default = json["current_fit"]["log_loss"].as_f64().unwrap();
    let fitted = json["fitted_fit"]["log_loss"].as_f64().unwrap();
    assert!(fitted < default, "fitted {fitted} vs default {default}");
    assert_eq!(json["fitted"].as_array().unwrap().len(), 21);
    assert_eq!(json["written_to"], config.display().to_string());

    // Written beside what was there, with the date; `config show` shows them.
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.starts_with("# mine\nnew_per_day = 7\nparameters = ["),
        "{text}"
    );
    assert!(text.contains("\noptimized = 20"), "{text}");
    let show = flashdeck(&home).args(["config", "show"]).output().unwrap();
    let show = String::from_utf8(show.stdout).unwrap();
    assert!(show.contains(&format!("{}:3", config.display())), "{show}");

    // Fitting again gives nothing better: the file stays as it is.
    let output = flashdeck(&home)
        .args(["optimize", "--revlog"])
        .arg(&revlog)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("predict your history no better"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
}

#[test]
fn optimize_keeps_the_defaults_below_a_thousand_reviews_and_reports_bad_rows() {
    let home = TempDir::new().unwrap();
    let revlog = home.path().join("small.csv");
    std::fs::write(
        &revlog,
        "card_id,review_time,review_rating\n1,1711684180217,3\n1,1711884180217,3\n2,yesterday,3\n2,1711684180217,9\n",
    )
    .unwrap();
    let assert = flashdeck(&home)
        .args(["optimize", "--revlog"])
        .arg(&revlog)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Only 2 reviews: a fit needs about 1000 to be reliable",
        ));
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}:4: skipped: `review_time` must be milliseconds since 1970 or RFC 3339, not `yesterday`",
            revlog.display()
        )) && stderr.contains(":5: skipped: `review_rating`: rating must be 1-4, not 9"),
        "{stderr}"
    );
    assert!(!home.path().join("config/flashdeck/config.toml").exists());
}

#[test]
fn simulate_introduces_every_new_card_and_prices_each_retention() {
    let home = TempDir::new().unwrap();
    let output = flashdeck(&home)
        .args(["simulate", "--json", "--days", "60", "--new-per-day", "10"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["plan"]["new_per_day"], 10);
    let workload = &json["workload"];
    assert_eq!(workload["cards"], 100);
    let periods = workload["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 9, "7-day stretches over 60 days");
    // 10 a day introduces the 100 bundled cards in the first 10 days, and no more.
    let introduced: f64 = periods
        .iter()
        .map(|p| {
            let days = p["last_day"].as_f64().unwrap() - p["first_day"].as_f64().unwrap() + 1.0;
            p["new_per_day"].as_f64().unwrap() * days
        })
        .sum();
    assert!((introduced - 100.0).abs() < 1e-6, "{introduced}");
    let per_day: Vec<f64> = json["compared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["reviews_per_day"].as_f64().unwrap())
        .collect();
    assert_eq!(per_day.len(), 5);
    assert!(per_day.windows(2).all(|w| w[0] < w[1]), "{per_day:?}");

    flashdeck(&home)
        .args(["simulate", "--retention", "1.5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--retention must be from 0.70 to 0.99",
        ));
}

/// Easy days show in `simulate`: it says how intervals are placed, and an average Sunday at 0 %
/// has far fewer reviews than a weekday (only intervals of a day or two, which are not fuzzed).
#[test]
fn simulate_shows_the_easy_days() {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config/flashdeck/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "easy_days = { sunday = 0 }\n").unwrap();
    let output = flashdeck(&home)
        .args(["simulate", "--days", "90", "--new-per-day", "10"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "Intervals load balanced (days with fewer reviews preferred).\nEasy days: Sun 0%.\n"
        ),
        "{stdout}"
    );
    let output = flashdeck(&home)
        .args(["simulate", "--json", "--days", "90", "--new-per-day", "10"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let by_weekday: Vec<f64> = json["workload"]["by_weekday"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_f64().unwrap())
        .collect();
    let weekdays = by_weekday[..5].iter().sum::<f64>() / 5.0;
    assert!(by_weekday[6] < weekdays / 2.0, "{by_weekday:?}");
}

#[test]
fn catch_up_over_one_day_is_refused_as_it_would_move_nothing() {
    let home = TempDir::new().unwrap();
    let reviews = holiday::write(home.path());
    let output = flashdeck(&home)
        .args(["catch-up", "--days", "1", "--apply"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "--days must be from 2 to 365 (one day would move nothing)\n"
    );
    assert_eq!(holiday::log_lines(&reviews), 80, "nothing written");
}

#[test]
fn catch_up_previews_applies_and_undoes_a_backlog_plan() {
    let home = TempDir::new().unwrap();
    let reviews = holiday::write(home.path());
    let lines = || holiday::log_lines(&reviews);
    let due = |home: &TempDir| -> String {
        let output = flashdeck(home).arg("due").output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(
        due(&home).contains("holiday      5         0      80"),
        "{}",
        due(&home)
    );

    let preview = flashdeck(&home)
        .args(["catch-up", "--days", "4"])
        .output()
        .unwrap();
    let preview = String::from_utf8(preview.stdout).unwrap();
    assert!(preview.contains("Holiday: 80 reviews due"), "{preview}");
    assert!(preview.contains("Nothing changed yet"), "{preview}");
    assert_eq!(lines(), 80);

    flashdeck(&home)
        .args(["catch-up", "--days", "4", "--apply"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Done: 60 reviews moved to later days.",
        ));
    assert_eq!(lines(), 140);
    assert!(
        due(&home).contains("holiday      0         0      20"),
        "{}",
        due(&home)
    );
    // Applying again would stack a second plan on the first: refused, nothing written.
    flashdeck(&home)
        .args(["catch-up", "--days", "4", "--apply"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a backlog plan is already in effect (60 moved reviews still to come); `flashdeck catch-up --undo` takes it back, then plan again",
        ));
    assert_eq!(lines(), 140);

    flashdeck(&home)
        .args(["catch-up", "--undo"])
        .assert()
        .success();
    assert!(
        due(&home).contains("holiday      5         0      80"),
        "{}",
        due(&home)
    );
    flashdeck(&home)
        .args(["catch-up", "--undo"])
        .assert()
        .code(1)
        .stderr("there is no backlog plan to undo\n");
}

/// The same history as flashdeck's own log (with `--dry-run`, nothing is saved).
#[test]
fn optimize_reads_flashdecks_own_log() {
    let home = TempDir::new().unwrap();
    let csv = std::fs::read_to_string(repo("tests/fixtures/review-log-one-user-2024.csv")).unwrap();
    let mut log = String::new();
    for line in csv.lines().skip(1) {
        let [card, rating, time, duration] = line.split(',').collect::<Vec<_>>()[..] else {
            panic!("{line}")
        };
        let _ = writeln!(
            log,
            "{{\"card\":\"real/{card}\",\"time\":\"{time}\",\"rating\":{rating},\"duration_ms\":{duration}}}"
        );
    }
    let reviews = home.path().join("data/flashdeck/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    std::fs::write(reviews.join("real.jsonl"), log).unwrap();
    let output = flashdeck(&home)
        .args(["optimize", "--json", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["reviews"], 12_580);
    assert_eq!(json["cards"], 1205);
    assert_eq!(json["verdict"], "keep");
    assert!(json["written_to"].is_null());
    assert!(!home.path().join("config/flashdeck/config.toml").exists());
}

#[test]
fn exam_sets_lists_and_clears_a_decks_exam_date() {
    let home = TempDir::new().unwrap();
    // Counted from the study day, which starts at 4:00 (Anki's rollover): before then it is
    // still yesterday's.
    let today = (chrono::Local::now() - chrono::Duration::hours(4)).date_naive();
    let in_20_days = (today + chrono::Duration::days(20)).to_string();
    flashdeck(&home)
        .arg("exam")
        .assert()
        .success()
        .stdout("No deck has an exam date; `flashdeck exam DECK YYYY-MM-DD` sets one.\n");
    flashdeck(&home)
        .args(["exam", "sales-optimization-levers", &in_20_days])
        .assert()
        .success()
        .stdout(format!("sales-optimization-levers: exam on {in_20_days}\n"));
    flashdeck(&home)
        .arg("exam")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "sales-optimization-levers  {in_20_days}  in 20 days: 0% recalled on the day as things stand; about "
        )));
    flashdeck(&home)
        .args(["exam", "sales-optimization-levers", "2020-01-01"])
        .assert()
        .code(1)
        .stderr("the exam date must be after today\n");
    flashdeck(&home)
        .args(["exam", "sales-optimization-levers", "--clear"])
        .assert()
        .success();
    flashdeck(&home)
        .arg("exam")
        .assert()
        .stdout(predicate::str::starts_with("No deck has an exam date"));
}

#[test]
fn stats_takes_a_search_query_and_refuses_a_bad_one() {
    let home = home_with_log();
    let json = json_of(&home, &["stats", "--json", "is:review"]);
    // Only `kam`, the one card answered, is a review card.
    assert_eq!(json["cards"]["young"], 1);
    assert_eq!(json["cards"]["new"], 0);
    assert_eq!(json["total_answers"], 1);
    assert_eq!(
        json["retention_by_deck"][0]["deck"],
        "sales-optimization-levers"
    );
    let text = flashdeck(&home)
        .args(["stats", "sales-optimization-levers", "is:review"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("Sales Optimization Levers · is:review\n")
            || text.contains(" · is:review\n"),
        "{text}"
    );
    flashdeck(&home)
        .args(["stats", "--json", "is:nonsense"])
        .assert()
        .failure()
        .stdout("")
        .stderr(predicate::str::contains(
            "the search `is:nonsense` does not read",
        ))
        .stderr(predicate::str::contains(
            "unknown `is:` value `is:nonsense` at character 1",
        ));
}

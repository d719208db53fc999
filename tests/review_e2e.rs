//! Daily review in a real pseudo-terminal: answer five cards, quit, start again, and check
//! that the counts and the schedule were kept.

#[path = "support/pty.rs"]
mod pty;

use pty::{Tui, command, exported};

/// The first five cards of the bundled deck, in deck order, and the key each is answered
/// with: Good, Good, Again, Easy, Hard.
const ANSWERS: [(&str, &str); 5] = [
    ("Key Account Management (KAM)", "3"),
    ("Sales optimization levers", "3"),
    ("Key Account Management Objective", "1"),
    ("Proactive sales", "4"),
    ("Value-based selling (as a sales optimization lever)", "2"),
];

#[test]
fn answers_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &[], 100, 30);
    tui.wait_for("0 due today · 20 new");
    tui.send("\r");
    tui.wait_for("20 new  0 learning  0 review");
    for (front, key) in ANSWERS {
        tui.wait_for(front);
        tui.send(" ");
        tui.wait_for("3 Good");
        tui.send(key);
    }
    // Four cards are in learning (Good, Good, Again, Hard); Easy graduated one.
    tui.wait_for("15 new  4 learning  0 review");
    tui.send("q");
    tui.wait_for("4 due today · 15 new");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut again = Tui::start(home.path(), &[], 100, 30);
    again.wait_for("4 due today · 15 new");
    again.wait_for("Levers");
    again.wait_for(" 15     4    ·    100");
    again.send("q");
    assert!(again.wait_exit());

    let cards = exported(home.path());
    let card = |key: &str| {
        let id = format!("sales-optimization-levers/{key}");
        cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id.as_str())
            .unwrap()
            .clone()
    };
    let states: Vec<(String, u64)> = [
        "kam",
        "sales-optimization-levers",
        "key-account-management-objective",
        "proactive-sales",
        "value-based-selling-lever",
        "web-based-tools-sales",
    ]
    .iter()
    .map(|key| {
        let c = card(key);
        (
            c["state"].as_str().unwrap().to_owned(),
            c["reps"].as_u64().unwrap(),
        )
    })
    .collect();
    let expected = [
        ("learning", 1),
        ("learning", 1),
        ("learning", 1),
        ("review", 1),
        ("learning", 1),
        ("new", 0),
    ];
    let expected: Vec<(String, u64)> = expected
        .iter()
        .map(|(s, r)| ((*s).to_owned(), *r))
        .collect();
    assert_eq!(states, expected);
    // Easy on a new card graduates it for days (FSRS-6's initial Easy stability, 8.3 days,
    // fuzzed); its due is a date.
    let easy = card("proactive-sales");
    assert!(easy["due"].as_str().unwrap().len() == 10, "{easy}");
    assert!(
        (easy["stability"].as_f64().unwrap() - 8.2956).abs() < 1e-3,
        "{easy}"
    );

    // The log holds exactly the five answers.
    let log = home.path().join("data/flashdeck/reviews");
    let lines: usize = std::fs::read_dir(&log)
        .unwrap()
        .map(|f| {
            std::fs::read_to_string(f.unwrap().path())
                .unwrap()
                .lines()
                .count()
        })
        .sum();
    assert_eq!(lines, 5);
}

/// `review --cram` goes through the cards as practice: the log records the answers, and no
/// card's schedule moves (the 20 new cards are still new and due).
#[test]
fn cram_from_the_command_line_changes_no_schedule() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &["review", "--cram"], 100, 30);
    tui.wait_for("· cram");
    for (front, key) in &ANSWERS[..2] {
        tui.wait_for(front);
        tui.send(" ");
        tui.wait_for("(cram: schedule unchanged)");
        tui.send(key);
    }
    tui.wait_for(ANSWERS[2].0);
    tui.send("q");
    tui.wait_for("0 due today · 20 new");
    tui.send("q");
    assert!(tui.wait_exit());
    let log = std::fs::read_dir(home.path().join("data/flashdeck/reviews"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect::<String>();
    assert_eq!(log.lines().count(), 2, "{log}");
    assert!(
        log.lines().all(|l| l.contains("\"mode\":\"cram\"")),
        "{log}"
    );
    let output = command(home.path()).arg("due").output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("total                         20         0       0"),
        "{stdout}"
    );
}

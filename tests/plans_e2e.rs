//! The home screen's plans in a real pseudo-terminal: spreading a backlog over days and taking
//! it back, and setting a deck's exam date.

#[path = "support/holiday.rs"]
mod holiday;
#[path = "support/pty.rs"]
mod pty;

use pty::Tui;

#[test]
fn a_backlog_is_offered_spread_and_taken_back() {
    let home = tempfile::tempdir().unwrap();
    let reviews = holiday::write(home.path());
    let mut tui = Tui::start(home.path(), &[], 100, 30);
    tui.wait_for("Backlog: 80 reviews due, about");
    tui.send("b");
    tui.wait_for("Spread over 7 days, the most likely forgotten first:");
    tui.send("\x1b[D");
    tui.wait_for("Spread over 6 days");
    tui.send("\r");
    // 80 over 6 days: 14 today, 66 moved; new cards wait.
    tui.wait_for("Catching up: 66 moved reviews still to come");
    tui.wait_for("·     ·   14     85");
    assert_eq!(holiday::log_lines(&reviews), 80 + 66);
    tui.send("B");
    tui.wait_for("Undid the backlog plan: its reviews are due again.");
    tui.wait_for("5     ·   80     85");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(holiday::log_lines(&reviews), 80 + 66 + 1);
}

#[test]
fn x_sets_an_exam_date_that_the_deck_row_counts_down_to() {
    let home = tempfile::tempdir().unwrap();
    // Counted from the study day, which starts at 4:00 (Anki's rollover).
    let today = (chrono::Local::now() - chrono::Duration::hours(4)).date_naive();
    let exam = today + chrono::Duration::days(20);
    let mut tui = Tui::start(home.path(), &[], 100, 30);
    tui.wait_for("0 due today · 20 new");
    tui.send("x");
    tui.wait_for("Exam date, YYYY-MM-DD (empty clears):");
    tui.send(&exam.format("%Y-%m-%d").to_string());
    tui.send("\r");
    tui.wait_for("· exam in 20d ");
    // Never studied: nothing is recalled as things stand, and the figure has its condition.
    tui.wait_for("Exam in 20 days: 0% recalled on the day as things stand;");
    tui.wait_for("if you follow the plan");
    tui.send("q");
    assert!(tui.wait_exit());
    // Kept in the log: a new start shows it again.
    let mut again = Tui::start(home.path(), &[], 100, 30);
    again.wait_for("· exam in 20d ");
    again.send("q");
    assert!(again.wait_exit());
}

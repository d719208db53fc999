//! The statistics overview at 40×12: lines cut with "…", and the arrows and pages scroll it.
//!
//! Worked by hand: 40 columns leave 38 inside the margins and 12 rows leave 6 for the tab
//! (the tabs take one row, without the blank line under them of taller screens). The overview
//! is 13 lines (today, total, cards, remembered, a blank; the retention header and its four
//! periods; a blank; the deck's name and its figures), so it scrolls by 7 at most.

use super::*;

/// The tab's six rows, trimmed at the right.
fn rows(app: &App) -> Vec<String> {
    text(&draw(app, 40, 12))
        .lines()
        .skip(3)
        .take(6)
        .map(|l| l.trim_end().to_owned())
        .collect()
}

#[test]
fn at_40x12_cut_lines_end_in_an_ellipsis_and_the_overview_scrolls() {
    let mut app = statistics_app(40, 12, 0);
    let top = rows(&app);
    // 37 columns of the card counts and "…".
    assert_eq!(top[2], " Cards  98 new · 1 learning · 1 young …");
    for _ in 0..5 {
        app.update(Action::Down, app.now);
    }
    // Three shares of (38 - 14 - 3) / 3 = 7 columns: "mature (≥21d)" is cut to 6 and "…".
    assert_eq!(
        rows(&app),
        [
            " True retention young   mature… all",
            " Last day       –       –       –",
            " Last week      –       –       –",
            " Last month     –       –       –",
            " Last year      –       –       –",
            "",
        ]
    );
    // 5 + 5 is past the 7 lines the overview can scroll: it stops with its last at the bottom.
    app.update(Action::PageDown, app.now);
    let bottom = rows(&app);
    assert_eq!(bottom[0], " Last week      –       –       –");
    assert_eq!(bottom[4], " Sales & Pricing - 4. Sales Optimizati…");
    assert_eq!(bottom[5], "   learn 0% mastered · test – · match …");
    // No ↑ is lost to the presses past the end.
    app.update(Action::Up, app.now);
    assert_eq!(rows(&app)[0], " Last day       –       –       –");
    app.update(Action::PageUp, app.now);
    app.update(Action::PageUp, app.now);
    assert_eq!(rows(&app), top);
}

#[test]
fn at_80x24_the_whole_overview_shows_and_does_not_scroll() {
    let mut app = statistics_app(80, 24, 0);
    let before = text(&draw(&app, 80, 24));
    assert!(before.contains("mature (≥21d)"), "{before}");
    assert!(
        before.contains("learn 0% mastered · test – · match – · review"),
        "{before}"
    );
    app.update(Action::Down, app.now);
    app.update(Action::PageDown, app.now);
    assert_eq!(text(&draw(&app, 80, 24)), before);
}

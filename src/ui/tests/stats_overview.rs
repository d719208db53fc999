//! The statistics overview at 40×12 and 80×24: lines cut with "…", ↑/↓ scroll a line and
//! PgUp/PgDn a chart, never past the last.
//!
//! Worked by hand: 40 columns leave 38 inside the margins, and 12 rows leave 6 for the tab
//! (rows 3 to 8: on a short screen the tabs have no blank line under them). The overview's
//! three charts (today, cards remembered, decks) each get the least height of 10 rows, one
//! under another: 30 rows, scrolling by 24 at most, a page being 10.

use super::*;
use crate::app::StatsTab;

/// The tab's six rows, without the scrollbar's column, trimmed at the right.
fn rows(app: &App) -> Vec<String> {
    text(&draw(app, 40, 12))
        .lines()
        .skip(3)
        .take(6)
        .map(|l| l.chars().take(39).collect::<String>().trim_end().to_owned())
        .collect()
}

#[test]
fn at_40x12_cut_lines_end_in_an_ellipsis_and_the_tab_scrolls() {
    let mut app = statistics_app(40, 12, StatsTab::Overview);
    let top = rows(&app);
    // "learn 2 · review 0 · relearn 0 · practice modes 0" after two spaces is 51 columns:
    // 37 of them and "…".
    assert_eq!(
        top[1..5],
        [
            " Today  2 answers in 1 min · 50% Again",
            "   learn 2 · review 0 · relearn 0 · pr…",
            "   mature cards correct: –",
            " Total  2 answers on 1 day",
        ]
    );
    for _ in 0..4 {
        app.update(Action::Down, app.now);
    }
    assert_eq!(rows(&app)[0], " Total  2 answers on 1 day");
    assert_eq!(rows(&app)[1], " Cards  98 new · 1 learning · 0 relear…");
    // A page is a chart: from 4, two pages are 24, where a third stops with the last row at
    // the bottom (the decks' chart starts at 20: its rule, the deck's name, its figures).
    for _ in 0..3 {
        app.update(Action::PageDown, app.now);
    }
    assert!(rows(&app).iter().all(String::is_empty), "{:?}", rows(&app));
    // No ↑ is lost to the presses past the end: three of them show row 21 at the top.
    for _ in 0..3 {
        app.update(Action::Up, app.now);
    }
    assert_eq!(
        rows(&app)[..2],
        [
            " Sales & Pricing - 4. Sales Optimizati…",
            "   learn 0% mastered · test – · match …"
        ]
    );
    for _ in 0..3 {
        app.update(Action::PageUp, app.now);
    }
    assert_eq!(rows(&app), top);
}

#[test]
fn at_80x24_a_page_down_shows_the_next_chart_and_a_tab_switch_goes_back_to_the_top() {
    let mut app = statistics_app(80, 24, StatsTab::Overview);
    let before = text(&draw(&app, 80, 24));
    assert!(before.contains("Today  2 answers in 1 min"), "{before}");
    app.update(Action::PageDown, app.now);
    let after = text(&draw(&app, 80, 24));
    assert!(after.contains("Cards remembered now"), "{after}");
    assert!(!after.contains("Today  2 answers"), "{after}");
    app.update(Action::Right, app.now);
    app.update(Action::Left, app.now);
    assert_eq!(text(&draw(&app, 80, 24)), before);
}

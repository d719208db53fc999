//! Every statistics tab at 80×24, 160×48 and 40×12 on a small history worked by hand, the
//! range and year keys, and "No data yet" on an empty history.
//!
//! The history (fuzz off), on deck `d` ("D") of four cards, read on Fri 27 Nov 2026 at
//! 10:00 (UTC+1):
//! - c3: Good on Tue 10 Jun 2025 at 10:00, new to learning; it stays there.
//! - c0: Easy on 17 Nov 2026 at 10:00 (new to review, 8 days: FSRS-6's Easy stability,
//!   8.2956, rounded), then Again today at 9:00 taking 4 s: a young review failed, now
//!   relearning.
//! - c1: Good today at 9:30 taking 6 s (new to learning), then a right answer in Learn at
//!   9:50 (a practice answer).
//! - c2: Easy today at 9:40: new to review, due in 8 days.
//!
//! So: 5 answers in review on 3 days; today 3 (learn 2, review 1), 10 s, one Again in
//! three; cards 2 learning, 1 relearning, 1 young; hours 9 (3 answers, 2 correct) and 10
//! (2, both correct); buttons: learning Good 2, Easy 2; young Again 1; one review due, on
//! day 8, none overdue, daily load 1/8.

use chrono::Duration;

use super::*;
use crate::app::statistics::Range;
use crate::app::{Screen, StatsTab};
use crate::scheduler::{Rating, Settings};
use crate::study::tests::{learned, review, study_with, time};

fn timed(mut event: crate::store::NewEvent, ms: u32) -> crate::store::NewEvent {
    if let crate::store::EventKind::Review { duration_ms, .. } = &mut event.kind {
        *duration_ms = Some(ms);
    }
    event
}

/// The app on the statistics of deck `d`, with `events`, last drawn at `width` × `height`.
fn app_of(events: &[crate::store::NewEvent], width: u16, height: u16) -> App {
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let study = study_with(4, settings, events, now);
    let mut app = App::new(study, PathBuf::from("/home/u/decks"), now);
    app.update(Action::Resize { width, height }, now);
    app.update(Action::Statistics, now);
    app
}

fn fixture() -> Vec<crate::store::NewEvent> {
    let now = time("2026-11-27T10:00:00+01:00");
    vec![
        review("e", "d/c3", Rating::Good, time("2025-06-10T10:00:00+01:00")),
        review("a", "d/c0", Rating::Easy, now - Duration::days(10)),
        timed(
            review("b", "d/c0", Rating::Again, now - Duration::hours(1)),
            4000,
        ),
        timed(
            review("c", "d/c1", Rating::Good, now - Duration::minutes(30)),
            6000,
        ),
        review("d", "d/c2", Rating::Easy, now - Duration::minutes(20)),
        learned("f", "d/c1", "choice", now - Duration::minutes(10)),
    ]
}

/// The fixture's statistics on `tab`, drawn at `width` × `height`.
fn on_tab(tab: StatsTab, width: u16, height: u16) -> App {
    let mut app = app_of(&fixture(), width, height);
    go_to(&mut app, tab);
    app
}

fn go_to(app: &mut App, tab: StatsTab) {
    for _ in 0..tab.index() {
        app.update(Action::Right, app.now);
    }
    assert_eq!(screen(app).tab, tab);
}

fn screen(app: &App) -> &crate::app::StatsScreen {
    let Screen::Stats(screen) = &app.screen else {
        panic!("not on the statistics");
    };
    screen
}

#[test]
#[ignore = "prints every tab for a look"]
fn dump_every_tab() {
    let mut out = String::new();
    for tab in StatsTab::ALL {
        for (width, height) in [(160, 48), (80, 24), (40, 12)] {
            let app = on_tab(tab, width, height);
            let _ = writeln!(out, "==== {} {width}x{height}", tab.title());
            let _ = writeln!(out, "{}", text(&draw(&app, width, height)));
        }
    }
    for tab in StatsTab::ALL {
        let mut app = app_of(&[], 160, 48);
        go_to(&mut app, tab);
        let _ = writeln!(out, "==== empty {} 160x48", tab.title());
        let _ = writeln!(out, "{}", text(&draw(&app, 160, 48)));
    }
    std::fs::write("/tmp/wt17ui-tabs.txt", out).unwrap();
}

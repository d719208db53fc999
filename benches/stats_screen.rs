//! Drawing each statistics tab at 160×48, and each range of the tabs that have them, on 50
//! decks of 1,000 cards with 200,000 reviews over two years: the figures are computed once,
//! when the screen opens, so a frame only slices and draws them (issue 17: under 2 ms).
//! Run with `cargo bench --bench stats_screen`.

use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::app::{Action, App, Effect, Screen, StatsTab};
use flashdeck::deck::load_dir;
use flashdeck::scheduler::{Scheduler, Settings};
use flashdeck::store::Store;
use flashdeck::study::Study;
use flashdeck::{synthetic, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("a fixed time")
}

/// The statistics of the home screen's first row: the folder of the first 10 decks.
fn statistics(dir: &std::path::Path) -> App {
    let (history, _) = Store::new(dir, "bench").history().expect("log");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let study = Study::new(load_dir(&dir.join("decks")), history, scheduler, now());
    let mut app = App::new(study, dir.join("decks"), now());
    app.update(
        Action::Resize {
            width: 160,
            height: 48,
        },
        now(),
    );
    app.update(Action::Statistics, now());
    assert!(
        matches!(app.screen, Screen::Stats(_)),
        "the statistics opened"
    );
    app
}

/// `app` moved on by `actions`; a simulation the runtime would run on a thread runs here.
fn after(app: &mut App, actions: &[Action]) {
    for action in actions {
        for effect in app.update(action.clone(), now()) {
            if let Effect::Simulate(job) = effect {
                app.update(Action::Simulated(job.run()), now());
            }
        }
    }
}

fn stats_screen(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    synthetic::write_collection(&dir.path().join("decks"), 50, 1000).expect("decks");
    synthetic::write_review_log(dir.path(), 50, 1000, 200_000, 730, now()).expect("log");
    let mut app = statistics(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    let theme = ui::Theme::default();
    let mut group = c.benchmark_group("draw a statistics tab at 160x48");
    let mut frame = |name: String, app: &App| {
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        black_box(ui::draw(frame, black_box(app), &theme));
                    })
                    .expect("draw");
            });
        });
    };
    for tab in StatsTab::ALL {
        let Screen::Stats(screen) = &app.screen else {
            unreachable!("the statistics stay open");
        };
        assert_eq!(screen.tab, tab);
        frame(tab.title().to_owned(), &app);
        // Each further range or year of the tab.
        let (key, more) = match tab {
            StatsTab::Reviews => (Action::NextRange, 3),
            StatsTab::FutureDue => (Action::NextRange, 2),
            StatsTab::Calendar => (Action::NextYear, 2),
            _ => (Action::NextRange, 0),
        };
        for step in 1..=more {
            after(&mut app, std::slice::from_ref(&key));
            frame(format!("{}, range {step}", tab.title()), &app);
        }
        after(&mut app, &[Action::Right]);
    }
    group.finish();
}

criterion_group!(benches, stats_screen);
criterion_main!(benches);

//! Drawing each screen into a 200×60 `TestBackend`, and handling one key press, on 50 decks
//! of 1,000 cards with 200,000 reviews. Run with `cargo bench --bench render`.

use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use flashdeck::app::{Action, App, Effect, PracticeMode, Screen, StatsTab};
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

fn app(dir: &std::path::Path) -> App {
    let (history, _) = Store::new(dir, "bench").history().expect("log");
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let study = Study::new(load_dir(&dir.join("decks")), history, scheduler, now());
    App::new(study, dir.join("decks"), now())
}

/// The app after `actions`, from the home screen.
fn screen(dir: &std::path::Path, actions: &[Action]) -> App {
    let mut app = app(dir);
    for action in actions {
        for effect in app.update(action.clone(), now()) {
            // What the runtime would run on a thread, run here.
            if let Effect::Simulate(job) = effect {
                app.update(Action::Simulated(job.run()), now());
            }
        }
    }
    app
}

fn render(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    synthetic::write_collection(&dir.path().join("decks"), 50, 1000).expect("decks");
    synthetic::write_review_log(dir.path(), 50, 1000, 200_000, 365, now()).expect("log");
    // Through the mode picker, as the keys go.
    let practice = |mode| vec![Action::Picker, Action::PickMode(Some(mode)), Action::Start];
    let review = |then: &[Action]| [&[Action::Picker, Action::PickMode(None)], then].concat();
    // The statistics, then Tab to `tab` (`benches/stats_screen.rs` draws every tab).
    let statistics = |tab: StatsTab| {
        let mut actions = vec![Action::Statistics];
        actions.extend(std::iter::repeat_n(Action::Right, tab.index()));
        actions
    };
    let screens: Vec<(&str, Vec<Action>)> = vec![
        ("home", vec![]),
        ("help over home", vec![Action::Help]),
        ("review, question", review(&[])),
        ("review, answer", review(&[Action::Reveal])),
        ("flashcards", practice(PracticeMode::Flashcards)),
        ("learn", practice(PracticeMode::Learn)),
        ("match", practice(PracticeMode::Match)),
        ("practice test", practice(PracticeMode::Test)),
        ("statistics, overview", vec![Action::Statistics]),
        ("statistics, calendar", statistics(StatsTab::Calendar)),
        ("statistics, future due", statistics(StatsTab::FutureDue)),
        ("statistics, workload", statistics(StatsTab::Workload)),
        ("backlog plan over home", vec![Action::Backlog]),
        (
            "review ahead, answer",
            review(&[Action::ReviewAhead, Action::Reveal]),
        ),
        (
            "browser, every card",
            vec![Action::Browse, Action::Filter, Action::LeaveField],
        ),
        ("browser, details", vec![Action::Browse, Action::Open]),
    ];
    let mut group = c.benchmark_group("draw one frame at 200x60");
    for (name, actions) in screens {
        let app = screen(dir.path(), &actions);
        // Each entry must reach its screen, or its figure would be the home screen's.
        assert!(
            actions.is_empty() || name.ends_with("over home") || app.screen != Screen::Home,
            "{name} stayed on the home screen"
        );
        assert!(
            !name.ends_with("over home") || app.home.overlay.is_some(),
            "{name} shows nothing over the home screen"
        );
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        let theme = ui::Theme::default();
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        black_box(ui::draw(frame, black_box(&app), &theme));
                    })
                    .expect("draw");
            });
        });
    }
    group.finish();

    key_presses(c, dir.path(), &practice(PracticeMode::Flashcards));
}

/// One key press through `action_for` and `update`, on the screens where keys are frequent.
fn key_presses(c: &mut Criterion, dir: &std::path::Path, flashcards: &[Action]) {
    let mut group = c.benchmark_group("one key press");
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut home = app(dir);
    group.bench_function("home: down, then up", |b| {
        b.iter(|| {
            for code in [KeyCode::Down, KeyCode::Up] {
                if let Some(action) = home.action_for(key(code)) {
                    black_box(home.update(action, now()));
                }
            }
        });
    });
    let mut cards = screen(dir, flashcards);
    group.bench_function("flashcards: flip", |b| {
        b.iter(|| {
            if let Some(action) = cards.action_for(key(KeyCode::Char(' '))) {
                black_box(cards.update(action, now()));
            }
        });
    });
    // The browser over all 55,000 cards, sorted by due: a character typed into the search
    // and taken back again, each a search and a sort of every card.
    let mut browser = screen(
        dir,
        &[
            Action::Browse,
            Action::Filter,
            Action::LeaveField,
            Action::SortNext,
        ],
    );
    for _ in 0..3 {
        browser.update(Action::SortNext, now());
    }
    browser.update(Action::Filter, now());
    group.bench_function(
        "browser: type a character and delete it, 55,000 cards by due",
        |b| {
            b.iter(|| {
                black_box(browser.update(Action::Type('x'), now()));
                black_box(browser.update(Action::Backspace, now()));
            });
        },
    );
    let mut moving = screen(dir, &[Action::Browse, Action::Filter, Action::LeaveField]);
    group.bench_function("browser: down, then up", |b| {
        b.iter(|| {
            black_box(moving.update(Action::Down, now()));
            black_box(moving.update(Action::Up, now()));
        });
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);

//! The workload tab names the retention the decks use: "yours" when they share one, each
//! preset's when their presets differ, and the preset's table to change it in.

use super::*;
use crate::app::{Screen, Simulation, StatsScreen, StatsTab};
use crate::scheduler::{Scheduler, Settings};
use crate::study::presets::{NamedScheduler, Presets};
use crate::workload::{COMPARED, Workload};

/// Decks `a` (the global section, 90%) and `b`, and the presets named in `presets` with their
/// retention and the decks they take.
fn app_with_presets(presets: &[(&str, f32, &[&str])]) -> App {
    let deck = |id: &str| {
        let text = format!("[deck]\nname = \"{id}\"\n[[cards]]\nfront = \"f\"\nback = \"b\"\n");
        crate::deck::parse_deck(DeckId::new(id), crate::deck::Source::Bundled, &text).unwrap()
    };
    let collection = Collection {
        decks: vec![deck("a"), deck("b")],
        broken: Vec::new(),
    };
    let scheduler = |retention| {
        Scheduler::new(Settings {
            desired_retention: retention,
            ..Settings::default()
        })
        .unwrap()
    };
    let named = presets
        .iter()
        .map(|&(name, retention, decks)| NamedScheduler {
            name: name.to_owned(),
            decks: decks.iter().map(|&d| d.to_owned()).collect(),
            scheduler: scheduler(retention),
        })
        .collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let study = crate::study::Study::with_presets(
        collection,
        crate::store::History::default(),
        Presets::new(scheduler(0.9), named),
        now,
    );
    let mut app = App::new(study, PathBuf::from("/home/u/decks"), now);
    // Both decks, on the workload tab, with a made-up simulation: only the marks matter here.
    let workloads = COMPARED
        .iter()
        .map(|&retention| Workload {
            retention,
            ..Workload::empty()
        })
        .collect();
    let mut screen = StatsScreen::new(
        "Both".to_owned(),
        vec![0, 1],
        crate::stats::compute(&app.study, &[0, 1], now),
    );
    screen.tab = StatsTab::Workload;
    screen.workload = Simulation::Done(Ok(workloads));
    app.screen = Screen::Stats(Box::new(screen));
    app
}

/// The first cell of each row of the table, and the text under it, unwrapped.
fn rows_and_note(app: &App) -> (Vec<String>, String) {
    let screen = text(&draw(app, 100, 30));
    let rows = screen
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains('%'))
        .map(|l| l.split("  ").next().unwrap().to_owned())
        .collect();
    let note = screen
        .lines()
        .skip_while(|l| !l.contains("Higher retention"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    (rows, note)
}

#[test]
fn presets_at_different_retentions_each_mark_their_own_row() {
    let app = app_with_presets(&[("lang", 0.95, &["b"])]);
    let (rows, note) = rows_and_note(&app);
    assert_eq!(rows, ["80%", "85%", "90% (global)", "95% (lang)", "97%"]);
    assert!(
        note.contains(
            "These decks' presets differ (the global section at 90%, [presets.lang] at 95%)"
        ),
        "{note}"
    );
}

#[test]
fn decks_sharing_a_preset_are_told_its_table() {
    let app = app_with_presets(&[("my lang", 0.85, &["a", "b"])]);
    let (rows, note) = rows_and_note(&app);
    assert_eq!(rows, ["80%", "85% (yours)", "90%", "95%", "97%"]);
    assert!(
        note.contains("Set desired_retention in [presets.\"my lang\"] of config.toml"),
        "{note}"
    );
}

#[test]
fn two_presets_at_one_retention_are_yours_together() {
    let app = app_with_presets(&[("lang", 0.9, &["b"])]);
    let (rows, note) = rows_and_note(&app);
    assert_eq!(rows, ["80%", "85%", "90% (yours)", "95%", "97%"]);
    assert!(
        note.contains("Set desired_retention in the global section and [presets.lang] of"),
        "{note}"
    );
}

/// At 40×12 the table comes first, under short headers: its rows show as the tab scrolls
/// (before, only the header did), the decks' own retention among them.
#[test]
fn a_small_screen_shows_the_table_before_the_sentences() {
    let mut app = app_with_presets(&[("lang", 0.85, &["lang/**"])]);
    app.update(
        Action::Resize {
            width: 40,
            height: 12,
        },
        app.now,
    );
    // The tab's rows show the chart's 10 a part at a time, as it scrolls.
    let mut rows: Vec<String> = Vec::new();
    let mut screens = String::new();
    for _ in 0..6 {
        let screen = text(&draw(&app, 40, 12));
        for row in screen
            .lines()
            .map(|l| l.trim().trim_end_matches(['║', '█', '▲', '▼']).trim())
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains('%'))
        {
            if !rows.iter().any(|r| r == row) {
                rows.push(row.to_owned());
            }
        }
        screens.push_str(&screen);
        app.update(Action::Down, app.now);
    }
    assert_eq!(rows.len(), COMPARED.len(), "{screens}");
    assert!(rows.iter().any(|row| row.contains("(yours)")), "{screens}");
    for header in ["Retention", "Rev/d", "Min/d", "Kept"] {
        assert!(screens.contains(header), "{screens}");
    }
    // The sentences come after the table, a scroll away.
    let first = screens.split("Statistics · Both").nth(1).unwrap();
    assert!(!first.contains("Higher retention"), "{screens}");
}

/// A failed simulation's message wraps on a narrow screen instead of losing its end (a fresh
/// tester's find at 40×12).
#[test]
fn a_failed_simulation_says_so_whole_at_40_columns() {
    let mut app = app_with_presets(&[]);
    if let Screen::Stats(screen) = &mut app.screen {
        screen.workload = Simulation::Done(Err(
            "the simulation stopped on an internal error (its message is on the terminal once \
             flashdeck ends)"
                .to_owned(),
        ));
    }
    let screen = text(&draw(&app, 40, 12));
    // The words without the scroll bar's column.
    let words: String = screen
        .split_whitespace()
        .filter(|word| !word.starts_with(['█', '║', '▲', '▼']))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("internal error (its message is on the terminal once flashdeck ends)"),
        "{screen}"
    );
}

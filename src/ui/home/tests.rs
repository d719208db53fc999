use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{Action, App};
use crate::deck::{Collection, DeckId, Source, parse_deck};
use crate::study::Study;
use crate::ui::Theme;

/// The home screen of two decks: `lang/french`, which a glob gives the preset `lang`, and
/// `math`, whose file names a preset the settings lack.
fn app() -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let deck = |id: &str, extra: &str| {
        let text =
            format!("[deck]\nname = \"{id}\"\n{extra}[[cards]]\nfront = \"f\"\nback = \"b\"\n");
        parse_deck(DeckId::new(id), Source::Bundled, &text).unwrap()
    };
    let collection = Collection {
        decks: vec![deck("lang/french", ""), deck("math", "preset = \"fast\"\n")],
        broken: Vec::new(),
    };
    let (config, _) = crate::config::parse(
        "[presets.lang]\ndecks = [\"lang/**\"]\n",
        Path::new("config.toml"),
    );
    let presets = crate::library::presets(&config).unwrap();
    let study = Study::with_presets(collection, crate::store::History::default(), presets, now);
    App::new(study, PathBuf::from("/home/u/decks"), now)
}

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, app, &Theme::default());
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn a_deck_naming_an_unknown_preset_says_so_on_its_row_and_in_its_details() {
    let mut app = app();
    let lines = screen(&app);
    let row = lines
        .iter()
        .find(|line| line.starts_with("math"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert!(row.starts_with("math · ⚠ no preset fast "), "{row}");
    let french = lines.iter().find(|line| line.contains("french")).unwrap();
    assert!(!french.contains('⚠'), "{french}");
    // The folder's row first, then french: its details name its preset.
    app.update(Action::Down, app.now);
    let lines = screen(&app);
    let text = lines.join("\n");
    assert!(
        lines.iter().any(|line| line.trim_end() == "lang/french")
            && text.contains("Scheduled with the preset lang"),
        "{text}"
    );
    app.update(Action::Down, app.now);
    let text = screen(&app).join("");
    assert!(
        text.contains("Its file names the preset fast on line 3, which the settings do not"),
        "{text}"
    );
}

#[test]
fn a_folders_hint_folds_it_or_once_folded_unfolds_it() {
    let mut app = app();
    // The words of the screen, wrapped lines joined.
    let words = |app: &App| {
        screen(app)
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let open = words(&app);
    assert!(open.contains("Space folds it."), "{open}");
    app.update(Action::ToggleFolder, app.now);
    let folded = words(&app);
    assert!(folded.contains("Space unfolds it."), "{folded}");
}

/// The first frame, drawn before the history is read, from decks that come without their
/// cards: every deck with the number of cards it was given, no count yet ("…", not a zero
/// that would say nothing is due), and no first-run advice (every study looks new before its
/// history is read).
#[test]
fn the_first_frame_shows_the_decks_and_their_cards_with_the_counts_to_come() {
    let full = app();
    let mut collection = full.study.collection.clone();
    for deck in &mut collection.decks {
        deck.cards.clear();
    }
    let presets = full.study.presets().clone();
    let study = Study::with_presets(
        collection,
        crate::store::History::default(),
        presets,
        full.now,
    );
    let app = App::counting(
        study,
        vec![7, 1_234],
        PathBuf::from("/home/u/decks"),
        full.now,
    );
    let lines = screen(&app);
    let text = lines.join("\n");
    assert!(
        lines[0].starts_with("flashdeck  2 decks · 1241 cards · counting what is due…"),
        "{text}"
    );
    let math = lines.iter().find(|line| line.starts_with("math")).unwrap();
    let cells: Vec<&str> = math.split_whitespace().collect();
    assert!(math.contains("⚠ no preset fast"), "{math}");
    assert_eq!(&cells[cells.len() - 4..], ["…", "…", "…", "1234"], "{math}");
    let french = lines.iter().find(|line| line.contains("french")).unwrap();
    let cells: Vec<&str> = french.split_whitespace().collect();
    assert_eq!(cells, ["lang/french", "…", "…", "…", "7"], "{french}");
    assert!(!text.contains("New here?"), "{text}");
    assert!(!text.contains("due today"), "{text}");
    // Once counted, the same decks show their figures.
    let counted = screen(&full);
    assert!(
        counted[0].contains("0 due today · 2 new"),
        "{}",
        counted.join("\n")
    );
    assert!(counted.join("\n").contains("New here?"));
}

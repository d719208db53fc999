//! The typed answer drawn: the field on the question side, and the verdict, Anki's comparison
//! and the suggested button on the answer side, at 80×24 and 40×12, in colour and without.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::app::{Action, App};
use crate::config::ThemeName;
use crate::deck::{Collection, DeckId, Source, parse_deck};
use crate::ui::Theme;
use crate::ui::tests::line;

/// Its first card asks "coffee", typed, for "el café".
const DECK: &str = include_str!("../../../../tests/fixtures/typed/spanish.toml");

/// Reviewing the typed card, `typed` typed into its field.
fn typed(typed: &str) -> App {
    let deck = parse_deck(DeckId::new("es"), Source::Bundled, DECK).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let scheduler =
        crate::scheduler::Scheduler::new(crate::scheduler::Settings::default()).unwrap();
    let collection = Collection {
        decks: vec![deck],
        broken: Vec::new(),
    };
    let study =
        crate::study::Study::new(collection, crate::store::History::default(), scheduler, now);
    let mut app = App::new(study, PathBuf::from("/decks"), now);
    app.update(Action::Open, now);
    for c in typed.chars() {
        app.update(Action::Type(c), now);
    }
    app
}

fn draw(app: &App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, app, theme);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Where `text` starts on row `y`, in cells (every character here is one cell wide).
fn column_of(buf: &Buffer, y: u16, text: &str) -> u16 {
    let row = line(buf, y);
    let at = row
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} not in {row:?}"));
    u16::try_from(row[..at].chars().count()).unwrap()
}

#[test]
fn the_field_sits_under_the_question_with_its_cursor() {
    let app = typed("el cafe");
    let buf = draw(&app, &Theme::default(), 80, 24);
    // The card's column starts at x = 1; its text after an empty line, the field after
    // another.
    assert_eq!(line(&buf, 3).trim_end(), " coffee");
    assert_eq!(line(&buf, 5).trim_end(), " › el cafe");
    // The cursor: a reversed cell after the text.
    assert!(buf[(10, 5)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(9, 5)].modifier.contains(Modifier::REVERSED));
    assert_eq!(line(&buf, 22).trim(), "Enter show answer");
    assert!(line(&buf, 23).starts_with("Enter show answer   Esc leave the field"));
}

#[test]
fn the_comparison_shows_above_the_buttons_at_80x24() {
    let mut app = typed("el cafe");
    app.update(Action::Submit, app.now);
    let buf = draw(&app, &Theme::default(), 80, 24);
    // Four lines centred as one block in the 78 columns from x = 1: the widest, the verdict
    // (44 columns), leaves 17 each side, so the block starts at x = 18.
    let pad = " ".repeat(18);
    let rows: Vec<String> = (18..22)
        .map(|y| line(&buf, y).trim_end().to_owned())
        .collect();
    assert_eq!(
        rows,
        [
            format!("{pad}≈ Right but for the accents · Hard suggested"),
            format!("{pad}el cafe"),
            format!("{pad}↓"),
            format!("{pad}el café"),
        ]
    );
    // Right in green; the wrong `e` reversed over red; the missing `é` underlined.
    assert_eq!(buf[(18, 19)].fg, Color::Green);
    assert_eq!(buf[(24, 19)].fg, Color::Red);
    assert!(buf[(24, 19)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(24, 21)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(23, 21)].modifier.contains(Modifier::UNDERLINED));
    // The buttons under it, Hard (the suggestion) reversed, Good not.
    let hard = column_of(&buf, 22, "2 Hard 5.5m");
    let good = column_of(&buf, 22, "3 Good 10m");
    assert!(buf[(hard + 2, 22)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(good + 2, 22)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn at_40x12_the_comparison_keeps_both_lines_and_drops_the_words_that_do_not_fit() {
    let mut app = typed("el cafe");
    app.update(Action::Submit, app.now);
    let buf = draw(&app, &Theme::default(), 40, 12);
    // Rows: the header, the card (3), the notice, the comparison (4), the buttons two to a
    // line (2), the footer. The verdict's "· Hard suggested" does not fit 38 columns: the
    // block is 27 wide, 5 columns in from x = 1.
    let pad = " ".repeat(6);
    let rows: Vec<String> = (5..9)
        .map(|y| line(&buf, y).trim_end().to_owned())
        .collect();
    assert_eq!(
        rows,
        [
            format!("{pad}≈ Right but for the accents"),
            format!("{pad}el cafe"),
            format!("{pad}↓"),
            format!("{pad}el café"),
        ]
    );
    assert!(line(&buf, 9).contains("1 Again 1m   2 Hard 5.5m"));
    assert!(line(&buf, 10).contains("3 Good 10m"));
    let hard = column_of(&buf, 9, "2 Hard");
    assert!(buf[(hard, 9)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn at_40x12_a_long_typed_answer_leaves_the_right_answer_on_screen() {
    // 105 columns typed: three rows at 38 columns, which pushed "el café" off the screen.
    let long = "xq ".repeat(35);
    let mut app = typed(long.trim_end());
    app.update(Action::Submit, app.now);
    let buf = draw(&app, &Theme::default(), 40, 12);
    let rows: Vec<String> = (0..12).map(|y| line(&buf, y).trim().to_owned()).collect();
    assert!(rows.iter().any(|row| row == "el café"), "{rows:#?}");
    // The typed line in two rows, the second ending in "…"; then the answer, no arrow.
    let at = rows
        .iter()
        .position(|row| row.starts_with("✗ Wrong"))
        .unwrap();
    assert!(rows[at + 1].starts_with("xq xq"), "{rows:#?}");
    assert!(rows[at + 2].ends_with('…'), "{rows:#?}");
    assert_eq!(rows[at + 3], "el café");
    assert!(line(&buf, 9).contains("1 Again"), "{rows:#?}");
}

#[test]
fn without_colour_the_marks_still_show() {
    let monochrome = Theme::named(ThemeName::Monochrome);
    let mut app = typed("el gato");
    app.update(Action::Submit, app.now);
    let buf = draw(&app, &monochrome, 80, 24);
    assert!(buf.content().iter().all(|cell| cell.fg == Color::Reset));
    // "el gato" against "el café": the shortest edit keeps "el " and "a" (the only `a` of
    // each) and replaces the rest, so no `-`: "g" for "c", "to" for "fé".
    assert!(line(&buf, 18).contains("✗ Wrong · Again suggested"));
    let x = column_of(&buf, 19, "el gato");
    assert_eq!(column_of(&buf, 21, "el café"), x);
    let marked = |y: u16, modifier: Modifier| -> String {
        (x..x + 7)
            .map(|x| {
                if buf[(x, y)].modifier.contains(modifier) {
                    '^'
                } else {
                    ' '
                }
            })
            .collect()
    };
    assert_eq!(marked(19, Modifier::REVERSED), "   ^ ^^");
    assert_eq!(marked(21, Modifier::UNDERLINED), "   ^ ^^");
    let again = column_of(&buf, 22, "1 Again");
    assert!(buf[(again, 22)].modifier.contains(Modifier::REVERSED));

    // A letter left out: a `-` for it on the typed line, underlined as it is on the answer's.
    let mut app = typed("el caf");
    app.update(Action::Submit, app.now);
    let buf = draw(&app, &monochrome, 80, 24);
    let x = column_of(&buf, 19, "el caf-");
    assert!(buf[(x + 6, 19)].modifier.contains(Modifier::UNDERLINED));
    assert!(buf[(x + 6, 21)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(x + 6, 21)].symbol(), "é");
}

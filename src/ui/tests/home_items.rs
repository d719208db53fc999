//! Issue 16 §12–19 on screen, at 80×24, 160×48 and 40×12.

use std::fmt::Write as _;

use super::*;
use crate::app::{Screen, keys};
use crate::deck::{DeckId, Source, parse_deck};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 48), (40, 12)];

/// The screen's text with its lines joined by spaces, so wrapped sentences read whole.
fn flat(buf: &Buffer) -> String {
    let screen = text(buf);
    let lines: Vec<&str> = screen.lines().map(str::trim).collect();
    lines.join(" ")
}

/// Decks `lang/french` (2 cards) and `lang/spanish` (3) in a folder, and `math` (1).
fn folders() -> App {
    let deck = |id: &str, n: usize| {
        let mut text = format!("[deck]\nname = \"{id}\"\n");
        for i in 0..n {
            let _ = write!(text, "[[cards]]\nfront = \"q{i}\"\nback = \"a{i}\"\n");
        }
        parse_deck(DeckId::new(id), Source::Bundled, &text).unwrap()
    };
    app_with(Collection {
        decks: vec![
            deck("lang/french", 2),
            deck("lang/spanish", 3),
            deck("math", 1),
        ],
        broken: Vec::new(),
    })
}

#[test]
fn a_folder_row_sums_its_cards_and_shows_whether_it_is_folded() {
    let mut app = folders();
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let row = line(&buf, 3);
        // 40 columns leave the name column six: the folder's name is cut, its mark is not.
        assert!(row.starts_with("▾ lang"), "{width}×{height}: {row}");
        if width >= 80 {
            // 2 + 3 new today, and 5 cards.
            assert!(
                row.contains("  5     ·    ·      5"),
                "{width}×{height}: {row}"
            );
        }
    }
    app.update(Action::ToggleFolder, app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        assert!(line(&buf, 3).starts_with("▸ lang"), "{width}×{height}");
        assert!(line(&buf, 4).starts_with("math"), "{width}×{height}");
    }
}

#[test]
fn a_file_with_problems_lists_them_over_the_deck_list_at_every_size() {
    let mut app = sample();
    // Past its folder's row.
    app.update(Action::Down, app.now);
    app.update(Action::Down, app.now);
    app.update(Action::Open, app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = flat(&buf);
        assert!(
            screen.contains("12 cards valid;"),
            "{width}×{height}: {screen}"
        );
        assert!(
            screen.contains("line 4:1: card is missing `back`"),
            "{width}×{height}: {screen}"
        );
        if height > 12 {
            assert!(
                screen.contains("e opens the file at the first problem  q closes"),
                "{width}×{height}: {screen}"
            );
        }
    }
}

#[test]
fn a_starred_card_shows_its_star_in_review_and_the_footer_offers_it() {
    let mut app = sample();
    app.update(Action::Open, app.now);
    let card = match &app.screen {
        Screen::Review(review) => review.session.current.as_ref().unwrap().card.clone(),
        _ => panic!(),
    };
    let star = crate::store::NewEvent::for_card(&card, app.now, crate::store::NewKind::Star);
    app.update(Action::Written(star), app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = text(&buf);
        assert!(screen.contains("★ "), "{width}×{height}: {screen}");
        assert!(
            screen.contains("★ Starred; C crams them when done."),
            "{width}×{height}: {screen}"
        );
        if width >= 80 {
            assert!(
                line(&buf, height - 1).contains("* star"),
                "{}",
                line(&buf, height - 1)
            );
        }
    }
}

#[test]
fn the_done_screen_counts_cards_and_answers_apart_and_m_opens_the_picker() {
    let mut app = sample();
    app.update(Action::Open, app.now);
    let Screen::Review(review) = &mut app.screen else {
        panic!()
    };
    // Three answers for two cards: one was missed and seen again.
    review.session.current = None;
    review.session.answers = vec!["x/a".into(), "x/b".into(), "x/a".into()];
    for (width, height) in SIZES {
        let screen = flat(&draw(&app, width, height));
        assert!(
            screen.contains("2 cards, 3 answers in this session."),
            "{width}×{height}: {screen}"
        );
    }
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("m  study modes: flashcards, learn, match, test, cram"),
        "{screen}"
    );
    app.update(Action::Picker, app.now);
    assert_eq!(app.bindings().label_for(&Action::Cram), Some("c"));
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = flat(&draw(&app, width, height));
        assert!(screen.contains("Study mode"), "{screen}");
        assert!(screen.contains("c  cram (schedule unchanged)"), "{screen}");
    }
    assert_eq!(keys::PICKER.label_for(&Action::Cram), Some("c"));
}

#[test]
fn the_exam_figure_always_comes_with_its_condition() {
    let mut app = sample();
    let exam = crate::store::NewEvent::for_deck(
        "sales-optimization-levers",
        app.now,
        crate::store::NewKind::Exam {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 28),
        },
    );
    app.update(Action::Written(exam), app.now);
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = flat(&draw(&app, width, height));
        assert!(
            screen.contains("Exam in 1 day: 0% recalled on the day as things stand; about"),
            "{width}×{height}: {screen}"
        );
        assert!(
            screen.contains("% if you follow the plan (100 of 100 cards still to learn"),
            "{screen}"
        );
        // The row names the day, not a figure without its condition.
        assert!(line(&draw(&app, width, height), 3).contains("· exam in 1d"));
    }
}

//! Card text outside the card itself (issue 15 tester finding 2): Learn's line for the last
//! right answer and its options go through the card renderer, as the card does; match tiles
//! lay out a table and a rule for their own width (finding 3).

use super::practice_screens::{app_on_cards, start};
use super::*;
use crate::app::{PracticeMode, Screen, Setting};
use crate::session::questions::Ask;
use crate::store::Question;

/// Learn with choice questions only, on these cards.
fn choosing(cards: &[(&str, &str)]) -> App {
    let mut app = app_on_cards(cards);
    start(
        &mut app,
        PracticeMode::Learn,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::TrueFalse),
        ],
    );
    app
}

fn correct(app: &App) -> usize {
    let Screen::Learn(learn) = &app.screen else {
        panic!()
    };
    let Ask::Choice { correct, .. } = learn.session.current.as_ref().unwrap().question.ask else {
        panic!()
    };
    correct
}

#[test]
fn learns_line_for_a_right_answer_shows_the_pair_rendered() {
    let cards = [
        ("**uno**", "*one*"),
        ("`dos`", "two"),
        ("tres", "$\\\\alpha$"),
        ("cuatro", "four"),
    ];
    let mut app = choosing(&cards);
    app.update(Action::Choose(correct(&app) + 1), app.now);
    let screen = text(&draw(&app, 80, 24));
    let right = screen
        .lines()
        .find(|line| line.contains("✓ Right: "))
        .unwrap_or_else(|| panic!("{screen}"));
    // Worked by hand from the cards, in either direction.
    let pairs = ["uno — one", "dos — two", "tres — α", "cuatro — four"];
    let reversed = ["one — uno", "two — dos", "α — tres", "four — cuatro"];
    assert!(
        pairs
            .iter()
            .chain(&reversed)
            .any(|pair| right.contains(pair)),
        "{right}"
    );
    assert!(!right.contains(['*', '`', '$']), "{right}");
}

#[test]
fn learns_options_keep_their_rows_together_as_other_lists_do() {
    let cards = [
        ("q0", "above0\\n\\n---\\n\\nbelow0"),
        ("q1", "above1\\n\\n---\\n\\nbelow1"),
        ("q2", "above2\\n\\n---\\n\\nbelow2"),
        ("q3", "above3\\n\\n---\\n\\nbelow3"),
    ];
    let app = choosing(&cards);
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    let rows: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let first = rows
        .iter()
        .position(|row| row.contains("above"))
        .unwrap_or_else(|| panic!("{screen}"));
    // "  1  above0" / "     ────…" / "     below0": no blank row inside an option.
    assert!(rows[first].trim_start().starts_with("1  above"), "{screen}");
    assert!(rows[first + 1].trim_start().starts_with('─'), "{screen}");
    assert!(
        rows[first + 2].trim_start().starts_with("below"),
        "{screen}"
    );
    assert!(
        rows[first + 3].trim_start().starts_with("2  above"),
        "{screen}"
    );
}

/// A match of two cards (four tiles in a row): a table's answer and a rule's.
fn matching_table_and_rule() -> App {
    let mut app = app_on_cards(&[
        ("t", "| name | x |\\n|---|---|\\n| x | long |"),
        ("r", "above\\n\\n---\\n\\nbelow"),
    ]);
    start(&mut app, PracticeMode::Match, &[]);
    app
}

#[test]
fn match_tiles_lay_out_a_table_and_a_rule_for_their_width() {
    let app = matching_table_and_rule();
    // 80×24: tiles of 20 columns, 18 inside their borders. The table needs 4 + 3 + 4 = 11:
    // aligned, its rule under the header; the card's rule is the tile's 18 columns.
    let wide = text(&draw(&app, 80, 24));
    for row in [
        "│name │ x          │",
        "│─────┼─────       │",
        "│x    │ long       │",
    ] {
        assert!(wide.contains(row), "{row:?} in\n{wide}");
    }
    assert!(wide.contains(&format!("│{}│", "─".repeat(18))), "{wide}");
    // 40×12: 8 columns inside a tile, too few for the aligned table (11): a row a line with
    // its cells between dots (8 columns each); the rule is 8 columns, not 40 wrapped.
    let narrow = text(&draw(&app, 40, 12));
    for row in ["│name · x│", "│x · long│", &format!("│{}│", "─".repeat(8))] {
        assert!(narrow.contains(row), "{row:?} in\n{narrow}");
    }
    assert!(!narrow.contains('┼'), "{narrow}");
}

#[test]
fn every_card_text_in_the_tests_report_goes_through_the_card_renderer() {
    // Each answer is Markdown with a tab: "w0", the tab to column 4, then "z" in italics.
    let cards = [
        ("q0", "w0\\t*z*"),
        ("q1", "w1\\t*z*"),
        ("q2", "w2\\t*z*"),
        ("q3", "w3\\t*z*"),
    ];
    // Multiple choice only, then matching only.
    let only = |kept: Question| {
        [
            Question::Written,
            Question::TrueFalse,
            Question::Choice,
            Question::Matching,
        ]
        .into_iter()
        .filter(move |&kind| kind != kept)
        .map(Setting::Kind)
        .collect::<Vec<_>>()
    };
    for settings in [only(Question::Choice), only(Question::Matching)] {
        let mut app = app_on_cards(&cards);
        start(&mut app, PracticeMode::Test, &settings);
        let Screen::Test(test) = &app.screen else {
            panic!()
        };
        let matching = test
            .session
            .items
            .iter()
            .any(|item| matches!(item, crate::session::practice_test::Item::Matching { .. }));
        assert_eq!(matching, settings == only(Question::Matching));
        answer_every_question_with_another_cards_text(&mut app);
        app.update(Action::Submit, app.now);
        let screen = text(&draw(&app, 80, 60));
        let yours: Vec<&str> = screen
            .lines()
            .filter_map(|line| line.split("yours: ").nth(1))
            .collect();
        assert_eq!(yours.len(), 4, "{settings:?}\n{screen}");
        for given in yours {
            // "w1  z": the italics' marks gone, the tab to column 4 (two after "w1").
            let given = given.trim_end();
            assert!(
                given.len() == 5 && given.starts_with('w') && given.ends_with("  z"),
                "{given:?} in\n{screen}"
            );
        }
    }
}

/// Answers each question of the test on screen with a card's text that is not its own: a
/// wrong option, or in a matching block each prompt given the next prompt's answer.
fn answer_every_question_with_another_cards_text(app: &mut App) {
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    for item in test.session.items.clone() {
        match item {
            crate::session::practice_test::Item::Single(q) => {
                let Ask::Choice { correct, .. } = q.ask else {
                    panic!("{q:?}")
                };
                app.update(Action::Choose((correct + 1) % 4 + 1), app.now);
            }
            crate::session::practice_test::Item::Matching { key, .. } => {
                for row in 0..key.len() {
                    // Choosing moves on to the next prompt.
                    app.update(Action::Choose(key[(row + 1) % key.len()] + 1), app.now);
                }
            }
        }
        app.update(Action::Right, app.now);
    }
}

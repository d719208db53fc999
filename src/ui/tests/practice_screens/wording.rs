//! The test report's headings: a key-word pass is right in part, not a spelling slip, and
//! the wrong answers have a heading of their own; card sorting's counted round over.

use super::*;

#[test]
fn the_report_heads_spelling_key_words_and_wrong_answers_apart() {
    let long = "Selling additional products or services to existing customers to increase revenue per account";
    let mut app = app_on_cards(&[
        ("Upselling", long),
        ("Capital", "Lisbon"),
        ("Other", "Zebra"),
    ]);
    // Written questions only, in deck order.
    start(
        &mut app,
        PracticeMode::Test,
        &[
            Setting::Shuffle,
            Setting::Kind(Question::Choice),
            Setting::Kind(Question::TrueFalse),
            Setting::Kind(Question::Matching),
        ],
    );
    for answer in [
        "increase revenue by selling existing customers additional services and products",
        "lisbn",
        "horse",
    ] {
        for c in answer.chars() {
            app.update(Action::Type(c), app.now);
        }
        app.update(Action::Submit, app.now);
    }
    app.update(Action::Submit, app.now);
    let screen = text(&draw(&app, 160, 48));
    let at = |needle: &str| {
        screen
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in\n{screen}"))
    };
    let spelling = at("Right, but mind the spelling:");
    let part = at("Right in part (key words):");
    let wrong = at("Wrong:");
    assert!(
        spelling < at("2. Capital") && at("2. Capital") < part,
        "{screen}"
    );
    assert!(
        part < at("1. Upselling") && at("1. Upselling") < wrong,
        "{screen}"
    );
    assert!(at("in full: Selling additional") > part, "{screen}");
    assert!(wrong < at("3. Other"), "{screen}");
}

#[test]
fn a_sorting_round_over_one_still_learning_card_says_card() {
    let mut app = app_on_numbered(2);
    start(&mut app, PracticeMode::Flashcards, &[Setting::Sorting]);
    // One known, one still learning.
    app.update(Action::Up, app.now);
    app.update(Action::Down, app.now);
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("Enter studies the 1 still-learning card again."),
        "{screen}"
    );
}

//! The tester's findings at 40×12 on issue 16 (F3–F6): what matters stays on screen, a long
//! part scrolls, and nothing is cut without "…".

use super::practice_screens::{app_on_cards, start};
use super::*;
use crate::app::{PracticeMode, Screen, Setting};
use crate::session::questions::Ask;
use crate::store::Question;

#[test]
fn a_learn_miss_at_40x12_shows_the_answer_and_the_mastered_count() {
    // 100 terms whose answers wrap at 40 columns: four options take eight rows, more than
    // the body's seven.
    let cards: Vec<(String, String)> = (0..100)
        .map(|i| {
            (
                format!("Q{i}"),
                format!("answer {i} is long enough to wrap at forty"),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = cards
        .iter()
        .map(|(f, b)| (f.as_str(), b.as_str()))
        .collect();
    let mut app = app_on_cards(&pairs);
    start(
        &mut app,
        PracticeMode::Learn,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::TrueFalse),
        ],
    );
    let Screen::Learn(learn) = &app.screen else {
        panic!()
    };
    let asked = learn.session.current.as_ref().unwrap();
    let Ask::Choice { correct, .. } = asked.question.ask else {
        panic!()
    };
    let answer = asked.question.answer.clone();
    // A wrong option: the first that is not the answer.
    app.update(Action::Choose(if correct == 0 { 2 } else { 1 }), app.now);
    let buf = draw(&app, 40, 12);
    let screen = flat(&buf);
    assert!(screen.contains("✗ Not quite. The answer:"), "{screen}");
    // The answer wraps at 36 columns: its first words are seen whole.
    let first_words = answer.split(" is ").next().unwrap();
    assert!(
        text(&buf)
            .lines()
            .skip_while(|l| !l.contains("Not quite"))
            .nth(1)
            .is_some_and(|l| l.contains(first_words)),
        "{screen}"
    );
    // Nothing is mastered yet, of 100 terms.
    assert!(line(&buf, 0).ends_with("0 of 100 mastered"), "{screen}");
    // At 80 columns the whole status, and the feedback below the options as before.
    let wide = draw(&app, 80, 24);
    assert!(
        line(&wide, 0).ends_with("round 1 · 100 unseen · 0 familiar · 0 mastered"),
        "{}",
        text(&wide)
    );
}

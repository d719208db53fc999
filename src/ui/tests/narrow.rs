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

#[test]
fn the_catch_up_box_at_40x12_keeps_its_keys_and_sums_the_days_it_cannot_list() {
    use crate::app::HomeOverlay;
    use crate::app::backlog::PlanPreview;
    use crate::study::backlog::{Backlog, Plan};
    let mut app = sample();
    // 70 reviews over 7 days, 10 a day.
    let days: Vec<Vec<Box<str>>> = (0..7)
        .map(|day| (0..10).map(|i| format!("c{day}-{i}").into()).collect())
        .collect();
    app.home.overlay = Some(HomeOverlay::Plan(PlanPreview {
        days: 7,
        plan: Plan {
            id: "p".into(),
            days,
        },
        backlog: Backlog {
            due: 70,
            normal_day: 4.0,
        },
    }));
    let buf = draw(&app, 40, 12);
    let screen = text(&buf);
    assert!(
        screen.contains("│Enter apply  ←/→ days  Esc cancel"),
        "{screen}"
    );
    // Twelve rows: two borders, the description and the spread take four at 38 columns,
    // the note two and the keys one; three rows for the days: today, tomorrow, the rest.
    assert!(screen.contains("10 (today)"), "{screen}");
    assert!(
        flat(&buf).contains("then 50 over the remaining days"),
        "{screen}"
    );
    // At 80×24 every day is listed.
    let wide = text(&draw(&app, 80, 24));
    assert!(!wide.contains("remaining days"), "{wide}");
    let day_rows = wide
        .lines()
        .filter(|l| l.contains("│  ") && l.contains("     10"))
        .count();
    assert_eq!(day_rows, 7, "{wide}");
}

#[test]
fn the_exam_date_at_40x12_shows_what_is_typed_and_its_error_whole() {
    let mut app = sample();
    app.update(Action::SetExam, app.now);
    for c in "2026-13-45".chars() {
        app.update(Action::Type(c), app.now);
    }
    let buf = draw(&app, 40, 12);
    // The field is on the notice line, above the keys.
    assert_eq!(
        line(&buf, 10).trim_end(),
        "Exam date: 2026-13-45█",
        "{}",
        text(&buf)
    );
    // At 80 columns the whole label.
    let wide = draw(&app, 80, 24);
    assert!(
        line(&wide, 22).starts_with("Exam date, YYYY-MM-DD (empty clears): 2026-13-45█"),
        "{}",
        text(&wide)
    );
    app.update(Action::Submit, app.now);
    let buf = draw(&app, 40, 12);
    let screen = text(&buf);
    // "`2026-13-45` is not a date like 2026-12-15." is 44 columns: it wraps between words.
    assert!(
        screen.contains("`2026-13-45` is not a date like"),
        "{screen}"
    );
    assert!(screen.contains("\n2026-12-15."), "{screen}");
}

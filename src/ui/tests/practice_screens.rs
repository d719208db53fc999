//! The practice screens of issue 16 at 80×24, 160×48 and 40×12: one count of test
//! questions, the submit page, the report's labels, leaving a test, Learn's feedback, the
//! options screen's count and resume, and card sorting's end.

use super::*;
use crate::app::{PracticeMode, Screen, Setting};
use crate::deck::{Source, parse_deck};
use crate::session::questions::Ask;
use crate::store::Question;

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 48), (40, 12)];

/// An app on one deck `d` of these cards.
pub(super) fn app_on_cards(cards: &[(&str, &str)]) -> App {
    let mut text = String::from("[deck]\nname = \"D\"\n");
    for (i, (front, back)) in cards.iter().enumerate() {
        let _ = write!(
            text,
            "\n[[cards]]\nid = \"c{i}\"\nfront = \"{front}\"\nback = \"{back}\"\n"
        );
    }
    let deck = parse_deck(DeckId::new("d"), Source::Bundled, &text).unwrap();
    let mut collection = Collection::default();
    collection.decks.push(deck);
    app_with(collection)
}

/// `n` cards "Q0".."Qn" answered "A0".."An".
fn numbered(n: usize) -> Vec<(String, String)> {
    (0..n).map(|i| (format!("Q{i}"), format!("A{i}"))).collect()
}

pub(super) fn app_on_numbered(n: usize) -> App {
    let cards = numbered(n);
    let pairs: Vec<(&str, &str)> = cards
        .iter()
        .map(|(f, b)| (f.as_str(), b.as_str()))
        .collect();
    app_on_cards(&pairs)
}

pub(super) fn start(app: &mut App, mode: PracticeMode, settings: &[Setting]) {
    app.open_options(mode, vec![0], "D".into());
    for &setting in settings {
        app.update(Action::Setting(setting), app.now);
    }
    app.update(Action::Start, app.now);
}

fn test_of(app: &App) -> &crate::session::practice_test::PracticeTest {
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    &test.session
}

#[test]
fn the_test_counts_questions_one_way_on_every_page_at_every_size() {
    let mut app = app_on_numbered(12);
    start(&mut app, PracticeMode::Test, &[Setting::TypeCount]);
    // The count typed: 12, written, choice, true/false and a block of three pairs.
    app.update(Action::Type('1'), app.now);
    app.update(Action::Type('2'), app.now);
    app.update(Action::Submit, app.now);
    app.update(Action::Start, app.now);
    let block = test_of(&app)
        .items
        .iter()
        .position(|item| matches!(item, crate::session::practice_test::Item::Matching { .. }))
        .unwrap();
    for (width, height) in SIZES {
        let screen = text(&draw(&app, width, height));
        assert!(
            line(&draw(&app, width, height), 0).ends_with("question 1 of 12"),
            "{screen}"
        );
    }
    for _ in 0..block {
        app.update(Action::Right, app.now);
    }
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        assert!(
            line(&buf, 0).ends_with("questions 10–12 of 12"),
            "{}",
            text(&buf)
        );
    }
    app.update(Action::Choose(1), app.now);
    app.update(Action::Right, app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = flat(&buf);
        assert!(
            screen.contains("You answered 1 of 12 questions."),
            "{screen}"
        );
        assert!(screen.contains("Not answered: 1–9, 11–12"), "{screen}");
        assert!(
            screen.contains("Enter submits the test as it is; ←"),
            "{screen}"
        );
    }
    app.update(Action::Submit, app.now);
    let screen = flat(&draw(&app, 80, 24));
    assert!(screen.contains(" of 12 right)"), "{screen}");
}

#[test]
fn the_report_wraps_under_its_labels_and_says_what_a_claim_was() {
    let long = "Selling additional products or services to existing customers to increase revenue per account";
    let mut app = app_on_cards(&[
        ("Upselling", long),
        ("Cross-selling", "Selling other products"),
    ]);
    start(
        &mut app,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Choice),
            Setting::Kind(Question::TrueFalse),
            Setting::Kind(Question::Matching),
        ],
    );
    app.update(Action::Right, app.now);
    app.update(Action::Right, app.now);
    app.update(Action::Submit, app.now);
    for _ in 0..4 {
        app.update(Action::Down, app.now);
    }
    let buf = draw(&app, 40, 12);
    let rows: Vec<String> = (0..12).map(|y| line(&buf, y)).collect();
    let right = rows
        .iter()
        .rposition(|l| l.starts_with("   right: "))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    assert!(
        rows[right + 1].starts_with("          ") && !rows[right + 1].trim().is_empty(),
        "the answer goes on under itself, not at column 1:\n{}",
        rows.join("\n")
    );
    // True/false, answered the wrong way: the claim shown, and what was right.
    let mut app = app_on_numbered(2);
    start(
        &mut app,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::Choice),
            Setting::Kind(Question::Matching),
        ],
    );
    let claims: Vec<(String, bool, String)> = test_of(&app)
        .items
        .iter()
        .map(|item| match item {
            crate::session::practice_test::Item::Single(q) => match &q.ask {
                Ask::TrueFalse { shown, is_true } => (shown.clone(), *is_true, q.answer.clone()),
                _ => panic!(),
            },
            crate::session::practice_test::Item::Matching { .. } => panic!(),
        })
        .collect();
    for (_, is_true, _) in &claims {
        app.update(Action::Choose(if *is_true { 2 } else { 1 }), app.now);
        app.update(Action::Right, app.now);
    }
    app.update(Action::Submit, app.now);
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = text(&draw(&app, width, height));
        for (shown, is_true, answer) in &claims {
            assert!(screen.contains(&format!("   shown: {shown}")), "{screen}");
            let (yours, right) = if *is_true {
                ("False", "True")
            } else {
                ("True", "False")
            };
            assert!(screen.contains(&format!("   yours: {yours}")), "{screen}");
            assert!(screen.contains(&format!("   right: {right}")), "{screen}");
            // A false claim's card answer follows, on its own line.
            let answer_line = format!("   answer: {answer}");
            assert_eq!(screen.contains(&answer_line), !is_true, "{screen}");
        }
    }
}

#[test]
fn leaving_a_test_with_answers_asks_at_every_size() {
    let mut app = app_on_numbered(5);
    start(
        &mut app,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::TrueFalse),
            Setting::Kind(Question::Matching),
        ],
    );
    app.update(Action::Choose(1), app.now);
    app.update(Action::Back, app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = flat(&buf);
        assert!(
            screen.contains("Leave the test? 1 of 5 questions answered."),
            "{screen}"
        );
        if width >= 80 {
            assert!(screen.contains("y leaves and keeps them"), "{screen}");
            assert!(
                line(&buf, height - 1)
                    .starts_with("y leave, keeping the answers   d discard the test   n stay"),
                "{}",
                text(&buf)
            );
        }
    }
}

/// Learn asking `kind` only, on these cards.
fn learning(cards: &[(&str, &str)], kind: Question) -> App {
    let mut app = app_on_cards(cards);
    let off: Vec<Setting> = [Question::Written, Question::Choice, Question::TrueFalse]
        .into_iter()
        .filter(|&k| k != kind)
        .map(Setting::Kind)
        .collect();
    start(&mut app, PracticeMode::Learn, &off);
    app
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c), app.now);
    }
    app.update(Action::Submit, app.now);
}

#[test]
fn learn_feedback_says_what_happened_at_every_size() {
    let cards = [("coffee shop", "café"), ("child", "niño")];
    // A forgotten accent: right, and the accent shown.
    let mut app = learning(&cards, Question::Written);
    let answer = match &app.screen {
        Screen::Learn(l) => l.session.current.as_ref().unwrap().question.answer.clone(),
        _ => panic!(),
    };
    let bare = if answer == "café" { "cafe" } else { "nino" };
    type_in(&mut app, bare);
    // At 40×12 the feedback is below the question: the scroll bar says there is more.
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = flat(&draw(&app, width, height));
        assert!(
            screen.contains(&format!("≈ Right, but mind the accents: {answer}")),
            "{screen}"
        );
    }
    // Don't know: the answer, not "Not quite".
    app.update(Action::Proceed, app.now);
    app.update(Action::DontKnow, app.now);
    let screen = flat(&draw(&app, 80, 24));
    assert!(screen.contains("The answer: "), "{screen}");
    assert!(!screen.contains("Not quite"), "{screen}");
    // A wrong answer counted as right keeps the answer on screen.
    app.update(Action::Proceed, app.now);
    type_in(&mut app, "something else");
    app.update(Action::Override, app.now);
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = flat(&draw(&app, width, height));
        assert!(
            screen.contains("✓ Counted as right. The answer as written:"),
            "{screen}"
        );
    }
}

#[test]
fn a_true_false_miss_says_it_was_true_or_what_the_answer_is() {
    for seed in 0..8 {
        let mut app = learning(
            &[("one", "uno"), ("two", "dos"), ("three", "tres")],
            Question::TrueFalse,
        );
        let Screen::Learn(l) = &app.screen else {
            panic!()
        };
        let question = l.session.current.as_ref().unwrap().question.clone();
        let Ask::TrueFalse { is_true, .. } = question.ask else {
            panic!()
        };
        app.update(Action::Choose(if is_true { 2 } else { 1 }), app.now);
        let screen = flat(&draw(&app, 80, 24));
        if is_true {
            assert!(screen.contains("✗ It was true."), "{seed}: {screen}");
        } else {
            assert!(
                screen.contains(&format!("✗ It was false. The answer: {}", question.answer)),
                "{seed}: {screen}"
            );
        }
    }
}

#[test]
fn the_options_screen_types_the_count_and_offers_a_kept_test() {
    let mut app = app_on_numbered(30);
    app.open_options(PracticeMode::Test, vec![0], "D".into());
    app.update(Action::Setting(Setting::TypeCount), app.now);
    app.update(Action::Type('7'), app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = flat(&buf);
        // At 40×12 the list is below the fold; the footer says what the keys do.
        assert!(
            height < 24 || screen.contains("number of questions: 7█"),
            "{screen}"
        );
        assert!(
            line(&buf, height - 1).starts_with("Enter set   Esc cancel"),
            "{}",
            text(&buf)
        );
    }
    app.update(Action::Submit, app.now);
    app.update(Action::Start, app.now);
    // The first question answered, whatever its kind.
    app.update(Action::Choose(1), app.now);
    app.update(Action::Type('x'), app.now);
    app.update(Action::Right, app.now);
    app.update(Action::Back, app.now);
    app.update(Action::Back, app.now);
    app.open_options(PracticeMode::Test, vec![0], "D".into());
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        let screen = flat(&buf);
        assert!(
            screen.contains("A test is in progress on these decks."),
            "{screen}"
        );
        assert!(screen.contains("of 7 questions answered."), "{screen}");
        assert!(
            line(&buf, height - 1).starts_with("Enter resume the test"),
            "{}",
            text(&buf)
        );
    }
}

#[test]
fn card_sorting_ends_with_every_card_known_in_the_header() {
    let mut app = app_on_numbered(2);
    start(&mut app, PracticeMode::Flashcards, &[Setting::Sorting]);
    app.update(Action::Up, app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("round 1 · 1 know · 0 still learning"),
        "{screen}"
    );
    // In the footer at 80 columns beside help and back (its short hint: every hint in full
    // needs 88 columns).
    assert!(
        screen.contains("u undo   * star   ? help   q back"),
        "{screen}"
    );
    app.update(Action::Up, app.now);
    app.update(Action::Proceed, app.now);
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        assert!(
            line(&buf, 0).trim_end().ends_with("all 2 known"),
            "{}",
            text(&buf)
        );
        assert!(!text(&buf).contains("0 know"), "{}", text(&buf));
    }
}

mod wording;

/// `shared/cases/tab-indent` on the report: the right answer is card text, drawn by the card
/// renderer, so its tabs go to the next multiple of 4 columns there too.
#[test]
fn the_report_keeps_a_tab_indented_answers_indents() {
    // TOML escapes: the deck holds real line feeds and tabs.
    let code = "for i in range(3):\\n\\tif i:\\n\\t\\tprint(i)";
    let mut app = app_on_cards(&[("loop", code), ("other", "plain")]);
    start(
        &mut app,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Choice),
            Setting::Kind(Question::TrueFalse),
            Setting::Kind(Question::Matching),
        ],
    );
    for _ in 0..2 {
        app.update(Action::Type('x'), app.now);
        app.update(Action::Right, app.now);
    }
    app.update(Action::Submit, app.now);
    let screen = text(&draw(&app, 80, 48));
    let column = |needle: &str| {
        screen
            .lines()
            .find_map(|l| l.find(needle).map(|at| l[..at].chars().count()))
            .unwrap_or_else(|| panic!("no {needle}:\n{screen}"))
    };
    let start = column("for i in range(3):");
    assert_eq!(column("if i:"), start + 4, "{screen}");
    assert_eq!(column("print(i)"), start + 8, "{screen}");
}

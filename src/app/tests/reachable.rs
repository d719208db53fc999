//! Every action a screen's update acts on is reachable from that screen's key tables: an
//! update that handles an action no key gives is dead code or a drifted table.

use std::mem::discriminant;

use super::*;
use crate::app::practice::Setting;
use crate::store::Question;

/// How to reach a state: keys from the test app, or from one with a large backlog.
enum Step {
    Key(KeyCode),
    Backlog,
}
use Step::Key;

fn char_keys(text: &str) -> Vec<Step> {
    text.chars().map(|c| Key(KeyCode::Char(c))).collect()
}

fn reach(steps: &[Step]) -> App {
    let mut app = match steps.first() {
        Some(Step::Backlog) => backlog_app(),
        _ => app(),
    };
    for step in steps {
        if let Key(code) = step {
            press(&mut app, *code, now());
        }
    }
    app
}

/// The states to probe, by name, with the steps that reach them.
fn states() -> Vec<(&'static str, Vec<Step>)> {
    let mut states = screen_states();
    states.extend(typing_states());
    states
}

fn screen_states() -> Vec<(&'static str, Vec<Step>)> {
    let keys = |text: &str, tail: Vec<Step>| {
        let mut steps = char_keys(text);
        steps.extend(tail);
        steps
    };
    vec![
        ("home", vec![]),
        ("home help", char_keys("?")),
        ("home picker", char_keys("m")),
        ("home filter", char_keys("/")),
        ("home exam", char_keys("x")),
        ("home backlog", vec![Step::Backlog]),
        ("home plan", vec![Step::Backlog, Key(KeyCode::Char('b'))]),
        ("question", vec![Key(KeyCode::Enter)]),
        (
            "answer",
            keys("", vec![Key(KeyCode::Enter), Key(KeyCode::Char(' '))]),
        ),
        (
            "review help",
            keys("", vec![Key(KeyCode::Enter), Key(KeyCode::Char('?'))]),
        ),
        (
            "done",
            keys(
                "j",
                vec![
                    Key(KeyCode::Enter),
                    Key(KeyCode::Char(' ')),
                    Key(KeyCode::Char('4')),
                ],
            ),
        ),
        (
            "done tag",
            keys(
                "j",
                vec![
                    Key(KeyCode::Enter),
                    Key(KeyCode::Char(' ')),
                    Key(KeyCode::Char('4')),
                    Key(KeyCode::Char('#')),
                ],
            ),
        ),
        ("options flashcards", char_keys("mf")),
        ("options learn", char_keys("ml")),
        ("options match", char_keys("mm")),
        ("options test", char_keys("mt")),
        ("options help", char_keys("mt?")),
        ("flashcards", keys("mf", vec![Key(KeyCode::Enter)])),
        ("sorting", keys("mfc", vec![Key(KeyCode::Enter)])),
        (
            "flashcards help",
            keys("mf", vec![Key(KeyCode::Enter), Key(KeyCode::Char('?'))]),
        ),
        ("learn choice", keys("ml13", vec![Key(KeyCode::Enter)])),
        ("learn true/false", keys("ml12", vec![Key(KeyCode::Enter)])),
        ("learn written", keys("ml23", vec![Key(KeyCode::Enter)])),
        (
            "learn field left",
            keys("ml23", vec![Key(KeyCode::Enter), Key(KeyCode::Esc)]),
        ),
        (
            "learn feedback",
            keys("ml13", vec![Key(KeyCode::Enter), Key(KeyCode::Tab)]),
        ),
        ("match", keys("mm", vec![Key(KeyCode::Enter)])),
        ("test choice", keys("mt13", vec![Key(KeyCode::Enter)])),
        ("test true/false", keys("mt12", vec![Key(KeyCode::Enter)])),
        ("test matching", keys("mt1234", vec![Key(KeyCode::Enter)])),
        ("test written", keys("mt23", vec![Key(KeyCode::Enter)])),
        (
            "test field left",
            keys("mt23", vec![Key(KeyCode::Enter), Key(KeyCode::Esc)]),
        ),
        (
            "test submit page",
            keys(
                "mt13",
                std::iter::once(Key(KeyCode::Enter))
                    .chain((0..10).map(|_| Key(KeyCode::Tab)))
                    .collect(),
            ),
        ),
        ("stats", char_keys("s")),
        ("stats help", char_keys("s?")),
        ("browser", char_keys("v")),
        ("browser help", char_keys("v?")),
        ("browser search", char_keys("v/")),
        ("browser details", keys("v", vec![Key(KeyCode::Enter)])),
        ("browser set due", char_keys("vd")),
        ("browser forget several", char_keys("vMf")),
        (
            "browser from review",
            keys("", vec![Key(KeyCode::Enter), Key(KeyCode::Char('v'))]),
        ),
    ]
}

/// The review's question with its answer field: typing, and left with Esc.
fn typing_states() -> Vec<(&'static str, Vec<Step>)> {
    let typing = || vec![Key(KeyCode::Enter), Key(KeyCode::Char('t'))];
    let mut left = typing();
    left.extend([Key(KeyCode::Char('x')), Key(KeyCode::Esc)]);
    vec![("question typing", typing()), ("question field left", left)]
}

/// Every action a key table could carry; the runtime's own are left out.
fn key_actions() -> Vec<Action> {
    use crate::scheduler::Rating::{Again, Easy, Good, Hard};
    let mut actions = vec![
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::Open,
        Action::ReviewAll,
        Action::Reveal,
        Action::Grade(Again),
        Action::Grade(Hard),
        Action::Grade(Good),
        Action::Grade(Easy),
        Action::Undo,
        Action::Bury,
        Action::Suspend,
        Action::Edit,
        Action::MoreNew,
        Action::ReviewAhead,
        Action::Cram,
        Action::CramStarred,
        Action::CramTag,
        Action::Help,
        Action::Back,
        Action::Backlog,
        Action::UndoBacklog,
        Action::SetExam,
        Action::Picker,
        Action::Filter,
        Action::Reload,
        Action::Statistics,
        Action::PickMode(None),
        Action::Start,
        Action::Star,
        Action::Shuffle,
        Action::ToggleSorting,
        Action::Proceed,
        Action::StartOver,
        Action::Choose(1),
        Action::Choose(2),
        Action::Type('x'),
        Action::Backspace,
        Action::Submit,
        Action::DontKnow,
        Action::Override,
        Action::Left,
        Action::Right,
        Action::Previous,
        Action::Retake,
        Action::LeaveField,
        Action::EnterField,
        Action::Browse,
        Action::BrowseTrouble,
        Action::Mark,
        Action::MarkAll,
        Action::SortNext,
        Action::SortReverse,
        Action::Forget,
        Action::SetDue,
        Action::AddCard,
        Action::Relink,
        Action::ToggleTyping,
        Action::ShowHint,
        Action::EditField(crate::app::line_input::FieldEdit::Left),
        Action::EditField(crate::app::line_input::FieldEdit::DeleteWord),
    ];
    for mode in [
        PracticeMode::Flashcards,
        PracticeMode::Learn,
        PracticeMode::Match,
        PracticeMode::Test,
    ] {
        actions.push(Action::PickMode(Some(mode)));
    }
    for setting in [
        Setting::AnswerWith,
        Setting::Shuffle,
        Setting::StarredOnly,
        Setting::Sorting,
        Setting::MoreQuestions,
        Setting::FewerQuestions,
        Setting::Kind(Question::Written),
        Setting::Kind(Question::Choice),
        Setting::Kind(Question::TrueFalse),
        Setting::Kind(Question::Matching),
    ] {
        actions.push(Action::Setting(setting));
    }
    actions
}

/// Whether a binding's action stands for `action`: typed text and picks carry any value.
fn stands_for(bound: &Action, action: &Action) -> bool {
    match (bound, action) {
        (Action::Choose(_), Action::Choose(_)) | (Action::Type(_), Action::Type(_)) => {
            discriminant(bound) == discriminant(action)
        }
        _ => bound == action,
    }
}

fn screen_kind(app: &App) -> &'static str {
    match app.screen {
        Screen::Home => "home",
        Screen::Review(_) => "review",
        Screen::Options(_) => "options",
        Screen::Flashcards(_) => "flashcards",
        Screen::Learn(_) => "learn",
        Screen::Match(_) => "match",
        Screen::Test(_) => "test",
        Screen::Stats(_) => "stats",
        Screen::Browser(_) => "browser",
    }
}

fn snapshot(app: &App) -> String {
    format!("{:?} {:?} {:?}", app.screen, app.home, app.notice)
}

#[test]
fn every_action_a_screen_handles_is_reachable_from_its_tables() {
    let states = states();
    // Each screen's tables: what every probed state of it shows, and Ctrl-C's.
    let mut tables: Vec<(&str, Vec<Action>)> = Vec::new();
    for (_, steps) in &states {
        let app = reach(steps);
        let kind = screen_kind(&app);
        let bound = app.bindings().iter().map(|b| b.action.clone());
        match tables.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, actions)) => actions.extend(bound),
            None => tables.push((kind, bound.collect())),
        }
    }
    let mut unreachable = Vec::new();
    for (name, steps) in &states {
        let kind = screen_kind(&reach(steps));
        let bound = &tables.iter().find(|(k, _)| *k == kind).expect("probed").1;
        for action in key_actions() {
            let mut app = reach(steps);
            let before = snapshot(&app);
            let effects = app.update(action.clone(), now());
            let acted = !effects.is_empty() || snapshot(&app) != before;
            if acted && !bound.iter().any(|b| stands_for(b, &action)) {
                unreachable.push(format!("{name}: {action:?}"));
            }
        }
    }
    assert!(
        unreachable.is_empty(),
        "handled but bound to no key: {unreachable:#?}"
    );
}

#[test]
fn the_probed_states_are_the_ones_named() {
    // The probe is only as good as its states: each must be where its name says.
    let hints = |keys: Keys| {
        keys.iter()
            .map(|b| (b.key_label, b.hint))
            .collect::<Vec<_>>()
    };
    let table_of = |steps: &[Step]| {
        let shown = hints(reach(steps).bindings());
        keys::ALL
            .iter()
            .find(|(_, keys)| hints(*keys) == shown)
            .map_or("?", |(name, _)| *name)
    };
    let expected = [
        ("home picker", "PICKER"),
        ("home backlog", "HOME_BACKLOG"),
        ("home filter", "FILTER_INPUT"),
        ("home exam", "EXAM_INPUT"),
        ("home plan", "BACKLOG_PLAN"),
        ("answer", "ANSWER"),
        ("question typing", "TYPING_REVIEW"),
        ("question field left", "QUESTION_FIELD_LEFT"),
        ("done", "DONE"),
        ("done tag", "TAG_INPUT"),
        ("sorting", "SORTING"),
        ("learn choice", "LEARN_CHOICE"),
        ("learn true/false", "LEARN_TRUE_FALSE"),
        ("learn written", "TYPING_LEARN"),
        ("learn field left", "LEARN_FIELD_LEFT"),
        ("learn feedback", "LEARN_FEEDBACK"),
        ("test choice", "TEST_CHOICE"),
        ("test true/false", "TEST_TRUE_FALSE"),
        ("test matching", "TEST_MATCHING"),
        ("test written", "TYPING_TEST"),
        ("test field left", "TEST_FIELD_LEFT"),
        ("test submit page", "TEST_SUBMIT"),
        ("stats help", "HELP"),
        ("browser", "BROWSER"),
        ("browser help", "HELP"),
        ("browser search", "BROWSER_SEARCH"),
        ("browser details", "BROWSER_DETAILS"),
        ("browser set due", "SET_DUE_INPUT"),
        ("browser forget several", "CONFIRM_FORGET"),
        ("browser from review", "BROWSER"),
    ];
    for (name, steps) in states() {
        if let Some((_, table)) = expected.iter().find(|(n, _)| *n == name) {
            assert_eq!(table_of(&steps), *table, "{name}");
        }
    }
}

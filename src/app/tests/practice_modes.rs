//! The practice modes through the app's keys: a test kept, asked about and resumed; options
//! remembered per deck; the count typed; one-card decks; sorting undone.

use super::*;
use crate::app::practice::PracticeMemory;
use crate::session::practice_test::Response;
use crate::session::questions::ONE_ANSWER;

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    let action = app
        .action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
        .unwrap();
    app.update(action, now())
}

/// The memory the last of `effects` would save.
fn saved(effects: &[Effect]) -> Option<PracticeMemory> {
    effects.iter().rev().find_map(|effect| match effect {
        Effect::SavePractice(memory) => Some((**memory).clone()),
        _ => None,
    })
}

fn test_screen(app: &App) -> &Practice<crate::session::practice_test::PracticeTest> {
    let Screen::Test(test) = &app.screen else {
        panic!("not a test: {:?}", app.screen)
    };
    test
}

/// A multiple-choice test on deck `a` (three cards), started.
fn started_test(app: &mut App) {
    app.open_options(PracticeMode::Test, vec![0], "Deck".into());
    for kind in ['1', '3', '4'] {
        press(app, KeyCode::Char(kind), now());
    }
    press(app, KeyCode::Enter, now());
}

#[test]
fn leaving_a_test_with_answers_asks_and_keeps_it_to_resume() {
    let mut app = app();
    started_test(&mut app);
    // Nothing answered: Esc leaves at once, and nothing is kept.
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(app.screen, Screen::Home);
    started_test(&mut app);
    let effects = press(&mut app, KeyCode::Char('2'), now());
    let kept = saved(&effects).expect("an answer keeps the test");
    assert!(kept.kept_test(&["a".to_owned()]).is_some());
    press(&mut app, KeyCode::Esc, now());
    assert!(test_screen(&app).leaving, "asked, not left");
    assert_eq!(app.bindings().label_for(&Action::Discard), Some("d"));
    press(&mut app, KeyCode::Char('n'), now());
    assert!(!test_screen(&app).leaving, "n stays");
    press(&mut app, KeyCode::Char('q'), now());
    let effects = press(&mut app, KeyCode::Char('y'), now());
    assert_eq!(app.screen, Screen::Home);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("Your answers are kept")
    );
    let memory = saved(&effects).unwrap();
    let test = memory.kept_test(&["a".to_owned()]).unwrap().clone();
    assert_eq!(test.unanswered().len(), 2);
    // Opening a test here offers it; Enter resumes it with its answer.
    app.open_options(PracticeMode::Test, vec![0], "Deck".into());
    assert_eq!(app.bindings().label_for(&Action::Start), Some("Enter"));
    press(&mut app, KeyCode::Enter, now());
    let resumed = &test_screen(&app).session;
    assert_eq!(resumed.items, test.items);
    assert!(matches!(resumed.responses[0], Response::Choice(1)));
    assert_eq!(
        app.notice.as_deref(),
        Some("Resumed: 1 of 3 questions answered.")
    );
    // Submitting forgets it.
    press(&mut app, KeyCode::Tab, now());
    assert!(app.notice.is_some(), "moving alone answers nothing");
    press(&mut app, KeyCode::Char('1'), now());
    assert_eq!(app.notice, None, "the next answer clears the count");
    press(&mut app, KeyCode::Tab, now());
    press(&mut app, KeyCode::Char('1'), now());
    let effects = press(&mut app, KeyCode::Tab, now());
    assert!(saved(&effects).is_some());
    let effects = press(&mut app, KeyCode::Enter, now());
    assert!(test_screen(&app).session.report.is_some());
    let memory = saved(&effects).unwrap();
    assert!(memory.kept_test(&["a".to_owned()]).is_none());
}

#[test]
fn discarding_a_test_on_leaving_or_on_the_options_screen_forgets_it() {
    let mut app = app();
    started_test(&mut app);
    press(&mut app, KeyCode::Char('1'), now());
    press(&mut app, KeyCode::Esc, now());
    let effects = press(&mut app, KeyCode::Char('d'), now());
    assert_eq!(app.screen, Screen::Home);
    assert!(
        saved(&effects)
            .unwrap()
            .kept_test(&["a".to_owned()])
            .is_none()
    );
    // Kept, then discarded from the options screen for a new one.
    started_test(&mut app);
    press(&mut app, KeyCode::Char('1'), now());
    press(&mut app, KeyCode::Esc, now());
    press(&mut app, KeyCode::Char('y'), now());
    app.open_options(PracticeMode::Test, vec![0], "Deck".into());
    let effects = press(&mut app, KeyCode::Char('d'), now());
    assert!(
        saved(&effects)
            .unwrap()
            .kept_test(&["a".to_owned()])
            .is_none()
    );
    let Screen::Options(options) = &app.screen else {
        panic!()
    };
    assert!(options.resume.is_none(), "the options show again");
}

#[test]
fn ctrl_c_in_a_test_keeps_it_and_quits_without_asking() {
    let mut app = app();
    started_test(&mut app);
    press(&mut app, KeyCode::Char('3'), now());
    let effects = ctrl(&mut app, 'c');
    assert_eq!(effects.last(), Some(&Effect::Quit));
    let memory = saved(&effects).unwrap();
    assert!(memory.kept_test(&["a".to_owned()]).is_some());
}

#[test]
fn ctrl_s_submits_when_everything_is_answered_or_shows_what_is_not() {
    let mut app = app();
    started_test(&mut app);
    press(&mut app, KeyCode::Char('1'), now());
    ctrl(&mut app, 's');
    let test = &test_screen(&app).session;
    assert!(test.on_submit_page());
    assert_eq!(test.unanswered(), [2, 3]);
    press(&mut app, KeyCode::Left, now());
    press(&mut app, KeyCode::Char('1'), now());
    press(&mut app, KeyCode::Left, now());
    press(&mut app, KeyCode::Char('1'), now());
    let effects = ctrl(&mut app, 's');
    assert!(test_screen(&app).session.report.is_some());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::WriteAll(events) if events.len() == 4))
    );
}

#[test]
fn options_are_remembered_per_deck_and_mode() {
    let mut app = app();
    app.open_options(PracticeMode::Learn, vec![0], "Deck".into());
    press(&mut app, KeyCode::Char('s'), now());
    press(&mut app, KeyCode::Char('m'), now());
    let effects = press(&mut app, KeyCode::Enter, now());
    let memory = saved(&effects).expect("starting remembers the options");
    let remembered = memory
        .options(&["a".to_owned()], PracticeMode::Learn)
        .unwrap();
    assert!(!remembered.shuffle && !remembered.auto_advance);
    press(&mut app, KeyCode::Esc, now());
    app.open_options(PracticeMode::Learn, vec![0], "Deck".into());
    let Screen::Options(options) = &app.screen else {
        panic!()
    };
    assert!(!options.options.shuffle && !options.options.auto_advance);
    // Another deck, or another mode, starts from the defaults.
    app.open_options(PracticeMode::Learn, vec![1], "Deck".into());
    let Screen::Options(options) = &app.screen else {
        panic!()
    };
    assert!(options.options.shuffle);
    app.open_options(PracticeMode::Flashcards, vec![0], "Deck".into());
    let Screen::Options(options) = &app.screen else {
        panic!()
    };
    assert!(options.options.shuffle);
}

#[test]
fn the_question_count_is_typed_and_checked() {
    let decks =
        vec![parse_deck(DeckId::new("big"), Source::Bundled, &deck_text("Big", 30)).unwrap()];
    let mut app = app_on(decks);
    app.open_options(PracticeMode::Test, vec![0], "Big".into());
    let count = |app: &App| match &app.screen {
        Screen::Options(options) => options.question_count(),
        _ => panic!(),
    };
    assert_eq!(count(&app), 20);
    for key in ['n', '7'] {
        press(&mut app, KeyCode::Char(key), now());
    }
    press(&mut app, KeyCode::Char('x'), now());
    press(&mut app, KeyCode::Enter, now());
    assert_eq!((count(&app), app.notice.as_deref()), (7, None));
    // +/- step five from the typed number and come back to it.
    press(&mut app, KeyCode::Char('+'), now());
    assert_eq!(count(&app), 12);
    press(&mut app, KeyCode::Char('-'), now());
    assert_eq!(count(&app), 7);
    press(&mut app, KeyCode::Char('-'), now());
    assert_eq!(count(&app), 2);
    press(&mut app, KeyCode::Char('+'), now());
    assert_eq!(count(&app), 7);
    for key in "n500".chars() {
        press(&mut app, KeyCode::Char(key), now());
    }
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(count(&app), 30);
    assert_eq!(
        app.notice.as_deref(),
        Some("These decks give at most 30 questions: the test has 30.")
    );
    for key in "n0".chars() {
        press(&mut app, KeyCode::Char(key), now());
    }
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(count(&app), 30);
    assert_eq!(
        app.notice.as_deref(),
        Some("Type a number of questions from 1 to 30.")
    );
    // Esc cancels what is typed.
    for key in "n5".chars() {
        press(&mut app, KeyCode::Char(key), now());
    }
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(count(&app), 30);
    assert!(
        matches!(app.screen, Screen::Options(_)),
        "Esc left the field only"
    );
}

#[test]
fn a_one_card_deck_asks_in_writing_and_says_why_and_match_says_why_not() {
    let mut app = app();
    app.open_options(PracticeMode::Learn, vec![1], "One".into());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Learn(learn) = &app.screen else {
        panic!()
    };
    assert!(learn.session.typing());
    assert_eq!(app.notice.as_deref(), Some(ONE_ANSWER));
    press(&mut app, KeyCode::Esc, now());
    press(&mut app, KeyCode::Esc, now());
    app.open_options(PracticeMode::Match, vec![1], "One".into());
    // Said on the options screen before Enter, in place of "Enter to start".
    for (width, height) in [(80, 24), (40, 12)] {
        let buf = crate::ui::tests::draw(&app, width, height);
        let screen: String = (0..height)
            .map(|y| crate::ui::tests::line(&buf, y).trim().to_owned())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            screen.contains("Match needs two cards to pair; these decks have one."),
            "{screen}"
        );
        assert!(!screen.contains("to start"), "{screen}");
    }
    press(&mut app, KeyCode::Enter, now());
    assert!(matches!(app.screen, Screen::Options(_)));
    assert_eq!(
        app.notice.as_deref(),
        Some("Match needs two cards to pair; these decks have one.")
    );
}

#[test]
fn u_undoes_the_last_sort_in_the_log_too() {
    let mut app = app();
    app.open_options(PracticeMode::Flashcards, vec![0], "Deck".into());
    press(&mut app, KeyCode::Char('c'), now());
    press(&mut app, KeyCode::Enter, now());
    let first = current_card_of_flashcards(&app);
    let sorted = events(&mut app, KeyCode::Char('k'));
    assert_eq!(app.study.practice(&first).sorted_known, Some(true));
    let undone = events(&mut app, KeyCode::Char('u'));
    assert_eq!(
        undone[0].kind,
        NewKind::Undo {
            target: sorted[0].id.clone().into()
        }
    );
    assert_eq!(current_card_of_flashcards(&app), first);
    assert_eq!(app.study.practice(&first).sorted_known, None);
}

fn current_card_of_flashcards(app: &App) -> String {
    let Screen::Flashcards(cards) = &app.screen else {
        panic!()
    };
    cards.session.current_card().unwrap().to_owned()
}

fn duration_of(event: &NewEvent) -> Option<u32> {
    match &event.kind {
        crate::store::EventKind::Review { duration_ms, .. } => *duration_ms,
        _ => None,
    }
}

#[test]
fn a_learn_answer_records_the_time_since_its_question_appeared() {
    // Written questions only: started at now, "A0" typed and checked 7.5 s later.
    let mut app = app();
    app.open_options(PracticeMode::Learn, vec![0], "Deck".into());
    press(&mut app, KeyCode::Char('2'), now());
    press(&mut app, KeyCode::Char('3'), now());
    press(&mut app, KeyCode::Enter, now());
    let typed = now() + chrono::Duration::seconds(3);
    press(&mut app, KeyCode::Char('A'), typed);
    press(&mut app, KeyCode::Char('0'), typed);
    let checked = now() + chrono::Duration::milliseconds(7500);
    let first = written(press(&mut app, KeyCode::Enter, checked));
    assert_eq!(first.len(), 1);
    assert_eq!(duration_of(&first[0]), Some(7500));
    // Enter moves on at 20 s: the next question's clock starts there, and "don't know"
    // (Tab) at 22 s took 2 s.
    let next = now() + chrono::Duration::seconds(20);
    press(&mut app, KeyCode::Enter, next);
    let second = written(press(
        &mut app,
        KeyCode::Tab,
        next + chrono::Duration::seconds(2),
    ));
    assert_eq!(second.len(), 1);
    assert_eq!(duration_of(&second[0]), Some(2000));
}

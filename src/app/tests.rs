use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::deck::Source;
use crate::deck::{Collection, DeckId, parse_deck};
use crate::scheduler::Rating;
use crate::scheduler::{Phase, Scheduler, Settings};
use crate::session::review::Notice;
use crate::store::History;
use crate::store::NewEvent;
use crate::study::DueCounts;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

/// A deck's text: `name`, with cards `c0`.. asking `Q{i}` and answered `A{i}`.
fn deck_text(name: &str, n: usize) -> String {
    let mut text = format!("[deck]\nname = \"{name}\"\n");
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[cards]]\nid = \"c{i}\"\nfront = \"Q{i}\"\nback = \"A{i}\"\n"
        );
    }
    text
}

/// The app on `decks`, with no history, at `now()`.
pub(crate) fn app_on(decks: Vec<crate::deck::Deck>) -> App {
    let collection = Collection {
        decks,
        broken: Vec::new(),
    };
    let study = Study::new(
        collection,
        History::default(),
        Scheduler::new(Settings::default()).unwrap(),
        now(),
    );
    App::new(study, PathBuf::from("/decks"), now())
}

/// Two decks: `a` from a file with three cards, and `b` built in with one.
fn app() -> App {
    let a = parse_deck(
        DeckId::new("a"),
        Source::File(PathBuf::from("/decks/a.toml")),
        &deck_text("Deck", 3),
    )
    .unwrap();
    let b = parse_deck(DeckId::new("b"), Source::Bundled, &deck_text("Deck", 1)).unwrap();
    app_on(vec![a, b])
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses a key the way the runtime does, writing events successfully.
fn press(app: &mut App, code: KeyCode, at: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(action) = app.action_for(key(code)) else {
        return Vec::new();
    };
    let effects = app.update(action, at);
    for effect in &effects {
        match effect {
            Effect::Write(event) => {
                app.update(Action::Written(event.clone()), at);
            }
            Effect::WriteAll(events) => {
                app.update(Action::WrittenAll(events.clone()), at);
            }
            _ => {}
        }
    }
    effects
}

fn current_card(app: &App) -> Option<String> {
    match &app.screen {
        Screen::Review(review) => review.session.current.as_ref().map(|c| c.card.to_string()),
        _ => None,
    }
}

#[test]
fn each_screen_has_its_own_keys() {
    let mut app = app();
    assert_eq!(app.action_for(key(KeyCode::Char('j'))), Some(Action::Down));
    assert_eq!(app.action_for(key(KeyCode::Enter)), Some(Action::Open));
    assert_eq!(app.action_for(key(KeyCode::Char('1'))), None);
    assert_eq!(
        app.action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(
        app.action_for(key(KeyCode::Char(' '))),
        Some(Action::Reveal)
    );
    assert_eq!(
        app.action_for(key(KeyCode::Char('3'))),
        None,
        "no grading before the answer"
    );
    press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(
        app.action_for(key(KeyCode::Char(' '))),
        Some(Action::Grade(Rating::Good))
    );
    assert_eq!(
        app.action_for(key(KeyCode::Char('1'))),
        Some(Action::Grade(Rating::Again))
    );
    press(&mut app, KeyCode::Char('?'), now());
    assert!(app.help_open());
    assert_eq!(
        app.action_for(key(KeyCode::Char('3'))),
        None,
        "help takes the keys"
    );
    press(&mut app, KeyCode::Esc, now());
    assert!(!app.help_open());
}

#[test]
fn reviewing_a_deck_writes_one_event_per_answer() {
    let mut app = app();
    assert_eq!(app.home.figures.counts[0].new, 3);
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(current_card(&app).as_deref(), Some("a/c0"));
    assert!(press(&mut app, KeyCode::Char('3'), now()).is_empty());
    press(&mut app, KeyCode::Char(' '), now());
    let effects = press(&mut app, KeyCode::Char('3'), now() + Duration::seconds(4));
    let [Effect::Write(event)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(event.card.as_deref(), Some("a/c0"));
    assert_eq!(app.study.state("a/c0").phase, Phase::Learning { step: 1 });
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
    press(&mut app, KeyCode::Char('q'), now());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(
        (
            app.home.figures.counts[0].new,
            app.home.figures.counts[0].learning
        ),
        (2, 1)
    );
}

#[test]
fn a_failed_write_changes_nothing_and_says_so() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char(' '), now());
    let effects = app.update(Action::Grade(Rating::Good), now());
    assert!(matches!(effects.as_slice(), [Effect::Write(_)]));
    app.update(Action::WriteFailed("disk full".into()), now());
    let Screen::Review(session) = &app.screen else {
        panic!()
    };
    let session = &session.session;
    assert_eq!(
        session.current.as_ref().map(|c| c.card.as_ref()),
        Some("a/c0")
    );
    assert_eq!(
        session.notice,
        Some(Notice::Error("Not saved: disk full".into()))
    );
    assert_eq!(app.study.state("a/c0").reps, 0);
}

#[test]
fn review_all_then_done() {
    let mut app = app();
    press(&mut app, KeyCode::Char('r'), now());
    for _ in 0..4 {
        press(&mut app, KeyCode::Char(' '), now());
        press(&mut app, KeyCode::Char('4'), now());
    }
    assert_eq!(current_card(&app), None);
    // Every card has been seen, so there are no more new cards to offer.
    assert_eq!(app.action_for(key(KeyCode::Char('n'))), None);
    // The done screen offers to study on: `c` crams the same decks without moving any card.
    let due_before: Vec<_> = ["a/c0", "b/c0"]
        .iter()
        .map(|c| app.study.state(c).due)
        .collect();
    press(&mut app, KeyCode::Char('c'), now());
    assert_eq!(current_card(&app).as_deref(), Some("a/c0"));
    let Screen::Review(session) = &app.screen else {
        panic!("a cram session")
    };
    let session = &session.session;
    assert_eq!(session.kind_label().as_deref(), Some("cram"));
    press(&mut app, KeyCode::Char(' '), now());
    let effects = press(&mut app, KeyCode::Char('1'), now());
    let Some(Effect::Write(event)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(
        event.to_line().contains("\"mode\":\"cram\""),
        "{}",
        event.to_line()
    );
    let due_after: Vec<_> = ["a/c0", "b/c0"]
        .iter()
        .map(|c| app.study.state(c).due)
        .collect();
    assert_eq!(due_after, due_before);
    // Back on the done screen's offer, `a` reviews ahead: the cards due within the week, early.
    press(&mut app, KeyCode::Char('q'), now());
    press(&mut app, KeyCode::Char('r'), now());
    press(&mut app, KeyCode::Char('a'), now());
    let Screen::Review(session) = &app.screen else {
        panic!("a review-ahead session")
    };
    let session = &session.session;
    assert_eq!(session.kind_label().as_deref(), Some("ahead 7d"));
    assert!(session.current.is_some());
    press(&mut app, KeyCode::Char('q'), now());
    assert_eq!(
        app.home
            .figures
            .counts
            .iter()
            .map(DueCounts::total)
            .sum::<usize>(),
        0
    );
}

#[test]
fn edit_opens_the_cards_file_at_its_line_or_explains_why_not() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, now());
    let effects = press(&mut app, KeyCode::Char('e'), now());
    // `[[cards]]` of the first card is on line 4 of the generated file.
    assert_eq!(
        effects,
        [Effect::Edit {
            path: PathBuf::from("/decks/a.toml"),
            line: 4
        }]
    );

    press(&mut app, KeyCode::Char('q'), now());
    press(&mut app, KeyCode::Down, now());
    press(&mut app, KeyCode::Enter, now());
    assert!(press(&mut app, KeyCode::Char('e'), now()).is_empty());
    let Screen::Review(session) = &app.screen else {
        panic!()
    };
    let session = &session.session;
    assert!(matches!(&session.notice, Some(Notice::Error(m)) if m.contains("built-in deck")));
}

#[test]
fn a_reload_that_removes_the_card_on_screen_moves_on() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, now());
    let mut collection = app.study.collection.clone();
    collection.decks[0].cards.remove(0);
    app.update(Action::Reloaded(collection), now());
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
}

#[test]
fn learning_cards_wake_the_loop_when_due() {
    let mut app = app();
    press(&mut app, KeyCode::Down, now());
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char(' '), now());
    press(&mut app, KeyCode::Char('1'), now());
    // The only card waits a minute; nothing else is left, so it is shown early (learn ahead).
    assert_eq!(current_card(&app).as_deref(), Some("b/c0"));
    press(&mut app, KeyCode::Char('b'), now());
    assert_eq!(current_card(&app), None);
    assert_eq!(app.wake_at(), None, "a buried card does not wake the loop");
}

/// Presses `code` and returns the events the runtime would write.
fn events(app: &mut App, code: KeyCode) -> Vec<NewEvent> {
    written(press(app, code, now()))
}

/// The events a key's effects wrote.
fn written(effects: Vec<Effect>) -> Vec<NewEvent> {
    effects
        .into_iter()
        .flat_map(|effect| match effect {
            Effect::Write(event) => vec![event],
            Effect::WriteAll(events) => events,
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn the_mode_picker_opens_a_modes_options_and_enter_starts_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('m'), now());
    assert_eq!(app.home.overlay, Some(HomeOverlay::Picker));
    press(&mut app, KeyCode::Char('l'), now());
    let Screen::Options(options) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(
        (options.mode, options.decks.as_slice()),
        (PracticeMode::Learn, &[0][..])
    );
    // Turning off multiple choice and true/false leaves written questions only.
    press(&mut app, KeyCode::Char('2'), now());
    press(&mut app, KeyCode::Char('3'), now());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Learn(learn) = &app.screen else {
        panic!()
    };
    let learn = &learn.session;
    assert!(learn.typing());
    assert!(app.typing());
    // Letters type; Enter checks; the answer is recorded as a learn event.
    for c in "A0".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    let Screen::Learn(learn) = &app.screen else {
        panic!()
    };
    let learn = &learn.session;
    let expected = learn.current.as_ref().unwrap().question.answer.clone();
    assert_eq!(learn.current.as_ref().unwrap().input, "A0");
    let written = events(&mut app, KeyCode::Enter);
    assert_eq!(written.len(), 1);
    let crate::store::EventKind::Review { rating, mode, .. } = &written[0].kind else {
        panic!()
    };
    assert_eq!(mode.as_ref(), "learn");
    assert_eq!(*rating == Rating::Good, expected == "A0");
}

#[test]
fn esc_leaves_the_field_first_then_the_mode() {
    let mut app = app();
    app.open_options(PracticeMode::Learn, vec![0], "Deck".into());
    press(&mut app, KeyCode::Char('2'), now());
    press(&mut app, KeyCode::Char('3'), now());
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char('q'), now());
    let Screen::Learn(learn) = &app.screen else {
        panic!("q typed, it did not leave")
    };
    let learn = &learn.session;
    assert_eq!(learn.current.as_ref().unwrap().input, "q");
    press(&mut app, KeyCode::Esc, now());
    let Screen::Learn(learn) = &app.screen else {
        panic!("Esc left Learn")
    };
    assert!(learn.field_left && !app.typing());
    assert!(
        matches!(app.screen, Screen::Learn(_)),
        "Esc only left the field"
    );
    press(&mut app, KeyCode::Enter, now());
    assert!(app.typing(), "Enter goes back into the field");
    press(&mut app, KeyCode::Esc, now());
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn flashcards_sorting_and_stars_write_events_that_replay() {
    let mut app = app();
    app.open_options(PracticeMode::Flashcards, vec![0], "Deck".into());
    press(&mut app, KeyCode::Char('c'), now());
    press(&mut app, KeyCode::Char('s'), now());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Flashcards(cards) = &app.screen else {
        panic!()
    };
    let cards = &cards.session;
    assert!(cards.sorting);
    let first = cards.current_card().unwrap().to_owned();
    let starred = events(&mut app, KeyCode::Char('*'));
    assert_eq!(starred[0].kind, NewKind::Star);
    assert!(app.study.practice(&first).starred);
    assert_eq!(
        events(&mut app, KeyCode::Char('*'))[0].kind,
        NewKind::Unstar
    );
    let sorted = events(&mut app, KeyCode::Char('k'));
    assert_eq!(sorted[0].card.as_deref(), Some(first.as_str()));
    assert_eq!(app.study.practice(&first).sorted_known, Some(true));
    // Starting flashcards again (sorting is remembered on) skips the card already known.
    press(&mut app, KeyCode::Char('q'), now());
    app.open_options(PracticeMode::Flashcards, vec![0], "Deck".into());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Flashcards(cards) = &app.screen else {
        panic!()
    };
    let cards = &cards.session;
    assert_eq!(cards.order.len(), 2);
}

#[test]
fn match_by_letters_records_the_time() {
    let mut app = app();
    app.open_options(PracticeMode::Match, vec![0], "Deck".into());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Match(game) = &app.screen else {
        panic!()
    };
    let game = &game.session;
    assert_eq!(game.tiles.len(), 6, "three cards, three pairs");
    let tiles = game.tiles.clone();
    let mut written = Vec::new();
    for (i, tile) in tiles.iter().enumerate().filter(|(_, t)| t.is_front) {
        let partner = tiles
            .iter()
            .position(|t| t.term == tile.term && !t.is_front)
            .unwrap();
        let letter = |n: usize| KeyCode::Char(char::from(b'a' + u8::try_from(n).unwrap()));
        press(&mut app, letter(i), now());
        written.extend(events(&mut app, letter(partner)));
    }
    let Screen::Match(game) = &app.screen else {
        panic!()
    };
    let game = &game.session;
    assert!(game.finished.is_some());
    let [result] = written.as_slice() else {
        panic!("{written:?}")
    };
    assert_eq!(result.deck.as_deref(), Some("a"));
    assert_eq!(app.study.wait_for_history().results("a").len(), 1);
}

#[test]
fn a_test_is_answered_moved_through_and_submitted() {
    let mut app = app();
    app.open_options(PracticeMode::Test, vec![0], "Deck".into());
    // Multiple choice only, so every question is answered with a number.
    press(&mut app, KeyCode::Char('1'), now());
    press(&mut app, KeyCode::Char('3'), now());
    press(&mut app, KeyCode::Char('4'), now());
    press(&mut app, KeyCode::Enter, now());
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    let test = &test.session;
    assert_eq!(test.question_count(), 3);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('1'), now());
        press(&mut app, KeyCode::Tab, now());
    }
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    let test = &test.session;
    assert!(test.on_submit_page());
    let written = events(&mut app, KeyCode::Enter);
    assert_eq!(written.len(), 4, "three answers and the result");
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    let test = &test.session;
    assert!(test.report.is_some());
}

#[test]
fn the_done_screen_offers_the_practice_modes() {
    let mut app = app();
    press(&mut app, KeyCode::Down, now());
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char('b'), now());
    assert_eq!(current_card(&app), None);
    press(&mut app, KeyCode::Char('t'), now());
    let Screen::Options(options) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(
        (options.mode, options.decks.as_slice()),
        (PracticeMode::Test, &[1][..])
    );
}

#[test]
fn star_works_while_reviewing_too() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, now());
    let written = events(&mut app, KeyCode::Char('*'));
    assert_eq!(
        (written[0].card.as_deref(), &written[0].kind),
        (Some("a/c0"), &NewKind::Star)
    );
    assert!(app.study.practice("a/c0").starred);
    assert_eq!(
        current_card(&app).as_deref(),
        Some("a/c0"),
        "starring does not move on"
    );
}

/// Decks `lang/es`, `lang/fr` and `math`, with 2, 1 and 1 new cards.
fn grouped_app() -> App {
    let deck = |id: &str, name: &str, n: usize| {
        parse_deck(DeckId::new(id), Source::Bundled, &deck_text(name, n)).unwrap()
    };
    app_on(vec![
        deck("lang/es", "Spanish", 2),
        deck("lang/fr", "French", 1),
        deck("math", "Algebra", 1),
    ])
}

fn row_names(app: &App) -> Vec<String> {
    app.rows()
        .iter()
        .map(|row| match row {
            Row::Group(folder) => format!("{folder}/"),
            Row::Deck(_, deck) => deck.name.clone(),
            Row::Broken(broken) => broken.id.to_string(),
        })
        .collect()
}

#[test]
fn folders_group_their_decks_and_a_group_studies_all_of_them() {
    let mut app = grouped_app();
    assert_eq!(row_names(&app), ["lang/", "Spanish", "French", "Algebra"]);
    let counts = app.folder_counts("lang");
    assert_eq!((counts.new, counts.learning, counts.review), (3, 0, 0));
    assert_eq!(app.selected_decks(), Some((vec![0, 1], "lang".to_owned())));
    // Enter on the group reviews both decks: three new cards in one session.
    press(&mut app, KeyCode::Enter, now());
    let mut fronts = Vec::new();
    while let Some(card) = current_card(&app) {
        fronts.push(card);
        press(&mut app, KeyCode::Char(' '), now());
        press(&mut app, KeyCode::Char('4'), now());
    }
    fronts.sort();
    assert_eq!(fronts, ["lang/es/c0", "lang/es/c1", "lang/fr/c0"]);
}

#[test]
fn the_filter_narrows_the_list_and_esc_clears_it() {
    let mut app = grouped_app();
    press(&mut app, KeyCode::Char('/'), now());
    for c in "FREN".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    assert_eq!(row_names(&app), ["lang/", "French"]);
    press(&mut app, KeyCode::Backspace, now());
    press(&mut app, KeyCode::Backspace, now());
    press(&mut app, KeyCode::Backspace, now());
    press(&mut app, KeyCode::Char('a'), now());
    // "fa" is in no name and no id.
    assert_eq!(row_names(&app), Vec::<String>::new());
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(row_names(&app).len(), 4);
    assert!(!app.home.filtering());
}

/// A deck of 85 cards, 80 of them reviews long overdue: a backlog far above a normal day.
fn backlog_app() -> App {
    use crate::study::tests::{review, study_with};
    let events: Vec<_> = (0..80)
        .map(|i| {
            let days = 20 + i64::from(i);
            let card = format!("d/c{i}");
            review(
                &format!("e{i}"),
                &card,
                Rating::Easy,
                now() - chrono::Duration::days(days),
            )
        })
        .collect();
    let study = study_with(85, Settings::default(), &events, now());
    App::new(study, PathBuf::from("/decks"), now())
}

#[test]
fn a_large_backlog_is_offered_spread_applied_and_undone_from_home() {
    let mut app = backlog_app();
    assert_eq!(app.home.figures.backlog.map(|b| b.due), Some(80));
    assert_eq!(
        app.bindings().iter().next().unwrap().hint,
        "spread the backlog"
    );
    press(&mut app, KeyCode::Char('b'), now());
    let preview = match app.home.overlay.clone() {
        Some(HomeOverlay::Plan(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(preview.days, 7);
    press(&mut app, KeyCode::Right, now());
    press(&mut app, KeyCode::Right, now());
    press(&mut app, KeyCode::Left, now());
    let preview = match app.home.overlay.clone() {
        Some(HomeOverlay::Plan(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(preview.days, 8);
    // 80 over 8 days: 10 today, 70 moved, written in one go.
    let effects = press(&mut app, KeyCode::Enter, now());
    let [Effect::WriteAll(written)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(written.len(), 70);
    assert!(!matches!(app.home.overlay, Some(HomeOverlay::Plan(_))));
    assert_eq!(app.home.figures.catching_up, 70);
    assert_eq!(app.home.figures.counts[0].review, 10);
    assert_eq!(app.home.figures.counts[0].new, 0, "new cards wait");
    assert!(app.home.figures.backlog.is_none(), "10 due is a normal day");
    // Which deck's new cards wait: the one with moved reviews.
    assert_eq!(
        app.notice.as_deref(),
        Some(
            "Moved 70 reviews to later days; new cards of D wait until they are done. B undoes it."
        )
    );
    // `b` again says a plan is in effect instead of nothing.
    press(&mut app, KeyCode::Char('b'), now());
    assert_eq!(app.home.overlay, None);
    assert_eq!(
        app.notice.as_deref(),
        Some(
            "A backlog plan is already in effect (70 moved reviews still to come): B undoes it, then plan again."
        )
    );
    press(&mut app, KeyCode::Char('B'), now());
    assert_eq!(app.home.figures.catching_up, 0);
    assert_eq!(app.home.figures.counts[0].review, 80);
    assert_eq!(app.home.figures.counts[0].new, 5);
    assert_eq!(
        app.notice.as_deref(),
        Some("Undid the backlog plan: its reviews are due again.")
    );
}

#[test]
fn x_sets_a_decks_exam_from_home_and_the_row_shows_its_outlook() {
    let mut app = app();
    assert!(matches!(app.rows()[app.home.selected], Row::Deck(0, _)));
    assert!(app.home.figures.exams.iter().all(Option::is_none));
    press(&mut app, KeyCode::Char('x'), now());
    assert_eq!(
        match &app.home.overlay {
            Some(HomeOverlay::Exam(i)) => Some(i.text.as_str()),
            _ => None,
        },
        Some("")
    );
    for c in "2026-12-1".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    // Letters are not part of a date; Backspace and a digit fix the day.
    press(&mut app, KeyCode::Char('z'), now());
    press(&mut app, KeyCode::Backspace, now());
    press(&mut app, KeyCode::Char('1'), now());
    press(&mut app, KeyCode::Char('7'), now());
    let effects = press(&mut app, KeyCode::Enter, now());
    let [Effect::Write(event)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        event.kind,
        NewKind::Exam {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 17)
        }
    );
    assert_eq!(event.deck.as_deref(), Some("a"));
    assert!(!matches!(app.home.overlay, Some(HomeOverlay::Exam(_))));
    let outlook = app.home.figures.exams[0].expect("deck a has an exam now");
    assert_eq!(outlook.days_left, 20);
    assert!(outlook.predicted > 0.9, "{outlook:?}");
    // An empty date clears it; a past one is refused.
    press(&mut app, KeyCode::Char('x'), now());
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace, now());
    }
    press(&mut app, KeyCode::Enter, now());
    assert!(app.home.figures.exams[0].is_none());
    press(&mut app, KeyCode::Char('x'), now());
    for c in "2026-11-01".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    assert!(press(&mut app, KeyCode::Enter, now()).is_empty());
    assert_eq!(
        app.notice.as_deref(),
        Some("The exam date must be after today.")
    );
    press(&mut app, KeyCode::Esc, now());
    assert!(!matches!(app.home.overlay, Some(HomeOverlay::Exam(_))));
}

#[test]
fn hash_on_the_done_screen_crams_one_tag_of_cards_or_their_deck() {
    let text = "[deck]\nname = \"Tags\"\ntags = [\"whole\"]\n\
        [[cards]]\nid = \"c0\"\nfront = \"Q0\"\nback = \"A0\"\ntags = [\"verbs\"]\n\
        [[cards]]\nid = \"c1\"\nfront = \"Q1\"\nback = \"A1\"\n\
        [[cards]]\nid = \"c2\"\nfront = \"Q2\"\nback = \"A2\"\ntags = [\"verbs\"]\n";
    let deck = parse_deck(DeckId::new("t"), Source::Bundled, text).unwrap();
    let mut app = app_on(vec![deck]);
    assert_eq!(app.tags_in(&[0]), ["verbs", "whole"]);
    press(&mut app, KeyCode::Char('r'), now());
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '), now());
        press(&mut app, KeyCode::Char('4'), now());
    }
    assert_eq!(current_card(&app), None);
    press(&mut app, KeyCode::Char('#'), now());
    for c in "verbs".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    press(&mut app, KeyCode::Enter, now());
    let mut crammed = Vec::new();
    while let Some(card) = current_card(&app) {
        crammed.push(card);
        press(&mut app, KeyCode::Char(' '), now());
        press(&mut app, KeyCode::Char('3'), now());
    }
    assert_eq!(crammed, ["t/c0", "t/c2"]);
    // The deck's own tag takes all of them.
    press(&mut app, KeyCode::Char('#'), now());
    for c in "whole".chars() {
        press(&mut app, KeyCode::Char(c), now());
    }
    press(&mut app, KeyCode::Enter, now());
    let Screen::Review(session) = &app.screen else {
        panic!("a cram session")
    };
    let session = &session.session;
    assert_eq!(session.kind_label().as_deref(), Some("cram #whole"));
    assert_eq!(session.queue.reviews.len() + 1, 3);
}

mod browser;
mod home_items;
mod media;
mod more_new;
mod practice_modes;
mod reachable;
mod too_small;
mod typed_review;

#[test]
fn a_plan_spreads_over_two_days_at_least() {
    let mut app = backlog_app();
    press(&mut app, KeyCode::Char('b'), now());
    // From 7 days, ← ten times: 6, 5, 4, 3, 2, then 2 stays (one day would move nothing).
    for _ in 0..10 {
        press(&mut app, KeyCode::Left, now());
    }
    let Some(HomeOverlay::Plan(preview)) = app.home.overlay.clone() else {
        panic!()
    };
    assert_eq!(preview.days, 2);
}

#[test]
fn the_decks_whose_new_cards_wait_are_named() {
    let decks: Vec<_> = ["Sales", "Spanish", "Go", "Rust"]
        .iter()
        .map(|name| parse_deck(DeckId::new(*name), Source::Bundled, &deck_text(name, 1)).unwrap())
        .collect();
    let app = app_on(decks);
    let wait = |decks: &[usize]| crate::app::backlog::new_cards_wait(&app.study, decks);
    assert_eq!(wait(&[1]), "new cards of Spanish wait");
    assert_eq!(wait(&[0, 2]), "new cards of Sales and Go wait");
    assert_eq!(
        wait(&[0, 1, 2, 3]),
        "new cards of Sales, Spanish and 2 more decks wait"
    );
}

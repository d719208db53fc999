//! Issue 16 §12–19 on the app's state: keys in, state and effects out.

use super::*;
use crate::deck::{BrokenDeck, Problem};

#[test]
fn esc_on_home_closes_what_is_open_and_never_quits() {
    let mut app = app();
    assert!(press(&mut app, KeyCode::Esc, now()).is_empty());
    assert!(matches!(app.screen, Screen::Home));
    // The picker and help close on Esc; one Esc too many stays home.
    press(&mut app, KeyCode::Char('m'), now());
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(app.home.overlay, None);
    assert!(press(&mut app, KeyCode::Esc, now()).is_empty());
    press(&mut app, KeyCode::Char('?'), now());
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(app.home.overlay, None);
    // A filter typed and kept with Enter: Esc clears it, and the next Esc does nothing.
    for key in [KeyCode::Char('/'), KeyCode::Char('z'), KeyCode::Enter] {
        press(&mut app, key, now());
    }
    assert_eq!(app.home.filter, "z");
    assert!(press(&mut app, KeyCode::Esc, now()).is_empty());
    assert_eq!(app.home.filter, "");
    assert!(press(&mut app, KeyCode::Esc, now()).is_empty());
    // `q` is the way out.
    assert_eq!(
        press(&mut app, KeyCode::Char('q'), now()),
        vec![Effect::Quit]
    );
}

#[test]
fn no_table_lets_esc_leave_the_app() {
    let esc = key(KeyCode::Esc);
    for (name, table) in keys::ALL {
        assert_ne!(table.action_for(esc), Some(Action::Quit), "{name}");
    }
    for home in [keys::HOME, keys::HOME_BACKLOG, keys::HOME_CATCHING_UP] {
        assert_ne!(home.action_for(esc), Some(Action::Back));
    }
}

#[test]
fn star_in_review_shows_at_once_and_says_so() {
    let mut app = app();
    press(&mut app, KeyCode::Enter, now());
    let card = current_card(&app).unwrap();
    let effects = press(&mut app, KeyCode::Char('*'), now());
    assert!(
        matches!(effects.as_slice(), [Effect::Write(e)] if e.kind == crate::store::NewKind::Star)
    );
    assert!(app.study.practice(&card).starred);
    let Screen::Review(review) = &app.screen else {
        panic!()
    };
    assert_eq!(review.session.notice, Some(Notice::Starred(true)));
    press(&mut app, KeyCode::Char('*'), now() + Duration::seconds(1));
    assert!(!app.study.practice(&card).starred);
    assert!(
        keys::QUESTION
            .iter()
            .any(|b| b.action == Action::Star && b.in_footer)
    );
    assert!(
        keys::ANSWER
            .iter()
            .any(|b| b.action == Action::Star && b.in_footer)
    );
}

#[test]
fn m_is_the_mode_picker_on_the_done_screen_too_and_cram_is_in_it() {
    let mut app = app();
    // Deck b's one card, answered Easy: the done screen.
    press(&mut app, KeyCode::Char('j'), now());
    for code in [KeyCode::Enter, KeyCode::Char(' '), KeyCode::Char('4')] {
        press(&mut app, code, now());
    }
    assert!(current_card(&app).is_none());
    press(&mut app, KeyCode::Char('m'), now());
    let Screen::Review(review) = &app.screen else {
        panic!()
    };
    assert_eq!(review.overlay, Some(ReviewOverlay::Picker));
    assert_eq!(app.bindings().label_for(&Action::Cram), Some("c"));
    press(&mut app, KeyCode::Char('c'), now());
    let Screen::Review(review) = &app.screen else {
        panic!()
    };
    assert!(review.session.is_cram());
    assert_eq!(review.session.title, "Deck");
    assert_eq!(current_card(&app).as_deref(), Some("b/c0"));
    // From home, the picker crams too.
    press(&mut app, KeyCode::Char('q'), now());
    press(&mut app, KeyCode::Char('m'), now());
    press(&mut app, KeyCode::Char('c'), now());
    assert!(matches!(&app.screen, Screen::Review(r) if r.session.is_cram()));
}

#[test]
fn m_without_decks_says_why_instead_of_an_empty_picker() {
    let mut app = app_on(Vec::new());
    press(&mut app, KeyCode::Char('m'), now());
    assert_eq!(app.home.overlay, None);
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.starts_with("No decks yet, so nothing to study: put deck files (*.toml) in /decks"),
        "{notice}"
    );
}

#[test]
fn applying_a_plan_over_one_in_effect_is_refused() {
    let mut app = backlog_app();
    press(&mut app, KeyCode::Char('b'), now());
    let Some(HomeOverlay::Plan(preview)) = app.home.overlay.clone() else {
        panic!()
    };
    // Another window applies the same plan meanwhile: 80 over 7 days is 12 a day, so 68 move.
    for event in preview.plan.events(&app.study, now()) {
        app.study.record(event.to_event(), event.card.as_deref());
    }
    assert!(press(&mut app, KeyCode::Enter, now()).is_empty());
    assert_eq!(
        app.notice.as_deref(),
        Some(
            "A backlog plan is already in effect (68 moved reviews still to come): B undoes it, then plan again."
        )
    );
}

#[test]
fn enter_on_a_file_with_problems_lists_them_and_e_opens_the_first() {
    let mut app = app();
    let path = PathBuf::from("/decks/bad.toml");
    let problem = |line| Problem {
        path: path.clone(),
        line,
        column: 1,
        message: "card is missing `back`".into(),
    };
    let mut collection = app.study.collection.clone();
    collection.broken.push(BrokenDeck {
        id: DeckId::new("bad"),
        path: path.clone(),
        problems: vec![problem(7), problem(12)],
        valid_cards: 4,
    });
    app.update(Action::Reloaded(collection), now());
    press(&mut app, KeyCode::Char('G'), now());
    assert!(matches!(app.rows()[app.home.selected], Row::Broken(_)));
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(
        app.home.overlay,
        Some(HomeOverlay::Problems(DeckId::new("bad")))
    );
    assert_eq!(
        press(&mut app, KeyCode::Char('e'), now()),
        vec![Effect::Edit {
            path: path.clone(),
            line: 7
        }]
    );
    assert_eq!(app.home.overlay, None);
    // From the list itself `e` does the same, and Esc closes the problems.
    assert_eq!(
        press(&mut app, KeyCode::Char('e'), now()),
        vec![Effect::Edit { path, line: 7 }]
    );
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Esc, now());
    assert_eq!(app.home.overlay, None);
    // A broken row has no modes to pick: `m` says why.
    press(&mut app, KeyCode::Char('m'), now());
    assert_eq!(app.home.overlay, None);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("Fix it first: Enter lists its problems.")
    );
}

#[test]
fn folders_fold_and_unfold_like_anki_s_deck_list() {
    let mut app = grouped_app();
    let all = ["lang/", "Spanish", "French", "Algebra"];
    assert_eq!(row_names(&app), all);
    // Space on the folder folds it; its row stays selected.
    press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(row_names(&app), ["lang/", "Algebra"]);
    assert_eq!(app.home.selected, 0);
    // Its decks still count: 2 + 1 cards.
    assert_eq!(app.folder_cards("lang").0, 3);
    press(&mut app, KeyCode::Right, now());
    assert_eq!(row_names(&app), all);
    // ← on a deck inside folds its folder and selects the folder's row.
    press(&mut app, KeyCode::Down, now());
    press(&mut app, KeyCode::Down, now());
    press(&mut app, KeyCode::Left, now());
    assert_eq!(row_names(&app), ["lang/", "Algebra"]);
    assert_eq!(app.home.selected, 0);
    // A filter shows what matches, folded or not.
    app.home.filter = "span".into();
    assert_eq!(row_names(&app), ["lang/", "Spanish"]);
    app.home.filter.clear();
    // Enter on the folded folder reviews its decks.
    press(&mut app, KeyCode::Enter, now());
    let Screen::Review(review) = &app.screen else {
        panic!()
    };
    assert_eq!(review.session.decks, [0, 1]);
}

/// `spanish/colors`, `spanish/verbs/ar` and a file with problems `spanish/nouns` (3 valid
/// cards): the deck list is a tree, the broken file inside its folder and in its sum.
#[test]
fn nested_folders_nest_and_a_file_with_problems_stays_in_its_folder() {
    let deck = |id: &str, name: &str, n: usize| {
        parse_deck(DeckId::new(id), Source::Bundled, &deck_text(name, n)).unwrap()
    };
    let mut app = app_on(vec![
        deck("spanish/colors", "Colors", 2),
        deck("spanish/verbs/ar", "AR verbs", 1),
    ]);
    let mut collection = app.study.collection.clone();
    collection.broken.push(BrokenDeck {
        id: DeckId::new("spanish/nouns"),
        path: PathBuf::from("/decks/spanish/nouns.toml"),
        problems: Vec::new(),
        valid_cards: 3,
    });
    app.update(Action::Reloaded(collection), now());
    assert_eq!(
        row_names(&app),
        [
            "spanish/",
            "Colors",
            "spanish/nouns",
            "spanish/verbs/",
            "AR verbs"
        ]
    );
    // 2 + 1 valid cards, and the broken file's 3 waiting.
    assert_eq!(app.folder_cards("spanish").0, 6);
    assert_eq!(app.folder_cards("spanish/verbs").0, 1);
    // Folding the outer folder hides everything inside, the inner folder's row too.
    press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(row_names(&app), ["spanish/"]);
    // Drawn as a tree: each level two columns in, a folder by its own name.
    press(&mut app, KeyCode::Char(' '), now());
    let buf = crate::ui::tests::draw(&app, 80, 24);
    let rows: Vec<String> = (3..8).map(|y| crate::ui::tests::line(&buf, y)).collect();
    assert!(rows[0].starts_with("▾ spanish/ "), "{rows:?}");
    assert!(rows[1].starts_with("  Colors "), "{rows:?}");
    assert!(
        rows[2].starts_with("  ⚠ 0 problems · spanish/nouns"),
        "{rows:?}"
    );
    assert!(rows[3].starts_with("  ▾ verbs/ "), "{rows:?}");
    assert!(rows[4].starts_with("    AR verbs "), "{rows:?}");
}

//! The card browser: opening, searching as typed, sorting, marking, the actions and undo.

use super::*;

/// Presses a key a second after the last one, so that events keep the order they were
/// written in; [`press`] hands every write back as written, as the runtime does.
fn press_all(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let at = app.now + Duration::seconds(1);
    press(app, code, at)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press_all(app, KeyCode::Char(c));
    }
}

fn browser(app: &App) -> &BrowserScreen {
    match &app.screen {
        Screen::Browser(browser) => browser,
        other => panic!("not the browser: {other:?}"),
    }
}

fn found(app: &App) -> Vec<String> {
    browser(app).rows().map(|f| f.card.clone()).collect()
}

fn written(effects: &[Effect]) -> Vec<NewEvent> {
    effects
        .iter()
        .flat_map(|effect| match effect {
            Effect::WriteAll(events) => events.clone(),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn v_opens_the_selected_decks_cards_and_q_goes_back_home() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    assert_eq!(browser(&app).search, "deck:a");
    assert_eq!(found(&app), ["a/c0", "a/c1", "a/c2"]);
    press_all(&mut app, KeyCode::Char('q'));
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn the_table_follows_the_search_as_it_is_typed_and_a_bad_query_says_why() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('/'));
    assert!(browser(&app).typing);
    type_text(&mut app, " Q1");
    assert_eq!(found(&app), ["a/c1"]);
    // A text that is no query: an error, and no card for an action to fall on.
    press_all(&mut app, KeyCode::Char(' '));
    assert_eq!(browser(&app).marked.len(), 0, "Space is typed, not a mark");
    type_text(&mut app, ")");
    let error = browser(&app).error.clone().expect("an error");
    assert!(error.contains("character 11"), "{error}");
    assert!(found(&app).is_empty());
    press_all(&mut app, KeyCode::Enter);
    assert!(press_all(&mut app, KeyCode::Char('s')).is_empty());
    press_all(&mut app, KeyCode::Char('/'));
    press_all(&mut app, KeyCode::Backspace);
    press_all(&mut app, KeyCode::Backspace);
    assert_eq!(found(&app), ["a/c1"]);
    // Marks belong to a search: changing it drops them.
    press_all(&mut app, KeyCode::Enter);
    press_all(&mut app, KeyCode::Char(' '));
    assert_eq!(browser(&app).marked.len(), 1);
    press_all(&mut app, KeyCode::Char('/'));
    // Esc clears the search: every card of both decks.
    press_all(&mut app, KeyCode::Esc);
    assert!(browser(&app).marked.is_empty());
    assert!(!browser(&app).typing);
    assert_eq!(browser(&app).error, None);
    assert_eq!(found(&app), ["a/c0", "a/c1", "a/c2", "b/c0"]);
}

#[test]
fn s_suspends_then_unsuspends_and_u_undoes_the_last_action() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    let suspend = written(&press_all(&mut app, KeyCode::Char('s')));
    assert_eq!(suspend.len(), 1);
    assert_eq!(suspend[0].card.as_deref(), Some("a/c0"));
    assert_eq!(suspend[0].kind, NewKind::Suspend);
    assert!(app.study.state("a/c0").suspended);
    assert!(browser(&app).selected_card().unwrap().suspended);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("Suspended 1 card.")
    );

    let unsuspend = written(&press_all(&mut app, KeyCode::Char('s')));
    assert_eq!(unsuspend[0].kind, NewKind::Unsuspend);
    assert!(!app.study.state("a/c0").suspended);

    // u takes back the unsuspend, then the suspend: the card ends where it began.
    let undo = written(&press_all(&mut app, KeyCode::Char('u')));
    assert_eq!(
        undo[0].kind,
        NewKind::Undo {
            target: unsuspend[0].id.clone().into()
        }
    );
    assert!(app.study.state("a/c0").suspended);
    press_all(&mut app, KeyCode::Char('u'));
    assert!(!app.study.state("a/c0").suspended);
    let nothing = press_all(&mut app, KeyCode::Char('u'));
    assert!(nothing.is_empty());
    assert_eq!(
        app.notice.as_deref(),
        Some("Nothing to undo in the browser.")
    );
}

#[test]
fn marked_cards_are_acted_on_together_in_one_write() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    // Space marks and moves down: c0 and c1 marked, c2 selected.
    press_all(&mut app, KeyCode::Char(' '));
    press_all(&mut app, KeyCode::Char(' '));
    assert_eq!(browser(&app).marked.len(), 2);
    assert_eq!(browser(&app).selected_card().unwrap().card, "a/c2");
    let effects = press_all(&mut app, KeyCode::Char('*'));
    assert_eq!(effects.len(), 1, "one write");
    let stars = written(&effects);
    let cards: Vec<_> = stars.iter().map(|e| e.card.clone().unwrap()).collect();
    assert_eq!(cards, ["a/c0", "a/c1"]);
    assert!(stars.iter().all(|e| e.kind == NewKind::Star));
    assert!(app.study.practice("a/c1").starred && !app.study.practice("a/c2").starred);
    assert!(browser(&app).marked.is_empty(), "marks are spent");

    // M marks every card found; again, none.
    press_all(&mut app, KeyCode::Char('M'));
    assert_eq!(browser(&app).marked.len(), 3);
    press_all(&mut app, KeyCode::Char('M'));
    assert!(browser(&app).marked.is_empty());
}

#[test]
fn o_cycles_the_sort_column_and_capital_o_reverses_it() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('o'));
    assert_eq!(browser(&app).sort, Some(crate::search::SortColumn::Front));
    assert_eq!(found(&app), ["a/c0", "a/c1", "a/c2"]);
    press_all(&mut app, KeyCode::Char('O'));
    assert_eq!(found(&app), ["a/c2", "a/c1", "a/c0"]);
    // The selection stays on its card (c0, now last).
    assert_eq!(browser(&app).selected_card().unwrap().card, "a/c0");
}

#[test]
fn from_review_the_browser_shows_the_card_on_screen_and_q_returns_to_it() {
    let mut app = app();
    press_all(&mut app, KeyCode::Enter);
    let card = current_card(&app).expect("a card to review");
    press_all(&mut app, KeyCode::Char('v'));
    assert_eq!(browser(&app).selected_card().unwrap().card, card);
    press_all(&mut app, KeyCode::Char('q'));
    assert_eq!(current_card(&app), Some(card));
}

#[test]
fn e_edits_the_selected_cards_file_at_its_line() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('j'));
    let effects = press_all(&mut app, KeyCode::Char('e'));
    // deck_text: the deck table takes lines 1-2, then each card five lines from line 4.
    assert_eq!(
        effects,
        [Effect::Edit {
            path: PathBuf::from("/decks/a.toml"),
            line: 9
        }]
    );
}

#[test]
fn d_sets_the_due_date_in_ankis_syntax_and_a_bad_one_keeps_the_field_open() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "9-3");
    assert!(press_all(&mut app, KeyCode::Enter).is_empty());
    assert!(matches!(
        browser(&app).overlay,
        Some(BrowserOverlay::SetDue(_))
    ));
    assert!(app.notice.as_deref().unwrap().starts_with("Not a due date"));
    for _ in 0..3 {
        press_all(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "3!");
    let set = written(&press_all(&mut app, KeyCode::Enter));
    let due = app.now.date_naive() + chrono::Days::new(3);
    assert_eq!(
        set[0].kind,
        NewKind::SetDue {
            due,
            interval: Some(3)
        }
    );
    // A new card set due becomes a review card due in three days, interval 3.
    let facts = browser(&app).selected_card().unwrap().clone();
    assert_eq!(
        (facts.phase, facts.due, facts.interval),
        (Phase::Review, Some(3), Some(3))
    );
    assert_eq!(browser(&app).overlay, None);
}

#[test]
fn b_buries_then_unburies_and_f_forgets_what_was_studied() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    let bury = written(&press_all(&mut app, KeyCode::Char('b')));
    assert_eq!(bury[0].kind, NewKind::Bury);
    assert!(browser(&app).selected_card().unwrap().buried);
    let unbury = written(&press_all(&mut app, KeyCode::Char('b')));
    assert_eq!(unbury[0].kind, NewKind::Unbury);
    assert!(!browser(&app).selected_card().unwrap().buried);
    // A new card has nothing to forget.
    assert!(press_all(&mut app, KeyCode::Char('f')).is_empty());
    assert_eq!(
        app.notice.as_deref(),
        Some("Nothing to change: 1 card already new.")
    );
}

/// Deck `a` whose card `kam-essence` was once `kam-essense`, answered under the old id.
fn renamed_app() -> App {
    let text = "[deck]\nname = \"A\"\n\n[[cards]]\nid = \"kam-essence\"\nfront = \"KAM\"\nback = \"key accounts\"\n\n[[cards]]\nid = \"pricing\"\nfront = \"P\"\nback = \"price\"\n";
    let deck = parse_deck(
        DeckId::new("a"),
        Source::File(PathBuf::from("/decks/a.toml")),
        text,
    )
    .unwrap();
    let old = NewEvent::for_card(
        "a/kam-essense",
        now() - Duration::days(2),
        NewKind::answer(
            Rating::Good,
            Some(3000),
            crate::practice::Mode::Review,
            None,
        ),
    );
    let study = Study::new(
        Collection {
            decks: vec![deck],
            broken: Vec::new(),
        },
        History::from_events(vec![old.to_event()]),
        Scheduler::new(Settings::default()).unwrap(),
        now(),
    );
    App::new(study, PathBuf::from("/decks"), now())
}

#[test]
fn r_relinks_an_orphaned_history_to_its_likely_card_and_u_takes_it_back() {
    let mut app = renamed_app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('/'));
    for _ in 0.."deck:a".len() {
        press_all(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "is:orphan");
    press_all(&mut app, KeyCode::Enter);
    assert_eq!(browser(&app).search, "is:orphan");
    assert_eq!(found(&app), ["a/kam-essense"]);
    let likely = browser(&app).successor.clone().expect("a likely card");
    assert_eq!(likely.card, "a/kam-essence");
    let relink = written(&press_all(&mut app, KeyCode::Char('r')));
    assert_eq!(relink[0].card.as_deref(), Some("a/kam-essence"));
    assert_eq!(
        relink[0].kind,
        NewKind::Relink {
            from: "a/kam-essense".into()
        }
    );
    assert!(found(&app).is_empty(), "no orphan left");
    assert_eq!(app.study.state("a/kam-essence").reps, 1);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("Relinked 1 event of a/kam-essense to a/kam-essence.")
    );
    press_all(&mut app, KeyCode::Char('u'));
    assert_eq!(found(&app), ["a/kam-essense"]);
    assert_eq!(app.study.state("a/kam-essence").reps, 0);
}

#[test]
fn a_card_suspended_in_the_browser_leaves_the_review_it_was_opened_from() {
    let mut app = app();
    press_all(&mut app, KeyCode::Enter);
    let card = current_card(&app).expect("a card to review");
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('s'));
    press_all(&mut app, KeyCode::Char('q'));
    let now_showing = current_card(&app).expect("the next card");
    assert_ne!(now_showing, card);
    // Unsuspended again, it is back in today's queue.
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('/'));
    for _ in 0.."deck:a".len() {
        press_all(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "is:suspended");
    press_all(&mut app, KeyCode::Enter);
    press_all(&mut app, KeyCode::Char('s'));
    press_all(&mut app, KeyCode::Char('q'));
    assert_eq!(current_card(&app), Some(card));
}

#[test]
fn forgetting_several_cards_is_asked_first() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    // Studied first, so that there is something to forget.
    press_all(&mut app, KeyCode::Char('M'));
    press_all(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "3");
    press_all(&mut app, KeyCode::Enter);
    press_all(&mut app, KeyCode::Char('M'));
    assert!(press_all(&mut app, KeyCode::Char('f')).is_empty());
    assert_eq!(
        browser(&app).overlay,
        Some(BrowserOverlay::ConfirmForget(3))
    );
    // Esc keeps them.
    press_all(&mut app, KeyCode::Esc);
    assert_eq!(browser(&app).overlay, None);
    assert_eq!(app.study.state("a/c0").phase, Phase::Review);
    press_all(&mut app, KeyCode::Char('f'));
    let forgot = written(&press_all(&mut app, KeyCode::Char('f')));
    assert_eq!(forgot.len(), 3);
    assert!(forgot.iter().all(|e| e.kind == NewKind::Forget));
    assert_eq!(app.study.state("a/c0").phase, Phase::New);
}

mod adding;
mod sibling_bury;

#[test]
fn a_reload_that_moves_the_decks_keeps_the_review_on_its_own_deck() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('j'));
    press_all(&mut app, KeyCode::Enter);
    assert_eq!(current_card(&app).as_deref(), Some("b/c0"));
    press_all(&mut app, KeyCode::Char('v'));
    // Two deck files appear before both, and deck `a` goes: `b` moves from place 1 to 2.
    let deck =
        |id: &str, source| parse_deck(DeckId::new(id), source, &deck_text("Deck", 2)).unwrap();
    let first = deck("0", Source::File(PathBuf::from("/decks/0.toml")));
    let second = deck("1", Source::File(PathBuf::from("/decks/1.toml")));
    let b = deck("b", Source::Bundled);
    app.update(
        Action::Reloaded(Collection {
            decks: vec![first, second, b],
            broken: Vec::new(),
        }),
        now(),
    );
    press_all(&mut app, KeyCode::Char('q'));
    let Screen::Review(review) = &app.screen else {
        panic!("back in the review")
    };
    assert_eq!(review.session.decks, [2]);
    assert!(current_card(&app).unwrap().starts_with("b/"));
    // Its deck gone too, the session ends without a panic.
    app.update(
        Action::Reloaded(Collection {
            decks: vec![deck("0", Source::File(PathBuf::from("/decks/0.toml")))],
            broken: Vec::new(),
        }),
        now(),
    );
    let Screen::Review(review) = &app.screen else {
        panic!("still the review screen")
    };
    assert!(review.session.decks.is_empty());
}

#[test]
fn u_still_undoes_the_last_action_after_the_browser_was_closed_and_opened_again() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('s'));
    assert!(app.study.state("a/c0").suspended);
    press_all(&mut app, KeyCode::Char('q'));
    press_all(&mut app, KeyCode::Char('v'));
    let undo = written(&press_all(&mut app, KeyCode::Char('u')));
    assert_eq!(undo.len(), 1);
    assert!(!app.study.state("a/c0").suspended);
}

#[test]
fn reversed_by_due_the_cards_without_a_due_day_stay_last() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('j'));
    press_all(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "3");
    press_all(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press_all(&mut app, KeyCode::Char('o'));
    }
    assert_eq!(browser(&app).sort, Some(crate::search::SortColumn::Due));
    assert_eq!(found(&app), ["a/c1", "a/c0", "a/c2"]);
    press_all(&mut app, KeyCode::Char('O'));
    assert_eq!(found(&app), ["a/c1", "a/c2", "a/c0"]);
}

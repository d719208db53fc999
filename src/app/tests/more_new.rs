//! `n` on the done screen: 10 more new cards, which stay for the rest of the day after the
//! review is left and the deck opened again, and are gone the next day.

use super::*;
use crate::store::NewKind;

/// Deck `a` with 15 new cards, 1 new card a day (its own setting).
fn app_with_one_new_a_day() -> App {
    app_with_history(&[], now())
}

#[test]
fn more_new_cards_outlive_leaving_the_deck_until_the_day_ends() {
    let mut app = app_with_one_new_a_day();
    assert_eq!(app.home.figures.counts[0].new, 1);
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char(' '), now());
    let mut log = written(press(&mut app, KeyCode::Char('4'), now()));
    assert_eq!(current_card(&app), None, "the day's one new card is done");

    let effects = press(&mut app, KeyCode::Char('n'), now());
    let [Effect::WriteAll(events)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let [event] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(event.deck.as_deref(), Some("a"));
    assert_eq!(
        event.kind,
        NewKind::ExtendLimits {
            new: 10,
            reviews: 0
        }
    );
    log.extend(written(effects));
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
    // Left: the home screen counts them, and opening the deck again shows them.
    press(&mut app, KeyCode::Char('q'), now());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home.figures.counts[0].new, 10);
    let later = now() + Duration::hours(2);
    press(&mut app, KeyCode::Enter, later);
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
    press(&mut app, KeyCode::Char('q'), later);

    // Started again from the log the same day: still 10.
    let restarted = app_with_history(&log, later);
    assert_eq!(restarted.home.figures.counts[0].new, 10);

    // The next day the deck has its own limit again.
    let tomorrow = now() + Duration::days(1);
    press(&mut app, KeyCode::Enter, tomorrow);
    press(&mut app, KeyCode::Char('q'), tomorrow);
    assert_eq!(app.home.figures.counts[0].new, 1);
    let restarted = app_with_history(&log, tomorrow);
    assert_eq!(restarted.home.figures.counts[0].new, 1);
}

/// The same deck with `log` replayed at `at`, as a restart reads it.
fn app_with_history(log: &[NewEvent], at: DateTime<FixedOffset>) -> App {
    let text = deck_text("Deck", 15).replace("[deck]\n", "[deck]\nnew_per_day = 1\n");
    let a = parse_deck(DeckId::new("a"), Source::Bundled, &text).unwrap();
    let collection = Collection {
        decks: vec![a],
        broken: Vec::new(),
    };
    let history = History::from_events(log.iter().map(NewEvent::to_event).collect());
    let study = Study::new(
        collection,
        history,
        Scheduler::new(Settings::default()).unwrap(),
        at,
    );
    App::new(study, PathBuf::from("/decks"), at)
}

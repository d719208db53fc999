//! `n` on the done screen: 10 more new cards, which stay for the rest of the day after the
//! review is left and the deck opened again, and are gone the next day.

use super::*;

/// Deck `a` with 15 new cards, 1 new card a day (its own setting).
fn app_with_one_new_a_day() -> App {
    let text = deck_text("Deck", 15).replace("[deck]\n", "[deck]\nnew_per_day = 1\n");
    let a = parse_deck(DeckId::new("a"), Source::Bundled, &text).unwrap();
    app_on(vec![a])
}

#[test]
fn more_new_cards_outlive_leaving_the_deck_until_the_day_ends() {
    let mut app = app_with_one_new_a_day();
    assert_eq!(app.home.figures.counts[0].new, 1);
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char(' '), now());
    press(&mut app, KeyCode::Char('4'), now());
    assert_eq!(current_card(&app), None, "the day's one new card is done");

    press(&mut app, KeyCode::Char('n'), now());
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
    // Left: the home screen counts them, and opening the deck again shows them.
    press(&mut app, KeyCode::Char('q'), now());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home.figures.counts[0].new, 10);
    let later = now() + Duration::hours(2);
    press(&mut app, KeyCode::Enter, later);
    assert_eq!(current_card(&app).as_deref(), Some("a/c1"));
    press(&mut app, KeyCode::Char('q'), later);

    // The next day the deck has its own limit again.
    let tomorrow = now() + Duration::days(1);
    press(&mut app, KeyCode::Enter, tomorrow);
    press(&mut app, KeyCode::Char('q'), tomorrow);
    assert_eq!(app.home.figures.counts[0].new, 1);
}

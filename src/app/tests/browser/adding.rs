//! Adding a card from the browser: the form, and the built-in deck.

use super::*;

#[test]
fn a_opens_the_form_on_the_searched_deck_and_enter_on_the_last_field_adds() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('a'));
    // The deck is filled in; typing starts at the front.
    type_text(&mut app, "el gato");
    press_all(&mut app, KeyCode::Enter);
    // Enter on the back before it is written moves on; the tags are left empty.
    press_all(&mut app, KeyCode::Tab);
    assert!(press_all(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.notice.as_deref(), Some("The new card needs a back."));
    // The cursor went to the back, where the text is missing.
    let Some(BrowserOverlay::Add(form)) = &browser(&app).overlay else {
        panic!("the form")
    };
    assert_eq!(form.field, 2);
    type_text(&mut app, "the cat");
    press_all(&mut app, KeyCode::Tab);
    type_text(&mut app, "animals, es");
    let effects = press_all(&mut app, KeyCode::Enter);
    let [Effect::AddCard { deck, card }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(deck, "a");
    assert_eq!(
        (card.front.as_str(), card.back.as_str()),
        ("el gato", "the cat")
    );
    assert_eq!(card.tags, ["animals", "es"]);
    // The runtime reports it added: the form closes.
    app.update(
        Action::CardAdded {
            card: "a/c9".to_owned(),
            place: "/decks/a.toml:19".to_owned(),
        },
        now(),
    );
    assert_eq!(browser(&app).overlay, None);
    assert_eq!(app.notice.as_deref(), Some("Added a/c9 at a.toml:19."));
}

#[test]
fn the_built_in_deck_is_copied_to_a_file_before_a_card_is_added_to_it() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('j'));
    press_all(&mut app, KeyCode::Char('v'));
    assert_eq!(browser(&app).search, "deck:b");
    press_all(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Q");
    press_all(&mut app, KeyCode::Tab);
    type_text(&mut app, "A");
    let effects = app.update(Action::Start, now());
    assert!(effects.is_empty(), "{effects:?}");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("The built-in deck has no file: Esc, then I copies it")
    );
    press_all(&mut app, KeyCode::Esc);
    assert_eq!(
        press_all(&mut app, KeyCode::Char('I')),
        [Effect::CopyBuiltIn]
    );
}

#[test]
fn a_form_left_with_text_opens_again_as_it_was_and_tab_goes_round() {
    let mut app = app();
    press_all(&mut app, KeyCode::Char('v'));
    press_all(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "half a card");
    press_all(&mut app, KeyCode::Tab);
    press_all(&mut app, KeyCode::Tab);
    press_all(&mut app, KeyCode::Tab);
    let Some(BrowserOverlay::Add(form)) = &browser(&app).overlay else {
        panic!("the form")
    };
    assert_eq!(form.field, 0, "from the tags round to the deck");
    press_all(&mut app, KeyCode::Esc);
    assert_eq!(browser(&app).overlay, None);
    press_all(&mut app, KeyCode::Char('a'));
    let Some(BrowserOverlay::Add(form)) = &browser(&app).overlay else {
        panic!("the form")
    };
    assert_eq!(form.front, "half a card");
}

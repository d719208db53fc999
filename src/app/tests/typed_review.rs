//! Typed answers and the hint on request on the review screen, through the keys the runtime
//! turns into actions.

use super::*;
use crate::app::line_input::FieldEdit;
use crate::session::compare::Comparison;
use crate::session::grade::Grade;
use crate::session::review::Side;
use crate::store::NewKind;

/// A typed card with a hint, a plain card with a hint, a plain card without, and a typed
/// cloze, in that order (all new, shown in deck order).
const DECK: &str = include_str!("../../../tests/fixtures/typed/spanish.toml");

fn typed_app() -> App {
    let deck = parse_deck(
        DeckId::new("es"),
        Source::File(PathBuf::from("/decks/es.toml")),
        DECK,
    )
    .unwrap();
    let mut app = app_on(vec![deck]);
    press(&mut app, KeyCode::Enter, now());
    app
}

fn review(app: &App) -> &ReviewScreen {
    let Screen::Review(review) = &app.screen else {
        panic!("not reviewing");
    };
    review
}

/// What the reveal worked out about the typed answer.
fn checked(app: &App) -> crate::session::review::typed::Checked {
    let field = review(app).field.as_ref().expect("a field");
    field.checked.clone().expect("revealed")
}

fn field_text(app: &App) -> String {
    let field = review(app).field.as_ref().expect("a field");
    let (before, after) = field.input.split();
    format!("{before}|{after}")
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c), now()))
        .collect()
}

fn ctrl(app: &mut App, c: char) {
    let action = app
        .action_for(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
        .expect("bound");
    app.update(action, now());
}

#[test]
fn review_keys_type_into_the_field_and_the_cursor_edits_where_it_is() {
    let mut app = typed_app();
    assert_eq!(current_card(&app).as_deref(), Some("es/cafe"));
    assert!(app.typing());
    // Grades, space, undo, bury, suspend, star, help and quit: all text here.
    let effects = type_text(&mut app, "1 ubs*?q4");
    assert_eq!(effects, []);
    assert_eq!(field_text(&app), "1 ubs*?q4|");
    ctrl(&mut app, 'w');
    assert_eq!(field_text(&app), "1 |");
    ctrl(&mut app, 'u');
    assert_eq!(field_text(&app), "|");
    type_text(&mut app, "l cafe");
    press(&mut app, KeyCode::Home, now());
    type_text(&mut app, "e");
    press(&mut app, KeyCode::End, now());
    press(&mut app, KeyCode::Left, now());
    press(&mut app, KeyCode::Delete, now());
    type_text(&mut app, "é");
    assert_eq!(field_text(&app), "el café|");
    assert_eq!(
        review(&app).session.current.as_ref().unwrap().side,
        Side::Question
    );
}

#[test]
fn enter_reveals_with_the_verdict_and_the_suggestion_and_the_grade_stays_the_users() {
    let mut app = typed_app();
    type_text(&mut app, "el cafe");
    let effects = press(&mut app, KeyCode::Enter, now());
    // The new side stops what the question played; nothing is written.
    assert_eq!(effects, [Effect::StopAudio], "revealing writes nothing");
    let screen = review(&app);
    assert_eq!(screen.session.current.as_ref().unwrap().side, Side::Answer);
    let checked = checked(&app);
    assert_eq!(checked.verdict, Some(Grade::Accents));
    assert_eq!(screen.suggested(), Some(Rating::Hard));
    assert!(!app.typing());
    // The suggestion is Hard; the user answers Good, and Good is written.
    let effects = press(&mut app, KeyCode::Char('3'), now());
    let [Effect::Write(event)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(
        matches!(
            event.kind,
            NewKind::Review {
                rating: Rating::Good,
                ..
            }
        ),
        "{event:?}"
    );
    // The next card asks for no typing, and has nothing typed over from the last.
    assert_eq!(current_card(&app).as_deref(), Some("es/gato"));
    assert_eq!(review(&app).field, None);
}

#[test]
fn esc_leaves_the_field_then_the_screen_and_enter_goes_back_in() {
    let mut app = typed_app();
    type_text(&mut app, "el");
    press(&mut app, KeyCode::Esc, now());
    assert!(!app.typing());
    assert!(
        matches!(app.screen, Screen::Review(_)),
        "Esc left the field only"
    );
    assert_eq!(app.bindings().label_for(&Action::EnterField), Some("Enter"));
    press(&mut app, KeyCode::Enter, now());
    assert!(app.typing());
    type_text(&mut app, " café");
    press(&mut app, KeyCode::Esc, now());
    // Once the field is left, Space shows the answer with what was typed.
    press(&mut app, KeyCode::Char(' '), now());
    let checked = checked(&app);
    assert_eq!(checked.comparison, Comparison::Same("el café".into()));
    assert_eq!(review(&app).suggested(), Some(Rating::Good));
    press(&mut app, KeyCode::Esc, now());
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn the_hint_stays_hidden_until_asked_for_and_its_key_shows_only_when_there_is_one() {
    let mut app = typed_app();
    // Typing: `h` is a letter; Tab shows the hint.
    type_text(&mut app, "h");
    assert_eq!(field_text(&app), "h|");
    assert!(!review(&app).hint_shown);
    press(&mut app, KeyCode::Tab, now());
    assert!(review(&app).hint_shown);
    assert_eq!(
        app.bindings().label_for(&Action::ShowHint),
        None,
        "shown: no key"
    );
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char('1'), now());
    // The plain card with a hint: `h`, in the footer; a new card hides its hint again.
    assert_eq!(current_card(&app).as_deref(), Some("es/gato"));
    assert!(!review(&app).hint_shown);
    let footer = |app: &App| -> Vec<&str> {
        app.bindings()
            .iter()
            .filter(|b| b.in_footer)
            .map(|b| b.key_label)
            .collect()
    };
    assert!(footer(&app).contains(&"h"), "{:?}", footer(&app));
    press(&mut app, KeyCode::Char('h'), now());
    assert!(review(&app).hint_shown);
    assert!(!footer(&app).contains(&"h"));
    press(&mut app, KeyCode::Char(' '), now());
    press(&mut app, KeyCode::Char('3'), now());
    // A card without a hint has no hint key.
    assert_eq!(current_card(&app).as_deref(), Some("es/perro"));
    assert_eq!(app.bindings().label_for(&Action::ShowHint), None);
}

#[test]
fn t_types_the_answers_of_the_rest_of_the_session_and_again_stops() {
    let mut app = typed_app();
    press(&mut app, KeyCode::Enter, now());
    press(&mut app, KeyCode::Char('3'), now());
    // A card without `type`: `t` asks for its answer at once, and for the next card's.
    assert_eq!(review(&app).field, None);
    press(&mut app, KeyCode::Char('t'), now());
    assert!(app.typing());
    type_text(&mut app, "el gato");
    press(&mut app, KeyCode::Enter, now());
    assert_eq!(review(&app).suggested(), Some(Rating::Good));
    press(&mut app, KeyCode::Char('3'), now());
    assert_eq!(current_card(&app).as_deref(), Some("es/perro"));
    assert!(app.typing());
    // Off again: no field, here or on the typed cloze card after it.
    press(&mut app, KeyCode::Esc, now());
    press(&mut app, KeyCode::Char('t'), now());
    assert_eq!(review(&app).field, None);
    press(&mut app, KeyCode::Char(' '), now());
    press(&mut app, KeyCode::Char('3'), now());
    assert_eq!(current_card(&app).as_deref(), Some("es/cap~c1"));
    assert_eq!(review(&app).field, None);
}

#[test]
fn a_cloze_cards_typed_answer_is_its_deleted_text() {
    let mut app = typed_app();
    press(&mut app, KeyCode::Esc, now());
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '), now());
        press(&mut app, KeyCode::Char('4'), now());
    }
    assert_eq!(current_card(&app).as_deref(), Some("es/cap~c1"));
    assert!(app.typing());
    type_text(&mut app, "Frence");
    press(&mut app, KeyCode::Enter, now());
    let checked = checked(&app);
    assert_eq!(checked.verdict, Some(Grade::Close));
    assert_eq!(review(&app).suggested(), Some(Rating::Hard));
    let Comparison::Differs { expected, .. } = checked.comparison else {
        panic!("{:?}", checked.comparison);
    };
    let answer: String = expected.iter().map(|piece| piece.text.as_str()).collect();
    assert_eq!(answer, "France");
}

#[test]
fn field_edits_reach_only_a_field() {
    // Ctrl-W on the question side without a field does nothing.
    let mut app = typed_app();
    press(&mut app, KeyCode::Esc, now());
    let before = app.screen.clone();
    app.update(Action::EditField(FieldEdit::DeleteWord), now());
    assert_eq!(app.screen, before);
}

#[test]
fn every_field_takes_ctrl_w_and_ctrl_u() {
    // The deck filter, a plain text field.
    let mut filtering = app();
    press(&mut filtering, KeyCode::Char('/'), now());
    type_text(&mut filtering, "two words");
    ctrl(&mut filtering, 'w');
    assert_eq!(filtering.home.filter, "two ");
    // Learn's written answer: `m`, `l`, written questions only, start.
    let mut app = super::app();
    type_text(&mut app, "ml23");
    press(&mut app, KeyCode::Enter, now());
    assert!(app.typing());
    type_text(&mut app, "an answer");
    let input = |app: &App| match &app.screen {
        Screen::Learn(learn) => learn.session.current.as_ref().unwrap().input.clone(),
        _ => panic!("not learning"),
    };
    ctrl(&mut app, 'w');
    assert_eq!(input(&app), "an ");
    ctrl(&mut app, 'u');
    assert_eq!(input(&app), "");
}

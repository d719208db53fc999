//! `b` on a card its sibling's answer buried lifts that bury (as Anki's Unbury does), and `u`
//! puts it back.

use super::*;

#[test]
fn b_on_a_card_its_sibling_buried_unburies_it_and_u_buries_it_again() {
    let text = "[deck]\nname = \"S\"\n[[cards]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\nreverse = true\n";
    let deck = parse_deck(DeckId::new("s"), Source::Bundled, text).unwrap();
    let mut app = app_on(vec![deck]);
    let answer = NewEvent::for_card(
        "s/a",
        now(),
        NewKind::answer(Rating::Easy, None, crate::store::REVIEW_MODE, None),
    );
    app.update(Action::Written(answer), now());
    press_all(&mut app, KeyCode::Char('v'));
    assert_eq!(found(&app), ["s/a", "s/a~r"]);
    press_all(&mut app, KeyCode::Down);
    let row = browser(&app).selected_card().unwrap();
    assert!(row.buried_by_sibling, "{row:?}");
    let unbury = written(&press_all(&mut app, KeyCode::Char('b')));
    assert_eq!(unbury.len(), 1);
    assert_eq!(unbury[0].kind, NewKind::Unbury);
    assert!(!browser(&app).selected_card().unwrap().buried);
    assert_eq!(app.study.burial("s/a~r", app.now), None);
    press_all(&mut app, KeyCode::Char('u'));
    let row = browser(&app).selected_card().unwrap();
    assert!(
        row.buried_by_sibling,
        "the undo puts the sibling's bury back"
    );
}

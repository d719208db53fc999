//! A terminal too small to show the screen: keys other than Ctrl-C do nothing, and the match
//! clock stands while its tiles are hidden (too small, or help open).

use super::*;

fn resize(app: &mut App, width: u16, height: u16, at: DateTime<FixedOffset>) {
    app.update(Action::Resize { width, height }, at);
}

fn at(seconds: i64) -> DateTime<FixedOffset> {
    now() + Duration::seconds(seconds)
}

#[test]
fn keys_do_nothing_on_a_hidden_screen_but_ctrl_c_quits() {
    let mut app = app();
    resize(&mut app, 30, 8, now());
    assert!(app.too_small());
    assert!(press(&mut app, KeyCode::Char('q'), now()).is_empty());
    assert_eq!(app.action_for(key(KeyCode::Esc)), None);
    assert_eq!(app.action_for(key(KeyCode::Enter)), None);
    assert_eq!(
        app.action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    // 40×10 is the least that shows (ui::MIN_WIDTH × ui::MIN_HEIGHT): q quits again.
    resize(&mut app, 40, 10, now());
    assert_eq!(
        press(&mut app, KeyCode::Char('q'), now()),
        vec![Effect::Quit]
    );
}

#[test]
fn a_test_does_not_ask_to_leave_while_hidden() {
    let mut app = app();
    app.open_options(PracticeMode::Test, vec![0], "Deck".into());
    for kind in ['1', '3', '4', '\n'] {
        let code = if kind == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(kind)
        };
        press(&mut app, code, now());
    }
    press(&mut app, KeyCode::Char('2'), now());
    resize(&mut app, 39, 24, now());
    press(&mut app, KeyCode::Esc, now());
    press(&mut app, KeyCode::Char('y'), now());
    let Screen::Test(test) = &app.screen else {
        panic!("left the test: {:?}", app.screen)
    };
    assert!(!test.leaving, "no leave prompt opened blindly");
}

#[test]
fn the_match_clock_stands_while_the_tiles_are_hidden() {
    let mut app = app();
    app.open_options(PracticeMode::Match, vec![0], "Deck".into());
    press(&mut app, KeyCode::Enter, now());
    let elapsed = |app: &App, at| match &app.screen {
        Screen::Match(game) => game.session.elapsed_ms(at),
        other => panic!("{other:?}"),
    };
    // 5 s of play, 60 s too small, 2 s of play, help open for 30 s, 1 s of play.
    resize(&mut app, 30, 8, at(5));
    assert_eq!(app.wake_at(), None, "no ticks while it stands");
    resize(&mut app, 80, 24, at(65));
    assert_eq!(elapsed(&app, at(67)), 7000);
    press(&mut app, KeyCode::Char('?'), at(67));
    assert_eq!(elapsed(&app, at(97)), 7000);
    press(&mut app, KeyCode::Char('?'), at(97));
    assert_eq!(elapsed(&app, at(98)), 8000);
}

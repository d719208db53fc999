use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// Every key a table could bind: each code the tables use, and every character.
fn sample_keys() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = ALL
        .iter()
        .flat_map(|(_, keys)| keys.iter())
        .filter_map(|binding| match binding.on {
            On::Keys(codes) => Some(codes.iter().copied()),
            _ => None,
        })
        .flatten()
        .collect();
    codes.extend((' '..='~').map(KeyCode::Char));
    codes.extend(['é', 'ß', '日'].map(KeyCode::Char));
    codes.extend([
        KeyCode::Backspace,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::F(1),
    ]);
    [KeyModifiers::NONE, KeyModifiers::CONTROL]
        .into_iter()
        .flat_map(|modifiers| {
            codes
                .iter()
                .map(move |&code| KeyEvent::new(code, modifiers))
        })
        .collect()
}

#[test]
fn no_key_is_bound_twice_in_one_table() {
    for (name, table) in ALL {
        for key in sample_keys() {
            let bound: Vec<&str> = table
                .iter()
                .filter(|binding| binding.on.action(key, &binding.action).is_some())
                .map(|binding| binding.hint)
                .collect();
            assert!(
                bound.len() <= 1,
                "{name}: {:?} {:?} is bound to {bound:?}",
                key.modifiers,
                key.code
            );
        }
    }
}

#[test]
fn every_table_has_a_way_out_or_on() {
    // Help or a key that leaves: no screen state traps the user.
    let leaving = [
        Action::Back,
        Action::Help,
        Action::LeaveField,
        Action::Quit,
        Action::Picker,
    ];
    for (name, table) in ALL.iter().filter(|(name, _)| *name != "GLOBAL") {
        assert!(
            table
                .iter()
                .any(|binding| leaving.contains(&binding.action)),
            "{name} has no way out"
        );
    }
}

#[test]
fn pick_and_text_bindings_give_the_key_they_were_pressed_with() {
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(MATCH.action_for(key('a')), Some(Action::Choose(1)));
    assert_eq!(MATCH.action_for(key('l')), Some(Action::Choose(12)));
    assert_eq!(MATCH.action_for(key('m')), None);
    assert_eq!(TEST_MATCHING.action_for(key('6')), Some(Action::Choose(6)));
    assert_eq!(TEST_CHOICE.action_for(key('5')), None);
    assert_eq!(TYPING_LEARN.action_for(key('é')), Some(Action::Type('é')));
    assert_eq!(
        TYPING_LEARN.action_for(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::Submit)
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(GLOBAL.action_for(ctrl_c), Some(Action::Quit));
    assert_eq!(GLOBAL.action_for(key('c')), None);
}

#[test]
fn enter_on_a_left_test_field_goes_back_into_it_and_help_says_so() {
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(TEST_FIELD_LEFT.action_for(enter), Some(Action::EnterField));
    assert_eq!(
        TEST_FIELD_LEFT.label_for(&Action::EnterField),
        Some("Enter")
    );
    // On a choice question Enter moves on, and no binding there claims otherwise.
    for moving_on in [TEST_CHOICE, TEST_TRUE_FALSE, TEST_MATCHING] {
        assert_eq!(moving_on.action_for(enter), Some(Action::Right));
        assert_eq!(moving_on.label_for(&Action::EnterField), None);
    }
}

#[test]
fn options_show_the_keys_that_choose_them() {
    assert_eq!(LEARN_CHOICE.choice_label(2), "2");
    assert_eq!(LEARN_CHOICE.choice_label(5), "");
    assert_eq!(LEARN_TRUE_FALSE.choice_label(1), "1/t");
    assert_eq!(TEST_TRUE_FALSE.choice_label(2), "2/f");
    assert_eq!(TEST_CHOICE.choice_label(2), "2");
    assert_eq!(MATCH.choice_label(3), "c");
    assert_eq!(TEST_CHOICE.pick_label(2), Some('2'));
    assert_eq!(TEST_CHOICE.pick_label(0), None);
    assert_eq!(TEST_CHOICE.pick_label(5), None);
}

#[test]
fn labels_name_the_keys_of_their_action() {
    assert_eq!(HOME.label_for(&Action::Open), Some("Enter"));
    assert_eq!(HOME_CATCHING_UP.label_for(&Action::UndoBacklog), Some("B"));
    assert_eq!(HOME.label_for(&Action::UndoBacklog), None);
    assert_eq!(HOME.label(&Action::UndoBacklog), "–");
}

#[test]
fn ctrl_or_alt_with_a_key_is_not_that_key() {
    let with = |c, modifiers| KeyEvent::new(KeyCode::Char(c), modifiers);
    assert_eq!(
        BROWSER.action_for(with('s', KeyModifiers::NONE)),
        Some(Action::Suspend)
    );
    assert_eq!(BROWSER.action_for(with('s', KeyModifiers::CONTROL)), None);
    assert_eq!(BROWSER.action_for(with('b', KeyModifiers::ALT)), None);
    // Shift is how capitals come: `M` marks every card found.
    assert_eq!(
        BROWSER.action_for(with('M', KeyModifiers::SHIFT)),
        Some(Action::MarkAll)
    );
    assert_eq!(
        ADD_FORM.action_for(with('s', KeyModifiers::CONTROL)),
        Some(Action::Start)
    );
    assert_eq!(ADD_FORM.action_for(with('x', KeyModifiers::ALT)), None);
}

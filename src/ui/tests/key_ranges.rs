//! Key hints that name only the keys that work (issue 16, the tester's F8): a range of picks
//! says how many options are on screen, in the footer and in help, and the keys past them do
//! nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::practice_screens::{app_on_numbered, start};
use super::*;
use crate::app::{PracticeMode, Setting};
use crate::store::Question;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The help overlay over the screen, as one line of text.
fn help(app: &mut App) -> String {
    app.update(Action::Help, app.now);
    let screen = flat(&draw(app, 80, 24));
    app.update(Action::Help, app.now);
    screen
}

#[test]
fn two_options_are_chosen_with_1_2_in_learn_and_the_test() {
    // Two cards: a multiple-choice question can offer only the answer and one other.
    let mut learn = app_on_numbered(2);
    start(
        &mut learn,
        PracticeMode::Learn,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::TrueFalse),
        ],
    );
    let footer = line(&draw(&learn, 80, 24), 23);
    assert!(footer.starts_with("1-2 choose   "), "{footer}");
    assert!(help(&mut learn).contains("1-2  choose"));
    assert_eq!(learn.action_for(key('3')), None);
    assert_eq!(learn.action_for(key('2')), Some(Action::Choose(2)));

    let mut test = app_on_numbered(2);
    start(
        &mut test,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::TrueFalse),
            Setting::Kind(Question::Matching),
        ],
    );
    let footer = line(&draw(&test, 80, 24), 23);
    // After the moves, which come first in the test.
    assert!(footer.contains("   1-2 answer   "), "{footer}");
    assert!(help(&mut test).contains("1-2  answer"));
    assert_eq!(test.action_for(key('4')), None);
}

#[test]
fn a_matching_block_of_five_pairs_is_answered_with_1_5() {
    let mut test = app_on_numbered(5);
    start(
        &mut test,
        PracticeMode::Test,
        &[
            Setting::Kind(Question::Written),
            Setting::Kind(Question::Choice),
            Setting::Kind(Question::TrueFalse),
        ],
    );
    let footer = line(&draw(&test, 80, 24), 23);
    assert!(footer.contains("   1-5 answer the prompt   "), "{footer}");
    assert!(help(&mut test).contains("1-5  answer the prompt"));
    assert_eq!(test.action_for(key('6')), None);
    assert_eq!(test.action_for(key('5')), Some(Action::Choose(5)));
}

#[test]
fn two_cards_make_four_tiles_picked_with_a_d() {
    let mut game = app_on_numbered(2);
    start(&mut game, PracticeMode::Match, &[]);
    let footer = line(&draw(&game, 80, 24), 23);
    assert!(footer.starts_with("a-d pick a tile   "), "{footer}");
    assert!(help(&mut game).contains("a-d  pick a tile"));
    assert_eq!(game.action_for(key('e')), None);
    assert_eq!(game.action_for(key('d')), Some(Action::Choose(4)));
}

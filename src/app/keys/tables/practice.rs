//! The practice modes' key tables: the options screen, flashcards, learn, match and the test.

use crossterm::event::KeyCode as K;

use super::super::On::{Ctrl, Keys as Code, Pick, Text};
use super::super::{Binding, FOOTER, HELP_ONLY, Keys, bind, bind_short};
use super::HELP_BACK;
use crate::app::Action as A;
use crate::app::practice::Setting;
use crate::store::Question;

#[rustfmt::skip]
const START: &[Binding] = &[bind(Code(&[K::Enter]), "Enter", "start", A::Start, FOOTER)];

#[rustfmt::skip]
const SIDES_AND_ORDER: &[Binding] = &[
    bind(Code(&[K::Char('a')]), "a", "answer with", A::Setting(Setting::AnswerWith), HELP_ONLY),
    bind(Code(&[K::Char('s')]), "s", "shuffle", A::Setting(Setting::Shuffle), HELP_ONLY),
];

#[rustfmt::skip]
const STARRED_ONLY: &[Binding] = &[
    bind(Code(&[K::Char('*')]), "*", "starred only", A::Setting(Setting::StarredOnly), HELP_ONLY),
];

#[rustfmt::skip]
const QUESTION_KINDS: &[Binding] = &[
    bind(Code(&[K::Char('1')]), "1", "written", A::Setting(Setting::Kind(Question::Written)), HELP_ONLY),
    bind(Code(&[K::Char('2')]), "2", "multiple choice", A::Setting(Setting::Kind(Question::Choice)), HELP_ONLY),
    bind(Code(&[K::Char('3')]), "3", "true/false", A::Setting(Setting::Kind(Question::TrueFalse)), HELP_ONLY),
];

/// A screen of settings taller than the terminal scrolls.
#[rustfmt::skip]
const SCROLL_SETTINGS: &[Binding] = &[
    bind(Code(&[K::Down]), "↓", "scroll down", A::Down, HELP_ONLY),
    bind(Code(&[K::Up]), "↑", "scroll up", A::Up, HELP_ONLY),
    bind(Code(&[K::PageDown]), "PgDn", "scroll down a page", A::PageDown, HELP_ONLY),
    bind(Code(&[K::PageUp]), "PgUp", "scroll up a page", A::PageUp, HELP_ONLY),
];

#[rustfmt::skip]
pub const OPTIONS_FLASHCARDS: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    &[bind(Code(&[K::Char('c')]), "c", "card sorting", A::Setting(Setting::Sorting), HELP_ONLY)],
    SCROLL_SETTINGS,
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const OPTIONS_LEARN: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    QUESTION_KINDS,
    &[bind(Code(&[K::Char('m')]), "m", "move on after a right answer", A::Setting(Setting::AutoAdvance), HELP_ONLY)],
    SCROLL_SETTINGS,
    HELP_BACK,
], None);

pub const OPTIONS_MATCH: Keys = Keys(&[START, STARRED_ONLY, SCROLL_SETTINGS, HELP_BACK], None);

#[rustfmt::skip]
pub const OPTIONS_TEST: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    QUESTION_KINDS,
    &[
        bind(Code(&[K::Char('4')]), "4", "matching", A::Setting(Setting::Kind(Question::Matching)), HELP_ONLY),
        bind(Code(&[K::Char('+'), K::Char('=')]), "+", "more questions", A::Setting(Setting::MoreQuestions), HELP_ONLY),
        bind(Code(&[K::Char('-')]), "-", "fewer questions", A::Setting(Setting::FewerQuestions), HELP_ONLY),
        bind(Code(&[K::Char('n')]), "n", "type the number of questions", A::Setting(Setting::TypeCount), HELP_ONLY),
    ],
    SCROLL_SETTINGS,
    HELP_BACK,
], None);

/// The test's options screen when a test was left in progress on these decks.
#[rustfmt::skip]
pub const OPTIONS_TEST_RESUME: Keys = Keys(&[
    &[
        bind(Code(&[K::Enter]), "Enter", "resume the test", A::Start, FOOTER),
        bind(Code(&[K::Char('d')]), "d", "discard it for a new one", A::Discard, FOOTER),
    ],
    HELP_BACK,
], None);

/// While the number of questions is typed.
#[rustfmt::skip]
pub const COUNT_INPUT: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "set", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "0-9", "type the number", A::Type(' '), HELP_ONLY),
], super::LINE_DELETES], None);

// ---- Flashcards ----

#[rustfmt::skip]
const STAR: &[Binding] = &[bind(Code(&[K::Char('*')]), "*", "star", A::Star, FOOTER)];

/// Long card text scrolls.
#[rustfmt::skip]
const SCROLL: &[Binding] = &[
    bind(Code(&[K::PageUp]), "PgUp", "scroll up", A::PageUp, HELP_ONLY),
    bind(Code(&[K::PageDown]), "PgDn", "scroll down", A::PageDown, HELP_ONLY),
];

#[rustfmt::skip]
const FLASHCARD_MOVES: &[Binding] = &[
    bind(Code(&[K::Char(' ')]), "Space", "flip", A::Reveal, FOOTER),
    bind(Code(&[K::Right, K::Char('l')]), "→/l", "next", A::Right, FOOTER),
    bind(Code(&[K::Left, K::Char('h')]), "←/h", "previous", A::Left, FOOTER),
    bind(Code(&[K::Char('x')]), "x", "shuffle", A::Shuffle, FOOTER),
    bind(Code(&[K::Char('c')]), "c", "card sorting", A::ToggleSorting, HELP_ONLY),
];

pub const FLASHCARDS: Keys = Keys(&[FLASHCARD_MOVES, SCROLL, STAR, HELP_BACK], None);

#[rustfmt::skip]
const SORTING_MOVES: &[Binding] = &[
    // The sorting keys first: narrow, the card's border still says Space flips.
    bind_short(Code(&[K::Up, K::Char('k')]), "↑/k", ("know it", "know"), A::Up, FOOTER),
    bind_short(Code(&[K::Down, K::Char('j')]), "↓/j", ("still learning", "learning"), A::Down, FOOTER),
    bind(Code(&[K::Char(' ')]), "Space", "flip", A::Reveal, FOOTER),
    bind_short(Code(&[K::Char('u')]), "u", ("undo sort", "undo"), A::Undo, FOOTER),
    bind(Code(&[K::Char('x')]), "x", "shuffle", A::Shuffle, HELP_ONLY),
    bind(Code(&[K::Char('c')]), "c", "card sorting off", A::ToggleSorting, HELP_ONLY),
];

pub const SORTING: Keys = Keys(&[SORTING_MOVES, SCROLL, STAR, HELP_BACK], None);

#[rustfmt::skip]
pub const SORTING_ROUND_OVER: Keys = Keys(&[
    &[
        bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "study the still-learning pile", A::Proceed, FOOTER),
        bind(Code(&[K::Char('u')]), "u", "undo sort", A::Undo, FOOTER),
    ],
    HELP_BACK,
], None);

/// The round is over and every card is known: Enter goes to the end.
#[rustfmt::skip]
pub const SORTING_ALL_SORTED: Keys = Keys(&[
    &[
        bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "finish", A::Proceed, FOOTER),
        bind(Code(&[K::Char('u')]), "u", "undo sort", A::Undo, FOOTER),
    ],
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const SORTING_DONE: Keys = Keys(&[
    &[bind(Code(&[K::Char('r')]), "r", "start sorting over", A::StartOver, FOOTER)],
    HELP_BACK,
], None);

// ---- Learn ----

#[rustfmt::skip]
const DONT_KNOW: &[Binding] = &[bind(Code(&[K::Tab]), "Tab", "don't know", A::DontKnow, FOOTER)];

#[rustfmt::skip]
pub const LEARN_CHOICE: Keys = Keys(&[
    &[bind(Pick('1', '4'), "1-4", "choose", A::Choose(1), FOOTER)],
    DONT_KNOW,
    SCROLL,
    STAR,
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const LEARN_TRUE_FALSE: Keys = Keys(&[
    &[
        bind(Code(&[K::Char('1'), K::Char('t')]), "1/t", "true", A::Choose(1), FOOTER),
        bind(Code(&[K::Char('2'), K::Char('f')]), "2/f", "false", A::Choose(2), FOOTER),
    ],
    DONT_KNOW,
    SCROLL,
    STAR,
    HELP_BACK,
], None);

/// A written question whose answer field was left with Esc.
#[rustfmt::skip]
pub const LEARN_FIELD_LEFT: Keys = Keys(&[
    &[bind(Code(&[K::Enter, K::Char('i')]), "Enter", "type the answer", A::EnterField, FOOTER)],
    DONT_KNOW,
    SCROLL,
    STAR,
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const LEARN_FEEDBACK: Keys = Keys(&[
    &[bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "continue", A::Proceed, FOOTER)],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const LEARN_FEEDBACK_OVERRIDE: Keys = Keys(&[
    &[
        bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "continue", A::Proceed, FOOTER),
        bind(Code(&[K::Char('o')]), "o", "I was right", A::Override, FOOTER),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const LEARN_ROUND_OVER: Keys = Keys(&[
    &[bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "next round", A::Proceed, FOOTER)],
    HELP_BACK,
], None);

pub const LEARN_DONE: Keys = Keys(&[HELP_BACK], None);

/// Typing a written answer in Learn: these keys work; every other character types.
#[rustfmt::skip]
pub const TYPING_LEARN: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "check", A::Submit, FOOTER),
    bind(Code(&[K::Tab]), "Tab", "don't know", A::DontKnow, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "leave the field", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type the answer", A::Type(' '), HELP_ONLY),
], super::LINE_DELETES], None);

// ---- Match ----

#[rustfmt::skip]
pub const MATCH: Keys = Keys(&[&[
    bind(Pick('a', 'l'), "a-l", "pick a tile", A::Choose(1), FOOTER),
    bind(Code(&[K::Enter]), "Enter", "pick the focused tile", A::Submit, HELP_ONLY),
    bind(Code(&[K::Left]), "←", "left", A::Left, HELP_ONLY),
    bind(Code(&[K::Right]), "→", "right", A::Right, HELP_ONLY),
    bind(Code(&[K::Up]), "↑", "up", A::Up, HELP_ONLY),
    bind(Code(&[K::Down]), "↓", "down", A::Down, HELP_ONLY),
    bind(Code(&[K::Char('*')]), "*", "star", A::Star, HELP_ONLY),
    bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "back", A::Back, FOOTER),
]], None);

#[rustfmt::skip]
pub const MATCH_DONE: Keys = Keys(&[
    &[bind(Code(&[K::Enter, K::Char(' ')]), "Enter", "play again", A::Proceed, FOOTER)],
    HELP_BACK,
], None);

// ---- Practice test ----

/// Moving on and handing in come first, before the answer keys, which the question itself
/// shows beside its options: on a narrow footer, where the earlier hints win, next and
/// submit stay ("→ next   Ctrl-S submit   ? help   q back" is 40 columns).
#[rustfmt::skip]
const TEST_MOVES: &[Binding] = &[
    bind(Code(&[K::Right, K::Tab, K::Enter]), "→/Tab", "next", A::Right, FOOTER),
    bind_short(Ctrl('s'), "Ctrl-S", ("submit the test", "submit"), A::Finish, FOOTER),
    bind(Code(&[K::Left, K::BackTab]), "←", "previous", A::Left, FOOTER),
];

/// A multiple-choice question (up to four options).
#[rustfmt::skip]
pub const TEST_CHOICE: Keys = Keys(&[
    TEST_MOVES,
    &[bind(Pick('1', '4'), "1-4", "answer", A::Choose(1), FOOTER)],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

/// A true/false question.
#[rustfmt::skip]
pub const TEST_TRUE_FALSE: Keys = Keys(&[
    TEST_MOVES,
    &[
        bind(Code(&[K::Char('1'), K::Char('t')]), "1/t", "true", A::Choose(1), FOOTER),
        bind(Code(&[K::Char('2'), K::Char('f')]), "2/f", "false", A::Choose(2), FOOTER),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

/// The matching block: a prompt is picked with ↑/↓, a digit gives it an answer (up to six).
#[rustfmt::skip]
pub const TEST_MATCHING: Keys = Keys(&[
    TEST_MOVES,
    &[
        bind(Pick('1', '6'), "1-6", "answer the prompt", A::Choose(1), FOOTER),
        bind(Code(&[K::Up]), "↑", "previous prompt", A::Up, HELP_ONLY),
        bind(Code(&[K::Down]), "↓", "next prompt", A::Down, HELP_ONLY),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

/// A written question whose answer field was left with Esc: Enter goes back into it.
#[rustfmt::skip]
pub const TEST_FIELD_LEFT: Keys = Keys(&[
    &[
        bind(Code(&[K::Right, K::Tab]), "→/Tab", "next", A::Right, FOOTER),
        bind_short(Ctrl('s'), "Ctrl-S", ("submit the test", "submit"), A::Finish, FOOTER),
        bind(Code(&[K::Left, K::BackTab]), "←", "previous", A::Left, FOOTER),
        bind_short(Code(&[K::Enter, K::Char('i')]), "Enter", ("type the answer", "type"), A::EnterField, FOOTER),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
], None);

/// Typing a written answer in the test: these keys work; every other character types.
#[rustfmt::skip]
pub const TYPING_TEST: Keys = Keys(&[&[
    bind(Code(&[K::Enter, K::Tab]), "Enter", "next", A::Submit, FOOTER),
    bind_short(Ctrl('s'), "Ctrl-S", ("submit the test", "submit"), A::Finish, FOOTER),
    bind_short(Code(&[K::Esc]), "Esc", ("leave the field", "leave"), A::LeaveField, FOOTER),
    bind(Code(&[K::BackTab]), "Shift-Tab", "previous", A::Previous, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type the answer", A::Type(' '), HELP_ONLY),
], super::LINE_DELETES], None);

/// Leaving a test with answers: keep it, discard it, or stay.
#[rustfmt::skip]
pub const TEST_LEAVE: Keys = Keys(&[&[
    bind(Code(&[K::Char('y'), K::Char('q'), K::Enter]), "y", "leave, keeping the answers", A::Back, FOOTER),
    bind(Code(&[K::Char('d')]), "d", "discard the test", A::Discard, FOOTER),
    bind(Code(&[K::Char('n'), K::Esc]), "n", "stay", A::Stay, FOOTER),
]], None);

#[rustfmt::skip]
pub const TEST_SUBMIT: Keys = Keys(&[
    &[
        bind(Code(&[K::Enter]), "Enter", "submit", A::Submit, FOOTER),
        bind(Code(&[K::BackTab, K::Left]), "←", "back to the questions", A::Left, FOOTER),
    ],
    HELP_BACK,
], None);

#[rustfmt::skip]
pub const TEST_REPORT: Keys = Keys(&[
    &[
        bind_short(Code(&[K::Char('r')]), "r", ("retake the missed cards", "retake"), A::Retake, FOOTER),
        bind(Code(&[K::Up, K::Char('k')]), "↑/k", "scroll up", A::Up, FOOTER),
        bind(Code(&[K::Down, K::Char('j')]), "↓/j", "scroll down", A::Down, FOOTER),
    ],
    HELP_BACK,
], None);

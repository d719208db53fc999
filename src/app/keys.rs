//! One key table per screen. Each drives both key handling and the footer and help text, so
//! they cannot drift apart.

use crossterm::event::KeyCode;

use super::Action;
use crate::scheduler::Rating;

/// Keys, the action they trigger, and the words shown for them.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub key_label: &'static str,
    pub hint: &'static str,
    pub action: Action,
    /// Shown in the footer; the help screen lists every binding.
    pub in_footer: bool,
}

const fn bind(
    keys: &'static [KeyCode],
    key_label: &'static str,
    hint: &'static str,
    action: Action,
    in_footer: bool,
) -> Binding {
    Binding {
        keys,
        key_label,
        hint,
        action,
        in_footer,
    }
}

pub const HOME: &[Binding] = &[
    bind(
        &[KeyCode::Enter],
        "Enter",
        "review deck",
        Action::Open,
        true,
    ),
    bind(
        &[KeyCode::Char('r')],
        "r",
        "review all due",
        Action::ReviewAll,
        true,
    ),
    bind(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑/k",
        "up",
        Action::Up,
        true,
    ),
    bind(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓/j",
        "down",
        Action::Down,
        true,
    ),
    bind(&[KeyCode::PageUp], "PgUp", "page up", Action::PageUp, false),
    bind(
        &[KeyCode::PageDown],
        "PgDn",
        "page down",
        Action::PageDown,
        false,
    ),
    bind(
        &[KeyCode::Home, KeyCode::Char('g')],
        "g",
        "first",
        Action::First,
        false,
    ),
    bind(
        &[KeyCode::End, KeyCode::Char('G')],
        "G",
        "last",
        Action::Last,
        false,
    ),
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q",
        "quit",
        Action::Back,
        true,
    ),
];

pub const QUESTION: &[Binding] = &[
    bind(
        &[KeyCode::Char(' '), KeyCode::Enter],
        "Space",
        "show answer",
        Action::Reveal,
        true,
    ),
    bind(&[KeyCode::Char('u')], "u", "undo", Action::Undo, true),
    bind(&[KeyCode::Char('b')], "b", "bury", Action::Bury, true),
    bind(&[KeyCode::Char('s')], "s", "suspend", Action::Suspend, true),
    bind(&[KeyCode::Char('e')], "e", "edit", Action::Edit, true),
    bind(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑/k",
        "scroll up",
        Action::Up,
        false,
    ),
    bind(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        false,
    ),
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q",
        "back",
        Action::Back,
        true,
    ),
];

pub const ANSWER: &[Binding] = &[
    bind(
        &[KeyCode::Char('1')],
        "1",
        "Again",
        Action::Grade(Rating::Again),
        false,
    ),
    bind(
        &[KeyCode::Char('2')],
        "2",
        "Hard",
        Action::Grade(Rating::Hard),
        false,
    ),
    bind(
        &[KeyCode::Char('3'), KeyCode::Char(' '), KeyCode::Enter],
        "3/Space",
        "Good",
        Action::Grade(Rating::Good),
        false,
    ),
    bind(
        &[KeyCode::Char('4')],
        "4",
        "Easy",
        Action::Grade(Rating::Easy),
        false,
    ),
    bind(&[KeyCode::Char('u')], "u", "undo", Action::Undo, true),
    bind(&[KeyCode::Char('b')], "b", "bury", Action::Bury, true),
    bind(&[KeyCode::Char('s')], "s", "suspend", Action::Suspend, true),
    bind(&[KeyCode::Char('e')], "e", "edit", Action::Edit, true),
    bind(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑/k",
        "scroll up",
        Action::Up,
        false,
    ),
    bind(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        false,
    ),
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q",
        "back",
        Action::Back,
        true,
    ),
];

pub const DONE_MORE_NEW: &[Binding] = &[
    bind(
        &[KeyCode::Char('n')],
        "n",
        "10 more new cards",
        Action::MoreNew,
        true,
    ),
    bind(&[KeyCode::Char('u')], "u", "undo", Action::Undo, true),
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc, KeyCode::Enter],
        "q",
        "back",
        Action::Back,
        true,
    ),
];

/// The done screen when no unseen cards are left to add.
pub const DONE: &[Binding] = &[
    bind(&[KeyCode::Char('u')], "u", "undo", Action::Undo, true),
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc, KeyCode::Enter],
        "q",
        "back",
        Action::Back,
        true,
    ),
];

/// While the help screen is open, any of these close it.
pub const HELP: &[Binding] = &[bind(
    &[
        KeyCode::Char('?'),
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Enter,
    ],
    "?/q",
    "close help",
    Action::Help,
    true,
)];

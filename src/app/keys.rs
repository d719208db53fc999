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

/// A screen's key table, made of shared parts.
#[derive(Debug, Clone, Copy)]
pub struct Keys(&'static [&'static [Binding]]);

impl Keys {
    /// Every binding, in order.
    pub fn iter(self) -> impl Iterator<Item = &'static Binding> {
        self.0.iter().flat_map(|part| part.iter())
    }
}

pub const HOME: Keys = Keys(&[&[
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
]]);

/// The commands for the card on screen, on either side.
const CARD_COMMANDS: &[Binding] = &[
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

pub const QUESTION: Keys = Keys(&[
    &[bind(
        &[KeyCode::Char(' '), KeyCode::Enter],
        "Space",
        "show answer",
        Action::Reveal,
        true,
    )],
    CARD_COMMANDS,
]);

pub const ANSWER: Keys = Keys(&[
    &[
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
    ],
    CARD_COMMANDS,
]);

const DONE_COMMANDS: &[Binding] = &[
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

/// The done screen when unseen cards are left to add.
pub const DONE_MORE_NEW: Keys = Keys(&[
    &[bind(
        &[KeyCode::Char('n')],
        "n",
        "10 more new cards",
        Action::MoreNew,
        true,
    )],
    DONE_COMMANDS,
]);

pub const DONE: Keys = Keys(&[DONE_COMMANDS]);

/// While the help screen is open, any of these close it.
pub const HELP: Keys = Keys(&[&[bind(
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
)]]);

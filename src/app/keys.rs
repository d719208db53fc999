//! One key table per screen. Each drives both key handling and the footer and help text, so
//! they cannot drift apart.

use crossterm::event::KeyCode;

use super::Action;
use super::practice::{PracticeMode, Setting};
use crate::scheduler::Rating;
use crate::store::Question;

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

pub const HOME: Keys = Keys(&[HOME_KEYS]);

/// Home with a backlog far above a normal day: `b` offers to spread it.
pub const HOME_BACKLOG: Keys = Keys(&[
    &[bind(
        &[KeyCode::Char('b')],
        "b",
        "spread the backlog",
        Action::Backlog,
        true,
    )],
    HOME_KEYS,
]);

/// Home while a backlog plan runs: `B` takes it back.
pub const HOME_CATCHING_UP: Keys = Keys(&[
    HOME_KEYS,
    &[bind(
        &[KeyCode::Char('B')],
        "B",
        "undo the backlog plan",
        Action::UndoBacklog,
        false,
    )],
]);

/// While an exam date is typed.
pub const EXAM_INPUT: Keys = Keys(&[&[
    bind(&[KeyCode::Enter], "Enter", "set", Action::Submit, true),
    bind(&[KeyCode::Esc], "Esc", "cancel", Action::LeaveField, true),
]]);

/// The backlog plan's preview.
pub const BACKLOG_PLAN: Keys = Keys(&[&[
    bind(&[KeyCode::Enter], "Enter", "apply", Action::Open, true),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "←",
        "fewer days",
        Action::Left,
        true,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→",
        "more days",
        Action::Right,
        true,
    ),
    bind(
        &[KeyCode::Esc, KeyCode::Char('q')],
        "Esc",
        "cancel",
        Action::Back,
        true,
    ),
]]);

const HOME_KEYS: &[Binding] = &[
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
        &[KeyCode::Char('m')],
        "m",
        "study modes",
        Action::Picker,
        true,
    ),
    bind(&[KeyCode::Char('/')], "/", "filter", Action::Filter, true),
    bind(
        &[KeyCode::Char('x')],
        "x",
        "exam date",
        Action::SetExam,
        false,
    ),
    bind(
        &[KeyCode::Char('R')],
        "R",
        "reload decks",
        Action::Reload,
        false,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        "statistics",
        Action::Statistics,
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
    bind(&[KeyCode::Char('*')], "*", "star", Action::Star, false),
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

/// Practice modes offered when the day's review is done.
const PRACTICE_OFFER: &[Binding] = &[
    bind(
        &[KeyCode::Char('f')],
        "f",
        "flashcards",
        Action::PickMode(Some(PracticeMode::Flashcards)),
        true,
    ),
    bind(
        &[KeyCode::Char('l')],
        "l",
        "learn",
        Action::PickMode(Some(PracticeMode::Learn)),
        true,
    ),
    bind(
        &[KeyCode::Char('m')],
        "m",
        "match",
        Action::PickMode(Some(PracticeMode::Match)),
        true,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        "test",
        Action::PickMode(Some(PracticeMode::Test)),
        true,
    ),
];

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

/// Studying on when nothing is due: early reviews, or cramming.
const STUDY_ON: &[Binding] = &[
    bind(
        &[KeyCode::Char('a')],
        "a",
        "review ahead",
        Action::ReviewAhead,
        true,
    ),
    bind(&[KeyCode::Char('c')], "c", "cram", Action::Cram, true),
    bind(
        &[KeyCode::Char('C')],
        "C",
        "cram starred",
        Action::CramStarred,
        false,
    ),
    bind(
        &[KeyCode::Char('#')],
        "#",
        "cram a tag",
        Action::CramTag,
        false,
    ),
];

/// While the tag to cram is typed, on the done screen.
pub const TAG_INPUT: Keys = Keys(&[&[
    bind(&[KeyCode::Enter], "Enter", "cram", Action::Submit, true),
    bind(&[KeyCode::Esc], "Esc", "cancel", Action::LeaveField, true),
]]);

/// The done screen when unseen cards are left to add.
pub const DONE_MORE_NEW: Keys = Keys(&[
    PRACTICE_OFFER,
    &[bind(
        &[KeyCode::Char('n')],
        "n",
        "10 more new cards",
        Action::MoreNew,
        true,
    )],
    STUDY_ON,
    DONE_COMMANDS,
]);

pub const DONE: Keys = Keys(&[PRACTICE_OFFER, STUDY_ON, DONE_COMMANDS]);

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

pub const STATS: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Tab, KeyCode::Right, KeyCode::Char('l')],
            "Tab",
            "next tab",
            Action::Right,
            true,
        ),
        bind(
            &[KeyCode::BackTab, KeyCode::Left, KeyCode::Char('h')],
            "Shift-Tab",
            "previous tab",
            Action::Left,
            true,
        ),
    ],
    HELP_BACK,
]);

/// The mode picker over the home screen.
pub const PICKER: Keys = Keys(&[&[
    bind(
        &[KeyCode::Char('r'), KeyCode::Enter],
        "r",
        "review",
        Action::PickMode(None),
        true,
    ),
    bind(
        &[KeyCode::Char('f')],
        "f",
        "flashcards",
        Action::PickMode(Some(PracticeMode::Flashcards)),
        true,
    ),
    bind(
        &[KeyCode::Char('l')],
        "l",
        "learn",
        Action::PickMode(Some(PracticeMode::Learn)),
        true,
    ),
    bind(
        &[KeyCode::Char('m')],
        "m",
        "match",
        Action::PickMode(Some(PracticeMode::Match)),
        true,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        "practice test",
        Action::PickMode(Some(PracticeMode::Test)),
        true,
    ),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q",
        "close",
        Action::Picker,
        true,
    ),
]]);

const STAR: &[Binding] = &[bind(&[KeyCode::Char('*')], "*", "star", Action::Star, true)];

/// Long card text scrolls.
const SCROLL: &[Binding] = &[
    bind(
        &[KeyCode::PageUp],
        "PgUp",
        "scroll up",
        Action::PageUp,
        false,
    ),
    bind(
        &[KeyCode::PageDown],
        "PgDn",
        "scroll down",
        Action::PageDown,
        false,
    ),
];

const HELP_BACK: &[Binding] = &[
    bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
    bind(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q",
        "back",
        Action::Back,
        true,
    ),
];

const START: &[Binding] = &[bind(
    &[KeyCode::Enter],
    "Enter",
    "start",
    Action::Start,
    true,
)];

const SIDES_AND_ORDER: &[Binding] = &[
    bind(
        &[KeyCode::Char('a')],
        "a",
        "answer with",
        Action::Setting(Setting::AnswerWith),
        false,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        "shuffle",
        Action::Setting(Setting::Shuffle),
        false,
    ),
];

const STARRED_ONLY: &[Binding] = &[bind(
    &[KeyCode::Char('*')],
    "*",
    "starred only",
    Action::Setting(Setting::StarredOnly),
    false,
)];

pub const OPTIONS_FLASHCARDS: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    &[bind(
        &[KeyCode::Char('c')],
        "c",
        "card sorting",
        Action::Setting(Setting::Sorting),
        false,
    )],
    HELP_BACK,
]);

pub const OPTIONS_LEARN: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    QUESTION_KINDS,
    HELP_BACK,
]);

pub const OPTIONS_MATCH: Keys = Keys(&[START, STARRED_ONLY, HELP_BACK]);

pub const OPTIONS_TEST: Keys = Keys(&[
    START,
    SIDES_AND_ORDER,
    STARRED_ONLY,
    QUESTION_KINDS,
    &[
        bind(
            &[KeyCode::Char('4')],
            "4",
            "matching",
            Action::Setting(Setting::Kind(Question::Matching)),
            false,
        ),
        bind(
            &[KeyCode::Char('+'), KeyCode::Char('=')],
            "+",
            "more questions",
            Action::Setting(Setting::MoreQuestions),
            false,
        ),
        bind(
            &[KeyCode::Char('-')],
            "-",
            "fewer questions",
            Action::Setting(Setting::FewerQuestions),
            false,
        ),
    ],
    HELP_BACK,
]);

const QUESTION_KINDS: &[Binding] = &[
    bind(
        &[KeyCode::Char('1')],
        "1",
        "written",
        Action::Setting(Setting::Kind(Question::Written)),
        false,
    ),
    bind(
        &[KeyCode::Char('2')],
        "2",
        "multiple choice",
        Action::Setting(Setting::Kind(Question::Choice)),
        false,
    ),
    bind(
        &[KeyCode::Char('3')],
        "3",
        "true/false",
        Action::Setting(Setting::Kind(Question::TrueFalse)),
        false,
    ),
];

const FLASHCARD_MOVES: &[Binding] = &[
    bind(&[KeyCode::Char(' ')], "Space", "flip", Action::Reveal, true),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→/l",
        "next",
        Action::Right,
        true,
    ),
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "←/h",
        "previous",
        Action::Left,
        true,
    ),
    bind(&[KeyCode::Char('x')], "x", "shuffle", Action::Shuffle, true),
    bind(
        &[KeyCode::Char('c')],
        "c",
        "card sorting",
        Action::ToggleSorting,
        false,
    ),
];

pub const FLASHCARDS: Keys = Keys(&[FLASHCARD_MOVES, SCROLL, STAR, HELP_BACK]);

pub const SORTING: Keys = Keys(&[
    &[
        bind(&[KeyCode::Char(' ')], "Space", "flip", Action::Reveal, true),
        bind(
            &[KeyCode::Up, KeyCode::Char('k')],
            "↑/k",
            "know it",
            Action::Up,
            true,
        ),
        bind(
            &[KeyCode::Down, KeyCode::Char('j')],
            "↓/j",
            "still learning",
            Action::Down,
            true,
        ),
        bind(
            &[KeyCode::Char('x')],
            "x",
            "shuffle",
            Action::Shuffle,
            false,
        ),
        bind(
            &[KeyCode::Char('c')],
            "c",
            "card sorting off",
            Action::ToggleSorting,
            false,
        ),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const SORTING_ROUND_OVER: Keys = Keys(&[
    &[bind(
        &[KeyCode::Enter, KeyCode::Char(' ')],
        "Enter",
        "study the still-learning pile",
        Action::Proceed,
        true,
    )],
    HELP_BACK,
]);

pub const SORTING_DONE: Keys = Keys(&[
    &[bind(
        &[KeyCode::Char('r')],
        "r",
        "start sorting over",
        Action::StartOver,
        true,
    )],
    HELP_BACK,
]);

pub const LEARN_CHOICE: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Char('1')],
            "1-4",
            "choose",
            Action::Choose(1),
            true,
        ),
        bind(
            &[KeyCode::Char('2')],
            "2",
            "choose 2",
            Action::Choose(2),
            false,
        ),
        bind(
            &[KeyCode::Char('3')],
            "3",
            "choose 3",
            Action::Choose(3),
            false,
        ),
        bind(
            &[KeyCode::Char('4')],
            "4",
            "choose 4",
            Action::Choose(4),
            false,
        ),
        bind(&[KeyCode::Tab], "Tab", "don't know", Action::DontKnow, true),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const LEARN_TRUE_FALSE: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Char('1'), KeyCode::Char('t')],
            "1/t",
            "true",
            Action::Choose(1),
            true,
        ),
        bind(
            &[KeyCode::Char('2'), KeyCode::Char('f')],
            "2/f",
            "false",
            Action::Choose(2),
            true,
        ),
        bind(&[KeyCode::Tab], "Tab", "don't know", Action::DontKnow, true),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

/// A written question whose answer field was left with Esc.
pub const LEARN_FIELD_LEFT: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Enter, KeyCode::Char('i')],
            "Enter",
            "type the answer",
            Action::EnterField,
            true,
        ),
        bind(&[KeyCode::Tab], "Tab", "don't know", Action::DontKnow, true),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const LEARN_FEEDBACK: Keys = Keys(&[
    &[bind(
        &[KeyCode::Enter, KeyCode::Char(' ')],
        "Enter",
        "continue",
        Action::Proceed,
        true,
    )],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const LEARN_FEEDBACK_OVERRIDE: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Enter, KeyCode::Char(' ')],
            "Enter",
            "continue",
            Action::Proceed,
            true,
        ),
        bind(
            &[KeyCode::Char('o')],
            "o",
            "I was right",
            Action::Override,
            true,
        ),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const LEARN_ROUND_OVER: Keys = Keys(&[
    &[bind(
        &[KeyCode::Enter, KeyCode::Char(' ')],
        "Enter",
        "next round",
        Action::Proceed,
        true,
    )],
    HELP_BACK,
]);

pub const LEARN_DONE: Keys = Keys(&[HELP_BACK]);

/// Typing an answer: these keys work; every other key types.
pub const TYPING_LEARN: Keys = Keys(&[&[
    bind(&[KeyCode::Enter], "Enter", "check", Action::Submit, true),
    bind(&[KeyCode::Tab], "Tab", "don't know", Action::DontKnow, true),
    bind(
        &[KeyCode::Esc],
        "Esc",
        "leave the field",
        Action::LeaveField,
        true,
    ),
]]);

pub const TYPING_TEST: Keys = Keys(&[&[
    bind(
        &[KeyCode::Enter, KeyCode::Tab],
        "Enter",
        "next",
        Action::Submit,
        true,
    ),
    bind(
        &[KeyCode::BackTab],
        "Shift-Tab",
        "previous",
        Action::Previous,
        true,
    ),
    bind(
        &[KeyCode::Esc],
        "Esc",
        "leave the field",
        Action::LeaveField,
        true,
    ),
]]);

pub const MATCH: Keys = Keys(&[
    &[
        bind(&[], "a-l", "pick a tile", Action::Choose(0), true),
        bind(
            &[KeyCode::Enter],
            "Enter",
            "pick the focused tile",
            Action::Submit,
            false,
        ),
        bind(&[KeyCode::Left], "←", "left", Action::Left, false),
        bind(&[KeyCode::Right], "→", "right", Action::Right, false),
        bind(&[KeyCode::Up], "↑", "up", Action::Up, false),
        bind(&[KeyCode::Down], "↓", "down", Action::Down, false),
        bind(&[KeyCode::Char('*')], "*", "star", Action::Star, false),
    ],
    &[
        bind(&[KeyCode::Char('?')], "?", "help", Action::Help, true),
        bind(&[KeyCode::Esc], "Esc", "back", Action::Back, true),
    ],
]);

pub const MATCH_DONE: Keys = Keys(&[
    &[bind(
        &[KeyCode::Enter, KeyCode::Char(' ')],
        "Enter",
        "play again",
        Action::Proceed,
        true,
    )],
    HELP_BACK,
]);

pub const TEST_QUESTION: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Char('1')],
            "1-4",
            "answer",
            Action::Choose(1),
            true,
        ),
        bind(
            &[KeyCode::Char('2')],
            "2",
            "answer 2",
            Action::Choose(2),
            false,
        ),
        bind(
            &[KeyCode::Char('3')],
            "3",
            "answer 3",
            Action::Choose(3),
            false,
        ),
        bind(
            &[KeyCode::Char('4')],
            "4",
            "answer 4",
            Action::Choose(4),
            false,
        ),
        bind(&[KeyCode::Char('t')], "t", "true", Action::Choose(1), false),
        bind(
            &[KeyCode::Char('f')],
            "f",
            "false",
            Action::Choose(2),
            false,
        ),
        bind(&[KeyCode::Up], "↑", "previous prompt", Action::Up, false),
        bind(&[KeyCode::Down], "↓", "next prompt", Action::Down, false),
        bind(
            &[KeyCode::Tab, KeyCode::Right, KeyCode::Enter],
            "Tab/→",
            "next",
            Action::Right,
            true,
        ),
        bind(
            &[KeyCode::BackTab, KeyCode::Left],
            "←",
            "previous",
            Action::Left,
            true,
        ),
        bind(
            &[KeyCode::Enter],
            "Enter",
            "type the answer",
            Action::EnterField,
            false,
        ),
    ],
    SCROLL,
    STAR,
    HELP_BACK,
]);

pub const TEST_SUBMIT: Keys = Keys(&[
    &[
        bind(&[KeyCode::Enter], "Enter", "submit", Action::Submit, true),
        bind(
            &[KeyCode::BackTab, KeyCode::Left],
            "←",
            "back to the questions",
            Action::Left,
            true,
        ),
    ],
    HELP_BACK,
]);

pub const TEST_REPORT: Keys = Keys(&[
    &[
        bind(
            &[KeyCode::Char('r')],
            "r",
            "retake the missed cards",
            Action::Retake,
            true,
        ),
        bind(
            &[KeyCode::Up, KeyCode::Char('k')],
            "↑/k",
            "scroll up",
            Action::Up,
            true,
        ),
        bind(
            &[KeyCode::Down, KeyCode::Char('j')],
            "↓/j",
            "scroll down",
            Action::Down,
            true,
        ),
    ],
    HELP_BACK,
]);

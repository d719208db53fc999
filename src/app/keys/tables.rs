//! Every screen state's key table, one line per binding: keys, label, hint, action, and
//! whether the footer shows it (help lists them all). Shared parts are named and reused. The
//! practice modes' tables are in [`practice`].

pub mod media;
pub mod practice;

use crossterm::event::KeyCode as K;

use super::On::{Ctrl, Keys as Code, Text};
use super::{Binding, FOOTER, HELP_ONLY, Keys, bind, bind_short};
use crate::app::Action as A;
use crate::app::line_input::FieldEdit as E;
use crate::app::practice::PracticeMode as M;
use crate::scheduler::Rating;
pub use media::*;
pub use practice::*;

/// Over every table, checked first: Ctrl-C always quits.
#[rustfmt::skip]
pub const GLOBAL: Keys = Keys(&[&[
    bind(Ctrl('c'), "Ctrl-C", "quit", A::Quit, HELP_ONLY),
]], None);

/// The log cannot be written: nothing else until the user says whether to study anyway.
#[rustfmt::skip]
pub const SAVING_ASK: Keys = Keys(&[&[
    bind(Code(&[K::Char('y')]), "y", "study without saving", A::StudyWithoutSaving, FOOTER),
    // Not Esc: Esc closes what is open, and never leaves the app (issue 16 §13).
    bind(Code(&[K::Char('q'), K::Char('n')]), "q", "quit", A::Quit, FOOTER),
]], None);

/// While the help screen is open: any of the first keys close it, the others scroll it.
#[rustfmt::skip]
pub const HELP: Keys = Keys(&[&[
    bind(Code(&[K::Char('?'), K::Char('q'), K::Esc, K::Enter]), "?/q", "close help", A::Help, FOOTER),
    bind(Code(&[K::Down, K::Char('j')]), "↓/j", "scroll down", A::Down, FOOTER),
    bind(Code(&[K::Up, K::Char('k')]), "↑/k", "scroll up", A::Up, FOOTER),
    bind(Code(&[K::PageDown]), "PgDn", "page down", A::PageDown, HELP_ONLY),
    bind(Code(&[K::PageUp]), "PgUp", "page up", A::PageUp, HELP_ONLY),
]], None);

/// Every text field: delete back to the start, or the word before the cursor (a shell's
/// Ctrl-U and Ctrl-W).
#[rustfmt::skip]
pub const LINE_DELETES: &[Binding] = &[
    bind(Ctrl('u'), "Ctrl-U", "delete to the start", A::EditField(E::DeleteToStart), HELP_ONLY),
    bind(Ctrl('w'), "Ctrl-W", "delete a word", A::EditField(E::DeleteWord), HELP_ONLY),
];

/// A field with a cursor (the typed answer): moving it, and deleting under it.
#[rustfmt::skip]
pub const CURSOR_KEYS: &[Binding] = &[
    bind(Code(&[K::Left]), "←", "cursor left", A::EditField(E::Left), HELP_ONLY),
    bind(Code(&[K::Right]), "→", "cursor right", A::EditField(E::Right), HELP_ONLY),
    bind(Code(&[K::Home]), "Home", "to the start", A::EditField(E::Home), HELP_ONLY),
    bind(Code(&[K::End]), "End", "to the end", A::EditField(E::End), HELP_ONLY),
    bind(Code(&[K::Delete]), "Del", "delete forward", A::EditField(E::Delete), HELP_ONLY),
];

// ---- Home ----

/// In the footer's order of priority: at 80 columns `r` gives way (Enter reviews too).
#[rustfmt::skip]
const HOME_KEYS: &[Binding] = &[
    bind(Code(&[K::Enter]), "Enter", "review", A::Open, FOOTER),
    bind(Code(&[K::Char('m')]), "m", "study modes", A::Picker, FOOTER),
    bind(Code(&[K::Char('/')]), "/", "filter", A::Filter, FOOTER),
    bind(Code(&[K::Char(' ')]), "Space", "fold or unfold a folder", A::ToggleFolder, HELP_ONLY),
    bind(Code(&[K::Right]), "→", "unfold a folder", A::Right, HELP_ONLY),
    bind(Code(&[K::Left]), "←", "fold a folder", A::Left, HELP_ONLY),
    bind(Code(&[K::Char('e')]), "e", "edit the deck file", A::Edit, HELP_ONLY),
    bind(Code(&[K::Char('x')]), "x", "exam date", A::SetExam, HELP_ONLY),
    bind(Code(&[K::Char('R')]), "R", "reload decks", A::Reload, HELP_ONLY),
    bind(Code(&[K::Char('s')]), "s", "stats", A::Statistics, FOOTER),
    bind(Code(&[K::Char('v')]), "v", "browse", A::Browse, FOOTER),
    bind(Code(&[K::Char('r')]), "r", "review all", A::ReviewAll, FOOTER),
    bind(Code(&[K::Char('V')]), "V", "browse suspended cards and leeches", A::BrowseTrouble, HELP_ONLY),
    bind(Code(&[K::Up, K::Char('k')]), "↑/k", "up", A::Up, FOOTER),
    bind(Code(&[K::Down, K::Char('j')]), "↓/j", "down", A::Down, FOOTER),
    bind(Code(&[K::PageUp]), "PgUp", "page up", A::PageUp, HELP_ONLY),
    bind(Code(&[K::PageDown]), "PgDn", "page down", A::PageDown, HELP_ONLY),
    bind(Code(&[K::Home, K::Char('g')]), "g", "first", A::First, HELP_ONLY),
    bind(Code(&[K::End, K::Char('G')]), "G", "last", A::Last, HELP_ONLY),
    bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
    // Only `q` quits: Esc, pressed to close a filter or a popup once too often, must not.
    bind(Code(&[K::Char('q')]), "q", "quit", A::Back, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "clear the filter", A::LeaveField, HELP_ONLY),
];

pub const HOME: Keys = Keys(&[HOME_KEYS], None);

/// Home with a backlog far above a normal day: `b` offers to spread it.
#[rustfmt::skip]
pub const HOME_BACKLOG: Keys = Keys(&[
    // The backlog's line in the details names the key; the footer keeps the everyday ones.
    &[bind(Code(&[K::Char('b')]), "b", "spread the backlog", A::Backlog, HELP_ONLY)],
    HOME_KEYS,
], None);

/// Home while a backlog plan runs: `B` takes it back.
#[rustfmt::skip]
pub const HOME_CATCHING_UP: Keys = Keys(&[
    HOME_KEYS,
    &[
        bind(Code(&[K::Char('B')]), "B", "undo the backlog plan", A::UndoBacklog, HELP_ONLY),
        // One plan at a time: `b` says so rather than nothing.
        bind(Code(&[K::Char('b')]), "b", "spread the backlog (one plan at a time)", A::Backlog, HELP_ONLY),
    ],
], None);

/// While the deck filter is typed: the list narrows as you type.
#[rustfmt::skip]
pub const FILTER_INPUT: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "done", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "clear", A::LeaveField, FOOTER),
    bind(Code(&[K::Up]), "↑", "up", A::Up, FOOTER),
    bind(Code(&[K::Down]), "↓", "down", A::Down, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type to filter", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

/// While an exam date is typed.
#[rustfmt::skip]
pub const EXAM_INPUT: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "set", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "0-9", "type the date", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

/// The backlog plan's preview.
#[rustfmt::skip]
pub const BACKLOG_PLAN: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "apply", A::Open, FOOTER),
    bind(Code(&[K::Left, K::Char('h')]), "←", "fewer days", A::Left, FOOTER),
    bind(Code(&[K::Right, K::Char('l')]), "→", "more days", A::Right, FOOTER),
    bind(Code(&[K::Esc, K::Char('q')]), "Esc", "cancel", A::Back, FOOTER),
]], None);

/// The mode picker over the home screen.
#[rustfmt::skip]
pub const PICKER: Keys = Keys(&[&[
    bind(Code(&[K::Char('r'), K::Enter]), "r", "review", A::PickMode(None), FOOTER),
    bind(Code(&[K::Char('f')]), "f", "flashcards", A::PickMode(Some(M::Flashcards)), FOOTER),
    bind(Code(&[K::Char('l')]), "l", "learn", A::PickMode(Some(M::Learn)), FOOTER),
    bind(Code(&[K::Char('m')]), "m", "match", A::PickMode(Some(M::Match)), FOOTER),
    bind(Code(&[K::Char('t')]), "t", "practice test", A::PickMode(Some(M::Test)), FOOTER),
    bind(Code(&[K::Char('c')]), "c", "cram (schedule unchanged)", A::Cram, FOOTER),
    bind(Code(&[K::Char('q'), K::Esc]), "q", "close", A::Picker, FOOTER),
]], None);

/// A deck file's problems over the home screen.
#[rustfmt::skip]
pub const PROBLEMS: Keys = Keys(&[&[
    bind(Code(&[K::Char('e')]), "e", "edit at the first problem", A::Edit, FOOTER),
    bind(Code(&[K::Char('q'), K::Esc, K::Enter]), "q", "close", A::Back, FOOTER),
]], None);

// ---- Review ----

/// The commands for the card on screen, on either side.
#[rustfmt::skip]
const CARD_COMMANDS: &[Binding] = &[
    bind(Code(&[K::Char('u')]), "u", "undo", A::Undo, FOOTER),
    bind(Code(&[K::Char('b')]), "b", "bury", A::Bury, FOOTER),
    bind(Code(&[K::Char('s')]), "s", "suspend", A::Suspend, FOOTER),
    bind(Code(&[K::Char('e')]), "e", "edit", A::Edit, FOOTER),
    bind(Code(&[K::Char('v')]), "v", "browse", A::Browse, FOOTER),
    bind(Code(&[K::Up, K::Char('k')]), "↑/k", "scroll up", A::Up, HELP_ONLY),
    bind(Code(&[K::Down, K::Char('j')]), "↓/j", "scroll down", A::Down, HELP_ONLY),
    bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
    bind(Code(&[K::Char('q'), K::Esc]), "q", "back", A::Back, FOOTER),
    bind(Code(&[K::Char('*')]), "*", "star", A::Star, FOOTER),
];

/// Turns typed answers on or off for the rest of the session. Last: at 80 columns the card
/// commands keep the footer, and the line under the card names it.
#[rustfmt::skip]
const TYPING_TOGGLE: &[Binding] = &[
    bind(Code(&[K::Char('t')]), "t", "type answers on/off", A::ToggleTyping, FOOTER),
];

/// While the card on screen's hint is hidden (a card without one has no such key).
#[rustfmt::skip]
const HINT: &[Binding] = &[bind(Code(&[K::Char('h')]), "h", "hint", A::ShowHint, FOOTER)];

#[rustfmt::skip]
const SHOW_ANSWER: &[Binding] = &[
    bind(Code(&[K::Char(' '), K::Enter]), "Space", "show answer", A::Reveal, HELP_ONLY),
];

pub const QUESTION: Keys = Keys(&[SHOW_ANSWER, CARD_COMMANDS, TYPING_TOGGLE], None);
pub const QUESTION_HINT: Keys = Keys(&[SHOW_ANSWER, HINT, CARD_COMMANDS, TYPING_TOGGLE], None);

/// A typed answer's field, left with Esc: Enter goes back into it, Space shows the answer.
#[rustfmt::skip]
const FIELD_LEFT: &[Binding] = &[
    bind(Code(&[K::Enter, K::Char('i')]), "Enter", "type the answer", A::EnterField, FOOTER),
    bind(Code(&[K::Char(' ')]), "Space", "show answer", A::Reveal, FOOTER),
];

pub const QUESTION_FIELD_LEFT: Keys = Keys(&[FIELD_LEFT, CARD_COMMANDS, TYPING_TOGGLE], None);
#[rustfmt::skip]
pub const QUESTION_FIELD_LEFT_HINT: Keys = Keys(&[FIELD_LEFT, HINT, CARD_COMMANDS, TYPING_TOGGLE], None);

/// Typing the answer in review: these keys work; every other character types.
#[rustfmt::skip]
const TYPING_ANSWER: &[Binding] = &[
    bind(Code(&[K::Enter]), "Enter", "show answer", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "leave the field", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type the answer", A::Type(' '), HELP_ONLY),
];

pub const TYPING_REVIEW: Keys = Keys(&[TYPING_ANSWER, CURSOR_KEYS, LINE_DELETES], None);
/// The same while the card's hint is hidden: Tab shows it (`h` types an h).
#[rustfmt::skip]
pub const TYPING_REVIEW_HINT: Keys = Keys(&[
    TYPING_ANSWER,
    &[bind(Code(&[K::Tab]), "Tab", "hint", A::ShowHint, FOOTER)],
    CURSOR_KEYS,
    LINE_DELETES,
], None);

#[rustfmt::skip]
const GRADES: &[Binding] = &[
    bind(Code(&[K::Char('1')]), "1", "Again", A::Grade(Rating::Again), HELP_ONLY),
    bind(Code(&[K::Char('2')]), "2", "Hard", A::Grade(Rating::Hard), HELP_ONLY),
    bind(Code(&[K::Char('3'), K::Char(' '), K::Enter]), "3/Space", "Good", A::Grade(Rating::Good), HELP_ONLY),
    bind(Code(&[K::Char('4')]), "4", "Easy", A::Grade(Rating::Easy), HELP_ONLY),
];

pub const ANSWER: Keys = Keys(&[GRADES, CARD_COMMANDS], None);

/// Practice modes offered when the day's review is done: `m` is the mode picker, as on the
/// home screen; the others go straight to a mode.
#[rustfmt::skip]
const PRACTICE_OFFER: &[Binding] = &[
    bind_short(Code(&[K::Char('m')]), "m", ("study modes", "modes"), A::Picker, FOOTER),
    bind(Code(&[K::Char('f')]), "f", "flashcards", A::PickMode(Some(M::Flashcards)), HELP_ONLY),
    bind(Code(&[K::Char('l')]), "l", "learn", A::PickMode(Some(M::Learn)), HELP_ONLY),
    bind(Code(&[K::Char('t')]), "t", "test", A::PickMode(Some(M::Test)), HELP_ONLY),
];

/// Studying on when nothing is due: early reviews, or cramming.
#[rustfmt::skip]
const STUDY_ON: &[Binding] = &[
    bind_short(Code(&[K::Char('a')]), "a", ("review ahead", "ahead"), A::ReviewAhead, FOOTER),
    bind(Code(&[K::Char('c')]), "c", "cram", A::Cram, FOOTER),
    bind(Code(&[K::Char('C')]), "C", "cram starred", A::CramStarred, HELP_ONLY),
    bind(Code(&[K::Char('#')]), "#", "cram a tag", A::CramTag, HELP_ONLY),
];

/// First on the done screen: right after the last answer, undo is the only way to mend it.
#[rustfmt::skip]
const UNDO_LAST: &[Binding] = &[bind(Code(&[K::Char('u')]), "u", "undo", A::Undo, FOOTER)];

#[rustfmt::skip]
const DONE_COMMANDS: &[Binding] = &[
    bind(Code(&[K::Char('v')]), "v", "browse", A::Browse, FOOTER),
    bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
    bind(Code(&[K::Char('q'), K::Esc, K::Enter]), "q", "back", A::Back, FOOTER),
];

/// The done screen when unseen cards are left to add.
#[rustfmt::skip]
pub const DONE_MORE_NEW: Keys = Keys(&[
    UNDO_LAST,
    PRACTICE_OFFER,
    &[bind(Code(&[K::Char('n')]), "n", "10 more new", A::MoreNew, FOOTER)],
    STUDY_ON,
    DONE_COMMANDS,
], None);

pub const DONE: Keys = Keys(&[UNDO_LAST, PRACTICE_OFFER, STUDY_ON, DONE_COMMANDS], None);

/// While the tag to cram is typed, on the done screen.
#[rustfmt::skip]
pub const TAG_INPUT: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "cram", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type the tag", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

// ---- Statistics ----

#[rustfmt::skip]
pub(super) const HELP_BACK: &[Binding] = &[
    bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
    bind(Code(&[K::Char('q'), K::Esc]), "q", "back", A::Back, FOOTER),
];

/// The statistics' tabs and scrolling, on every tab.
#[rustfmt::skip]
const STATS_KEYS: &[Binding] = &[
    bind_short(Code(&[K::Tab, K::Right, K::Char('l')]), "Tab", ("next tab", "next"), A::Right, FOOTER),
    bind_short(Code(&[K::BackTab, K::Left, K::Char('h')]), "Shift-Tab", ("previous tab", "prev"), A::Left, FOOTER),
    bind_short(Code(&[K::Down, K::Char('j')]), "↓/j", ("scroll down, or the next trouble card", "scroll"), A::Down, FOOTER),
    bind(Code(&[K::Up, K::Char('k')]), "↑/k", "scroll up, or the previous trouble card", A::Up, HELP_ONLY),
    bind_short(Code(&[K::PageDown]), "PgDn", ("next chart", "chart"), A::PageDown, FOOTER),
    bind(Code(&[K::PageUp]), "PgUp", "previous chart", A::PageUp, HELP_ONLY),
    bind(Code(&[K::Enter]), "Enter", "open the trouble card in the browser", A::Open, HELP_ONLY),
    bind_short(Code(&[K::Char('/')]), "/", ("narrow to a search", "search"), A::Filter, FOOTER),
];

#[rustfmt::skip]
pub const STATS: Keys = Keys(&[STATS_KEYS, HELP_BACK], None);

/// A statistics tab with a chart of days: `r` steps through its ranges.
#[rustfmt::skip]
pub const STATS_RANGE: Keys = Keys(&[
    &[bind(Code(&[K::Char('r')]), "r", "range", A::NextRange, FOOTER)],
    STATS_KEYS,
    HELP_BACK,
], None);

/// The statistics' calendar: `y` steps through the years.
#[rustfmt::skip]
pub const STATS_YEAR: Keys = Keys(&[
    &[bind(Code(&[K::Char('y')]), "y", "year", A::NextYear, FOOTER)],
    STATS_KEYS,
    HELP_BACK,
], None);

/// While the statistics' search is typed.
#[rustfmt::skip]
pub const STATS_SEARCH: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "narrow", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type a search: deck:lang tag:verbs", A::Type(' '), HELP_ONLY),
]], None);

// ---- Browser ----

/// The browser's actions on the chosen cards, in the table and over the details.
#[rustfmt::skip]
const CARD_ACTIONS: &[Binding] = &[
    bind(Code(&[K::Char('s')]), "s", "suspend", A::Suspend, FOOTER),
    bind(Code(&[K::Char('b')]), "b", "bury", A::Bury, HELP_ONLY),
    bind(Code(&[K::Char('f')]), "f", "forget", A::Forget, HELP_ONLY),
    bind(Code(&[K::Char('d')]), "d", "set due date", A::SetDue, HELP_ONLY),
    bind(Code(&[K::Char('*')]), "*", "star", A::Star, HELP_ONLY),
    bind(Code(&[K::Char('e')]), "e", "edit", A::Edit, HELP_ONLY),
    bind(Code(&[K::Char('r')]), "r", "relink an orphan", A::Relink, HELP_ONLY),
    bind(Code(&[K::Char('u')]), "u", "undo", A::Undo, FOOTER),
];

/// The card browser's table.
#[rustfmt::skip]
pub const BROWSER: Keys = Keys(&[
    &[
        bind(Code(&[K::Char('/')]), "/", "search", A::Filter, FOOTER),
        bind(Code(&[K::Enter]), "Enter", "details", A::Open, FOOTER),
        bind(Code(&[K::Char(' ')]), "Space", "mark", A::Mark, FOOTER),
        bind(Code(&[K::Char('M')]), "M", "mark all found", A::MarkAll, HELP_ONLY),
    ],
    CARD_ACTIONS,
    &[
        bind(Code(&[K::Char('a')]), "a", "add a card", A::AddCard, HELP_ONLY),
        bind(Code(&[K::Char('I')]), "I", "copy the built-in deck to a file", A::CopyBuiltIn, HELP_ONLY),
        bind(Code(&[K::Char('o')]), "o", "sort by next column", A::SortNext, HELP_ONLY),
        bind(Code(&[K::Char('O')]), "O", "reverse the order", A::SortReverse, HELP_ONLY),
        bind(Code(&[K::Up, K::Char('k')]), "↑/k", "up", A::Up, HELP_ONLY),
        bind(Code(&[K::Down, K::Char('j')]), "↓/j", "down", A::Down, HELP_ONLY),
        bind(Code(&[K::PageUp]), "PgUp", "page up", A::PageUp, HELP_ONLY),
        bind(Code(&[K::PageDown]), "PgDn", "page down", A::PageDown, HELP_ONLY),
        bind(Code(&[K::Home, K::Char('g')]), "g", "first", A::First, HELP_ONLY),
        bind(Code(&[K::End, K::Char('G')]), "G", "last", A::Last, HELP_ONLY),
        bind(Code(&[K::Char('?')]), "?", "help", A::Help, FOOTER),
        bind(Code(&[K::Char('q'), K::Esc]), "q", "back", A::Back, FOOTER),
    ],
], None);

/// While the search is typed: the table follows each key.
#[rustfmt::skip]
pub const BROWSER_SEARCH: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "done", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "clear", A::LeaveField, FOOTER),
    bind(Code(&[K::Up]), "↑", "up", A::Up, FOOTER),
    bind(Code(&[K::Down]), "↓", "down", A::Down, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type to search", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

/// The selected card's details over the table: the actions still work.
#[rustfmt::skip]
pub const BROWSER_DETAILS: Keys = Keys(&[
    &[
        bind(Code(&[K::Up, K::Char('k')]), "↑/k", "previous card", A::Up, FOOTER),
        bind(Code(&[K::Down, K::Char('j')]), "↓/j", "next card", A::Down, FOOTER),
        bind(Code(&[K::PageUp]), "PgUp", "scroll up", A::PageUp, HELP_ONLY),
        bind(Code(&[K::PageDown]), "PgDn", "scroll down", A::PageDown, HELP_ONLY),
    ],
    CARD_ACTIONS,
    &[
        bind(Code(&[K::Char('?')]), "?", "help", A::Help, HELP_ONLY),
        bind(Code(&[K::Char('q'), K::Esc, K::Enter]), "q", "close", A::Back, FOOTER),
    ],
], None);

/// Forgetting several cards, asked first.
#[rustfmt::skip]
pub const CONFIRM_FORGET: Keys = Keys(&[&[
    bind(Code(&[K::Char('f'), K::Char('y')]), "f/y", "forget them", A::Forget, FOOTER),
    bind(Code(&[K::Esc, K::Char('n'), K::Char('q')]), "Esc", "cancel", A::Back, FOOTER),
]], None);

/// The new card's form.
#[rustfmt::skip]
pub const ADD_FORM: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "next/add", A::Submit, FOOTER),
    bind(Code(&[K::Tab, K::Down]), "Tab", "next field", A::Down, FOOTER),
    bind(Ctrl('e'), "Ctrl-E", "$EDITOR", A::Edit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Ctrl('s'), "Ctrl-S", "add", A::Start, FOOTER),
    bind(Code(&[K::BackTab, K::Up]), "Shift-Tab", "previous field", A::Up, HELP_ONLY),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "a-z", "type", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

/// While a due date is typed.
#[rustfmt::skip]
pub const SET_DUE_INPUT: Keys = Keys(&[&[
    bind(Code(&[K::Enter]), "Enter", "set", A::Submit, FOOTER),
    bind(Code(&[K::Esc]), "Esc", "cancel", A::LeaveField, FOOTER),
    bind(Code(&[K::Backspace]), "Backspace", "delete", A::Backspace, HELP_ONLY),
    bind(Text, "0-9", "days: 0, 3, 1-7, 5!", A::Type(' '), HELP_ONLY),
], LINE_DELETES], None);

/// Every table, named, for the tests that walk them.
pub const ALL: &[(&str, Keys)] = &[
    ("GLOBAL", GLOBAL),
    ("SAVING_ASK", SAVING_ASK),
    ("HELP", HELP),
    ("HOME", HOME),
    ("HOME_BACKLOG", HOME_BACKLOG),
    ("HOME_CATCHING_UP", HOME_CATCHING_UP),
    ("FILTER_INPUT", FILTER_INPUT),
    ("EXAM_INPUT", EXAM_INPUT),
    ("BACKLOG_PLAN", BACKLOG_PLAN),
    ("PICKER", PICKER),
    ("PROBLEMS", PROBLEMS),
    ("QUESTION", QUESTION),
    ("QUESTION_HINT", QUESTION_HINT),
    ("QUESTION_FIELD_LEFT", QUESTION_FIELD_LEFT),
    ("QUESTION_FIELD_LEFT_HINT", QUESTION_FIELD_LEFT_HINT),
    ("TYPING_REVIEW", TYPING_REVIEW),
    ("TYPING_REVIEW_HINT", TYPING_REVIEW_HINT),
    ("ANSWER", ANSWER),
    ("DONE_MORE_NEW", DONE_MORE_NEW),
    ("DONE", DONE),
    ("TAG_INPUT", TAG_INPUT),
    ("STATS", STATS),
    ("STATS_RANGE", STATS_RANGE),
    ("STATS_YEAR", STATS_YEAR),
    ("STATS_SEARCH", STATS_SEARCH),
    ("BROWSER", BROWSER),
    ("BROWSER_SEARCH", BROWSER_SEARCH),
    ("BROWSER_DETAILS", BROWSER_DETAILS),
    ("SET_DUE_INPUT", SET_DUE_INPUT),
    ("ADD_FORM", ADD_FORM),
    ("CONFIRM_FORGET", CONFIRM_FORGET),
    ("OPTIONS_FLASHCARDS", OPTIONS_FLASHCARDS),
    ("OPTIONS_LEARN", OPTIONS_LEARN),
    ("OPTIONS_MATCH", OPTIONS_MATCH),
    ("OPTIONS_TEST", OPTIONS_TEST),
    ("OPTIONS_TEST_RESUME", OPTIONS_TEST_RESUME),
    ("COUNT_INPUT", COUNT_INPUT),
    ("FLASHCARDS", FLASHCARDS),
    ("SORTING", SORTING),
    ("SORTING_ROUND_OVER", SORTING_ROUND_OVER),
    ("SORTING_ALL_SORTED", SORTING_ALL_SORTED),
    ("SORTING_DONE", SORTING_DONE),
    ("LEARN_CHOICE", LEARN_CHOICE),
    ("LEARN_TRUE_FALSE", LEARN_TRUE_FALSE),
    ("LEARN_FIELD_LEFT", LEARN_FIELD_LEFT),
    ("LEARN_FEEDBACK", LEARN_FEEDBACK),
    ("LEARN_FEEDBACK_OVERRIDE", LEARN_FEEDBACK_OVERRIDE),
    ("LEARN_ROUND_OVER", LEARN_ROUND_OVER),
    ("LEARN_DONE", LEARN_DONE),
    ("TYPING_LEARN", TYPING_LEARN),
    ("MATCH", MATCH),
    ("MATCH_DONE", MATCH_DONE),
    ("TEST_CHOICE", TEST_CHOICE),
    ("TEST_TRUE_FALSE", TEST_TRUE_FALSE),
    ("TEST_MATCHING", TEST_MATCHING),
    ("TEST_FIELD_LEFT", TEST_FIELD_LEFT),
    ("TYPING_TEST", TYPING_TEST),
    ("TEST_LEAVE", TEST_LEAVE),
    ("TEST_SUBMIT", TEST_SUBMIT),
    ("TEST_REPORT", TEST_REPORT),
];

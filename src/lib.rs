//! flashdeck: a terminal flashcard trainer with spaced repetition and plain-text decks.
//!
//! A pure core and a thin shell. The core is plain Rust with no terminal in it: time ("now")
//! and seeds come in as arguments, and it never does I/O except where its API says so (the
//! loaders, the store, [`study::Study::wait_for_history`]). The shell is the TUI: [`app`]
//! (state and update), [`ui`] (drawing) and [`runtime`] (the loop and every effect).
//!
//! ## The core
//!
//! | module | owns |
//! |---|---|
//! | [`deck`] | decks, cards and their ids; TOML validation with `file:line:col` errors; the deck cache; appending a card to a deck file |
//! | [`import`] | turning Quizlet, Knowt, CSV and Anki exports into deck files; Anki packages (`import::apkg`) into decks, presets, media and history |
//! | [`anki_notes`] | decks written as Anki's "Notes in Plain Text", one note per entry |
//! | [`scheduler`] | FSRS-6 through the `fsrs` crate inside Anki's card state machine: learning steps, fuzz, the calendar, "mature" |
//! | [`practice`] | the practice vocabulary: modes, question kinds and Learn's levels, as the log spells them |
//! | [`store`] | the append-only review log: the line format, locked appends, reading; the history index, the replay and the snapshot |
//! | [`study`] | decks and history together: card states, daily limits, today's queue, exam plans, backlog plans |
//! | [`session`] | the modes' pure state machines (review, flashcards, learn, match, test), question generation and answer grading |
//! | [`search`] | the search query language (a subset of Anki's): parsing, with each error's position, and matching every card's facts |
//! | [`stats`] | the statistics: today, true retention, card counts, heatmap, forecast, mastery |
//! | [`motivation`] | streak and XP, replayed from the log |
//! | [`workload`] | what a desired retention costs: the FSRS simulator on today's cards |
//! | [`optimize`] | fitting the FSRS parameters to a history; reading FSRS-tools revlogs |
//! | [`english`] | counted nouns and amounts for messages ("1 card", "2 cards", "about 20 cards") |
//! | [`synthetic`] | generated collections for benchmarks and tests |
//!
//! ## Files, settings and the command line
//!
//! | module | owns |
//! |---|---|
//! | [`paths`] | where decks, data and config live (flag > environment > default) |
//! | [`config`] | `config.toml`: one table of settings and named presets of the scheduling ones, every value checked, defaults when one is bad |
//! | [`atomic_write`] | writing a file so that a crash leaves the old or the new one, never half |
//! | [`digest`] | the check the caches carry after their content |
//! | [`library`] | opening decks and log into a [`study::Study`], saving the snapshot, resolving DECK arguments (the TUI and the commands) |
//! | [`cli`] | the command line |
//! | [`commands`] | the non-interactive subcommands: parse, call the library and the core, print |
//!
//! ## The TUI
//!
//! | module | owns |
//! |---|---|
//! | [`app`] | `App` and one state struct per screen, `Action` in, `Effect` out; [`app::keys`], one key table per screen state |
//! | [`ui`] | drawing, one file per screen, from `&App` and a theme; it reports where clicks land |
//! | [`runtime`] | the run loop: terminal, clock, effects, clicks; [`runtime::start`] opens the TUI |
//!
//! ## Where things live
//!
//! - The Hard interval on the first learning step: `scheduler::steps::Steps::hard`
//!   (`src/scheduler/steps.rs`), Anki's rule from `rslib/src/scheduler/states/steps.rs`.
//! - Where the review fuzz is kept from shortening an interval: `scheduler::fuzz::Passing`
//!   and `fuzz::passing_minimum` (`src/scheduler/fuzz.rs`), Anki's
//!   `minimum_review_fuzz_interval`; where a step of a day or more becomes whole days:
//!   `Answer::wait` (`src/scheduler.rs`), Anki's `IntervalKind::maybe_as_days`.
//! - Where "10 more new cards" is kept for the rest of the day: `extend_limits` events
//!   (`Study::extend_new_today` writes them, `History::extensions` reads them back) and
//!   `Study::limits_left` (`src/study/limits.rs`).
//! - Where the match clock ticks: [`app::clock`] (`App::wake_at` and `MATCH_TICK`); the runtime
//!   sleeps until then and sends `Action::Tick`.
//! - How the history holds each card's events: packed, about 16 bytes an event, unpacked
//!   one card at a time (`Packed`, `src/store/history/entry/per_card.rs`, the snapshot's
//!   form too); unpacked, an `Entry` of 32 bytes (`src/store/history/entry.rs`).
//! - Where a relinked history joins its new card: `History::entries_for` and
//!   `History::resolve_relinks` (`src/store/history/relinks.rs`); every fold, answer list and
//!   card history reads a card's events through the first.
//! - Where a torn log line is skipped: `store::read_file` (`src/store.rs`); it is reported and
//!   read again next time.
//! - Where the exam plan changes the queue: `study::exam::Overlay` (`src/study/exam.rs`), applied
//!   through `Study::state` and `Queue::build_with_extra_new` (`src/study/queue.rs`).
//! - Where easy days and load balancing pick a fuzzed interval's day: `scheduler::balance`
//!   (`src/scheduler/balance.rs`), Anki's rules from `rslib/src/scheduler/states/load_balancer.rs`;
//!   the counts of cards due ahead and each grade's outcome: `Study::due_load` and
//!   `Study::next_states` (`src/study/load.rs`); the day an answer records, which replay keeps:
//!   `ReviewSession::answer` and `History::fold` (`src/store/replay.rs`).
//! - Where siblings (a card and its reverse) are buried: `study::siblings` (`src/study/siblings.rs`),
//!   derived from today's answers, and while gathering today's queue (`src/study/queue/gather.rs`),
//!   Anki's rules from `rslib/src/scheduler/bury_and_suspend.rs` and `queue/builder/`.
//! - Where a cloze text becomes its cards (`<key>~c1`, …) and how each is shown gapped,
//!   answered and highlighted: [`deck::cloze`] (`src/deck/cloze.rs`), read from a deck file by
//!   `src/deck/parse/cloze_entry.rs`; a card's entry (its siblings) is `deck::key::entry_key`.
//! - Where a deck's settings preset is chosen (its file's `preset`, else a preset's `decks`
//!   glob, else the global section): `study::presets::Presets::resolve`
//!   (`src/study/presets.rs`); every card is folded, answered and previewed by its deck's
//!   scheduler (`Study::scheduler_for_card`, `scheduler::Schedulers`), and the snapshot keeps
//!   which scheduler folded each card (`store::snapshot::file::moved_cards`).
//! - Where a typed answer is graded: `session::grade` (`src/session/grade.rs`), which accents may
//!   be forgotten: `grade::normalise` (`src/session/grade/normalise.rs`); where the practice
//!   modes' options and a test in progress are kept: `app::practice::PracticeMemory`
//!   (`src/app/practice/memory.rs`), written by `runtime::memory` to `practice.json`.
//! - Where a typed answer in review is compared with the answer, character by character as
//!   Anki's `rslib/src/typeanswer.rs` marks it: `session::compare` (`src/session/compare.rs`);
//!   the grade its verdict suggests: `session::review::typed`; the field, the `t` toggle and the
//!   hint kept hidden until `h`: `app::review::typing` (`src/app/review/typing.rs`); the text
//!   field with a cursor, Ctrl-U and Ctrl-W: `app::line_input`.
//! - Where the home screen's key hints come from: `app::keys::HOME` and its variants
//!   (`src/app/keys/tables.rs`), chosen by `HomeScreen::keys` (`src/app/home.rs`); every key
//!   a screen names in prose is `Keys::label_for` of its table.
//! - Where the deck list's rows are made and folders fold: `app::home::rows`
//!   (`src/app/home/rows.rs`); the mode picker shared by home and the done screen:
//!   `App::pick` (`src/app/picker.rs`); a deck file's problems and its valid cards:
//!   `deck::BrokenDeck::valid_cards`, counted by `deck::parse::parse_deck_counted`.
//! - Where every screen's layout at any size is decided: the one too-small rule in `ui::render`
//!   (`ui::MIN_WIDTH`, `ui::MIN_HEIGHT`); which footer hints give way (`?` and `q` last):
//!   `ui::footer`; headers that cut rather than run together: `ui::chrome::header`; notices
//!   in rows of their own, as many as they wrap to: `ui::chrome::notice_rows` and
//!   `ui::chrome::notice`; the readable column Review, Learn, the test and the options share:
//!   `ui::chrome::column`. A notice about a card's media goes with the card:
//!   `App::card_notice` (`src/app/media.rs`).
//! - Where the statistics screen's tabs choose their charts: `ui::stats::panel::of_tab`
//!   (`src/ui/stats/panel.rs`); how the charts sit side by side or scroll one at a time:
//!   `ui::stats::grid::Grid`; the ranges and year they show, which only slice the figures
//!   computed on opening: `app::statistics::View` (`src/app/statistics/view.rs`).
//! - Where card text becomes styled lines (Markdown, code, math, tabs, a cloze card's marks):
//!   `ui::card` (`src/ui/card.rs`), the one renderer every screen draws card text with; why
//!   a flag leaves no half behind: `runtime::clusters::WholeClusters`, the TUI's backend.
//! - Where a card side's pictures, sounds and speech are decided (which side shows, its files
//!   kept inside the decks folder, autoplay and the replay and open keys): [`app::media`]
//!   (`src/app/media.rs`), as `Effect::Play`, `Effect::StopAudio` and `Effect::OpenImage`;
//!   where they are played, drawn and opened: `runtime::media` (the player processes in
//!   `runtime/media/audio.rs`, pictures decoded on a worker in `runtime/media/pictures.rs`,
//!   the terminal asked what it draws in `runtime/media/detect.rs`); where the picture goes on
//!   screen: `ui::picture`.
//! - Where the statistics are taken of a search's cards: `stats::selection::Selection`
//!   (`src/stats/selection.rs`), from `flashdeck stats QUERY` (`src/commands/stats.rs`) and
//!   the screen's `/` (`src/app/statistics/narrow.rs`); where a wrong practice pick is kept
//!   (`chosen` on the log line): `History::confusions` (`src/store/history/chosen.rs`), read
//!   by the trouble lists (`src/stats/trouble.rs`).

pub mod anki_notes;
pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod commands;
pub mod config;
pub mod deck;
pub mod digest;
pub mod english;
pub mod import;
pub mod library;
pub mod motivation;
pub mod optimize;
pub mod paths;
pub mod practice;
pub mod runtime;
pub mod scheduler;
pub mod search;
pub mod session;
pub mod stats;
pub mod store;
pub mod study;
pub mod synthetic;
pub mod ui;
pub mod workload;

//! flashdeck: a terminal flashcard trainer with spaced repetition and plain-text decks.
//!
//! The core is plain Rust with no terminal in it; the TUI is a thin shell around it.
//!
//! | module | owns |
//! |---|---|
//! | [`deck`] | decks, cards and their ids; TOML validation with `file:line:col` errors; loading |
//! | [`english`] | counted nouns for messages ("1 card", "2 cards") |
//! | [`import`] | turning Quizlet, Knowt, CSV and Anki exports into deck files |
//! | [`paths`] | where decks, data and config live (flag > environment > default) |
//! | [`config`] | `config.toml`: every setting checked, defaults when a value is bad |
//! | [`scheduler`] | FSRS-6 through the `fsrs` crate inside Anki's card state machine |
//! | [`practice`] | the practice vocabulary: modes, question kinds and Learn's levels, as the log spells them |
//! | [`store`] | the append-only review log: format, locked appends, replay |
//! | [`library`] | opening decks and log into a [`study::Study`], the snapshot, DECK arguments |
//! | [`study`] | decks and history together: card states, daily limits, today's queue |
//! | [`workload`] | what a desired retention costs: the FSRS simulator on today's cards |
//! | [`optimize`] | fitting the FSRS parameters to a history; reading FSRS-tools revlogs |
//! | [`session`] | the modes' pure state machines, question generation and answer grading |
//! | [`atomic_write`] | writing a file so that a crash leaves the old or the new one, never half |
//! | [`cli`] | the command line |
//! | [`commands`] | the non-interactive subcommands |
//! | [`app`] | the TUI's state, actions and run loop |
//! | [`ui`] | rendering: one function from state to frame per screen |
//! | [`synthetic`] | generated collections for benchmarks and tests |

pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod commands;
pub mod config;
pub mod deck;
pub mod english;
pub mod import;
pub mod library;
pub mod motivation;
pub mod optimize;
pub mod paths;
pub mod practice;
pub mod runtime;
pub mod scheduler;
pub mod session;
pub mod stats;
pub mod store;
pub mod study;
pub mod synthetic;
pub mod ui;
pub mod workload;

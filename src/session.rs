//! The study modes' state machines. Pure: they take "now" and return events to write; the
//! app writes them and reports back. [`compare`] marks a typed answer against the expected one.

pub mod compare;
pub mod flashcards;
pub mod grade;
pub mod learn;
pub mod matching;
pub mod options;
pub mod practice_test;
pub mod questions;
pub mod review;

/// The random number generator of the practice modes: seeded, so a session replays the same
/// way in tests, and cloneable with the screen state.
pub type Rng = rand::rngs::Xoshiro256PlusPlus;

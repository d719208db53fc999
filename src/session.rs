//! The study modes' state machines. Pure: they take "now" and return events to write; the
//! app writes them and reports back.

pub mod grade;
pub mod options;
pub mod questions;
pub mod review;

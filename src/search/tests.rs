//! The search tests: the parser, the matcher on hand-built facts, and a small study.

mod matcher;
mod parse;
mod study;

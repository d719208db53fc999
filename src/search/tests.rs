mod matcher;
mod parse;
mod study;

//! Turning the exports people already have into deck files: Quizlet and Knowt
//! (term–separator–definition), CSV with a header row, and Anki's "Notes in Plain Text".
//!
//! Pure: text in, a deck's TOML text and a list of skipped rows out. The caller reads and
//! writes the files.

mod anki;
pub mod apkg;
mod csv_rows;
mod delimited;
mod html;

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::deck::MAX_FIELD_BYTES;
use crate::deck::key::hashed_key;

/// The export formats understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Quizlet or Knowt: term, separator, definition; one card per line (or custom separators).
    Quizlet,
    /// CSV with a header row naming `front` and `back`, and optionally `tags`.
    Csv,
    /// Anki's "Notes in Plain Text" export, with its `#separator:` style header lines.
    Anki,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Quizlet => "Quizlet/Knowt",
            Self::Csv => "CSV",
            Self::Anki => "Anki plain text",
        })
    }
}

/// How to read the export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `None` guesses from the content.
    pub format: Option<Format>,
    /// Between term and definition, for Quizlet and Knowt. Default: a tab.
    pub term_sep: Option<String>,
    /// Between cards, for Quizlet and Knowt. Default: a newline.
    pub card_sep: Option<String>,
}

/// One card read from the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCard {
    pub front: String,
    pub back: String,
    pub tags: Vec<String>,
    /// Line in the export where the card starts, for messages.
    pub line: usize,
}

/// A row that could not become a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// What an export held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub format: Format,
    pub cards: Vec<ImportedCard>,
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error(
        "cannot tell which export this is; pass --format quizlet, csv or anki (or --term-sep \
         for a Quizlet export with custom separators)"
    )]
    UnknownFormat,
    #[error("the CSV header must name `front` and `back` columns (found: {0})")]
    CsvHeader(String),
    #[error("no cards could be read from the file")]
    Empty,
}

/// Reads an export. Rows that cannot become cards are listed in [`Imported::skipped`].
pub fn parse(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = options
        .format
        .or_else(|| {
            (options.term_sep.is_some() || options.card_sep.is_some()).then_some(Format::Quizlet)
        })
        .or_else(|| guess_format(text))
        .ok_or(ImportError::UnknownFormat)?;
    let rows = match format {
        Format::Quizlet => delimited::rows(
            text,
            &separator(options.term_sep.as_deref(), "\t"),
            &separator(options.card_sep.as_deref(), "\n"),
        ),
        Format::Csv => csv_rows::rows(text)?,
        Format::Anki => anki::rows(text),
    };
    let imported = finish(format, rows);
    if imported.cards.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(imported)
}

/// A row as a format reader produced it, before the checks every format shares.
#[derive(Debug)]
struct Row {
    line: usize,
    result: Result<ImportedCard, String>,
}

fn finish(format: Format, rows: Vec<Row>) -> Imported {
    let mut cards = Vec::new();
    let mut skipped = Vec::new();
    for row in rows {
        let checked = row.result.and_then(|mut card| {
            card.front = card.front.trim().to_string();
            card.back = card.back.trim().to_string();
            if card.front.is_empty() {
                Err("the term (front) is empty".to_owned())
            } else if card.back.is_empty() {
                Err("the definition (back) is empty".to_owned())
            } else if card.front.len().max(card.back.len()) > MAX_FIELD_BYTES {
                Err(format!("a field is over {} KiB", MAX_FIELD_BYTES / 1024))
            } else {
                Ok(card)
            }
        });
        match checked {
            Ok(card) => cards.push(card),
            Err(reason) => skipped.push(Skipped {
                line: row.line,
                reason,
            }),
        }
    }
    Imported {
        format,
        cards,
        skipped,
    }
}

/// Names Quizlet's export dialog offers, plus `\t` and `\n` escapes for custom text.
fn separator(given: Option<&str>, default: &str) -> String {
    match given.map(str::trim) {
        None => default.to_owned(),
        Some("tab" | "\\t") => "\t".to_owned(),
        Some("comma") => ",".to_owned(),
        Some("semicolon") => ";".to_owned(),
        Some("newline" | "\\n") => "\n".to_owned(),
        Some(_) => given
            .unwrap_or(default)
            .replace("\\t", "\t")
            .replace("\\n", "\n"),
    }
}

/// Guesses the format from the first line.
#[must_use]
pub fn guess_format(text: &str) -> Option<Format> {
    let first = text.lines().find(|line| !line.trim().is_empty())?;
    if anki::is_header_line(first) {
        return Some(Format::Anki);
    }
    let lower = first.to_lowercase();
    let columns: Vec<_> = lower
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    if columns.contains(&"front") && columns.contains(&"back") {
        return Some(Format::Csv);
    }
    if first.contains('\t') {
        // Anki's export without header lines is tab-separated too; its HTML gives it away.
        let html = ["<br", "<div", "&nbsp;"]
            .iter()
            .any(|tag| text.contains(tag));
        return Some(if html { Format::Anki } else { Format::Quizlet });
    }
    None
}

#[derive(Serialize)]
struct DeckFile<'a> {
    deck: DeckMeta<'a>,
    cards: Vec<CardFile<'a>>,
}

#[derive(Serialize)]
struct DeckMeta<'a> {
    name: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct CardFile<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    front: &'a str,
    back: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
}

/// Notes about the written deck, for the user.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub toml: String,
    /// Lines whose front repeats an earlier card's and that got an `id` to stay distinct.
    pub duplicate_fronts: Vec<usize>,
}

/// The deck file for an import. Cards whose front repeats an earlier one get an explicit `id`
/// so both are kept and the deck still passes `check`.
#[must_use]
pub fn to_deck_toml(name: &str, description: &str, imported: &Imported) -> Written {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut duplicate_fronts = Vec::new();
    let cards = imported
        .cards
        .iter()
        .map(|card| {
            let key = hashed_key(&card.front);
            let count = used.entry(key.clone()).or_insert(0);
            *count += 1;
            let id = (*count > 1).then(|| {
                duplicate_fronts.push(card.line);
                format!("{key}-{count}")
            });
            CardFile {
                id,
                front: &card.front,
                back: &card.back,
                tags: &card.tags,
            }
        })
        .collect();
    let file = DeckFile {
        deck: DeckMeta { name, description },
        cards,
    };
    // Serialising plain strings and lists to TOML cannot fail.
    let toml = toml::to_string_pretty(&file).unwrap_or_default();
    Written {
        toml,
        duplicate_fronts,
    }
}

#[cfg(test)]
mod tests;

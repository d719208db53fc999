//! Turning the exports people already have into deck files: Quizlet and Knowt
//! (term–separator–definition), CSV with a header row, and Anki's "Notes in Plain Text".
//!
//! Pure: text in, a deck's TOML text and a list of skipped rows out. The caller reads and
//! writes the files. Windows line endings are read as `\n` before any format sees the text, so
//! no reader, header line, quoted field or custom separator has to know about `\r`.

mod anki;
pub mod apkg;
mod csv_rows;
mod deck_toml;
mod delimited;
mod html;

use std::fmt;

use crate::deck::MAX_FIELD_BYTES;
pub use deck_toml::{Written, to_deck_toml};

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
    /// Between a CSV's columns: `comma`, `semicolon`, `tab` or one character. Default: guessed
    /// from the header (comma, semicolon or tab).
    pub delimiter: Option<String>,
}

/// What a row becomes in the deck format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NoteKind {
    /// `front` and `back`.
    #[default]
    Basic,
    /// `front` and `back` with `reverse = true` (Anki's "Basic (and reversed card)").
    Reversed,
    /// `front` and `back` with `type = true` (Anki's "Basic (type in the answer)").
    Typed,
    /// `cloze` (held in `front`) and `extra` (held in `back`, maybe empty).
    Cloze,
}

/// One card read from the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCard {
    /// The front, or a cloze card's text.
    pub front: String,
    /// The back, or a cloze card's extra.
    pub back: String,
    pub tags: Vec<String>,
    /// Line in the export where the card starts, for messages.
    pub line: usize,
    pub kind: NoteKind,
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
    #[error(
        "the CSV header must name a front column (front, question or term) and a back column \
         (back, answer or definition); its columns, split at {delimiter}, are: {found}"
    )]
    CsvHeader {
        /// The header's columns, each in backquotes.
        found: String,
        /// The delimiter's name (`commas`, `semicolons`, …).
        delimiter: String,
    },
    #[error("line {line}: {message}")]
    AnkiHeader { line: usize, message: String },
    #[error(
        "unknown delimiter `{0}`: use comma, semicolon, tab, pipe, colon, space or one character"
    )]
    Delimiter(String),
    /// Every row was bad: each is listed, with its line and reason, as when some are good.
    #[error("no cards could be read from the file")]
    Empty { skipped: Vec<Skipped> },
}

/// Reads an export. Rows that cannot become cards are listed in [`Imported::skipped`].
pub fn parse(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let text = text.as_str();
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
        Format::Csv => {
            let delimiter = options
                .delimiter
                .as_deref()
                .map(|name| {
                    named_delimiter(name).ok_or_else(|| ImportError::Delimiter(name.into()))
                })
                .transpose()?;
            csv_rows::rows(text, delimiter)?
        }
        Format::Anki => anki::rows(text)?,
    };
    let imported = finish(format, rows);
    if imported.cards.is_empty() {
        return Err(ImportError::Empty {
            skipped: imported.skipped,
        });
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
            let cloze = card.kind == NoteKind::Cloze;
            if card.front.is_empty() {
                Err("the term (front) is empty".to_owned())
            } else if let (true, Err(error)) = (cloze, crate::deck::cloze::pieces(&card.front)) {
                Err(format!("the cloze text: {}", error.message))
            } else if card.back.is_empty() && !cloze {
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

/// Names Quizlet's export dialog offers, plus `\t` and `\n` escapes for custom text. A
/// `\r\n` in it is a `\n`, as in the text.
fn separator(given: Option<&str>, default: &str) -> String {
    let named = match given.map(str::trim) {
        None => default.to_owned(),
        Some("tab" | "\\t") => "\t".to_owned(),
        Some("comma") => ",".to_owned(),
        Some("semicolon") => ";".to_owned(),
        Some("newline" | "\\n") => "\n".to_owned(),
        Some(_) => given
            .unwrap_or(default)
            .replace("\\t", "\t")
            .replace("\\r", "\r")
            .replace("\\n", "\n"),
    };
    named.replace("\r\n", "\n")
}

/// A delimiter by Anki's and Quizlet's names (any case), or a single ASCII character.
fn named_delimiter(name: &str) -> Option<u8> {
    Some(match name.trim().to_lowercase().as_str() {
        "comma" => b',',
        "semicolon" => b';',
        "space" => b' ',
        "pipe" => b'|',
        "colon" => b':',
        "tab" | "\\t" => b'\t',
        other => match other.as_bytes() {
            &[byte] if byte.is_ascii() && byte != b'\n' && byte != b'"' => byte,
            _ => return None,
        },
    })
}

/// Guesses the format from the first line.
#[must_use]
pub fn guess_format(text: &str) -> Option<Format> {
    let first = text.lines().find(|line| !line.trim().is_empty())?;
    if anki::is_header_line(first) {
        return Some(Format::Anki);
    }
    if csv_rows::header_delimiter(first).is_some() {
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

#[cfg(test)]
mod tests;

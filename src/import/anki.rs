//! Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note per row.
//!
//! Header keys read: `separator`, `html`, `tags column`, `notetype`, and the `guid`,
//! `notetype` and `deck` columns, which are not card text. Of the remaining columns the first
//! is the front, the second the back, and any others are added to the back. A spreadsheet that
//! saved the file may have added separators to the header lines (`#separator:Comma,,`); they
//! are dropped, as Anki drops them. The note type makes the card: "Basic (and reversed card)"
//! is reversed, "Basic (optional reversed card)" too when its third field is filled, "Basic
//! (type in the answer)" is typed, and a Cloze note is a cloze card with its Back Extra.

use super::csv_rows::split_tags;
use super::{ImportError, ImportedCard, NoteKind, Row, named_delimiter};

const KEYS: &[&str] = &[
    "separator",
    "html",
    "tags column",
    "guid column",
    "notetype column",
    "deck column",
    "columns",
    "notetype",
    "deck",
    "if matches",
    "tags",
];

/// Whether `line` is one of Anki's header lines.
pub(super) fn is_header_line(line: &str) -> bool {
    line.strip_prefix('#')
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(key, _)| KEYS.contains(&key.trim().to_lowercase().as_str()))
}

struct Header {
    separator: u8,
    html: bool,
    /// Zero-based columns that are not card text.
    tags: Option<usize>,
    notetype: Option<usize>,
    skip: Vec<usize>,
    /// `#notetype:` for every row without a note type column.
    all_notetype: Option<String>,
}

pub(super) fn rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut header = Header {
        separator: b'\t',
        html: true,
        tags: None,
        notetype: None,
        skip: Vec::new(),
        all_notetype: None,
    };
    let mut header_lines = 0;
    let mut body = text;
    while let Some(line) = body.lines().next().filter(|l| is_header_line(l)) {
        header_lines += 1;
        let (key, value) = line[1..].split_once(':').unwrap_or_default();
        let value = header_value(value);
        let column = || value.parse::<usize>().ok().and_then(|c| c.checked_sub(1));
        match key.trim().to_lowercase().as_str() {
            "separator" => {
                header.separator =
                    named_delimiter(value).ok_or_else(|| ImportError::AnkiHeader {
                        line: header_lines,
                        message: format!(
                            "unknown separator `{value}`: Anki names Tab, Pipe, Semicolon, Colon, \
                         Comma or Space, or gives one character"
                        ),
                    })?;
            }
            "html" => header.html = value.eq_ignore_ascii_case("true"),
            "tags column" => header.tags = column(),
            "notetype column" => header.notetype = column(),
            "notetype" => header.all_notetype = Some(value.to_owned()),
            "guid column" | "deck column" => header.skip.extend(column()),
            _ => {}
        }
        body = body.get(line.len() + 1..).unwrap_or("");
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(header.separator)
        .from_reader(body.as_bytes());
    let records: Vec<_> = reader.records().collect();
    if header_lines == 0 {
        header.tags = headerless_tags(&records);
    }
    let rows = records
        .into_iter()
        .map(|record| {
            let (line, result) = match record {
                Ok(record) => {
                    let line = position_line(record.position()) + header_lines;
                    (line, card(&header, &record, line))
                }
                Err(error) => (
                    position_line(error.position()) + header_lines,
                    Err(error.to_string()),
                ),
            };
            Row { line, result }
        })
        .collect();
    Ok(rows)
}

/// A header line's value without the separators a spreadsheet appended (`Comma,,`); a value
/// that is only separators is its first one (`#separator:,,,` is a comma).
fn header_value(value: &str) -> &str {
    let value = value.trim();
    let trimmed = value.trim_end_matches([',', ';', '\t', '|']).trim_end();
    if trimmed.is_empty() {
        value
            .get(..value.chars().next().map_or(0, char::len_utf8))
            .unwrap_or("")
    } else {
        trimmed
    }
}

/// In an export without header lines (older Anki wrote none), the last column holds the tags
/// when every row has the same three or more columns and every last one reads as tags: no
/// markup, entities or line breaks.
fn headerless_tags(records: &[Result<csv::StringRecord, csv::Error>]) -> Option<usize> {
    let mut lengths = records.iter().flatten().map(csv::StringRecord::len);
    let columns = lengths.next().filter(|&n| n >= 3)?;
    if lengths.any(|n| n != columns) {
        return None;
    }
    let tag_like = |field: &str| !field.contains(['<', '>', '&', '\n', '{']);
    records
        .iter()
        .flatten()
        .all(|record| record.get(columns - 1).is_some_and(tag_like))
        .then_some(columns - 1)
}

fn card(header: &Header, record: &csv::StringRecord, line: usize) -> Result<ImportedCard, String> {
    let text = |field: &str| {
        if header.html {
            super::apkg::field_text(field)
        } else {
            field.to_owned()
        }
    };
    let notetype = header
        .notetype
        .and_then(|column| record.get(column))
        .or(header.all_notetype.as_deref())
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let mut fields: Vec<String> = record
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            Some(*i) != header.tags && Some(*i) != header.notetype && !header.skip.contains(i)
        })
        .map(|(_, field)| text(field))
        .collect();
    let kind = match notetype.as_str() {
        cloze if cloze.contains("cloze") => NoteKind::Cloze,
        "basic (and reversed card)" => NoteKind::Reversed,
        "basic (optional reversed card)" if fields.len() > 2 => {
            // Its third field, "Add Reverse", is a switch, not text.
            let add_reverse = fields.remove(2);
            if add_reverse.trim().is_empty() {
                NoteKind::Basic
            } else {
                NoteKind::Reversed
            }
        }
        "basic (type in the answer)" => NoteKind::Typed,
        _ => NoteKind::Basic,
    };
    let mut fields = fields.into_iter();
    let front = fields.next().ok_or("the row is empty")?;
    let back = match (fields.next(), kind) {
        (Some(back), _) => back,
        // A cloze note's Back Extra may be left out.
        (None, NoteKind::Cloze) => String::new(),
        (None, _) => return Err("the row has only one field".to_owned()),
    };
    let extra: Vec<String> = fields.filter(|f| !f.trim().is_empty()).collect();
    let back = std::iter::once(back)
        .chain(extra)
        .filter(|f| kind != NoteKind::Cloze || !f.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let tags = header
        .tags
        .and_then(|t| record.get(t))
        .map(split_tags)
        .unwrap_or_default();
    Ok(ImportedCard {
        front,
        back,
        tags,
        line,
        kind,
    })
}

fn position_line(position: Option<&csv::Position>) -> usize {
    position.map_or(0, |p| usize::try_from(p.line()).unwrap_or(0))
}

//! Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note per row.
//!
//! Header keys read: `separator`, `html`, `tags column`, and the `guid`, `notetype` and `deck`
//! columns, which are not card text. Of the remaining columns the first is the front, the second
//! the back, and any others are added to the back.

use super::csv_rows::split_tags;
use super::{ImportedCard, Row, html};

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
    skip: Vec<usize>,
}

pub(super) fn rows(text: &str) -> Vec<Row> {
    let mut header = Header {
        separator: b'\t',
        html: true,
        tags: None,
        skip: Vec::new(),
    };
    let mut header_lines = 0;
    let mut body = text;
    while let Some(line) = body.lines().next().filter(|l| is_header_line(l)) {
        let (key, value) = line[1..].split_once(':').unwrap_or_default();
        let column = || {
            value
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|c| c.checked_sub(1))
        };
        match key.trim().to_lowercase().as_str() {
            "separator" => header.separator = separator(value.trim()),
            "html" => header.html = value.trim().eq_ignore_ascii_case("true"),
            "tags column" => header.tags = column(),
            "guid column" | "notetype column" | "deck column" => header.skip.extend(column()),
            _ => {}
        }
        header_lines += 1;
        body = body.get(line.len() + 1..).unwrap_or("");
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(header.separator)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
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
        rows.push(Row { line, result });
    }
    rows
}

fn card(header: &Header, record: &csv::StringRecord, line: usize) -> Result<ImportedCard, String> {
    let text = |field: &str| {
        if header.html {
            html::to_text(field)
        } else {
            field.to_owned()
        }
    };
    let mut fields = record
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != header.tags && !header.skip.contains(i))
        .map(|(_, field)| text(field));
    let front = fields.next().ok_or("the row is empty")?;
    let back = fields.next().ok_or("the row has only one field")?;
    let extra: Vec<String> = fields.filter(|f| !f.trim().is_empty()).collect();
    let back = std::iter::once(back)
        .chain(extra)
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
    })
}

fn position_line(position: Option<&csv::Position>) -> usize {
    position.map_or(0, |p| usize::try_from(p.line()).unwrap_or(0))
}

fn separator(name: &str) -> u8 {
    match name.to_lowercase().as_str() {
        "comma" => b',',
        "semicolon" => b';',
        "space" => b' ',
        "pipe" => b'|',
        "colon" => b':',
        "tab" => b'\t',
        other => other.bytes().next().filter(u8::is_ascii).unwrap_or(b'\t'),
    }
}

//! CSV with a header row: `front,back[,tags]` (also `question/answer`, `term/definition`),
//! separated by commas, semicolons (as spreadsheets in many European locales write) or tabs:
//! the header says which.

use super::{ImportError, ImportedCard, NoteKind, Row};

const FRONT: &[&str] = &["front", "question", "term"];
const BACK: &[&str] = &["back", "answer", "definition"];
/// The delimiters a header is tried with, in this order.
const GUESSED: &[u8] = b",;\t";

/// The rows of a CSV whose columns are separated by `delimiter`, or by the one its header
/// names the columns with.
pub(super) fn rows(text: &str, delimiter: Option<u8>) -> Result<Vec<Row>, ImportError> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = delimiter
        .or_else(|| header_delimiter(first))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::CsvHeader {
            found: e.to_string(),
            delimiter: delimiter_name(delimiter),
        })?
        .clone();
    let (Some(front), Some(back)) = (column(&header, FRONT), column(&header, BACK)) else {
        let found: Vec<String> = header.iter().map(|h| format!("`{h}`")).collect();
        return Err(ImportError::CsvHeader {
            found: found.join(", "),
            delimiter: delimiter_name(delimiter),
        });
    };
    let tags = column(&header, &["tags"]);
    let mut rows = Vec::new();
    for record in reader.records() {
        let row = match record {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                let result = match (record.get(front), record.get(back)) {
                    (Some(f), Some(b)) => Ok(ImportedCard {
                        front: f.to_owned(),
                        back: b.to_owned(),
                        tags: tags
                            .and_then(|t| record.get(t))
                            .map(split_tags)
                            .unwrap_or_default(),
                        line,
                        kind: NoteKind::Basic,
                    }),
                    _ => Err(format!("only {} columns", record.len())),
                };
                Row { line, result }
            }
            Err(error) => Row {
                line: error
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
                result: Err(error.to_string()),
            },
        };
        rows.push(row);
    }
    Ok(rows)
}

/// The delimiter with which `line` reads as a header naming a front and a back column.
pub(super) fn header_delimiter(line: &str) -> Option<u8> {
    GUESSED.iter().copied().find(|&delimiter| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .from_reader(line.as_bytes());
        reader
            .records()
            .next()
            .and_then(Result::ok)
            .is_some_and(|header| {
                column(&header, FRONT).is_some() && column(&header, BACK).is_some()
            })
    })
}

/// The first column of `header` with one of `names` (any case, spaces around ignored).
fn column(header: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
}

fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b',' => "commas".to_owned(),
        b';' => "semicolons".to_owned(),
        b'\t' => "tabs".to_owned(),
        other => format!("`{}`", char::from(other)),
    }
}

/// Tags are separated by spaces (as in Anki), commas or semicolons.
pub(super) fn split_tags(field: &str) -> Vec<String> {
    field
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

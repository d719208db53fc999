//! CSV with a header row: `front,back[,tags]` (also `question/answer`, `term/definition`).

use super::{ImportError, ImportedCard, Row};

const FRONT: &[&str] = &["front", "question", "term"];
const BACK: &[&str] = &["back", "answer", "definition"];

pub(super) fn rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::CsvHeader(e.to_string()))?
        .clone();
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
    };
    let (Some(front), Some(back)) = (find(FRONT), find(BACK)) else {
        return Err(ImportError::CsvHeader(
            header.iter().collect::<Vec<_>>().join(","),
        ));
    };
    let tags = find(&["tags"]);
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

/// Tags are separated by spaces (as in Anki), commas or semicolons.
pub(super) fn split_tags(field: &str) -> Vec<String> {
    field
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

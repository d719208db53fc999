//! Quizlet's and Knowt's export: term, separator, definition, with any text as separators.
//!
//! The `csv` crate takes only one-byte delimiters, and Quizlet's dialog allows any text, so this
//! splitter is written here. A field that starts with `"` may hold separators and newlines, with
//! `""` for a quote; a quote that does not close the field is kept as text.

use super::{ImportedCard, Row};

/// Splits `text` into cards.
pub(super) fn rows(text: &str, term_sep: &str, card_sep: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut rest = text;
    let mut line = 1;
    while !rest.is_empty() {
        let start_line = line;
        let mut fields = Vec::new();
        loop {
            let (field, consumed, end) = next_field(rest, term_sep, card_sep);
            line += rest[..consumed].matches('\n').count();
            rest = &rest[consumed..];
            fields.push(field);
            if end != End::Term {
                break;
            }
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let result = if fields.len() < 2 {
            Err(format!(
                "no separator between term and definition ({})",
                describe(term_sep)
            ))
        } else {
            // A separator that also occurs inside the definition (a comma, say) split it;
            // put it back together rather than drop part of the answer.
            Ok(ImportedCard {
                front: fields[0].clone(),
                back: fields[1..].join(term_sep),
                tags: Vec::new(),
                line: start_line,
            })
        };
        rows.push(Row {
            line: start_line,
            result,
        });
    }
    rows
}

#[derive(Debug, PartialEq, Eq)]
enum End {
    Term,
    Card,
    Eof,
}

/// The next field, the bytes it used (separator included), and what ended it.
fn next_field(text: &str, term_sep: &str, card_sep: &str) -> (String, usize, End) {
    if let Some(quoted) = quoted_field(text, term_sep, card_sep) {
        return quoted;
    }
    let term = text.find(term_sep);
    let card = text.find(card_sep);
    let (at, sep_len, end) = match (term, card) {
        (Some(t), Some(c)) if t < c => (t, term_sep.len(), End::Term),
        (_, Some(c)) => (c, card_sep.len(), End::Card),
        (Some(t), None) => (t, term_sep.len(), End::Term),
        (None, None) => (text.len(), 0, End::Eof),
    };
    // Windows line endings leave a `\r` before a newline separator.
    let field = text[..at].strip_suffix('\r').unwrap_or(&text[..at]);
    (field.to_owned(), at + sep_len, end)
}

fn quoted_field(text: &str, term_sep: &str, card_sep: &str) -> Option<(String, usize, End)> {
    let body = text.strip_prefix('"')?;
    let mut value = String::new();
    let mut pos = 0;
    loop {
        let quote = body[pos..].find('"')? + pos;
        value.push_str(&body[pos..quote]);
        if body[quote + 1..].starts_with('"') {
            value.push('"');
            pos = quote + 2;
            continue;
        }
        let after = &body[quote + 1..];
        let after = after
            .strip_prefix('\r')
            .filter(|a| a.starts_with('\n'))
            .unwrap_or(after);
        let used = text.len() - after.len();
        return if after.is_empty() {
            Some((value, used, End::Eof))
        } else if after.starts_with(term_sep) {
            Some((value, used + term_sep.len(), End::Term))
        } else if after.starts_with(card_sep) {
            Some((value, used + card_sep.len(), End::Card))
        } else {
            None
        };
    }
}

fn describe(sep: &str) -> String {
    match sep {
        "\t" => "a tab".to_owned(),
        "\n" => "a newline".to_owned(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str, term: &str, card: &str) -> Vec<(String, String)> {
        rows(text, term, card)
            .into_iter()
            .map(|row| {
                let card = row.result.unwrap();
                (card.front, card.back)
            })
            .collect()
    }

    fn pair(front: &str, back: &str) -> (String, String) {
        (front.to_owned(), back.to_owned())
    }

    #[test]
    fn splits_tabs_and_lines() {
        assert_eq!(
            pairs("a\tb\r\nc\td\n\n", "\t", "\n"),
            vec![pair("a", "b"), pair("c", "d")]
        );
    }

    #[test]
    fn custom_separators_and_rejoined_definitions() {
        assert_eq!(
            pairs("cat - a pet; dog - a pet - loyal;", " - ", ";"),
            vec![pair("cat", "a pet"), pair(" dog", "a pet - loyal")]
        );
    }

    #[test]
    fn quoted_fields_hold_newlines_separators_and_quotes() {
        let text = "\"multi\nline\"\t\"say \"\"hi\"\"\tthere\"\nplain\t\"quoted\" not closed\n";
        assert_eq!(
            pairs(text, "\t", "\n"),
            vec![
                pair("multi\nline", "say \"hi\"\tthere"),
                pair("plain", "\"quoted\" not closed"),
            ]
        );
    }

    #[test]
    fn line_numbers_count_newlines_inside_quotes() {
        let rows = rows("\"a\nb\"\tc\nno separator\nx\ty\n", "\t", "\n");
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 3, 4]
        );
        assert!(
            rows[1]
                .result
                .as_ref()
                .unwrap_err()
                .contains("no separator")
        );
    }
}

//! Quizlet's and Knowt's export: term, separator, definition, with any text as separators.
//!
//! The `csv` crate takes only one-byte delimiters, and Quizlet's dialog allows any text, so this
//! splitter is written here. Quizlet and Knowt never quote a field, so a `"` is text wherever it
//! is: a term starting with one never runs on into the next card.

use super::{ImportedCard, NoteKind, Row};

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
                kind: NoteKind::Basic,
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
    let term = text.find(term_sep);
    let card = text.find(card_sep);
    let (at, sep_len, end) = match (term, card) {
        (Some(t), Some(c)) if t < c => (t, term_sep.len(), End::Term),
        (_, Some(c)) => (c, card_sep.len(), End::Card),
        (Some(t), None) => (t, term_sep.len(), End::Term),
        (None, None) => (text.len(), 0, End::Eof),
    };
    (text[..at].to_owned(), at + sep_len, end)
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
            pairs("a\tb\nc\td\n\n", "\t", "\n"),
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
    fn quotes_are_text() {
        // Line 1's term opens a quote it never closes; line 2's answer ends in an inch mark.
        let text = "\"Cogito, ergo sum\tDescartes\nPizza\t12\"\n\"a\"\t\"\"b\n";
        assert_eq!(
            pairs(text, "\t", "\n"),
            vec![
                pair("\"Cogito, ergo sum", "Descartes"),
                pair("Pizza", "12\""),
                pair("\"a\"", "\"\"b"),
            ]
        );
    }

    #[test]
    fn line_numbers_count_newlines_inside_cards() {
        let rows = rows("a\nb\tc\n\nno separator\n\nx\ty\n", "\t", "\n\n");
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 4, 6]
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

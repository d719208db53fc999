use super::*;
use crate::deck::key::hashed_key;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn pairs(imported: &Imported) -> Vec<(&str, &str)> {
    imported
        .cards
        .iter()
        .map(|c| (c.front.as_str(), c.back.as_str()))
        .collect()
}

fn skipped_lines(imported: &Imported) -> Vec<usize> {
    imported.skipped.iter().map(|s| s.line).collect()
}

#[test]
fn quizlet_tab_export_with_quotes_as_text_and_bad_rows() {
    let imported = parse(&fixture("quizlet-spanish.txt"), &Options::default()).unwrap();
    assert_eq!(imported.format, Format::Quizlet);
    // Quizlet never quotes: an unclosed `"` and an inch mark are text.
    assert_eq!(
        pairs(&imported),
        [
            ("el perro", "the dog"),
            ("el gato", "the cat"),
            ("\"la casa", "the house, or \"home\""),
            ("la pizza de 12\"", "a 12\" pizza"),
            ("la mesa", "the table"),
        ]
    );
    // Line 5 has no tab; line 7 has an empty definition.
    assert_eq!(skipped_lines(&imported), [5, 7]);
    assert!(imported.skipped[0].reason.contains("no separator"));
    assert!(
        imported.skipped[1]
            .reason
            .contains("definition (back) is empty")
    );
    assert_eq!(imported.cards[4].line, 8);
}

#[test]
fn quizlet_custom_separators() {
    let options = Options {
        term_sep: Some(" - ".into()),
        card_sep: Some("semicolon".into()),
        ..Options::default()
    };
    let imported = parse(&fixture("quizlet-custom.txt"), &options).unwrap();
    assert_eq!(
        pairs(&imported),
        [
            ("photosynthesis", "how plants turn light into sugar"),
            ("mitochondria", "the powerhouse of the cell"),
            ("ribosome", "makes proteins - from mRNA"),
        ]
    );
}

#[test]
fn knowt_export_with_windows_line_endings_and_a_repeated_term() {
    let imported = parse(&fixture("knowt.txt"), &Options::default()).unwrap();
    assert_eq!(pairs(&imported)[2], ("Term 1", "A second meaning"));
    let written = to_deck_toml("Knowt", "", &imported);
    assert_eq!(written.duplicate_fronts, [3]);
    assert!(
        written
            .toml
            .contains(&format!("id = \"{}-2\"", hashed_key("Term 1")))
    );
}

#[test]
fn csv_with_header_quotes_and_tags() {
    let imported = parse(&fixture("cards.csv"), &Options::default()).unwrap();
    assert_eq!(imported.format, Format::Csv);
    assert_eq!(
        pairs(&imported),
        [
            ("Capital of France", "Paris"),
            ("Largest planet", "Jupiter, a gas giant"),
            ("Two lines", "first\nsecond"),
        ]
    );
    assert_eq!(imported.cards[0].tags, ["geography", "europe"]);
    assert!(imported.cards[2].tags.is_empty());
    // Line 6 has one column; line 7 an empty front.
    assert_eq!(skipped_lines(&imported), [6, 7]);
}

#[test]
fn csv_without_front_and_back_columns_is_an_error() {
    let options = Options {
        format: Some(Format::Csv),
        ..Options::default()
    };
    assert_eq!(
        parse("a,b\n1,2\n", &options),
        Err(ImportError::CsvHeader {
            found: "`a`, `b`".into(),
            delimiter: "commas".into()
        })
    );
}

#[test]
fn anki_plain_text_with_html_and_tags() {
    let imported = parse(&fixture("anki-basic.txt"), &Options::default()).unwrap();
    assert_eq!(imported.format, Format::Anki);
    assert_eq!(
        pairs(&imported),
        [
            (
                "What is the powerhouse of the cell?",
                "The mitochondrion\n(plural: mitochondria)"
            ),
            ("Name the steps", "1. Select\n2. Plan\n3. Manage"),
            ("Fish & chips origin", "England"),
            ("Quoted\twith tab", "Answer with \"quotes\""),
        ]
    );
    assert_eq!(imported.cards[0].tags, ["biology", "cells"]);
    assert!(imported.cards[2].tags.is_empty());
    assert_eq!(imported.cards[0].line, 4);
    assert_eq!(skipped_lines(&imported), [8]);
}

#[test]
fn anki_guid_notetype_and_deck_columns_are_not_card_text() {
    let imported = parse(&fixture("anki-guid.txt"), &Options::default()).unwrap();
    assert_eq!(
        pairs(&imported),
        [
            ("DNA", "Deoxyribonucleic acid"),
            ("RNA", "Ribonucleic acid")
        ]
    );
    assert_eq!(imported.cards[1].tags, ["genetics", "molecules"]);
}

#[test]
fn the_format_is_guessed_from_content() {
    assert_eq!(guess_format("#separator:tab\na\tb\n"), Some(Format::Anki));
    assert_eq!(guess_format("Front,Back\na,b\n"), Some(Format::Csv));
    assert_eq!(guess_format("a\tb\n"), Some(Format::Quizlet));
    assert_eq!(guess_format("a\tb<br>c\n"), Some(Format::Anki));
    assert_eq!(guess_format("just words\n"), None);
    assert_eq!(
        parse("just words\n", &Options::default()),
        Err(ImportError::UnknownFormat)
    );
}

#[test]
fn an_export_with_no_usable_rows_is_an_error() {
    let skipped = |line, reason: &str| Skipped {
        line,
        reason: reason.to_owned(),
    };
    assert_eq!(
        parse("a\t\n\tb\n", &Options::default()),
        Err(ImportError::Empty {
            skipped: vec![
                skipped(1, "the definition (back) is empty"),
                skipped(2, "the term (front) is empty"),
            ]
        })
    );
}

#[test]
fn written_decks_round_trip_through_the_loader() {
    let imported = parse(&fixture("anki-basic.txt"), &Options::default()).unwrap();
    let written = to_deck_toml("Biology \"101\"", "From Anki", &imported);
    let deck = crate::deck::parse_deck(
        crate::deck::DeckId::new("bio"),
        crate::deck::Source::Bundled,
        &written.toml,
    )
    .unwrap();
    assert_eq!(deck.name, "Biology \"101\"");
    assert_eq!(deck.cards.len(), 4);
    assert_eq!(deck.cards[1].back, "1. Select\n2. Plan\n3. Manage");
    assert_eq!(deck.cards[3].front, "Quoted\twith tab");
}

mod cases;

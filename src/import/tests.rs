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
    assert_eq!(
        parse("a\t\n\tb\n", &Options::default()),
        Err(ImportError::Empty)
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

fn case(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Each card as (front, back, tags joined by spaces).
fn cards(imported: &Imported) -> Vec<(String, String, String)> {
    imported
        .cards
        .iter()
        .map(|c| (c.front.clone(), c.back.clone(), c.tags.join(" ")))
        .collect()
}

fn card(front: &str, back: &str, tags: &str) -> (String, String, String) {
    (front.to_owned(), back.to_owned(), tags.to_owned())
}

#[test]
fn anki_crlf_headers_give_the_same_deck_as_lf() {
    let lf = parse(&case("anki-crlf-headers/notes-lf.txt"), &Options::default()).unwrap();
    let crlf = parse(&case("anki-crlf-headers/notes-crlf.txt"), &Options::default()).unwrap();
    // `#html:true` decodes `<br>` and `&amp;`; `#tags column:3` takes the third column.
    let expected = [
        card("Capital of Peru?", "Lima\n(on the coast)", "geo::capitals"),
        card("Ocean west of Chile?", "the Pacific & nothing else", "geo::oceans"),
    ];
    assert_eq!(cards(&lf), expected);
    assert_eq!(crlf, lf);
    assert!(crlf.skipped.is_empty());
}

#[test]
fn anki_header_lines_with_a_spreadsheets_trailing_commas() {
    let imported = parse(&case("anki-header-trailing-commas/notes.csv"), &Options::default()).unwrap();
    assert_eq!(
        cards(&imported),
        [
            card("What is the capital of Peru?", "Lima", "geo::capitals"),
            card("Which ocean borders Chile?", "The Pacific", "geo::oceans"),
            card("Largest country in South America?", "Brazil", "geo::countries"),
        ]
    );
    // Only separators: the value is the first one.
    let commas = parse("#separator:,,,\n#html:false\na,b\n", &Options::default()).unwrap();
    assert_eq!(cards(&commas), [card("a", "b", "")]);
}

#[test]
fn an_unknown_anki_separator_is_an_error_naming_its_line() {
    let error = parse("#html:false\n#separator:Commas\na,b\n", &Options::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 2: unknown separator `Commas`: Anki names Tab, Pipe, Semicolon, Colon, Comma or \
         Space, or gives one character"
    );
    assert!(parse("#separator:é\na\tb\n", &Options::default()).is_err());
    let pipe = parse("#separator:Pipe\n#html:false\na|b\n", &Options::default()).unwrap();
    assert_eq!(cards(&pipe), [card("a", "b", "")]);
}

#[test]
fn a_semicolon_csv_is_read_from_its_header() {
    let text = case("csv-semicolon/semicolon-excel.csv");
    let expected = [
        card("Hauptstadt von Frankreich", "Paris", "geo"),
        card("Zahl Pi (gerundet)", "3,14", "mathe"),
        card("Semikolon; im Feld", "ok", "misc"),
    ];
    let guessed = parse(&text, &Options::default()).unwrap();
    assert_eq!(guessed.format, Format::Csv);
    assert_eq!(cards(&guessed), expected);
    let told = Options {
        format: Some(Format::Csv),
        ..Options::default()
    };
    assert_eq!(cards(&parse(&text, &told).unwrap()), expected);
    let given = Options {
        format: Some(Format::Csv),
        delimiter: Some("semicolon".into()),
        ..Options::default()
    };
    assert_eq!(cards(&parse(&text, &given).unwrap()), expected);
    // Told commas, the header is one column, and the error says so truthfully.
    let commas = Options {
        delimiter: Some("comma".into()),
        ..told
    };
    assert_eq!(
        parse(&text, &commas).unwrap_err().to_string(),
        "the CSV header must name a front column (front, question or term) and a back column \
         (back, answer or definition); its columns, split at commas, are: `front;back;tags`"
    );
}

#[test]
fn question_answer_and_term_definition_headers_are_csv() {
    for header in ["Question,Answer", "term;definition", "\"front\"\t\"back\""] {
        assert_eq!(guess_format(&format!("{header}\n")), Some(Format::Csv), "{header}");
    }
    assert_eq!(guess_format("frontier,backlog\n"), None);
    let imported = parse("term;definition\nperro;dog\n", &Options::default()).unwrap();
    assert_eq!(cards(&imported), [card("perro", "dog", "")]);
}

#[test]
fn a_blank_line_card_separator_reads_crlf_as_lf() {
    let options = Options {
        card_sep: Some("\\n\\n".into()),
        ..Options::default()
    };
    let lf = parse(&case("quizlet-cardsep-crlf/set-lf.txt"), &options).unwrap();
    let crlf = parse(&case("quizlet-cardsep-crlf/set-crlf.txt"), &options).unwrap();
    assert_eq!(
        cards(&lf),
        [
            card("Photosynthesis inputs", "- carbon dioxide\n- water\n- light", ""),
            card("Mitochondria", "powerhouse of the cell", ""),
            card("Osmosis", "water moving across a membrane\nfrom low to high solute", ""),
        ]
    );
    assert_eq!(crlf, lf);
}

#[test]
fn a_stray_quote_in_a_quizlet_export_is_text() {
    let imported = parse(&case("quizlet-stray-quote/quotes.txt"), &Options::default()).unwrap();
    assert_eq!(
        cards(&imported),
        [
            card(
                "\"Cogito, ergo sum",
                "Descartes (the closing quote was never typed)",
                ""
            ),
            card("Standard pizza diameter", "12\"", ""),
            card("Boiling point of water", "100 C at sea level", ""),
            card("Freezing point of water", "0 C", ""),
        ]
    );
    assert!(imported.skipped.is_empty());
}

#[test]
fn anki_note_types_make_reversed_typed_and_cloze_cards() {
    let text = "#separator:tab\n#html:true\n#notetype column:1\n#tags column:5\n\
        Basic (and reversed card)\tperro\tdog\t\tes\n\
        Basic (optional reversed card)\tgato\tcat\t\tes\n\
        Basic (optional reversed card)\tcasa\thouse\ty\tes\n\
        Basic (type in the answer)\tmesa\ttable\t\tes\n\
        Cloze\tThe capital of {{c1::France}} is {{c2::Paris}}.\tSince 508\t\tgeo\n\
        Cloze\tno deletion\t\t\tgeo\n";
    let imported = parse(text, &Options::default()).unwrap();
    let kinds: Vec<(&str, &str, NoteKind)> = imported
        .cards
        .iter()
        .map(|c| (c.front.as_str(), c.back.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("perro", "dog", NoteKind::Reversed),
            ("gato", "cat", NoteKind::Basic),
            ("casa", "house", NoteKind::Reversed),
            ("mesa", "table", NoteKind::Typed),
            (
                "The capital of {{c1::France}} is {{c2::Paris}}.",
                "Since 508",
                NoteKind::Cloze
            ),
        ]
    );
    assert_eq!(skipped_lines(&imported), [10]);
    assert!(imported.skipped[0].reason.contains("no deletion"));
    let written = to_deck_toml("Kinds", "", &imported);
    let deck = crate::deck::parse_deck(
        crate::deck::DeckId::new("k"),
        crate::deck::Source::Bundled,
        &written.toml,
    )
    .unwrap();
    // perro and its reverse, gato, casa and its reverse, mesa, and two cloze cards.
    assert_eq!(deck.cards.len(), 8);
    assert!(deck.cards[1].reversed && deck.cards[5].typed);
    let cloze = deck.cards[6].cloze.as_ref().unwrap();
    assert_eq!((cloze.number, cloze.extra.as_deref()), (1, Some("Since 508")));
    assert_eq!(deck.cards[7].front, "The capital of France is […].");
}

#[test]
fn a_headerless_anki_export_keeps_its_tags_off_the_answer() {
    // Older Anki wrote no header lines: fields, then the tags.
    let text = "mitochondrion<br>cell\tpowerhouse\tbiology cells\nribosome\tproteins\t\n";
    let imported = parse(text, &Options::default()).unwrap();
    assert_eq!(imported.format, Format::Anki);
    assert_eq!(
        cards(&imported),
        [
            card("mitochondrion\ncell", "powerhouse", "biology cells"),
            card("ribosome", "proteins", ""),
        ]
    );
    // A third column with markup is a field, added to the back as before.
    let fields = parse("a<br>\tb\t<b>c</b>\n", &Options::default()).unwrap();
    assert_eq!(cards(&fields), [card("a", "b\n\nc", "")]);
}

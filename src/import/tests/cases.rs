//! The importer faults of the shared cases (`tests/fixtures/cases/`), each right value from
//! its README, and the note types and headerless tags of Anki's plain-text export.

use super::super::*;
use super::skipped_lines;

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
    let crlf = parse(
        &case("anki-crlf-headers/notes-crlf.txt"),
        &Options::default(),
    )
    .unwrap();
    // `#html:true` decodes `<br>` and `&amp;`; `#tags column:3` takes the third column.
    let expected = [
        card("Capital of Peru?", "Lima\n(on the coast)", "geo::capitals"),
        card(
            "Ocean west of Chile?",
            "the Pacific & nothing else",
            "geo::oceans",
        ),
    ];
    assert_eq!(cards(&lf), expected);
    assert_eq!(crlf, lf);
    assert!(crlf.skipped.is_empty());
}

#[test]
fn anki_header_lines_with_a_spreadsheets_trailing_commas() {
    let imported = parse(
        &case("anki-header-trailing-commas/notes.csv"),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        cards(&imported),
        [
            card("What is the capital of Peru?", "Lima", "geo::capitals"),
            card("Which ocean borders Chile?", "The Pacific", "geo::oceans"),
            card(
                "Largest country in South America?",
                "Brazil",
                "geo::countries"
            ),
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
        assert_eq!(
            guess_format(&format!("{header}\n")),
            Some(Format::Csv),
            "{header}"
        );
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
            card(
                "Photosynthesis inputs",
                "- carbon dioxide\n- water\n- light",
                ""
            ),
            card("Mitochondria", "powerhouse of the cell", ""),
            card(
                "Osmosis",
                "water moving across a membrane\nfrom low to high solute",
                ""
            ),
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
    assert_eq!(
        (cloze.number, cloze.extra.as_deref()),
        (1, Some("Since 508"))
    );
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

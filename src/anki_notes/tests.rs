use super::*;
use crate::deck::{DeckId, Source, parse_deck};
use crate::import::{self, Format, NoteKind, Options};

/// The deck `tests/anki/import_notes.py` had Anki import (`tests/anki_notes_cli.rs`).
const SPANISH: &str = include_str!("../../tests/fixtures/anki-notes/decks/lang/es.toml");

fn spanish() -> Deck {
    parse_deck(DeckId::new("lang/es"), Source::Bundled, SPANISH).unwrap()
}

#[test]
fn each_entry_is_one_note_with_its_anki_note_type() {
    let text = write(&[&spanish()]).text;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        [
            "#separator:tab",
            "#html:true",
            "#guid column:1",
            "#notetype column:2",
            "#deck column:3",
            "#tags column:6"
        ]
    );
    // The guids are base 62 of XXH3-64 of the entry ids, computed with Python's `xxhash`.
    assert_eq!(
        lines[6],
        "uX6vTR9QLg\tBasic (and reversed card)\tlang::Spanish\tel perro\tthe dog &lt;canis&gt;\t\
         animals two_words es"
    );
    assert_eq!(
        lines[7],
        "IX5mXER9Ok\tCloze\tlang::Spanish\tLa capital de {{c1::Francia}} es \
         {{c2::París::una ciudad}}.\tDesde 508 &amp; más.\tes"
    );
    let mesa: Vec<&str> = lines[8].split('\t').collect();
    assert_eq!(
        mesa[1..],
        [
            "Basic (type in the answer)",
            "lang::Spanish",
            "la mesa",
            "the table<br>or the board<br><br>Hint: furniture",
            "es"
        ]
    );
    // A tab or a quote puts the field in quotes, quotes doubled.
    assert!(
        lines[9].contains("\t\"a\ttab \"\"quoted\"\"\"\tb\tes"),
        "{}",
        lines[9]
    );
    // An image and a sound by the bare names Anki looks up in collection.media.
    assert!(
        lines[10].ends_with(
            "\tla bandera\t\"the flag <img src=\"\"flag.png\"\" alt=\"\"a red flag\"\"> \
             [sound:bandera.mp3]\"\tes"
        ),
        "{}",
        lines[10]
    );
    assert_eq!(lines.len(), 11);
}

#[test]
fn the_export_reads_back_through_the_plain_text_importer() {
    let deck = spanish();
    let text = write(&[&deck]).text;
    let imported = import::parse(&text, &Options::default()).unwrap();
    assert_eq!(imported.format, Format::Anki);
    assert!(imported.skipped.is_empty());
    let kinds: Vec<NoteKind> = imported.cards.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            NoteKind::Reversed,
            NoteKind::Cloze,
            NoteKind::Typed,
            NoteKind::Basic,
            NoteKind::Basic
        ]
    );
    let written = import::to_deck_toml("Spanish", "", &imported);
    let again = parse_deck(DeckId::new("lang/es"), Source::Bundled, &written.toml).unwrap();
    // The same cards with the same text; keys differ (an import has no ids), and the hint is
    // now the back's last paragraph.
    let shown = |deck: &Deck| -> Vec<(String, String, bool, bool, Option<String>)> {
        deck.cards
            .iter()
            .map(|c| {
                // Media come back by the bare names the export gave them.
                let back = c
                    .back
                    .replace("\n\nHint: furniture", "")
                    .replace("../media/", "");
                let extra = c.cloze.as_ref().and_then(|z| z.extra.clone());
                (c.front.clone(), back, c.reversed, c.typed, extra)
            })
            .collect()
    };
    assert_eq!(shown(&again), shown(&deck));
    assert_eq!(again.cards.len(), 7);
    assert_eq!(
        again.cards[2].cloze.as_ref().unwrap().text,
        deck.cards[2].cloze.as_ref().unwrap().text
    );
    assert_eq!(*again.cards[0].tags, ["animals", "two_words", "es"]);
}

use super::*;
use crate::deck::Deck;

const DECK: &str = "# My deck\n[deck]\nname = \"N\"\n\n[[cards]]\nfront = \"One\"\nback = \"1\"\n";

fn id() -> DeckId {
    DeckId::new("lang/es")
}

fn path() -> PathBuf {
    PathBuf::from("decks/lang/es.toml")
}

fn card(front: &str, back: &str) -> NewCard {
    NewCard {
        front: front.into(),
        back: back.into(),
        ..NewCard::default()
    }
}

fn add(old: &str, new: &NewCard) -> Result<Appended, AppendError> {
    append(&id(), &path(), old.as_bytes(), new)
}

/// The new file read by the loader, as `check` reads it.
fn reload(bytes: &[u8]) -> Deck {
    parse_bytes(&path(), id(), bytes).unwrap()
}

#[test]
fn a_card_is_appended_after_a_blank_line() {
    let appended = add(DECK, &card("Two", "2")).unwrap();
    let expected = format!("{DECK}\n[[cards]]\nfront = \"Two\"\nback = \"2\"\n");
    assert_eq!(String::from_utf8(appended.bytes).unwrap(), expected);
    // DECK has 7 lines; line 8 is blank, the table starts on line 9.
    assert_eq!(appended.line, 9);
    assert_eq!(
        appended.card.as_str(),
        format!("lang/es/{}", hashed_key("Two"))
    );
}

#[test]
fn the_old_bytes_stay_a_prefix_whatever_the_file_looks_like() {
    let files = [
        DECK.to_owned(),
        // No line break at the end, ending in a comment that must not swallow the table.
        "[deck]\nname = \"N\"\n[[cards]]\nfront = \"One\"\nback = \"1\" # the end".to_owned(),
        // CRLF, odd spacing and comments everywhere.
        "# c\r\n[deck]   \r\n  name='N'  # name\r\n\r\n\r\n[[cards]]\r\n\tfront=\"One\"\r\nback=\"1\"\r\n"
            .to_owned(),
        // CRLF without a final break.
        "[deck]\r\nname = \"N\"\r\n[[cards]]\r\nfront = \"One\"\r\nback = \"1\"".to_owned(),
        // A byte order mark.
        "\u{feff}[deck]\nname = \"N\"\n[[cards]]\nfront = \"One\"\nback = \"1\"\n".to_owned(),
        // Trailing blank lines and spaces.
        format!("{DECK}\n\n   \n"),
    ];
    for old in files {
        let appended = add(&old, &card("Two", "2")).unwrap_or_else(|e| panic!("{old:?}: {e}"));
        assert!(appended.bytes.starts_with(old.as_bytes()), "{old:?}");
        let deck = reload(&appended.bytes);
        let new = deck.cards.iter().find(|c| c.id == appended.card).unwrap();
        assert_eq!((new.front.as_str(), new.back.as_str()), ("Two", "2"));
        assert_eq!(new.line, appended.line, "{old:?}");
        assert_eq!(deck.cards.len(), 2);
    }
}

#[test]
fn a_crlf_file_gets_crlf_lines_only() {
    let old = "[deck]\r\nname = \"N\"\r\n[[cards]]\r\nfront = \"One\"\r\nback = \"1\"";
    let new = card("Two\nlines", "2");
    let appended = add(old, &new).unwrap();
    let added = &appended.bytes[old.len()..];
    assert_eq!(
        std::str::from_utf8(added).unwrap(),
        "\r\n\r\n[[cards]]\r\nfront = \"Two\\nlines\"\r\nback = \"2\"\r\n"
    );
    // Line 5 is `back`, 6 is blank, the table is on 7.
    assert_eq!(appended.line, 7);
}

#[test]
fn nasty_text_reads_back_exactly() {
    let fronts = [
        r#"say "hi" \o/"#,
        "ends in a backslash \\",
        "three quotes \"\"\" and three apostrophes '''",
        "[not a table] = \"x\"\n[[cards]]",
        "\nstarts with a line break",
        "line one\r\nline two\r\n",
        "tab\tand bell\u{7}",
        "émoji 🎉🧑‍🚀 and עברית with a mark \u{200f}",
        "ends with a quote\"",
        "'quoted in apostrophes'",
    ];
    for (i, front) in fronts.iter().enumerate() {
        let new = NewCard {
            front: (*front).to_owned(),
            back: format!("{front}\n\"\"\"\n{i}"),
            tags: vec![(*front).to_owned(), "plain".into()],
            hint: Some(format!("hint {front}")),
            reverse: true,
            id: None,
        };
        for old in [DECK.to_owned(), DECK.replace('\n', "\r\n")] {
            let appended = add(&old, &new).unwrap_or_else(|e| panic!("{front:?}: {e}"));
            let deck = reload(&appended.bytes);
            let back = deck.cards.iter().find(|c| c.id == appended.card).unwrap();
            assert_eq!(back.front, new.front);
            assert_eq!(back.back, new.back);
            assert_eq!(*back.tags, new.tags);
            assert_eq!(back.hint, new.hint);
            assert!(deck.cards.iter().any(|c| c.reversed && c.back == new.front));
        }
    }
}

#[test]
fn a_front_that_folds_to_an_existing_one_is_refused_naming_its_line() {
    let error = add(DECK, &card("  one!! ", "again")).unwrap_err();
    assert_eq!(
        error,
        AppendError::Collision {
            key: hashed_key("One"),
            line: 5,
            has_id: false,
        }
    );
    assert_eq!(
        error.to_string(),
        "the card at line 5 has the same front (ignoring case, spacing and punctuation); give \
         the new card an `id` to keep both"
    );
    // An `id` keeps both.
    let keyed = NewCard {
        id: Some("one-again".into()),
        ..card("One", "again")
    };
    assert_eq!(
        add(DECK, &keyed).unwrap().card.as_str(),
        "lang/es/one-again"
    );
}

#[test]
fn an_id_already_in_the_deck_is_refused() {
    let old = format!("{DECK}\n[[cards]]\nid = \"dog\"\nfront = \"perro\"\nback = \"dog\"\n");
    let new = NewCard {
        id: Some("dog".into()),
        ..card("can", "dog")
    };
    assert_eq!(
        add(&old, &new).unwrap_err().to_string(),
        "the card at line 9 already has the key `dog`; choose another `id`"
    );
}

#[test]
fn invalid_fields_are_refused_with_the_loaders_messages() {
    let error = add(DECK, &card("  ", "\n")).unwrap_err();
    assert_eq!(
        error,
        AppendError::Invalid(vec!["`front` is empty".into(), "`back` is empty".into()])
    );
    let bad = NewCard {
        id: Some("a/b".into()),
        tags: vec![" ".into()],
        ..card("F", "B")
    };
    assert_eq!(
        add(DECK, &bad).unwrap_err().to_string(),
        "`id` may only hold letters, digits, `-`, `_` and `.`; a tag is empty"
    );
}

#[test]
fn a_file_with_problems_is_refused_with_the_loaders_list() {
    let old = "[deck]\nname = \"N\"\n[[cards]]\nfrnt = \"One\"\nback = \"1\"\n";
    let error = add(old, &card("Two", "2")).unwrap_err();
    let AppendError::Broken { problems, .. } = &error else {
        panic!("{error:?}");
    };
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        listed,
        [
            "decks/lang/es.toml:3:1: card is missing `front`",
            "decks/lang/es.toml:4:1: unknown key `frnt` in a card; did you mean `front`?",
        ]
    );
    assert!(
        error
            .to_string()
            .starts_with("decks/lang/es.toml has problems; fix them, then add the card again:\n  ")
    );
    // An empty file has no `[deck]` table to add to.
    let AppendError::Broken { problems, .. } = add("", &card("Two", "2")).unwrap_err() else {
        panic!()
    };
    assert!(
        problems[0]
            .message
            .starts_with("missing the `[deck]` table")
    );
    // Bytes that are not UTF-8.
    let error = append(
        &id(),
        &path(),
        b"[deck]\nname = \"\xff\"\n",
        &card("a", "b"),
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("es.toml:2:9: invalid UTF-8 (byte 0xff)"),
        "{error}"
    );
}

#[test]
fn a_deck_without_cards_yet_takes_its_first_card() {
    let old = "[deck]\nname = \"New deck\"\n";
    let appended = add(old, &card("First", "card")).unwrap();
    assert_eq!(appended.line, 4);
    assert_eq!(reload(&appended.bytes).cards.len(), 1);
}

#[test]
fn inline_cards_cannot_take_a_table() {
    let old = "cards = [{ front = \"One\", back = \"1\" }]\n[deck]\nname = \"N\"\n";
    assert!(reload(old.as_bytes()).cards.len() == 1);
    let error = add(old, &card("Two", "2")).unwrap_err();
    assert!(matches!(error, AppendError::WouldBreak { .. }), "{error:?}");
}

#[test]
fn a_file_that_would_grow_past_the_limit_is_refused() {
    let filler = format!("# {}\n", "x".repeat(1000));
    let mut old = DECK.to_owned();
    while (old.len() as u64) < MAX_FILE_BYTES - 20 {
        old.push_str(&filler);
    }
    old.truncate(usize::try_from(MAX_FILE_BYTES).unwrap() - 20);
    old.push('\n');
    assert!(matches!(
        add(&old, &card("Two", "2")),
        Err(AppendError::TooBig(_))
    ));
}

proptest::proptest! {
    #[test]
    fn any_text_reads_back_exactly_or_is_refused(
        front in "\\PC{0,30}|[\\s\"'\\\\\\[\\]]{0,10}",
        back in "(\\PC|[\r\n\t\"'\\\\])*",
        tag in "\\PC{1,10}",
        crlf in proptest::bool::ANY,
    ) {
        let old = if crlf { DECK.replace('\n', "\r\n") } else { DECK.to_owned() };
        let new = NewCard { tags: vec![tag], ..card(&front, &back) };
        match add(&old, &new) {
            Ok(appended) => {
                proptest::prop_assert!(appended.bytes.starts_with(old.as_bytes()));
                let deck = reload(&appended.bytes);
                let read = deck.cards.iter().find(|c| c.id == appended.card).unwrap();
                proptest::prop_assert_eq!(&read.front, &new.front);
                proptest::prop_assert_eq!(&read.back, &new.back);
                proptest::prop_assert_eq!(&*read.tags, &new.tags[..]);
            }
            Err(AppendError::Invalid(_) | AppendError::Collision { .. }) => {}
            Err(other) => proptest::prop_assert!(false, "{other}"),
        }
    }
}

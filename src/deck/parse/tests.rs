use super::*;
use crate::deck::bundled;

fn parse(text: &str) -> Result<Deck, Vec<Problem>> {
    parse_deck(DeckId::new("d"), Source::Bundled, text)
}

fn messages(text: &str) -> Vec<String> {
    parse(text)
        .unwrap_err()
        .into_iter()
        .map(|p| p.message)
        .collect()
}

#[test]
fn a_minimal_deck() {
    let deck = parse("[deck]\nname = \"N\"\n[[cards]]\nfront = \"F\"\nback = \"B\"\n").unwrap();
    assert_eq!(deck.name, "N");
    assert_eq!(deck.description, "");
    assert_eq!(deck.cards.len(), 1);
    assert_eq!(deck.cards[0].id.as_str(), format!("d/{}", hashed_key("F")));
    assert_eq!(deck.cards[0].id.deck(), "d");
    assert_eq!(deck.cards[0].hint, None);
    assert_eq!(deck.cards[0].line, 3);
}

#[test]
fn editing_the_back_or_reordering_keeps_ids() {
    let before = parse(
        "[deck]\nname = \"N\"\n[[cards]]\nfront = \"One\"\nback = \"1\"\n[[cards]]\nfront = \"Two\"\nback = \"2\"\n",
    )
    .unwrap();
    let after = parse(
        "[deck]\nname = \"N\"\n[[cards]]\nfront = \"two\"\nback = \"deux\"\ntags = [\"x\"]\n[[cards]]\nfront = \"One.\"\nback = \"un\"\n",
    )
    .unwrap();
    assert_eq!(before.cards[0].id, after.cards[1].id);
    assert_eq!(before.cards[1].id, after.cards[0].id);
}

#[test]
fn an_explicit_id_and_a_reverse_card() {
    let deck = parse(
        "[deck]\nname = \"N\"\n[[cards]]\nid = \"dog\"\nfront = \"perro\"\nback = \"dog\"\nreverse = true\n",
    )
    .unwrap();
    let ids: Vec<_> = deck.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["d/dog", "d/dog~r"]);
    assert_eq!(deck.cards[1].id.key(), "dog~r");
    assert_eq!((deck.cards[0].line, deck.cards[1].line), (3, 3));
    assert_eq!(
        (deck.cards[1].front.as_str(), deck.cards[1].back.as_str()),
        ("dog", "perro")
    );
}

#[test]
fn reversed_cards_with_the_same_back_do_not_collide() {
    // Two cards with the same back are fine even when reversed: reversed keys derive from the
    // forward key, not from the back text.
    let deck = parse(
        "[deck]\nname = \"N\"\n[[cards]]\nfront = \"a\"\nback = \"same\"\nreverse = true\n[[cards]]\nfront = \"b\"\nback = \"same\"\nreverse = true\n",
    )
    .unwrap();
    assert_eq!(deck.cards.len(), 4);
}

#[test]
fn an_id_equal_to_another_cards_hashed_key_is_reported() {
    let key = hashed_key("q");
    let text = format!(
        "[deck]\nname = \"N\"\n[[cards]]\nid = \"{key}\"\nfront = \"other\"\nback = \"b\"\n[[cards]]\nfront = \"q\"\nback = \"b\"\n"
    );
    assert_eq!(
        messages(&text),
        [format!(
            "this card's key `{key}` is the `id` of the card at line 3; give this card an `id`"
        )]
    );
}

#[test]
fn type_mistakes_each_get_a_message() {
    let found = messages("deck = 3\ncards = [1]\n");
    assert_eq!(
        found,
        [
            "`deck` must be a table: `[deck]`",
            "each card must be a table with `front` and `back`"
        ]
    );
    let found = messages(
        "[deck]\nname = \"N\"\ntags = [\"\", 2]\n[[cards]]\nfront = \"a\"\nback = \"b\"\nreverse = \"yes\"\nhint = 4\n",
    );
    assert_eq!(
        found,
        [
            "a tag is empty",
            "a tag must be a string, not integer",
            "`reverse` must be `true` or `false`",
            "`hint` must be a string, not integer",
        ]
    );
}

#[test]
fn unknown_top_level_keys_list_the_known_ones() {
    assert_eq!(
        messages("[deck]\nname = \"N\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n[extra]\n"),
        ["unknown key `extra` at the top level; expected one of `deck`, `cards`, `type`"]
    );
}

#[test]
fn suggestions_are_close_not_wild() {
    assert_eq!(closest("frnt", CARD_KEYS), Some("front"));
    assert_eq!(closest("Back", CARD_KEYS), Some("back"));
    assert_eq!(closest("answer", CARD_KEYS), Some("back"));
    assert_eq!(closest("x", CARD_KEYS), None);
    assert_eq!(closest("reversed", CARD_KEYS), Some("reverse"));
    assert_eq!(closest("notes", CARD_KEYS), Some("note"));
    assert_eq!(closest("comment", CARD_KEYS), None);
}

#[test]
fn the_bundled_deck_is_valid_and_complete() {
    let deck = bundled::deck().expect("the bundled deck is valid");
    assert_eq!(deck.name, "Sales & Pricing - 4. Sales Optimization Levers");
    assert!(
        deck.description
            .starts_with("Vocabulary flashcards related to sales optimization levers")
    );
    assert_eq!(deck.cards.len(), 100);
    // Every card has an explicit id, so none is a 12-hex-digit hash.
    assert!(
        deck.cards
            .iter()
            .all(|c| c.id.key() != hashed_key(&c.front))
    );
    assert_eq!(bundled::TEXT.matches("\nid = ").count(), 100);
}

#[test]
fn the_bundled_deck_has_questions_on_the_front() {
    let deck = bundled::deck().unwrap();
    let card = |key: &str| {
        deck.cards
            .iter()
            .find(|c| c.id.key() == key)
            .unwrap_or_else(|| panic!("no card {key}"))
    };
    // Seed cards 7-13, 16-18, 20, 24 and 26 showed the answer first.
    assert_eq!(card("kams-essence").front, "What is KAM’s essence?");
    assert!(
        card("kams-essence")
            .back
            .starts_with("A radically different organizational process")
    );
    assert_eq!(
        card("kams-internal-objective").front,
        "What is KAM’s internal objective?"
    );
    assert_eq!(
        card("key-accounts-number").back,
        "The number of key accounts."
    );
    assert!(
        card("new-customer-requirements")
            .front
            .starts_with("What could happen")
    );
    assert_eq!(
        card("key-customer-selection-factors").front,
        "What are the Key customer selection factors?"
    );
    // Card 24's four steps stay a numbered list.
    assert_eq!(
        card("key-account-management-implementation-steps").back,
        "1. Customers are selected,\n2. an account team is formed,\n3. an account plan is developed,\n4. and the key account is managed."
    );
    // No back is one of the questions the seed had swapped onto it.
    for c in &deck.cards {
        let back_is_question = c.back.starts_with("What ") || c.back.starts_with("Why ");
        assert!(!back_is_question, "{} has a question on the back", c.id);
    }
}

#[test]
fn a_card_and_its_reverse_are_siblings_next_to_each_other() {
    let text = "[deck]\nname = \"S\"\n\
        [[cards]]\nid = \"a\"\nfront = \"A\"\nback = \"1\"\nreverse = true\n\
        [[cards]]\nfront = \"B\"\nback = \"2\"\n\
        [[cards]]\nfront = \"C\"\nback = \"3\"\nreverse = true\n";
    let deck = parse_deck(DeckId::new("s"), Source::Bundled, text).unwrap();
    let c = crate::deck::key::hashed_key("C");
    let entries: Vec<(&str, u16)> = deck
        .cards
        .iter()
        .map(|card| (card.entry_id(), card.sibling_index()))
        .collect();
    let c_entry = format!("s/{c}");
    let b_entry = format!("s/{}", crate::deck::key::hashed_key("B"));
    assert_eq!(
        entries,
        [
            ("s/a", 0),
            ("s/a", 1),
            (b_entry.as_str(), 0),
            (c_entry.as_str(), 0),
            (c_entry.as_str(), 1)
        ]
    );
    assert_eq!(deck.cards[4].id.as_str(), format!("s/{c}~r"));
    let runs: Vec<std::ops::Range<usize>> = (0..6).map(|i| deck.siblings(i)).collect();
    assert_eq!(runs, [0..2, 0..2, 2..3, 3..5, 3..5, 0..0]);
}

#[test]
fn a_deck_names_its_preset_as_a_string() {
    let deck = parse(
        "[deck]\nname = \"N\"\npreset = \"languages\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n",
    )
    .unwrap();
    assert_eq!(
        deck.preset,
        Some(crate::deck::NamedPreset {
            name: "languages".into(),
            line: 3
        })
    );
    let plain = parse("[deck]\nname = \"N\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n").unwrap();
    assert_eq!(plain.preset, None);
    assert_eq!(
        messages("[deck]\nname = \"N\"\npreset = 2\n[[cards]]\nfront = \"a\"\nback = \"b\"\n"),
        ["`preset` must be a string, not integer"]
    );
    assert_eq!(
        messages("[deck]\nname = \"N\"\npreset = \" \"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n"),
        ["`preset` is empty"]
    );
    assert_eq!(
        messages("[deck]\nname = \"N\"\npresets = \"x\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n"),
        ["unknown key `presets` in `[deck]`; did you mean `preset`?"]
    );
}

/// Each problem as `line:col: message`.
fn located(text: &str) -> Vec<String> {
    parse(text)
        .unwrap_err()
        .into_iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect()
}

#[test]
fn a_cloze_entry_makes_one_card_per_number() {
    let deck = parse(
        "[deck]\nname = \"N\"\n[[cards]]\nid = \"cap\"\n\
         cloze = \"The capital of {{c1::France}} is {{c2::Paris::a city}}.\"\n\
         extra = \"Since 508.\"\ntags = [\"geo\"]\ntype = true\n",
    )
    .unwrap();
    let shown: Vec<(&str, &str, &str, u16)> = deck
        .cards
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.front.as_str(),
                c.back.as_str(),
                c.sibling_index(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("d/cap~c1", "The capital of […] is Paris.", "France", 0),
            ("d/cap~c2", "The capital of France is [a city].", "Paris", 1),
        ]
    );
    for card in &deck.cards {
        assert_eq!(card.entry_id(), "d/cap");
        assert_eq!(*card.tags, ["geo"]);
        assert!(card.typed);
        assert_eq!(card.line, 3);
        let cloze = card.cloze.as_ref().unwrap();
        assert_eq!(cloze.extra.as_deref(), Some("Since 508."));
    }
    assert_eq!(deck.siblings(0), 0..2);
    assert_eq!(deck.siblings(1), 0..2);
    // Without an id the entry is keyed by the hash of its cloze text, as a front would be.
    let unkeyed = parse("[deck]\nname = \"N\"\n[[cards]]\ncloze = \"{{c1::a}} b\"\n").unwrap();
    assert_eq!(
        unkeyed.cards[0].id.as_str(),
        format!("d/{}~c1", hashed_key("{{c1::a}} b"))
    );
    assert!(!unkeyed.cards[0].typed);
}

/// A card's table after a valid `[deck]`: its `[[cards]]` line is line 3.
const CARD_HEAD: &str = "[deck]\nname = \"N\"\n[[cards]]\n";

#[test]
fn cloze_mistakes_point_into_the_string() {
    // `cloze = "` takes 9 columns, so the string's first character is at column 10.
    let table = [
        // `One ` takes columns 10 to 13: the `{{` is at 14.
        (
            "cloze = \"One {{c1::two\"\n",
            "4:14: this `{{` is never closed: end the deletion with `}}`",
        ),
        (
            "cloze = 'a {{x1::b}}'\n",
            "4:12: `{{x1` is not a cloze number: write `c` and a number, then `::`, as in \
             `{{c1::Paris}}`",
        ),
        // Anki reads `{{C1::` as text and has no card above c500: `Paris ` is columns 10-15.
        (
            "cloze = 'Paris {{C1::France}}'\n",
            "4:16: a cloze number starts with a lowercase `c` (`{{c1::`): Anki reads `{{C1::` as \
             plain text",
        ),
        (
            "cloze = 'Paris {{c501::France}}'\n",
            "4:16: cloze numbers go from c1 to c500, not c501",
        ),
        // A multi-line string starts on the next line.
        (
            "cloze = \"\"\"\nab {{c2::}}\"\"\"\n",
            "5:4: the deletion `{{c2::}}` is empty",
        ),
        (
            "cloze = \"no gap\"\n",
            "4:10: the cloze text has no deletion; mark one as `{{c1::…}}`",
        ),
        // With an escape in the string, the value's start (its quote) is the best place.
        (
            "cloze = \"\\u0041 {{c1::\"\n",
            "4:9: this `{{` is never closed: end the deletion with `}}`",
        ),
        // Keys a cloze card may not have.
        (
            "front = \"F\"\ncloze = \"{{c1::a}}\"\n",
            "5:1: a card has either `front` and `back` or `cloze`, not both",
        ),
        (
            "cloze = \"{{c1::a}}\"\nreverse = true\n",
            "5:1: a cloze card cannot be reversed; each cloze number is a card already",
        ),
        (
            "front = \"F\"\nback = \"B\"\nextra = \"E\"\n",
            "6:1: `extra` belongs to a `cloze` card; put it in `back`",
        ),
        (
            "front = \"F\"\nback = \"B\"\ntype = 1\n",
            "6:8: `type` must be `true` or `false`",
        ),
    ];
    for (card, expected) in table {
        assert_eq!(located(&format!("{CARD_HEAD}{card}")), [expected], "{card}");
    }
    // Two entries with the same cloze text and no ids collide, as fronts do.
    let twice =
        format!("{CARD_HEAD}cloze = \"{{{{c1::a}}}}\"\n[[cards]]\ncloze = \"{{{{c1::A}}}}\"\n");
    assert!(located(&twice)[0].starts_with("5:1: duplicate cloze text: the card at line 3"));
}

#[test]
fn cards_that_share_a_note_are_siblings() {
    let text = "[deck]\nname = \"S\"\n\
        [[cards]]\nid = \"v\"\nnote = \"verb\"\nfront = \"comer\"\nback = \"to eat\"\n\
        [[cards]]\nid = \"v-t2\"\nnote = \"verb\"\nfront = \"como\"\nback = \"I eat\"\n\
        [[cards]]\nid = \"w\"\nfront = \"beber\"\nback = \"to drink\"\n";
    let deck = parse_deck(DeckId::new("s"), Source::Bundled, text).unwrap();
    let entries: Vec<&str> = deck.cards.iter().map(Card::entry_id).collect();
    assert_eq!(entries, ["s/verb", "s/verb", "s/w"]);
    let runs: Vec<std::ops::Range<usize>> = (0..3).map(|i| deck.siblings(i)).collect();
    assert_eq!(runs, [0..2, 0..2, 2..3]);
}

#[test]
fn a_note_key_is_checked_as_an_id_is() {
    let text = "[deck]\nname = \"S\"\n[[cards]]\nnote = \"a b\"\nfront = \"x\"\nback = \"y\"\n";
    let errors = parse_deck(DeckId::new("s"), Source::Bundled, text).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    // Line 4, column 8: the value's opening quote.
    assert!(
        messages[0].ends_with("4:8: `note` may only hold letters, digits, `-`, `_` and `.`"),
        "{messages:?}"
    );
}

#[test]
fn a_file_with_a_bad_card_says_how_many_cards_are_valid() {
    let counted = |text: &str| parse_deck_counted(DeckId::new("d"), Source::Bundled, text);
    // Three entries: one reversed (two cards), one without a back, one plain.
    let text = "[deck]\nname = \"N\"\n\
        [[cards]]\nfront = \"A\"\nback = \"a\"\nreverse = true\n\
        [[cards]]\nfront = \"B\"\n\
        [[cards]]\nfront = \"C\"\nback = \"c\"\n";
    let (problems, valid) = counted(text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 7);
    assert_eq!(valid, 3);
    // A deck table without a name still counts its cards; broken TOML counts none.
    let (_, valid) = counted("[deck]\n[[cards]]\nfront = \"A\"\nback = \"a\"\n").unwrap_err();
    assert_eq!(valid, 1);
    let (_, valid) = counted("[deck\nname = 1").unwrap_err();
    assert_eq!(valid, 0);
    // Fixed, the valid cards keep their ids: a card's id is its own, not its neighbours'.
    let fixed = counted(&text.replace("front = \"B\"\n", "front = \"B\"\nback = \"b\"\n")).unwrap();
    let ids: Vec<&str> = fixed.cards.iter().map(|c| c.id.as_str()).collect();
    let a = format!("d/{}", hashed_key("A"));
    assert_eq!(ids[0], a);
    assert_eq!(ids[3], format!("d/{}", hashed_key("C")));
}

#[test]
fn a_decks_type_makes_every_card_typed_unless_a_card_says_otherwise() {
    let cards = "[[cards]]\nfront = \"A\"\nback = \"a\"\n\
                 [[cards]]\nfront = \"B\"\nback = \"b\"\ntype = false\n\
                 [[cards]]\ncloze = \"{{c1::x}} y\"\n";
    let typed = |deck: &Deck| deck.cards.iter().map(|c| c.typed).collect::<Vec<_>>();
    let in_deck = parse(&format!("[deck]\nname = \"N\"\ntype = true\n{cards}")).unwrap();
    assert_eq!(typed(&in_deck), [true, false, true]);
    // At the top of the file, before any table: the same setting.
    let at_top = parse(&format!("type = true\n[deck]\nname = \"N\"\n{cards}")).unwrap();
    assert_eq!(typed(&at_top), [true, false, true]);
    let unset = parse(&format!("[deck]\nname = \"N\"\n{cards}")).unwrap();
    assert_eq!(typed(&unset), [false, false, false]);
}

#[test]
fn a_decks_type_must_be_a_boolean_given_once() {
    let problems =
        parse("type = \"yes\"\n[deck]\nname = \"N\"\n[[cards]]\nfront = \"A\"\nback = \"a\"\n")
            .unwrap_err();
    assert_eq!(
        (
            problems[0].line,
            problems[0].column,
            problems[0].message.as_str()
        ),
        (1, 8, "`type` must be `true` or `false`")
    );
    let problems = parse(
        "type = true\n[deck]\nname = \"N\"\ntype = false\n[[cards]]\nfront = \"A\"\nback = \"a\"\n",
    )
    .unwrap_err();
    assert_eq!(
        (
            problems[0].line,
            problems[0].column,
            problems[0].message.as_str()
        ),
        (
            1,
            1,
            "`type` is given both here and in `[deck]`; keep one of them"
        )
    );
    assert_eq!(
        messages("[deck]\nname = \"N\"\ntype = 1\n[[cards]]\nfront = \"A\"\nback = \"a\"\n"),
        ["`type` must be `true` or `false`"]
    );
}

#[test]
fn tts_sets_both_sides_and_a_side_key_overrides_it() {
    let deck = parse(
        "[deck]\nname = \"N\"\ntts = \"es\"\ntts_back = \"en-GB\"\n[[cards]]\nfront = \"F\"\nback = \"B\"\n",
    )
    .unwrap();
    assert_eq!(deck.speech.language(false), Some("es"));
    assert_eq!(deck.speech.language(true), Some("en-GB"));
    let plain = parse("[deck]\nname = \"N\"\n[[cards]]\nfront = \"F\"\nback = \"B\"\n").unwrap();
    assert_eq!(plain.speech, crate::deck::speech::Speech::default());
}

#[test]
fn a_bad_tts_value_is_placed_at_its_value() {
    let text = "[deck]\nname = \"N\"\ntts_front = \"es; rm -rf\"\ntts = 3\n[[cards]]\nfront = \"F\"\nback = \"B\"\n";
    let problems = parse(text).unwrap_err();
    let shown: Vec<(usize, usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    // `tts_front = ` is 12 columns, so the value starts at column 13 of line 3; `tts = ` is 6.
    assert_eq!(
        shown,
        [
            (
                3,
                13,
                "`tts_front` must be a language tag such as \"es\" or \"pt-BR\", not \"es; rm -rf\""
            ),
            (4, 7, "`tts` must be a string, not integer"),
        ]
    );
}

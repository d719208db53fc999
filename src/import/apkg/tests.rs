use chrono::{FixedOffset, NaiveDate};

use super::model::{Card, Collection, Deck, Note, Notetype, NotetypeKind, Revlog, Template};
use super::*;
use crate::store::EventKind;

fn utc(_: i64) -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn template(front: &str, back: &str) -> Template {
    Template {
        name: "Card".into(),
        front: front.into(),
        back: back.into(),
    }
}

fn card(id: i64, note: i64, ord: u32) -> Card {
    Card {
        id,
        note,
        deck: 1,
        ord,
        kind: 2,
        queue: 2,
        due: 40,
        flags: 0,
        modified: 1_713_020_400,
    }
}

/// A Cloze note (two numbers) and a type-in note, in deck `Spanish::Verbs`.
fn collection() -> Collection {
    Collection {
        notetypes: vec![
            Notetype {
                id: 7,
                name: "Cloze".into(),
                kind: NotetypeKind::Cloze,
                fields: vec!["Text".into(), "Back Extra".into()],
                templates: vec![template(
                    "{{cloze:Text}}",
                    "{{cloze:Text}}<br>{{Back Extra}}",
                )],
            },
            Notetype {
                id: 8,
                name: "Basic (type in the answer)".into(),
                kind: NotetypeKind::Normal,
                fields: vec!["Front".into(), "Back".into()],
                templates: vec![template(
                    "{{Front}}\n\n{{type:Back}}",
                    "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}",
                )],
            },
        ],
        notes: vec![
            Note {
                id: 1,
                guid: "c".into(),
                notetype: 7,
                fields: vec![
                    "The capital of {{c1::France}} is {{c2::Paris::a city}}.".into(),
                    "Since <b>987</b>".into(),
                ],
                tags: vec!["geo".into()],
            },
            Note {
                id: 2,
                guid: "t".into(),
                notetype: 8,
                fields: vec!["the water".into(), "el agua".into()],
                tags: Vec::new(),
            },
        ],
        cards: vec![card(11, 1, 0), card(12, 1, 1), card(21, 2, 0)],
        decks: vec![Deck {
            id: 1,
            name: vec!["Spanish".into(), "Verbs".into()],
            preset: Some(1),
        }],
        created: 1_709_524_800,
        ..Collection::default()
    }
}

#[test]
fn cloze_and_typed_notes_are_written_with_their_keys() {
    let converted = convert(&collection(), &MediaPlan::default(), "d", &utc).unwrap();
    let [deck] = converted.decks.as_slice() else {
        panic!("{:?}", converted.decks);
    };
    assert_eq!(deck.id, "spanish/verbs");
    // The deck loader reads it: the cloze note's two cards and the typed card.
    let loaded = crate::deck::parse_deck(
        crate::deck::DeckId::new("spanish/verbs"),
        crate::deck::Source::Bundled,
        &deck.toml,
    )
    .unwrap();
    let keys: Vec<&str> = loaded.cards.iter().map(|c| c.id.key()).collect();
    let base = base_key("c");
    assert!(keys.contains(&format!("{base}~c1").as_str()), "{keys:?}");
    assert!(keys.contains(&format!("{base}~c2").as_str()), "{keys:?}");
    assert!(loaded.cards.iter().any(|c| c.typed), "{keys:?}");
    let parsed: toml::Table = toml::from_str(&deck.toml).unwrap();
    assert_eq!(parsed["deck"]["name"].as_str(), Some("Spanish::Verbs"));
    let cards = parsed["cards"].as_array().unwrap();
    let cloze = &cards[0];
    assert_eq!(cloze["id"].as_str(), Some(base_key("c").as_str()));
    assert_eq!(
        cloze["cloze"].as_str(),
        Some("The capital of {{c1::France}} is {{c2::Paris::a city}}.")
    );
    assert_eq!(cloze["extra"].as_str(), Some("Since 987"));
    assert_eq!(cloze["tags"][0].as_str(), Some("geo"));
    assert!(cloze.get("front").is_none());
    let typed = &cards[1];
    assert_eq!(typed["front"].as_str(), Some("the water"));
    assert_eq!(typed["back"].as_str(), Some("el agua"));
    assert_eq!(typed["type"].as_bool(), Some(true));
    assert_eq!(converted.kinds[&Kind::Cloze], (1, 2));
    assert_eq!(converted.kinds[&Kind::Typed], (1, 1));
}

fn row(id: i64, card: i64, ease: u8, kind: u8, factor: i64, interval: i64) -> Revlog {
    Revlog {
        id,
        card,
        ease,
        interval,
        factor,
        taken_ms: 75_000,
        kind,
    }
}

#[test]
fn revlog_rows_become_events_of_the_cards_they_name() {
    let mut collection = collection();
    // 2024-03-04 10:00 UTC: Good on cloze 2, Forget (manual, factor 0) on cloze 1, a set due
    // date (manual, factor kept) on the typed card, and a row of a deleted card.
    collection.revlog = vec![
        row(1_709_546_400_000, 12, 3, 0, 0, -600),
        row(1_709_546_500_000, 11, 0, 4, 0, 0),
        row(1_709_546_600_000, 21, 0, 4, 2500, 7),
        row(1_709_546_700_000, 99, 3, 1, 2500, 3),
    ];
    collection.cards[0].queue = -1;
    collection.cards[1].flags = 1;
    let converted = convert(&collection, &MediaPlan::default(), "d", &utc).unwrap();
    let base = |guid| format!("spanish/verbs/{}", base_key(guid));
    let events = &converted.events;
    assert_eq!(events.len(), 5, "{events:?}");
    assert_eq!(
        events[0].card.as_deref(),
        Some(format!("{}~c2", base("c")).as_str())
    );
    assert_eq!(events[0].id, "anki-1709524800-1709546400000");
    assert_eq!(events[0].time.to_rfc3339(), "2024-03-04T10:00:00+00:00");
    let EventKind::Review {
        rating,
        duration_ms,
        ..
    } = &events[0].kind
    else {
        panic!("{:?}", events[0]);
    };
    assert_eq!((u8::from(*rating), *duration_ms), (3, Some(60_000)));
    assert_eq!(events[1].kind, EventKind::Forget);
    assert_eq!(
        events[1].card.as_deref(),
        Some(format!("{}~c1", base("c")).as_str())
    );
    // The typed card's last row: its due is the card's own, day 40 after 2024-03-04.
    assert_eq!(
        events[2].kind,
        EventKind::SetDue {
            due: NaiveDate::from_ymd_opt(2024, 4, 13).unwrap(),
            interval: Some(7)
        }
    );
    assert_eq!(events[3].kind, EventKind::Suspend);
    assert_eq!(events[4].kind, EventKind::Star);
    assert_eq!(converted.tally.orphan_rows, 1);
    assert_eq!((converted.tally.reviews, converted.tally.forgets), (1, 1));
}

#[test]
fn media_names_clash_only_with_other_files() {
    let media = |name: &str| Media {
        name: name.into(),
        entry: "0".into(),
        size: Some(3),
    };
    let plan = plan_media(
        &[media("a.png"), media("b.png"), media("c")],
        &mut |name, _| match name {
            "a.png" | "c" => Existing::Different,
            "b.png" => Existing::Same,
            _ => Existing::Free,
        },
    )
    .unwrap();
    let targets: Vec<(&str, bool)> = plan
        .copies
        .iter()
        .map(|c| (c.target.as_str(), c.present))
        .collect();
    assert_eq!(
        targets,
        [("a-2.png", false), ("b.png", true), ("c-2", false)]
    );
    for bad in ["../x", "a/b", "..", "", "c:\\x"] {
        assert_eq!(
            plan_media(&[media(bad)], &mut |_, _| Existing::Free),
            Err(ConvertError::MediaPath(bad.into()))
        );
    }
}

/// A collection of one note type and its notes, each note with the cards of the given
/// ordinals (card ids `10 * note + ord`).
fn one_type(notetype: Notetype, notes: Vec<(Vec<&str>, Vec<u32>)>) -> Collection {
    let mut collection = Collection {
        notetypes: vec![Notetype { id: 9, ..notetype }],
        decks: collection().decks,
        created: 1_709_524_800,
        ..Collection::default()
    };
    for (i, (fields, ords)) in notes.into_iter().enumerate() {
        let id = i64::try_from(i).unwrap() + 1;
        collection.notes.push(Note {
            id,
            guid: format!("g{id}"),
            notetype: 9,
            fields: fields.into_iter().map(str::to_owned).collect(),
            tags: Vec::new(),
        });
        for ord in ords {
            collection
                .cards
                .push(card(10 * id + i64::from(ord), id, ord));
        }
    }
    collection
}

#[test]
fn an_optional_reverse_left_empty_is_a_basic_card() {
    // Anki's stock "Basic (optional reversed card)": Card 2 only when Add Reverse is filled.
    let notetype = Notetype {
        id: 9,
        name: "Basic (optional reversed card)".into(),
        kind: NotetypeKind::Normal,
        fields: vec!["Front".into(), "Back".into(), "Add Reverse".into()],
        templates: vec![
            template("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
            template(
                "{{#Add Reverse}}{{Back}}{{/Add Reverse}}",
                "{{FrontSide}}<hr id=answer>{{Front}}",
            ),
        ],
    };
    let collection = one_type(
        notetype,
        vec![
            (vec!["uno", "one", ""], vec![0]),
            (vec!["dos", "two", "y"], vec![0, 1]),
        ],
    );
    let converted = convert(&collection, &MediaPlan::default(), "d", &utc).unwrap();
    assert_eq!(converted.kinds[&Kind::Basic], (1, 1));
    assert_eq!(converted.kinds[&Kind::Reversed], (1, 2));
    assert_eq!(converted.kinds.len(), 2, "{:?}", converted.kinds);
}

#[test]
fn a_type_box_only_on_the_answer_side_is_no_typed_card() {
    // Anki's reviewer asks for typing only when `{{type:}}` is on the question
    // (aqt/reviewer.py: typeAnsQuestionFilter sets typeCorrect; without it the answer's
    // `{{type:}}` is removed). flashdeck keeps the field's text as the answer.
    let notetype = Notetype {
        id: 9,
        name: "Answer-side type".into(),
        kind: NotetypeKind::Normal,
        fields: vec!["Front".into(), "Back".into()],
        templates: vec![template(
            "{{Front}}",
            "{{Front}}<hr id=answer>{{type:Back}}",
        )],
    };
    let collection = one_type(notetype, vec![(vec!["the water", "el agua"], vec![0])]);
    let converted = convert(&collection, &MediaPlan::default(), "d", &utc).unwrap();
    assert_eq!(converted.kinds[&Kind::Basic], (1, 1));
    let parsed: toml::Table = toml::from_str(&converted.decks[0].toml).unwrap();
    let card = &parsed["cards"].as_array().unwrap()[0];
    assert_eq!(card.get("type"), None);
    assert_eq!(card["back"].as_str(), Some("el agua"));
}

#[test]
fn a_nested_cloze_keeps_its_note_with_the_inner_deletion_as_text() {
    let notetype = collection().notetypes[0].clone();
    // Cards c1 and c2 in Anki; c2 is inside c1. A review of each.
    let mut collection = one_type(
        notetype,
        vec![(
            vec!["{{c1::Canberra was {{c2::founded}} in 1913}}", ""],
            vec![0, 1],
        )],
    );
    collection.revlog = vec![
        row(1_709_546_400_000, 10, 3, 0, 0, -600),
        row(1_709_546_500_000, 11, 3, 0, 0, -600),
    ];
    let converted = convert(&collection, &MediaPlan::default(), "d", &utc).unwrap();
    assert!(converted.skipped.is_empty(), "{:?}", converted.skipped);
    assert_eq!(converted.kinds[&Kind::Cloze], (1, 1));
    let parsed: toml::Table = toml::from_str(&converted.decks[0].toml).unwrap();
    let card = &parsed["cards"].as_array().unwrap()[0];
    assert_eq!(
        card["cloze"].as_str(),
        Some("{{c1::Canberra was founded in 1913}}")
    );
    let [change] = converted.changed.as_slice() else {
        panic!("{:?}", converted.changed);
    };
    assert_eq!(
        change.reason,
        "nested cloze deletions flattened: c2 inside another deletion kept as text; card c2 is \
         not made (its reviews are left out)"
    );
    // c1's review is kept; c2's is left out, not called deleted in Anki.
    assert_eq!(converted.events.len(), 1);
    assert_eq!(
        (converted.tally.left_out_rows, converted.tally.orphan_rows),
        (1, 0)
    );
}

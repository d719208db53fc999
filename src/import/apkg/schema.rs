//! The collection's tables into a [`Collection`]: schema 18 (note types, decks and options in
//! tables of their own, with protobuf configs) or schema 11 (the same as JSON in `col`).
//! Field numbers are those of Anki's `proto/anki/{notetypes,decks,deck_config}.proto`.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::Value as Json;

use super::model::{
    Card, Collection, Deck, Note, Notetype, NotetypeKind, Preset, Revlog, Template,
};
use super::package::{NEWEST_SCHEMA, PackageError};
use super::proto;

/// Reads every table flashdeck uses.
pub fn read(db: &Connection) -> Result<Collection, PackageError> {
    let (version, created): (i64, i64) = db.query_row("select ver, crt from col", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    if version > NEWEST_SCHEMA {
        return Err(PackageError::Newer(format!("collection schema {version}")));
    }
    let mut collection = if version >= 15 {
        current(db)?
    } else {
        legacy(db)?
    };
    collection.created = created;
    collection.notes = notes(db)?;
    collection.cards = cards(db)?;
    collection.revlog = revlog(db)?;
    Ok(collection)
}

fn damaged(what: &str) -> PackageError {
    PackageError::Collection(format!("{what} cannot be read"))
}

/// Schema 18's note types, with their fields and templates.
fn notetypes(db: &Connection) -> Result<Vec<Notetype>, PackageError> {
    let mut fields: HashMap<i64, Vec<String>> = HashMap::new();
    let mut statement = db.prepare("select ntid, name from fields order by ntid, ord")?;
    for row in statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (notetype, name) = row?;
        fields.entry(notetype).or_default().push(name);
    }
    let mut templates: HashMap<i64, Vec<Template>> = HashMap::new();
    for (notetype, name, config) in blob_rows(
        db,
        "select ntid, name, config from templates order by ntid, ord",
    )? {
        let config = proto::fields(&config).ok_or_else(|| damaged("a card template"))?;
        templates.entry(notetype).or_default().push(Template {
            name,
            front: proto::text(&config, 1).unwrap_or_default().to_owned(),
            back: proto::text(&config, 2).unwrap_or_default().to_owned(),
        });
    }
    let mut notetypes = Vec::new();
    for (id, name, config) in blob_rows(db, "select id, name, config from notetypes")? {
        let config = proto::fields(&config).ok_or_else(|| damaged("a note type"))?;
        notetypes.push(Notetype {
            id,
            name,
            kind: kind(proto::uint(&config, 1).unwrap_or(0)),
            fields: fields.remove(&id).unwrap_or_default(),
            templates: templates.remove(&id).unwrap_or_default(),
        });
    }
    Ok(notetypes)
}

/// Schema 18's decks, each with its options preset (none for a filtered deck).
fn decks(db: &Connection) -> Result<Vec<Deck>, PackageError> {
    let mut decks = Vec::new();
    for (id, name, kind) in blob_rows(db, "select id, name, kind from decks")? {
        let kind = proto::fields(&kind).ok_or_else(|| damaged("a deck"))?;
        // `DeckKindContainer`: field 1 a normal deck (its field 1 the options id), 2 filtered.
        let preset = proto::bytes(&kind, 1)
            .and_then(proto::fields)
            .map(|normal| proto::uint(&normal, 1).unwrap_or(1).cast_signed());
        decks.push(Deck {
            id,
            name: name.split('\x1f').map(str::to_owned).collect(),
            preset,
        });
    }
    Ok(decks)
}

/// Schema 18's deck options presets.
fn presets(db: &Connection) -> Result<Vec<Preset>, PackageError> {
    let mut presets = Vec::new();
    for (id, name, config) in blob_rows(db, "select id, name, config from deck_config")? {
        let c = proto::fields(&config).ok_or_else(|| damaged("a deck options preset"))?;
        let number = |n, default: u32| {
            proto::uint(&c, n).map_or(default, |v| u32::try_from(v).unwrap_or(default))
        };
        let flag = |n| proto::uint(&c, n).is_some_and(|v| v != 0);
        let mut parameters = proto::floats(&c, 6);
        if parameters.is_empty() {
            parameters = proto::floats(&c, 5);
        }
        presets.push(Preset {
            id,
            name,
            learn_steps: proto::floats(&c, 1),
            relearn_steps: proto::floats(&c, 2),
            new_per_day: number(9, 20),
            reviews_per_day: number(10, 200),
            maximum_interval: number(16, 36_500),
            desired_retention: proto::float(&c, 37).unwrap_or(0.9),
            parameters: fsrs6(parameters),
            leech_threshold: number(22, 8),
            bury_new: flag(27),
            bury_reviews: flag(28),
            bury_interday_learning: flag(29),
        });
    }
    Ok(presets)
}

fn current(db: &Connection) -> Result<Collection, PackageError> {
    let notetypes = notetypes(db)?;
    let decks = decks(db)?;
    let presets = presets(db)?;
    let rollover = db
        .query_row("select val from config where key = 'rollover'", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .ok()
        .and_then(|bytes| serde_json::from_slice::<u32>(&bytes).ok());
    Ok(Collection {
        notetypes,
        decks,
        presets,
        rollover,
        ..Collection::default()
    })
}

fn kind(value: u64) -> NotetypeKind {
    if value == 1 {
        NotetypeKind::Cloze
    } else {
        NotetypeKind::Normal
    }
}

/// FSRS-5's 19 parameters are FSRS-6's with no same-day stability exponent and a decay of
/// 0.5, as the `fsrs` crate migrates them; other lengths are left for the check to refuse.
fn fsrs6(mut parameters: Vec<f32>) -> Vec<f32> {
    if parameters.len() == 19 {
        parameters.extend([0.0, 0.5]);
    }
    parameters
}

fn legacy(db: &Connection) -> Result<Collection, PackageError> {
    let (conf, models, decks, dconf): (String, String, String, String) =
        db.query_row("select conf, models, decks, dconf from col", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let parse = |text: &str, what| -> Result<Json, PackageError> {
        serde_json::from_str(text).map_err(|_| damaged(what))
    };
    let conf = parse(&conf, "the collection's settings")?;
    let text = |v: &Json, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let id_of = |key: &str, v: &Json| {
        v["id"]
            .as_i64()
            .or_else(|| key.parse().ok())
            .unwrap_or_default()
    };
    let mut notetypes = Vec::new();
    for (key, model) in parse(&models, "the note types")?
        .as_object()
        .into_iter()
        .flatten()
    {
        let mut fields: Vec<&Json> = model["flds"].as_array().into_iter().flatten().collect();
        fields.sort_by_key(|f| f["ord"].as_i64());
        let mut templates: Vec<&Json> = model["tmpls"].as_array().into_iter().flatten().collect();
        templates.sort_by_key(|t| t["ord"].as_i64());
        notetypes.push(Notetype {
            id: id_of(key, model),
            name: text(model, "name"),
            kind: kind(model["type"].as_u64().unwrap_or(0)),
            fields: fields.iter().map(|f| text(f, "name")).collect(),
            templates: templates
                .iter()
                .map(|t| Template {
                    name: text(t, "name"),
                    front: text(t, "qfmt"),
                    back: text(t, "afmt"),
                })
                .collect(),
        });
    }
    let mut deck_list = Vec::new();
    for (key, deck) in parse(&decks, "the decks")?
        .as_object()
        .into_iter()
        .flatten()
    {
        let filtered = deck["dyn"].as_i64().unwrap_or(0) != 0;
        deck_list.push(Deck {
            id: id_of(key, deck),
            name: text(deck, "name").split("::").map(str::to_owned).collect(),
            preset: (!filtered).then(|| deck["conf"].as_i64().unwrap_or(1)),
        });
    }
    let presets = parse(&dconf, "the deck options")?
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, c)| legacy_preset(id_of(key, c), c))
        .collect();
    Ok(Collection {
        notetypes,
        decks: deck_list,
        presets,
        rollover: conf["rollover"]
            .as_u64()
            .and_then(|hour| u32::try_from(hour).ok()),
        ..Collection::default()
    })
}

/// A schema 11 deck options preset (`dconf`'s JSON; Anki's `DeckConfSchema11`).
fn legacy_preset(id: i64, c: &Json) -> Preset {
    let text = |v: &Json, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let floats = |v: &Json| -> Vec<f32> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_f64)
            .map(to_f32)
            .collect()
    };
    let number = |v: &Json, default: u32| {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(default)
    };
    let mut parameters = floats(&c["fsrsParams6"]);
    if parameters.is_empty() {
        parameters = floats(&c["fsrsParams5"]);
    }
    Preset {
        id,
        name: text(c, "name"),
        learn_steps: floats(&c["new"]["delays"]),
        relearn_steps: floats(&c["lapse"]["delays"]),
        new_per_day: number(&c["new"]["perDay"], 20),
        reviews_per_day: number(&c["rev"]["perDay"], 200),
        maximum_interval: number(&c["rev"]["maxIvl"], 36_500),
        desired_retention: to_f32(c["desiredRetention"].as_f64().unwrap_or(0.9)),
        parameters: fsrs6(parameters),
        leech_threshold: number(&c["lapse"]["leechFails"], 8),
        bury_new: c["new"]["bury"].as_bool().unwrap_or(false),
        bury_reviews: c["rev"]["bury"].as_bool().unwrap_or(false),
        bury_interday_learning: c["buryInterdayLearning"].as_bool().unwrap_or(false),
    }
}

fn notes(db: &Connection) -> Result<Vec<Note>, PackageError> {
    let mut statement = db.prepare("select id, guid, mid, tags, flds from notes order by id")?;
    let rows = statement.query_map([], |r| {
        let tags: String = r.get(3)?;
        let fields: String = r.get(4)?;
        Ok(Note {
            id: r.get(0)?,
            guid: r.get(1)?,
            notetype: r.get(2)?,
            fields: fields.split('\x1f').map(str::to_owned).collect(),
            tags: tags.split_whitespace().map(str::to_owned).collect(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn cards(db: &Connection) -> Result<Vec<Card>, PackageError> {
    let mut statement = db.prepare(
        "select id, nid, case when odid != 0 then odid else did end, ord, type, queue, \
         case when odid != 0 then odue else due end, flags, mod from cards order by id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(Card {
            id: r.get(0)?,
            note: r.get(1)?,
            deck: r.get(2)?,
            ord: r.get(3)?,
            kind: r.get(4)?,
            queue: r.get(5)?,
            due: r.get(6)?,
            flags: r.get(7)?,
            modified: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn revlog(db: &Connection) -> Result<Vec<Revlog>, PackageError> {
    let mut statement =
        db.prepare("select id, cid, ease, ivl, factor, time, type from revlog order by id")?;
    let rows = statement.query_map([], |r| {
        Ok(Revlog {
            id: r.get(0)?,
            card: r.get(1)?,
            ease: r.get(2)?,
            interval: r.get(3)?,
            factor: r.get(4)?,
            taken_ms: r.get(5)?,
            kind: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A number Anki keeps as an `f32` (steps, retention, parameters), read from its JSON.
#[allow(clippy::cast_possible_truncation)]
fn to_f32(number: f64) -> f32 {
    number as f32
}

/// Rows of an id, a name and a protobuf blob: the shape of every schema 18 config table.
fn blob_rows(db: &Connection, sql: &str) -> Result<Vec<(i64, String, Vec<u8>)>, PackageError> {
    let mut statement = db.prepare(sql)?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

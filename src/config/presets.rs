//! Named presets, `[presets.NAME]`: scheduling settings for some decks only. A preset holds
//! any setting a whole collection's scheduling has ([`super::Setting::preset`]); a key it
//! leaves out is the global section's. Decks take a preset by `preset = "NAME"` in their
//! `[deck]` table or by one of the preset's `decks` globs (`study::presets` resolves them).

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::DeValue;

use super::values::Value;
use super::{Config, Place, Problem, read_setting};
use crate::deck::LineIndex;
use crate::scheduler::Settings;

/// One `[presets.NAME]` table, with the global section filled in where it is silent.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// The `NAME` of `[presets.NAME]`.
    pub name: String,
    /// Deck ids or globs of them (`lang/**`, `lang/*`, `spanish?`) whose decks use it.
    pub decks: Vec<String>,
    /// Its settings: its own keys, the global section's for the rest.
    pub scheduling: Settings,
    /// When `flashdeck optimize` fitted its parameters (`YYYY-MM-DD`); the global section's
    /// date only when the parameters are the global section's too.
    pub optimized: Option<String>,
    /// The line each of its own keys is on (`decks` included); the others are the global
    /// section's.
    pub lines: BTreeMap<&'static str, usize>,
    /// The line of its `[presets.NAME]` header.
    pub line: usize,
}

/// A preset's table header, `[presets.NAME]`, with the name quoted where TOML needs it
/// (`[presets."日本語 🎌"]`, `[presets.""]`) as `toml_writer` writes a key.
#[must_use]
pub fn preset_table(name: &str) -> String {
    use toml_writer::ToTomlKey as _;
    format!("[presets.{}]", name.to_toml_key())
}

/// Reads the `presets` table, in the file's order; a bad value is reported and the global
/// setting used in its place.
pub(super) fn read(
    global: &Config,
    value: &Value<'_>,
    path: &Path,
    lines: &LineIndex<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Preset> {
    let top = Place {
        path,
        lines,
        preset: None,
    };
    let DeValue::Table(table) = value.get_ref() else {
        problems.push(top.problem(
            value.span().start,
            "`presets` must hold tables, written as `[presets.NAME]`".to_owned(),
        ));
        return Vec::new();
    };
    let mut tables: Vec<_> = table.iter().collect();
    // The table is sorted by name; the file's order decides between globs.
    tables.sort_by_key(|(key, _)| key.span().start);
    let mut presets = Vec::new();
    for (key, value) in tables {
        let name = key.get_ref().as_ref();
        let DeValue::Table(keys) = value.get_ref() else {
            let table = preset_table(name);
            problems.push(top.problem(
                value.span().start,
                format!(
                    "`{}` must be a table, written as `{table}`",
                    &table[1..table.len() - 1]
                ),
            ));
            continue;
        };
        if name.is_empty() {
            problems.push(
                top.problem(
                    key.span().start,
                    "`[presets.\"\"]` has an empty name: ignored, a preset needs a name for decks \
                 to take it by"
                        .to_owned(),
                ),
            );
            continue;
        }
        let place = Place {
            path,
            lines,
            preset: Some(name),
        };
        let mut scratch = global.clone();
        let mut preset = Preset {
            name: name.to_owned(),
            decks: Vec::new(),
            scheduling: Settings::default(),
            optimized: None,
            lines: BTreeMap::new(),
            line: lines.line_col(key.span().start).0,
        };
        for (key, value) in keys {
            if key.get_ref().as_ref() == "decks" {
                match globs(value) {
                    Ok(globs) => {
                        preset.decks = globs;
                        let (line, _) = lines.line_col(value.span().start);
                        preset.lines.insert("decks", line);
                    }
                    Err(message) => problems.push(place.problem(
                        value.span().start,
                        format!(
                            "`decks` in `{}` {message}; no deck takes it by glob",
                            preset_table(name)
                        ),
                    )),
                }
                continue;
            }
            if let Some((known, line)) =
                read_setting(&mut scratch, (key, value), keys, &place, problems)
            {
                preset.lines.insert(known, line);
            }
        }
        preset.scheduling = scratch.scheduling;
        // The global date tells when the global parameters were fitted, not its own.
        preset.optimized = if preset.lines.contains_key("optimized") {
            scratch.optimized
        } else if preset.lines.contains_key("parameters") {
            None
        } else {
            global.optimized.clone()
        };
        presets.push(preset);
    }
    presets
}

/// `decks = ["lang/**", "french"]`: deck ids, or globs of them.
fn globs(value: &Value<'_>) -> Result<Vec<String>, String> {
    const WHAT: &str =
        "must be a list of deck ids or globs of them, like [\"lang/**\", \"french\"]";
    let DeValue::Array(items) = value.get_ref() else {
        return Err(WHAT.to_owned());
    };
    items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::String(text) if !text.trim().is_empty() => Ok(text.to_string()),
            _ => Err(WHAT.to_owned()),
        })
        .collect()
}

/// Whether the deck id `deck` matches `glob`: `*` is any run of characters within one part of
/// the id (between `/`), `**` any number of whole parts, `?` one character. Without them a
/// glob is a deck id: `lang` is the deck `lang` only, `lang/**` every deck in the folder `lang`.
#[must_use]
pub fn glob_matches(glob: &str, deck: &str) -> bool {
    let glob: Vec<&str> = glob.trim_matches('/').split('/').collect();
    let deck: Vec<&str> = deck.split('/').collect();
    parts_match(&glob, &deck)
}

fn parts_match(glob: &[&str], deck: &[&str]) -> bool {
    match glob.split_first() {
        None => deck.is_empty(),
        // A last `**` is what is inside: `lang/**` is not the deck `lang`.
        Some((&"**", rest)) => {
            let least = usize::from(rest.is_empty());
            (least..=deck.len()).any(|skip| parts_match(rest, &deck[skip..]))
        }
        Some((part, rest)) => deck.split_first().is_some_and(|(name, deck_rest)| {
            part_matches(part.as_bytes(), name.as_bytes()) && parts_match(rest, deck_rest)
        }),
    }
}

/// One part of a glob against one part of an id, byte by byte (`?` takes a whole character).
fn part_matches(glob: &[u8], name: &[u8]) -> bool {
    match glob.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|skip| part_matches(rest, &name[skip..])),
        Some((b'?', rest)) => {
            // A UTF-8 character is its first byte and the continuation bytes after it.
            let width = name
                .iter()
                .skip(1)
                .take_while(|&&byte| byte & 0xC0 == 0x80)
                .count()
                + 1;
            !name.is_empty() && part_matches(rest, &name[width..])
        }
        Some((byte, rest)) => name
            .split_first()
            .is_some_and(|(first, name_rest)| first == byte && part_matches(rest, name_rest)),
    }
}

#[cfg(test)]
mod tests;

//! Anki's deck options presets into `[presets.NAME]` tables of `config.toml`, edited with
//! `toml_edit` so that the rest of the file, comments included, stays as it was. Values are
//! kept inside the ranges the settings accept (Anki allows a few beyond them).

use toml_edit::{Array, DocumentMut, Item, Table, Value, value};

use super::model::Preset;

/// The settings a preset sets, by their `config.toml` keys.
fn table(preset: &Preset, decks: &[String]) -> Table {
    let mut table = Table::new();
    table["desired_retention"] = value(rounded(preset.desired_retention.clamp(0.70, 0.99)));
    table["learning_steps"] = value(steps(&preset.learn_steps));
    table["relearning_steps"] = value(steps(&preset.relearn_steps));
    table["new_per_day"] = value(i64::from(preset.new_per_day.min(9999)));
    table["reviews_per_day"] = value(i64::from(preset.reviews_per_day.min(99_999)));
    table["maximum_interval"] = value(i64::from(preset.maximum_interval.clamp(1, 36_500)));
    table["leech_threshold"] = value(i64::from(preset.leech_threshold.min(99)));
    table["bury_new_siblings"] = value(preset.bury_new);
    table["bury_review_siblings"] = value(preset.bury_reviews);
    table["bury_interday_learning_siblings"] = value(preset.bury_interday_learning);
    if preset.parameters.len() == 21 {
        let parameters: Array = preset.parameters.iter().map(|&p| rounded(p)).collect();
        table["parameters"] = value(parameters);
    }
    let globs: Array = decks.iter().map(String::as_str).collect();
    table["decks"] = value(globs);
    table
}

/// Through the shortest text of the `f32`, so that 0.85 stays 0.85 and not 0.8500000238.
fn rounded(number: f32) -> f64 {
    number.to_string().parse().unwrap_or(f64::from(number))
}

/// Anki's steps, in minutes, as flashdeck writes them: `["1m", "10m", "1d"]`.
fn steps(minutes: &[f32]) -> Array {
    minutes
        .iter()
        .map(|&m| {
            // Anki keeps steps as minutes; a second is the finest flashdeck step. Clamped to a
            // year of seconds (steps are at most 365 days), so the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let seconds = (f64::from(m) * 60.0).round().clamp(1.0, 31_536_000.0) as u64;
            match seconds {
                s if s % 86_400 == 0 => format!("{}d", s / 86_400),
                s if s % 3_600 == 0 => format!("{}h", s / 3_600),
                s if s % 60 == 0 => format!("{}m", s / 60),
                s => format!("{s}s"),
            }
        })
        .collect()
}

/// Anki's day rollover hour when a collection's config has no `rollover` key, as a new
/// collection has none (`rollover_for_current_scheduler` in `rslib/src/scheduler/mod.rs`:
/// `get_v2_rollover().unwrap_or(4)`).
pub const ANKI_DEFAULT_ROLLOVER: u32 = 4;

/// The day rollover hour (0–23) a whole collection (`.colpkg`) brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rollover {
    pub hour: u32,
    /// Set in the collection; else [`ANKI_DEFAULT_ROLLOVER`], the hour Anki used.
    pub from_collection: bool,
}

impl Rollover {
    /// From the collection's `rollover` key, if it has one (capped at 23, as Anki does).
    #[must_use]
    pub fn of(collection_hour: Option<u32>) -> Self {
        collection_hour.map_or(
            Self {
                hour: ANKI_DEFAULT_ROLLOVER,
                from_collection: false,
            },
            |hour| Self {
                hour: hour.min(23),
                from_collection: true,
            },
        )
    }
}

/// The settings file after [`merge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    /// The name each preset got, in order.
    pub names: Vec<String>,
    /// The file's own `rollover_hour` when the rollover given replaced a different one.
    pub replaced_rollover: Option<i64>,
}

/// The settings file with a table for each of `presets` (each with the deck ids it is for),
/// and the rollover hour (0–23) when given, set keeping the comment beside an existing
/// `rollover_hour`. A name already there with other values gets a suffix (`NAME-2`…); with
/// the same values, the decks are added to its list.
pub fn merge(
    text: &str,
    presets: &[(&Preset, Vec<String>)],
    rollover: Option<u32>,
) -> Result<Merged, String> {
    let mut document: DocumentMut = text
        .parse()
        .map_err(|e| format!("the settings file is not valid TOML ({e}); fix it first"))?;
    let replaced_rollover = rollover.and_then(|hour| set_rollover(&mut document, hour));
    let mut names = Vec::new();
    for (preset, decks) in presets {
        let wanted = table(preset, decks);
        let all = document
            .entry("presets")
            .or_insert_with(|| {
                let mut presets = Table::new();
                presets.set_implicit(true);
                Item::Table(presets)
            })
            .as_table_mut()
            .ok_or("`presets` in the settings file is not a table; fix it first")?;
        let base = if preset.name.trim().is_empty() {
            "anki".to_owned()
        } else {
            preset.name.clone()
        };
        let mut name = base.clone();
        let mut n = 1;
        loop {
            match all.get_mut(&name).and_then(Item::as_table_mut) {
                None => {
                    all[&name] = Item::Table(wanted);
                    break;
                }
                Some(existing) if same_values(existing, &wanted) => {
                    let list = existing
                        .entry("decks")
                        .or_insert(value(Array::new()))
                        .as_array_mut();
                    if let Some(list) = list {
                        for deck in decks {
                            if !list.iter().any(|d| d.as_str() == Some(deck)) {
                                list.push(deck.as_str());
                            }
                        }
                    }
                    break;
                }
                Some(_) => {
                    n += 1;
                    name = format!("{base}-{n}");
                }
            }
        }
        names.push(name);
    }
    Ok(Merged {
        text: document.to_string(),
        names,
        replaced_rollover,
    })
}

/// Sets `rollover_hour` to `hour` (at most 23), keeping the decor (spaces, comment) of a value
/// already there; returns that value when it was a different one.
fn set_rollover(document: &mut DocumentMut, hour: u32) -> Option<i64> {
    let hour = i64::from(hour.min(23));
    let Some(old) = document
        .get_mut("rollover_hour")
        .and_then(Item::as_value_mut)
    else {
        document["rollover_hour"] = value(hour);
        return None;
    };
    let before = old.as_integer();
    let decor = old.decor().clone();
    *old = Value::from(hour);
    *old.decor_mut() = decor;
    before.filter(|&before| before != hour)
}

/// Whether a table sets the same values as `wanted`, `decks` aside.
fn same_values(existing: &Table, wanted: &Table) -> bool {
    let values = |t: &Table| -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = t
            .iter()
            .filter(|(key, _)| *key != "decks")
            .map(|(key, item)| (key.to_owned(), item.to_string().trim().to_owned()))
            .collect();
        pairs.sort();
        pairs
    };
    values(existing) == values(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(name: &str, retention: f32) -> Preset {
        Preset {
            id: 1,
            name: name.into(),
            learn_steps: vec![1.0, 10.0, 1440.0, 0.5],
            relearn_steps: vec![10.0],
            new_per_day: 20,
            reviews_per_day: 200,
            maximum_interval: 36_500,
            desired_retention: retention,
            parameters: Vec::new(),
            leech_threshold: 8,
            bury_new: false,
            bury_reviews: true,
            bury_interday_learning: false,
        }
    }

    #[test]
    fn presets_are_added_keeping_the_file() {
        let text = "# mine\ndesired_retention = 0.9 # a comment\n";
        let default = preset("Default", 0.85);
        let Merged {
            text: out,
            names,
            replaced_rollover,
        } = merge(text, &[(&default, vec!["geo".into()])], Some(5)).unwrap();
        assert_eq!(replaced_rollover, None);
        assert_eq!(names, ["Default"]);
        assert!(
            out.starts_with("# mine\ndesired_retention = 0.9 # a comment\n"),
            "{out}"
        );
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        let table = &parsed["presets"]["Default"];
        assert_eq!(table["desired_retention"].as_float(), Some(0.85));
        let steps: Vec<&str> = table["learning_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(steps, ["1m", "10m", "1d", "30s"]);
        assert_eq!(parsed["rollover_hour"].as_integer(), Some(5));
        assert_eq!(table["decks"][0].as_str(), Some("geo"));
    }

    #[test]
    fn a_name_taken_with_other_values_gets_a_suffix_and_the_same_values_share() {
        let first = preset("Default", 0.85);
        let text = merge("", &[(&first, vec!["a".into()])], None).unwrap().text;
        let other = preset("Default", 0.80);
        let Merged { text, names, .. } = merge(
            &text,
            &[(&other, vec!["b".into()]), (&first, vec!["c".into()])],
            None,
        )
        .unwrap();
        assert_eq!(names, ["Default-2", "Default"]);
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            parsed["presets"]["Default-2"]["desired_retention"].as_float(),
            Some(0.8)
        );
        let decks = parsed["presets"]["Default"]["decks"].as_array().unwrap();
        assert_eq!(decks.len(), 2);
    }

    #[test]
    fn the_rollover_replaces_the_value_and_keeps_its_comment() {
        let text = "# mine\nrollover_hour = 2  # keep\nnew_per_day = 5\n";
        let merged = merge(text, &[], Some(4)).unwrap();
        assert_eq!(
            merged.text,
            "# mine\nrollover_hour = 4  # keep\nnew_per_day = 5\n"
        );
        assert_eq!(merged.replaced_rollover, Some(2));
        // The same hour replaces nothing worth saying.
        assert_eq!(merge(text, &[], Some(2)).unwrap().replaced_rollover, None);
    }
}

//! Writing fitted parameters into the settings file: the global section's or a preset's
//! table, everything else in the file kept as it was (comments too).

use std::path::Path;

use anyhow::{Context, Result};
use chrono::{DateTime, Datelike, FixedOffset};

use crate::atomic_write::{self, Existing};

/// Fitted parameters and the table they go in: a preset's name, or `None` for the global
/// section.
pub(super) struct Fitted<'a> {
    pub(super) preset: Option<&'a str>,
    pub(super) parameters: &'a [f32],
}

/// Sets `parameters` and `optimized` of each of `fitted` in the settings file, in one write,
/// keeping everything else in it as it was. A file that is not valid TOML is left alone.
pub(super) fn write_parameters(
    path: &Path,
    fitted: &[Fitted<'_>],
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut document: toml_edit::DocumentMut = text
        .parse()
        .with_context(|| format!("{} is not valid TOML; fix it first", path.display()))?;
    let date = now.date_naive();
    let day = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or_default(),
        month: u8::try_from(date.month()).unwrap_or_default(),
        day: u8::try_from(date.day()).unwrap_or_default(),
    };
    let optimized = toml_edit::value(toml_edit::Datetime {
        date: Some(day),
        time: None,
        offset: None,
    });
    for fit in fitted {
        let mut array = toml_edit::Array::new();
        for parameter in fit.parameters {
            // Through its shortest text, so that 0.2 stays 0.2 and not 0.20000000298.
            array.push(
                parameter
                    .to_string()
                    .parse::<f64>()
                    .unwrap_or(f64::from(*parameter)),
            );
        }
        let table = match fit.preset {
            None => document.as_item_mut(),
            Some(name) => &mut document["presets"][name],
        };
        table["parameters"] = toml_edit::value(array);
        table["optimized"] = optimized.clone();
    }
    atomic_write::write(path, document.to_string().as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", path.display()))
}

//! Reading a setting's TOML value with its allowed range, and writing a value back as TOML.
//! A reader's error is the end of the message after the key: "is 1.5, but must be …".

use toml::Spanned;
use toml::de::DeValue;

use super::table::Warning;
use crate::scheduler::EasyDays;
use crate::scheduler::balance::WEEKDAYS;

/// A value in `config.toml`, with where it is.
pub(super) type Value<'i> = Spanned<DeValue<'i>>;

pub(super) fn float(value: &Value<'_>, min: f32, max: f32) -> Result<f32, String> {
    let number = match value.get_ref() {
        DeValue::Float(f) => f.as_str().parse::<f32>().ok(),
        DeValue::Integer(i) => i.as_str().parse::<f32>().ok(),
        _ => None,
    };
    match number {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        Some(n) => Err(format!("is {n}, but must be from {min} to {max}")),
        None => Err(format!("must be a number from {min} to {max}")),
    }
}

pub(super) fn integer(value: &Value<'_>, min: u32, max: u32) -> Result<u32, String> {
    let number = match value.get_ref() {
        DeValue::Integer(i) => i.as_str().replace('_', "").parse::<i64>().ok(),
        _ => None,
    };
    match number {
        Some(n) if (i64::from(min)..=i64::from(max)).contains(&n) => {
            Ok(u32::try_from(n).unwrap_or(min))
        }
        Some(n) => Err(format!(
            "is {n}, but must be a whole number from {min} to {max}"
        )),
        None => Err(format!("must be a whole number from {min} to {max}")),
    }
}

pub(super) fn boolean(value: &Value<'_>) -> Result<bool, String> {
    value
        .get_ref()
        .as_bool()
        .ok_or_else(|| "must be `true` or `false`".to_owned())
}

pub(super) fn word<'w>(value: &Value<'_>, allowed: &[&'w str]) -> Result<&'w str, String> {
    let text = value.get_ref().as_str().unwrap_or_default();
    allowed
        .iter()
        .find(|&&w| w == text)
        .copied()
        .ok_or_else(|| {
            let list = allowed
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ");
            format!("must be one of {list}")
        })
}

/// The 21 FSRS-6 parameters (or none, for the defaults), checked by the `fsrs` crate.
pub(super) fn parameters(value: &Value<'_>) -> Result<Vec<f32>, String> {
    const WHAT: &str = "must be the 21 FSRS-6 parameters that `flashdeck optimize` writes, or []";
    let DeValue::Array(items) = value.get_ref() else {
        return Err(WHAT.to_owned());
    };
    let numbers: Option<Vec<f32>> = items
        .iter()
        .map(|item| match item.get_ref() {
            DeValue::Float(f) => f.as_str().parse().ok(),
            DeValue::Integer(i) => i.as_str().parse().ok(),
            _ => None,
        })
        .collect();
    match numbers {
        Some(numbers) if numbers.is_empty() => Ok(numbers),
        Some(numbers) if numbers.len() == 21 && fsrs::FSRS::new(&numbers).is_ok() => Ok(numbers),
        _ => Err(WHAT.to_owned()),
    }
}

/// Parameters as `config show` and the settings file write them.
#[must_use]
pub fn parameters_text(parameters: &[f32]) -> String {
    let numbers: Vec<String> = parameters.iter().map(|p| format!("{p:.4}")).collect();
    format!("[{}]", numbers.join(", "))
}

/// Steps such as `["1m", "10m"]`: numbers with `s`, `m`, `h` or `d`; a bare number is minutes.
pub(super) fn steps(value: &Value<'_>) -> Result<Vec<u32>, String> {
    const RANGE: &str = "a list of durations from 1s to 365d, like [\"1m\", \"10m\", \"1d\"]";
    let DeValue::Array(items) = value.get_ref() else {
        return Err(format!("must be {RANGE}"));
    };
    items
        .iter()
        .map(|item| {
            let text = match item.get_ref() {
                DeValue::String(s) => s.to_string(),
                DeValue::Integer(i) => format!("{}m", i.as_str()),
                _ => String::new(),
            };
            duration(&text)
                .filter(|&secs| (1..=365 * 86_400).contains(&secs))
                .ok_or_else(|| format!("has `{text}`, but must be {RANGE}"))
        })
        .collect()
}

/// A duration such as `30s`, `10m`, `1.5h` or `2d`, in whole seconds; a bare number is minutes.
pub(super) fn duration(text: &str) -> Option<u32> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let (number, scale) = match unit {
        's' => (&text[..text.len() - 1], 1),
        'm' => (&text[..text.len() - 1], 60),
        'h' => (&text[..text.len() - 1], 3600),
        'd' => (&text[..text.len() - 1], 86_400),
        _ => (text, 60),
    };
    let value: f64 = number.trim().parse().ok()?;
    let secs = (value * f64::from(scale)).round();
    if (1.0..=f64::from(u32::MAX)).contains(&secs) {
        // In range and whole, checked just above, so the cast is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(secs as u32)
    } else {
        None
    }
}

/// A step in seconds as it is written in the file: "1m", "10m", "1h", "2d".
#[must_use]
pub fn step_text(secs: u32) -> String {
    match secs {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// Steps as the settings file writes them: `["1m", "10m"]`.
pub(super) fn steps_text(steps: &[u32]) -> String {
    format!(
        "[{}]",
        steps
            .iter()
            .map(|&x| format!("\"{}\"", step_text(x)))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// A TOML string.
pub(super) fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// Easy days as a table of weekdays and percentages, like `{ saturday = 50, sunday = 0 }`: a
/// day left out takes its full load (100). A value that is no table is an error; an entry that
/// is no weekday, or whose share is not a whole percentage, is a warning at that entry, and the
/// other days are kept.
pub(super) fn easy_days(value: &Value<'_>) -> Result<(EasyDays, Vec<Warning>), String> {
    const SHARE: &str = "a day's share must be a whole percentage from 0 to 100";
    let DeValue::Table(table) = value.get_ref() else {
        return Err(
            "must be a table of weekdays (monday to sunday) and whole percentages from \
             0 to 100, like { saturday = 50, sunday = 0 }"
                .to_owned(),
        );
    };
    let mut days = EasyDays::default();
    let mut warnings = Vec::new();
    // The table is sorted by name; warn in the file's order.
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, share) in entries {
        let name = key.get_ref().as_ref();
        let Some(index) = WEEKDAYS.iter().position(|&day| day == name) else {
            let hint = crate::deck::parse::closest(name, &WEEKDAYS)
                .map_or_else(String::new, |day| format!(" (did you mean `{day}`?)"));
            warnings.push((
                key.span().start,
                format!("has `{name}`, which is no weekday{hint}: the days are monday to sunday; left out"),
            ));
            continue;
        };
        let percent = match share.get_ref() {
            DeValue::Integer(i) => i.as_str().parse::<u8>().ok().filter(|&p| p <= 100),
            _ => None,
        };
        match percent {
            Some(percent) => days.0[index] = percent,
            None => warnings.push((
                share.span().start,
                format!(
                    "has a bad value for `{name}`, but {SHARE}; `{name}` keeps its full load (100)"
                ),
            )),
        }
    }
    Ok((days, warnings))
}

/// Easy days as `config show` writes them: the days below 100 %, Monday first.
pub(super) fn easy_days_text(days: EasyDays) -> String {
    let set: Vec<String> = days
        .reduced()
        .map(|(day, percent)| format!("{} = {percent}", WEEKDAYS[day]))
        .collect();
    if set.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", set.join(", "))
    }
}

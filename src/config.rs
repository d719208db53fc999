//! Settings from `config.toml`: every key optional, every value checked. A bad value is
//! reported with its key, line and allowed range, and its default is used, so a broken file
//! never stops anyone from studying.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::deck::Problem;
use crate::scheduler::{NewCardMix, Settings};
use crate::session::grade::{Parts, Strictness, Typos};

/// The screens' colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Monochrome,
}

/// Every setting, with where each value came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub scheduling: Settings,
    pub strictness: Strictness,
    pub theme: ThemeName,
    pub streak: bool,
    /// Cards a day needs to count towards the streak (or clear everything due).
    pub streak_goal: u32,
    pub xp: bool,
    /// When `flashdeck optimize` fitted the FSRS parameters in effect (`YYYY-MM-DD`).
    pub optimized: Option<String>,
    /// The line each key was set on; keys not here are defaults.
    pub lines: BTreeMap<&'static str, usize>,
}

impl Config {
    /// Streak and XP settings, as motivation needs them.
    #[must_use]
    pub fn goals(&self) -> crate::motivation::Goals {
        crate::motivation::Goals {
            streak: self.streak,
            xp: self.xp,
            streak_goal: self.streak_goal,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            scheduling: Settings::default(),
            strictness: Strictness::default(),
            theme: ThemeName::Dark,
            streak: false,
            streak_goal: 10,
            xp: false,
            optimized: None,
            lines: BTreeMap::new(),
        }
    }
}

/// The keys, in the order `config show` and `config init` list them.
pub const KEYS: &[&str] = &[
    "desired_retention",
    "learning_steps",
    "relearning_steps",
    "new_per_day",
    "reviews_per_day",
    "rollover_hour",
    "maximum_interval",
    "fuzz",
    "new_card_order",
    "leech_threshold",
    "typed_answers",
    "list_answers",
    "theme",
    "streak",
    "streak_goal",
    "xp",
    "parameters",
    "optimized",
];

/// Reads `path`; a missing file means every default. `no_color` (the `NO_COLOR` convention)
/// turns colours off whatever the file says.
#[must_use]
pub fn load(path: &Path, no_color: bool) -> (Config, Vec<Problem>) {
    let (mut config, problems) = match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            (Config::default(), Vec::new())
        }
        Err(error) => (
            Config::default(),
            vec![problem(
                path,
                1,
                1,
                format!("cannot read the settings: {error}; using the defaults"),
            )],
        ),
    };
    if no_color {
        config.theme = ThemeName::Monochrome;
    }
    (config, problems)
}

/// Parses a settings file; every problem is reported and the rest is used.
#[must_use]
pub fn parse(text: &str, path: &Path) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let (root, syntax) = DeTable::parse_recoverable(text);
    let lines = crate::deck::LineIndex::new(text);
    let at = |offset: usize| lines.line_col(offset);
    let broken = !syntax.is_empty();
    for error in syntax {
        let (line, column) = at(error.span().map_or(0, |s| s.start));
        problems.push(problem(
            path,
            line,
            column,
            format!(
                "invalid TOML: {}; using the defaults for what cannot be read",
                error.message().trim()
            ),
        ));
    }
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        // An empty key is what recovering from a syntax error (already reported) leaves.
        if broken && name.is_empty() {
            continue;
        }
        let (line, column) = at(value.span().start);
        let Some(&known) = KEYS.iter().find(|&&k| k == name) else {
            let (line, column) = at(key.span().start);
            let hint = crate::deck::parse::closest(name, KEYS)
                .map_or_else(String::new, |k| format!("; did you mean `{k}`?"));
            problems.push(problem(
                path,
                line,
                column,
                format!("unknown setting `{name}`{hint}"),
            ));
            continue;
        };
        match apply(&mut config, known, value) {
            Ok(warning) => {
                config.lines.insert(known, line);
                if let Some(warning) = warning {
                    problems.push(problem(path, line, column, warning));
                }
            }
            Err(message) => problems.push(problem(
                path,
                line,
                column,
                format!("`{known}` {message}; using the default"),
            )),
        }
    }
    // The table is sorted by key; report in file order.
    problems.sort_by_key(|p| (p.line, p.column));
    (config, problems)
}

/// Sets one key; `Ok(Some(_))` is a warning about an allowed but unwise value.
fn apply(
    config: &mut Config,
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Result<Option<String>, String> {
    let s = &mut config.scheduling;
    match key {
        "desired_retention" => {
            let r = float(value, 0.70, 0.99)?;
            s.desired_retention = r;
            if r > 0.97 {
                return Ok(Some(format!(
                    "`desired_retention` {r} is above 0.97: reviews will come very often for little gain"
                )));
            }
        }
        "learning_steps" => s.learning_steps = steps(value)?,
        "relearning_steps" => s.relearning_steps = steps(value)?,
        "new_per_day" => s.new_per_day = integer(value, 0, 9999)?,
        "reviews_per_day" => s.reviews_per_day = integer(value, 0, 99_999)?,
        "rollover_hour" => s.calendar.rollover_hour = integer(value, 0, 23)?,
        "maximum_interval" => s.maximum_interval = integer(value, 1, 36_500)?,
        "fuzz" => s.fuzz = boolean(value)?,
        "leech_threshold" => s.leech_threshold = integer(value, 0, 99)?,
        "new_card_order" => {
            s.new_card_mix = match word(value, &["mix", "after", "before"])? {
                "after" => NewCardMix::After,
                "before" => NewCardMix::Before,
                _ => NewCardMix::Mix,
            };
        }
        "typed_answers" => {
            config.strictness.typos = match word(value, &["strict", "normal", "lenient"])? {
                "strict" => Typos::None,
                "lenient" => Typos::More,
                _ => Typos::Some,
            };
        }
        "list_answers" => {
            config.strictness.parts = if word(value, &["all", "any"])? == "any" {
                Parts::Any
            } else {
                Parts::All
            };
        }
        "theme" => {
            config.theme = match word(value, &["dark", "light", "monochrome"])? {
                "light" => ThemeName::Light,
                "monochrome" => ThemeName::Monochrome,
                _ => ThemeName::Dark,
            };
        }
        "streak" => config.streak = boolean(value)?,
        "streak_goal" => config.streak_goal = integer(value, 1, 9999)?,
        "xp" => config.xp = boolean(value)?,
        "parameters" => s.parameters = parameters(value)?,
        "optimized" => {
            config.optimized = match value.get_ref() {
                DeValue::Datetime(date) if date.date.is_some() && date.time.is_none() => {
                    Some(date.to_string())
                }
                DeValue::String(text) if text.is_empty() => None,
                _ => return Err("must be a date, like 2026-11-27".to_owned()),
            };
        }
        _ => {}
    }
    Ok(None)
}

fn float(value: &Spanned<DeValue<'_>>, min: f32, max: f32) -> Result<f32, String> {
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

fn integer(value: &Spanned<DeValue<'_>>, min: u32, max: u32) -> Result<u32, String> {
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

fn boolean(value: &Spanned<DeValue<'_>>) -> Result<bool, String> {
    value
        .get_ref()
        .as_bool()
        .ok_or_else(|| "must be `true` or `false`".to_owned())
}

fn word<'w>(value: &Spanned<DeValue<'_>>, allowed: &[&'w str]) -> Result<&'w str, String> {
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
fn parameters(value: &Spanned<DeValue<'_>>) -> Result<Vec<f32>, String> {
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
fn steps(value: &Spanned<DeValue<'_>>) -> Result<Vec<u32>, String> {
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

fn duration(text: &str) -> Option<u32> {
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

/// Each key's effective value as TOML, for `config show` and `config init`.
#[must_use]
pub fn values(config: &Config) -> Vec<(&'static str, String)> {
    let s = &config.scheduling;
    let steps = |steps: &[u32]| {
        format!(
            "[{}]",
            steps
                .iter()
                .map(|&x| format!("\"{}\"", step_text(x)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let quoted = |text: &str| format!("\"{text}\"");
    KEYS.iter()
        .map(|&key| {
            let value = match key {
                "desired_retention" => format!("{}", s.desired_retention),
                "learning_steps" => steps(&s.learning_steps),
                "relearning_steps" => steps(&s.relearning_steps),
                "new_per_day" => s.new_per_day.to_string(),
                "reviews_per_day" => s.reviews_per_day.to_string(),
                "rollover_hour" => s.calendar.rollover_hour.to_string(),
                "maximum_interval" => s.maximum_interval.to_string(),
                "fuzz" => s.fuzz.to_string(),
                "leech_threshold" => s.leech_threshold.to_string(),
                "new_card_order" => quoted(match s.new_card_mix {
                    NewCardMix::Mix => "mix",
                    NewCardMix::After => "after",
                    NewCardMix::Before => "before",
                }),
                "typed_answers" => quoted(match config.strictness.typos {
                    Typos::None => "strict",
                    Typos::Some => "normal",
                    Typos::More => "lenient",
                }),
                "list_answers" => quoted(if config.strictness.parts == Parts::Any {
                    "any"
                } else {
                    "all"
                }),
                "theme" => quoted(match config.theme {
                    ThemeName::Dark => "dark",
                    ThemeName::Light => "light",
                    ThemeName::Monochrome => "monochrome",
                }),
                "streak" => config.streak.to_string(),
                "streak_goal" => config.streak_goal.to_string(),
                "xp" => config.xp.to_string(),
                "parameters" => parameters_text(&s.parameters),
                "optimized" => config.optimized.clone().unwrap_or_else(|| quoted("")),
                _ => String::new(),
            };
            (key, value)
        })
        .collect()
}

/// What each key means, for the commented file `config init` writes.
fn help(key: &str) -> &'static str {
    match key {
        "desired_retention" => {
            "the chance of remembering a card when it comes due (0.70-0.99; above 0.97 costs many reviews)"
        }
        "learning_steps" => "delays while learning a new card, like [\"1m\", \"10m\"] (s, m, h, d)",
        "relearning_steps" => "delays after forgetting a review card",
        "new_per_day" => {
            "new cards a day, per deck (0-9999); a deck's [deck] table may set its own"
        }
        "reviews_per_day" => {
            "reviews a day, per deck (0-99999); a deck's [deck] table may set its own"
        }
        "rollover_hour" => "the hour a new day starts (0-23)",
        "maximum_interval" => "the longest interval, in days (1-36500)",
        "fuzz" => "spread intervals a little, so cards learnt together do not stay together",
        "new_card_order" => "new cards \"mix\" with reviews, or come \"after\" or \"before\" them",
        "leech_threshold" => "lapses that make a card a leech and suspend it (0 turns it off)",
        "typed_answers" => {
            "typos allowed in typed answers: \"strict\" (none), \"normal\" or \"lenient\""
        }
        "list_answers" => "an answer listing parts needs \"all\" of them or \"any\" one",
        "theme" => "\"dark\", \"light\" or \"monochrome\" (NO_COLOR also turns colours off)",
        "streak" => "count days studied in a row; a day with nothing due does not break it",
        "streak_goal" => {
            "cards that make a day count for the streak (1-9999); clearing all that is due also does"
        }
        "xp" => "earn XP and levels for studying (the rule is in the README)",
        "parameters" => {
            "the 21 FSRS-6 parameters; [] is FSRS's defaults; `flashdeck optimize` fits them to your reviews"
        }
        "optimized" => "when `flashdeck optimize` fitted the parameters (a date; \"\" for never)",
        _ => "",
    }
}

/// The commented file `config init` writes: every key at its default.
#[must_use]
pub fn template() -> String {
    let mut text = String::from(
        "# flashdeck settings. Every key is optional; these are the defaults.\n# `flashdeck config show` prints what is in effect.\n\n",
    );
    for (key, value) in values(&Config::default()) {
        let _ = writeln!(text, "# {}\n{key} = {value}\n", help(key));
    }
    text
}

fn problem(path: &Path, line: usize, column: usize, message: String) -> Problem {
    Problem {
        path: PathBuf::from(path),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests;

//! Settings from `config.toml`: every key optional, every value checked. A bad value is
//! reported with its key, line and allowed range, and its default is used, so a broken file
//! never stops anyone from studying.

mod table;
mod values;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::deck::Problem;
use crate::scheduler::Settings;
use crate::session::grade::Strictness;
pub use table::{RENAMED, Read, SETTINGS, Setting};
pub use values::{parameters_text, step_text};

/// The screens' colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For a dark terminal; the default.
    #[default]
    Dark,
    /// For a light terminal.
    Light,
    /// No colours (what `NO_COLOR` also gives).
    Monochrome,
}

/// Every setting, with where each value came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The scheduler's settings.
    pub scheduling: Settings,
    /// How typed answers are graded.
    pub strictness: Strictness,
    /// The screens' colours.
    pub theme: ThemeName,
    /// Whether the streak is counted and shown.
    pub streak: bool,
    /// Cards a day needs to count towards the streak (or clear everything due).
    pub streak_goal: u32,
    /// Whether XP and levels are earned and shown.
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
        let renamed = RENAMED.iter().find(|(old, _)| *old == name).map(|(_, s)| s);
        let Some(setting) = SETTINGS.iter().find(|s| s.name == name).or(renamed) else {
            let (line, column) = at(key.span().start);
            let names: Vec<&str> = SETTINGS.iter().map(|s| s.name).collect();
            let hint = crate::deck::parse::closest(name, &names)
                .map_or_else(String::new, |k| format!("; did you mean `{k}`?"));
            problems.push(problem(
                path,
                line,
                column,
                format!("unknown setting `{name}`{hint}"),
            ));
            continue;
        };
        let known = setting.name;
        match (setting.read)(&mut config, value) {
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
                format!("`{name}` {message}; using the default"),
            )),
        }
    }
    // The table is sorted by key; report in file order.
    problems.sort_by_key(|p| (p.line, p.column));
    (config, problems)
}

/// Each key's effective value as TOML, for `config show`, in the table's order.
#[must_use]
pub fn values(config: &Config) -> Vec<(&'static str, String)> {
    SETTINGS
        .iter()
        .map(|setting| (setting.name, (setting.show)(config)))
        .collect()
}

/// The commented file `config init` writes: every key at its default.
#[must_use]
pub fn template() -> String {
    let mut text = String::from(
        "# flashdeck settings. Every key is optional; these are the defaults.\n# `flashdeck config show` prints what is in effect.\n\n",
    );
    let defaults = Config::default();
    for setting in SETTINGS {
        let _ = writeln!(
            text,
            "# {}\n{} = {}\n",
            setting.help,
            setting.name,
            (setting.show)(&defaults)
        );
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

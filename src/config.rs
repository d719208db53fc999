//! Settings from `config.toml`: every key optional, every value checked. A bad value is
//! reported with its key, line and allowed range, and its default is used, so a broken file
//! never stops anyone from studying. `[presets.NAME]` tables hold scheduling settings for some
//! decks (`config/presets.rs`).

mod presets;
mod table;
mod values;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::de::DeTable;

use crate::deck::Problem;
use crate::scheduler::Settings;
use crate::session::grade::Strictness;
pub use presets::{Preset, glob_matches, preset_table};
pub use table::{IMAGE_MODES, RENAMED, Read, SETTINGS, Setting, Warning};
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

/// How pictures in cards are drawn (`images` in `config.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImageMode {
    /// Asks the terminal at the start what it can draw (kitty, sixel, iTerm2); text where it
    /// draws none, or under tmux without passthrough.
    #[default]
    Auto,
    Kitty,
    Sixel,
    Iterm2,
    /// Coloured half blocks, which any terminal with colours draws (coarse).
    Halfblocks,
    /// Never: the card shows `[image: alt]` and the open key.
    Off,
}

/// Pictures, sounds and speech in cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaSettings {
    pub images: ImageMode,
    /// The command that plays a sound file (its words, the file added last); empty: the first
    /// of mpv, ffplay, paplay and afplay found on `PATH`.
    pub audio_player: String,
    /// Whether a side's sounds play, and its text is spoken, when it shows (Anki's default).
    pub autoplay: bool,
    /// The command that speaks a side's text: words, with `{lang}` and `{text}` put in each
    /// word after the split; empty: no speech.
    pub tts_command: String,
}

impl Default for MediaSettings {
    fn default() -> Self {
        Self {
            images: ImageMode::Auto,
            audio_player: String::new(),
            autoplay: true,
            tts_command: String::new(),
        }
    }
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
    /// Named presets (`[presets.NAME]`), in the file's order.
    pub presets: Vec<Preset>,
    /// Pictures, sounds and speech.
    pub media: MediaSettings,
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
            presets: Vec::new(),
            media: MediaSettings::default(),
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
    let mut presets = None;
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        // An empty key is what recovering from a syntax error (already reported) leaves.
        if broken && name.is_empty() {
            continue;
        }
        if name == "presets" {
            presets = Some(value);
            continue;
        }
        let place = Place {
            path,
            lines: &lines,
            preset: None,
        };
        let table = root.get_ref();
        if let Some((known, line)) =
            read_setting(&mut config, (key, value), table, &place, &mut problems)
        {
            config.lines.insert(known, line);
        }
    }
    // Presets fall back to the global section, so they are read once it is.
    if let Some(value) = presets {
        config.presets = presets::read(&config, value, path, &lines, &mut problems);
    }
    // The table is sorted by key; report in file order.
    problems.sort_by_key(|p| (p.line, p.column));
    (config, problems)
}

/// Where a key is read: the file, and the preset whose table holds it (none: the top).
struct Place<'a> {
    path: &'a Path,
    lines: &'a crate::deck::LineIndex<'a>,
    preset: Option<&'a str>,
}

impl Place<'_> {
    fn problem(&self, offset: usize, message: String) -> Problem {
        let (line, column) = self.lines.line_col(offset);
        problem(self.path, line, column, message)
    }

    /// The words after a key's name that say which preset's table holds it, if one does.
    fn within(&self) -> String {
        self.preset
            .map_or_else(String::new, |name| format!(" in `{}`", preset_table(name)))
    }
}

/// Reads the setting `key` of `table` into `config`, reporting a problem for a bad value or an
/// unknown key, and returns the setting's name and line when it was set. An old name of a
/// setting is read as the new one, unless `table` sets the new one too.
fn read_setting(
    config: &mut Config,
    (key, value): (
        &toml::Spanned<std::borrow::Cow<'_, str>>,
        &values::Value<'_>,
    ),
    table: &DeTable<'_>,
    place: &Place<'_>,
    problems: &mut Vec<Problem>,
) -> Option<(&'static str, usize)> {
    let name = key.get_ref().as_ref();
    let within = place.within();
    let renamed = RENAMED.iter().find(|(old, _)| *old == name).map(|(_, s)| s);
    if let Some(setting) = renamed
        && let Some((new, _)) = table.iter().find(|(k, _)| k.get_ref() == setting.name)
    {
        let (line, _) = place.lines.line_col(new.span().start);
        problems.push(place.problem(
            key.span().start,
            format!(
                "`{name}`{within} is ignored: it is the old name of `{}`, which is set too \
                 (line {line})",
                setting.name
            ),
        ));
        return None;
    }
    let Some(setting) = SETTINGS.iter().find(|s| s.name == name).or(renamed) else {
        let names: Vec<&str> = SETTINGS
            .iter()
            .filter(|s| place.preset.is_none() || s.preset)
            .map(|s| s.name)
            .chain(place.preset.map(|_| "decks"))
            .collect();
        let hint = crate::deck::parse::closest(name, &names)
            .map_or_else(String::new, |k| format!("; did you mean `{k}`?"));
        problems.push(place.problem(
            key.span().start,
            format!("unknown setting `{name}`{within}{hint}"),
        ));
        return None;
    };
    if let Some(preset) = place.preset.filter(|_| !setting.preset) {
        problems.push(place.problem(
            key.span().start,
            format!(
                "`{name}` is one for the whole collection: set it above the presets, not in \
                 `{}`; ignored here",
                preset_table(preset)
            ),
        ));
        return None;
    }
    let (line, _) = place.lines.line_col(value.span().start);
    let fallback = if place.preset.is_some() {
        "the global setting"
    } else {
        "the default"
    };
    match (setting.read)(config, value) {
        Ok(warnings) => {
            for (at, warning) in warnings {
                problems.push(place.problem(at, format!("`{name}`{within} {warning}")));
            }
            Some((setting.name, line))
        }
        Err(message) => {
            problems.push(place.problem(
                value.span().start,
                format!("`{name}`{within} {message}; using {fallback}"),
            ));
            None
        }
    }
}

/// Each key's effective value as TOML, for `config show`, in the table's order.
#[must_use]
pub fn values(config: &Config) -> Vec<(&'static str, String)> {
    SETTINGS
        .iter()
        .map(|setting| (setting.name, (setting.show)(config)))
        .collect()
}

/// Each key a preset may set, with its effective value in `preset` as TOML, in the table's
/// order.
#[must_use]
pub fn preset_values(config: &Config, preset: &Preset) -> Vec<(&'static str, String)> {
    let mut scratch = config.clone();
    scratch.scheduling = preset.scheduling.clone();
    scratch.optimized.clone_from(&preset.optimized);
    SETTINGS
        .iter()
        .filter(|setting| setting.preset)
        .map(|setting| (setting.name, (setting.show)(&scratch)))
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
    text.push_str(
        "# Presets: settings for some decks only. A deck takes one by `preset = \"NAME\"` in its\n\
         # [deck] table, or by a glob of deck ids here; what a preset leaves out is set above.\n\
         # rollover_hour, the grading, the theme, the streak and XP are one for every deck.\n\
         #\n\
         # [presets.languages]\n\
         # decks = [\"lang/**\"]\n\
         # desired_retention = 0.85\n\
         # learning_steps = [\"1m\", \"10m\", \"1h\"]\n",
    );
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

use std::path::Path;

use super::*;
use crate::config::{ThemeName, parse};

fn parsed(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = parse(text, Path::new("config.toml"));
    (config, problems.iter().map(ToString::to_string).collect())
}

const PARAMETERS: &str = "[0.1686, 0.8157, 2.4398, 6.2041, 6.5370, 0.5137, 3.1916, 0.0256, \
    1.6566, 0.2838, 0.6124, 1.5905, 0.0352, 0.3957, 1.8007, 0.6009, 1.8729, 0.8653, 0.0911, \
    0.1507, 0.2406]";

#[test]
fn a_preset_keeps_its_own_keys_and_takes_the_rest_from_the_global_section() {
    let (config, problems) = parsed(&format!(
        "desired_retention = 0.85\noptimized = 2026-01-05\n\n\
         [presets.lang]\ndecks = [\"lang/**\"]\nlearning_steps = [\"1m\", \"1h\"]\nnew_per_day = 5\n\n\
         [presets.hard]\nparameters = {PARAMETERS}\nmaximum_interval = 180\n"
    ));
    assert!(problems.is_empty(), "{problems:?}");
    // In the file's order, not by name.
    let names: Vec<&str> = config.presets.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["lang", "hard"]);
    let (lang, hard) = (&config.presets[0], &config.presets[1]);
    assert_eq!(lang.decks, ["lang/**"]);
    assert_eq!(lang.line, 4);
    assert_eq!(
        lang.lines.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(),
        [("decks", 5), ("learning_steps", 6), ("new_per_day", 7)]
    );
    let s = &lang.scheduling;
    assert_eq!(
        (s.learning_steps.as_slice(), s.new_per_day),
        (&[60, 3600][..], 5)
    );
    // Not set in the preset: the global section's, which is not the default.
    assert!((s.desired_retention - 0.85).abs() < 1e-6);
    assert_eq!(s.relearning_steps, [600]);
    assert!(s.parameters.is_empty());
    assert_eq!(lang.optimized.as_deref(), Some("2026-01-05"));
    // Its own parameters: the global date says nothing about them.
    assert_eq!(hard.scheduling.parameters.len(), 21);
    assert_eq!(hard.scheduling.maximum_interval, 180);
    assert!(hard.decks.is_empty());
    assert_eq!(hard.optimized, None);
    // The global section is untouched by the presets.
    assert_eq!(config.scheduling.learning_steps, [60, 600]);
    assert_eq!(config.scheduling.new_per_day, 20);
}

#[test]
fn bad_preset_values_say_where_and_fall_back_to_the_global_setting() {
    let (config, problems) = parsed(
        "new_per_day = 7\n[presets.lang]\ndesired_retention = 1.5\nrollover_hour = 3\ntheme = \"light\"\n\
         new_per_dya = 5\ndecks = \"lang\"\nfuzz = false\nnew_per_day = -1\n",
    );
    assert_eq!(
        problems,
        [
            "config.toml:3:21: `desired_retention` in `[presets.lang]` is 1.5, but must be from 0.7 to 0.99; using the global setting",
            "config.toml:4:1: `rollover_hour` is one for the whole collection: set it above the presets, not in `[presets.lang]`; ignored here",
            "config.toml:5:1: `theme` is one for the whole collection: set it above the presets, not in `[presets.lang]`; ignored here",
            "config.toml:6:1: unknown setting `new_per_dya` in `[presets.lang]`; did you mean `new_per_day`?",
            "config.toml:7:9: `decks` in `[presets.lang]` must be a list of deck ids or globs of them, like [\"lang/**\", \"french\"]; no deck takes it by glob",
            "config.toml:9:15: `new_per_day` in `[presets.lang]` is -1, but must be a whole number from 0 to 9999; using the global setting",
        ]
    );
    let lang = &config.presets[0];
    assert!((lang.scheduling.desired_retention - 0.9).abs() < 1e-6);
    assert_eq!(lang.scheduling.new_per_day, 7, "the global section's");
    assert_eq!(lang.scheduling.calendar.rollover_hour, 4);
    assert!(
        !lang.scheduling.fuzz,
        "a good key after bad ones is still read"
    );
    assert!(lang.decks.is_empty());
    assert_eq!(config.theme, ThemeName::Dark);
    assert_eq!(
        lang.lines.keys().copied().collect::<Vec<_>>(),
        ["fuzz"],
        "only the keys it set"
    );
}

#[test]
fn presets_that_are_not_tables_are_reported() {
    let (config, problems) = parsed("presets = 5\n");
    assert_eq!(
        problems,
        ["config.toml:1:11: `presets` must hold tables, written as `[presets.NAME]`"]
    );
    assert!(config.presets.is_empty());
    let (config, problems) = parsed("presets = { fast = 3 }\n");
    assert_eq!(
        problems,
        ["config.toml:1:20: `presets.fast` must be a table, written as `[presets.fast]`"]
    );
    assert!(config.presets.is_empty());
}

#[test]
fn a_preset_with_its_own_date_keeps_it() {
    let (config, problems) = parsed(&format!(
        "optimized = 2026-01-05\n[presets.a]\nparameters = {PARAMETERS}\noptimized = 2026-03-01\n\
         [presets.b]\noptimized = 2026-02-01\n"
    ));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.presets[0].optimized.as_deref(), Some("2026-03-01"));
    assert_eq!(config.presets[1].optimized.as_deref(), Some("2026-02-01"));
    assert_eq!(config.optimized.as_deref(), Some("2026-01-05"));
}

#[test]
fn globs_match_deck_ids_part_by_part() {
    for (glob, deck, expected) in [
        ("lang/**", "lang/spanish", true),
        ("lang/**", "lang/es/verbs", true),
        ("lang/**", "lang", false),
        ("lang/**", "language/spanish", false),
        ("lang/*", "lang/spanish", true),
        ("lang/*", "lang/es/verbs", false),
        ("*", "math", true),
        ("*", "lang/spanish", false),
        ("**", "lang/es/verbs", true),
        ("**/verbs", "lang/es/verbs", true),
        ("**/verbs", "verbs", true),
        ("lang/**/verbs", "lang/verbs", true),
        ("lang/**/verbs", "lang/es/nouns", false),
        ("spanish?", "spanish2", true),
        ("spanish?", "spanish", false),
        ("sp?nish", "spänish", true),
        ("sp*h", "spanish", true),
        ("sp*h", "spanishes", false),
        ("lang", "lang", true),
        ("lang", "lang/spanish", false),
        ("lang/", "lang", true),
    ] {
        assert_eq!(glob_matches(glob, deck), expected, "{glob} on {deck}");
    }
}

#[test]
fn preset_names_that_are_not_bare_keys_are_quoted_as_toml_quotes_them() {
    assert_eq!(preset_table("lang"), "[presets.lang]");
    assert_eq!(preset_table("lang-2_b"), "[presets.lang-2_b]");
    assert_eq!(preset_table("日本語 🎌"), "[presets.\"日本語 🎌\"]");
    assert_eq!(preset_table("a.b"), "[presets.\"a.b\"]");
    assert_eq!(preset_table(""), "[presets.\"\"]");
    // Read back, each header names the same preset.
    for name in ["lang", "日本語 🎌", "a.b", "it's"] {
        let (config, problems) = parsed(&format!("{}\nnew_per_day = 3\n", preset_table(name)));
        assert!(problems.is_empty(), "{name}: {problems:?}");
        assert_eq!(config.presets[0].name, name);
    }
}

#[test]
fn an_empty_preset_name_is_a_warning_at_its_header_and_the_preset_is_ignored() {
    let (config, problems) =
        parsed("new_per_day = 7\n\n[presets.\"\"]\nnew_per_day = 3\n\n[presets.lang]\n");
    assert_eq!(
        problems,
        [
            "config.toml:3:10: `[presets.\"\"]` has an empty name: ignored, a preset needs a name for decks to take it by"
        ]
    );
    let names: Vec<&str> = config.presets.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["lang"]);
}

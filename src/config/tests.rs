use super::values::duration;
use super::*;
use crate::scheduler::{BurySiblings, DayLearningMix, NewCardMix, NewOrder, ReviewOrder};
use crate::session::grade::{Parts, Typos};

fn parsed(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = parse(text, Path::new("config.toml"));
    (config, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn an_empty_file_is_every_default() {
    let (config, problems) = parsed("");
    assert_eq!(config, Config::default());
    assert!(problems.is_empty());
}

#[test]
fn every_key_is_read() {
    let (config, problems) = parsed(
        "desired_retention = 0.85\nlearning_steps = [\"30s\", \"5m\", \"1h\"]\nrelearning_steps = [\"1d\"]\n\
         new_per_day = 5\nreviews_per_day = 1_000\nrollover_hour = 0\nmaximum_interval = 365\nfuzz = false\n\
         new_review_mix = \"reviews_first\"\ninterday_learning_mix = \"learning_first\"\nreview_order = \"retrievability\"\nnew_order = \"random\"\n\
         bury_new_siblings = false\nbury_review_siblings = false\nbury_interday_learning_siblings = false\n\
         leech_threshold = 0\ntyped_answers = \"strict\"\nlist_answers = \"any\"\n\
         theme = \"light\"\nstreak = true\nstreak_goal = 25\nxp = true\n\
         parameters = [0.1686, 0.8157, 2.4398, 6.2041, 6.5370, 0.5137, 3.1916, 0.0256, 1.6566, 0.2838, 0.6124, \
         1.5905, 0.0352, 0.3957, 1.8007, 0.6009, 1.8729, 0.8653, 0.0911, 0.1507, 0.2406]\n\
         optimized = 2026-11-27\neasy_days = { saturday = 50, sunday = 0 }\nload_balance = false\n\
         images = \"off\"\naudio_player = \"paplay\"\nautoplay = false\ntts_command = \"say {text}\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let s = &config.scheduling;
    assert!((s.desired_retention - 0.85).abs() < 1e-6);
    assert_eq!(s.learning_steps, [30, 300, 3600]);
    assert_eq!(s.relearning_steps, [86_400]);
    assert_eq!(
        (
            s.new_per_day,
            s.reviews_per_day,
            s.calendar.rollover_hour,
            s.maximum_interval
        ),
        (5, 1000, 0, 365)
    );
    assert!(!s.fuzz);
    assert_eq!(s.new_card_mix, NewCardMix::After);
    assert_eq!(s.day_learning_mix, DayLearningMix::LearningFirst);
    assert_eq!(
        (s.review_order, s.new_order),
        (ReviewOrder::Retrievability, NewOrder::Random)
    );
    assert_eq!(
        s.bury_siblings,
        BurySiblings {
            new: false,
            reviews: false,
            interday_learning: false
        }
    );
    assert_eq!(s.leech_threshold, 0);
    assert_eq!(
        config.strictness,
        Strictness {
            typos: Typos::None,
            parts: Parts::Any
        }
    );
    assert_eq!(config.theme, ThemeName::Light);
    assert!(config.streak && config.xp);
    assert_eq!(config.streak_goal, 25);
    assert_eq!(s.parameters.len(), 21);
    assert!((s.parameters[3] - 6.2041).abs() < 1e-6);
    assert_eq!(config.optimized.as_deref(), Some("2026-11-27"));
    assert_eq!(s.easy_days.0, [100, 100, 100, 100, 100, 50, 0]);
    assert!(!s.load_balance);
    assert_eq!(config.lines.get("rollover_hour"), Some(&6));
    assert_eq!(config.lines.len(), SETTINGS.len());
}

#[test]
fn bad_values_name_the_key_line_and_range_and_keep_the_default() {
    let (config, problems) = parsed(
        "desired_retention = 1.5\nnew_per_day = -3\nrollover_hour = \"four\"\nlearning_steps = [\"1m\", \"soon\"]\ntheme = \"neon\"\nretention = 0.9\nfuzz = true\n",
    );
    assert_eq!(
        problems,
        [
            "config.toml:1:21: `desired_retention` is 1.5, but must be from 0.7 to 0.99; using the default",
            "config.toml:2:15: `new_per_day` is -3, but must be a whole number from 0 to 9999; using the default",
            "config.toml:3:17: `rollover_hour` must be a whole number from 0 to 23; using the default",
            "config.toml:4:18: `learning_steps` has `soon`, but must be a list of durations from 1s to 365d, like [\"1m\", \"10m\", \"1d\"]; using the default",
            "config.toml:5:9: `theme` must be one of \"dark\", \"light\", \"monochrome\"; using the default",
            "config.toml:6:1: unknown setting `retention`",
        ]
    );
    let defaults = Config::default();
    assert_eq!(
        config.scheduling.new_per_day,
        defaults.scheduling.new_per_day
    );
    assert_eq!(config.scheduling.learning_steps, [60, 600]);
    assert_eq!(config.theme, ThemeName::Dark);
    assert!(
        config.scheduling.fuzz,
        "the good key after the bad ones is still read"
    );
}

#[test]
fn a_high_retention_is_allowed_with_a_warning() {
    let (config, problems) = parsed("desired_retention = 0.98\n");
    assert!((config.scheduling.desired_retention - 0.98).abs() < 1e-6);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("above 0.97"), "{problems:?}");
}

#[test]
fn a_misspelt_key_gets_a_suggestion_and_broken_toml_still_gives_defaults() {
    let (_, problems) = parsed("new_per_dya = 5\n");
    assert_eq!(
        problems,
        ["config.toml:1:1: unknown setting `new_per_dya`; did you mean `new_per_day`?"]
    );
    let (config, problems) = parsed("new_per_day = \n");
    assert!(
        problems[0].starts_with("config.toml:1:15: invalid TOML"),
        "{problems:?}"
    );
    assert_eq!(config.scheduling.new_per_day, 20);
}

#[test]
fn the_template_parses_back_to_the_defaults() {
    let (config, problems) = parsed(&template());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.scheduling, Config::default().scheduling);
    assert_eq!(
        (config.theme, config.strictness, config.streak, config.xp),
        (ThemeName::Dark, Strictness::default(), false, false)
    );
    assert!(template().contains("# the hour a new day starts (0-23)\nrollover_hour = 4\n"));
}

#[test]
fn no_color_means_monochrome_and_a_missing_file_is_fine() {
    let (config, problems) = load(Path::new("/nonexistent/config.toml"), true);
    assert_eq!(config.theme, ThemeName::Monochrome);
    assert!(problems.is_empty());
}

#[test]
fn steps_are_written_back_in_their_units() {
    assert_eq!(
        [30, 60, 600, 3600, 86_400, 90].map(step_text),
        ["30s", "1m", "10m", "1h", "1d", "90s"]
    );
    assert_eq!(duration("1.5h"), Some(5400));
    assert_eq!(duration("10"), Some(600));
    assert_eq!(duration("m"), None);
}

#[test]
fn parameters_must_be_21_valid_numbers() {
    let (config, problems) = parsed("parameters = [1, 2, 3]\noptimized = \"soon\"\n");
    assert!(config.scheduling.parameters.is_empty());
    assert_eq!(
        problems,
        [
            "config.toml:1:14: `parameters` must be the 21 FSRS-6 parameters that `flashdeck optimize` writes, or []; using the default",
            "config.toml:2:13: `optimized` must be a date, like 2026-11-27; using the default",
        ]
    );
}

#[test]
fn every_word_of_a_word_setting_is_shown_as_it_was_written() {
    for (key, words) in [
        ("new_review_mix", &["mix", "new_first", "reviews_first"][..]),
        (
            "review_order",
            &[
                "due",
                "retrievability",
                "difficulty",
                "interval",
                "random",
                "deck",
            ],
        ),
        ("new_order", &["deck", "random"]),
        ("typed_answers", &["strict", "normal", "lenient"]),
        ("list_answers", &["all", "any"]),
        ("theme", &["dark", "light", "monochrome"]),
    ] {
        for word in words {
            let (config, problems) = parsed(&format!("{key} = \"{word}\"\n"));
            assert!(problems.is_empty(), "{problems:?}");
            let shown = values(&config).into_iter().find(|(k, _)| *k == key);
            assert_eq!(shown, Some((key, format!("\"{word}\""))));
        }
    }
}

#[test]
fn bad_order_and_burying_values_list_what_is_allowed_and_keep_the_defaults() {
    let (config, problems) = parsed(
        "review_order = \"overdue\"\nnew_order = 3\nnew_review_mix = \"after\"\n\
         bury_new_siblings = \"yes\"\nbury_review_siblings = 0\nbury_interday_learning_siblings = [true]\n",
    );
    assert_eq!(
        problems,
        [
            "config.toml:1:16: `review_order` must be one of \"due\", \"retrievability\", \"difficulty\", \"interval\", \"random\", \"deck\"; using the default",
            "config.toml:2:13: `new_order` must be one of \"deck\", \"random\"; using the default",
            "config.toml:3:18: `new_review_mix` must be one of \"mix\", \"new_first\", \"reviews_first\"; using the default",
            "config.toml:4:21: `bury_new_siblings` must be `true` or `false`; using the default",
            "config.toml:5:24: `bury_review_siblings` must be `true` or `false`; using the default",
            "config.toml:6:35: `bury_interday_learning_siblings` must be `true` or `false`; using the default",
        ]
    );
    // The defaults: due order, deck order, mixed, every kind of sibling buried.
    let s = &config.scheduling;
    assert_eq!(
        (s.review_order, s.new_order, s.new_card_mix),
        (ReviewOrder::Due, NewOrder::Deck, NewCardMix::Mix)
    );
    assert_eq!(
        s.bury_siblings,
        BurySiblings {
            new: true,
            reviews: true,
            interday_learning: true
        }
    );
}

#[test]
fn the_old_name_of_new_review_mix_is_read_with_a_warning() {
    let (config, problems) = parsed("new_card_order = \"before\"\n");
    assert_eq!(config.scheduling.new_card_mix, NewCardMix::Before);
    assert_eq!(
        problems,
        [
            "config.toml:1:18: `new_card_order` is now called `new_review_mix`; read as `new_review_mix = \"new_first\"`"
        ]
    );
    assert_eq!(config.lines.get("new_review_mix"), Some(&1));
    let (config, problems) = parsed("new_card_order = \"new_first\"\n");
    assert_eq!(config.scheduling.new_card_mix, NewCardMix::Mix);
    assert_eq!(
        problems,
        [
            "config.toml:1:18: `new_card_order` must be one of \"mix\", \"after\", \"before\"; using the default"
        ]
    );
}

#[test]
fn the_old_name_is_ignored_when_the_new_one_is_set_too() {
    // Either order, at the top and in a preset: `new_review_mix` wins, and the warning says so.
    for text in [
        "new_review_mix = \"new_first\"\nnew_card_order = \"after\"\n",
        "new_card_order = \"after\"\nnew_review_mix = \"new_first\"\n",
    ] {
        let (config, problems) = parsed(text);
        assert_eq!(config.scheduling.new_card_mix, NewCardMix::Before, "{text}");
        let old_line = if text.starts_with("new_card_order") {
            1
        } else {
            2
        };
        let new_line = 3 - old_line;
        assert_eq!(
            problems,
            [format!(
                "config.toml:{old_line}:1: `new_card_order` is ignored: it is the old name of \
                 `new_review_mix`, which is set too (line {new_line})"
            )]
        );
        assert_eq!(config.lines.get("new_review_mix"), Some(&new_line));
    }
    let (config, problems) =
        parsed("[presets.lang]\nnew_card_order = \"after\"\nnew_review_mix = \"mix\"\n");
    assert_eq!(config.presets[0].scheduling.new_card_mix, NewCardMix::Mix);
    assert_eq!(
        problems,
        [
            "config.toml:2:1: `new_card_order` in `[presets.lang]` is ignored: it is the old name of \
          `new_review_mix`, which is set too (line 3)"
        ]
    );
}

#[test]
fn bad_easy_days_and_load_balance_list_what_is_allowed_and_keep_the_defaults() {
    const SHARE: &str = "a day's share must be a whole percentage from 0 to 100";
    let (config, problems) =
        parsed("easy_days = { sunday = 150 }\nload_balance = \"yes\"\nfuzz = false\n");
    assert_eq!(
        problems,
        [
            format!(
                "config.toml:1:24: `easy_days` has a bad value for `sunday`, but {SHARE}; `sunday` keeps its full load (100)"
            ),
            "config.toml:2:16: `load_balance` must be `true` or `false`; using the default"
                .to_owned(),
        ]
    );
    assert_eq!(
        config.scheduling.easy_days,
        crate::scheduler::EasyDays::default()
    );
    assert!(config.scheduling.load_balance && !config.scheduling.fuzz);
    let (config, problems) = parsed("easy_days = [100, 100, 100, 100, 100, 50, 0]");
    assert_eq!(
        problems,
        [
            "config.toml:1:13: `easy_days` must be a table of weekdays (monday to sunday) and whole percentages from 0 to 100, like { saturday = 50, sunday = 0 }; using the default"
        ]
    );
    assert!(config.scheduling.easy_days.is_normal());
}

/// Every bad entry is reported where it is, and the good days are kept.
#[test]
fn each_bad_easy_day_is_reported_at_its_entry_and_the_good_ones_are_kept() {
    const SHARE: &str = "a day's share must be a whole percentage from 0 to 100";
    let text = "easy_days = { funday = 10, monday = 150, tuesday = -1, wednesday = \"x\", \
                saturday = 50, thursday = 0.5 }\n";
    let (config, problems) = parsed(text);
    assert_eq!(
        problems,
        [
            "config.toml:1:15: `easy_days` has `funday`, which is no weekday (did you mean `sunday`?): the days are monday to sunday; left out".to_owned(),
            format!("config.toml:1:37: `easy_days` has a bad value for `monday`, but {SHARE}; `monday` keeps its full load (100)"),
            format!("config.toml:1:52: `easy_days` has a bad value for `tuesday`, but {SHARE}; `tuesday` keeps its full load (100)"),
            format!("config.toml:1:68: `easy_days` has a bad value for `wednesday`, but {SHARE}; `wednesday` keeps its full load (100)"),
            format!("config.toml:1:99: `easy_days` has a bad value for `thursday`, but {SHARE}; `thursday` keeps its full load (100)"),
        ]
    );
    // Monday to Sunday: only Saturday's 50 was good.
    assert_eq!(
        config.scheduling.easy_days.0,
        [100, 100, 100, 100, 100, 50, 100]
    );
    assert_eq!(config.lines.get("easy_days"), Some(&1));
    // In a preset, on its own line, the table is named.
    let (config, problems) = parsed("[presets.lang]\neasy_days = { sunday = 0, sundy = 5 }\n");
    assert_eq!(
        problems,
        [
            "config.toml:2:27: `easy_days` in `[presets.lang]` has `sundy`, which is no weekday (did you mean `sunday`?): the days are monday to sunday; left out"
        ]
    );
    assert_eq!(config.presets[0].scheduling.easy_days.0[6], 0);
}

#[test]
fn easy_days_are_shown_as_they_are_read() {
    let (config, problems) = parsed("easy_days = { sunday = 0, saturday = 50 }\n");
    assert!(problems.is_empty(), "{problems:?}");
    let shown: BTreeMap<_, _> = values(&config).into_iter().collect();
    assert_eq!(shown["easy_days"], "{ saturday = 50, sunday = 0 }");
    assert_eq!(shown["load_balance"], "true");
    assert_eq!(
        values(&Config::default())[SETTINGS.iter().position(|s| s.name == "easy_days").unwrap()].1,
        "{}"
    );
}

#[test]
fn media_settings_are_read_and_a_bad_one_says_what_is_allowed() {
    let (config, problems) = parsed(
        "images = \"sixel\"\naudio_player = \"mpv --no-video\"\nautoplay = false\n\
         tts_command = \"espeak-ng -v {lang} {text}\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.media.images, ImageMode::Sixel);
    assert_eq!(config.media.audio_player, "mpv --no-video");
    assert!(!config.media.autoplay);
    assert_eq!(config.media.tts_command, "espeak-ng -v {lang} {text}");

    let (config, problems) = parsed("images = \"png\"\ntts_command = \"say\"\naudio_player = 3\n");
    assert_eq!(config.media, MediaSettings::default());
    assert_eq!(
        problems,
        [
            "config.toml:1:10: `images` must be one of \"auto\", \"kitty\", \"sixel\", \"iterm2\", \
             \"halfblocks\", \"off\"; using the default",
            "config.toml:2:15: `tts_command` must hold `{text}` where the text goes, like \
             \"espeak-ng -v {lang} {text}\"; using the default",
            "config.toml:3:16: `audio_player` must be a string: the command and its arguments; \
             using the default",
        ]
    );
}

#[test]
fn media_settings_show_as_toml_that_reads_back() {
    let (config, _) = parsed("audio_player = 'play \"x\"'\n");
    let shown = values(&config)
        .into_iter()
        .find(|(name, _)| *name == "audio_player")
        .map(|(_, value)| value);
    assert_eq!(shown.as_deref(), Some("'play \"x\"'"));
    assert!(template().contains("images = \"auto\"\n"));
    assert!(template().contains("autoplay = true\n"));
}

//! Every setting in one table: its key, what it means, how its value is read and how it is
//! written back. `config show`, `config init` and the checks all go through it, in its order.

use super::values::{
    Value, boolean, easy_days, easy_days_text, float, integer, parameters, parameters_text, quoted,
    steps, steps_text, word,
};
use super::{Config, ImageMode, ThemeName};
use crate::scheduler::{DayLearningMix, NewCardMix, NewOrder, ReviewOrder};
use crate::session::grade::{Parts, Typos};

/// What reading a value gives: `Ok` with warnings (an allowed but unwise value, or entries of
/// it left out while the rest is used), `Err` when none of it is used. Each message ends the
/// one after the key ("is 1.5, but must be …").
pub type Read = Result<Vec<Warning>, String>;

/// A warning about a value that was read, and the byte offset in the file it is about.
pub type Warning = (usize, String);

/// One key of `config.toml`.
pub struct Setting {
    /// The key.
    pub name: &'static str,
    /// What it means, for the commented file `config init` writes.
    pub help: &'static str,
    /// Whether a preset may set it (`[presets.NAME]`); the others are one for the whole
    /// collection.
    pub preset: bool,
    /// Checks a value and sets it in the config.
    pub read: fn(&mut Config, &Value<'_>) -> Read,
    /// The effective value as TOML, for `config show` and `config init`.
    pub show: fn(&Config) -> String,
}

/// Stores a value that passed its check.
fn set<T>(slot: &mut T, value: Result<T, String>) -> Read {
    *slot = value?;
    Ok(Vec::new())
}

/// A value that is one of a few words, read and written through the same list.
fn choice<T: Copy>(value: &Value<'_>, choices: &[(&'static str, T)]) -> Result<T, String> {
    let words: Vec<&str> = choices.iter().map(|&(word, _)| word).collect();
    let word = word(value, &words)?;
    // `word` only returns one of `words`, so the search always finds it.
    choices
        .iter()
        .find(|&&(w, _)| w == word)
        .map(|&(_, value)| value)
        .ok_or_else(String::new)
}

/// The word for `current`, quoted, as [`choice`] reads it.
fn chosen<T: Copy + PartialEq>(current: T, choices: &[(&'static str, T)]) -> String {
    let word = choices.iter().find(|&&(_, value)| value == current);
    quoted(word.map_or("", |&(word, _)| word))
}

/// `new_review_mix`'s words.
const NEW_REVIEW_MIXES: &[(&str, NewCardMix)] = &[
    ("mix", NewCardMix::Mix),
    ("new_first", NewCardMix::Before),
    ("reviews_first", NewCardMix::After),
];
/// `interday_learning_mix`'s words.
const DAY_LEARNING_MIXES: &[(&str, DayLearningMix)] = &[
    ("mix", DayLearningMix::Mix),
    ("learning_first", DayLearningMix::LearningFirst),
    ("reviews_first", DayLearningMix::ReviewsFirst),
];
/// The words of `new_card_order`, `new_review_mix`'s name until it was renamed.
const OLD_NEW_CARD_ORDERS: &[(&str, NewCardMix)] = &[
    ("mix", NewCardMix::Mix),
    ("after", NewCardMix::After),
    ("before", NewCardMix::Before),
];
/// `review_order`'s words.
const REVIEW_ORDERS: &[(&str, ReviewOrder)] = &[
    ("due", ReviewOrder::Due),
    ("retrievability", ReviewOrder::Retrievability),
    ("difficulty", ReviewOrder::Difficulty),
    ("interval", ReviewOrder::Interval),
    ("random", ReviewOrder::Random),
    ("deck", ReviewOrder::Deck),
];
/// `new_order`'s words.
const NEW_ORDERS: &[(&str, NewOrder)] = &[("deck", NewOrder::Deck), ("random", NewOrder::Random)];
/// `typed_answers`' words: how many typos pass.
const TYPED_ANSWERS: &[(&str, Typos)] = &[
    ("strict", Typos::None),
    ("normal", Typos::Some),
    ("lenient", Typos::More),
];
/// `list_answers`' words.
const LIST_ANSWERS: &[(&str, Parts)] = &[("all", Parts::All), ("any", Parts::Any)];
/// `theme`'s words.
const THEMES: &[(&str, ThemeName)] = &[
    ("dark", ThemeName::Dark),
    ("light", ThemeName::Light),
    ("monochrome", ThemeName::Monochrome),
];

/// `images`' words.
pub const IMAGE_MODES: &[(&str, ImageMode)] = &[
    ("auto", ImageMode::Auto),
    ("kitty", ImageMode::Kitty),
    ("sixel", ImageMode::Sixel),
    ("iterm2", ImageMode::Iterm2),
    ("halfblocks", ImageMode::Halfblocks),
    ("off", ImageMode::Off),
];

/// A command's words: a string, and with `placeholder` given, one that holds it (or empty,
/// for none).
fn command(value: &Value<'_>, placeholder: Option<&str>) -> Result<String, String> {
    let text = value
        .get_ref()
        .as_str()
        .ok_or_else(|| "must be a string: the command and its arguments".to_owned())?;
    if let Some(placeholder) = placeholder
        && !text.trim().is_empty()
        && !text.contains(placeholder)
    {
        return Err(format!(
            "must hold `{placeholder}` where the text goes, like \"espeak-ng -v {{lang}} {{text}}\""
        ));
    }
    Ok(text.trim().to_owned())
}

/// The settings, in the order `config show` and `config init` list them.
#[rustfmt::skip]
pub const SETTINGS: &[Setting] = &[
    Setting {
        name: "desired_retention",
        preset: true,
        help: "the chance of remembering a card when it comes due (0.70-0.99; above 0.97 costs many reviews)",
        read: |c, v| {
            let r = float(v, 0.70, 0.99)?;
            c.scheduling.desired_retention = r;
            let warning = format!(
                "{r} is above 0.97: reviews will come very often for little gain"
            );
            Ok((r > 0.97).then(|| (v.span().start, warning)).into_iter().collect())
        },
        show: |c| format!("{}", c.scheduling.desired_retention),
    },
    Setting {
        name: "learning_steps",
        preset: true,
        help: "delays while learning a new card, like [\"1m\", \"10m\"] (s, m, h, d)",
        read: |c, v| set(&mut c.scheduling.learning_steps, steps(v)),
        show: |c| steps_text(&c.scheduling.learning_steps),
    },
    Setting {
        name: "relearning_steps",
        preset: true,
        help: "delays after forgetting a review card",
        read: |c, v| set(&mut c.scheduling.relearning_steps, steps(v)),
        show: |c| steps_text(&c.scheduling.relearning_steps),
    },
    Setting {
        name: "new_per_day",
        preset: true,
        help: "new cards a day, per deck (0-9999); a deck's [deck] table may set its own",
        read: |c, v| set(&mut c.scheduling.new_per_day, integer(v, 0, 9999)),
        show: |c| c.scheduling.new_per_day.to_string(),
    },
    Setting {
        name: "reviews_per_day",
        preset: true,
        help: "reviews a day, per deck (0-99999); a deck's [deck] table may set its own",
        read: |c, v| set(&mut c.scheduling.reviews_per_day, integer(v, 0, 99_999)),
        show: |c| c.scheduling.reviews_per_day.to_string(),
    },
    Setting {
        name: "new_order",
        preset: true,
        help: "new cards in \"deck\" file order or at \"random\"; reverses come after the day's cards as written",
        read: |c, v| set(&mut c.scheduling.new_order, choice(v, NEW_ORDERS)),
        show: |c| chosen(c.scheduling.new_order, NEW_ORDERS),
    },
    Setting {
        name: "review_order",
        preset: true,
        help: "reviews by \"due\" day (most overdue first), lowest \"retrievability\" first (for a backlog), highest \"difficulty\", shortest \"interval\", \"random\", or \"deck\" by deck",
        read: |c, v| set(&mut c.scheduling.review_order, choice(v, REVIEW_ORDERS)),
        show: |c| chosen(c.scheduling.review_order, REVIEW_ORDERS),
    },
    Setting {
        name: "new_review_mix",
        preset: true,
        help: "new cards \"mix\" with reviews, or come first (\"new_first\") or last (\"reviews_first\")",
        read: |c, v| set(&mut c.scheduling.new_card_mix, choice(v, NEW_REVIEW_MIXES)),
        show: |c| chosen(c.scheduling.new_card_mix, NEW_REVIEW_MIXES),
    },
    Setting {
        name: "interday_learning_mix",
        preset: true,
        help: "cards on a learning step of a day or more \"mix\" with the reviews, or come first (\"learning_first\") or last (\"reviews_first\")",
        read: |c, v| set(&mut c.scheduling.day_learning_mix, choice(v, DAY_LEARNING_MIXES)),
        show: |c| chosen(c.scheduling.day_learning_mix, DAY_LEARNING_MIXES),
    },
    Setting {
        name: "bury_new_siblings",
        preset: true,
        help: "answering a card hides its new siblings (its reverse) until tomorrow",
        read: |c, v| set(&mut c.scheduling.bury_siblings.new, boolean(v)),
        show: |c| c.scheduling.bury_siblings.new.to_string(),
    },
    Setting {
        name: "bury_review_siblings",
        preset: true,
        help: "answering a review or learning card hides its review siblings until tomorrow",
        read: |c, v| set(&mut c.scheduling.bury_siblings.reviews, boolean(v)),
        show: |c| c.scheduling.bury_siblings.reviews.to_string(),
    },
    Setting {
        name: "bury_interday_learning_siblings",
        preset: true,
        help: "answering a learning card hides its siblings on a learning step of a day or more until tomorrow",
        read: |c, v| set(&mut c.scheduling.bury_siblings.interday_learning, boolean(v)),
        show: |c| c.scheduling.bury_siblings.interday_learning.to_string(),
    },
    Setting {
        name: "rollover_hour",
        preset: false,
        help: "the hour a new day starts (0-23)",
        read: |c, v| set(&mut c.scheduling.calendar.rollover_hour, integer(v, 0, 23)),
        show: |c| c.scheduling.calendar.rollover_hour.to_string(),
    },
    Setting {
        name: "maximum_interval",
        preset: true,
        help: "the longest interval, in days (1-36500)",
        read: |c, v| set(&mut c.scheduling.maximum_interval, integer(v, 1, 36_500)),
        show: |c| c.scheduling.maximum_interval.to_string(),
    },
    Setting {
        name: "fuzz",
        preset: true,
        help: "spread intervals a little, so cards learnt together do not stay together",
        read: |c, v| set(&mut c.scheduling.fuzz, boolean(v)),
        show: |c| c.scheduling.fuzz.to_string(),
    },
    Setting {
        name: "easy_days",
        preset: true,
        help: "each weekday's share of the usual reviews, in percent, like { saturday = 50, sunday = 0 }: new intervals avoid those days in proportion, within their fuzz",
        read: |c, v| {
            let (days, warnings) = easy_days(v)?;
            c.scheduling.easy_days = days;
            Ok(warnings)
        },
        show: |c| easy_days_text(c.scheduling.easy_days),
    },
    Setting {
        name: "load_balance",
        // A preference of the whole collection in Anki (`BoolKey::LoadBalancerEnabled`).
        preset: false,
        help: "put a fuzzed interval on a day with fewer cards due, as Anki's load balancer does",
        read: |c, v| set(&mut c.scheduling.load_balance, boolean(v)),
        show: |c| c.scheduling.load_balance.to_string(),
    },
    Setting {
        name: "leech_threshold",
        preset: true,
        help: "lapses that make a card a leech and suspend it (0 turns it off)",
        read: |c, v| set(&mut c.scheduling.leech_threshold, integer(v, 0, 99)),
        show: |c| c.scheduling.leech_threshold.to_string(),
    },
    Setting {
        name: "typed_answers",
        preset: false,
        help: "typos allowed in typed answers: \"strict\" (none), \"normal\" or \"lenient\"",
        read: |c, v| set(&mut c.strictness.typos, choice(v, TYPED_ANSWERS)),
        show: |c| chosen(c.strictness.typos, TYPED_ANSWERS),
    },
    Setting {
        name: "list_answers",
        preset: false,
        help: "an answer listing parts needs \"all\" of them or \"any\" one",
        read: |c, v| set(&mut c.strictness.parts, choice(v, LIST_ANSWERS)),
        show: |c| chosen(c.strictness.parts, LIST_ANSWERS),
    },
    Setting {
        name: "theme",
        preset: false,
        help: "\"dark\", \"light\" or \"monochrome\" (NO_COLOR also turns colours off)",
        read: |c, v| set(&mut c.theme, choice(v, THEMES)),
        show: |c| chosen(c.theme, THEMES),
    },
    Setting {
        name: "images",
        preset: false,
        help: "how card pictures are drawn: \"auto\" (ask the terminal), \"kitty\", \"sixel\", \"iterm2\", \"halfblocks\" or \"off\" (text and a key that opens them)",
        read: |c, v| set(&mut c.media.images, choice(v, IMAGE_MODES)),
        show: |c| chosen(c.media.images, IMAGE_MODES),
    },
    Setting {
        name: "audio_player",
        preset: false,
        help: "the command that plays [sound:...] files, the file added last (\"\": the first of mpv, ffplay, paplay, afplay)",
        read: |c, v| set(&mut c.media.audio_player, command(v, None)),
        show: |c| toml::Value::from(c.media.audio_player.as_str()).to_string(),
    },
    Setting {
        name: "autoplay",
        preset: false,
        help: "play a side's sounds (and speak it) when it shows; a key replays them either way",
        read: |c, v| set(&mut c.media.autoplay, boolean(v)),
        show: |c| c.media.autoplay.to_string(),
    },
    Setting {
        name: "tts_command",
        preset: false,
        help: "speaks sides of decks with `tts = \"LANG\"`, like \"espeak-ng -v {lang} {text}\"; no shell (\"\": off)",
        read: |c, v| set(&mut c.media.tts_command, command(v, Some("{text}"))),
        show: |c| toml::Value::from(c.media.tts_command.as_str()).to_string(),
    },
    Setting {
        name: "streak",
        preset: false,
        help: "count days studied in a row; a day with nothing due does not break it",
        read: |c, v| set(&mut c.streak, boolean(v)),
        show: |c| c.streak.to_string(),
    },
    Setting {
        name: "streak_goal",
        preset: false,
        help: "cards that make a day count for the streak (1-9999); clearing all that is due also does",
        read: |c, v| set(&mut c.streak_goal, integer(v, 1, 9999)),
        show: |c| c.streak_goal.to_string(),
    },
    Setting {
        name: "xp",
        preset: false,
        help: "earn XP and levels for studying (the rule is in the README)",
        read: |c, v| set(&mut c.xp, boolean(v)),
        show: |c| c.xp.to_string(),
    },
    Setting {
        name: "parameters",
        preset: true,
        help: "the 21 FSRS-6 parameters; [] is FSRS's defaults; `flashdeck optimize` fits them to your reviews",
        read: |c, v| set(&mut c.scheduling.parameters, parameters(v)),
        show: |c| parameters_text(&c.scheduling.parameters),
    },
    Setting {
        name: "optimized",
        preset: true,
        help: "when `flashdeck optimize` fitted the parameters (a date; \"\" for never)",
        read: |c, v| {
            let date = match v.get_ref() {
                toml::de::DeValue::Datetime(date) if date.date.is_some() && date.time.is_none() => {
                    Some(date.to_string())
                }
                toml::de::DeValue::String(text) if text.is_empty() => None,
                _ => return Err("must be a date, like 2026-11-27".to_owned()),
            };
            set(&mut c.optimized, Ok(date))
        },
        show: |c| c.optimized.clone().unwrap_or_else(|| quoted("")),
    },
];

/// Keys of earlier versions, each read as the setting that took its place (whose name is
/// the [`Setting`]'s), with a warning that says the new name.
pub const RENAMED: &[(&str, Setting)] = &[(
    "new_card_order",
    Setting {
        name: "new_review_mix",
        preset: true,
        help: "",
        read: |c, v| {
            set(
                &mut c.scheduling.new_card_mix,
                choice(v, OLD_NEW_CARD_ORDERS),
            )?;
            let now = chosen(c.scheduling.new_card_mix, NEW_REVIEW_MIXES);
            Ok(vec![(
                v.span().start,
                format!("is now called `new_review_mix`; read as `new_review_mix = {now}`"),
            )])
        },
        show: |c| chosen(c.scheduling.new_card_mix, NEW_REVIEW_MIXES),
    },
)];

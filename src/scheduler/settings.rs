//! The scheduling settings, with Anki's defaults; `config.toml` overrides them.

use serde::{Deserialize, Serialize};

use super::Calendar;

/// How new cards are mixed into the day's reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NewCardMix {
    /// Spread evenly among the reviews, as Anki does by default.
    #[default]
    Mix,
    /// After the reviews.
    After,
    /// Before the reviews.
    Before,
}

/// Every scheduling setting, with Anki's defaults; `config.toml` may set each.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The chance of recalling a card when it comes due, from 0.70 to 0.99.
    pub desired_retention: f32,
    /// Seconds.
    pub learning_steps: Vec<u32>,
    /// Seconds.
    pub relearning_steps: Vec<u32>,
    /// Days.
    pub maximum_interval: u32,
    /// Spread review intervals a little, so cards learnt together drift apart.
    pub fuzz: bool,
    /// Lapses that make a card a leech (0 turns leeches off).
    pub leech_threshold: u32,
    /// When a day starts.
    pub calendar: Calendar,
    /// New cards a day, per deck.
    pub new_per_day: u32,
    /// Reviews a day, per deck.
    pub reviews_per_day: u32,
    /// How early, in seconds, a learning card may be shown when nothing else is left.
    pub learn_ahead_secs: u32,
    /// Where new cards go among the reviews.
    pub new_card_mix: NewCardMix,
    /// The 21 FSRS-6 parameters; empty means the defaults.
    pub parameters: Vec<f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            learning_steps: vec![60, 600],
            relearning_steps: vec![600],
            maximum_interval: 36_500,
            fuzz: true,
            leech_threshold: 8,
            calendar: Calendar::default(),
            new_per_day: 20,
            reviews_per_day: 200,
            learn_ahead_secs: 20 * 60,
            new_card_mix: NewCardMix::Mix,
            parameters: Vec::new(),
        }
    }
}

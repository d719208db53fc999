//! The scheduling settings, with Anki's defaults; `config.toml` overrides them.

use serde::{Deserialize, Serialize};

use super::Calendar;
use super::balance::EasyDays;

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

/// Where the day-learning cards (a learning step of a day or more, due today) go among the
/// reviews: Anki's "interday learning/review order" (`InterdayLearningMix`, merged by
/// `merge_day_learning` in `rslib/src/scheduler/queue/builder/mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayLearningMix {
    /// Spread evenly among the reviews, Anki's default.
    #[default]
    Mix,
    /// Before the reviews.
    LearningFirst,
    /// After the reviews.
    ReviewsFirst,
}

/// The order of the day's review cards: Anki's "review sort order" (`ReviewCardOrder`, turned
/// into SQL by `review_order_sql` in `rslib/src/storage/card/mod.rs`). Every order ends, as
/// Anki's do, with a random one that stays the same all day (a hash of the day and the card).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewOrder {
    /// The earliest due day first (the most overdue); Anki's "due date, then random".
    #[default]
    Due,
    /// The lowest recall now first: Anki's "retrievability ascending", its advice for a
    /// backlog. Cards without a memory come last.
    Retrievability,
    /// The highest FSRS difficulty first: Anki's "ease ascending" with FSRS on. Cards
    /// without a memory come last.
    Difficulty,
    /// The shortest interval first: Anki's "intervals ascending".
    Interval,
    /// In random order.
    Random,
    /// Deck by deck, in the order the decks are studied, each by due day: Anki's "deck, then
    /// due date".
    Deck,
}

/// The order new cards are introduced in, siblings spread in both: the day's cards as written
/// first, then their reverses (Anki's "card type, then order gathered" and "card type, then
/// random", `rslib/src/scheduler/queue/builder/sorting.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NewOrder {
    /// In the order of the deck file.
    #[default]
    Deck,
    /// Chosen at random from the deck, the same all day.
    Random,
}

/// Which siblings answering a card buries until the next day, by the queue the sibling is in
/// (Anki's "bury new / review / interday learning siblings").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BurySiblings {
    /// New siblings.
    pub new: bool,
    /// Review siblings.
    pub reviews: bool,
    /// Siblings in learning whose next step is on a later day than their last answer.
    pub interday_learning: bool,
}

impl Default for BurySiblings {
    fn default() -> Self {
        Self {
            new: true,
            reviews: true,
            interday_learning: true,
        }
    }
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
    /// Where the day-learning cards go among the reviews.
    pub day_learning_mix: DayLearningMix,
    /// The order of the day's review cards.
    pub review_order: ReviewOrder,
    /// The order new cards are introduced in.
    pub new_order: NewOrder,
    /// Which siblings an answer buries until the next day.
    pub bury_siblings: BurySiblings,
    /// The 21 FSRS-6 parameters; empty means the defaults.
    pub parameters: Vec<f32>,
    /// Each weekday's share of the usual review load: fuzzed intervals avoid the days below
    /// 100 % in proportion (Anki's "Easy Days"; see `scheduler::balance`).
    pub easy_days: EasyDays,
    /// Pick a fuzzed interval's day with a preference for days with fewer cards due (Anki's
    /// load balancer), when the answer is given; replay keeps the day the answer recorded.
    pub load_balance: bool,
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
            day_learning_mix: DayLearningMix::Mix,
            review_order: ReviewOrder::Due,
            new_order: NewOrder::Deck,
            bury_siblings: BurySiblings::default(),
            parameters: Vec::new(),
            easy_days: EasyDays::default(),
            load_balance: true,
        }
    }
}

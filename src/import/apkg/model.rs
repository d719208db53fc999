//! An Anki collection as flashdeck reads it from a package: plain data, the same whichever
//! schema it came from (the current one, 18, or the legacy 11). Times are Anki's: ids and
//! revlog ids in milliseconds since 1970, `mod` in seconds.

/// Whether a note type makes one card per template or one per cloze number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotetypeKind {
    Normal,
    Cloze,
}

/// A card template: the question and answer formats (Anki's `qfmt`/`afmt`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub name: String,
    pub front: String,
    pub back: String,
}

/// A note type: its field names and templates, each in ordinal order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notetype {
    pub id: i64,
    pub name: String,
    pub kind: NotetypeKind,
    pub fields: Vec<String>,
    pub templates: Vec<Template>,
}

/// A note: its fields' HTML in the note type's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: i64,
    pub guid: String,
    pub notetype: i64,
    pub fields: Vec<String>,
    pub tags: Vec<String>,
}

/// A card: its note, deck, template ordinal (or cloze number − 1) and scheduling columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: i64,
    pub note: i64,
    /// The home deck: `odid` for a card in a filtered deck, else `did`.
    pub deck: i64,
    pub ord: u32,
    /// 0 new, 1 learning, 2 review, 3 relearning.
    pub kind: i32,
    /// -3 buried by the user, -2 buried as a sibling, -1 suspended, 0–4 in a queue.
    pub queue: i32,
    /// For a review card: days since the collection was created.
    pub due: i64,
    /// The low 3 bits are the flag colour (0 none).
    pub flags: u32,
    /// Last changed, in seconds since 1970.
    pub modified: i64,
}

/// One revlog row (Anki's `rslib/src/revlog/mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revlog {
    /// When it happened, in milliseconds since 1970.
    pub id: i64,
    pub card: i64,
    /// The button: 1 Again … 4 Easy; 0 for a manual change.
    pub ease: u8,
    /// The interval after: days when positive, seconds when negative.
    pub interval: i64,
    /// The ease factor in permille (2500 is 250 %), 0 when "Forget" reset the card.
    pub factor: i64,
    /// Milliseconds spent answering.
    pub taken_ms: i64,
    /// 0 learning, 1 review, 2 relearning, 3 filtered (early review), 4 manual,
    /// 5 rescheduled.
    pub kind: u8,
}

/// A deck: its name's parts (`Spanish::Verbs` is `["Spanish", "Verbs"]`) and its options
/// preset; `None` for a filtered deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    pub id: i64,
    pub name: Vec<String>,
    pub preset: Option<i64>,
}

/// A deck options preset: the scheduling settings flashdeck has too.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub id: i64,
    pub name: String,
    /// Minutes.
    pub learn_steps: Vec<f32>,
    /// Minutes.
    pub relearn_steps: Vec<f32>,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Days.
    pub maximum_interval: u32,
    /// 0–1.
    pub desired_retention: f32,
    /// FSRS-6 parameters (21), empty when the preset has none fitted.
    pub parameters: Vec<f32>,
    pub leech_threshold: u32,
    pub bury_new: bool,
    pub bury_reviews: bool,
    pub bury_interday_learning: bool,
}

/// A media file in the package: the name the notes use and the zip entry holding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub name: String,
    pub entry: String,
    /// Bytes, as the media map gives it (`None` in the legacy map).
    pub size: Option<u64>,
}

/// Everything read from a package.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    pub notetypes: Vec<Notetype>,
    pub notes: Vec<Note>,
    pub cards: Vec<Card>,
    pub revlog: Vec<Revlog>,
    pub decks: Vec<Deck>,
    pub presets: Vec<Preset>,
    pub media: Vec<Media>,
    /// The day rollover hour, from the collection's config (only a `.colpkg` has it).
    pub rollover: Option<u32>,
    /// When the collection was created, in seconds since 1970: review due days count from
    /// its day.
    pub created: i64,
}

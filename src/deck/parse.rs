//! Validation of one deck file's text into a [`Deck`], collecting every problem in the file
//! rather than stopping at the first.
//!
//! The TOML is parsed into toml's spanned document tree and walked by hand instead of through
//! serde, because serde stops at the first error and cannot suggest a misspelt key.

mod card_entry;
mod cloze_entry;
mod fields;
mod media_refs;
mod suggest;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::key::{REVERSE_SUFFIX, hashed_key};
use chrono::NaiveDate;

use super::append::NewCard;
use super::position::LineIndex;
use super::{Card, CardId, Deck, DeckId, Problem, Source};
use card_entry::{CardEntry, ClozeEntry};
pub use media_refs::{PlacedMedia, media_references};
pub(crate) use suggest::closest;

const ROOT_KEYS: &[&str] = &["deck", "cards", "type"];
const DECK_KEYS: &[&str] = &[
    "name",
    "description",
    "tags",
    "new_per_day",
    "reviews_per_day",
    "exam",
    "preset",
    "type",
    "tts",
    "tts_front",
    "tts_back",
];
const CARD_KEYS: &[&str] = &[
    "front", "back", "id", "tags", "hint", "reverse", "cloze", "extra", "type", "note",
];
const NO_CARDS: &str = "the deck has no cards: add a `[[cards]]` table with `front` and `back`";

/// Validates `text` as the deck `id`. On failure every problem found is returned, in file order.
pub fn parse_deck(id: DeckId, source: Source, text: &str) -> Result<Deck, Vec<Problem>> {
    parse_deck_counted(id, source, text).map_err(|(problems, _)| problems)
}

/// As [`parse_deck`]; a failure also gives how many cards of the file were valid (0 when the
/// TOML itself does not parse), so a file with one bad card can say what it still holds.
pub fn parse_deck_counted(
    id: DeckId,
    source: Source,
    text: &str,
) -> Result<Deck, (Vec<Problem>, usize)> {
    let mut checker = Checker {
        text,
        errors: Vec::new(),
        lines: None,
    };
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        // A recovered tree has holes: its cards are not counted.
        checker.syntax_errors(syntax_errors);
        return Err((checker.into_problems(&source), 0));
    }
    let (meta, cards) = checker.document(&id, root.get_ref());
    let valid_cards = cards.len();
    if let Some(meta) = meta.filter(|_| checker.errors.is_empty()) {
        return Ok(Deck {
            id,
            name: meta.name,
            description: meta.description,
            tags: meta.tags,
            cards,
            source,
            new_per_day: meta.new_per_day,
            reviews_per_day: meta.reviews_per_day,
            exam: meta.exam,
            preset: meta.preset,
            speech: meta.speech,
        });
    }
    Err((checker.into_problems(&source), valid_cards))
}

/// Validates `text` as the keys of one card without its `[[cards]]` line (what the `$EDITOR`
/// path has the user write), by the rules of a card in a deck file. Problems are positioned in
/// `text` and carry `path`.
pub(super) fn parse_card(text: &str, path: &std::path::Path) -> Result<NewCard, Vec<Problem>> {
    let mut checker = Checker {
        text,
        errors: Vec::new(),
        lines: None,
    };
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    let source = Source::File(path.to_path_buf());
    if !syntax_errors.is_empty() {
        checker.syntax_errors(syntax_errors);
        return Err(checker.into_problems(&source));
    }
    let span = root.span();
    let table = Spanned::new(span, DeValue::Table(root.into_inner()));
    match checker.card_entry(&table) {
        Some(CardEntry {
            front: Some(front),
            back: Some(back),
            id,
            tags,
            hint,
            reverse,
            valid: true,
            ..
        }) if checker.errors.is_empty() => Ok(NewCard {
            front,
            back,
            tags,
            hint,
            reverse,
            id,
        }),
        Some(CardEntry {
            cloze: Some(_),
            valid: true,
            ..
        }) if checker.errors.is_empty() => {
            checker.error(
                0,
                "a cloze card cannot be added this way; write it into the deck file",
            );
            Err(checker.into_problems(&source))
        }
        _ => Err(checker.into_problems(&source)),
    }
}

struct Meta {
    name: String,
    description: String,
    tags: Vec<String>,
    new_per_day: Option<u32>,
    reviews_per_day: Option<u32>,
    exam: Option<NaiveDate>,
    preset: Option<super::NamedPreset>,
    /// `type = true`: every card's answer is typed, unless the card says `type = false`;
    /// `None` when not given.
    typed: Option<bool>,
    speech: super::speech::Speech,
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Checker<'t> {
    text: &'t str,
    /// Byte offset and message.
    errors: Vec<(usize, String)>,
    /// Built on the first error that needs a line number, so valid files never pay for it.
    lines: Option<LineIndex<'t>>,
}

impl Checker<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push((offset, message.into()));
    }

    /// Reports only the syntax errors: a recovered tree has holes, and checking it would report
    /// phantom missing fields.
    fn syntax_errors(&mut self, errors: Vec<toml::de::Error>) {
        for error in errors {
            let offset = error.span().map_or(0, |span| span.start);
            self.error(offset, format!("invalid TOML: {}", error.message().trim()));
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let text = self.text;
        self.lines
            .get_or_insert_with(|| LineIndex::new(text))
            .line_col(offset)
            .0
    }

    fn into_problems(mut self, source: &Source) -> Vec<Problem> {
        let path = match source {
            Source::File(path) => path.clone(),
            Source::Bundled => PathBuf::from(source.to_string()),
        };
        self.errors.sort_by_key(|(offset, _)| *offset);
        let lines = self
            .lines
            .take()
            .unwrap_or_else(|| LineIndex::new(self.text));
        self.errors
            .into_iter()
            .map(|(offset, message)| {
                let (line, column) = lines.line_col(offset);
                Problem {
                    path: path.clone(),
                    line,
                    column,
                    message,
                }
            })
            .collect()
    }

    /// The deck's metadata, if valid, and every valid card.
    fn document(&mut self, id: &DeckId, root: &DeTable<'_>) -> (Option<Meta>, Vec<Card>) {
        let mut meta = None;
        let mut cards = None;
        let mut typed_at_top = None;
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "deck" => meta = Some(value),
                "cards" => cards = Some(value),
                "type" => typed_at_top = Some((key.span().start, self.boolean(value, "`type`"))),
                other => self.unknown_key(key.span().start, other, ROOT_KEYS, "at the top level"),
            }
        }
        let mut meta = if let Some(value) = meta {
            self.meta(value)
        } else {
            self.error(
                0,
                "missing the `[deck]` table; it needs at least `name = \"...\"`",
            );
            None
        };
        if let (Some((at, typed)), Some(meta)) = (typed_at_top, meta.as_mut()) {
            self.typed_twice(at, typed, meta);
        }
        let deck_typed = meta.as_ref().and_then(|meta| meta.typed).unwrap_or(false);
        let cards = if let Some(value) = cards {
            self.cards(id, value, deck_typed)
        } else {
            self.error(0, NO_CARDS);
            Vec::new()
        };
        (meta, cards)
    }

    fn meta(&mut self, value: &Value<'_>) -> Option<Meta> {
        let DeValue::Table(table) = value.get_ref() else {
            self.error(value.span().start, "`deck` must be a table: `[deck]`");
            return None;
        };
        let mut name = None;
        let mut description = String::new();
        let mut tags = Vec::new();
        let (mut new_per_day, mut reviews_per_day, mut exam) = (None, None, None);
        let mut preset = None;
        let mut typed = None;
        let (mut both, mut front, mut back) = (None, None, None);
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "exam" => exam = self.date(value, "`exam`"),
                "type" => typed = self.boolean(value, "`type`"),
                "name" => name = Some(self.text(value, "`name`")),
                "new_per_day" => new_per_day = self.limit(value, "`new_per_day`", 9999),
                "reviews_per_day" => {
                    reviews_per_day = self.limit(value, "`reviews_per_day`", 99_999);
                }
                "description" => {
                    description = self.string(value, "`description`").unwrap_or_default();
                }
                "tags" => tags = self.tags(value),
                "preset" => {
                    preset = self.text(value, "`preset`").map(|name| super::NamedPreset {
                        name,
                        line: self.line_of(value.span().start),
                    });
                }
                "tts" => both = self.language(value, "`tts`"),
                "tts_front" => front = self.language(value, "`tts_front`"),
                "tts_back" => back = self.language(value, "`tts_back`"),
                other => self.unknown_key(key.span().start, other, DECK_KEYS, "in `[deck]`"),
            }
        }
        let speech = super::speech::Speech {
            front: front.or_else(|| both.clone()),
            back: back.or(both),
        };
        let Some(name) = name else {
            self.error(value.span().start, "`[deck]` is missing `name`");
            return None;
        };
        Some(Meta {
            name: name?,
            description,
            tags,
            new_per_day,
            reviews_per_day,
            exam,
            preset,
            typed,
            speech,
        })
    }

    /// `deck_typed` is the deck's `type`, which a card's own `type` overrides.
    fn cards(&mut self, deck: &DeckId, value: &Value<'_>, deck_typed: bool) -> Vec<Card> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span().start,
                "`cards` must be a list of tables, written as `[[cards]]`",
            );
            return Vec::new();
        };
        if items.is_empty() {
            self.error(value.span().start, NO_CARDS);
        }
        let mut cards = Vec::with_capacity(items.len());
        // Card key -> offset of the card that first used it and whether that was an `id`.
        let mut seen: HashMap<String, (usize, bool)> = HashMap::with_capacity(items.len());
        // Cards come in file order, so counting newlines between them finds each line once.
        let (mut counted_to, mut line) = (0, 1);
        let mut tag_sets = super::TagSets::default();
        for item in items {
            let Some(entry) = self.card_entry(item) else {
                continue;
            };
            let offset = item.span().start;
            let explicit = entry.id.is_some();
            // A card with other mistakes still claims its key, so duplicates are reported too.
            let key = if entry.id_given {
                entry.id.clone()
            } else {
                entry
                    .front
                    .as_deref()
                    .or(entry.cloze.as_ref().map(|c| c.text.as_str()))
                    .map(hashed_key)
            };
            let Some(key) = key else {
                continue;
            };
            if let Some(&(first, first_explicit)) = seen.get(&key) {
                let line = self.line_of(first);
                let message = duplicate(&key, line, &entry, first_explicit);
                self.error(offset, message);
                continue;
            }
            seen.insert(key.clone(), (offset, explicit));
            if !entry.valid {
                continue;
            }
            if let Some(between) = self.text.get(counted_to..offset) {
                // memchr counts a word at a time; `matches` stopped at every newline.
                line += memchr::memchr_iter(b'\n', between.as_bytes()).count();
                counted_to = offset;
            }
            let note = entry.note.as_deref().map(|note| CardId::new(deck, note));
            let typed = entry.typed.unwrap_or(deck_typed);
            let tags = tag_sets.share(&entry.tags);
            if let Some(cloze) = entry.cloze {
                let made = cloze.cards(deck, &key, &tags, entry.hint.as_deref(), typed, line);
                cards.extend(made.into_iter().map(|card| Card {
                    note: note.clone(),
                    ..card
                }));
                continue;
            }
            let (Some(front), Some(back)) = (entry.front, entry.back) else {
                continue;
            };
            let card = Card {
                id: CardId::new(deck, &key),
                front,
                back,
                hint: entry.hint,
                tags,
                reversed: false,
                line,
                cloze: None,
                typed,
                note: note.clone(),
            };
            let reversed = entry.reverse.then(|| Card {
                id: CardId::new(deck, &format!("{key}{REVERSE_SUFFIX}")),
                front: card.back.clone(),
                back: card.front.clone(),
                hint: None,
                tags: Arc::clone(&card.tags),
                reversed: true,
                line,
                cloze: None,
                typed,
                note,
            });
            cards.push(card);
            cards.extend(reversed);
        }
        // Reversed and cloze entries make more cards than entries: the doubled capacity
        // would be kept for as long as the deck is (half a card's size per card, unused).
        cards.shrink_to_fit();
        cards
    }
}

/// Why `entry`, keyed `key`, clashes with the card at `line`, which has an explicit `id` if
/// `first_explicit`.
fn duplicate(key: &str, line: usize, entry: &CardEntry, first_explicit: bool) -> String {
    match (entry.id.is_some(), first_explicit) {
        (true, _) => format!("duplicate id `{key}`: the card at line {line} has it too"),
        (false, false) if entry.cloze.is_some() => format!(
            "duplicate cloze text: the card at line {line} has the same text (ignoring case, \
             spacing and punctuation); give one of them an `id`"
        ),
        (false, false) => format!(
            "duplicate front: the card at line {line} has the same front (ignoring case, \
             spacing and punctuation); give one of them an `id`"
        ),
        (false, true) => format!(
            "this card's key `{key}` is the `id` of the card at line {line}; give this card an \
             `id`"
        ),
    }
}

#[cfg(test)]
mod tests;

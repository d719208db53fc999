//! One `[[cards]]` table read into its fields: `front` and `back`, or `cloze` and `extra`,
//! with the keys every card may have, each mistake reported.

use toml::de::DeValue;

use super::{CARD_KEYS, Checker, Value};

impl Checker<'_> {
    pub(super) fn card_entry(&mut self, item: &Value<'_>) -> Option<CardEntry> {
        let DeValue::Table(table) = item.get_ref() else {
            self.error(
                item.span().start,
                "each card must be a table with `front` and `back`",
            );
            return None;
        };
        let mut front = None;
        let mut back = None;
        let mut id = None;
        let mut tags = Vec::new();
        let mut hint = None;
        let mut reverse = None;
        let mut id_given = false;
        let (mut cloze, mut extra, mut typed, mut note) = (None, None, None, None);
        let errors_before = self.errors.len();
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "cloze" => cloze = Some((key.span().start, self.cloze_text(value))),
                "extra" => extra = Some((key.span().start, self.string(value, "`extra`"))),
                "type" => typed = self.boolean(value, "`type`"),
                // Read as an `id` is: the same characters allowed, the same mistakes reported.
                "note" => note = self.card_id(value, "note"),
                "front" => front = Some(self.text(value, "`front`")),
                "back" => back = Some(self.text(value, "`back`")),
                "id" => {
                    id_given = true;
                    id = self.card_id(value, "id");
                }
                "tags" => tags = self.tags(value),
                "hint" => {
                    hint = self
                        .string(value, "`hint`")
                        .filter(|h| !h.trim().is_empty());
                }
                "reverse" => {
                    reverse = Some((key.span().start, self.boolean(value, "`reverse`")));
                }
                other => {
                    self.unknown_key(key.span().start, other, CARD_KEYS, "in a card");
                }
            }
        }
        let at = item.span().start;
        let cloze = if let Some((cloze_at, text)) = cloze {
            let reversed_at = reverse.and_then(|(at, r)| (r == Some(true)).then_some(at));
            self.cloze_alone(cloze_at, front.is_some() || back.is_some(), reversed_at);
            text.map(|text| ClozeEntry {
                text,
                extra: extra
                    .and_then(|(_, extra)| extra)
                    .filter(|e| !e.trim().is_empty()),
            })
        } else {
            if front.is_none() {
                self.error(at, "card is missing `front`");
            }
            if back.is_none() {
                self.error(at, "card is missing `back`");
            }
            if let Some((extra_at, _)) = extra {
                self.error(
                    extra_at,
                    "`extra` belongs to a `cloze` card; put it in `back`",
                );
            }
            None
        };
        // Any error reported while reading this card's fields makes the card unusable.
        let valid = self.errors.len() == errors_before;
        Some(CardEntry {
            front: front.flatten(),
            back: back.flatten(),
            id,
            tags,
            hint,
            reverse: reverse.is_some_and(|(_, r)| r == Some(true)),
            id_given,
            valid,
            cloze,
            typed,
            note,
        })
    }
}

/// A card's fields as far as they are valid; `valid` is false if any field was not.
// Each flag is a key of its own or a fact about one, not states of one thing.
#[allow(clippy::struct_excessive_bools)]
pub(super) struct CardEntry {
    pub(super) front: Option<String>,
    pub(super) back: Option<String>,
    pub(super) id: Option<String>,
    pub(super) tags: Vec<String>,
    pub(super) hint: Option<String>,
    pub(super) reverse: bool,
    /// An `id` key was present, even if its value was unusable.
    pub(super) id_given: bool,
    pub(super) valid: bool,
    /// `cloze` (instead of `front` and `back`), when its text parsed.
    pub(super) cloze: Option<ClozeEntry>,
    /// `type = true` or `false`; `None` leaves it to the deck's.
    pub(super) typed: Option<bool>,
    /// `note = "KEY"`: the key its siblings share.
    pub(super) note: Option<String>,
}

/// A card entry's `cloze` text, which parsed, and its `extra`.
pub(super) struct ClozeEntry {
    pub(super) text: String,
    pub(super) extra: Option<String>,
}

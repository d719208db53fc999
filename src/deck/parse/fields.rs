//! Reading one field's value: strings with a size limit, non-empty text, daily limits, dates,
//! booleans, tags and card ids, each reporting its own mistake; and unknown keys.

use std::fmt::Write as _;

use chrono::NaiveDate;
use toml::de::DeValue;

use super::super::MAX_FIELD_BYTES;
use super::super::key::invalid_id_reason;
use super::suggest::{closest, list};
use super::{Checker, Value};

impl Checker<'_> {
    pub(super) fn card_id(&mut self, value: &Value<'_>, key: &str) -> Option<String> {
        let what = format!("`{key}`");
        let id = self.string(value, &what)?;
        if let Some(reason) = invalid_id_reason(&id) {
            self.error(value.span().start, reason.replacen("`id`", &what, 1));
            return None;
        }
        Some(id)
    }

    /// A language tag for speech (`tts = "es"`), checked by [`is_language_tag`].
    ///
    /// [`is_language_tag`]: super::super::speech::is_language_tag
    pub(super) fn language(&mut self, value: &Value<'_>, what: &str) -> Option<String> {
        let tag = self.string(value, what)?;
        if !super::super::speech::is_language_tag(&tag) {
            self.error(
                value.span().start,
                format!("{what} must be a language tag such as \"es\" or \"pt-BR\", not {tag:?}"),
            );
            return None;
        }
        Some(tag)
    }

    /// A string value no larger than [`MAX_FIELD_BYTES`].
    pub(super) fn string(&mut self, value: &Value<'_>, what: &str) -> Option<String> {
        let DeValue::String(text) = value.get_ref() else {
            self.error(
                value.span().start,
                format!(
                    "{what} must be a string, not {}",
                    value.get_ref().type_str()
                ),
            );
            return None;
        };
        if text.len() > MAX_FIELD_BYTES {
            self.error(
                value.span().start,
                format!(
                    "{what} is {} KiB; a field may hold at most {} KiB",
                    text.len().div_ceil(1024),
                    MAX_FIELD_BYTES / 1024
                ),
            );
            return None;
        }
        Some(text.as_ref().to_owned())
    }

    /// A string that must contain something besides whitespace.
    pub(super) fn text(&mut self, value: &Value<'_>, what: &str) -> Option<String> {
        let text = self.string(value, what)?;
        if text.trim().is_empty() {
            self.error(value.span().start, format!("{what} is empty"));
            return None;
        }
        Some(text)
    }

    /// A daily limit: a whole number from 0 to `max`.
    pub(super) fn limit(&mut self, value: &Value<'_>, what: &str, max: u32) -> Option<u32> {
        let number = match value.get_ref() {
            DeValue::Integer(i) => i.as_str().replace('_', "").parse::<u32>().ok(),
            _ => None,
        };
        let in_range = number.filter(|&n| n <= max);
        if in_range.is_none() {
            self.error(
                value.span().start,
                format!("{what} must be a whole number from 0 to {max}"),
            );
        }
        in_range
    }

    /// A TOML date such as `2026-12-15` (no time).
    pub(super) fn date(&mut self, value: &Value<'_>, what: &str) -> Option<NaiveDate> {
        let date = match value.get_ref() {
            DeValue::Datetime(datetime) if datetime.time.is_none() => datetime.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }),
            _ => None,
        };
        if date.is_none() {
            self.error(
                value.span().start,
                format!("{what} must be a date, like 2026-12-15"),
            );
        }
        date
    }

    pub(super) fn boolean(&mut self, value: &Value<'_>, what: &str) -> Option<bool> {
        if let DeValue::Boolean(b) = value.get_ref() {
            Some(*b)
        } else {
            self.error(
                value.span().start,
                format!("{what} must be `true` or `false`"),
            );
            None
        }
    }

    /// `type` at the top of the file (at `at`), as well as or instead of in `[deck]`: the
    /// same setting, so it may be given once.
    pub(super) fn typed_twice(&mut self, at: usize, typed: Option<bool>, meta: &mut super::Meta) {
        if meta.typed.is_some() {
            self.error(
                at,
                "`type` is given both here and in `[deck]`; keep one of them",
            );
        } else {
            meta.typed = typed;
        }
    }

    pub(super) fn tags(&mut self, value: &Value<'_>) -> Vec<String> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span().start,
                "`tags` must be a list of strings, like `tags = [\"kam\", \"b2b\"]`",
            );
            return Vec::new();
        };
        // Sized once: collected through a filter, a Vec of one tag would hold room for four,
        // and every card keeps its tags.
        let mut tags = Vec::with_capacity(items.len());
        tags.extend(items.iter().filter_map(|item| self.text(item, "a tag")));
        tags
    }

    pub(super) fn unknown_key(&mut self, offset: usize, key: &str, known: &[&str], place: &str) {
        let mut message = format!("unknown key `{key}` {place}");
        if let Some(suggestion) = closest(key, known) {
            let _ = write!(message, "; did you mean `{suggestion}`?");
        } else {
            let _ = write!(message, "; expected one of {}", list(known));
        }
        self.error(offset, message);
    }
}

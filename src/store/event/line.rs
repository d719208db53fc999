//! The JSON line itself: every field a line may have, parsing one into an [`Event`] and
//! writing a [`NewEvent`] as one, in the field order `docs/data-format.md` shows.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::{Event, EventKind, NewEvent, REVIEW_MODE, key_of};
use crate::scheduler::Rating;
use crate::store::history::{MAX_DURATION_MS, pack};

mod answer;
mod rfc3339;
mod scan;

pub use answer::{Answer, parse_answer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    #[default]
    Review,
    Bury,
    Unbury,
    Suspend,
    Unsuspend,
    Forget,
    Star,
    Unstar,
    Undo,
    Result,
    Reset,
    Postpone,
    Exam,
    SetDue,
    Relink,
    ExtendLimits,
}

/// Every field a line may have; which are needed depends on `kind`.
#[derive(Debug, PartialEq, Deserialize, Serialize)]
struct Line<'a> {
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    id: Option<Cow<'a, str>>,
    /// Parsed after, with chrono's RFC 3339 parser: five times faster than its `FromStr`.
    #[serde(borrow)]
    time: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    card: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    deck: Option<Cow<'a, str>>,
    #[serde(default)]
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration_ms: Option<u32>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    mode: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    question: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    target: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mistakes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    questions: Option<u32>,
    /// A date, `YYYY-MM-DD`.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    due: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    plan: Option<Cow<'a, str>>,
    /// Days, for `set_due`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interval: Option<u32>,
    /// The old card id, for `relink`.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    from: Option<Cow<'a, str>>,
    /// More new cards today, for `extend_limits`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    new: Option<u32>,
    /// More reviews today, for `extend_limits`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviews: Option<u32>,
    /// The card whose answer a wrong practice answer picked, for `review`.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    chosen: Option<Cow<'a, str>>,
}

/// A line's `time`: RFC 3339 with an offset, within what a history entry holds.
fn time_of(text: &str) -> Result<DateTime<FixedOffset>, String> {
    let time = match rfc3339::time(text) {
        Some(time) => time,
        None => DateTime::parse_from_rfc3339(text).map_err(|e| {
            format!("`time` must be RFC 3339 with an offset, like 2026-11-27T09:30:00+01:00 ({e})")
        })?,
    };
    if pack(time).is_none() {
        return Err(format!(
            "`time` must be from 1677-09-21T00:12:43.145224192Z to \
             2262-04-11T23:47:16.854775807Z, with an offset in whole minutes and not a leap \
             second; {text} is not"
        ));
    }
    Ok(time)
}

/// Parses one line; the error says what is wrong with it.
pub fn parse_line(text: &str) -> Result<Event<'_>, String> {
    let mut line = Line::default();
    if scan::read_into(text, &mut line).is_none() {
        line = serde_json::from_str(text).map_err(|e| e.to_string())?;
    }
    let time = time_of(&line.time)?;
    let key = line
        .id
        .as_deref()
        .map_or_else(|| xxh3_64(text.trim().as_bytes()), key_of);
    let mode = || line.mode.clone().ok_or("the event needs a `mode`");
    let kind = match line.kind {
        Kind::Review => EventKind::Review {
            rating: line.rating.ok_or("a review needs a `rating` from 1 to 4")?,
            duration_ms: match line.duration_ms {
                Some(ms) if ms > MAX_DURATION_MS => {
                    return Err(format!("`duration_ms` must be at most {MAX_DURATION_MS}"));
                }
                ms => ms,
            },
            mode: line.mode.clone().unwrap_or(REVIEW_MODE.into()),
            question: line.question.clone(),
            due: date(line.due.as_deref())?,
            chosen: line.chosen.clone(),
        },
        Kind::Bury => EventKind::Bury,
        Kind::Unbury => EventKind::Unbury,
        Kind::Suspend => EventKind::Suspend,
        Kind::Unsuspend => EventKind::Unsuspend,
        Kind::Forget => EventKind::Forget,
        Kind::Star => EventKind::Star,
        Kind::Unstar => EventKind::Unstar,
        Kind::Undo => EventKind::Undo {
            target: line
                .target
                .clone()
                .ok_or("an undo needs a `target` event id")?,
        },
        Kind::Result => EventKind::Result {
            mode: mode()?,
            ms: line.ms,
            mistakes: line.mistakes,
            score: line.score,
            questions: line.questions,
        },
        Kind::Reset => EventKind::Reset { mode: mode()? },
        Kind::Postpone => EventKind::Postpone {
            due: date(line.due.as_deref())?
                .ok_or("a postpone needs a `due` date, like 2026-12-01")?,
            plan: line.plan.clone(),
        },
        Kind::Exam => EventKind::Exam {
            date: date(line.due.as_deref())?,
        },
        Kind::SetDue => EventKind::SetDue {
            due: date(line.due.as_deref())?
                .ok_or("a set_due needs a `due` date, like 2026-12-01")?,
            interval: line.interval,
        },
        Kind::Relink => EventKind::Relink {
            from: line
                .from
                .clone()
                .ok_or("a relink needs `from`, the old card id")?,
        },
        Kind::ExtendLimits => {
            if line.new.is_none() && line.reviews.is_none() {
                return Err(
                    "an extend_limits needs `new` or `reviews`, a count of cards".to_owned(),
                );
            }
            EventKind::ExtendLimits {
                new: line.new.unwrap_or(0),
                reviews: line.reviews.unwrap_or(0),
            }
        }
    };
    if kind.is_deck_level() {
        if line.deck.is_none() {
            return Err("the event needs a `deck`".to_owned());
        }
    } else if line.card.is_none() && !matches!(kind, EventKind::Undo { .. }) {
        return Err("the event needs a `card`".to_owned());
    }
    Ok(Event {
        key,
        time,
        card: line.card,
        deck: line.deck,
        kind,
    })
}

/// A `YYYY-MM-DD` field, if present.
fn date(text: Option<&str>) -> Result<Option<NaiveDate>, String> {
    text.map(|d| {
        rfc3339::date(d).map_or_else(
            || {
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| format!("`due` must be a date like 2026-12-01, not `{d}`"))
            },
            Ok,
        )
    })
    .transpose()
}

impl NewEvent {
    /// The JSON line, with its newline. Fields come in a fixed order, id and time first.
    #[must_use]
    pub fn to_line(&self) -> String {
        let time = self.time.to_rfc3339_opts(SecondsFormat::Millis, false);
        let due: String;
        let mut line = Line {
            id: Some(Cow::Borrowed(&self.id)),
            time: Cow::Borrowed(&time),
            card: self.card.as_deref().map(Cow::Borrowed),
            deck: self.deck.as_deref().map(Cow::Borrowed),
            ..Line::default()
        };
        line.kind = match &self.kind {
            EventKind::Review {
                rating,
                duration_ms,
                mode,
                question,
                due: date,
                chosen,
            } => {
                line.chosen = chosen.as_deref().map(Cow::Borrowed);
                line.rating = Some(*rating);
                line.duration_ms = *duration_ms;
                line.mode = Some(Cow::Borrowed(mode));
                line.question = question.as_deref().map(Cow::Borrowed);
                due = date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                line.due = date.is_some().then_some(Cow::Borrowed(&due));
                Kind::Review
            }
            EventKind::Bury => Kind::Bury,
            EventKind::Unbury => Kind::Unbury,
            EventKind::Suspend => Kind::Suspend,
            EventKind::Unsuspend => Kind::Unsuspend,
            EventKind::Forget => Kind::Forget,
            EventKind::Star => Kind::Star,
            EventKind::Unstar => Kind::Unstar,
            EventKind::Undo { target } => {
                line.target = Some(Cow::Borrowed(target));
                Kind::Undo
            }
            EventKind::Result {
                mode,
                ms,
                mistakes,
                score,
                questions,
            } => {
                line.mode = Some(Cow::Borrowed(mode));
                (line.ms, line.mistakes, line.score, line.questions) =
                    (*ms, *mistakes, *score, *questions);
                Kind::Result
            }
            EventKind::Reset { mode } => {
                line.mode = Some(Cow::Borrowed(mode));
                Kind::Reset
            }
            EventKind::Postpone { due: date, plan } => {
                due = date.format("%Y-%m-%d").to_string();
                line.due = Some(Cow::Borrowed(&due));
                line.plan = plan.as_deref().map(Cow::Borrowed);
                Kind::Postpone
            }
            EventKind::Exam { date } => {
                due = date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                line.due = date.is_some().then_some(Cow::Borrowed(&due));
                Kind::Exam
            }
            EventKind::SetDue {
                due: date,
                interval,
            } => {
                due = date.format("%Y-%m-%d").to_string();
                line.due = Some(Cow::Borrowed(&due));
                line.interval = *interval;
                Kind::SetDue
            }
            EventKind::Relink { from } => {
                line.from = Some(Cow::Borrowed(from));
                Kind::Relink
            }
            EventKind::ExtendLimits { new, reviews } => {
                line.new = Some(*new);
                line.reviews = (*reviews > 0).then_some(*reviews);
                Kind::ExtendLimits
            }
        };
        // Serialising strings and numbers to JSON cannot fail.
        let mut text = serde_json::to_string(&line).unwrap_or_default();
        text.push('\n');
        text
    }
}

impl Default for Line<'_> {
    fn default() -> Self {
        Self {
            id: None,
            time: Cow::Borrowed(""),
            card: None,
            deck: None,
            kind: Kind::Review,
            rating: None,
            duration_ms: None,
            mode: None,
            question: None,
            target: None,
            ms: None,
            mistakes: None,
            score: None,
            questions: None,
            due: None,
            plan: None,
            interval: None,
            from: None,
            new: None,
            reviews: None,
            chosen: None,
        }
    }
}

//! One line of the review log: the JSON Lines format in `docs/data-format.md`.
//!
//! Reading is lenient where the format allows (unknown fields are ignored, `kind` defaults to
//! a review, `id` is optional) so that lines written by other programs are honoured. One type,
//! [`EventKind`], describes both what is read and what is written.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::practice::{Mode, Question};
use crate::scheduler::Rating;

/// The mode that schedules ([`Mode::Review`]); answers in other modes are recorded but never
/// move a card.
pub const REVIEW_MODE: Mode = Mode::Review;

/// What happened. Text borrows from the line it was read from where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind<'a> {
    /// An answer. Only answers in [`REVIEW_MODE`] change the schedule; the others are practice
    /// (`learn`, `test`, `match`, `sort`, `cram`), with the kind of question asked. `mode` and
    /// `question` are the log's text, kept whole for lines other programs wrote; this program
    /// writes them from [`Mode`] and [`Question`].
    Review {
        rating: Rating,
        duration_ms: Option<u32>,
        mode: Cow<'a, str>,
        question: Option<Cow<'a, str>>,
    },
    /// Hidden until the next day.
    Bury,
    Suspend,
    Unsuspend,
    /// Back to new, as if never studied.
    Forget,
    Star,
    Unstar,
    /// Cancels the event whose `id` is `target`.
    Undo {
        target: Cow<'a, str>,
    },
    /// A deck's practice outcome: a match time, or a test score.
    Result {
        mode: Cow<'a, str>,
        ms: Option<u64>,
        mistakes: Option<u32>,
        score: Option<u32>,
        questions: Option<u32>,
    },
    /// Starts a practice mode's progress over for a deck (card sorting, learn).
    Reset {
        mode: Cow<'a, str>,
    },
    /// Sets a deck's exam date (over the deck file's `exam`), or clears it with `None`.
    Exam {
        date: Option<NaiveDate>,
    },
    /// Moves a review card's due day (a backlog spread over days), as part of `plan`: undoing
    /// the plan's id undoes every postponement in it.
    Postpone {
        due: NaiveDate,
        plan: Option<Cow<'a, str>>,
    },
}

impl EventKind<'_> {
    /// A graded answer in `mode`.
    #[must_use]
    pub fn answer(
        rating: Rating,
        duration_ms: Option<u32>,
        mode: Mode,
        question: Option<Question>,
    ) -> EventKind<'static> {
        EventKind::Review {
            rating,
            duration_ms,
            mode: mode.into(),
            question: question.map(|q| Cow::Borrowed(q.as_str())),
        }
    }

    /// Whether the event is about a deck rather than a card.
    #[must_use]
    pub fn is_deck_level(&self) -> bool {
        matches!(
            self,
            EventKind::Result { .. } | EventKind::Reset { .. } | EventKind::Exam { .. }
        )
    }

    fn into_owned(self) -> EventKind<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        match self {
            EventKind::Review {
                rating,
                duration_ms,
                mode,
                question,
            } => EventKind::Review {
                rating,
                duration_ms,
                mode: own(mode),
                question: question.map(own),
            },
            EventKind::Bury => EventKind::Bury,
            EventKind::Suspend => EventKind::Suspend,
            EventKind::Unsuspend => EventKind::Unsuspend,
            EventKind::Forget => EventKind::Forget,
            EventKind::Star => EventKind::Star,
            EventKind::Unstar => EventKind::Unstar,
            EventKind::Undo { target } => EventKind::Undo {
                target: own(target),
            },
            EventKind::Result {
                mode,
                ms,
                mistakes,
                score,
                questions,
            } => EventKind::Result {
                mode: own(mode),
                ms,
                mistakes,
                score,
                questions,
            },
            EventKind::Reset { mode } => EventKind::Reset { mode: own(mode) },
            EventKind::Postpone { due, plan } => EventKind::Postpone {
                due,
                plan: plan.map(own),
            },
            EventKind::Exam { date } => EventKind::Exam { date },
        }
    }
}

/// A parsed log line, borrowing its text from the file where it can, so that reading a
/// million lines does not allocate a million strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// Identity for de-duplication and undo: a hash of `id`, or of the whole line without one.
    pub key: u64,
    pub time: DateTime<FixedOffset>,
    /// The card id, for card events.
    pub card: Option<Cow<'a, str>>,
    /// The deck id, for deck events ([`EventKind::is_deck_level`]).
    pub deck: Option<Cow<'a, str>>,
    pub kind: EventKind<'a>,
}

impl Event<'_> {
    /// The event with its text copied, free of the buffer it was read from.
    #[must_use]
    pub fn into_owned(self) -> Event<'static> {
        Event {
            key: self.key,
            time: self.time,
            card: self.card.map(|c| Cow::Owned(c.into_owned())),
            deck: self.deck.map(|d| Cow::Owned(d.into_owned())),
            kind: self.kind.into_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    #[default]
    Review,
    Bury,
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
}

/// Every field a line may have; which are needed depends on `kind`.
#[derive(Debug, Deserialize, Serialize)]
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
}

/// The identity of an event id.
#[must_use]
pub fn key_of(id: &str) -> u64 {
    xxh3_64(id.as_bytes())
}

/// Parses one line; the error says what is wrong with it.
pub fn parse_line(text: &str) -> Result<Event<'_>, String> {
    let line: Line<'_> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let time = DateTime::parse_from_rfc3339(&line.time).map_err(|e| {
        format!("`time` must be RFC 3339 with an offset, like 2026-11-27T09:30:00+01:00 ({e})")
    })?;
    let key = line
        .id
        .as_deref()
        .map_or_else(|| xxh3_64(text.trim().as_bytes()), key_of);
    let mode = || line.mode.clone().ok_or("the event needs a `mode`");
    let kind = match line.kind {
        Kind::Review => EventKind::Review {
            rating: line.rating.ok_or("a review needs a `rating` from 1 to 4")?,
            duration_ms: line.duration_ms,
            mode: line.mode.clone().unwrap_or(REVIEW_MODE.into()),
            question: line.question.clone(),
        },
        Kind::Bury => EventKind::Bury,
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
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| format!("`due` must be a date like 2026-12-01, not `{d}`"))
    })
    .transpose()
}

/// The kind of an event this program writes.
pub type NewKind = EventKind<'static>;

/// An event about to be written, with its id in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub id: String,
    pub time: DateTime<FixedOffset>,
    /// The card, for card events.
    pub card: Option<String>,
    /// The deck, for deck events.
    pub deck: Option<String>,
    pub kind: NewKind,
}

impl NewEvent {
    /// A fresh, time-ordered unique id (`UUIDv7`).
    #[must_use]
    pub fn new_id() -> String {
        uuid::Uuid::now_v7().to_string()
    }

    /// A new event about a card, stamped with a fresh id.
    #[must_use]
    pub fn for_card(card: &str, time: DateTime<FixedOffset>, kind: NewKind) -> Self {
        Self {
            id: Self::new_id(),
            time,
            card: Some(card.to_owned()),
            deck: None,
            kind,
        }
    }

    /// A new event about a deck, stamped with a fresh id.
    #[must_use]
    pub fn for_deck(deck: &str, time: DateTime<FixedOffset>, kind: NewKind) -> Self {
        Self {
            id: Self::new_id(),
            time,
            card: None,
            deck: Some(deck.to_owned()),
            kind,
        }
    }

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
            } => {
                line.rating = Some(*rating);
                line.duration_ms = *duration_ms;
                line.mode = Some(Cow::Borrowed(mode));
                line.question = question.as_deref().map(Cow::Borrowed);
                Kind::Review
            }
            EventKind::Bury => Kind::Bury,
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
        };
        // Serialising strings and numbers to JSON cannot fail.
        let mut text = serde_json::to_string(&line).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The event as replay sees it.
    #[must_use]
    pub fn to_event(&self) -> Event<'_> {
        Event {
            key: key_of(&self.id),
            time: self.time,
            card: self.card.as_deref().map(Cow::Borrowed),
            deck: self.deck.as_deref().map(Cow::Borrowed),
            kind: self.kind.clone(),
        }
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn postpone_and_exam_events_round_trip_through_a_line() {
        let at = time("2026-11-27T10:00:00+01:00");
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let postpone = NewEvent::for_card(
            "d/k",
            at,
            NewKind::Postpone {
                due: date,
                plan: Some("p1".into()),
            },
        );
        let line = postpone.to_line();
        assert!(
            line.contains(r#""kind":"postpone","due":"2026-12-01","plan":"p1""#),
            "{line}"
        );
        assert_eq!(parse_line(line.trim_end()).unwrap(), postpone.to_event());
        for date in [Some(date), None] {
            let exam = NewEvent::for_deck("d", at, NewKind::Exam { date });
            let line = exam.to_line();
            assert_eq!(
                parse_line(line.trim_end()).unwrap(),
                exam.to_event(),
                "{line}"
            );
        }
        let bad = r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","kind":"postpone","due":"soon"}"#;
        assert_eq!(
            parse_line(bad).unwrap_err(),
            "`due` must be a date like 2026-12-01, not `soon`"
        );
    }

    #[test]
    fn a_minimal_foreign_line_is_a_review() {
        let event =
            parse_line(r#"{"card":"d/k","time":"2026-11-27T10:00:00+01:00","rating":3}"#).unwrap();
        assert_eq!(event.card.as_deref(), Some("d/k"));
        assert_eq!(event.time, time("2026-11-27T09:00:00Z"));
        assert_eq!(
            event.kind,
            EventKind::Review {
                rating: Rating::Good,
                duration_ms: None,
                mode: REVIEW_MODE.into(),
                question: None,
            }
        );
    }

    #[test]
    fn lines_round_trip() {
        let review = NewEvent {
            id: "e1".into(),
            time: time("2026-11-27T10:00:00.250+01:00"),
            card: Some("sales/levers/kam".into()),
            deck: None,
            kind: NewKind::answer(Rating::Hard, Some(4200), REVIEW_MODE, None),
        };
        let line = review.to_line();
        assert_eq!(
            line,
            "{\"id\":\"e1\",\"time\":\"2026-11-27T10:00:00.250+01:00\",\"card\":\"sales/levers/kam\",\"kind\":\"review\",\"rating\":2,\"duration_ms\":4200,\"mode\":\"review\"}\n"
        );
        assert_eq!(parse_line(&line).unwrap(), review.to_event());
        let undo = NewEvent {
            id: "e2".into(),
            time: review.time,
            card: None,
            deck: None,
            kind: NewKind::Undo {
                target: "e1".into(),
            },
        };
        assert_eq!(parse_line(&undo.to_line()).unwrap(), undo.to_event());
        assert_eq!(
            undo.to_event().kind,
            EventKind::Undo {
                target: "e1".into()
            }
        );
    }

    #[test]
    fn bad_lines_say_why() {
        let cases = [
            (
                "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\"}",
                "a review needs a `rating`",
            ),
            (
                "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\",\"rating\":7}",
                "rating must be 1-4",
            ),
            (
                "{\"card\":\"d/k\",\"time\":\"yesterday\",\"rating\":3}",
                "`time` must be RFC 3339 with an offset",
            ),
            (
                "{\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"bury\"}",
                "needs a `card`",
            ),
            (
                "{\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"undo\"}",
                "needs a `target`",
            ),
            (
                "{\"card\":\"d/k\",\"time\":\"2026-11-27T10:00:00+01:00\",\"kind\":\"dance\"}",
                "unknown variant `dance`",
            ),
            ("{\"card\":\"d/k\",\"ti", "EOF while parsing"),
        ];
        for (line, why) in cases {
            let error = parse_line(line).unwrap_err();
            assert!(error.contains(why), "{line}: {error}");
        }
    }

    #[test]
    fn identity_is_the_id_or_the_line() {
        let key = |line: &str| parse_line(line).unwrap().key;
        let same_id_other_rating = (
            key(r#"{"id":"x","card":"d/k","time":"2026-11-27T10:00:00Z","rating":3}"#),
            key(r#"{"id":"x","card":"d/k","time":"2026-11-27T10:00:00Z","rating":1}"#),
        );
        assert_eq!(same_id_other_rating.0, same_id_other_rating.1);
        let plain = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":3}"#);
        let trailing_space = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":3} "#);
        let other = key(r#"{"card":"d/k","time":"2026-11-27T10:00:00Z","rating":4}"#);
        assert_eq!(plain, trailing_space);
        assert_ne!(plain, other);
    }
}

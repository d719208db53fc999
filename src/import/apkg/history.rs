//! Anki's review log into flashdeck events (Anki's `rslib/src/revlog/mod.rs`,
//! `RevlogReviewKind`): a rated row of kind learning, review, relearning or filtered is a
//! review; a manual row (4) with ease factor 0 is "Forget" (`forget`), other manual and
//! rescheduled (5) rows are "Set due date" (`set_due`), the rule Anki's FSRS code uses to
//! find a reset (`rslib/src/scheduler/fsrs/params.rs`). A card's queue gives `suspend`
//! (-1) or `bury` (-2, -3), its flag `star`, at the card's last change.
//!
//! Event ids are `anki-<collection created>-<revlog id>` (and `-<card id>-suspend` …), so
//! importing the same collection again yields the same ids and adds nothing.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

use super::model::{Collection, Revlog};
use crate::practice::Mode;
use crate::scheduler::Rating;
use crate::store::{EventKind, NewEvent, NewKind};

/// Anki caps an answer's time at 60 s by default; flashdeck's log documents the same cap.
const MAX_DURATION_MS: i64 = 60_000;

/// What the history held, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub reviews: usize,
    pub forgets: usize,
    pub set_due: usize,
    pub suspended: usize,
    pub buried: usize,
    pub starred: usize,
    /// Rows of cards the package does not hold (Anki keeps them after a card is deleted).
    pub orphan_rows: usize,
    /// Rows of cards the package holds but the import made no card for: a note left out (a
    /// repeated guid, a note that could not be converted) or a card its note no longer makes.
    pub left_out_rows: usize,
    /// Rows neither rated nor manual (a preview, a row from a newer Anki).
    pub other_rows: usize,
}

/// The events of `collection`'s history, with `card_ids` mapping Anki card ids to flashdeck
/// ones; `offset` gives the UTC offset in force at a time (milliseconds since 1970), the
/// days being local as in Anki.
pub fn events(
    collection: &Collection,
    card_ids: &HashMap<i64, String>,
    offset: &dyn Fn(i64) -> FixedOffset,
) -> (Vec<NewEvent>, Tally) {
    let mut tally = Tally::default();
    let mut out = Vec::with_capacity(collection.revlog.len());
    let prefix = format!("anki-{}", collection.created);
    let created_day = day_start(collection.created, offset);
    let mut last_row: HashMap<i64, &Revlog> = HashMap::new();
    for row in &collection.revlog {
        last_row.insert(row.card, row);
    }
    let mut last_rated_day: HashMap<i64, NaiveDate> = HashMap::new();
    let cards: HashMap<i64, &super::model::Card> =
        collection.cards.iter().map(|c| (c.id, c)).collect();
    for row in &collection.revlog {
        let Some(card) = card_ids.get(&row.card) else {
            if cards.contains_key(&row.card) {
                tally.left_out_rows += 1;
            } else {
                tally.orphan_rows += 1;
            }
            continue;
        };
        let time = at(row.id, offset);
        let kind = match (row.kind, row.ease) {
            (0..=3, 1..=4) => {
                tally.reviews += 1;
                last_rated_day.insert(row.card, time.date_naive());
                Rating::try_from(row.ease).ok().map(|rating| {
                    EventKind::answer(
                        rating,
                        u32::try_from(row.taken_ms.clamp(0, MAX_DURATION_MS)).ok(),
                        Mode::Review,
                        None,
                    )
                })
            }
            (4, 0) if row.factor == 0 => {
                tally.forgets += 1;
                Some(EventKind::Forget)
            }
            (4 | 5, 0) => {
                tally.set_due += 1;
                let interval = u32::try_from(row.interval).ok().filter(|&days| days > 0);
                let is_last = last_row
                    .get(&row.card)
                    .is_some_and(|last| last.id == row.id);
                let current = cards
                    .get(&row.card)
                    .filter(|c| is_last && c.queue >= 2 && c.kind == 2)
                    .and_then(|c| created_day.checked_add_signed(Duration::days(c.due)));
                let from = last_rated_day
                    .get(&row.card)
                    .copied()
                    .unwrap_or(time.date_naive());
                let due = current
                    .unwrap_or_else(|| from + Duration::days(i64::from(interval.unwrap_or(0))));
                Some(EventKind::SetDue { due, interval })
            }
            _ => None,
        };
        let Some(kind) = kind else {
            tally.other_rows += 1;
            continue;
        };
        out.push(event(format!("{prefix}-{}", row.id), time, card, kind));
    }
    for card in &collection.cards {
        let Some(id) = card_ids.get(&card.id) else {
            continue;
        };
        // After its last row, if the card's clock disagreed.
        let last = last_row.get(&card.id).map_or(i64::MIN, |row| row.id + 1);
        let time = at((card.modified * 1000).max(last), offset);
        let mut mark = |what: &str, kind: NewKind| {
            out.push(event(
                format!("{prefix}-{}-{what}", card.id),
                time,
                id,
                kind,
            ));
        };
        match card.queue {
            -1 => {
                tally.suspended += 1;
                mark("suspend", EventKind::Suspend);
            }
            -3 | -2 => {
                tally.buried += 1;
                mark("bury", EventKind::Bury);
            }
            _ => {}
        }
        if card.flags & 7 != 0 {
            tally.starred += 1;
            mark("star", EventKind::Star);
        }
    }
    (out, tally)
}

fn event(id: String, time: DateTime<FixedOffset>, card: &str, kind: NewKind) -> NewEvent {
    NewEvent {
        id,
        time,
        card: Some(card.to_owned()),
        deck: None,
        kind,
    }
}

/// Milliseconds since 1970 as a time in the offset in force then.
fn at(ms: i64, offset: &dyn Fn(i64) -> FixedOffset) -> DateTime<FixedOffset> {
    let utc = Utc
        .timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    utc.with_timezone(&offset(ms))
}

/// The local date the collection was created on: review due days count from it (Anki's
/// `crt` is the start of that day).
fn day_start(created_secs: i64, offset: &dyn Fn(i64) -> FixedOffset) -> NaiveDate {
    at(created_secs.saturating_mul(1000), offset).date_naive()
}

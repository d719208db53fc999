//! Review histories in the CSV form of the FSRS tools (`card_id,review_time,review_rating`,
//! then optionally `review_state` and `review_duration`), for `flashdeck optimize --revlog`.
//! A header row names the columns in any order; without one they are taken in that order.
//! `review_time` is milliseconds since the epoch or RFC 3339. Pure: text in, reviews out.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

use super::Review;
use crate::scheduler::Rating;

/// A row that could not be used, by its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    pub message: String,
}

/// Every card's reviews in time order (cards by id), and the rows skipped.
#[derive(Debug, Default)]
pub struct Revlog {
    pub cards: Vec<Vec<Review>>,
    pub skipped: Vec<RowProblem>,
}

/// Column positions.
struct Columns {
    card: usize,
    time: usize,
    rating: usize,
    state: Option<usize>,
}

const NAMES: [&str; 3] = ["card_id", "review_time", "review_rating"];

/// Reads a revlog; a file without a single usable row is an error that says why.
pub fn parse(text: &str) -> Result<Revlog, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut columns = Columns {
        card: 0,
        time: 1,
        rating: 2,
        state: Some(3),
    };
    let mut by_card: BTreeMap<String, Vec<Review>> = BTreeMap::new();
    let mut skipped = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position().map(csv::Position::line))
            .unwrap_or(index as u64 + 1);
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                skipped.push(RowProblem {
                    line,
                    message: error.to_string(),
                });
                continue;
            }
        };
        if index == 0 && record.iter().any(|field| NAMES.contains(&field)) {
            columns = header(&record)?;
            continue;
        }
        match row(&record, &columns) {
            Ok((card, review)) => by_card.entry(card).or_default().push(review),
            Err(message) => skipped.push(RowProblem { line, message }),
        }
    }
    if by_card.is_empty() {
        return Err(match skipped.first() {
            Some(first) => format!("no usable review (line {}: {})", first.line, first.message),
            None => "no reviews in it".to_owned(),
        });
    }
    let cards = by_card
        .into_values()
        .map(|mut reviews| {
            reviews.sort_by_key(|r| r.time);
            if let Some(first) = reviews.first_mut() {
                first.starts_over = true;
            }
            reviews
        })
        .collect();
    Ok(Revlog { cards, skipped })
}

fn header(record: &csv::StringRecord) -> Result<Columns, String> {
    let find = |name: &str| record.iter().position(|field| field == name);
    let need = |name: &str| find(name).ok_or_else(|| format!("the header has no `{name}` column"));
    Ok(Columns {
        card: need("card_id")?,
        time: need("review_time")?,
        rating: need("review_rating")?,
        state: find("review_state"),
    })
}

fn row(record: &csv::StringRecord, columns: &Columns) -> Result<(String, Review), String> {
    let field = |index: usize, name: &str| {
        record
            .get(index)
            .filter(|f| !f.is_empty())
            .ok_or_else(|| format!("no `{name}`"))
    };
    let card = field(columns.card, "card_id")?.to_owned();
    let time = time(field(columns.time, "review_time")?)?;
    let rating = field(columns.rating, "review_rating")?;
    let rating = rating
        .parse::<u8>()
        .map_err(|_| format!("`review_rating` must be 1 to 4, not `{rating}`"))
        .and_then(|n| Rating::try_from(n).map_err(|e| format!("`review_rating`: {e}")))?;
    // State 0 is a new card: its history starts over there (after a reset, say).
    let starts_over = columns
        .state
        .and_then(|index| record.get(index))
        .is_some_and(|state| state == "0");
    Ok((
        card,
        Review {
            time,
            rating,
            starts_over,
        },
    ))
}

/// Milliseconds since the epoch, or RFC 3339.
fn time(text: &str) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(millis) = text.parse::<i64>() {
        return Utc
            .timestamp_millis_opt(millis)
            .single()
            .map(|t| t.fixed_offset())
            .ok_or_else(|| format!("`review_time` {millis} is out of range"));
    }
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        format!("`review_time` must be milliseconds since 1970 or RFC 3339, not `{text}`")
    })
}

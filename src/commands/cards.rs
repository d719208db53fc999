//! `flashdeck cards [QUERY]`: the cards a search finds (see `docs/search.md`), one a line or
//! as JSON with the export fields, in deck and file order or sorted by a column.

use std::cmp::Ordering;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::export::exported;
use crate::cli::{CardsArgs, SortColumn};
use crate::library::load_study;
use crate::paths::Locations;
use crate::scheduler::Settings;
use crate::search::{CardFacts, Index, Query};
use crate::store::deck_of;
use crate::study::Study;

pub fn run(
    locations: &Locations,
    settings: &Settings,
    args: &CardsArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let text = args.query.join(" ");
    // A bad query stops here, before the collection is read: never an empty list.
    let query = Query::parse(&text).with_context(|| format!("cannot search for `{text}`"))?;
    let (study, _) = load_study(locations, settings, now)?;
    let index = Index::build_with(&study, now, query.needs_answers());
    let mut found: Vec<&CardFacts> = index.matching(&query).collect();
    if let Some(column) = args.sort {
        found.sort_by(|a, b| compare(&study, column, a, b));
    }
    if args.reverse {
        found.reverse();
    }
    found.truncate(args.limit.unwrap_or(usize::MAX));
    let rows: Vec<_> = found
        .iter()
        .map(|facts| exported(&study, &facts.card, front(&study, facts), now))
        .collect();
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        for row in &rows {
            let due = row.due.as_deref().unwrap_or("-");
            let front = row.front.lines().next().unwrap_or("");
            writeln!(out, "{}\t{}\t{due}\t{front}", row.id, row.state)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The card's question as written, or nothing for a history whose card is gone.
fn front<'a>(study: &'a Study, facts: &CardFacts) -> &'a str {
    facts
        .place
        .map_or("", |place| study.card(place).front.as_str())
}

/// Orders two cards by `column`; cards without a value (a new card's interval) come last, and
/// ties keep deck and file order.
fn compare(study: &Study, column: SortColumn, a: &CardFacts, b: &CardFacts) -> Ordering {
    let numbers = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    match column {
        SortColumn::Id => a.card.cmp(&b.card),
        SortColumn::Deck => deck_of(&a.card).cmp(deck_of(&b.card)),
        SortColumn::Front => front(study, a)
            .to_lowercase()
            .cmp(&front(study, b).to_lowercase()),
        SortColumn::State => state_rank(a).cmp(&state_rank(b)),
        SortColumn::Due => numbers(a.due.map(f64::from), b.due.map(f64::from)),
        SortColumn::Interval => numbers(a.interval.map(f64::from), b.interval.map(f64::from)),
        SortColumn::Stability => numbers(a.stability.map(f64::from), b.stability.map(f64::from)),
        SortColumn::Difficulty => numbers(a.difficulty.map(f64::from), b.difficulty.map(f64::from)),
        SortColumn::Retrievability => numbers(
            a.retrievability.map(f64::from),
            b.retrievability.map(f64::from),
        ),
        SortColumn::Reps => a.reps.cmp(&b.reps),
        SortColumn::Lapses => a.lapses.cmp(&b.lapses),
    }
}

/// New, learning, review, relearning, then suspended.
fn state_rank(facts: &CardFacts) -> u8 {
    use crate::scheduler::Phase;
    if facts.suspended {
        return 4;
    }
    match facts.phase {
        Phase::New => 0,
        Phase::Learning { .. } => 1,
        Phase::Review => 2,
        Phase::Relearning { .. } => 3,
    }
}

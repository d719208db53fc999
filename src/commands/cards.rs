//! `flashdeck cards [QUERY]`: the cards a search finds (see `docs/search.md`), one a line or
//! as JSON with the export fields, in deck and file order or sorted by a column.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::export::exported;
use crate::cli::CardsArgs;
use crate::config::Config;
use crate::library::load_study;
use crate::paths::Locations;
use crate::search::{CardFacts, Index, Query};
use crate::study::Study;

pub fn run(
    locations: &Locations,
    config: &Config,
    args: &CardsArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let text = args.query.join(" ");
    // A bad query stops here, before the collection is read: never an empty list.
    let query = Query::parse(&text)
        .with_context(|| format!("cannot search for `{}`", super::shown_query(&text)))?;
    let (study, _) = load_study(locations, config, now)?;
    let index = Index::for_query(&study, now, &query);
    let mut found: Vec<&CardFacts> = index.matching(&query).collect();
    if let Some(column) = args.sort {
        found.sort_by(|a, b| column.compare((a, front(&study, a)), (b, front(&study, b))));
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
            let front = super::printable(row.front.lines().next().unwrap_or(""));
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

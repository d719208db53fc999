//! `flashdeck exam [DECK [DATE | --clear]]`: every deck's exam with the days left and the recall
//! predicted for the day, or one deck's exam set or cleared (an `exam` event in the log, as `x`
//! on the home screen writes).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::FAILURE;
use crate::cli::ExamArgs;
use crate::config::Config;
use crate::library::load_study;
use crate::paths::Locations;
use crate::scheduler::calendar::date_of_day;
use crate::store::{NewEvent, NewKind, Store};
use crate::study::exam;

pub fn run(
    locations: &Locations,
    config: &Config,
    args: &ExamArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    let Some(wanted) = &args.deck else {
        let mut any = false;
        for (index, deck) in study.collection.decks.iter().enumerate() {
            let Some(day) = study.exam(index) else {
                continue;
            };
            any = true;
            let date = date_of_day(day).map(|d| d.to_string()).unwrap_or_default();
            match exam::outlook(&study, index, now) {
                Some(outlook) => writeln!(
                    out,
                    "{}  {date}  in {}, {:.0}% predicted recall on the day",
                    deck.id,
                    crate::english::counted(usize::try_from(outlook.days_left).unwrap_or(0), "day"),
                    outlook.predicted * 100.0
                )?,
                None => writeln!(out, "{}  {date}  (past)", deck.id)?,
            }
        }
        if !any {
            writeln!(
                out,
                "No deck has an exam date; `flashdeck exam DECK YYYY-MM-DD` sets one."
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(deck) = study
        .collection
        .decks
        .iter()
        .find(|d| d.id.as_str() == wanted)
    else {
        writeln!(err, "no deck `{wanted}`; `flashdeck list` shows the ids")?;
        return Ok(ExitCode::from(FAILURE));
    };
    let date = match (args.date, args.clear) {
        (Some(date), _) if date <= now.date_naive() => {
            writeln!(err, "the exam date must be after today")?;
            return Ok(ExitCode::from(FAILURE));
        }
        (Some(date), _) => Some(date),
        (None, true) => None,
        (None, false) => {
            writeln!(err, "give the exam date (YYYY-MM-DD), or --clear")?;
            return Ok(ExitCode::from(FAILURE));
        }
    };
    let store = Store::new(&locations.data_dir.path, &Store::device_name());
    let event = NewEvent::for_deck(deck.id.as_str(), now, NewKind::Exam { date });
    store
        .append(&event)
        .with_context(|| format!("cannot write to {}", store.device_file().display()))?;
    match date {
        Some(date) => writeln!(out, "{}: exam on {date}", deck.id)?,
        None => writeln!(out, "{}: exam date cleared", deck.id)?,
    }
    Ok(ExitCode::SUCCESS)
}

//! `flashdeck catch-up [DECK…] [--days N] [--apply | --undo]`: shows, writes or takes back a
//! plan that spreads a backlog of due reviews over days, the most at risk of being forgotten
//! first, with new cards paused until it is done.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, Duration, FixedOffset};

use super::FAILURE;
use crate::cli::CatchUpArgs;
use crate::config::Config;
use crate::english::counted;
use crate::library::{load_study, resolve_decks};
use crate::paths::Locations;
use crate::store::Store;
use crate::study::backlog;

pub fn run(
    locations: &Locations,
    config: &Config,
    args: &CatchUpArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    // One day keeps every review today: a plan that moves nothing.
    if !(2..=365).contains(&args.days) {
        writeln!(
            err,
            "--days must be from 2 to 365 (one day would move nothing)"
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    let (study, _) = load_study(locations, config, now)?;
    let store = Store::new(&locations.data_dir.path, &Store::device_name());
    let write = |events: &[crate::store::NewEvent]| {
        store
            .append_all(events)
            .with_context(|| format!("cannot write to {}", store.device_file().display()))
    };
    if args.undo {
        let Some(undo) = backlog::undo_last(&study, now) else {
            writeln!(err, "there is no backlog plan to undo")?;
            return Ok(ExitCode::from(FAILURE));
        };
        write(std::slice::from_ref(&undo))?;
        writeln!(
            out,
            "Undid the last backlog plan: its cards are due as before."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let (decks, title) = resolve_decks(&study.collection, &args.only, locations)?;
    let backlog = backlog::backlog(&study, &decks, now);
    if backlog.due == 0 {
        writeln!(out, "{title}: no review is due. Nothing to catch up.")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{title}: {}.", backlog.describe())?;
    if !backlog.is_large() {
        writeln!(
            out,
            "{}: a plan is not needed, but here it is.",
            backlog.why_no_plan()
        )?;
    }
    // A second plan over the first would move cards already moved, and one undo would no
    // longer take everything back: the plan in effect is undone first, by the user.
    let moved: usize = (0..study.collection.decks.len())
        .map(|deck| study.postponed(deck))
        .sum();
    if args.apply && moved > 0 {
        writeln!(
            err,
            "a backlog plan is already in effect ({} still to come); `flashdeck catch-up --undo` takes it back, then plan again",
            counted(moved, "moved review")
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    let plan = backlog::plan(&study, &decks, now, args.days);
    writeln!(
        out,
        "Spread over {}, the cards most likely forgotten first:",
        counted(plan.days.len(), "day")
    )?;
    for (offset, cards) in plan.days.iter().enumerate() {
        let date = (now + Duration::days(i64::try_from(offset).unwrap_or(0))).format("%a %Y-%m-%d");
        let when = if offset == 0 { "today" } else { "" };
        writeln!(out, "  {date}  {:>6}  {when}", cards.len())?;
    }
    writeln!(
        out,
        "New cards wait in these decks until the backlog is done."
    )?;
    if !args.apply {
        writeln!(
            out,
            "Nothing changed yet: add --apply to do it; `flashdeck catch-up --undo` takes it back."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let events = plan.events(&study, now);
    write(&events)?;
    writeln!(
        out,
        "Done: {} moved to later days. `flashdeck catch-up --undo` takes it back.",
        counted(events.len(), "review")
    )?;
    Ok(ExitCode::SUCCESS)
}

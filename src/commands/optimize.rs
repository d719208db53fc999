//! `flashdeck optimize [--revlog FILE.csv] [--json] [--dry-run]`: fits the FSRS parameters to
//! the review log (or another history), reports log loss and RMSE for the parameters in effect
//! and the fitted ones, and writes the fitted ones to the settings file when they are better.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, Datelike, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;

use super::FAILURE;
use crate::atomic_write::{self, Existing};
use crate::cli::OptimizeArgs;
use crate::config::{Config, parameters_text};
use crate::english::{self, counted};
use crate::library::load_study;
use crate::optimize::{self, Outcome, Review, Verdict, revlog};
use crate::paths::Locations;
use crate::scheduler::Phase;

#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    outcome: &'a Outcome,
    /// Where the fitted parameters were written, if they were.
    written_to: Option<&'a Path>,
}

pub fn run(
    locations: &Locations,
    config: &Config,
    options: &OptimizeArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let cards = match options.revlog.as_deref() {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let revlog = match revlog::parse(&text) {
                Ok(revlog) => revlog,
                Err(message) => {
                    writeln!(err, "{}: {message}", path.display())?;
                    return Ok(ExitCode::from(FAILURE));
                }
            };
            for problem in revlog.skipped.iter().take(10) {
                let (line, message) = (problem.line, &problem.message);
                writeln!(err, "{}:{line}: skipped: {message}", path.display())?;
            }
            if revlog.skipped.len() > 10 {
                writeln!(err, "… and {} more skipped", revlog.skipped.len() - 10)?;
            }
            let calendar = &config.scheduling.calendar;
            if let Some(reason) = optimize::plausible::check(&revlog.cards, calendar, now) {
                writeln!(
                    err,
                    "{}: {reason}. Nothing was fitted or saved.",
                    path.display()
                )?;
                return Ok(ExitCode::from(FAILURE));
            }
            revlog.cards
        }
        None => own_reviews(locations, config, now)?,
    };
    let settings = &config.scheduling;
    let outcome = optimize::optimize(&cards, &settings.calendar, &settings.parameters)?;
    let path = &locations.config.path;
    let mut written = None;
    let mut failed = None;
    if outcome.verdict == Verdict::Keep && !options.dry_run {
        let fitted = outcome.fitted.as_deref().unwrap_or_default();
        match write_parameters(path, fitted, now) {
            Ok(()) => written = Some(path.as_path()),
            Err(error) => failed = Some(error),
        }
    }
    if options.json {
        let report = Report {
            outcome: &outcome,
            written_to: written,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        write_text(&outcome, config, written, options.dry_run, out)?;
    }
    if let Some(error) = failed {
        writeln!(err, "the fitted parameters were not saved: {error:#}")?;
        return Ok(ExitCode::from(FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

/// Every card's scheduled answers from the review log.
fn own_reviews(
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Vec<Review>>> {
    let (study, _) = load_study(locations, config, now)?;
    let history: &crate::store::History = study.wait_for_history();
    Ok(history
        .every_answer(&study.scheduler)
        .map(|(_, answers)| {
            answers
                .iter()
                .map(|a| Review {
                    time: a.time,
                    rating: a.rating,
                    starts_over: a.phase_before == Phase::New,
                })
                .collect()
        })
        .collect())
}

fn write_text(
    outcome: &Outcome,
    config: &Config,
    written: Option<&Path>,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    writeln!(
        out,
        "{} of {} ({} to fit on)",
        counted(outcome.reviews, "review"),
        counted(outcome.cards, "card"),
        counted(outcome.items, "training item"),
    )?;
    let current = match &config.optimized {
        Some(date) => format!("in effect (fitted {date})"),
        None if config.scheduling.parameters.is_empty() => "in effect (FSRS-6 defaults)".into(),
        None => "in effect (from the settings)".into(),
    };
    let rows: Vec<_> = [
        (current.as_str(), outcome.current_fit),
        ("fitted", outcome.fitted_fit),
    ]
    .into_iter()
    .filter_map(|(name, fit)| Some((name, fit?)))
    .collect();
    if !rows.is_empty() {
        writeln!(
            out,
            "{:32}  {:>8}  {:>11}",
            "parameters", "log loss", "RMSE (bins)"
        )?;
    }
    for (name, fit) in rows {
        let rmse = f64::from(fit.rmse_bins) * 100.0;
        writeln!(out, "{name:32}  {:>8.4}  {rmse:>10.2}%", fit.log_loss)?;
    }
    match outcome.verdict {
        Verdict::NoLaterAnswers => writeln!(
            out,
            "No card was answered on a later day than its first ({} of {} {}): a fit learns \
             from how well answers held up over days, so it needs such answers. The \
             parameters in effect stay.",
            outcome.cards_with_later_answers,
            outcome.cards,
            english::noun(outcome.cards, "card"),
        )?,
        Verdict::TooFewReviews => writeln!(
            out,
            "Only {}: a fit needs about {} to be reliable, so the parameters in effect stay.",
            counted(outcome.reviews, "review"),
            optimize::MIN_REVIEWS
        )?,
        Verdict::NotBetter => writeln!(
            out,
            "The fitted parameters predict your history no better; the ones in effect stay."
        )?,
        Verdict::Keep => {
            let fitted = outcome.fitted.as_deref().unwrap_or_default();
            writeln!(out, "parameters = {}", parameters_text(fitted))?;
            match written {
                Some(path) => writeln!(
                    out,
                    "They predict your history better: saved in {}. Cards are scheduled with them from now on.",
                    path.display()
                )?,
                None if dry_run => {
                    writeln!(
                        out,
                        "They predict your history better (--dry-run: not saved)."
                    )?;
                }
                None => {}
            }
        }
    }
    Ok(())
}

/// Sets `parameters` and `optimized` in the settings file, keeping everything else in it as it
/// was (comments too). A file that is not valid TOML is left alone.
fn write_parameters(path: &Path, parameters: &[f32], now: DateTime<FixedOffset>) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut document: toml_edit::DocumentMut = text
        .parse()
        .with_context(|| format!("{} is not valid TOML; fix it first", path.display()))?;
    let mut array = toml_edit::Array::new();
    for parameter in parameters {
        // Through its shortest text, so that 0.2 stays 0.2 and not 0.20000000298.
        array.push(
            parameter
                .to_string()
                .parse::<f64>()
                .unwrap_or(f64::from(*parameter)),
        );
    }
    document["parameters"] = toml_edit::value(array);
    let date = now.date_naive();
    let day = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or_default(),
        month: u8::try_from(date.month()).unwrap_or_default(),
        day: u8::try_from(date.day()).unwrap_or_default(),
    };
    document["optimized"] = toml_edit::value(toml_edit::Datetime {
        date: Some(day),
        time: None,
        offset: None,
    });
    atomic_write::write(path, document.to_string().as_bytes(), Existing::Replace)
        .with_context(|| format!("cannot write {}", path.display()))
}

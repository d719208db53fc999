//! `flashdeck optimize [--preset NAME] [--revlog FILE.csv] [--json] [--dry-run]`: fits the FSRS
//! parameters to the review log (or another history), reports log loss and RMSE for the
//! parameters in effect and the fitted ones, and writes the fitted ones to the settings file
//! when they are better. With presets, each preset is fitted on its decks' cards and the
//! global section on the rest, one table each; `--preset` fits one.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;

use super::FAILURE;
use crate::cli::OptimizeArgs;
use crate::config::{Config, Preset, parameters_text};
use crate::english::{self, counted};
use crate::library::load_study;
use crate::optimize::{self, Outcome, Review, Verdict, revlog};
use crate::paths::Locations;
use crate::scheduler::{Phase, Schedulers};

mod write;

use write::{Fitted, write_parameters};

#[derive(Serialize)]
struct Report<'a> {
    /// The preset fitted; none for the global section.
    #[serde(skip_serializing_if = "Option::is_none")]
    preset: Option<&'a str>,
    #[serde(flatten)]
    outcome: &'a Outcome,
    /// Where the fitted parameters were written, if they were.
    written_to: Option<&'a Path>,
    /// With presets and no `--preset`: each preset's fit, the global section's above.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    presets: Vec<Report<'a>>,
}

/// A table of the settings file and the answers its parameters are fitted on.
struct Group<'a> {
    /// `None`: the global section.
    preset: Option<&'a Preset>,
    cards: Vec<Vec<Review>>,
}

impl Group<'_> {
    fn settings<'c>(&'c self, config: &'c Config) -> (&'c [f32], Option<&'c str>) {
        match self.preset {
            Some(preset) => (&preset.scheduling.parameters, preset.optimized.as_deref()),
            None => (&config.scheduling.parameters, config.optimized.as_deref()),
        }
    }
}

pub fn run(
    locations: &Locations,
    config: &Config,
    options: &OptimizeArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let path = &locations.config.path;
    let preset = options
        .preset
        .as_deref()
        .map(|name| (name, config.presets.iter().find(|p| p.name == name)));
    if let Some((name, None)) = preset {
        let names: Vec<&str> = config.presets.iter().map(|p| p.name.as_str()).collect();
        let known = if names.is_empty() {
            "it has none".to_owned()
        } else {
            format!("it has {}", names.join(", "))
        };
        writeln!(
            err,
            "no preset `{name}` in {} ({known}); nothing was fitted",
            path.display()
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    let preset = preset.and_then(|(_, preset)| preset);
    let groups = match options.revlog.as_deref() {
        Some(revlog_path) => match read_revlog(revlog_path, config, now, err)? {
            Ok(cards) => vec![Group { preset, cards }],
            Err(refused) => return refused.report(options.json, out),
        },
        None => own_reviews(locations, config, preset, now)?,
    };
    let calendar = &config.scheduling.calendar;
    let outcomes = groups
        .iter()
        .map(|group| optimize::optimize(&group.cards, calendar, group.settings(config).0))
        .collect::<Result<Vec<Outcome>, _>>()?;
    let fitted: Vec<Fitted> = groups
        .iter()
        .zip(&outcomes)
        .filter(|(_, outcome)| outcome.verdict == Verdict::Keep)
        .map(|(group, outcome)| Fitted {
            preset: group.preset.map(|p| p.name.as_str()),
            parameters: outcome.fitted.as_deref().unwrap_or_default(),
        })
        .collect();
    let mut written = None;
    let mut failed = None;
    if !fitted.is_empty() && !options.dry_run {
        match write_parameters(path, &fitted, now) {
            Ok(()) => written = Some(path.as_path()),
            Err(error) => failed = Some(error),
        }
    }
    let written_for = |outcome: &Outcome| written.filter(|_| outcome.verdict == Verdict::Keep);
    if options.json {
        let mut reports = groups.iter().zip(&outcomes).map(|(group, outcome)| Report {
            preset: group.preset.map(|p| p.name.as_str()),
            outcome,
            written_to: written_for(outcome),
            presets: Vec::new(),
        });
        if let Some(mut report) = reports.next() {
            report.presets = reports.collect();
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
    } else {
        let headed = groups.len() > 1 || preset.is_some();
        for (index, (group, outcome)) in groups.iter().zip(&outcomes).enumerate() {
            if headed {
                if index > 0 {
                    writeln!(out)?;
                }
                match group.preset {
                    Some(preset) => writeln!(
                        out,
                        "Preset {} ({}):",
                        preset.name,
                        crate::config::preset_table(&preset.name)
                    )?,
                    None => writeln!(out, "Global settings (decks without a preset):")?,
                }
            }
            let (parameters, optimized) = group.settings(config);
            let current = Current {
                parameters,
                optimized,
            };
            write_text(
                outcome,
                &current,
                written_for(outcome),
                options.dry_run,
                out,
            )?;
        }
    }
    if let Some(error) = failed {
        writeln!(err, "the fitted parameters were not saved: {error:#}")?;
        return Ok(ExitCode::from(FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

/// Why a revlog file was not fitted, as `--json` prints it.
#[derive(Serialize)]
struct Refused {
    /// `unreadable` (not a revlog this reads) or `implausible` (times no real history has).
    verdict: &'static str,
    reason: String,
    written_to: Option<&'static Path>,
}

impl Refused {
    /// Exit 1, with the verdict on `out` for `--json` (the message is on stderr already).
    fn report(&self, json: bool, out: &mut dyn Write) -> Result<ExitCode> {
        if json {
            serde_json::to_writer_pretty(&mut *out, self)?;
            writeln!(out)?;
        }
        Ok(ExitCode::from(FAILURE))
    }
}

/// The answers of a revlog file, or why it cannot be used (said on `err` too).
fn read_revlog(
    path: &Path,
    config: &Config,
    now: DateTime<FixedOffset>,
    err: &mut dyn Write,
) -> Result<Result<Vec<Vec<Review>>, Refused>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let revlog = match revlog::parse(&text) {
        Ok(revlog) => revlog,
        Err(message) => {
            writeln!(err, "{}: {message}", path.display())?;
            return Ok(Err(Refused {
                verdict: "unreadable",
                reason: message,
                written_to: None,
            }));
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
            "{}: {reason} Nothing was fitted or saved.",
            path.display()
        )?;
        return Ok(Err(Refused {
            verdict: "implausible",
            reason: reason.to_string(),
            written_to: None,
        }));
    }
    Ok(Ok(revlog.cards))
}

/// Every card's scheduled answers from the review log, by the table they are fitted for: only
/// `preset`'s decks when one is given; else the global section's (the decks without a preset,
/// and cards no deck has), then each preset's.
fn own_reviews<'c>(
    locations: &Locations,
    config: &'c Config,
    preset: Option<&'c Preset>,
    now: DateTime<FixedOffset>,
) -> Result<Vec<Group<'c>>> {
    let (study, _) = load_study(locations, config, now)?;
    let history: &crate::store::History = study.wait_for_history();
    let presets = study.presets();
    let answers: Vec<_> = history.every_answer(presets).collect();
    let mut groups: Vec<Group> = std::iter::once(None)
        .chain(config.presets.iter().map(Some))
        .map(|preset| Group {
            preset,
            cards: Vec::new(),
        })
        .collect();
    for ((card, _), (_, answers)) in history.cards().zip(answers) {
        let reviews = answers
            .iter()
            .map(|a| Review {
                time: a.time,
                rating: a.rating,
                starts_over: a.phase_before == Phase::New,
            })
            .collect();
        if let Some(group) = groups.get_mut(presets.index_for(card)) {
            group.cards.push(reviews);
        }
    }
    Ok(match preset {
        Some(preset) => groups
            .into_iter()
            .filter(|group| group.preset.is_some_and(|p| p.name == preset.name))
            .collect(),
        None => groups,
    })
}

/// The parameters in effect for a fit, and when they were fitted.
struct Current<'a> {
    parameters: &'a [f32],
    optimized: Option<&'a str>,
}

fn write_text(
    outcome: &Outcome,
    config: &Current<'_>,
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
    let current = match config.optimized {
        Some(date) => format!("in effect (fitted {date})"),
        None if config.parameters.is_empty() => "in effect (FSRS-6 defaults)".into(),
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
        Verdict::NoReviews => {
            writeln!(out, "No reviews yet: the parameters in effect stay.")?;
        }
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

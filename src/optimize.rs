//! Fitting the FSRS parameters to a learner's own history, as Anki's "Optimize" does: the
//! `fsrs` crate trains; this module turns review histories into its items, compares the fitted
//! parameters with the defaults on the same items, and decides whether to keep them. Pure.

pub mod plausible;
pub mod revlog;

use chrono::{DateTime, FixedOffset};
use fsrs::{
    ComputeParametersInput, DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview, compute_parameters,
};
use serde::Serialize;

use crate::scheduler::{Calendar, Rating};

/// Below this many reviews the fit is too noisy to trust, and the defaults stay (Anki asks
/// for about 1,000 too).
pub const MIN_REVIEWS: usize = 1000;

/// One scheduled answer of one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    pub time: DateTime<FixedOffset>,
    pub rating: Rating,
    /// The card was new before it (its first answer, or the first after it was forgotten).
    pub starts_over: bool,
}

/// How well parameters predict the history: lower is better for both.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    pub log_loss: f32,
    pub rmse_bins: f32,
}

/// What optimizing found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub reviews: usize,
    pub cards: usize,
    /// Training items: one per review after the first day of a card.
    pub items: usize,
    /// Cards answered on a later day than their first (since their last fresh start): the
    /// ones that give training items.
    pub cards_with_later_answers: usize,
    pub current: Vec<f32>,
    pub current_fit: Option<Fit>,
    pub fitted: Option<Vec<f32>>,
    pub fitted_fit: Option<Fit>,
    pub verdict: Verdict,
}

/// Whether the fitted parameters are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Better on log loss than the current ones: kept.
    Keep,
    /// Not better: the current parameters stay.
    NotBetter,
    /// Too few reviews to fit: the current parameters stay.
    TooFewReviews,
    /// No card was answered on a later day than its first, so there is nothing to learn
    /// from (however many reviews): the current parameters stay.
    NoLaterAnswers,
    /// No review at all (a preset whose decks were never studied): the current parameters
    /// stay.
    NoReviews,
}

#[derive(Debug, thiserror::Error)]
#[error("the FSRS optimizer failed: {0}")]
pub struct OptimizeError(String);

/// Training items from every card's reviews (each in time order), as Anki builds them: the
/// history from the card's last fresh start, one item per review that came at least a day
/// after the one before it, with days counted by `calendar`.
#[must_use]
pub fn items(cards: &[Vec<Review>], calendar: &Calendar) -> Vec<FSRSItem> {
    items_and_cards(cards, *calendar).0
}

/// [`items`], and how many cards gave at least one.
fn items_and_cards(cards: &[Vec<Review>], calendar: Calendar) -> (Vec<FSRSItem>, usize) {
    let mut items = Vec::new();
    let mut cards_with_items = 0;
    for reviews in cards {
        let before = items.len();
        let start = reviews.iter().rposition(|r| r.starts_over).unwrap_or(0);
        let reviews = &reviews[start..];
        let mut sequence: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
        for (index, review) in reviews.iter().enumerate() {
            let delta_t = if index == 0 {
                0
            } else {
                let days = calendar.day(review.time) - calendar.day(reviews[index - 1].time);
                u32::try_from(days.max(0)).unwrap_or(0)
            };
            sequence.push(FSRSReview {
                rating: u32::from(u8::from(review.rating)),
                delta_t,
            });
            if index > 0 && delta_t > 0 {
                items.push(FSRSItem {
                    reviews: sequence.clone(),
                });
            }
        }
        cards_with_items += usize::from(items.len() > before);
    }
    (items, cards_with_items)
}

/// Fits parameters to `cards` and compares them with `current` (the defaults when empty).
pub fn optimize(
    cards: &[Vec<Review>],
    calendar: &Calendar,
    current: &[f32],
) -> Result<Outcome, OptimizeError> {
    let current = if current.is_empty() {
        DEFAULT_PARAMETERS.to_vec()
    } else {
        current.to_vec()
    };
    let (items, cards_with_later_answers) = items_and_cards(cards, *calendar);
    let reviews = cards.iter().map(Vec::len).sum();
    let mut outcome = Outcome {
        reviews,
        cards: cards.iter().filter(|c| !c.is_empty()).count(),
        items: items.len(),
        cards_with_later_answers,
        current_fit: None,
        fitted: None,
        fitted_fit: None,
        verdict: Verdict::TooFewReviews,
        current,
    };
    if reviews == 0 {
        outcome.verdict = Verdict::NoReviews;
        return Ok(outcome);
    }
    if items.is_empty() {
        outcome.verdict = Verdict::NoLaterAnswers;
        return Ok(outcome);
    }
    if reviews < MIN_REVIEWS {
        outcome.current_fit = Some(evaluate(&outcome.current, items)?);
        return Ok(outcome);
    }
    let fitted = compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| OptimizeError(e.to_string()))?;
    let current_fit = evaluate(&outcome.current, items.clone())?;
    let fitted_fit = evaluate(&fitted, items)?;
    outcome.verdict = if fitted_fit.log_loss < current_fit.log_loss {
        Verdict::Keep
    } else {
        Verdict::NotBetter
    };
    outcome.current_fit = Some(current_fit);
    outcome.fitted = Some(fitted);
    outcome.fitted_fit = Some(fitted_fit);
    Ok(outcome)
}

fn evaluate(parameters: &[f32], items: Vec<FSRSItem>) -> Result<Fit, OptimizeError> {
    let fsrs = FSRS::new(parameters).map_err(|e| OptimizeError(e.to_string()))?;
    let evaluation = fsrs
        .evaluate(items, |_| true)
        .map_err(|e| OptimizeError(e.to_string()))?;
    Ok(Fit {
        log_loss: evaluation.log_loss,
        rmse_bins: evaluation.rmse_bins,
    })
}

#[cfg(test)]
mod tests;

//! True retention by deck: each deck's all-time young, mature and all rates, and how far it
//! falls below the selection's, so that a deck that underperforms stands out.

use serde::Serialize;

use super::retention::Retention;

/// A deck counts as lagging with at least this many answers counted…
pub const LAGGING_MIN_ANSWERS: usize = 20;
/// …and a share at least this many points below the selection's.
pub const LAGGING_POINTS: f64 = 5.0;

/// One deck's true retention over all time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeckRetention {
    pub deck: String,
    pub name: String,
    pub retention: Retention,
    /// The deck's share (all) minus the selection's over all time, in points; none when
    /// either counted nothing.
    pub gap_points: Option<f64>,
    /// At least [`LAGGING_MIN_ANSWERS`] counted and [`LAGGING_POINTS`] or more below.
    pub lagging: bool,
}

impl DeckRetention {
    /// The deck's figures against `overall`, the selection's all-time rate.
    #[must_use]
    pub fn new(deck: String, name: String, retention: Retention, overall: Retention) -> Self {
        let gap_points = retention
            .all
            .share()
            .zip(overall.all.share())
            .map(|(mine, all)| (mine - all) * 100.0);
        let lagging = retention.all.total >= LAGGING_MIN_ANSWERS
            && gap_points.is_some_and(|gap| gap <= -LAGGING_POINTS);
        Self {
            deck,
            name,
            retention,
            gap_points,
            lagging,
        }
    }
}

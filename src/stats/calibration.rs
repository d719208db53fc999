//! Calibration: the recall FSRS predicted at each review against the recall that happened.
//! Each answer true retention counts (a card's first of the day, never its first ever) is
//! placed in one of ten bins by its predicted recall, the retrievability the card had at
//! that moment, before the answer; a bin's actual recall is the share not answered Again.
//! A well-fitted scheduler's bins sit on the diagonal; the gap says by how many points the
//! prediction was too hopeful (negative) or too gloomy (positive).

use serde::Serialize;

use super::distribution::tenth;

/// One tenth of predicted recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CalibrationBin {
    /// Predicted recall from this share (inclusive)…
    pub from: f64,
    /// …to this one (exclusive, but 1.0 is in the last bin).
    pub to: f64,
    /// Answers in the bin.
    pub count: usize,
    /// Their mean predicted recall (0–1), if any.
    pub predicted: Option<f64>,
    /// Their share not answered Again (0–1), if any.
    pub actual: Option<f64>,
    /// `actual − predicted`, in percentage points.
    pub gap_points: Option<f64>,
}

/// Ten bins, and all answers together.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Calibration {
    pub bins: Vec<CalibrationBin>,
    pub count: usize,
    pub predicted: Option<f64>,
    pub actual: Option<f64>,
    pub gap_points: Option<f64>,
}

/// Sums of predicted recall and of passes, per bin.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    count: usize,
    predicted: f64,
    passed: usize,
}

impl Sums {
    fn add(&mut self, predicted: f64, passed: bool) {
        self.count += 1;
        self.predicted += predicted;
        self.passed += usize::from(passed);
    }

    /// (mean predicted, actual share, gap in points), if anything was counted.
    fn merge(&mut self, other: Self) {
        self.count += other.count;
        self.predicted += other.predicted;
        self.passed += other.passed;
    }

    fn figures(self) -> (Option<f64>, Option<f64>, Option<f64>) {
        if self.count == 0 {
            return (None, None, None);
        }
        let n = super::count(self.count);
        let (predicted, actual) = (self.predicted / n, super::count(self.passed) / n);
        (
            Some(predicted),
            Some(actual),
            Some((actual - predicted) * 100.0),
        )
    }
}

/// Answers counted one at a time.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    bins: [Sums; 10],
    all: Sums,
}

impl Tally {
    /// One answer: the recall predicted before it (0–1) and whether it passed. A prediction
    /// that is not a number is left out.
    pub fn add(&mut self, predicted: f64, passed: bool) {
        if !predicted.is_finite() {
            return;
        }
        self.bins[tenth(predicted)].add(predicted, passed);
        self.all.add(predicted, passed);
    }

    /// Adds another tally's answers.
    pub fn merge(&mut self, other: &Self) {
        for (mine, theirs) in self.bins.iter_mut().zip(other.bins) {
            mine.merge(theirs);
        }
        self.all.merge(other.all);
    }

    #[must_use]
    pub fn finish(&self) -> Calibration {
        let bins = (0u32..)
            .zip(self.bins)
            .map(|(i, sums)| {
                let (predicted, actual, gap_points) = sums.figures();
                CalibrationBin {
                    from: f64::from(i) / 10.0,
                    to: f64::from(i + 1) / 10.0,
                    count: sums.count,
                    predicted,
                    actual,
                    gap_points,
                }
            })
            .collect();
        let (predicted, actual, gap_points) = self.all.figures();
        Calibration {
            bins,
            count: self.all.count,
            predicted,
            actual,
            gap_points,
        }
    }
}

#[cfg(test)]
mod tests;

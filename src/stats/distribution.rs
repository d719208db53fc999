//! Histograms with their median and mean: the distributions of intervals, stability,
//! difficulty and retrievability, and anything else binned by fixed edges.

use serde::Serialize;

/// Values counted into bins, with their median and mean; both `None` when nothing was counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Distribution {
    pub bins: Vec<Bin>,
    /// How many values in all.
    pub count: usize,
    pub median: Option<f64>,
    pub mean: Option<f64>,
}

/// Values from `from` (inclusive) up to `to` (exclusive); the last bin has no `to`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Bin {
    pub from: f64,
    pub to: Option<f64>,
    pub count: usize,
}

impl Distribution {
    /// `values` binned by `edges` (ascending): a bin from each edge to the next, the last one
    /// open-ended; values below the first edge count in the first bin. Values that are not
    /// finite are left out, so no NaN reaches a median or a mean.
    #[must_use]
    pub fn of(mut values: Vec<f64>, edges: &[f64]) -> Self {
        values.retain(|v| v.is_finite());
        let mut bins: Vec<Bin> = edges
            .iter()
            .enumerate()
            .map(|(i, &from)| Bin {
                from,
                to: edges.get(i + 1).copied(),
                count: 0,
            })
            .collect();
        for &value in &values {
            // The last edge not above the value; the first bin for values below them all.
            let index = edges
                .partition_point(|&edge| edge <= value)
                .saturating_sub(1);
            if let Some(bin) = bins.get_mut(index) {
                bin.count += 1;
            }
        }
        values.sort_by(f64::total_cmp);
        let count = values.len();
        let median = match count {
            0 => None,
            n if n % 2 == 1 => Some(values[n / 2]),
            n => Some(f64::midpoint(values[n / 2 - 1], values[n / 2])),
        };
        let mean = (count > 0).then(|| values.iter().sum::<f64>() / super::count(count));
        Self {
            bins,
            count,
            median,
            mean,
        }
    }
}

/// Edges for intervals and stability, in days: fine where most cards are, coarse after.
pub const DAY_EDGES: [f64; 16] = [
    0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 14.0, 21.0, 30.0, 45.0, 60.0, 90.0, 180.0, 365.0, 730.0,
];

/// Ten edges of a share (0–1), by tenths: retrievability, difficulty, calibration.
pub const TENTHS: [f64; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// The tenth (0–9) a share (0–1) falls in; 1 and above in the last.
#[must_use]
pub fn tenth(share: f64) -> usize {
    // Truncation is the binning; the clamp keeps 1.0 and out-of-range shares in a bin.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let index = (share.clamp(0.0, 1.0) * 10.0).floor() as usize;
    index.min(9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_median_and_mean_of_a_hand_counted_set() {
        // 0.5 → [0,1); 1, 1.5 → [1,2); 4 → [3,5); 1000 → [730,∞).
        let d = Distribution::of(vec![4.0, 1.0, 1000.0, 0.5, 1.5], &DAY_EDGES);
        let counts: Vec<usize> = d.bins.iter().map(|b| b.count).collect();
        assert_eq!(counts, [1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(d.bins[15].to, None);
        assert_eq!(d.bins[3].to, Some(5.0));
        assert_eq!(d.count, 5);
        assert_eq!(d.median, Some(1.5));
        assert_eq!(d.mean, Some(1007.0 / 5.0));
    }

    #[test]
    fn an_even_count_has_the_middle_pair_s_midpoint_and_nothing_has_none() {
        let d = Distribution::of(vec![0.3, 0.1, 0.9, 0.7], &TENTHS);
        assert_eq!(d.median, Some(0.5));
        let empty = Distribution::of(vec![f64::NAN], &TENTHS);
        assert_eq!((empty.count, empty.median, empty.mean), (0, None, None));
        assert_eq!(empty.bins.len(), 10);
    }

    #[test]
    fn tenths_put_the_edges_in_the_upper_bin_and_one_in_the_last() {
        assert_eq!(
            [tenth(0.0), tenth(0.1), tenth(0.95), tenth(1.0)],
            [0, 1, 9, 9]
        );
        assert_eq!(tenth(-3.0), 0);
    }
}

//! Learning and relearning steps, with Anki's rules for each button.
//!
//! Behaviour follows Anki's `rslib/src/scheduler/states/steps.rs` (ankitects/anki): Again goes
//! back to the first step; Hard repeats the current step, except on the first step where it is
//! the average of the first two steps (or 1.5× a lone step, at most a day more); Good moves on.

/// Seconds in a day.
pub(super) const DAY: u32 = 86_400;

/// Steps in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps<'a>(pub &'a [u32]);

impl Steps<'_> {
    /// Delay after Again: the first step, if there are steps.
    pub fn again(self) -> Option<u32> {
        self.0.first().copied()
    }

    /// Delay after Hard on step `index`.
    pub fn hard(self, index: usize) -> Option<u32> {
        let index = index.min(self.0.len().checked_sub(1)?);
        let current = self.0[index];
        if index > 0 {
            return Some(current);
        }
        let secs = match self.0.get(1) {
            Some(&next) => current.saturating_add(next) / 2,
            None => (current.saturating_mul(3) / 2).min(current.saturating_add(DAY)),
        };
        Some(round_in_days(secs))
    }

    /// Delay after Good on step `index`, or `None` when Good graduates the card.
    pub fn good(self, index: usize) -> Option<u32> {
        self.0.get(index + 1).copied()
    }
}

/// Delays over a day are whole days, so the result does not depend on the time of day.
fn round_in_days(secs: u32) -> u32 {
    if secs > DAY {
        // At most u32::MAX / DAY days, so the cast and product stay in range.
        let days = (f64::from(secs) / f64::from(DAY)).round() as u32;
        days.saturating_mul(DAY)
    } else {
        secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anki's `delay_secs` test in `rslib/src/scheduler/states/steps.rs`, in step indexes
    /// (Anki counts remaining steps instead).
    #[test]
    fn delays_match_anki() {
        let one = Steps(&[600]);
        assert_eq!(
            (one.again(), one.hard(0), one.good(0)),
            (Some(600), Some(900), None)
        );
        let long = Steps(&[3 * DAY]);
        assert_eq!(long.hard(0), Some(4 * DAY));

        let two = Steps(&[60, 600]);
        assert_eq!(
            (two.again(), two.hard(0), two.good(0)),
            (Some(60), Some(330), Some(600))
        );
        assert_eq!((two.hard(1), two.good(1)), (Some(600), None));

        let three = Steps(&[60, 600, 6000]);
        assert_eq!((three.hard(0), three.good(0)), (Some(330), Some(600)));
        assert_eq!((three.hard(1), three.good(1)), (Some(600), Some(6000)));
        assert_eq!((three.hard(2), three.good(2)), (Some(6000), None));

        let none = Steps(&[]);
        assert_eq!(
            (none.again(), none.hard(0), none.good(0)),
            (None, None, None)
        );
    }

    #[test]
    fn rounding_to_days() {
        assert_eq!(round_in_days(DAY - 1), DAY - 1);
        assert_eq!(round_in_days(DAY * 3 / 2), 2 * DAY);
    }
}

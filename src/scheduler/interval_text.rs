//! Short interval labels for the answer buttons: "1m", "10m", "3d", "1.2mo", "2y".

/// A scheduled delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Secs(u32),
    Days(u32),
}

/// The label Anki would show: the largest unit that fits, with one decimal where it is not
/// a whole number (months are 30 days and years 365, as in Anki).
#[must_use]
pub fn label(interval: Interval) -> String {
    let (value, unit) = match interval {
        Interval::Secs(secs) if secs < 60 => (f64::from(secs), "s"),
        Interval::Secs(secs) if secs < 3600 => (f64::from(secs) / 60.0, "m"),
        Interval::Secs(secs) if secs < 86_400 => (f64::from(secs) / 3600.0, "h"),
        Interval::Secs(secs) => return label(Interval::Days(secs / 86_400)),
        Interval::Days(days) if days < 30 => (f64::from(days), "d"),
        Interval::Days(days) if days < 365 => (f64::from(days) / 30.0, "mo"),
        Interval::Days(days) => (f64::from(days) / 365.0, "y"),
    };
    let rounded = (value * 10.0).round() / 10.0;
    if (rounded - rounded.trunc()).abs() < f64::EPSILON {
        format!("{rounded:.0}{unit}")
    } else {
        format!("{rounded:.1}{unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label(Interval::Secs(30)), "30s");
        assert_eq!(label(Interval::Secs(60)), "1m");
        assert_eq!(label(Interval::Secs(330)), "5.5m");
        assert_eq!(label(Interval::Secs(600)), "10m");
        assert_eq!(label(Interval::Secs(5400)), "1.5h");
        assert_eq!(label(Interval::Days(3)), "3d");
        assert_eq!(label(Interval::Days(36)), "1.2mo");
        assert_eq!(label(Interval::Days(730)), "2y");
        assert_eq!(label(Interval::Days(36_500)), "100y");
    }
}

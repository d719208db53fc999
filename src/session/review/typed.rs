//! A typed answer checked on reveal: the grader's verdict ([`crate::session::grade`]), the
//! character-level comparison ([`crate::session::compare`]), and the grade it suggests. The
//! user still chooses the grade; the suggestion only highlights a button.

use crate::scheduler::Rating;
use crate::session::compare::{Comparison, compare};
use crate::session::grade::{Grade, Strictness, grade};

/// What the screen shows about a typed answer once the answer is revealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The grader's verdict; `None` when nothing was typed (the answer is just shown).
    pub verdict: Option<Grade>,
    pub comparison: Comparison,
}

impl Checked {
    /// Checks `typed` against the card's `answer` (a cloze card's deleted text), graded with
    /// `strictness`.
    #[must_use]
    pub fn of(typed: &str, answer: &str, strictness: Strictness) -> Self {
        let comparison = compare(typed, answer);
        let verdict = (!matches!(comparison, Comparison::Untyped(_)))
            .then(|| grade(typed, answer, strictness));
        Self {
            verdict,
            comparison,
        }
    }

    /// The grade button to highlight, if something was typed.
    #[must_use]
    pub fn suggested(&self) -> Option<Rating> {
        self.verdict.map(suggested)
    }
}

/// The grade a verdict suggests: right as typed is Good; right but for accents, a typo or
/// part of a long answer is Hard (recalled, with effort or a slip); wrong is Again. Easy is
/// never suggested: how easy recall felt is the user's to say.
#[must_use]
pub fn suggested(verdict: Grade) -> Rating {
    match verdict {
        Grade::Correct => Rating::Good,
        Grade::Accents | Grade::Close | Grade::KeyWords => Rating::Hard,
        Grade::Wrong => Rating::Again,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verdict_suggests_a_grade() {
        let strictness = Strictness::default();
        // (typed, answer, verdict, suggested)
        let cases = [
            ("Paris", "Paris", Grade::Correct, Rating::Good),
            // Case and punctuation do not count for the grader, though the comparison marks them.
            ("paris", "Paris.", Grade::Correct, Rating::Good),
            ("cafe", "café", Grade::Accents, Rating::Hard),
            ("mitocondria", "mitochondria", Grade::Close, Rating::Hard),
            ("London", "Paris", Grade::Wrong, Rating::Again),
        ];
        for (typed, answer, verdict, rating) in cases {
            let checked = Checked::of(typed, answer, strictness);
            assert_eq!(checked.verdict, Some(verdict), "{typed:?}");
            assert_eq!(checked.suggested(), Some(rating), "{typed:?}");
        }
    }

    #[test]
    fn nothing_typed_has_no_verdict_and_suggests_nothing() {
        let checked = Checked::of("  ", "Paris", Strictness::default());
        assert_eq!(checked.verdict, None);
        assert_eq!(checked.suggested(), None);
        assert_eq!(checked.comparison, Comparison::Untyped("Paris".into()));
    }
}

//! FSRS-6's memory step for one answer: the stability and difficulty after it, as the `fsrs`
//! crate's `FSRS::memory_state` gives them for one review, bit for bit, at a third of the cost.
//!
//! Why not the crate itself: its step works out all three new stabilities (after a success,
//! after a lapse, the same day) with a dozen `exp`/`powf` calls, and allocates the review's
//! `Vec`, to keep one of them; replaying a million answers spent a quarter of a cold start
//! there (docs/performance.md, "FSRS's step for the one rating answered"). This works out only
//! the branch the answer takes, with the parameters' constants worked out once. The formulas
//! are FSRS-6's (the open-spaced-repetition wiki's "The Algorithm"), each written in the
//! crate's order of operations so that every `f32` rounds the same way.
//!
//! Trust, but check: [`MemoryStep::new`] compares its results with the crate's on probes
//! that bring every parameter into play and gives `None` when one differs (the crate clips
//! parameters, or changed its formulas), and the scheduler then asks the crate. The property
//! test in `memory/tests.rs` compares the two on random parameters, states and answers.

use fsrs::{FSRS, FSRSItem, FSRSReview, MemoryState};

use super::Rating;

/// The crate's limits on stability (days) and difficulty (1–10): `fsrs::simulation`'s
/// `S_MIN`, `S_MAX`, `D_MIN` and `D_MAX`.
const S_MIN: f32 = 0.001;
const S_MAX: f32 = 36_500.0;
const D_MIN: f32 = 1.0;
const D_MAX: f32 = 10.0;

/// The parameters' ranges, as the crate clips them when it is made (`FSRS::new` with one
/// relearning step and no short-term floor: `parameter_clipper::clip_parameters`).
const RANGES: [(f32, f32); 21] = [
    (S_MIN, 100.0),
    (S_MIN, 100.0),
    (S_MIN, 100.0),
    (S_MIN, 100.0),
    (D_MIN, D_MAX),
    (0.001, 4.0),
    (0.001, 4.0),
    (0.001, 0.75),
    (0.0, 4.5),
    (0.0, 0.8),
    (0.001, 3.5),
    (0.001, 5.0),
    (0.001, 0.25),
    (0.001, 0.9),
    (0.0, 4.0),
    (0.0, 1.0),
    (1.0, 6.0),
    (0.0, 2.0),
    (0.0, 2.0),
    (0.0, 0.8),
    (0.1, 0.8),
];

/// The 21 parameters FSRS schedules with, as the crate fills (17 and 19 of them: FSRS-4.5 and
/// FSRS-5) and clips them when it is made (`FSRS::new`); `None` where it refuses them (another
/// count, a value that is not finite). The crate's simulator and its forgetting curve take
/// parameters as given, so they are given these: unclipped, a negative one made the simulator
/// panic and the recall figures negative (a fresh tester's find).
#[must_use]
pub fn clipped_parameters(parameters: &[f32]) -> Option<[f32; 21]> {
    let filled = fsrs::check_and_fill_parameters(parameters).ok()?;
    let mut w = [0.0; 21];
    for ((w, &value), &(low, high)) in w.iter_mut().zip(&filled).zip(&RANGES) {
        *w = value.clamp(low, high);
    }
    Some(w)
}

/// FSRS-6's step for one set of parameters (21 of them, as `fsrs::check_and_fill_parameters`
/// gives them) and one desired retention.
#[derive(Debug, Clone)]
pub struct MemoryStep {
    w: [f32; 21],
    /// `desired_retention^(1 / decay) - 1`, by which intervals grow with stability.
    retention_term: f32,
    /// `-w[20]`, the forgetting curve's decay.
    decay: f32,
    /// The forgetting curve's factor, `0.9^(1 / decay) - 1`, as `e^(ln 0.9 / decay) - 1`.
    factor: f32,
    /// `e^w8`, the success stability's scale.
    exp_w8: f32,
    /// The initial difficulty of an Easy first answer, mean reversion's target.
    easy_difficulty: f32,
    /// `e^(w17 × w18)`, by which a lapse at least divides the stability.
    lapse_divisor: f32,
}

impl MemoryStep {
    /// The step for `w` (the parameters as [`clipped_parameters`] gives them) and
    /// `desired_retention` (0–1), if it gives what `fsrs` (made from the same parameters)
    /// gives on every probe; `None` otherwise.
    #[must_use]
    pub fn new(fsrs: &FSRS, w: [f32; 21], desired_retention: f32) -> Option<Self> {
        let decay = -w[20];
        let step = Self {
            w,
            retention_term: desired_retention.powf(1.0 / decay) - 1.0,
            decay,
            factor: (0.9f32.ln() / decay).exp() - 1.0,
            exp_w8: w[8].exp(),
            easy_difficulty: initial_difficulty(&w, 4.0),
            lapse_divisor: (w[17] * w[18]).exp(),
        };
        step.agrees_with(fsrs, desired_retention).then_some(step)
    }

    /// The memory after answering `rating` `elapsed` whole days after the last answer (none
    /// before: a first answer), or `None` where the crate's `memory_state` fails (a state that
    /// is not finite).
    #[must_use]
    pub fn after(
        &self,
        memory: Option<MemoryState>,
        elapsed: u32,
        rating: Rating,
    ) -> Option<MemoryState> {
        let next = match memory {
            None => self.first(rating),
            Some(memory) => self.review(memory, elapsed, rating),
        };
        (next.stability.is_finite() && next.difficulty.is_finite()).then_some(next)
    }

    /// The interval (days, unrounded) at which recall falls to the desired retention, for a
    /// memory of this `stability` (days): the crate's `next_interval`.
    #[must_use]
    pub fn interval(&self, stability: f32) -> f32 {
        stability / self.factor * self.retention_term
    }

    /// A first answer's memory: its initial stability and difficulty.
    fn first(&self, rating: Rating) -> MemoryState {
        MemoryState {
            stability: self.w[usize::from(u8::from(rating)) - 1].clamp(S_MIN, S_MAX),
            difficulty: initial_difficulty(&self.w, value(rating)).clamp(D_MIN, D_MAX),
        }
    }

    /// An answer to a card with a memory: the crate's `step`, the stability of the one branch
    /// it keeps.
    fn review(&self, memory: MemoryState, elapsed: u32, rating: Rating) -> MemoryState {
        let w = &self.w;
        // A stability of exactly 0 is the crate's mark of a card never answered.
        if memory.stability == 0.0 {
            return self.first(rating);
        }
        let last_s = memory.stability.clamp(S_MIN, S_MAX);
        let last_d = memory.difficulty.clamp(D_MIN, D_MAX);
        let stability = if elapsed == 0 {
            self.same_day(last_s, rating)
        } else {
            let recall = (elapsed as f32 / last_s * self.factor + 1.0).powf(self.decay);
            if rating == Rating::Again {
                self.after_lapse(last_s, last_d, recall)
            } else {
                self.after_success(last_s, last_d, recall, rating)
            }
        };
        let delta = -w[6] * (value(rating) - 3.0);
        let damped = last_d + (10.0 - last_d) * delta / 9.0;
        let difficulty = (w[7] * (self.easy_difficulty - damped) + damped).clamp(D_MIN, D_MAX);
        MemoryState {
            stability: stability.clamp(S_MIN, S_MAX),
            difficulty,
        }
    }

    fn after_success(&self, last_s: f32, last_d: f32, recall: f32, rating: Rating) -> f32 {
        let w = &self.w;
        let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
        let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
        last_s
            * (self.exp_w8
                * (11.0 - last_d)
                * last_s.powf(-w[9])
                * (((1.0 - recall) * w[10]).exp() - 1.0)
                * hard_penalty
                * easy_bonus
                + 1.0)
    }

    fn after_lapse(&self, last_s: f32, last_d: f32, recall: f32) -> f32 {
        let w = &self.w;
        let lapsed = w[11]
            * last_d.powf(-w[12])
            * ((last_s + 1.0).powf(w[13]) - 1.0)
            * ((1.0 - recall) * w[14]).exp();
        lapsed.min(last_s / self.lapse_divisor)
    }

    fn same_day(&self, last_s: f32, rating: Rating) -> f32 {
        let w = &self.w;
        let growth = (w[17] * (value(rating) - 3.0 + w[18])).exp() * last_s.powf(-w[19]);
        last_s
            * if rating == Rating::Again {
                growth
            } else {
                growth.max(1.0)
            }
    }

    /// Whether every probe gives the crate's memory, to the bit: first answers, answers the
    /// same day and days later, to new, weak and strong memories, easy and hard, and answers
    /// past the limits.
    fn agrees_with(&self, fsrs: &FSRS, desired_retention: f32) -> bool {
        const STATES: [(f32, f32); 5] = [
            (0.0, 0.0),
            (0.05, 9.7),
            (2.5, 5.0),
            (40.0, 2.2),
            (40_000.0, 11.0),
        ];
        let intervals = [S_MIN, 0.7, 3.0, 250.0, S_MAX]
            .into_iter()
            .all(|stability| {
                self.interval(stability).to_bits()
                    == fsrs
                        .next_interval(Some(stability), desired_retention, 3)
                        .to_bits()
            });
        intervals
            && Rating::ALL.into_iter().all(|rating| {
                same_bits(
                    self.after(None, 0, rating),
                    crate_after(fsrs, None, 0, rating),
                ) && STATES.iter().all(|&(stability, difficulty)| {
                    [0, 1, 3, 30, 400].into_iter().all(|elapsed| {
                        let memory = Some(MemoryState {
                            stability,
                            difficulty,
                        });
                        same_bits(
                            self.after(memory, elapsed, rating),
                            crate_after(fsrs, memory, elapsed, rating),
                        )
                    })
                })
            })
    }
}

/// The crate's memory after one answer: the reference [`MemoryStep::after`] matches.
#[must_use]
pub(super) fn crate_after(
    fsrs: &FSRS,
    memory: Option<MemoryState>,
    elapsed: u32,
    rating: Rating,
) -> Option<MemoryState> {
    let item = FSRSItem {
        reviews: vec![FSRSReview {
            rating: u32::from(u8::from(rating)),
            delta_t: elapsed,
        }],
    };
    fsrs.memory_state(item, memory).ok()
}

/// Equal to the bit (`==` would take 0.0 for -0.0).
fn same_bits(a: Option<MemoryState>, b: Option<MemoryState>) -> bool {
    let bits = |m: Option<MemoryState>| m.map(|m| (m.stability.to_bits(), m.difficulty.to_bits()));
    bits(a) == bits(b)
}

/// A rating as FSRS counts it, 1 (Again) to 4 (Easy).
fn value(rating: Rating) -> f32 {
    f32::from(u8::from(rating))
}

/// FSRS's initial difficulty for a first answer of `rating` (1–4), before clamping.
fn initial_difficulty(w: &[f32; 21], rating: f32) -> f32 {
    w[4] - (w[5] * (rating - 1.0)).exp() + 1.0
}

#[cfg(test)]
mod tests;

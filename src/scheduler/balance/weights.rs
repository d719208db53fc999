//! The weights of load balancing and easy days, Anki's (`select_weighted_interval`,
//! `calculate_easy_days_modifiers` and `calculate_sibling_modifiers` in
//! `rslib/src/scheduler/states/load_balancer.rs`), and picking a day by them with a fuzz factor.

use super::Day;

/// Each day's weight in a balanced pick, for `(days from today, cards due, easy-day share)`.
///
/// Anki's `select_weighted_interval`: a day with no card due weighs 1; one with `n` weighs
/// `(1/n)^2.15 × (1/days)^3`, which leans towards earlier days (without the second factor,
/// Anki found, balancing drifts late). Anki's `calculate_easy_days_modifiers` keeps a day at
/// 100 % and drops one at 0 %; a day in between is dropped only when its cards, scaled up by
/// its share, pass the other days' cards per unit of share (Anki's rule for its one "reduced"
/// share, 50 %, taken as the day's own share here).
///
/// Two differences from Anki, so that a day at 0 % is kept free: a dropped day weighs 0 where
/// Anki gives it 0.0001 of its weight ("almost never"), and the easy days weigh an empty day
/// too, which Anki's weight of 1 skips (so Anki puts the first card of an empty Sunday there).
/// When every day is dropped, the reduced ones come back (a Saturday at 50 % over its share
/// still takes a card before a Sunday at 0 %); when all are at 0 %, all weigh as if none were,
/// as Anki's equal 0.0001 factors do.
#[must_use]
pub fn weights(days: &[(u32, u32, f64)]) -> Vec<f64> {
    let mut kept = kept_days(days);
    if !kept.contains(&true) {
        // Reduced days over their share come back before a 0 % day does.
        kept = days.iter().map(|&(_, _, share)| share > 0.0).collect();
    }
    let any_kept = kept.contains(&true);
    days.iter()
        .zip(kept)
        .map(|(&(days, due, _), kept)| {
            let weight = if due == 0 {
                1.0
            } else {
                (1.0 / f64::from(due)).powf(2.15) * (1.0 / f64::from(days.max(1))).powi(3)
            };
            if kept || !any_kept { weight } else { 0.0 }
        })
        .collect()
}

/// How much a day weighs for being near the days `siblings` (the card's siblings) are due
/// on: Anki's `calculate_sibling_modifiers`, which keeps siblings apart while burying review
/// siblings is on. A sibling's day weighs 0.000001 of itself, a day 1 to 4 away 0.2 to 0.8,
/// further days in full; the factors of each day a sibling is due on multiply. (Anki leaves
/// an empty day's weight of 1 alone; here it is nudged as any day is.)
#[must_use]
pub fn sibling_factor(day: Day, siblings: &[Day]) -> f64 {
    let mut factor = 1.0;
    for (index, &sibling) in siblings.iter().enumerate() {
        if siblings[..index].contains(&sibling) {
            continue;
        }
        factor *= match day.abs_diff(sibling) {
            0 => 0.000_001,
            distance @ 1..=4 => 0.2 * f64::from(distance),
            _ => 1.0,
        };
    }
    factor
}

/// Which days Anki's `calculate_easy_days_modifiers` keeps (Normal) rather than drops
/// (Minimum), for `(days, cards due, share)`.
pub(super) fn kept_days(days: &[(u32, u32, f64)]) -> Vec<bool> {
    // Anki's `EasyDay::load_modifier`: 1 for a full day, 0.0001 for an empty one, the share
    // (Anki's 0.5) between.
    let modifier = |share: f64| {
        if share <= 0.0 { 0.0001 } else { share.min(1.0) }
    };
    let total_due: u32 = days.iter().map(|&(_, due, _)| due).sum();
    let total_share: f64 = days.iter().map(|&(_, _, share)| modifier(share)).sum();
    days.iter()
        .map(|&(_, due, share)| {
            if share >= 1.0 {
                return true;
            }
            if share <= 0.0 {
                return false;
            }
            let others_due = f64::from(total_due - due);
            let others_share = total_share - share;
            // A range of this day alone leaves nothing to compare with: it is kept.
            others_share <= 0.0 || f64::from(due) / share <= others_due / others_share
        })
        .collect()
}

/// The index `factor` (0 to 1) falls on when the weights are laid end to end; a day weighing 0
/// is never picked unless all do (then the first).
#[must_use]
pub fn pick(weights: &[f64], factor: f32) -> u32 {
    let total: f64 = weights.iter().sum();
    pick_at(weights, f64::from(factor) * total)
}

/// The index whose stretch of the weights laid end to end holds `target`.
fn pick_at(weights: &[f64], target: f64) -> u32 {
    let mut sum = 0.0;
    let mut last_weighed = 0;
    for (index, &weight) in weights.iter().enumerate() {
        if weight > 0.0 {
            last_weighed = index;
        }
        sum += weight;
        if target < sum {
            return u32::try_from(index).unwrap_or(0);
        }
    }
    // Rounding left the target at the very end.
    u32::try_from(last_weighed).unwrap_or(0)
}

/// [`pick`] over `len` days whose weights repeat every week (`shares`, from the first day),
/// in constant time however long the range: the weeks before the target are skipped whole.
/// Weeks of nothing but 0 % days weigh all days alike.
pub(super) fn pick_periodic(shares: &[f64; 7], len: u32, factor: f32) -> u32 {
    let shares = if shares.iter().all(|&s| s <= 0.0) {
        &[1.0; 7]
    } else {
        shares
    };
    let week: f64 = shares.iter().sum();
    let (full, rest) = (len / 7, (len % 7) as usize);
    let total = f64::from(full) * week + shares[..rest].iter().sum::<f64>();
    let target = f64::from(factor) * total;
    // Whole weeks before the target, one fewer against rounding: the target is then in the
    // next three weeks.
    let skipped = ((target / week).floor() as u32)
        .saturating_sub(1)
        .min(full.saturating_sub(1));
    let walked = (len - skipped * 7).min(21) as usize;
    let weights: Vec<f64> = (0..walked).map(|i| shares[i % 7]).collect();
    skipped * 7 + pick_at(&weights, target - f64::from(skipped) * week)
}

//! Building a test: the picked cards split among the question kinds.

use rand::seq::SliceRandom;

use super::{Item, MATCH_PAIRS};
use crate::session::Rng;
use crate::session::options::Options;
use crate::session::questions::{Term, can_choose, choice, sides, true_false, written};
use crate::store::Question as Kind;

/// How many questions a test of `options` on `terms` has: the count asked for, at most one a
/// card, and at most one matching block when that is the only kind.
#[must_use]
pub fn question_total(options: &Options, terms: &[Term]) -> usize {
    let most = match options.questions.as_slice() {
        [Kind::Matching] if can_choose(terms) => MATCH_PAIRS.min(terms.len()),
        _ => terms.len(),
    };
    options.count.clamp(1, most.max(1))
}

/// Splits the picked terms evenly among the question kinds; the matching block takes at most
/// six pairs, and needs at least two cards with different answers, the rest going to the
/// other kinds, or to written questions when there is no other.
pub(super) fn build_items(
    terms: &[Term],
    picked: &[usize],
    options: &Options,
    rng: &mut Rng,
) -> Vec<Item> {
    let kinds = &options.questions;
    let mut shares: Vec<(Kind, usize)> = kinds
        .iter()
        .map(|&k| (k, picked.len() / kinds.len()))
        .collect();
    for share in shares.iter_mut().take(picked.len() % kinds.len()) {
        share.1 += 1;
    }
    if let Some(at) = shares.iter().position(|(k, _)| *k == Kind::Matching) {
        let matching = shares[at].1;
        let allowed = if matching >= 2 && picked.len() >= 2 && can_choose(terms) {
            matching.min(MATCH_PAIRS)
        } else {
            0
        };
        let spare = matching - allowed;
        shares[at].1 = allowed;
        let others: Vec<usize> = (0..shares.len()).filter(|&i| i != at).collect();
        if others.is_empty() {
            // Nothing to match: the cards are asked in writing.
            if spare > 0 {
                shares.push((Kind::Written, spare));
            }
        } else {
            for i in 0..spare {
                shares[others[i % others.len()]].1 += 1;
            }
        }
    }
    let mut items = Vec::new();
    let mut next = picked.iter().copied();
    for (kind, count) in shares {
        let chosen: Vec<usize> = next.by_ref().take(count).collect();
        match kind {
            Kind::Matching if !chosen.is_empty() => {
                items.push(matching_block(terms, &chosen, options, rng));
            }
            Kind::Matching => {}
            _ => {
                for term in chosen {
                    items.push(Item::Single(match kind {
                        Kind::Choice => choice(terms, term, options.answer_with, rng),
                        Kind::TrueFalse => true_false(terms, term, options.answer_with, rng),
                        _ => written(terms, term, options.answer_with, rng),
                    }));
                }
            }
        }
    }
    items
}

fn matching_block(terms: &[Term], chosen: &[usize], options: &Options, rng: &mut Rng) -> Item {
    let (prompts, answers): (Vec<String>, Vec<String>) = chosen
        .iter()
        .map(|&t| sides(&terms[t], options.answer_with, rng))
        .unzip();
    let mut order: Vec<usize> = (0..answers.len()).collect();
    order.shuffle(rng);
    let shuffled: Vec<String> = order.iter().map(|&i| answers[i].clone()).collect();
    // key[prompt] = where its answer ended up.
    let key = (0..answers.len())
        .map(|i| order.iter().position(|&o| o == i).unwrap_or(0))
        .collect();
    Item::Matching {
        terms: chosen.to_vec(),
        prompts,
        answers: shuffled,
        key,
    }
}

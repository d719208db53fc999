//! The likely current card of each orphaned history: a card of the same deck, never answered
//! in review mode, whose front is closest to the old card's. Pure.
//!
//! The old front is not in the log: a card id holds its key, which is either the card's `id`
//! or a hash of its normalised front (`deck::key`). So the two kinds are matched differently:
//!
//! - An `id` (`kam-essense`) is text: it is compared with each candidate's `id` and
//!   normalised front by normalised Damerau–Levenshtein similarity (`strsim`), and suggested
//!   from [`MIN_SIMILARITY`] up.
//! - A hash (`1a54a8634013`) cannot be compared with text, but it can be recomputed: every
//!   text one edit away from a candidate's normalised front (a character deleted, inserted,
//!   replaced or two swapped, or a word removed) is hashed, and one that gives the old key is
//!   the old front, found again. A typo fixed, a letter or a word added is found this way;
//!   a front rewritten is not, and nothing is suggested rather than a guess. The similarity
//!   is then that of the two fronts; a 48-bit hash found by chance is not a concern.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use super::Study;
use crate::deck::Card;
use crate::deck::key::normalise;
use crate::store::deck_of;

/// The least similarity (0–1) at which an `id` is taken for a renamed one.
pub const MIN_SIMILARITY: f64 = 0.75;

/// An orphaned history and the card it most likely belongs to now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Successor {
    /// The orphaned history's card id.
    pub orphan: String,
    /// Its events in the log.
    pub events: usize,
    /// The likely card's id, and its front.
    pub card: String,
    pub front: String,
    /// The old front, normalised, when the old key was its hash and it was found again.
    pub old_front: Option<String>,
    /// How alike the old and the new key or front are, 0–1.
    pub similarity: f64,
}

/// A candidate a history likely belongs to: its index among the candidates given.
#[derive(Debug, Clone, PartialEq)]
pub struct Likely {
    pub candidate: usize,
    pub similarity: f64,
    /// The old front, normalised, when found again from its hash.
    pub old_front: Option<String>,
}

/// The likely current card of every orphaned history that has one, in the order of
/// [`Study::orphans`]. Waits for the history ([`Study::wait_for_history`]).
#[must_use]
pub fn successors(study: &Study) -> Vec<Successor> {
    successors_among(study, &study.orphans())
}

/// The likely current card of one orphaned history (the browser's selected row), if it has
/// one. Waits for the history ([`Study::wait_for_history`]).
#[must_use]
pub fn successor_of(study: &Study, orphan: &str) -> Option<Successor> {
    let events = study.wait_for_history().events_of(orphan);
    let orphan = crate::study::Orphan {
        card: orphan.to_owned(),
        events,
    };
    successors_among(study, std::slice::from_ref(&orphan)).pop()
}

fn successors_among(study: &Study, orphans: &[crate::study::Orphan]) -> Vec<Successor> {
    let history = study.wait_for_history();
    let mut by_deck: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (index, orphan) in orphans.iter().enumerate() {
        by_deck
            .entry(deck_of(&orphan.card))
            .or_default()
            .push(index);
    }
    let mut found = Vec::new();
    for deck in &study.collection.decks {
        let Some(indexes) = by_deck.get(deck.id.as_str()) else {
            continue;
        };
        let candidates: Vec<&Card> = deck
            .cards
            .iter()
            .filter(|card| !history.has_answers(card.id.as_str()))
            .collect();
        let keys: Vec<&str> = indexes.iter().map(|&i| key_of(&orphans[i].card)).collect();
        for (&index, likely) in indexes.iter().zip(likely_cards(&keys, &candidates)) {
            let (Some(likely), orphan) = (likely, &orphans[index]) else {
                continue;
            };
            let card = candidates[likely.candidate];
            found.push((
                index,
                Successor {
                    orphan: orphan.card.clone(),
                    events: orphan.events,
                    card: card.id.to_string(),
                    front: card.front.clone(),
                    old_front: likely.old_front,
                    similarity: likely.similarity,
                },
            ));
        }
    }
    found.sort_by_key(|(index, _)| *index);
    found.into_iter().map(|(_, successor)| successor).collect()
}

/// For each old card key (`kam`, `1a54a8634013`, `1a54a8634013~r`), the candidate it most
/// likely is now, if any: the most similar, the first in the candidates' order on a tie. The
/// candidates are the cards the histories may move to: the same deck's, never answered.
#[must_use]
pub fn likely_cards(old_keys: &[&str], candidates: &[&Card]) -> Vec<Option<Likely>> {
    let keys: Vec<(&str, &str)> = old_keys.iter().map(|key| split_suffix(key)).collect();
    let mut best: Vec<Option<Likely>> = vec![None; old_keys.len()];
    let offers = found_again(&keys, candidates)
        .into_iter()
        .chain(renamed(&keys, candidates));
    for (orphan, likely) in offers {
        if best[orphan]
            .as_ref()
            .is_none_or(|b| likely.similarity > b.similarity)
        {
            best[orphan] = Some(likely);
        }
    }
    best
}

/// Hashed keys (split from a generated suffix) found again one edit away from a candidate's
/// front, by the key's index, in the candidates' order.
fn found_again(keys: &[(&str, &str)], candidates: &[&Card]) -> Vec<(usize, Likely)> {
    let mut hashed: FxHashMap<(u64, &str), Vec<usize>> = FxHashMap::default();
    for (orphan, &(key, suffix)) in keys.iter().enumerate() {
        if let Some(hash) = parse_hash(key) {
            hashed.entry((hash, suffix)).or_default().push(orphan);
        }
    }
    if hashed.is_empty() {
        return Vec::new();
    }
    candidates
        .par_iter()
        .enumerate()
        .flat_map_iter(|(candidate, card)| {
            let text = keyed_text(card);
            let suffix = split_suffix(card.id.key()).1;
            let mut hits = Vec::new();
            one_edit_away(&text, |old| {
                if let Some(orphans) = hashed.get(&(key_hash(old), suffix)) {
                    let similarity = strsim::normalized_damerau_levenshtein(old, &text);
                    hits.extend(orphans.iter().map(|&orphan| {
                        let old_front = Some(old.to_owned());
                        (
                            orphan,
                            Likely {
                                candidate,
                                similarity,
                                old_front,
                            },
                        )
                    }));
                }
            });
            hits
        })
        .collect()
}

/// `id` keys (split from a generated suffix) close enough to a candidate's `id` or front, by
/// the key's index.
fn renamed(keys: &[(&str, &str)], candidates: &[&Card]) -> Vec<(usize, Likely)> {
    let mut found = Vec::new();
    for (orphan, &(key, suffix)) in keys.iter().enumerate() {
        if parse_hash(key).is_some() {
            continue;
        }
        let old = id_words(key);
        let alike = |new: &str| strsim::normalized_damerau_levenshtein(&old, new);
        for (candidate, card) in candidates.iter().enumerate() {
            let (new_key, new_suffix) = split_suffix(card.id.key());
            if new_suffix != suffix {
                continue;
            }
            let similarity = alike(&id_words(new_key)).max(alike(&keyed_text(card)));
            if similarity >= MIN_SIMILARITY {
                let old_front = None;
                found.push((
                    orphan,
                    Likely {
                        candidate,
                        similarity,
                        old_front,
                    },
                ));
            }
        }
    }
    found
}

/// The key part of a card id.
fn key_of(card: &str) -> &str {
    card.rsplit_once('/').map_or(card, |(_, key)| key)
}

/// A key split into its entry's key and the suffix `reverse = true` or `cloze` gave it
/// (`~r`, `~c2`; empty for the card as written).
fn split_suffix(key: &str) -> (&str, &str) {
    let entry = crate::deck::key::entry_key(key);
    (entry, &key[entry.len()..])
}

/// A key made by hashing a front: 12 lower-case hex digits (`deck::key::hashed_key`).
fn parse_hash(key: &str) -> Option<u64> {
    let hex = key.len() == 12 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| u64::from_str_radix(key, 16).ok()).flatten()
}

/// The hash `deck::key::hashed_key` gives a front that normalises to `text`, as a number:
/// the low 48 bits of XXH3-64 (a test checks the two agree).
fn key_hash(text: &str) -> u64 {
    xxh3_64(text.as_bytes()) & 0xffff_ffff_ffff
}

/// The normalised text a card's key would hash: its front, for a reversed card its forward
/// card's front (its back), for a cloze card its cloze text.
fn keyed_text(card: &Card) -> String {
    normalise(match &card.cloze {
        Some(cloze) => &cloze.text,
        None if card.reversed => &card.back,
        None => &card.front,
    })
}

/// An `id` as words, to compare with another or with a normalised front: `kam-essence`,
/// `kam_essence` and `KAM.essence` are all `kam essence`.
fn id_words(id: &str) -> String {
    normalise(&id.replace(['-', '_', '.'], " "))
}

/// Calls `visit` with `text`, then with every text one edit away: a character deleted,
/// replaced or inserted (from `text`'s own characters, the ASCII letters and digits, and the
/// space), two neighbours swapped, or a word removed.
fn one_edit_away(text: &str, mut visit: impl FnMut(&str)) {
    visit(text);
    if text.is_empty() {
        return;
    }
    let mut alphabet: Vec<char> = text
        .chars()
        .chain('a'..='z')
        .chain('0'..='9')
        .chain([' '])
        .collect();
    alphabet.sort_unstable();
    alphabet.dedup();
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut buffer = String::with_capacity(text.len() + 8);
    let mut emit = |parts: &[&str], visit: &mut dyn FnMut(&str)| {
        buffer.clear();
        for part in parts {
            buffer.push_str(part);
        }
        visit(&buffer);
    };
    let mut char_text = [0u8; 4];
    for (index, &at) in bounds.iter().enumerate() {
        let (head, tail) = text.split_at(at);
        for &c in &alphabet {
            emit(&[head, c.encode_utf8(&mut char_text), tail], &mut visit);
        }
        let Some(&next) = bounds.get(index + 1) else {
            continue;
        };
        let rest = &text[next..];
        emit(&[head, rest], &mut visit);
        for &c in &alphabet {
            emit(&[head, c.encode_utf8(&mut char_text), rest], &mut visit);
        }
        if let Some(&after) = bounds.get(index + 2) {
            emit(
                &[head, &text[next..after], &text[at..next], &text[after..]],
                &mut visit,
            );
        }
    }
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > 1 {
        for skipped in 0..words.len() {
            let kept: Vec<&str> = (0..words.len())
                .filter(|&i| i != skipped)
                .map(|i| words[i])
                .collect();
            emit(&[&kept.join(" ")], &mut visit);
        }
    }
}

#[cfg(test)]
mod tests;

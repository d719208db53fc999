//! Trouble cards: the leeches (as the scheduler marks them, `CardState::leech`, set by
//! `leech_threshold_met` in `src/scheduler.rs`, Anki's rule in
//! `rslib/src/scheduler/answering/mod.rs`), the cards answered Again most often in
//! the last [`AGAIN_DAYS`] days, and the pairs most often confused in Learn and the practice
//! test: the card asked and the card whose answer was picked instead (the log's `chosen`).

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::practice::Mode;
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{Calendar, CardState, Day, Rating};
use crate::store::{Answer, Confused};

/// Days "the last days" of the Again list cover: today and the 29 before.
pub const AGAIN_DAYS: i32 = 30;
/// Longest each list is.
pub const TROUBLE_LIST: usize = 20;

/// The three lists, worst first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trouble {
    /// The first day the Again counts cover.
    pub since: Option<NaiveDate>,
    /// Leeches, most lapses first.
    pub leeches: Vec<TroubleCard>,
    /// Cards with an Again in review mode in the last [`AGAIN_DAYS`] days, most first.
    pub most_again: Vec<TroubleCard>,
    /// Pairs confused in Learn and the test, most often first.
    pub confused: Vec<ConfusedPair>,
}

/// A card on a trouble list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TroubleCard {
    pub card: String,
    /// Its deck's id; none for a card whose deck was deleted.
    pub deck: Option<String>,
    /// Its front, as the deck has it (empty when its deck was deleted).
    pub front: String,
    /// Times a review card was forgotten, ever.
    pub lapses: u32,
    /// Answers Again in review mode in the last [`AGAIN_DAYS`] days.
    pub again: usize,
    /// The day of the last of them.
    pub last_again: Option<NaiveDate>,
    pub leech: bool,
    pub suspended: bool,
}

/// A card asked, and another card whose answer was picked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfusedPair {
    pub card: String,
    pub front: String,
    /// The card whose answer was picked.
    pub chosen: String,
    pub chosen_front: String,
    /// Times, in Learn and in the test.
    pub count: usize,
    pub learn: usize,
    pub test: usize,
    /// The day of the last time.
    pub last: Option<NaiveDate>,
}

/// What one card's walk found, kept only when it is on a list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    /// Its index in the cards walked.
    pub index: usize,
    pub lapses: u32,
    pub again: usize,
    pub last_again: Option<Day>,
    pub leech: bool,
    pub suspended: bool,
}

/// The card's candidate, if it is a leech or was answered Again lately.
pub(crate) fn candidate(
    index: usize,
    state: &CardState,
    answers: &[Answer],
    today: Day,
) -> Option<Candidate> {
    let recent =
        |a: &&Answer| a.rating == Rating::Again && (0..AGAIN_DAYS).contains(&(today - a.day));
    let again = answers.iter().filter(recent).count();
    (state.leech || again > 0).then(|| Candidate {
        index,
        lapses: state.lapses,
        again,
        last_again: answers.iter().filter(recent).map(|a| a.day).max(),
        leech: state.leech,
        suspended: state.suspended,
    })
}

/// How a card id shows on a list: its deck and front.
pub(crate) trait Describe {
    /// (deck id, front) of a card; none for one no deck has.
    fn describe(&self, card: &str) -> Option<(String, String)>;
}

/// The lists from the walk's candidates (`cards` are the cards walked) and the log's picks.
pub(crate) fn finish<'a>(
    mut candidates: Vec<Candidate>,
    cards: &[&str],
    confusions: impl Iterator<Item = Confused<'a>>,
    calendar: Calendar,
    today: Day,
    describe: &impl Describe,
) -> Trouble {
    let card_of = |c: &Candidate| {
        let card = cards[c.index];
        let (deck, front) = describe.describe(card).unzip();
        TroubleCard {
            card: card.to_owned(),
            deck,
            front: front.unwrap_or_default(),
            lapses: c.lapses,
            again: c.again,
            last_again: c.last_again.and_then(date_of_day),
            leech: c.leech,
            suspended: c.suspended,
        }
    };
    // Ties: the later last Again, then the card id, so the order never depends on threads.
    candidates.sort_by(|a, b| {
        b.lapses
            .cmp(&a.lapses)
            .then_with(|| cards[a.index].cmp(cards[b.index]))
    });
    let leeches = candidates
        .iter()
        .filter(|c| c.leech)
        .take(TROUBLE_LIST)
        .map(card_of)
        .collect();
    candidates.sort_by(|a, b| {
        b.again
            .cmp(&a.again)
            .then_with(|| b.last_again.cmp(&a.last_again))
            .then_with(|| cards[a.index].cmp(cards[b.index]))
    });
    let most_again = candidates
        .iter()
        .filter(|c| c.again > 0)
        .take(TROUBLE_LIST)
        .map(card_of)
        .collect();
    Trouble {
        since: date_of_day(today - (AGAIN_DAYS - 1)),
        leeches,
        most_again,
        confused: confused(cards, confusions, calendar, describe),
    }
}

/// The pairs picked among `cards` (the card asked is one of them), most often first.
fn confused<'a>(
    cards: &[&str],
    confusions: impl Iterator<Item = Confused<'a>>,
    calendar: Calendar,
    describe: &impl Describe,
) -> Vec<ConfusedPair> {
    let confusions: Vec<Confused<'a>> = confusions.collect();
    if confusions.is_empty() {
        return Vec::new();
    }
    let selected: FxHashSet<&str> = cards.iter().copied().collect();
    // (learn, test, last day) per (card, chosen).
    let mut pairs: FxHashMap<(&str, &str), (usize, usize, Day)> = FxHashMap::default();
    for pick in confusions {
        // A card whose deck was deleted is in no figure (`docs/stats.md`), a pick of its
        // answer included.
        if !selected.contains(pick.card)
            || pick.card == pick.chosen
            || describe.describe(pick.chosen).is_none()
        {
            continue;
        }
        let counts = pairs
            .entry((pick.card, pick.chosen))
            .or_insert((0, 0, Day::MIN));
        match pick.mode {
            Mode::Learn => counts.0 += 1,
            Mode::Test => counts.1 += 1,
            _ => continue,
        }
        counts.2 = counts.2.max(calendar.day(pick.time));
    }
    let mut list: Vec<ConfusedPair> = pairs
        .into_iter()
        .filter(|(_, (learn, test, _))| learn + test > 0)
        .map(|((card, chosen), (learn, test, last))| ConfusedPair {
            card: card.to_owned(),
            front: describe.describe(card).map(|d| d.1).unwrap_or_default(),
            chosen: chosen.to_owned(),
            chosen_front: describe.describe(chosen).map(|d| d.1).unwrap_or_default(),
            count: learn + test,
            learn,
            test,
            last: date_of_day(last),
        })
        .collect();
    list.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| b.last.cmp(&a.last))
            .then_with(|| (&a.card, &a.chosen).cmp(&(&b.card, &b.chosen)))
    });
    list.truncate(TROUBLE_LIST);
    list
}

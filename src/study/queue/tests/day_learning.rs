//! Anki's day-learning queue: cards on a learning step of a day or more are gathered after the
//! intraday learning cards and before the reviews, count against the review limit, show in
//! the learning count, and are mixed among the reviews by `interday_learning_mix`
//! (`rslib/src/scheduler/queue/builder/gathering.rs` and `mod.rs`).

use super::*;
use crate::scheduler::DayLearningMix;
use crate::study::queue::evenly;

/// Cards c0 and c1 answered Good yesterday on learning steps `["10m", "1d"]` (to the 1-day step:
/// due from today's rollover), c2 answered Again five minutes ago (intraday: due in five
/// minutes), and c3..c6 review cards due today.
fn study(mix: DayLearningMix, reviews_per_day: u32) -> Study {
    let settings = Settings {
        fuzz: false,
        learning_steps: vec![600, 86_400],
        reviews_per_day,
        day_learning_mix: mix,
        ..Settings::default()
    };
    let mut events = Vec::new();
    for card in ["d/c0", "d/c1"] {
        events.push(review(&format!("{card}a"), card, Rating::Good, at(-1)));
    }
    events.push(review(
        "c2a",
        "d/c2",
        Rating::Again,
        at(0) - Duration::minutes(5),
    ));
    for (i, card) in ["d/c3", "d/c4", "d/c5", "d/c6"].into_iter().enumerate() {
        events.push(review(&format!("{card}a"), card, Rating::Easy, at(-30)));
        let id = format!("{card}s");
        events.push(set_due(&id, card, -30, 0, 10 + u32::try_from(i).unwrap()));
    }
    study_with(7, settings, &events, at(0))
}

fn ids(list: &VecDeque<Box<str>>) -> Vec<&str> {
    list.iter().map(AsRef::as_ref).collect()
}

#[test]
fn a_one_day_step_puts_the_card_in_day_learning_not_intraday_learning() {
    let study = study(DayLearningMix::Mix, 200);
    let queue = Queue::build(&study, &[0], at(0));
    assert_eq!(ids(&queue.day_learning), ["d/c0", "d/c1"]);
    let intraday: Vec<&str> = queue.learning.iter().map(|(_, id)| id.as_ref()).collect();
    assert_eq!(intraday, ["d/c2"]);
    assert_eq!(queue.reviews.len(), 4);
    // The learning count holds both kinds; the review count the reviews alone.
    let counts = queue.counts(at(0), study.learn_ahead_end(at(0)));
    assert_eq!((counts.learning, counts.review), (3, 4));
}

#[test]
fn day_learning_cards_count_against_the_review_limit() {
    // A limit of 3: the two day-learning cards, then one review.
    let study = study(DayLearningMix::Mix, 3);
    let queue = Queue::build(&study, &[0], at(0));
    assert_eq!(ids(&queue.day_learning), ["d/c0", "d/c1"]);
    assert_eq!(queue.reviews.len(), 1);
    // Answering one of them uses up one review of the day, as a review does.
    let answered = {
        let mut study = study;
        let event = review("c0b", "d/c0", Rating::Good, at(0) + Duration::minutes(1));
        study.record(event.to_event(), None);
        study
    };
    let queue = Queue::build(&answered, &[0], at(0) + Duration::minutes(2));
    assert_eq!(ids(&queue.day_learning), ["d/c1"]);
    assert_eq!(queue.reviews.len(), 1, "3 − 1 answered − 1 day learning");
}

/// The order the day-learning and review cards are shown in, `L` and `R`, once the intraday
/// card is out of the way (learn-ahead ends before it is due).
fn shown(mix: DayLearningMix) -> String {
    let study = study(mix, 200);
    let mut queue = Queue::build(&study, &[0], at(0));
    queue.learning.clear();
    let mut order = String::new();
    while let Some((_, origin)) = queue.next(at(0), at(0)) {
        order.push(match origin {
            Origin::DayLearning => 'L',
            Origin::Review => 'R',
            _ => '?',
        });
    }
    order
}

#[test]
fn interday_learning_mix_puts_them_first_last_or_among_the_reviews() {
    assert_eq!(shown(DayLearningMix::LearningFirst), "LLRRRR");
    assert_eq!(shown(DayLearningMix::ReviewsFirst), "RRRRLL");
    // Two among four, evenly: each after the review it is behind in proportion.
    assert_eq!(shown(DayLearningMix::Mix), "RLRRLR");
}

/// Spreads `two` into `one` with [`evenly`], as the queue takes its next card.
fn spread(one: &[u32], two: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < one.len() || j < two.len() {
        let take_two =
            j < two.len() && (i == one.len() || evenly((j, two.len() - j), (i, one.len() - i)));
        if take_two {
            out.push(two[j]);
            j += 1;
        } else {
            out.push(one[i]);
            i += 1;
        }
    }
    out
}

/// The sequences of Anki's own test of its `Intersperser` (`interspersing` in
/// `rslib/src/scheduler/queue/builder/intersperser.rs`).
#[test]
fn cards_are_spread_as_anki_s_intersperser_spreads_them() {
    let a = [1, 2, 3];
    assert_eq!(spread(&a, &[11, 22, 33]), [1, 11, 2, 22, 3, 33]);
    assert_eq!(spread(&a, &[11, 22]), [1, 11, 2, 22, 3]);
    assert_eq!(
        spread(&a, &[11, 22, 33, 44, 55, 66]),
        [11, 1, 22, 33, 2, 44, 55, 3, 66]
    );
    assert_eq!(
        spread(&a, &[11, 22, 33, 44, 55, 66, 77, 88]),
        [11, 22, 1, 33, 44, 2, 55, 66, 3, 77, 88]
    );
    assert_eq!(spread(&a, &[]), [1, 2, 3]);
}

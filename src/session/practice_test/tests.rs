use chrono::DateTime;

use super::*;
use crate::session::questions::Term;
use crate::session::questions::sample_terms;
use crate::store::{EventKind, Question as Kind};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

fn test_of(n: usize, count: usize) -> PracticeTest {
    PracticeTest::new(
        "D".into(),
        sample_terms(n),
        Options {
            count,
            ..Options::for_test(n)
        },
        vec!["d".into()],
        5,
    )
}

/// Where the first single question asked as `kind` says is.
fn first_single(t: &PracticeTest, kind: impl Fn(&Ask) -> bool) -> usize {
    t.items
        .iter()
        .position(|item| matches!(item, Item::Single(q) if kind(&q.ask)))
        .unwrap()
}

fn kinds(t: &PracticeTest) -> Vec<&'static str> {
    t.items
        .iter()
        .map(|item| match item {
            Item::Matching { .. } => "match",
            Item::Single(q) => match q.ask {
                Ask::Written => "written",
                Ask::Choice { .. } => "choice",
                Ask::TrueFalse { .. } => "true_false",
            },
        })
        .collect()
}

/// Answers every item right.
fn answer_all(t: &mut PracticeTest) {
    for i in 0..t.items.len() {
        t.position = i;
        match t.items[i].clone() {
            Item::Single(q) => match q.ask {
                Ask::Written => {
                    for c in q.answer.chars() {
                        t.type_char(c);
                    }
                }
                Ask::Choice { correct, .. } => t.choose(correct + 1),
                Ask::TrueFalse { is_true, .. } => t.choose(if is_true { 1 } else { 2 }),
            },
            Item::Matching { key, .. } => {
                t.row = 0;
                for k in key {
                    t.choose(k + 1);
                }
            }
        }
    }
    t.position = t.items.len();
}

#[test]
fn twenty_questions_split_evenly_with_a_matching_block_of_at_most_six() {
    let t = test_of(30, 20);
    assert_eq!(t.question_count(), 20);
    let k = kinds(&t);
    assert_eq!(k.iter().filter(|&&k| k == "written").count(), 5);
    assert_eq!(k.iter().filter(|&&k| k == "choice").count(), 5);
    assert_eq!(k.iter().filter(|&&k| k == "true_false").count(), 5);
    assert_eq!(k.iter().filter(|&&k| k == "match").count(), 1);
    let Some(Item::Matching { prompts, .. }) =
        t.items.iter().find(|i| matches!(i, Item::Matching { .. }))
    else {
        panic!()
    };
    assert_eq!(prompts.len(), 5);
}

#[test]
fn a_big_share_for_matching_is_capped_at_six_pairs() {
    let t = PracticeTest::new(
        "D".into(),
        sample_terms(40),
        Options {
            count: 40,
            ..Options::for_test(40)
        },
        vec![],
        1,
    );
    assert_eq!(t.question_count(), 40);
    let Some(Item::Matching { prompts, .. }) =
        t.items.iter().find(|i| matches!(i, Item::Matching { .. }))
    else {
        panic!()
    };
    assert_eq!(prompts.len(), 6);
}

#[test]
fn a_matching_only_test_is_one_block_of_at_most_six_pairs() {
    let options = Options {
        questions: vec![Kind::Matching],
        ..Options::for_test(30)
    };
    let t = PracticeTest::new("D".into(), sample_terms(30), options, vec![], 2);
    assert_eq!(t.items.len(), 1);
    assert_eq!(t.question_count(), MATCH_PAIRS);
}

#[test]
fn the_count_is_at_most_the_deck_size() {
    assert_eq!(test_of(3, 20).question_count(), 3);
}

#[test]
fn all_right_scores_100_and_records_a_result() {
    let mut t = test_of(12, 12);
    answer_all(&mut t);
    assert!(t.on_submit_page());
    let events = t.submit(now());
    let report = t.report.clone().unwrap();
    assert_eq!((report.score, report.right, report.total), (100, 12, 12));
    assert!(report.wrong.is_empty());
    assert_eq!(events.len(), 13, "12 answers and a result");
    let NewKind::Result {
        mode,
        score,
        questions,
        ..
    } = &events[12].kind
    else {
        panic!()
    };
    assert_eq!(
        (mode.as_ref(), *score, *questions),
        ("test", Some(100), Some(12))
    );
    assert!(t.retake_missed().is_none());
    assert!(t.submit(now()).is_empty(), "once");
}

#[test]
fn wrong_answers_are_listed_beside_the_right_ones_and_can_be_retaken() {
    let mut t = test_of(8, 8);
    answer_all(&mut t);
    // Spoil the first written answer and leave the first choice unanswered.
    let written_at = first_single(&t, |ask| matches!(ask, Ask::Written));
    t.responses[written_at] = Response::Text("Atlantis".into());
    let choice_at = first_single(&t, |ask| matches!(ask, Ask::Choice { .. }));
    t.responses[choice_at] = Response::Empty;
    let events = t.submit(now());
    let report = t.report.clone().unwrap();
    assert_eq!((report.right, report.total, report.score), (6, 8, 75));
    assert_eq!(report.wrong.len(), 2);
    assert!(
        report
            .wrong
            .iter()
            .any(|w| w.given == Answer::Typed("Atlantis".into()))
    );
    assert!(report.wrong.iter().any(|w| w.given == Answer::Nothing));
    let wrong_answers = events
        .iter()
        .filter(|e| {
            matches!(
                &e.kind,
                EventKind::Review {
                    rating: Rating::Again,
                    ..
                }
            )
        })
        .count();
    assert_eq!(wrong_answers, 2);
    let retake = t.retake_missed().unwrap();
    assert_eq!(retake.question_count(), 2);
}

#[test]
fn moving_freely_and_typing_only_in_written_questions() {
    let mut t = test_of(8, 8);
    t.previous();
    assert_eq!(t.position, 0);
    for _ in 0..20 {
        t.next();
    }
    assert!(t.on_submit_page());
    t.previous();
    assert_eq!(t.position, t.items.len() - 1);
    t.position = first_single(&t, |ask| matches!(ask, Ask::Choice { .. }));
    assert!(!t.typing());
    t.type_char('x');
    assert_eq!(t.responses[t.position], Response::Empty);
}

#[test]
fn one_count_everywhere_the_matching_block_numbers_its_pairs() {
    // 11 questions on 4 kinds: 3 written, 3 choice, 3 true/false, a block of 2 pairs.
    let mut t = test_of(30, 11);
    assert_eq!(t.question_count(), 11);
    let block = t
        .items
        .iter()
        .position(|i| matches!(i, Item::Matching { .. }))
        .unwrap();
    assert_eq!(t.items.len(), 10, "ten items, one of them two pairs");
    assert_eq!(t.numbers_of(0), 1..=1);
    assert_eq!(t.numbers_of(block), 10..=11);
    assert_eq!(t.unanswered().len(), 11);
    answer_all(&mut t);
    t.submit(now());
    let report = t.report.as_ref().unwrap();
    assert_eq!((report.right, report.total), (11, 11));
}

#[test]
fn the_unanswered_questions_are_named_by_number_and_finish_submits_when_none_are_left() {
    let mut t = test_of(12, 12);
    answer_all(&mut t);
    t.position = 0;
    let block = t
        .items
        .iter()
        .position(|i| matches!(i, Item::Matching { .. }))
        .unwrap();
    let first_pair = *t.numbers_of(block).start();
    t.responses[1] = Response::Text("  ".into());
    if let Response::Matching(picks) = &mut t.responses[block] {
        picks[1] = None;
    }
    assert_eq!(t.unanswered(), [2, first_pair + 1]);
    assert!(t.has_answers());
    assert!(
        t.finish(now()).is_empty(),
        "questions left: the submit page"
    );
    assert!(t.on_submit_page());
    t.responses[1] = Response::Text("Capital0".into());
    if let Response::Matching(picks) = &mut t.responses[block] {
        picks[1] = Some(0);
    }
    t.position = 0;
    t.responses = t.responses.clone();
    let events = t.finish(now());
    assert!(!events.is_empty(), "everything answered: submitted at once");
    assert!(t.report.is_some());
}

#[test]
fn the_report_says_what_a_true_false_question_claimed_and_what_was_right() {
    let mut t = PracticeTest::new(
        "D".into(),
        sample_terms(6),
        Options {
            count: 6,
            questions: vec![Kind::TrueFalse],
            ..Options::for_test(6)
        },
        vec![],
        9,
    );
    // Every claim answered the wrong way round.
    for i in 0..t.items.len() {
        t.position = i;
        let Item::Single(Question {
            ask: Ask::TrueFalse { is_true, .. },
            ..
        }) = t.items[i].clone()
        else {
            panic!()
        };
        t.choose(if is_true { 2 } else { 1 });
    }
    t.submit(now());
    let report = t.report.clone().unwrap();
    assert_eq!(report.wrong.len(), 6);
    for (wrong, item) in report.wrong.iter().zip(&t.items) {
        let Item::Single(q) = item else { panic!() };
        let Ask::TrueFalse { shown, is_true } = &q.ask else {
            panic!()
        };
        assert_eq!(wrong.shown.as_ref(), Some(shown));
        // Said false to a true claim, or true to a false one, whose card answer is kept.
        assert_eq!(wrong.given, Answer::Truth(!is_true));
        assert_eq!(wrong.expected, Answer::Truth(*is_true));
        assert_eq!(wrong.answer, (!is_true).then(|| q.answer.clone()));
    }
    assert_eq!(
        report.wrong.iter().map(|w| w.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn a_one_card_test_is_written_whatever_kinds_are_on() {
    for asked in [
        vec![Kind::Choice, Kind::TrueFalse, Kind::Matching],
        vec![Kind::Matching],
    ] {
        let t = PracticeTest::new(
            "D".into(),
            sample_terms(1),
            Options {
                questions: asked,
                ..Options::for_test(1)
            },
            vec![],
            3,
        );
        assert_eq!(kinds(&t), ["written"]);
    }
}

#[test]
fn a_matching_only_test_counts_at_most_six_before_it_starts() {
    let terms = sample_terms(30);
    let options = Options {
        count: 20,
        questions: vec![Kind::Matching],
        ..Options::for_test(30)
    };
    assert_eq!(question_total(&options, &terms), 6);
    let few: Vec<Term> = sample_terms(1);
    assert_eq!(question_total(&options, &few), 1);
}

#[test]
fn a_test_in_progress_reads_back_as_it_was_left() {
    let mut t = test_of(12, 12);
    answer_all(&mut t);
    t.position = 3;
    let json = serde_json::to_string(&t).unwrap();
    let back: PracticeTest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t);
}

#[test]
fn written_answers_right_but_for_accents_or_a_typo_are_listed_with_the_spelling() {
    let terms = vec![
        Term {
            id: "d/cafe".into(),
            front: "cafe (French)".into(),
            back: "café".into(),
        },
        Term {
            id: "d/key".into(),
            front: "key".into(),
            back: "かぎ".into(),
        },
    ];
    let mut t = PracticeTest::new(
        "D".into(),
        terms,
        Options {
            count: 2,
            questions: vec![Kind::Written],
            ..Options::for_test(2)
        },
        vec![],
        1,
    );
    for i in 0..2 {
        let Item::Single(q) = &t.items[i] else {
            panic!()
        };
        t.responses[i] = Response::Text(
            if q.answer == "café" {
                "cafe"
            } else {
                "かき"
            }
            .into(),
        );
    }
    t.submit(now());
    let report = t.report.unwrap();
    assert_eq!((report.right, report.total), (1, 2));
    assert_eq!(report.near.len(), 1);
    assert_eq!(
        (&report.near[0].given, &report.near[0].expected),
        (&Answer::Typed("cafe".into()), &Answer::Card("café".into()))
    );
    assert_eq!(report.wrong[0].given, Answer::Typed("かき".into()));
}

/// The cards each question asks about, in the order the test asks them.
fn asked_terms(t: &PracticeTest) -> Vec<usize> {
    t.items
        .iter()
        .flat_map(|item| match item {
            Item::Single(q) => vec![q.term],
            Item::Matching { terms, .. } => terms.clone(),
        })
        .collect()
}

#[test]
fn shuffle_off_asks_the_cards_in_deck_order() {
    let options = |shuffle, count| Options {
        shuffle,
        count,
        ..Options::for_test(12)
    };
    let test = |options| PracticeTest::new("D".into(), sample_terms(12), options, vec![], 5);
    assert_eq!(
        asked_terms(&test(options(false, 12))),
        (0..12).collect::<Vec<_>>()
    );
    // Fewer questions than cards: the first cards of the deck.
    assert_eq!(asked_terms(&test(options(false, 5))), [0, 1, 2, 3, 4]);
    let mut shuffled = asked_terms(&test(options(true, 12)));
    assert_ne!(
        shuffled,
        (0..12).collect::<Vec<_>>(),
        "shuffle on still shuffles"
    );
    shuffled.sort_unstable();
    assert_eq!(shuffled, (0..12).collect::<Vec<_>>());
}

/// A wrong option and a matching pair given the wrong answer record the card whose answer
/// was picked; the written answers, right or wrong, record none.
#[test]
fn wrong_picks_record_the_card_whose_answer_was_chosen() {
    let mut t = test_of(8, 8);
    answer_all(&mut t);
    let choice_at = first_single(&t, |ask| matches!(ask, Ask::Choice { .. }));
    let Item::Single(Question {
        term,
        ask: Ask::Choice { options, correct },
        ..
    }) = t.items[choice_at].clone()
    else {
        panic!()
    };
    let wrong = (correct + 1) % options.len();
    t.responses[choice_at] = Response::Choice(wrong);
    // The sample terms answer "Capital{i}": the option names its own card.
    let owner = format!("d/c{}", options[wrong].trim_start_matches("Capital"));
    let events = t.submit(now());
    let picks: Vec<(String, Option<String>)> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Review { chosen, .. } => Some((
                e.card.clone().unwrap(),
                chosen.as_deref().map(str::to_owned),
            )),
            _ => None,
        })
        .filter(|(_, chosen)| chosen.is_some())
        .collect();
    assert_eq!(picks, [(format!("d/c{term}"), Some(owner))]);
}

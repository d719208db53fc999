use chrono::DateTime;

use super::*;
use crate::session::questions::sample_terms;
use crate::store::EventKind;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

/// Learn on `n` unseen terms, waiting for Enter after every answer.
fn learn(n: usize) -> Learn {
    learn_at(vec![LearnLevel::Unseen; n], false)
}

/// Learn on as many terms as `levels`, at those levels.
fn learn_at(levels: Vec<LearnLevel>, auto_advance: bool) -> Learn {
    let options = Options {
        questions: vec![Kind::Choice, Kind::Written],
        auto_advance,
        ..Options::default()
    };
    Learn::new("D".into(), sample_terms(levels.len()), levels, options, 7)
}

/// Two terms, the second already mastered: a round asks the first only.
fn learn_one_of_two() -> Learn {
    learn_at(vec![LearnLevel::Unseen, LearnLevel::Mastered], false)
}

/// The 1-based number of the right option, or of a wrong one.
fn option(learn: &Learn, right: bool) -> usize {
    let Some(Asked {
        question:
            Question {
                ask: Ask::Choice { options, correct },
                ..
            },
        ..
    }) = &learn.current
    else {
        panic!("not a choice: {:?}", learn.current)
    };
    if right {
        correct + 1
    } else {
        (correct + 1) % options.len() + 1
    }
}

#[test]
fn a_round_has_seven_terms_asked_first_as_choices() {
    let mut l = learn(10);
    assert_eq!(l.stage, Stage::Asking);
    let mut asked = Vec::new();
    while l.stage == Stage::Asking {
        let term = l.current.as_ref().unwrap().question.term;
        asked.push(term);
        let events = l.choose(option(&l, true), now());
        assert_eq!(events.len(), 1);
        let EventKind::Review {
            rating,
            mode,
            question,
            ..
        } = &events[0].kind
        else {
            panic!()
        };
        assert_eq!(
            (*rating, mode.as_ref(), question.as_deref()),
            (Rating::Good, "learn", Some("choice"))
        );
        l.proceed();
    }
    assert_eq!(asked.len(), ROUND);
    assert_eq!(l.progress(), (3, 7, 0));
    assert!(l.missed.is_empty());
}

#[test]
fn a_miss_comes_back_later_in_the_same_round() {
    let mut l = learn(3);
    let first = l.current.as_ref().unwrap().question.term;
    let events = l.choose(option(&l, false), now());
    let EventKind::Review { rating, .. } = &events[0].kind else {
        panic!()
    };
    assert_eq!(*rating, Rating::Again);
    assert!(!l.current.as_ref().unwrap().outcome.as_ref().unwrap().right);
    let mut order = vec![first];
    l.proceed();
    while l.stage == Stage::Asking {
        order.push(l.current.as_ref().unwrap().question.term);
        l.choose(option(&l, true), now());
        l.proceed();
    }
    assert_eq!(order.len(), 4, "three terms plus the missed one again");
    assert_eq!(order[3], first);
    assert_eq!(l.missed, [first]);
}

#[test]
fn familiar_terms_are_written_next_round_and_a_right_answer_masters_them() {
    let mut l = learn_one_of_two();
    l.choose(option(&l, true), now());
    l.proceed();
    assert_eq!(l.stage, Stage::RoundOver);
    l.proceed();
    assert!(l.typing(), "a familiar term is written");
    for c in "capitl0".chars() {
        l.type_char(c);
    }
    let events = l.submit(now());
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert!(outcome.right);
    assert_eq!(
        outcome.grade,
        Some(Grade::Close),
        "a typo is accepted and the spelling shown"
    );
    let EventKind::Review { question, .. } = &events[0].kind else {
        panic!()
    };
    assert_eq!(question.as_deref(), Some("written"));
    l.proceed();
    l.proceed();
    assert_eq!(l.stage, Stage::Done);
    assert_eq!(l.progress(), (0, 0, 2));
}

#[test]
fn i_was_right_overrides_a_wrong_written_answer() {
    let mut l = learn_one_of_two();
    l.choose(option(&l, true), now());
    l.proceed();
    l.proceed();
    for c in "the capital city".chars() {
        l.type_char(c);
    }
    let wrong = l.submit(now());
    assert!(
        l.current
            .as_ref()
            .unwrap()
            .outcome
            .as_ref()
            .unwrap()
            .overridable
    );
    let events = l.override_right(now());
    assert_eq!(events.len(), 2);
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert!(
        outcome.right && outcome.marked == Marked::ByUser,
        "counted as right, and the answer stays on screen"
    );
    assert_eq!(
        events[0].kind,
        NewKind::Undo {
            target: wrong[0].id.clone().into()
        }
    );
    let EventKind::Review { rating, .. } = &events[1].kind else {
        panic!()
    };
    assert_eq!(*rating, Rating::Good);
    assert!(l.missed.is_empty());
    l.proceed();
    assert_eq!(
        l.stage,
        Stage::RoundOver,
        "the overridden term is not asked again"
    );
    assert_eq!(l.progress(), (0, 0, 2));
    assert!(l.override_right(now()).is_empty(), "only once");
}

#[test]
fn dont_know_shows_the_answer_and_asks_again() {
    let mut l = learn(2);
    let first = l.current.as_ref().unwrap().question.term;
    let events = l.dont_know(now());
    assert_eq!(events.len(), 1);
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert!(!outcome.right && outcome.marked == Marked::DontKnow);
    assert!(l.dont_know(now()).is_empty(), "already answered");
    l.proceed();
    l.choose(option(&l, true), now());
    l.proceed();
    assert_eq!(l.current.as_ref().unwrap().question.term, first);
}

#[test]
fn typing_only_goes_into_written_answers() {
    let mut l = learn(2);
    assert!(!l.typing());
    l.type_char('x');
    assert!(l.current.as_ref().unwrap().input.is_empty());
    assert!(l.submit(now()).is_empty());
}

#[test]
fn a_fully_mastered_deck_is_done_at_once() {
    let options = Options::default();
    let l = Learn::new(
        "D".into(),
        sample_terms(2),
        vec![LearnLevel::Mastered; 2],
        options,
        1,
    );
    assert_eq!(l.stage, Stage::Done);
}

#[test]
fn a_right_answer_moves_on_by_itself_and_a_miss_waits() {
    let mut l = learn_at(vec![LearnLevel::Unseen; 3], true);
    let first = l.current.as_ref().unwrap().question.clone();
    l.choose(option(&l, true), now());
    let asked = l.current.as_ref().unwrap();
    assert!(asked.outcome.is_none(), "the next question, at once");
    assert_ne!(asked.question.term, first.term);
    assert_eq!(
        l.passed,
        Some(Passed {
            prompt: first.prompt,
            answer: first.answer
        })
    );
    l.choose(option(&l, false), now());
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert!(!outcome.right, "a miss stays on screen until Enter");
    assert_eq!(l.passed, None, "the recall of the last question goes");
}

#[test]
fn a_typo_or_a_forgotten_accent_waits_for_enter_to_show_the_spelling() {
    // A familiar term is written; its answer given with a typo.
    let mut l = learn_at(vec![LearnLevel::Familiar, LearnLevel::Mastered], true);
    for c in "capitl0".chars() {
        l.type_char(c);
    }
    l.submit(now());
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert_eq!((outcome.right, outcome.grade), (true, Some(Grade::Close)));
    assert_eq!(l.passed, None);
    // Right as typed: on to the end of the round at once.
    let mut l = learn_at(vec![LearnLevel::Familiar, LearnLevel::Mastered], true);
    for c in "Capital0".chars() {
        l.type_char(c);
    }
    l.submit(now());
    assert_eq!(l.stage, Stage::RoundOver);
}

#[test]
fn shuffle_off_asks_a_round_in_deck_order() {
    let options = Options {
        questions: vec![Kind::Choice],
        shuffle: false,
        auto_advance: false,
        ..Options::default()
    };
    let mut l = Learn::new(
        "D".into(),
        sample_terms(5),
        vec![LearnLevel::Unseen; 5],
        options,
        7,
    );
    let mut asked = Vec::new();
    while let (Stage::Asking, Some(current)) = (l.stage, &l.current) {
        asked.push(current.question.term);
        let right = option(&l, true);
        l.choose(right, now());
        l.proceed();
    }
    assert_eq!(asked, [0, 1, 2, 3, 4]);
}

#[test]
fn enter_on_an_empty_field_is_dont_know_and_cannot_be_overridden() {
    let mut l = learn_at(vec![LearnLevel::Familiar, LearnLevel::Mastered], false);
    assert!(l.typing());
    l.type_char(' ');
    let events = l.submit(now());
    let outcome = l.current.as_ref().unwrap().outcome.clone().unwrap();
    assert_eq!(
        (outcome.right, outcome.marked, outcome.overridable),
        (false, Marked::DontKnow, false)
    );
    assert_eq!(events.len(), 1);
    assert!(l.override_right(now()).is_empty(), "o does nothing");
    assert!(!l.current.as_ref().unwrap().outcome.as_ref().unwrap().right);
}

/// A wrong option records the card whose answer it is; a right one records none.
#[test]
fn a_wrong_choice_records_the_card_it_belongs_to() {
    let mut l = learn_one_of_two();
    let Some(Asked {
        question:
            Question {
                term,
                ask: Ask::Choice { options, correct },
                ..
            },
        ..
    }) = l.current.clone()
    else {
        panic!("not a choice")
    };
    let wrong = (correct + 1) % options.len();
    // The sample terms answer "Capital{i}": the option names its own card.
    let owner = options[wrong].trim_start_matches("Capital");
    assert_ne!(owner, term.to_string());
    let events = l.choose(wrong + 1, now());
    let EventKind::Review { chosen, rating, .. } = &events[0].kind else {
        panic!()
    };
    assert_eq!(*rating, Rating::Again);
    assert_eq!(chosen.as_deref(), Some(format!("d/c{owner}").as_str()));
    // Asked again later and answered right: nothing chosen.
    l.proceed();
    l.proceed();
    l.proceed();
    if let Some(Asked {
        question: Question {
            ask: Ask::Choice { correct, .. },
            ..
        },
        ..
    }) = l.current.clone()
    {
        let events = l.choose(correct + 1, now());
        let EventKind::Review { chosen, .. } = &events[0].kind else {
            panic!()
        };
        assert_eq!(*chosen, None);
    }
}

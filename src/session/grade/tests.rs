use super::normalise::{Marks, fold, unicode_chars};
use super::*;

/// (typed, answer, expected)
const CASES: &[(&str, &str, Grade)] = &[
    // Case, spacing, punctuation and accents.
    ("paris", "Paris", Grade::Correct),
    ("  Paris  ", "Paris.", Grade::Correct),
    ("cafe", "café", Grade::Accents),
    ("café", "Café", Grade::Correct),
    ("el nino", "El Niño", Grade::Accents),
    ("kams essence", "KAM’s essence", Grade::Correct),
    // Parentheses are optional, either way.
    (
        "cross selling",
        "Cross-selling (to existing customers)",
        Grade::Correct,
    ),
    (
        "cross selling to existing customers",
        "Cross-selling (to existing customers)",
        Grade::Correct,
    ),
    // Small typos, scaled to length.
    ("upseling", "Upselling", Grade::Close),
    ("shar of walet", "Share of wallet", Grade::Close),
    ("mitocondria", "mitochondria", Grade::Close),
    ("cat", "car", Grade::Wrong),
    ("dog", "cat", Grade::Wrong),
    ("upsetting", "Upselling", Grade::Close),
    ("downselling", "Upselling", Grade::Wrong),
    // Numbers must be exact.
    ("1995", "1996", Grade::Wrong),
    ("3.5", "3.5%", Grade::Correct),
    ("35 percent", "3.5 percent", Grade::Wrong),
    ("in 1492", "In 1492", Grade::Correct),
    // Lists: every part, in any order.
    ("red, green, blue", "red, green, blue", Grade::Correct),
    ("blue green red", "red, green, blue", Grade::Correct),
    ("blue gren red", "red, green, blue", Grade::Close),
    ("red green", "red, green, blue", Grade::Wrong),
    (
        "account managers and channel managers",
        "Account managers and channel managers.",
        Grade::Correct,
    ),
    // Long answers from the bundled deck, graded on key words.
    (
        "the consolidation of activities associated with strategically important customers",
        "The consolidation of activities associated with strategically important customers.",
        Grade::Correct,
    ),
    (
        "consolidating activities for strategically important customers",
        "The consolidation of activities associated with strategically important customers.",
        Grade::KeyWords,
    ),
    (
        "important customers",
        "The consolidation of activities associated with strategically important customers.",
        Grade::Wrong,
    ),
    (
        "selling to customers who did not ask, unsolicited",
        "Selling products or services to potential customers in an unsolicited manner.",
        Grade::Wrong,
    ),
    (
        "selling products or services to potential customers unsolicited",
        "Selling products or services to potential customers in an unsolicited manner.",
        Grade::KeyWords,
    ),
    (
        "selling products",
        "Selling products or services to potential customers in an unsolicited manner.",
        Grade::Wrong,
    ),
    (
        "identify key accounts, allocate resources and individualize support",
        "Identifying key accounts, allocating resources, and individualizing support.",
        Grade::Close,
    ),
    (
        "customers are selected, a team is formed, a plan is developed and the account is managed",
        "1. Customers are selected,\n2. an account team is formed,\n3. an account plan is developed,\n4. and the key account is managed.",
        Grade::KeyWords,
    ),
    (
        "the customer buys from us",
        "Customer chooses the single source strategy for the supplier’s products.",
        Grade::Wrong,
    ),
    // A typed list without the answer's closing "and" (found by hand in a practice test).
    (
        "size and growth, integration interest, geographic distribution, organizational structure",
        "Size and growth, integration interest, geographical distribution, and organizational structure.",
        Grade::Close,
    ),
    (
        "size and growth, integration interest",
        "Size and growth, integration interest, geographical distribution, and organizational structure.",
        Grade::Wrong,
    ),
    // Nothing typed is never right.
    ("", "Paris", Grade::Wrong),
    ("   ", "Paris", Grade::Wrong),
];

/// Key-word grading of long answers: three in four key words in any order, or three in five
/// (and at least three) in the answer's order.
const KEY_WORD_CASES: &[(&str, &str, Grade)] = &[
    // The example: two of the three key words (supported, championed, management).
    (
        "supported by management",
        "Must be supported and championed by management.",
        Grade::Wrong,
    ),
    (
        "management",
        "Must be supported and championed by management.",
        Grade::Wrong,
    ),
    (
        "supported and championed by management",
        "Must be supported and championed by management.",
        Grade::KeyWords,
    ),
    // Other forms of every key word, in another order.
    (
        "management must support and champion it",
        "Must be supported and championed by management.",
        Grade::KeyWords,
    ),
    // All three key words, bare: as many as "supported and championed by management".
    (
        "supported championed management",
        "Must be supported and championed by management.",
        Grade::KeyWords,
    ),
    // Ten key words (selling, additional, products, services, existing, customers, increase,
    // revenue, per, account): eight are needed (3 in 4 of 10 is 7.5), in any order. Six in
    // the answer's order are not enough ...
    (
        "selling products to existing customers to increase revenue",
        "Selling additional products or services to existing customers to increase revenue per account.",
        Grade::Wrong,
    ),
    (
        "revenue increase customers existing products selling",
        "Selling additional products or services to existing customers to increase revenue per account.",
        Grade::Wrong,
    ),
    // ... nine (all but increase) in another order are ...
    (
        "account revenue per customer from additional services and products, existing ones, by selling",
        "Selling additional products or services to existing customers to increase revenue per account.",
        Grade::KeyWords,
    ),
    // ... and so are eight, scrambled (all but per and account).
    (
        "increase revenue by selling existing customers additional services and products",
        "Selling additional products or services to existing customers to increase revenue per account.",
        Grade::KeyWords,
    ),
    // A long list passes on its key words as a sentence does: six of seven (identifying,
    // key, accounts, allocating, resources, individualizing, support) ...
    (
        "identifying accounts allocating resources individualizing support",
        "Identifying key accounts, allocating resources, and individualizing support.",
        Grade::KeyWords,
    ),
    // ... but not four of seven, which leave a part out.
    (
        "identifying accounts allocating resources",
        "Identifying key accounts, allocating resources, and individualizing support.",
        Grade::Wrong,
    ),
    // Every part of it, as listed, is right as typed.
    (
        "identifying key accounts, allocating resources, and individualizing support",
        "Identifying key accounts, allocating resources, and individualizing support.",
        Grade::Correct,
    ),
    // Five of six key words (consolidation, activities, associated, strategically, important,
    // customers).
    (
        "consolidating activities for strategically important customers",
        "The consolidation of activities associated with strategically important customers.",
        Grade::KeyWords,
    ),
    (
        "activities for important customers",
        "The consolidation of activities associated with strategically important customers.",
        Grade::Wrong,
    ),
];

/// Marks in several scripts: accents on Latin, Greek and Cyrillic letters may be forgotten
/// (and are shown); marks that make another letter or word may not (`shared/cases/grader-marks`).
const MARK_CASES: &[(&str, &str, Grade)] = &[
    // Japanese: dakuten and handakuten make other words (かき oyster, かぎ key).
    ("かき", "かぎ", Grade::Wrong),
    ("かぎ", "かぎ", Grade::Correct),
    ("たいしようふ", "だいじょうぶ", Grade::Wrong),
    ("だいじょうぶ", "だいじょうぶ", Grade::Correct),
    ("はん", "ぱん", Grade::Wrong),
    ("カキ", "カギ", Grade::Wrong),
    // French and Spanish: an accent forgotten is forgiven.
    ("cafe", "café", Grade::Accents),
    ("ca va", "Ça va ?", Grade::Accents),
    ("manana", "mañana", Grade::Accents),
    // Greek: the tonos is an accent.
    ("καλημερα", "καλημέρα", Grade::Accents),
    ("Καλημέρα", "καλημέρα", Grade::Correct),
    ("νερο", "νερό", Grade::Accents),
    // Cyrillic: a stress mark and ё's dots are accents; й's breve makes another letter.
    ("молоко", "молоко\u{301}", Grade::Accents),
    ("еж", "ёж", Grade::Accents),
    ("мои", "мой", Grade::Wrong),
    ("чаи", "чай", Grade::Wrong),
    // Vietnamese is written in Latin letters: its tones and vowel marks are accents, forgiven
    // and shown ("mind the accents").
    ("cam on", "cảm ơn", Grade::Accents),
    ("pho", "phở", Grade::Accents),
    ("cảm ơn", "Cảm ơn", Grade::Correct),
    // Thai: a tone mark or vowel sign makes another word (ข่าว news, ขาว white), even where
    // one typo would be allowed (four characters); so does a mark on another letter.
    ("ขาว", "ข่าว", Grade::Wrong),
    ("ข่าว", "ข่าว", Grade::Correct),
    ("ขาว่", "ข่าว", Grade::Wrong),
    ("ดนตร", "ดนตรี", Grade::Wrong),
    // Hindi and Tamil: vowel signs and viramas (दिन day, दन; नमस्ते six characters, one typo
    // allowed, but not its virama; கல் stone).
    ("दन", "दिन", Grade::Wrong),
    ("नमसते", "नमस्ते", Grade::Wrong),
    ("கல", "கல்", Grade::Wrong),
    ("வணககம்", "வணக்கம்", Grade::Wrong),
    // Japanese: a voicing mark is no typo even in a word long enough for one ...
    ("ハン", "パン", Grade::Wrong),
    ("だいじょうふ", "だいじょうぶ", Grade::Wrong),
    // ... but a kana left out is (ten characters, two typos allowed).
    ("ありがとうござます", "ありがとうございます", Grade::Close),
    // Korean: a final consonant makes another syllable (가, 각).
    ("가", "각", Grade::Wrong),
    // Arabic: harakat written in the answer count, as the deck's author wrote them.
    ("كتاب", "كِتَاب", Grade::Wrong),
    ("كِتَاب", "كِتَاب", Grade::Correct),
    // Korean: a syllable is one character, so one wrong consonant in two syllables fails.
    ("파다", "바다", Grade::Wrong),
    ("바다", "바다", Grade::Correct),
    ("감사합니다", "감사합니다.", Grade::Correct),
    // Hindi: a vowel sign is part of the letter (कि ki, की kī).
    ("कि", "की", Grade::Wrong),
    ("नमस्ते", "नमस्ते", Grade::Correct),
];

#[test]
fn key_words_grade_long_answers() {
    check_table(KEY_WORD_CASES);
}

#[test]
fn marks_that_make_another_letter_count_in_every_script() {
    check_table(MARK_CASES);
}

#[test]
fn grades_a_table_of_real_answers() {
    check_table(CASES);
}

fn check_table(cases: &[(&str, &str, Grade)]) {
    let mut failures = Vec::new();
    for &(typed, answer, expected) in cases {
        let got = grade(typed, answer, Strictness::default());
        if got != expected {
            failures.push(format!(
                "{typed:?} for {answer:?}: got {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const ANY: Strictness = Strictness {
    typos: Typos::Some,
    parts: Parts::Any,
};

#[test]
fn the_typo_setting_tightens_or_loosens() {
    let strict = Strictness {
        typos: Typos::None,
        parts: Parts::All,
    };
    let lenient = Strictness {
        typos: Typos::More,
        parts: Parts::All,
    };
    assert_eq!(grade("upseling", "Upselling", strict), Grade::Wrong);
    assert_eq!(grade("upselling", "Upselling", strict), Grade::Correct);
    assert_eq!(
        grade("upseling", "Upselling", Strictness::default()),
        Grade::Close
    );
    // Three typos in nine letters: too many normally, fine when lenient.
    assert_eq!(
        grade("upsallinnng", "Upselling", Strictness::default()),
        Grade::Wrong
    );
    assert_eq!(grade("upsallinnng", "Upselling", lenient), Grade::Close);
}

#[test]
fn any_one_part_when_the_setting_says_so() {
    assert_eq!(grade("green", "red, green, blue", ANY), Grade::Correct);
    assert_eq!(grade("gren", "red / green / blue", ANY), Grade::Close);
    assert_eq!(grade("purple", "red; green; blue", ANY), Grade::Wrong);
    assert_eq!(
        grade("green", "red, green, blue", Strictness::default()),
        Grade::Wrong
    );
}

#[test]
fn normalising() {
    assert_eq!(normalise("  Hello,   WORLD! "), "hello world");
    assert_eq!(normalise("3,5 and 1.25"), "3,5 and 1.25");
    assert_eq!(normalise("Ça va?"), "ca va");
    assert_eq!(normalise("KAM’s"), "kams");
    // Kept marks stay composed with their letter.
    assert_eq!(normalise("だいじょうぶ!"), "だいじょうぶ");
    assert_eq!(normalise("Мой"), "мой");
    assert_eq!(normalise("Ёж"), "еж");
    assert_eq!(normalise("नमस्ते जी"), "नमस्ते जी");
}

proptest::proptest! {
    #[test]
    fn the_ascii_fast_path_folds_as_the_unicode_path(text in "[ -~\t\n\x0b\x0c\r]{0,40}") {
        proptest::prop_assert_eq!(normalise(&text), fold(&unicode_chars(&text, Marks::Accents)));
    }
}

#[test]
fn the_answer_is_graded_as_the_card_shows_it() {
    // `α` against `$\alpha$` was Wrong: the grader read the source.
    for (typed, answer) in [
        ("Lima", "**Lima**"),
        ("α", "$\\alpha$"),
        ("Peru", "Peru ![map](media/grad.png)"),
        ("3 * 4", "3 \\* 4"),
    ] {
        assert_eq!(
            grade(typed, answer, Strictness::default()),
            Grade::Correct,
            "{answer:?}"
        );
    }
    assert_eq!(
        grade("beta", "$\\alpha$", Strictness::default()),
        Grade::Wrong
    );
}

use super::*;

/// A line in the tests' notation: right text as is, wrong text in `(…)`, missing in `[…]`.
fn notation(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece.mark {
            Mark::Right => piece.text.clone(),
            Mark::Wrong => format!("({})", piece.text),
            Mark::Missing => format!("[{}]", piece.text),
        })
        .collect()
}

/// (typed, answer, typed line, answer line), worked out by hand: the shortest edit from the
/// typed text to the answer, one grapheme at a time.
const DIFFERS: &[(&str, &str, &str, &str)] = &[
    // Anki's own example (rslib/src/typeanswer.rs, `tokens`): the same marks.
    (
        "y ahora qe vamosa hacer",
        "¿Y ahora qué vamos a hacer?",
        "(y) ahora q(e) vamos[-]a hacer[-]",
        "[¿Y] ahora q[ué] vamos[ ]a hacer[?]",
    ),
    // Anki's `missed_chars_counted_correctly`: one `-` per missing letter, Cyrillic too.
    ("нс", "нос", "н[-]с", "н[о]с"),
    // Nothing right: all of it wrong, all of the answer missing.
    ("23", "1", "(23)", "[1]"),
    ("1", "12", "1[-]", "1[2]"),
    // Case counts here, as in Anki (the verdict may still pass it).
    ("paris", "Paris", "(p)aris", "[P]aris"),
    // An accent forgotten: the bare letter is wrong, the accented one missing.
    ("cafe", "café", "caf(e)", "caf[é]"),
    ("el nino", "El Niño", "(e)l (n)i(n)o", "[E]l [N]i[ñ]o"),
    // Wide characters: one `-` per character, whatever its width.
    ("日本", "日本語", "日本[-]", "日本[語]"),
    ("東京", "京都", "(東)京[-]", "京[都]"),
    // A flag is one grapheme of two code points: France for Finland is wrong whole, though
    // both start with the same regional indicator.
    ("🇫🇷 flag", "🇫🇮 flag", "(🇫🇷) flag", "[🇫🇮] flag"),
    // A letter too many: wrong on the typed line, nothing missing on the answer's.
    ("hxello", "hello", "h(x)ello", "hello"),
];

#[test]
fn differences_are_marked_as_anki_marks_them() {
    for &(typed, answer, typed_line, answer_line) in DIFFERS {
        let Comparison::Differs {
            typed: got_typed,
            expected,
        } = compare(typed, answer)
        else {
            panic!("{typed:?} against {answer:?} differs");
        };
        assert_eq!(notation(&got_typed), typed_line, "typed {typed:?}");
        assert_eq!(notation(&expected), answer_line, "typed {typed:?}");
    }
}

#[test]
fn the_same_text_is_the_answer_alone() {
    assert_eq!(compare("Paris", "Paris"), Comparison::Same("Paris".into()));
    // Spaces around it do not count.
    assert_eq!(
        compare("  Paris ", "Paris"),
        Comparison::Same("Paris".into())
    );
    // An accent typed as a combining mark is the precomposed letter (NFC).
    assert_eq!(
        compare("cafe\u{301}", "café"),
        Comparison::Same("café".into())
    );
    // An answer on two lines is compared as one, its lines joined by a space.
    assert_eq!(
        compare("line one line two", "line one\n  line two\n"),
        Comparison::Same("line one line two".into())
    );
}

#[test]
fn nothing_typed_is_the_answer_unmarked() {
    assert_eq!(compare("", "Paris"), Comparison::Untyped("Paris".into()));
    assert_eq!(compare("   ", "Paris"), Comparison::Untyped("Paris".into()));
}

#[test]
fn the_answer_is_compared_as_the_card_shows_it() {
    // Review showed `--Lima--` against `**Lima**`: the marks, escapes, math and pictures of
    // the source are not what the user reads, so not what they type.
    for (typed, answer, shown) in [
        ("Lima", "**Lima**", "Lima"),
        ("α", "$\\alpha$", "α"),
        ("Peru", "Peru ![map](media/grad.png)", "Peru"),
        ("3 * 4", "3 \\* 4", "3 * 4"),
        ("ls -la", "`ls -la`", "ls -la"),
    ] {
        assert_eq!(
            compare(typed, answer),
            Comparison::Same(shown.to_owned()),
            "{answer:?}"
        );
    }
    // A wrong answer is marked against the shown text, not its marks.
    let Comparison::Differs { typed, expected } = compare("Lina", "**Lima**") else {
        panic!("Lina is not Lima");
    };
    assert_eq!(notation(&typed), "Li(n)a");
    assert_eq!(notation(&expected), "Li[m]a");
}

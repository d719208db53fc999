use super::*;

const CAPITAL: &str = "The capital of {{c1::France}} is {{c2::Paris::a city}}.";

#[test]
fn each_number_gaps_its_own_deletions_and_shows_the_others() {
    let pieces = pieces(CAPITAL).unwrap();
    assert_eq!(numbers(&pieces).into_iter().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(question(&pieces, 1), "The capital of […] is Paris.");
    assert_eq!(question(&pieces, 2), "The capital of France is [a city].");
    assert_eq!(answers(&pieces, 1), "France");
    assert_eq!(answers(&pieces, 2), "Paris");
}

#[test]
fn a_number_used_twice_hides_both_places_on_one_card() {
    let text = "{{c1::Oxygen}} and {{c2::hydrogen}} make {{c1::water}}";
    let pieces = pieces(text).unwrap();
    assert_eq!(numbers(&pieces).len(), 2);
    assert_eq!(question(&pieces, 1), "[…] and hydrogen make […]");
    assert_eq!(answers(&pieces, 1), "Oxygen, water");
    let (whole, marked) = revealed(&pieces, Some(1));
    assert_eq!(whole, "Oxygen and hydrogen make water");
    // "Oxygen" is bytes 0..6, "water" the last five of 30.
    assert_eq!(marked, [0..6, 25..30]);
    assert_eq!(plain(text), "Oxygen and hydrogen make water");
}

#[test]
fn mistakes_point_at_the_deletion() {
    let error = |text: &str| pieces(text).unwrap_err();
    assert_eq!(error("no gaps here").offset, 0);
    assert!(error("no gaps here").message.contains("no deletion"));
    // The unclosed `{{` is at byte 4.
    let unclosed = error("One {{c1::two");
    assert_eq!(unclosed.offset, 4);
    assert!(unclosed.message.contains("never closed"), "{unclosed:?}");
    let not_c = error("A {{x1::b}}");
    assert_eq!(not_c.offset, 2);
    assert!(
        not_c.message.contains("`{{x1` is not a cloze number"),
        "{not_c:?}"
    );
    assert!(error("{{c::b}}").message.contains("not a cloze number"));
    assert!(error("{{c1 b}}").message.contains("not a cloze number"));
    assert!(error("{{c0::b}}").message.contains("from c1"));
    // Anki's last cloze card is c500's; a number Anki cannot give a card is an error.
    assert!(error("{{c501::b}}").message.contains("from c1 to c500"));
    assert!(pieces("{{c500::b}}").is_ok());
    // Anki's tokenizer wants `{{c`: `{{C1::x}}` is no deletion there.
    let capital = error("A {{C1::b}}");
    assert_eq!(capital.offset, 2);
    assert!(capital.message.contains("lowercase `c`"), "{capital:?}");
    let empty = error("x {{c1::  ::hint}}");
    assert_eq!(empty.offset, 2);
    assert_eq!(empty.message, "the deletion `{{c1::  ::hint}}` is empty");
    let nested = error("{{c1::a {{c2::b}} c}}");
    assert_eq!(nested.offset, 8);
}

#[test]
fn an_empty_hint_is_no_hint() {
    let pieces = pieces("{{c3::Lima::}} is in Peru").unwrap();
    assert_eq!(question(&pieces, 3), "[…] is in Peru");
}

proptest::proptest! {
    #[test]
    fn any_text_gives_pieces_or_an_error_inside_it(text in "[a-c{}:1 ]{0,30}") {
        match pieces(&text) {
            Ok(pieces) => {
                for number in numbers(&pieces) {
                    let _ = question(&pieces, number);
                    proptest::prop_assert!(!answers(&pieces, number).is_empty());
                }
            }
            Err(error) => proptest::prop_assert!(error.offset <= text.len()),
        }
    }
}

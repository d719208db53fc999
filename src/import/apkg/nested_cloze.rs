//! Nested cloze deletions, which Anki reads since 2.1.56 (`{{c1::a {{c2::b}} c}}`) and the
//! deck format does not: the inner deletions are flattened to their text, so the note and
//! the history of its outer cards are kept. Tokens as Anki's `rslib/src/cloze.rs` reads them:
//! `{{c` + digits (a `u16`) + `::` opens a deletion, `}}` closes the innermost open one, and a
//! `}}` with none open is text.

use std::collections::BTreeSet;

/// `text` with every deletion inside another one replaced by its text (its hint dropped),
/// and the numbers of those inner deletions; `None` when nothing is nested.
#[must_use]
pub fn flatten(text: &str) -> Option<(String, BTreeSet<u16>)> {
    let mut out = String::with_capacity(text.len());
    // For each open deletion: whether it is inside another one.
    let mut open: Vec<bool> = Vec::new();
    let mut inner_numbers = BTreeSet::new();
    let mut run_start = 0;
    let mut at = 0;
    while at < text.len() {
        let opening = opening(&text[at..]);
        let closing = text[at..].starts_with("}}");
        if opening.is_none() && !closing {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        push_run(&mut out, &text[run_start..at], open.last() == Some(&true));
        if let Some((number, len)) = opening {
            let inner = !open.is_empty();
            if inner {
                inner_numbers.insert(number);
            } else {
                out.push_str(&text[at..at + len]);
            }
            open.push(inner);
            at += len;
        } else {
            if open.pop() != Some(true) {
                out.push_str("}}");
            }
            at += 2;
        }
        run_start = at;
    }
    push_run(&mut out, &text[run_start..], open.last() == Some(&true));
    (!inner_numbers.is_empty()).then_some((out, inner_numbers))
}

/// A run of text between two markers; inside an inner deletion, its hint (from the first
/// `::`, as Anki splits a run) is dropped.
fn push_run(out: &mut String, run: &str, in_inner: bool) {
    if in_inner {
        out.push_str(run.split_once("::").map_or(run, |(text, _)| text));
    } else {
        out.push_str(run);
    }
}

/// The number and length of a `{{cN::` at the start of `text`.
fn opening(text: &str) -> Option<(u16, usize)> {
    let rest = text.strip_prefix("{{c")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = rest[..digits].parse().ok()?;
    rest[digits..]
        .starts_with("::")
        .then_some((number, 3 + digits + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_deletions_become_their_text() {
        // Anki's own example of nesting: c2 and c3 inside c1.
        let (text, inner) =
            flatten("{{c1::Canberra was {{c2::founded::year}} in {{c3::1913}}}}!").unwrap();
        assert_eq!(text, "{{c1::Canberra was founded in 1913}}!");
        assert_eq!(inner.into_iter().collect::<Vec<_>>(), [2, 3]);
        // The outer hint stays; a stray `}}` outside any deletion is text.
        let (text, _) = flatten("}} {{c1::a {{c2::b}} c::hint}} d").unwrap();
        assert_eq!(text, "}} {{c1::a b c::hint}} d");
        assert_eq!(flatten("{{c1::a}} {{c2::b}}"), None);
        assert_eq!(flatten("{{C1::a {{c2::b}}}}"), None);
    }
}

//! A `$` left open. pulldown-cmark pairs a `$` with the next one it can, so in
//! `Unclosed $\alpha and **$\beta$**` it reads `$\alpha and **$` as the formula and leaves
//! `\beta` as text. A `$` that closes a formula is not followed by a letter, a digit or a
//! backslash (Pandoc's rule says a digit; a letter or `\` starts the next formula), so a pair
//! whose closing `$` is so followed was never closed where it began: its opening `$` is
//! escaped, to show as written, and the text after it is read again as Markdown.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser};

/// `text` with a backslash before each `$` that opens a formula it never closes, and the
/// (byte in `text`, bytes added up to it) of each backslash, as `super::moved` takes them.
pub fn escape_unclosed(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let mut text = Cow::Borrowed(text);
    // Offsets in the text as given, where a backslash went.
    let mut escaped: Vec<usize> = Vec::new();
    // Each round escapes one `$`, so there are at most as many rounds as dollars.
    for _ in 0..text.matches('$').count() {
        let Some(open) = first_unclosed(&text) else {
            break;
        };
        let original = open - escaped.iter().filter(|&&at| at < open).count();
        escaped.push(original);
        text.to_mut().insert(open, '\\');
    }
    escaped.sort_unstable();
    let shifts = escaped
        .iter()
        .enumerate()
        .map(|(n, &at)| (at, n + 1))
        .collect();
    (text, shifts)
}

/// The byte of the first inline formula's opening `$` whose closing `$` is followed by a
/// letter, a digit or a backslash.
fn first_unclosed(text: &str) -> Option<usize> {
    Parser::new_ext(text, super::markdown::options())
        .into_offset_iter()
        .find_map(|(event, range)| {
            let Event::InlineMath(_) = event else {
                return None;
            };
            let after = text[range.end..].chars().next();
            after
                .is_some_and(|c| c.is_alphanumeric() || c == '\\')
                .then_some(range.start)
        })
}

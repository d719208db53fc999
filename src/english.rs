//! Counted nouns and amounts for messages: "1 card", "2 cards", "about 20 cards", "2.5";
//! messages joined into one.

/// `word`, with an `s` (`es` after a hissing end: leeches, boxes; `ies` for a `y` after a
/// consonant: histories) unless `count` is 1.
#[must_use]
pub fn noun(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_owned()
    } else if ["ch", "sh", "s", "x", "z"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        format!("{word}es")
    } else if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        // history, histories; but day, days.
        format!("{stem}ies")
    } else {
        format!("{word}s")
    }
}

/// The count and its noun: "1 card", "2 cards", "0 cards".
#[must_use]
pub fn counted(count: usize, word: &str) -> String {
    format!("{count} {}", noun(count, word))
}

/// An estimated count, rounded to a whole one: "about 20 cards", "about 1 card".
#[must_use]
pub fn about(estimate: f64, word: &str) -> String {
    // Rounded and clamped to 0..usize::MAX first, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = estimate.round().max(0.0) as usize;
    format!("about {}", counted(count, word))
}

/// A rate or average with one decimal, a whole one without it: "2.5", "2", "0.3".
#[must_use]
pub fn amount(value: f64) -> String {
    let text = format!("{value:.1}");
    match text.strip_suffix(".0") {
        Some(whole) if whole != "-0" => whole.to_owned(),
        Some(_) => "0".to_owned(),
        None => text,
    }
}

/// `messages` as one text of sentences: each ends in `.`, `!`, `?` or `…` (a `.` is added
/// where it does not) and the next follows after a space, so that two messages read as two
/// sentences ("… signature. The picture …"), never "….; …". Empty messages are left out,
/// and so is one already said (as a whole sentence or sentences of the text so far), so that
/// a notice added to another never repeats it.
#[must_use]
pub fn sentences<'m>(messages: impl IntoIterator<Item = &'m str>) -> String {
    let mut out = String::new();
    for message in messages
        .into_iter()
        .flat_map(split_sentences)
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        let mut sentence = message.to_owned();
        if !message.ends_with(['.', '!', '?', '…']) {
            sentence.push('.');
        }
        let said = out.match_indices(&sentence).any(|(at, _)| {
            let after = &out[at + sentence.len()..];
            let before = out[..at].trim_end_matches(' ');
            (at == 0 || before.ends_with(['.', '!', '?', '…']))
                && (after.is_empty() || after.starts_with(' '))
        });
        if said {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&sentence);
    }
    out
}

/// `text`'s sentences: it is cut after a `.`, `!`, `?` or `…` followed by a space and a
/// capital or a backtick, as each of the app's messages begins ("The picture …", "`x` is …"),
/// which a path or a number ("(/decks/a. b)", "2.5") does not.
fn split_sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest.char_indices().find_map(|(at, c)| {
            let after = &rest[at + c.len_utf8()..];
            let next = after.strip_prefix(' ')?.chars().next()?;
            (['.', '!', '?', '…'].contains(&c) && (next.is_uppercase() || next == '`'))
                .then_some(at + c.len_utf8())
        });
        let (sentence, after) = rest.split_at(cut.unwrap_or(rest.len()));
        rest = after;
        Some(sentence)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_join_as_sentences() {
        let joined = super::sentences([
            "Cannot read the picture `a.png`: invalid PNG signature.",
            "The picture `b.png` is not there (/decks/b.png)",
            "",
            "Really?",
        ]);
        assert_eq!(
            joined,
            "Cannot read the picture `a.png`: invalid PNG signature. \
             The picture `b.png` is not there (/decks/b.png). Really?"
        );
        assert_eq!(super::sentences(["One"]), "One.");
        // Said already, alone or among others, with or without its full stop: not again.
        assert_eq!(
            super::sentences(["A gone. B gone.", "A gone", "C gone", "B gone."]),
            "A gone. B gone. C gone."
        );
        // Only whole sentences count: a longer one holding it is another.
        assert_eq!(
            super::sentences(["Not A gone.", "A gone"]),
            "Not A gone. A gone."
        );
        // Within one message too; a path's or a number's full stop ends no sentence.
        assert_eq!(
            super::sentences(["A gone (/d/a. b). A gone (/d/a. b). B 2. 5 ok"]),
            "A gone (/d/a. b). B 2. 5 ok."
        );
        assert_eq!(super::sentences([]), "");
    }

    #[test]
    fn estimates_are_whole_counts() {
        assert_eq!(super::about(20.0, "card"), "about 20 cards");
        assert_eq!(super::about(19.6, "card"), "about 20 cards");
        assert_eq!(super::about(1.2, "card"), "about 1 card");
        assert_eq!(super::about(0.0, "card"), "about 0 cards");
        assert_eq!(super::about(-0.4, "card"), "about 0 cards");
    }

    #[test]
    fn amounts_drop_a_zero_decimal() {
        assert_eq!(super::amount(2.0), "2");
        assert_eq!(super::amount(2.54), "2.5");
        assert_eq!(super::amount(0.3), "0.3");
        assert_eq!(super::amount(0.04), "0");
        assert_eq!(super::amount(-0.01), "0");
    }

    #[test]
    fn hissing_ends_take_es() {
        assert_eq!(super::counted(2, "leech"), "2 leeches");
        assert_eq!(super::counted(1, "leech"), "1 leech");
        assert_eq!(super::counted(3, "box"), "3 boxes");
        assert_eq!(super::counted(3, "card"), "3 cards");
        assert_eq!(super::counted(2, "history"), "2 histories");
        assert_eq!(super::counted(2, "day"), "2 days");
    }

    use super::*;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(counted(1, "card"), "1 card");
        assert_eq!(counted(0, "card"), "0 cards");
        assert_eq!(counted(2, "mistake"), "2 mistakes");
        assert_eq!(noun(5, "deck"), "decks");
    }
}

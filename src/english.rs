//! Counted nouns for messages: "1 card", "2 cards".

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

#[cfg(test)]
mod tests {
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

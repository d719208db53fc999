//! Suggestions for a misspelt key: a synonym from another flashcard tool, or the closest known
//! key by edit distance. The settings file uses them too.

/// Words people write for a card's sides, from other flashcard tools.
const SYNONYMS: &[(&str, &str)] = &[
    ("question", "front"),
    ("term", "front"),
    ("prompt", "front"),
    ("answer", "back"),
    ("definition", "back"),
    ("title", "name"),
    ("tag", "tags"),
    ("card", "cards"),
];

/// The known key a misspelt one most likely meant, if any is close enough.
pub(crate) fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_lowercase();
    let synonym = SYNONYMS.iter().find(|(word, _)| *word == lower);
    if let Some(&candidate) = synonym.and_then(|(_, meant)| known.iter().find(|&&k| k == *meant)) {
        return Some(candidate);
    }
    known
        .iter()
        .map(|&candidate| (strsim::damerau_levenshtein(&lower, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= if candidate.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Keys as a message lists them: `` `front`, `back` ``.
pub(super) fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

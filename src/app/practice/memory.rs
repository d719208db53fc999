//! What the practice modes remember between starts, per set of decks: each mode's options
//! (answer with, shuffle, sorting, question kinds, test length), and a practice test left
//! before it was submitted. Pure: the runtime reads and writes it as `practice.json` in the
//! data dir (`runtime::memory`), atomically, after each change the app reports with
//! [`crate::app::Effect::SavePractice`].

use serde::{Deserialize, Serialize};

use super::PracticeMode;
use crate::session::options::Options;
use crate::session::practice_test::PracticeTest;

/// The modes' options and the tests in progress, each under the deck ids it is for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeMemory {
    settings: Vec<Remembered>,
    tests: Vec<KeptTest>,
}

/// One mode's options on one set of decks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Remembered {
    /// Deck ids, sorted: the same decks picked in another order are the same set.
    decks: Vec<String>,
    mode: PracticeMode,
    options: Options,
}

/// A practice test in progress on one set of decks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct KeptTest {
    decks: Vec<String>,
    test: PracticeTest,
}

/// The key a set of decks is remembered under.
fn key(decks: &[String]) -> Vec<String> {
    let mut key = decks.to_vec();
    key.sort();
    key.dedup();
    key
}

impl PracticeMemory {
    /// `mode`'s options last started on `decks`, if any.
    #[must_use]
    pub fn options(&self, decks: &[String], mode: PracticeMode) -> Option<&Options> {
        let decks = key(decks);
        self.settings
            .iter()
            .find(|r| r.mode == mode && r.decks == decks)
            .map(|r| &r.options)
    }

    /// Remembers `options` as `mode`'s on `decks`.
    pub fn remember(&mut self, decks: &[String], mode: PracticeMode, options: &Options) {
        let decks = key(decks);
        match self
            .settings
            .iter_mut()
            .find(|r| r.mode == mode && r.decks == decks)
        {
            Some(remembered) => remembered.options = options.clone(),
            None => self.settings.push(Remembered {
                decks,
                mode,
                options: options.clone(),
            }),
        }
    }

    /// The test left in progress on `decks`, if any.
    #[must_use]
    pub fn kept_test(&self, decks: &[String]) -> Option<&PracticeTest> {
        let decks = key(decks);
        self.tests
            .iter()
            .find(|t| t.decks == decks)
            .map(|t| &t.test)
    }

    /// Keeps `test` as the one in progress on its decks, replacing any other.
    pub fn keep_test(&mut self, test: &PracticeTest) {
        let decks = key(test.decks());
        self.tests.retain(|t| t.decks != decks);
        self.tests.push(KeptTest {
            decks,
            test: test.clone(),
        });
    }

    /// Forgets the test in progress on `decks`; whether there was one.
    pub fn drop_test(&mut self, decks: &[String]) -> bool {
        let decks = key(decks);
        let before = self.tests.len();
        self.tests.retain(|t| t.decks != decks);
        self.tests.len() != before
    }

    /// The file's text.
    ///
    /// # Errors
    /// Never in practice: every field serialises (the error is serde's).
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// Reads the file's text.
    ///
    /// # Errors
    /// Text that is not this file's JSON, with serde's line and column.
    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::questions::sample_terms;
    use crate::store::Question;

    #[test]
    fn options_are_remembered_per_mode_and_set_of_decks() {
        let mut memory = PracticeMemory::default();
        let ab = ["a".to_owned(), "b".to_owned()];
        let ba = ["b".to_owned(), "a".to_owned()];
        let test = Options {
            count: 7,
            questions: vec![Question::Written],
            ..Options::for_test(30)
        };
        memory.remember(&ab, PracticeMode::Test, &test);
        assert_eq!(memory.options(&ba, PracticeMode::Test), Some(&test));
        assert_eq!(memory.options(&ab, PracticeMode::Learn), None);
        assert_eq!(memory.options(&ab[..1], PracticeMode::Test), None);
        let shorter = Options { count: 3, ..test };
        memory.remember(&ba, PracticeMode::Test, &shorter);
        assert_eq!(memory.options(&ab, PracticeMode::Test), Some(&shorter));
        let back = PracticeMemory::from_json(&memory.to_json().unwrap()).unwrap();
        assert_eq!(back, memory);
    }

    #[test]
    fn one_test_is_kept_per_set_of_decks() {
        let mut memory = PracticeMemory::default();
        let decks = vec!["d".to_owned()];
        let test = PracticeTest::new(
            "D".into(),
            sample_terms(5),
            Options::for_test(5),
            decks.clone(),
            1,
        );
        memory.keep_test(&test);
        memory.keep_test(&test);
        assert_eq!(memory.kept_test(&decks), Some(&test));
        let back = PracticeMemory::from_json(&memory.to_json().unwrap()).unwrap();
        assert_eq!(back.kept_test(&decks), Some(&test));
        assert!(memory.drop_test(&decks));
        assert!(!memory.drop_test(&decks));
        assert_eq!(memory.kept_test(&decks), None);
    }

    #[test]
    fn a_file_from_another_version_reads_what_it_can() {
        let memory = PracticeMemory::from_json(r#"{"future": 1}"#).unwrap();
        assert_eq!(memory, PracticeMemory::default());
        assert!(PracticeMemory::from_json("{not json").is_err());
        assert!(PracticeMemory::from_json(r#"{"settings": 3}"#).is_err());
    }
}

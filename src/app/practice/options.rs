//! The options screen before a practice mode: its settings (remembered per deck), the
//! question count typed in, and a test in progress offered to resume.

use chrono::{DateTime, FixedOffset};

use super::{PracticeMode, terms};
use crate::app::{Action, App, Effect, Keys, Screen, keys, line_input};
use crate::session::options::Options;
use crate::session::practice_test::{MATCH_PAIRS, PracticeTest};
use crate::session::questions::{Term, can_choose};
use crate::store::Question;

/// The options screen, before a mode starts.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionsScreen {
    pub mode: PracticeMode,
    pub decks: Vec<usize>,
    pub title: String,
    pub options: Options,
    /// Cards in the chosen decks, for the question count's upper bound.
    pub deck_size: usize,
    pub help: bool,
    /// The question count being typed, digits only.
    pub count_input: Option<String>,
    /// A test left in progress on these decks: Enter resumes it.
    pub resume: Option<Box<PracticeTest>>,
    /// Lines scrolled off the top, when the settings are taller than the screen (40×12).
    pub scroll: u16,
}

/// A setting on the options screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    AnswerWith,
    Shuffle,
    StarredOnly,
    Sorting,
    MoreQuestions,
    FewerQuestions,
    /// Type the number of questions.
    TypeCount,
    /// Learn: move on by itself after a right answer.
    AutoAdvance,
    Kind(Question),
}

/// More lines than any options screen has: where scrolling down stops counting.
const MAX_SCROLL: u16 = 40;

impl OptionsScreen {
    /// The mode's options keys; a test in progress or a count being typed has its own.
    #[must_use]
    pub fn keys(&self) -> Keys {
        if self.resume.is_some() {
            return keys::OPTIONS_TEST_RESUME;
        }
        if self.count_input.is_some() {
            return keys::COUNT_INPUT;
        }
        match self.mode {
            PracticeMode::Flashcards => keys::OPTIONS_FLASHCARDS,
            PracticeMode::Learn => keys::OPTIONS_LEARN,
            PracticeMode::Match => keys::OPTIONS_MATCH,
            PracticeMode::Test => keys::OPTIONS_TEST,
        }
    }

    /// The most questions a test on these decks can have: one a card, and one matching
    /// block of six pairs when matching is the only kind.
    #[must_use]
    pub fn most_questions(&self) -> usize {
        let most = if self.options.questions == [Question::Matching] {
            MATCH_PAIRS.min(self.deck_size)
        } else {
            self.deck_size
        };
        most.max(1)
    }

    /// Why the mode cannot start on `terms` (the chosen decks' cards, starred only if so set),
    /// if it cannot: no cards, or Match with nothing to pair. The options screen says it in
    /// place of "Enter to start", and Enter says it again. Short: a 40-column screen shows
    /// two lines of notice.
    #[must_use]
    pub fn why_not_start(&self, terms: &[Term]) -> Option<String> {
        if terms.is_empty() {
            return Some(if self.options.starred_only {
                format!(
                    "No starred cards here: press {} on a card in any mode to star it.",
                    keys::FLASHCARDS.label(&Action::Star)
                )
            } else {
                "These decks have no cards.".to_owned()
            });
        }
        if self.mode == PracticeMode::Match && !can_choose(terms) {
            return Some(
                if terms.len() == 1 {
                    "Match needs two cards to pair; these decks have one."
                } else {
                    "Match needs two different answers to pair; these cards have one."
                }
                .to_owned(),
            );
        }
        None
    }

    /// The number of questions the test will have, as the screen shows it.
    #[must_use]
    pub fn question_count(&self) -> usize {
        self.options.count.clamp(1, self.most_questions())
    }

    /// Changes a setting; matching questions are the test's only.
    fn change(&mut self, setting: Setting) {
        let most = self.most_questions();
        let options = &mut self.options;
        match setting {
            Setting::AnswerWith => options.answer_with = options.answer_with.next(),
            Setting::Shuffle => options.shuffle = !options.shuffle,
            Setting::StarredOnly => options.starred_only = !options.starred_only,
            Setting::Sorting => options.sorting = !options.sorting,
            Setting::AutoAdvance => options.auto_advance = !options.auto_advance,
            Setting::MoreQuestions => {
                options.count = options.count.min(most);
                options.more_questions(most);
            }
            Setting::FewerQuestions => {
                options.count = options.count.min(most);
                options.fewer_questions();
            }
            Setting::TypeCount => self.count_input = Some(String::new()),
            Setting::Kind(kind) => {
                if self.mode == PracticeMode::Test || kind != Question::Matching {
                    options.toggle(kind);
                }
            }
        }
    }

    /// Applies a key to the count being typed; the notice to show when it is done.
    fn type_count(&mut self, action: &Action) -> Option<String> {
        let text = self.count_input.as_mut()?;
        let end = line_input::edit(text, action, |so_far, c| {
            c.is_ascii_digit() && so_far.len() < 5
        })?;
        let typed = self.count_input.take().unwrap_or_default();
        if end == line_input::End::Cancel {
            return None;
        }
        let most = self.most_questions();
        match typed.parse::<usize>() {
            Ok(n) if (1..=most).contains(&n) => {
                self.options.set_count(n);
                None
            }
            Ok(n) if n > most => {
                self.options.set_count(most);
                Some(format!(
                    "These decks give at most {}: the test has {most}.",
                    crate::english::counted(most, "question")
                ))
            }
            _ => Some(format!("Type a number of questions from 1 to {most}.")),
        }
    }
}

/// The deck ids of `decks` (indexes into the collection), as the log and the memory name them.
fn deck_ids(app: &App, decks: &[usize]) -> Vec<String> {
    decks
        .iter()
        .map(|&d| app.study.collection.decks[d].id.to_string())
        .collect()
}

impl App {
    /// Opens the options screen of `mode` on `decks`, with the options last used there, and
    /// a test left in progress there to resume.
    pub fn open_options(&mut self, mode: PracticeMode, decks: Vec<usize>, title: String) {
        let deck_size = decks
            .iter()
            .map(|&d| self.study.collection.decks[d].cards.len())
            .sum();
        let ids = deck_ids(self, &decks);
        let mut options = self
            .practice_memory
            .options(&ids, mode)
            .cloned()
            .unwrap_or_else(|| match mode {
                PracticeMode::Test => Options::for_test(deck_size),
                _ => Options::default(),
            });
        options.strictness = self.strictness;
        self.notice = None;
        let resume = match mode {
            PracticeMode::Test => self.kept_test(&ids),
            _ => None,
        };
        self.screen = Screen::Options(Box::new(OptionsScreen {
            mode,
            decks,
            title,
            options,
            deck_size,
            help: false,
            count_input: None,
            resume: resume.map(Box::new),
            scroll: 0,
        }));
    }

    /// The test kept in progress on `ids`, if its cards are all still in the decks (an edit
    /// may have removed one); otherwise a notice says it cannot resume.
    fn kept_test(&mut self, ids: &[String]) -> Option<PracticeTest> {
        let mut test = self.practice_memory.kept_test(ids)?.clone();
        let cards: std::collections::HashSet<&str> = self
            .study
            .collection
            .decks
            .iter()
            .flat_map(|deck| deck.cards.iter())
            .map(|card| card.id.as_str())
            .collect();
        if test.card_ids().all(|id| cards.contains(id)) {
            test.set_strictness(self.strictness);
            Some(test)
        } else {
            self.notice = Some(
                "The test left in progress here cannot resume: some of its cards are no longer \
                 in the decks. It is replaced by the next one."
                    .to_owned(),
            );
            None
        }
    }

    /// A key on the options screen.
    pub(in crate::app) fn update_options(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let Screen::Options(screen) = &mut self.screen else {
            return Vec::new();
        };
        if screen.count_input.is_some() {
            if let Some(notice) = screen.type_count(action) {
                self.notice = Some(notice);
            }
            return Vec::new();
        }
        match action {
            Action::Help => screen.help = !screen.help,
            _ if screen.help => {}
            Action::Start if screen.resume.is_some() => return self.resume_test(),
            Action::Discard if screen.resume.is_some() => {
                screen.resume = None;
                let ids = deck_ids(self, &self.screen_decks());
                self.practice_memory.drop_test(&ids);
                self.notice = Some("The test in progress is discarded.".to_owned());
                return vec![self.save_practice()];
            }
            Action::Setting(setting) => {
                self.notice = None;
                screen.change(*setting);
            }
            Action::Start => return self.start_mode(now),
            // The drawing stops at the last line: a scroll past it shows the same.
            Action::Down | Action::PageDown => {
                let step = if *action == Action::PageDown { 5 } else { 1 };
                screen.scroll = screen.scroll.saturating_add(step).min(MAX_SCROLL);
            }
            Action::Up | Action::PageUp => {
                let step = if *action == Action::PageUp { 5 } else { 1 };
                screen.scroll = screen.scroll.saturating_sub(step);
            }
            Action::Back => {
                self.notice = None;
                return self.go_home();
            }
            _ => {}
        }
        Vec::new()
    }

    fn screen_decks(&self) -> Vec<usize> {
        match &self.screen {
            Screen::Options(screen) => screen.decks.clone(),
            _ => Vec::new(),
        }
    }

    /// Takes up the test in progress where it was left.
    fn resume_test(&mut self) -> Vec<Effect> {
        let Screen::Options(screen) = &mut self.screen else {
            return Vec::new();
        };
        let Some(test) = screen.resume.take() else {
            return Vec::new();
        };
        let (answered, total) = (
            test.question_count() - test.unanswered().len(),
            test.question_count(),
        );
        self.notice = Some(format!(
            "Resumed: {answered} of {} answered.",
            crate::english::counted(total, "question")
        ));
        self.screen = Screen::Test(Box::new(super::Practice::new(*test)));
        Vec::new()
    }

    /// Starts the mode from its options screen, and remembers its options for these decks.
    fn start_mode(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Options(screen) = &self.screen else {
            return Vec::new();
        };
        let screen = (**screen).clone();
        let terms = terms(&self.study, &screen.decks, screen.options.starred_only);
        if let Some(why) = screen.why_not_start(&terms) {
            self.notice = Some(why);
            return Vec::new();
        }
        let ids = deck_ids(self, &screen.decks);
        self.practice_memory
            .remember(&ids, screen.mode, &screen.options);
        self.start_practice(screen, terms, ids, now);
        vec![self.save_practice()]
    }

    /// The memory as it is now, for the runtime to write.
    pub(in crate::app) fn save_practice(&self) -> Effect {
        Effect::SavePractice(Box::new(self.practice_memory.clone()))
    }
}

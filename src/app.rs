//! The TUI's state and its one direction of data: a key press becomes an [`Action`],
//! [`App::update`] changes the state and returns [`Effect`]s, the runtime performs them (the
//! only I/O) and reports back with another action, and the frame is redrawn from `&App`.

pub mod backlog;
mod cram;
mod exam;
pub mod keys;
pub mod practice;
pub mod runtime;
mod statistics;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::deck::{Collection, Source};
use crate::motivation::{Goals, Motivation};
use crate::scheduler::Rating;
use crate::session::review::{Kind, Notice, ReviewSession, Side};
use crate::store::{NewEvent, NewKind};
use crate::study::{DueCounts, Study};
pub use keys::{Binding, Keys};
pub use practice::{OptionsScreen, PracticeMode, Setting};
pub use statistics::{Simulation, StatsScreen};

use crate::session::flashcards::Flashcards;
use crate::session::learn::{Learn, Stage as LearnStage};
use crate::session::matching::Match;
use crate::session::practice_test::PracticeTest;
use crate::session::questions::Ask;

/// A user intent, or the outcome of an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Review the selected deck.
    Open,
    /// Review everything due.
    ReviewAll,
    Reveal,
    Grade(Rating),
    Undo,
    Bury,
    Suspend,
    Edit,
    MoreNew,
    /// On the done screen: review cards due in the next days, early.
    ReviewAhead,
    /// On the done screen: go through the decks' cards without changing their schedule.
    Cram,
    /// The same, with the starred cards only.
    CramStarred,
    /// The same, with the cards of one tag, typed in.
    CramTag,
    Help,
    Back,
    Quit,
    /// An event was written to the log.
    Written(NewEvent),
    /// Writing an event failed; nothing changed.
    WriteFailed(String),
    /// The decks were read again (after an edit).
    Reloaded(Collection),
    /// Events written together (a backlog plan).
    WrittenAll(Vec<NewEvent>),
    /// On the home screen: preview a plan that spreads the backlog over days.
    Backlog,
    /// On the home screen: undo the backlog plan in effect.
    UndoBacklog,
    /// On the home screen: set the selected deck's exam date.
    SetExam,
    /// A workload simulation came back.
    Simulated(Result<Vec<crate::workload::Workload>, String>),
    /// Events appended to the log since it was read (another window's answers).
    LogRead(Vec<crate::store::Event<'static>>),
    /// Time passed with no key (a learning card may have come due, a timer ticks).
    Tick,
    /// Opens or closes the mode picker.
    Picker,
    /// Starts typing a filter for the deck list.
    Filter,
    /// Go on without saving, after being told the log cannot be written.
    StudyWithoutSaving,
    /// Read the deck files again.
    Reload,
    /// Opens the statistics of the selected deck.
    Statistics,
    /// A mode from the picker: `None` is review.
    PickMode(Option<PracticeMode>),
    Setting(Setting),
    /// Starts the mode from its options screen.
    Start,
    Star,
    Shuffle,
    ToggleSorting,
    /// Continue: the next question, round or game.
    Proceed,
    StartOver,
    /// Option, answer or tile `n`, counting from 1.
    Choose(usize),
    Type(char),
    Backspace,
    Submit,
    DontKnow,
    /// "I was right".
    Override,
    Left,
    Right,
    Previous,
    Retake,
    LeaveField,
    EnterField,
    /// A mouse click at a cell of a `width`×`height` terminal.
    Click {
        column: u16,
        row: u16,
        width: u16,
        height: u16,
    },
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Write(NewEvent),
    /// Several events in one write (a backlog plan).
    WriteAll(Vec<NewEvent>),
    /// Open the deck file in the user's editor at a line, then reload the decks.
    Edit {
        path: PathBuf,
        line: usize,
    },
    /// Read the deck files again; with `only_if_changed`, only if one changed on disk since.
    Reload {
        only_if_changed: bool,
    },
    /// Run a workload simulation away from the screen; [`Action::Simulated`] brings it back.
    Simulate(Box<crate::workload::Job>),
    Quit,
}

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Review(Box<ReviewSession>),
    Options(Box<OptionsScreen>),
    Flashcards(Box<Flashcards>),
    Learn(Box<Learn>),
    Match(Box<Match>),
    Test(Box<PracticeTest>),
    Stats(Box<StatsScreen>),
}

/// How a one-line text field (an exam date, a tag to cram) was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineEnd {
    Cancel,
    Submit,
}

/// Applies a key to a one-line text field: typing (what `accept` takes, given the text so
/// far), Backspace, and Esc or Enter, which end it.
fn edit_line(
    text: &mut String,
    action: &Action,
    accept: impl Fn(&str, char) -> bool,
) -> Option<LineEnd> {
    match action {
        Action::Type(c) if accept(text, *c) => text.push(*c),
        Action::Backspace => {
            text.pop();
        }
        Action::LeaveField | Action::Back => return Some(LineEnd::Cancel),
        Action::Submit => return Some(LineEnd::Submit),
        _ => {}
    }
    None
}

/// How far ahead `a` on the done screen reviews, in days.
pub const AHEAD_DAYS: u32 = 7;

/// How many new cards `n` adds on the done screen.
pub const MORE_NEW: usize = 10;
/// Rows a page key moves by.
const PAGE: usize = 10;

/// Everything the TUI shows.
#[derive(Debug)]
pub struct App {
    pub study: Study,
    /// Shown so the user knows where to put deck files.
    pub decks_dir: PathBuf,
    pub screen: Screen,
    /// Selected row of the home screen's deck list.
    pub selected: usize,
    pub help: bool,
    /// A message for the home screen (unreadable log lines, a failed write, ...).
    pub notice: Option<String>,
    /// The time of the last action; screens that show intervals read it.
    pub now: DateTime<FixedOffset>,
    /// Today's counts per deck, recomputed when they can change rather than every frame.
    pub counts: Vec<DueCounts>,
    /// Each deck's mastery, 0 to 1, recomputed with the counts.
    pub mastery: Vec<f64>,
    /// Today's review answers and the milliseconds they took, recomputed with the counts.
    pub today: (usize, u64),
    pub filter: DeckFilter,
    /// The mode picker is open over the home screen.
    pub picker: bool,
    /// Far more reviews due than on a normal day, over all decks.
    pub backlog: Option<crate::study::backlog::Backlog>,
    /// Reviews a backlog plan moved that are still to come.
    pub catching_up: usize,
    /// A backlog plan being previewed over the home screen.
    pub plan_preview: Option<backlog::PlanPreview>,
    /// An exam date being typed for a deck.
    pub exam_input: Option<exam::ExamInput>,
    /// A tag being typed on the done screen, to cram its cards.
    pub tag_input: Option<String>,
    /// Each deck's exam ahead, if it has one: days left and predicted recall.
    pub exams: Vec<Option<crate::study::exam::Outlook>>,
    /// Esc left the answer field; keys are commands until Enter goes back in.
    pub field_left: bool,
    /// Lines a practice card's text is scrolled by; back to the top for each card.
    pub practice_scroll: u16,
    pub theme: crate::ui::Theme,
    /// How typed answers are graded, from the settings.
    pub strictness: crate::session::grade::Strictness,
    /// Whether answers are written to the log.
    pub saving: Saving,
    /// Streak and XP, when the settings turn them on; replayed when the home screen shows.
    pub goals: Goals,
    pub motivation: Option<Motivation>,
}

/// Whether answers reach the review log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    On,
    /// The log cannot be written, for this reason; the user has not yet chosen to go on.
    Ask(String),
    /// The user chose to study anyway: answers count in this session only.
    Off(String),
}

/// The deck list's filter: text matched against names and ids, and whether keys type into it.
#[derive(Debug, Default)]
pub struct DeckFilter {
    pub text: String,
    pub typing: bool,
}

/// One line of the deck list: a valid deck, or a file with problems.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    /// A folder of decks.
    Group(&'a str),
    Deck(usize, &'a crate::deck::Deck),
    Broken(&'a crate::deck::BrokenDeck),
}

impl App {
    #[must_use]
    pub fn new(study: Study, decks_dir: PathBuf, now: DateTime<FixedOffset>) -> Self {
        let mut app = Self {
            study,
            decks_dir,
            screen: Screen::Home,
            selected: 0,
            help: false,
            notice: None,
            now,
            counts: Vec::new(),
            mastery: Vec::new(),
            today: (0, 0),
            filter: DeckFilter::default(),
            picker: false,
            backlog: None,
            catching_up: 0,
            plan_preview: None,
            exam_input: None,
            tag_input: None,
            exams: Vec::new(),
            field_left: false,
            practice_scroll: 0,
            theme: crate::ui::Theme::default(),
            strictness: crate::session::grade::Strictness::default(),
            saving: Saving::On,
            goals: Goals::default(),
            motivation: None,
        };
        app.recount();
        app
    }

    /// The deck list: decks sorted by id, each folder's decks under a group row, then files
    /// with problems; only what matches the filter.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'_>> {
        let collection = &self.study.collection;
        let filter = self.filter.text.to_lowercase();
        let matches = |deck: &crate::deck::Deck| {
            filter.is_empty()
                || deck.name.to_lowercase().contains(&filter)
                || deck.id.as_str().to_lowercase().contains(&filter)
        };
        let mut rows = Vec::new();
        let mut group = "";
        for (i, deck) in collection
            .decks
            .iter()
            .enumerate()
            .filter(|(_, d)| matches(d))
        {
            let folder = deck
                .id
                .as_str()
                .rsplit_once('/')
                .map_or("", |(folder, _)| folder);
            if !folder.is_empty() && folder != group {
                rows.push(Row::Group(folder));
            }
            group = folder;
            rows.push(Row::Deck(i, deck));
        }
        rows.extend(
            collection
                .broken
                .iter()
                .filter(|b| filter.is_empty() || b.id.as_str().to_lowercase().contains(&filter))
                .map(Row::Broken),
        );
        rows
    }

    fn row_count(&self) -> usize {
        self.rows().len()
    }

    /// The decks of the selected row (a deck, or every deck of a group), with a title.
    #[must_use]
    pub fn selected_decks(&self) -> Option<(Vec<usize>, String)> {
        match self.rows().get(self.selected).copied()? {
            Row::Deck(index, deck) => Some((vec![index], deck.name.clone())),
            Row::Group(folder) => Some((self.folder_decks(folder), folder.to_owned())),
            Row::Broken(_) => None,
        }
    }

    /// The decks inside a folder of the decks directory, at any depth.
    fn folder_decks(&self, folder: &str) -> Vec<usize> {
        let prefix = format!("{folder}/");
        let decks = &self.study.collection.decks;
        (0..decks.len())
            .filter(|&d| decks[d].id.as_str().starts_with(&prefix))
            .collect()
    }

    /// A folder's counts for its group row: the sum of its decks'.
    #[must_use]
    pub fn folder_counts(&self, folder: &str) -> DueCounts {
        self.folder_decks(folder)
            .into_iter()
            .filter_map(|d| self.counts.get(d).copied())
            .sum()
    }

    fn recount(&mut self) {
        self.counts = (0..self.study.collection.decks.len())
            .map(|deck| self.study.due_counts(deck, self.now))
            .collect();
        self.mastery = (0..self.study.collection.decks.len())
            .map(|deck| self.study.mastery(deck))
            .collect();
        self.today = self.study.today();
        // Passes over every card, replays of the whole log and plan simulations: only for the
        // home screen, which shows them, not after every answer.
        if matches!(self.screen, Screen::Home) {
            self.recount_backlog();
            self.exams = (0..self.study.collection.decks.len())
                .map(|deck| crate::study::exam::outlook(&self.study, deck, self.now))
                .collect();
            self.refresh_motivation();
        }
    }

    /// Replays streak and XP, if they are on.
    pub fn refresh_motivation(&mut self) {
        self.motivation = self
            .goals
            .any()
            .then(|| crate::motivation::compute(&self.study, self.now, self.goals.streak_goal));
    }

    /// The key table of what is showing.
    #[must_use]
    pub fn bindings(&self) -> Keys {
        if self.help {
            keys::HELP
        } else {
            self.screen_bindings()
        }
    }

    /// The key table of the screen, beneath any help overlay.
    #[must_use]
    pub fn screen_bindings(&self) -> Keys {
        if self.typing() {
            return if matches!(self.screen, Screen::Test(_)) {
                keys::TYPING_TEST
            } else {
                keys::TYPING_LEARN
            };
        }
        match &self.screen {
            Screen::Home if self.exam_input.is_some() => keys::EXAM_INPUT,
            Screen::Home if self.plan_preview.is_some() => keys::BACKLOG_PLAN,
            Screen::Home if self.picker => keys::PICKER,
            Screen::Home if self.catching_up > 0 => keys::HOME_CATCHING_UP,
            Screen::Home if self.backlog.is_some() => keys::HOME_BACKLOG,
            Screen::Home => keys::HOME,
            Screen::Options(options) => match options.mode {
                PracticeMode::Flashcards => keys::OPTIONS_FLASHCARDS,
                PracticeMode::Learn => keys::OPTIONS_LEARN,
                PracticeMode::Match => keys::OPTIONS_MATCH,
                PracticeMode::Test => keys::OPTIONS_TEST,
            },
            Screen::Flashcards(f) if f.all_known => keys::SORTING_DONE,
            Screen::Flashcards(f) if f.round_over() => keys::SORTING_ROUND_OVER,
            Screen::Flashcards(f) if f.sorting => keys::SORTING,
            Screen::Flashcards(_) => keys::FLASHCARDS,
            Screen::Learn(l) => learn_keys(l, self.field_left),
            Screen::Match(m) if m.finished.is_some() => keys::MATCH_DONE,
            Screen::Match(_) => keys::MATCH,
            Screen::Test(t) if t.report.is_some() => keys::TEST_REPORT,
            Screen::Test(t) if t.on_submit_page() => keys::TEST_SUBMIT,
            Screen::Test(_) => keys::TEST_QUESTION,
            Screen::Stats(_) => keys::STATS,
            Screen::Review(_) if self.tag_input.is_some() => keys::TAG_INPUT,
            Screen::Review(session) => match &session.current {
                None if self.study.has_unseen(&session.decks) => keys::DONE_MORE_NEW,
                None => keys::DONE,
                Some(current) if current.side == Side::Question => keys::QUESTION,
                Some(_) => keys::ANSWER,
            },
        }
    }

    /// Whether keys type into an answer field.
    #[must_use]
    pub fn typing(&self) -> bool {
        !self.help
            && !self.field_left
            && match &self.screen {
                Screen::Learn(l) => l.typing(),
                Screen::Test(t) => t.typing(),
                _ => false,
            }
    }

    /// The action `key` means here, if any. Ctrl-C always quits.
    #[must_use]
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        // Nothing else until the user says whether to study without saving.
        if matches!(self.saving, Saving::Ask(_)) {
            return match key.code {
                KeyCode::Char('y') => Some(Action::StudyWithoutSaving),
                KeyCode::Char('n' | 'q') | KeyCode::Esc => Some(Action::Quit),
                _ => None,
            };
        }
        if self.filter.typing || self.exam_input.is_some() || self.tag_input.is_some() {
            return match key.code {
                KeyCode::Char(c) => Some(Action::Type(c)),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Esc => Some(Action::LeaveField),
                KeyCode::Up => Some(Action::Up),
                KeyCode::Down => Some(Action::Down),
                _ => None,
            };
        }
        let table = self
            .bindings()
            .iter()
            .find(|binding| binding.keys.contains(&key.code));
        if self.typing() {
            return match key.code {
                KeyCode::Char(c) => Some(Action::Type(c)),
                KeyCode::Backspace => Some(Action::Backspace),
                _ => table.map(|binding| binding.action.clone()),
            };
        }
        // Match tiles are picked by their letter; test answers by their number.
        match (&self.screen, key.code) {
            (Screen::Match(m), KeyCode::Char(c @ 'a'..='l'))
                if !self.help && m.finished.is_none() =>
            {
                return Some(Action::Choose(usize::from(c as u8 - b'a') + 1));
            }
            (Screen::Test(t), KeyCode::Char(c @ '1'..='9')) if !self.help && t.report.is_none() => {
                return Some(Action::Choose(usize::from(c as u8 - b'0')));
            }
            _ => {}
        }
        self.bindings()
            .iter()
            .find(|binding| binding.keys.contains(&key.code))
            .map(|binding| binding.action.clone())
    }

    /// When the runtime should wake without a key: when a learning card comes due, or every
    /// tenth of a second while the match timer runs.
    #[must_use]
    pub fn wake_at(&self) -> Option<DateTime<FixedOffset>> {
        match &self.screen {
            Screen::Review(session) if session.current.is_none() => {
                session.queue.learning.first().map(|(at, _)| *at)
            }
            Screen::Match(m) if m.finished.is_none() => {
                Some(self.now + chrono::Duration::milliseconds(100))
            }
            _ => None,
        }
    }

    /// Whether the screen wants mouse clicks (match tiles).
    #[must_use]
    pub fn wants_mouse(&self) -> bool {
        matches!(self.screen, Screen::Match(_))
    }

    /// Applies an action at `now`.
    pub fn update(&mut self, action: Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        self.now = now;
        self.study.roll_day(now);
        if let Screen::Review(session) = &mut self.screen {
            session.roll_day(&self.study, now);
        }
        match action {
            Action::Quit => return vec![Effect::Quit],
            _ if self.exam_input.is_some() => return self.exam_key(&action, now),
            _ if self.tag_input.is_some() => self.tag_key(&action),
            Action::Help => self.help = !self.help,
            Action::Star => return self.toggle_star(now),
            Action::LeaveField if self.filter.typing => {
                self.filter.typing = false;
                self.filter.text.clear();
                self.selected = 0;
            }
            Action::LeaveField => self.field_left = true,
            Action::EnterField => self.field_left = false,
            Action::Picker => self.picker = !self.picker,
            Action::StudyWithoutSaving => {
                if let Saving::Ask(reason) = &self.saving {
                    self.saving = Saving::Off(reason.clone());
                }
            }
            Action::PickMode(Some(mode)) if matches!(self.screen, Screen::Review(_)) => {
                // From the review's done screen: practise the same decks.
                if let Screen::Review(session) = &self.screen {
                    let (decks, title) = (session.decks.clone(), session.title.clone());
                    self.open_options(mode, decks, title);
                }
            }
            Action::PickMode(mode) => {
                self.picker = false;
                if let Some((decks, title)) = self.selected_decks() {
                    match mode {
                        None => self.start_review(decks, title),
                        Some(mode) => self.open_options(mode, decks, title),
                    }
                }
            }
            Action::Setting(setting) => self.change_setting(setting),
            Action::Statistics => self.open_statistics(now),
            Action::Right | Action::Left if matches!(self.screen, Screen::Stats(_)) => {
                return self.switch_stats_tab(action == Action::Right);
            }
            Action::Start => self.start_mode(now),
            Action::Simulated(result) => self.simulated(result),
            Action::SetExam => self.ask_exam(),
            Action::Backlog => self.preview_plan(0, now),
            Action::Right | Action::Left if self.plan_preview.is_some() => {
                self.preview_plan(if action == Action::Right { 1 } else { -1 }, now);
            }
            Action::Open if self.plan_preview.is_some() => return self.apply_plan(now),
            Action::Back if self.plan_preview.is_some() => self.plan_preview = None,
            Action::UndoBacklog => return self.undo_plan(now),
            Action::WrittenAll(events) => self.plan_written(&events),
            Action::Written(event) => self.written(&event),
            Action::WriteFailed(message) => self.set_notice(format!("Not saved: {message}")),
            Action::Reloaded(collection) => {
                self.study.replace_collection(collection);
                self.selected = self.selected.min(self.row_count().saturating_sub(1));
                self.refreshed(now);
            }
            Action::LogRead(events) => {
                self.study.absorb(events);
                self.refreshed(now);
            }
            Action::Tick => {
                if let Screen::Review(session) = &mut self.screen {
                    session.refresh(&self.study, now);
                }
            }
            Action::Back if !matches!(self.screen, Screen::Home | Screen::Review(_)) => {
                self.notice = None;
                return self.go_home();
            }
            action => {
                return match self.screen {
                    Screen::Home => self.update_home(&action),
                    Screen::Review(_) => self.update_review(&action),
                    _ => self.update_practice(&action, now),
                };
            }
        }
        Vec::new()
    }

    fn update_home(&mut self, action: &Action) -> Vec<Effect> {
        let last = self.row_count().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(PAGE),
            Action::PageDown => self.selected = (self.selected + PAGE).min(last),
            Action::First => self.selected = 0,
            Action::Last => self.selected = last,
            Action::Open => {
                if let Some((decks, title)) = self.selected_decks() {
                    self.start_review(decks, title);
                }
            }
            Action::Filter => self.filter.typing = true,
            Action::Reload => {
                return vec![Effect::Reload {
                    only_if_changed: false,
                }];
            }
            Action::Type(c) if self.filter.typing => {
                self.filter.text.push(*c);
                self.selected = 0;
            }
            Action::Backspace if self.filter.typing => {
                self.filter.text.pop();
                self.selected = 0;
            }
            Action::Submit if self.filter.typing => self.filter.typing = false,
            Action::ReviewAll => {
                let all = (0..self.study.collection.decks.len()).collect();
                let title = self.study.collection.all_decks_title();
                self.start_review(all, title);
            }
            Action::Back => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// After the decks or the log changed under the screen.
    fn refreshed(&mut self, now: DateTime<FixedOffset>) {
        if let Screen::Review(session) = &mut self.screen {
            session.refresh(&self.study, now);
        }
        self.recount();
    }

    /// Opens the review screen on `decks`.
    pub fn start_review(&mut self, decks: Vec<usize>, title: String) {
        self.start_session(decks, title, Kind::Due);
    }

    /// Opens the review screen on `decks` for a session of `kind`.
    pub fn start_session(&mut self, decks: Vec<usize>, title: String, kind: Kind) {
        self.notice = None;
        let session = ReviewSession::start_kind(&self.study, decks, title, self.now, kind);
        self.screen = Screen::Review(Box::new(session));
    }

    fn update_review(&mut self, action: &Action) -> Vec<Effect> {
        let now = self.now;
        let Screen::Review(session) = &mut self.screen else {
            return Vec::new();
        };
        let write = |event: Option<NewEvent>| event.map(Effect::Write).into_iter().collect();
        match action {
            Action::Reveal => session.reveal(),
            Action::Grade(rating) => return write(session.answer(*rating, now)),
            Action::Bury => return write(session.hide(true, now)),
            Action::Suspend => return write(session.hide(false, now)),
            Action::Undo => match session.undo_event(now) {
                Some(event) => return vec![Effect::Write(event)],
                None => session.nothing_to_undo(),
            },
            Action::Up => session.scroll_by(-1),
            Action::Down => session.scroll_by(1),
            Action::MoreNew => session.study_more_new(&self.study, MORE_NEW, now),
            Action::ReviewAhead | Action::Cram | Action::CramStarred | Action::CramTag
                if session.current.is_none() =>
            {
                self.study_on(action);
            }
            Action::Edit => return self.edit_current(),
            Action::Back => return self.go_home(),
            _ => {}
        }
        Vec::new()
    }

    /// Back to the deck list, which picks up deck files edited on disk meanwhile, and answers
    /// another window wrote to the log.
    fn go_home(&mut self) -> Vec<Effect> {
        self.screen = Screen::Home;
        self.recount();
        vec![Effect::Reload {
            only_if_changed: true,
        }]
    }

    fn edit_current(&mut self) -> Vec<Effect> {
        let Screen::Review(session) = &mut self.screen else {
            return Vec::new();
        };
        let Some(place) = session
            .current
            .as_ref()
            .and_then(|c| self.study.place(&c.card))
        else {
            return Vec::new();
        };
        let line = self.study.card(place).line;
        match &self.study.deck(place.deck).source {
            Source::File(path) => vec![Effect::Edit {
                path: path.clone(),
                line,
            }],
            Source::Bundled => {
                session.notice = Some(Notice::Error(
                    "The built-in deck has no file to edit; copy it into your decks folder."
                        .to_owned(),
                ));
                Vec::new()
            }
        }
    }

    fn written(&mut self, event: &NewEvent) {
        match &mut self.screen {
            Screen::Review(session) if !matches!(event.kind, NewKind::Star | NewKind::Unstar) => {
                session.applied(&mut self.study, event, self.now);
            }
            _ => {
                self.study.record(event.to_event(), event.card.as_deref());
            }
        }
        if matches!(
            event.kind,
            NewKind::Undo { .. } | NewKind::Review { .. } | NewKind::Exam { .. }
        ) {
            self.recount();
        }
        if matches!(self.screen, Screen::Home)
            && event.card.is_none()
            && matches!(event.kind, NewKind::Undo { .. })
        {
            self.notice = Some("Undid the backlog plan: its reviews are due again.".to_owned());
        }
    }

    fn set_notice(&mut self, message: String) {
        match &mut self.screen {
            Screen::Review(session) => session.notice = Some(Notice::Error(message)),
            _ => self.notice = Some(message),
        }
    }
}

/// Learn's keys, by what is on screen.
fn learn_keys(learn: &Learn, field_left: bool) -> Keys {
    match (&learn.stage, &learn.current) {
        (LearnStage::Done, _) => keys::LEARN_DONE,
        (LearnStage::RoundOver, _) | (_, None) => keys::LEARN_ROUND_OVER,
        (_, Some(asked)) => match (&asked.outcome, &asked.question.ask) {
            (Some(outcome), _) if outcome.overridable => keys::LEARN_FEEDBACK_OVERRIDE,
            (Some(_), _) => keys::LEARN_FEEDBACK,
            (None, Ask::Choice { .. }) => keys::LEARN_CHOICE,
            (None, Ask::TrueFalse { .. }) => keys::LEARN_TRUE_FALSE,
            (None, Ask::Written) if field_left => keys::LEARN_FIELD_LEFT,
            (None, Ask::Written) => keys::TYPING_LEARN,
        },
    }
}

#[cfg(test)]
mod tests;

//! What flows through the app: [`Action`]s in (a user intent from a key table, or the outcome
//! of an effect) and [`Effect`]s out (work for the runtime, the only part that does I/O).

use std::path::PathBuf;

use super::practice::{PracticeMode, Setting};
use crate::deck::Collection;
use crate::scheduler::Rating;
use crate::store::{Event, NewEvent};
use crate::workload::{Job, Workload};

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
    /// On the home screen: preview a plan that spreads the backlog over days.
    Backlog,
    /// On the home screen: undo the backlog plan in effect.
    UndoBacklog,
    /// On the home screen: set the selected deck's exam date.
    SetExam,
    /// Opens or closes the mode picker.
    Picker,
    /// On the home screen: folds the selected folder's decks away, or shows them again.
    ToggleFolder,
    /// Starts typing a filter for the deck list.
    Filter,
    /// Opens the card browser (on the selected deck, or the card on screen).
    Browse,
    /// Opens the card browser on the suspended cards and the leeches.
    BrowseTrouble,
    /// In the browser: marks the selected card, or unmarks it.
    Mark,
    /// In the browser: marks every card found, or clears the marks.
    MarkAll,
    /// In the browser: sorts by the next column.
    SortNext,
    /// In the browser: reverses the order.
    SortReverse,
    /// Back to new, keeping the history.
    Forget,
    /// Asks for a due date (Anki's syntax).
    SetDue,
    /// Opens the form for a new card.
    AddCard,
    /// Gives an orphaned history to the card it most likely belongs to.
    Relink,
    /// Writes the built-in deck into the decks folder, so that it can be edited.
    CopyBuiltIn,
    /// Go on without saving, after being told the log cannot be written.
    StudyWithoutSaving,
    /// Read the deck files again.
    Reload,
    /// Opens the statistics of the selected deck.
    Statistics,
    /// On the statistics: the next range of the tab's chart of days (1 month, 3 months, …).
    NextRange,
    /// On the statistics' calendar: the next year shown (the last 12 months, then each year).
    NextYear,
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
    /// Option, answer or tile `n`, counting from 1 (a key, or a click on what drawing reported).
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
    /// In a practice test: submit now if every question is answered, else show which are not.
    Finish,
    /// Throw away what is in progress (a practice test being left).
    Discard,
    /// Answer "no" to a question the screen asks (stay in the test).
    Stay,
    LeaveField,
    EnterField,
    /// In a text field: move the cursor or delete ([`super::line_input`]).
    EditField(super::line_input::FieldEdit),
    /// On the review screen: type the answers of this session's cards, or stop.
    ToggleTyping,
    /// On the review screen: show the card's hint.
    ShowHint,
    /// Plays the side's sounds and speech again.
    Replay,
    /// Opens the side's pictures in the system viewer.
    OpenImage,

    // What the runtime reports back.
    /// An event was written to the log.
    Written(NewEvent),
    /// Events written together (a backlog plan).
    WrittenAll(Vec<NewEvent>),
    /// Writing failed, for this reason; nothing changed.
    WriteFailed(String),
    /// Something the user should know that changed nothing (a sound that would not play).
    Notice(String),
    /// The decks were read again (after an edit).
    Reloaded(Collection),
    /// Events appended to the log since it was read (another window's answers).
    LogRead(Vec<Event<'static>>),
    /// A card was appended to a deck file, at this place (`path:line`).
    CardAdded {
        card: String,
        place: String,
    },
    /// The built-in deck was written into the decks folder, here.
    CopiedBuiltIn(PathBuf),
    /// A workload simulation came back.
    Simulated(Result<Vec<Workload>, String>),
    /// The terminal was drawn at this size (in cells), other than the last: below
    /// `ui::MIN_WIDTH` × `ui::MIN_HEIGHT` the screen is hidden, keys but Ctrl-C do nothing and
    /// the match clock stands.
    Resize {
        width: u16,
        height: u16,
    },
    /// The clock woke the app with no key (see [`super::clock`]): a learning card may have
    /// come due, or the match timer ticks.
    Tick,
}

impl Action {
    /// Whether the runtime sends it (a result or the clock), rather than a key.
    #[must_use]
    pub fn from_runtime(&self) -> bool {
        matches!(
            self,
            Self::Written(_)
                | Self::WrittenAll(_)
                | Self::WriteFailed(_)
                | Self::Notice(_)
                | Self::Reloaded(_)
                | Self::LogRead(_)
                | Self::Simulated(_)
                | Self::CardAdded { .. }
                | Self::CopiedBuiltIn(_)
                | Self::Resize { .. }
                | Self::Tick
        )
    }
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
    /// Also reads what other windows appended to the log.
    Reload {
        only_if_changed: bool,
    },
    /// Run a workload simulation away from the screen; [`Action::Simulated`] brings it back.
    Simulate(Box<Job>),
    /// Append a card to a deck's file (`deck::write::add_card`), then read the decks again.
    AddCard {
        deck: String,
        card: crate::deck::append::NewCard,
    },
    /// Write a new card in the editor, starting from what the form held, then add it as
    /// [`Effect::AddCard`] does.
    AddInEditor {
        deck: String,
        card: crate::deck::append::NewCard,
    },
    /// Write the built-in deck into the decks folder, then read the decks again.
    CopyBuiltIn,
    /// Stop what plays (and end what was spoken) before playing this: the speech, then each
    /// sound in turn.
    Play(super::media::Playback),
    /// Stop what plays: the card changed or the app leaves.
    StopAudio,
    /// Open a picture in the system viewer, without waiting for it.
    OpenImage(PathBuf),
    /// Replace the practice modes' memory file (`runtime::memory`) with this.
    SavePractice(Box<super::practice::PracticeMemory>),
    Quit,
}

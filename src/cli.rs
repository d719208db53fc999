//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod add;
mod cards;
mod set_due;
pub use add::AddArgs;
pub use cards::{CardsArgs, CardsChosen};
pub use set_due::SetDueArgs;

/// Study flashcards in your terminal with spaced repetition.
///
/// Run without a command to open the study screen on your decks. Decks are plain TOML files;
/// see docs/deck-format.md, or run `flashdeck check` to validate yours.
#[derive(Debug, Parser)]
#[command(name = "flashdeck", disable_version_flag = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags every command accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    // Help texts with placeholders like <data dir> are attributes, not doc comments, so that
    // rustdoc does not read them as HTML.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "Folder of deck files [env: FLASHDECK_DECKS] [default: ./decks if present, else <data dir>/decks]"
    )]
    pub decks: Option<PathBuf>,

    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help = "Folder for review history [env: FLASHDECK_DATA_DIR] [default: your platform's data folder]"
    )]
    pub data_dir: Option<PathBuf>,

    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help = "Settings file [env: FLASHDECK_CONFIG] [default: <config dir>/config.toml]"
    )]
    pub config: Option<PathBuf>,

    /// Print the version and where decks, data and settings live
    #[arg(short = 'V', long)]
    pub version: bool,

    /// For measurements and tests: leave, or panic, once the first frame is drawn.
    #[arg(long, hide = true, value_name = "exit|counted|hold|panic")]
    pub after_first_frame: Option<AfterFirstFrame>,
}

/// What the hidden `--after-first-frame` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AfterFirstFrame {
    /// Quit normally: start-up time to the first frame (on the home screen, the one drawn
    /// before the history is read).
    Exit,
    /// Quit normally once a frame with every card's state is drawn: start-up time to the
    /// home screen's counts.
    Counted,
    /// Keep the home screen's first frame, counting, until a signal, though the history is
    /// read and the caches written: proves the counting screen leaves on one, the terminal
    /// restored and no cache half written.
    Hold,
    /// Panic: proves the terminal is restored and the message printed.
    Panic,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check deck files for mistakes; exits 1 if any file has a problem
    Check {
        /// Deck files or folders to check [default: your deck folder]
        paths: Vec<PathBuf>,
    },
    /// List your decks with their card counts
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Turn a Quizlet, Knowt, CSV or Anki export into a deck
    Import(ImportArgs),
    /// Add a card to a deck: appended at the end of its file, which is otherwise left as it is
    Add(AddArgs),
    /// Write the built-in example deck into the deck folder, to edit it and add cards to it
    Init,
    /// Review what is due now, in the given decks or all of them
    Review {
        /// Deck ids (as `flashdeck list` shows them), folders of decks, or deck files
        /// [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
        /// Review ahead: the cards due in the next N days, early (their schedule adapts)
        #[arg(long, value_name = "N", conflicts_with = "cram", value_parser = days_ahead)]
        ahead: Option<u32>,
        /// Cram: go through every card without changing its schedule
        #[arg(long)]
        cram: bool,
        /// With --cram: only cards with this tag
        #[arg(long, requires = "cram")]
        tag: Option<String>,
        /// With --cram: only starred cards
        #[arg(long, requires = "cram")]
        starred: bool,
    },
    /// Flip through cards, or sort them into "know it" and "still learning"
    Flashcards {
        /// Deck ids, folders of decks, or deck files [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
    },
    /// Learn terms in rounds: multiple choice, then written, until mastered
    Learn {
        /// Deck ids, folders of decks, or deck files [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
    },
    /// Match six pairs against the clock
    Match {
        /// Deck ids, folders of decks, or deck files [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
    },
    /// Take a practice test with a graded report
    Test {
        /// Deck ids, folders of decks, or deck files [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
    },
    /// Statistics: today, the calendar, retention, the forecast, and each mode's mastery
    Stats {
        /// Print JSON with the same figures
        #[arg(long)]
        json: bool,
        /// Deck ids, folders of decks, deck files, or a search in the card browser's
        /// language ('deck:lang tag:verbs') [default: every deck]
        #[arg(value_name = "DECK|QUERY")]
        only: Vec<String>,
    },
    /// Show or create the settings file
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print, per deck, the new, learning and review cards due today
    Due {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Fit the FSRS parameters to your review history, and keep them if they predict it better
    Optimize(OptimizeArgs),
    /// Simulate the reviews a day ahead and the cards remembered, at a desired retention
    Simulate(SimulateArgs),
    /// Show the decks' exam dates, or set or clear one deck's
    Exam(ExamArgs),
    /// Spread a backlog of due reviews over days, the most at risk first (previews unless
    /// --apply)
    CatchUp(CatchUpArgs),
    /// Find cards with a search (see docs/search.md): one a line, or JSON with the export fields
    Cards(CardsArgs),
    /// Suspend cards: they are not shown until unsuspended
    Suspend(CardsChosen),
    /// Unsuspend cards (leeches included)
    Unsuspend(CardsChosen),
    /// Forget cards: back to new; their history stays in the log
    Forget(CardsChosen),
    /// Star cards
    Star(CardsChosen),
    /// Unstar cards
    Unstar(CardsChosen),
    /// Bury cards: hidden until the next day starts
    Bury(CardsChosen),
    /// Unbury cards
    Unbury(CardsChosen),
    /// Set cards due in some days, as review cards (Anki's "Set Due Date")
    #[command(
        allow_negative_numbers = true,
        override_usage = "flashdeck set-due <CARD>... <DAYS>\n       flashdeck set-due --query <QUERY> <DAYS>"
    )]
    SetDue(SetDueArgs),
    /// Give a card the history of an orphaned id (`flashdeck check` lists those): for a card
    /// whose front changed without an `id`
    Relink {
        /// The old card id, with the history
        #[arg(value_name = "OLD")]
        old: String,
        /// The card to give it to: a card in a deck, not studied yet
        #[arg(value_name = "NEW")]
        new: String,
    },
    /// Show a card: its text, file and line, schedule, why it is due, and its whole history
    Info {
        /// The card id, as `flashdeck cards` shows it (an orphaned history's id works too)
        card: String,
        /// Print JSON: the export fields, then the rest
        #[arg(long)]
        json: bool,
    },
    /// Print every card with its schedule and memory state
    Export {
        /// Print JSON (an array of objects)
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV with a header row [the default]
        #[arg(long)]
        csv: bool,
        /// Print the cards' text as Anki's "Notes in Plain Text", one note per card entry, for
        /// Anki's File > Import (no schedules)
        #[arg(long, conflicts_with_all = ["csv", "json"])]
        anki_notes: bool,
        /// With --anki-notes: copy the media the cards reference into DIR, Anki's
        /// collection.media folder, under the names the notes use
        #[arg(long, value_name = "DIR", requires = "anki_notes")]
        media_dir: Option<PathBuf>,
        /// Deck ids, folders of decks, or deck files [default: every deck]
        #[arg(value_name = "DECK")]
        only: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where the settings file is
    Path,
    /// Print every setting in effect and where it came from
    Show,
    /// Write a settings file with every default, explained
    Init {
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    #[arg(
        long,
        value_name = "FILE.csv",
        help = "Fit to this revlog instead (CSV: card_id,review_time,review_rating\
                [,review_state,review_duration]; time in ms since 1970 or RFC 3339)"
    )]
    pub revlog: Option<PathBuf>,
    /// Fit this preset's parameters, on its decks' reviews (or the revlog) [default: every
    /// preset with its decks, and the global section on the rest]
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Print JSON with the parameters and the figures
    #[arg(long)]
    pub json: bool,
    /// Report only; leave the settings as they are
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// The desired retention to simulate (0.70-0.99) [default: the setting]
    #[arg(long, value_name = "R")]
    pub retention: Option<f32>,
    /// Days to simulate
    #[arg(long, value_name = "N", default_value_t = 365)]
    pub days: usize,
    /// New cards a day, over all the decks [default: the setting, per deck]
    #[arg(long, value_name = "K")]
    pub new_per_day: Option<usize>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Deck ids, folders of decks, or deck files [default: every deck]
    #[arg(value_name = "DECK")]
    pub only: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExamArgs {
    /// The deck (its id, as `flashdeck list` shows it) [default: list every exam]
    #[arg(value_name = "DECK")]
    pub deck: Option<String>,
    /// The exam date, YYYY-MM-DD
    #[arg(value_name = "DATE", conflicts_with = "clear")]
    pub date: Option<chrono::NaiveDate>,
    /// Clear the deck's exam date
    #[arg(long, requires = "deck")]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct CatchUpArgs {
    /// Days to spread the due reviews over, from 2 to 365
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub days: u32,
    /// Write the plan (without it, only show it)
    #[arg(long, conflicts_with = "undo")]
    pub apply: bool,
    /// Take back the last plan: its cards are due again at once
    #[arg(long)]
    pub undo: bool,
    /// Deck ids, folders of decks, or deck files [default: every deck]
    #[arg(value_name = "DECK")]
    pub only: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The exported file
    pub file: PathBuf,

    #[arg(
        short,
        long,
        value_name = "OUT.toml",
        help = "Where to write the deck [default: <decks folder>/<name>.toml]"
    )]
    pub output: Option<PathBuf>,

    /// The deck's name [default: the file's name]
    #[arg(long)]
    pub name: Option<String>,

    /// The export's format [default: guessed from the content]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Between term and definition (Quizlet/Knowt): tab, comma, or any text [default: tab]
    #[arg(long, value_name = "SEP")]
    pub term_sep: Option<String>,

    /// Between cards (Quizlet/Knowt): newline, semicolon, or any text [default: newline]
    #[arg(long, value_name = "SEP")]
    pub card_sep: Option<String>,

    /// Between a CSV's columns: comma, semicolon, tab or one character [default: guessed from
    /// the header]
    #[arg(long, value_name = "SEP")]
    pub delimiter: Option<String>,

    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
}

/// Export formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Quizlet or Knowt: term, separator, definition; one card per line
    Quizlet,
    #[value(help = "CSV with a header row: front,back[,tags]")]
    Csv,
    /// Anki's "Notes in Plain Text" export
    Anki,
}

/// `--ahead N`: whole days from 1. Zero days ahead is today's review, which `review` without
/// `--ahead` already is, so it is refused rather than run as an empty session.
fn days_ahead(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(0) => Err(
            "0 days ahead is today's review: run `flashdeck review` without \
                      --ahead, or give 1 or more days"
                .to_owned(),
        ),
        Ok(days) => Ok(days),
        Err(_) => Err(format!("`{text}` is not a number of days (1 or more)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    /// Parsing builds every field, which catches a subcommand argument whose id clashes with
    /// a global flag (clap panics on the type mismatch only at parse time).
    #[test]
    fn every_subcommand_parses() {
        let lines: &[&[&str]] = &[
            &["flashdeck"],
            &["flashdeck", "--decks", "d", "--data-dir", "x", "-V"],
            &["flashdeck", "check", "a.toml", "b"],
            &["flashdeck", "list", "--json"],
            &[
                "flashdeck",
                "import",
                "f.txt",
                "-o",
                "o.toml",
                "--name",
                "N",
                "--format",
                "anki",
                "--force",
            ],
            &["flashdeck", "review", "sales", "--decks", "d"],
            &["flashdeck", "due", "--json"],
            &["flashdeck", "export", "--csv", "a", "b"],
            &["flashdeck", "export", "--json"],
            &["flashdeck", "export", "--anki-notes", "a"],
            &["flashdeck", "flashcards", "a"],
            &["flashdeck", "learn", "a", "b"],
            &["flashdeck", "match"],
            &["flashdeck", "test", "sales"],
            &["flashdeck", "config", "show"],
            &["flashdeck", "stats", "--json", "a"],
            &["flashdeck", "config", "init", "--force"],
            &[
                "flashdeck",
                "add",
                "es",
                "--front",
                "-x",
                "--back",
                "b",
                "--tag",
                "t",
                "--tag",
                "u",
                "--reverse",
                "--id",
                "k",
                "--hint",
                "h",
            ],
            &["flashdeck", "init"],
        ];
        for line in lines {
            let cli = Cli::try_parse_from(*line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            if let Some(Command::Review { only, .. }) = &cli.command {
                assert_eq!(only, &["sales"]);
                assert_eq!(cli.global.decks.as_deref(), Some(std::path::Path::new("d")));
            }
            if let Some(Command::Add(add)) = &cli.command {
                assert_eq!((add.front.as_str(), add.tags.len()), ("-x", 2));
            }
        }
        assert!(Cli::try_parse_from(["flashdeck", "export", "--csv", "--json"]).is_err());
    }
}

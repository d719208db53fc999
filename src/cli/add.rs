//! The arguments of `flashdeck add`.

use clap::Args;

/// `flashdeck add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The deck: its id, as `flashdeck list` shows it, or its file
    #[arg(value_name = "DECK")]
    pub deck: String,
    /// The question
    #[arg(long, allow_hyphen_values = true)]
    pub front: String,
    /// The answer
    #[arg(long, allow_hyphen_values = true)]
    pub back: String,
    /// A tag; repeat for more
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// A clue shown on request before the answer
    #[arg(long, allow_hyphen_values = true)]
    pub hint: Option<String>,
    /// Also study back -> front, as a card of its own
    #[arg(long)]
    pub reverse: bool,
    /// A key of your own (letters, digits, -, _, .) [default: a hash of the front]
    #[arg(long, value_name = "KEY")]
    pub id: Option<String>,
}

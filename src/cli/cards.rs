//! The arguments of `flashdeck cards` and of the card actions: a search, or card ids.

use clap::Args;

/// `flashdeck cards`.
#[derive(Debug, Args)]
pub struct CardsArgs {
    /// The search, e.g. `is:due prop:r<0.8 deck:sales`; several words are one query; one
    /// that starts with `-` goes after `--` (`cards -- -is:new`) [default: every card]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Print JSON (an array of objects, as `export --json`)
    #[arg(long)]
    pub json: bool,
    /// Order by this column [default: deck and file order]
    #[arg(long, value_enum)]
    pub sort: Option<crate::search::SortColumn>,
    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,
    /// Print at most this many cards
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// The cards an action is for: ids, or a search.
#[derive(Debug, Args)]
pub struct CardsChosen {
    /// Card ids (`DECK/KEY`, as `flashdeck cards` prints them)
    #[arg(
        value_name = "CARD",
        required_unless_present = "query",
        conflicts_with = "query"
    )]
    pub cards: Vec<String>,
    /// Every card this search finds (see docs/search.md)
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
}

//! The arguments of `flashdeck set-due`.

use clap::Args;

use super::CardsChosen;

/// `set-due`: the cards, then the days. Clap cannot put an optional list before a required
/// value, so both come as one list, split by [`SetDueArgs::split`].
#[derive(Debug, Args)]
pub struct SetDueArgs {
    /// Card ids (`DECK/KEY`), then DAYS: 0 (today), 3, 1-7 (a day in that range for each
    /// card), and `!` (5!, 1-7!) to set the interval to those days too
    #[arg(value_name = "CARD... DAYS", required = true, num_args = 1..)]
    pub words: Vec<String>,
    /// Every card this search finds (see docs/search.md)
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
}

impl SetDueArgs {
    /// The cards and the days; what is missing, or one too many, as a message.
    pub fn split(&self) -> Result<(CardsChosen, &str), String> {
        let Some((days, cards)) = self.words.split_last() else {
            return Err("set-due needs the days: `flashdeck set-due CARD... DAYS`".to_owned());
        };
        match (&self.query, cards) {
            (None, []) => Err(format!(
                "set-due needs the cards before the days: `flashdeck set-due CARD... {days}` \
                 or `flashdeck set-due --query QUERY {days}`"
            )),
            (Some(_), [_, ..]) => Err(format!(
                "with --query, give only the days (`{days}`), not card ids too"
            )),
            _ => Ok((
                CardsChosen {
                    cards: cards.to_vec(),
                    query: self.query.clone(),
                },
                days.as_str(),
            )),
        }
    }
}

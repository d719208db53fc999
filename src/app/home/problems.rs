//! A deck file with problems, from the home screen: Enter lists them over the deck list, and
//! `e` opens the file in `$EDITOR` at the first one (on a valid deck, at its top).

use super::super::{Action, App, Effect, keys};
use super::Row;
use crate::deck::{DeckId, Source};

impl App {
    /// A key over the problems of the file `id`.
    pub(in crate::app) fn problems_key(&mut self, action: &Action, id: &DeckId) -> Vec<Effect> {
        match action {
            Action::Edit => {
                self.home.overlay = None;
                self.study
                    .collection
                    .broken
                    .iter()
                    .find(|broken| broken.id == *id)
                    .map(|broken| Effect::Edit {
                        path: broken.path.clone(),
                        line: broken.problems.first().map_or(1, |p| p.line),
                    })
                    .into_iter()
                    .collect()
            }
            Action::Back => {
                self.home.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// `e` on the deck list: the selected file in the editor, at its first problem if it has
    /// any; the built-in deck says how to get a file of it.
    pub(in crate::app) fn edit_selected(&mut self) -> Vec<Effect> {
        let (path, line) = match self.rows().get(self.home.selected).copied() {
            Some(Row::Broken(broken)) => (
                broken.path.clone(),
                broken.problems.first().map_or(1, |p| p.line),
            ),
            Some(Row::Deck(_, deck)) => match &deck.source {
                Source::File(path) => (path.clone(), 1),
                Source::Bundled => {
                    let browse = keys::HOME.label(&Action::Browse);
                    let copy = keys::BROWSER.label(&Action::CopyBuiltIn);
                    self.notice = Some(format!(
                        "The built-in deck has no file to edit: {browse}, then {copy}, copies it to one."
                    ));
                    return Vec::new();
                }
            },
            _ => return Vec::new(),
        };
        vec![Effect::Edit { path, line }]
    }
}

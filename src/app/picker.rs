//! The mode picker, the same on the home screen (`m` on a deck or folder) and on the review's
//! done screen (`m` on the decks just reviewed): review, a practice mode, or cramming.

use super::{Action, App};
use crate::session::review::Kind;
use crate::study::CramFilter;

impl App {
    /// A pick from the picker on `decks`: whether it was one (and started something).
    pub(super) fn pick(&mut self, action: &Action, decks: Vec<usize>, title: String) -> bool {
        match action {
            Action::PickMode(None) => self.start_review(decks, title),
            Action::PickMode(Some(mode)) => self.open_options(*mode, decks, title),
            Action::Cram => {
                self.start_session(decks, title, Kind::Cram(CramFilter::default()));
            }
            _ => return false,
        }
        true
    }

    /// Why `m` opens no picker: there is no deck, or the row is a file with problems.
    pub(super) fn nothing_to_pick(&mut self) {
        let open = super::keys::HOME.label(&Action::Open);
        self.notice = Some(
            if self.study.collection.decks.is_empty() && self.study.collection.broken.is_empty() {
                format!(
                    "No decks yet, so nothing to study: put deck files (*.toml) in {}, or run `flashdeck import FILE`.",
                    self.decks_dir.display()
                )
            } else {
                // Short enough for a 40-column status line.
                format!("Fix it first: {open} lists its problems.")
            },
        );
    }
}

//! Studying on from the review's done screen: `a` reviews ahead, `c` crams the decks, `C` their
//! starred cards, and `#` one tag, typed in. The sessions themselves are `session::review`.

use super::{AHEAD_DAYS, Action, App, LineEnd, Screen, edit_line};
use crate::session::review::Kind;
use crate::study::CramFilter;

impl App {
    /// `a`, `c` or `C` on the done screen: the same decks, in another kind of session.
    pub(super) fn study_on(&mut self, action: &Action) {
        let Screen::Review(session) = &self.screen else {
            return;
        };
        let kind = match action {
            Action::ReviewAhead => Kind::Ahead(AHEAD_DAYS),
            Action::CramTag => {
                self.tag_input = Some(String::new());
                return;
            }
            _ => Kind::Cram(CramFilter {
                tag: None,
                starred: *action == Action::CramStarred,
            }),
        };
        let (decks, title) = (session.decks.clone(), session.title.clone());
        self.start_session(decks, title, kind);
    }

    /// A key while the tag to cram is typed.
    pub(super) fn tag_key(&mut self, action: &Action) {
        let Some(text) = &mut self.tag_input else {
            return;
        };
        match edit_line(text, action, |_, _| true) {
            Some(LineEnd::Cancel) => self.tag_input = None,
            Some(LineEnd::Submit) => {
                let tag = self.tag_input.take().unwrap_or_default();
                let Screen::Review(session) = &self.screen else {
                    return;
                };
                if tag.trim().is_empty() {
                    return;
                }
                let (decks, title) = (session.decks.clone(), session.title.clone());
                let filter = CramFilter {
                    tag: Some(tag.trim().to_owned()),
                    starred: false,
                };
                self.start_session(decks, title, Kind::Cram(filter));
            }
            None => {}
        }
    }

    /// The tags of the cards in `decks` (their decks' included), sorted.
    #[must_use]
    pub fn tags_in(&self, decks: &[usize]) -> Vec<&str> {
        self.study.tags_in(decks)
    }
}

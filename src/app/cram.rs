//! Studying on from the review's done screen: `a` reviews ahead, `c` crams the decks, `C` their
//! starred cards, and `#` one tag, typed in. The sessions themselves are `session::review`.

use super::review::ReviewOverlay;
use super::{AHEAD_DAYS, Action, App, Screen, line_input};
use crate::session::review::Kind;
use crate::study::CramFilter;

impl App {
    /// `a`, `c`, `C` or `#` on the done screen: the same decks, in another kind of session.
    pub(super) fn study_on(&mut self, action: &Action) {
        let Screen::Review(review) = &mut self.screen else {
            return;
        };
        let kind = match action {
            Action::ReviewAhead => Kind::Ahead(AHEAD_DAYS),
            Action::CramTag => {
                review.overlay = Some(ReviewOverlay::Tag(String::new()));
                return;
            }
            _ => Kind::Cram(CramFilter {
                tag: None,
                starred: *action == Action::CramStarred,
            }),
        };
        let (decks, title) = (review.session.decks.clone(), review.session.title.clone());
        self.start_session(decks, title, kind);
    }

    /// A key while the tag to cram is typed.
    pub(super) fn tag_key(&mut self, action: &Action) {
        let Screen::Review(review) = &mut self.screen else {
            return;
        };
        let Some(ReviewOverlay::Tag(text)) = &mut review.overlay else {
            return;
        };
        match line_input::edit(text, action, |_, _| true) {
            Some(line_input::End::Cancel) => review.overlay = None,
            Some(line_input::End::Submit) => {
                let tag = text.trim().to_owned();
                review.overlay = None;
                if tag.is_empty() {
                    return;
                }
                let (decks, title) = (review.session.decks.clone(), review.session.title.clone());
                let filter = CramFilter {
                    tag: Some(tag),
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

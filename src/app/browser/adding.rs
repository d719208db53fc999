//! Adding a card from the browser: a short form (deck, front, back, tags), or the same card
//! written in `$EDITOR`. The runtime appends it to the deck's file (`deck::write::add_card`,
//! which keeps every byte already there) and reads the decks again; the browser then shows
//! the new card.

use chrono::{DateTime, FixedOffset};

use super::{BrowserOverlay, BrowserScreen};
use crate::app::{Action, App, Effect, Screen, line_input};
use crate::deck::append::NewCard;
use crate::store::deck_of;

/// The new card's form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddForm {
    pub deck: String,
    pub front: String,
    pub back: String,
    /// Separated by spaces or commas.
    pub tags: String,
    /// The field being typed: 0 deck, 1 front, 2 back, 3 tags.
    pub field: usize,
}

impl AddForm {
    /// The fields' names, in order.
    pub const LABELS: [&'static str; 4] = ["Deck", "Front", "Back", "Tags"];

    /// The field being typed.
    fn text(&mut self) -> &mut String {
        match self.field {
            0 => &mut self.deck,
            1 => &mut self.front,
            2 => &mut self.back,
            _ => &mut self.tags,
        }
    }

    /// The fields' values, in order.
    #[must_use]
    pub fn values(&self) -> [&str; 4] {
        [&self.deck, &self.front, &self.back, &self.tags]
    }

    /// The card the form describes.
    #[must_use]
    pub fn card(&self) -> NewCard {
        NewCard {
            front: self.front.trim().to_owned(),
            back: self.back.trim().to_owned(),
            tags: self
                .tags
                .split([' ', ','])
                .filter(|tag| !tag.is_empty())
                .map(str::to_owned)
                .collect(),
            ..NewCard::default()
        }
    }
}

impl BrowserScreen {
    /// The deck a new card goes to first: the one searched for, else the selected card's.
    fn deck_for_new_card(&self, study: &crate::study::Study) -> String {
        let is_deck = |id: &str| study.collection.decks.iter().any(|d| d.id.as_str() == id);
        // A folder (`deck:group0`) is not a deck a card can go to.
        let searched = self
            .search
            .split_whitespace()
            .find_map(|term| term.strip_prefix("deck:"))
            .map(|deck| deck.trim_matches('"').to_owned())
            .filter(|deck| is_deck(deck));
        searched
            .or_else(|| self.selected_card().map(|f| deck_of(&f.card).to_owned()))
            .unwrap_or_default()
    }
}

impl App {
    /// `a`: opens the form for a new card.
    pub(super) fn open_add_form(&mut self) {
        if let Screen::Browser(browser) = &mut self.screen {
            // A card left unsaved (Esc, or the built-in deck refused) comes back as it was.
            let form = browser.draft.take().unwrap_or_else(|| {
                let deck = browser.deck_for_new_card(&self.study);
                let field = usize::from(!deck.is_empty());
                AddForm {
                    deck,
                    field,
                    ..AddForm::default()
                }
            });
            browser.overlay = Some(BrowserOverlay::Add(form));
        }
    }

    /// A key in the form: typing, moving between fields, saving, or the editor instead.
    pub(super) fn add_form_key(&mut self, mut form: AddForm, action: &Action) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        let last = AddForm::LABELS.len() - 1;
        match action {
            // Round the ends, as Tab goes round a form.
            Action::Down => form.field = (form.field + 1) % (last + 1),
            Action::Up => form.field = form.field.checked_sub(1).unwrap_or(last),
            Action::Submit if form.field < last => form.field += 1,
            Action::Submit | Action::Start => {
                browser.overlay = Some(BrowserOverlay::Add(form.clone()));
                return self.save_new_card(&form);
            }
            Action::Edit => {
                browser.overlay = Some(BrowserOverlay::Add(form.clone()));
                if let Some(refusal) = self.deck_refusal(form.deck.trim()) {
                    self.notice = Some(refusal);
                    return Vec::new();
                }
                let Screen::Browser(browser) = &mut self.screen else {
                    return Vec::new();
                };
                // Kept until the card is added: a failed editor or a refused card opens the
                // form again as it was.
                browser.overlay = None;
                browser.draft = Some(form.clone());
                return vec![Effect::AddInEditor {
                    deck: form.deck.trim().to_owned(),
                    card: form.card(),
                }];
            }
            _ => {
                let end = line_input::edit(form.text(), action, |_, _| true);
                if end == Some(line_input::End::Cancel) {
                    browser.overlay = None;
                    let typed = !form.front.trim().is_empty() || !form.back.trim().is_empty();
                    browser.draft = typed.then_some(form);
                    return Vec::new();
                }
            }
        }
        browser.overlay = Some(BrowserOverlay::Add(form));
        Vec::new()
    }

    /// Checks what the form can check here, then asks the runtime to append the card.
    fn save_new_card(&mut self, form: &AddForm) -> Vec<Effect> {
        let card = form.card();
        let missing = [form.deck.trim(), &card.front, &card.back]
            .iter()
            .position(|value| value.is_empty());
        if let Some(field) = missing {
            let name = AddForm::LABELS[field].to_lowercase();
            self.notice = Some(format!("The new card needs a {name}."));
            if let Screen::Browser(browser) = &mut self.screen
                && let Some(BrowserOverlay::Add(open)) = &mut browser.overlay
            {
                // The cursor goes where the text is missing.
                open.field = field;
            }
            return Vec::new();
        }
        let deck = form.deck.trim();
        if let Some(refusal) = self.deck_refusal(deck) {
            self.notice = Some(refusal);
            return Vec::new();
        }
        vec![Effect::AddCard {
            deck: deck.to_owned(),
            card,
        }]
    }

    /// Why a card cannot go to `deck` as it stands: no such deck, or the built-in one, which
    /// has no file yet. Said before the form closes, so nothing typed is lost.
    fn deck_refusal(&self, deck: &str) -> Option<String> {
        let known = self
            .study
            .collection
            .decks
            .iter()
            .any(|d| d.id.as_str() == deck);
        if !known {
            return Some(format!(
                "No deck `{deck}`: the deck field takes a deck's id."
            ));
        }
        is_built_in(&self.study, deck).then(|| {
            let copy = crate::app::keys::BROWSER.label(&Action::CopyBuiltIn);
            format!("The built-in deck has no file: Esc, then {copy} copies it to one; add again.")
        })
    }

    /// The runtime added `card`: the form closes and the browser shows it, selected.
    pub(crate) fn card_added(&mut self, card: &str, place: &str, now: DateTime<FixedOffset>) {
        if let Screen::Browser(browser) = &mut self.screen {
            browser.overlay = None;
            browser.draft = None;
            browser.rebuild(&self.study, now);
            if !browser
                .found
                .iter()
                .any(|&at| browser.index.cards()[at].card == card)
            {
                // Not in what the search finds: show every card so the new one is there.
                browser.search.clear();
                browser.research(&self.study, now);
            }
            browser.select_card(card);
            browser.sync_info(&self.study, now);
        }
        // The file's name and line: its whole path is in the details, and would not fit.
        let short = place
            .rsplit_once(['/', '\\'])
            .map_or(place, |(_, name)| name);
        self.notice = Some(format!("Added {card} at {short}."));
    }
}

/// Whether `deck` is the built-in deck, which has no file to add to yet.
#[must_use]
pub fn is_built_in(study: &crate::study::Study, deck: &str) -> bool {
    study
        .collection
        .decks
        .iter()
        .any(|d| d.id.as_str() == deck && d.source == crate::deck::Source::Bundled)
}

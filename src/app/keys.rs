//! Keys: one table per screen state, and nothing else maps keys. Each table drives the key
//! handling, the footer, the help overlay and every key named in a screen's prose (through
//! [`Keys::label_for`]), so a hint can never name a key that does something else.
//!
//! The tables themselves are in [`tables`], one line per binding.

pub mod tables;

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;
pub use tables::*;

/// What a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// Any of these keys, with Shift or nothing held (Ctrl or Alt makes another key).
    Keys(&'static [KeyCode]),
    /// Control with this letter.
    Ctrl(char),
    /// Any character, typed into a field: the action becomes [`Action::Type`] with it.
    Text,
    /// A character from the first to the second: the action becomes [`Action::Choose`] with
    /// its place, counting from 1 (`a`..=`l` picks match tiles 1 to 12).
    Pick(char, char),
}

impl On {
    /// The action `key` triggers through this binding, if it is one of its keys.
    fn action(self, key: KeyEvent, action: &Action) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        // Ctrl or Alt with a key is another key: `s` must not answer Ctrl-S or Alt-S.
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match (self, key.code) {
            (Self::Keys(codes), code) if plain && codes.contains(&code) => Some(action.clone()),
            (Self::Ctrl(letter), KeyCode::Char(c)) if ctrl && c == letter => Some(action.clone()),
            (Self::Text, KeyCode::Char(c)) if plain => Some(Action::Type(c)),
            (Self::Pick(from, to), KeyCode::Char(c)) if plain && (from..=to).contains(&c) => {
                let place = u32::from(c) - u32::from(from) + 1;
                Some(Action::Choose(usize::try_from(place).unwrap_or(usize::MAX)))
            }
            _ => None,
        }
    }
}

/// Keys, the action they trigger, and the words shown for them.
#[derive(Debug)]
pub struct Binding {
    pub on: On,
    /// The keys as the footer and help show them: `Enter`, `↑/k`, `a-l`.
    pub key_label: &'static str,
    pub hint: &'static str,
    pub action: Action,
    /// Shown in the footer; the help screen lists every binding.
    pub in_footer: bool,
    /// The hint in fewer words, for a footer too narrow for every hint (`modes` for
    /// `study modes`); help always shows the whole hint.
    pub short_hint: Option<&'static str>,
}

/// Shown in the footer and in help.
pub const FOOTER: bool = true;
/// Listed in help only.
pub const HELP_ONLY: bool = false;

/// A binding, for the tables.
#[must_use]
pub const fn bind(
    on: On,
    key_label: &'static str,
    hint: &'static str,
    action: Action,
    in_footer: bool,
) -> Binding {
    Binding {
        on,
        key_label,
        hint,
        action,
        in_footer,
        short_hint: None,
    }
}

/// A binding with a shorter hint (`short`) for a footer too narrow for every hint.
#[must_use]
pub const fn bind_short(
    on: On,
    key_label: &'static str,
    (hint, short): (&'static str, &'static str),
    action: Action,
    in_footer: bool,
) -> Binding {
    let mut binding = bind(on, key_label, hint, action, in_footer);
    binding.short_hint = Some(short);
    binding
}

/// A screen's key table, made of shared parts, and how many options its pick binding
/// reaches on the screen now (two choices answer to `1-2`, four tiles to `a-d`).
///
/// The tables write `Keys(parts, None)`; a screen limits the picks with [`Keys::with_picks`]
/// and adds the keys of what it shows (a card's media) with [`Keys::with_added`].
#[derive(Debug, Clone, Copy)]
pub struct Keys(
    &'static [&'static [Binding]],
    /// Options a [`On::Pick`] binding reaches: `None` for its whole range.
    Option<usize>,
);

impl Keys {
    /// This table with its pick binding reaching only the first `options` keys, the options on
    /// screen: the keys past them do nothing, and the labels name only those that work.
    #[must_use]
    pub const fn with_picks(self, options: usize) -> Self {
        Self(self.0, Some(options))
    }

    /// This table with the parts `added` (the media keys of the card on screen) before its
    /// part `at` (0: first, in the footer too), each only where none of the table's own
    /// bindings answers its keys: a key the table uses keeps its meaning, and a table that
    /// takes typed text gets none of them.
    #[must_use]
    pub fn with_added(self, added: &[&'static [Binding]], at: usize) -> Self {
        let free: Vec<&'static [Binding]> = added
            .iter()
            .copied()
            .filter(|part| part.iter().all(|binding| self.leaves_free(binding)))
            .collect();
        if free.is_empty() {
            return self;
        }
        let at = at.min(self.0.len());
        let mut parts = self.0[..at].to_vec();
        parts.extend(free);
        parts.extend_from_slice(&self.0[at..]);
        Self(interned(parts), self.1)
    }

    /// Whether none of the table's bindings answers a key of `binding`.
    fn leaves_free(self, binding: &Binding) -> bool {
        let On::Keys(codes) = binding.on else {
            return false;
        };
        codes.iter().all(|&code| {
            let key = KeyEvent::new(code, KeyModifiers::NONE);
            self.iter()
                .all(|own| own.on.action(key, &own.action).is_none())
        })
    }

    /// Whether `other` is this table: the same bindings in the same order (the screens choose
    /// among the const tables, which may be copied anywhere).
    #[must_use]
    pub fn same_as(self, other: Self) -> bool {
        let parts = |keys: Self| keys.iter().map(|b| (b.key_label, b.hint, &b.action));
        self.1 == other.1 && parts(self).eq(parts(other))
    }

    /// Every binding, in order.
    pub fn iter(self) -> impl Iterator<Item = &'static Binding> {
        self.0.iter().flat_map(|part| part.iter())
    }

    /// The action `key` triggers here: the first binding that has it (a pick only for an
    /// option on screen).
    #[must_use]
    pub fn action_for(self, key: KeyEvent) -> Option<Action> {
        self.iter()
            .find_map(|binding| binding.on.action(key, &binding.action))
            .filter(|action| match (action, self.1) {
                (Action::Choose(n), Some(options)) => *n <= options,
                _ => true,
            })
    }

    /// The keys of `binding` as the footer and help show them: its label, or for a pick the
    /// range that reaches the options on screen (`1-2`, `a-d`, `1` alone).
    #[must_use]
    pub fn key_label(self, binding: &Binding) -> Cow<'static, str> {
        let On::Pick(from, _) = binding.on else {
            return Cow::Borrowed(binding.key_label);
        };
        let Some(options) = self.1 else {
            return Cow::Borrowed(binding.key_label);
        };
        match self.pick_label(options) {
            Some(last) if last == from => Cow::Owned(from.to_string()),
            Some(last) => Cow::Owned(format!("{from}-{last}")),
            // More options than keys, or none: the whole range is the truth.
            None => Cow::Borrowed(binding.key_label),
        }
    }

    /// The label of the keys that trigger `action` here, for prose such as "Enter plays
    /// again"; `None` if no key does (then the prose must not name one).
    #[must_use]
    pub fn label_for(self, action: &Action) -> Option<&'static str> {
        self.iter()
            .find(|binding| binding.action == *action)
            .map(|binding| binding.key_label)
    }

    /// The key a pick binding gives option `n` (counting from 1): `c` for the third match
    /// tile, `2` for the second answer.
    #[must_use]
    pub fn pick_label(self, n: usize) -> Option<char> {
        self.iter().find_map(|binding| match binding.on {
            On::Pick(from, to) => {
                let to = self.1.map_or(to, |options| {
                    let last = u32::from(from) + u32::try_from(options).unwrap_or(u32::MAX);
                    char::from_u32(last.saturating_sub(1)).map_or(to, |last| last.min(to))
                });
                let key = u32::from(from) + u32::try_from(n).ok()?.checked_sub(1)?;
                char::from_u32(key).filter(|key| (from..=to).contains(key))
            }
            _ => None,
        })
    }

    /// Every key that chooses option `n`, as shown beside it: `2` for a pick by digit, `1/t`
    /// where `t` chooses it too.
    #[must_use]
    pub fn choice_label(self, n: usize) -> String {
        let chosen = Action::Choose(n);
        let named = self
            .iter()
            .filter(|binding| binding.action == chosen && matches!(binding.on, On::Keys(_)))
            .map(|binding| binding.key_label.to_owned());
        let labels: Vec<String> = self
            .pick_label(n)
            .map(String::from)
            .into_iter()
            .chain(named)
            .collect();
        labels.join("/")
    }

    /// [`Keys::label_for`] for prose that always has a key: `–` if the table has none, which
    /// the screen tests rule out.
    #[must_use]
    pub fn label(self, action: &Action) -> &'static str {
        self.label_for(action).unwrap_or("–")
    }
}

/// `parts` as a table's parts for the rest of the run: the tables are made of `'static`
/// parts, and one made with added keys is kept, so that each combination of a table and its
/// added keys (a few dozen at most) is made once, not at every frame.
fn interned(parts: Vec<&'static [Binding]>) -> &'static [&'static [Binding]] {
    use std::sync::{Mutex, PoisonError};
    static MADE: Mutex<Vec<&'static [&'static [Binding]]>> = Mutex::new(Vec::new());
    // Compared by their bindings: a const part may sit at more than one address.
    let same = |a: &[&'static [Binding]], b: &[&'static [Binding]]| {
        let bindings = |parts: &[&'static [Binding]]| -> Vec<&'static Binding> {
            parts.iter().flat_map(|part| part.iter()).collect()
        };
        let (a, b) = (bindings(a), bindings(b));
        a.len() == b.len()
            && a.iter().zip(&b).all(|(x, y)| {
                (x.key_label, x.hint, x.in_footer, &x.action)
                    == (y.key_label, y.hint, y.in_footer, &y.action)
            })
    };
    let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = made.iter().find(|known| same(known, &parts)) {
        return found;
    }
    let kept: &'static [&'static [Binding]] = parts.leak();
    made.push(kept);
    kept
}

#[cfg(test)]
mod tests;

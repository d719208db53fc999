//! One-line text fields (the deck filter, an exam date, a tag to cram): typing, Backspace,
//! and Esc or Enter, which end the field.

use super::Action;

/// How a field was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Cancel,
    Submit,
}

/// Applies an action to `text`: a typed character that `accept` takes (given the text so
/// far), Backspace, or the end of the field (Esc cancels, Enter submits).
pub fn edit(
    text: &mut String,
    action: &Action,
    accept: impl Fn(&str, char) -> bool,
) -> Option<End> {
    match action {
        Action::Type(c) if accept(text, *c) => text.push(*c),
        Action::Backspace => {
            text.pop();
        }
        Action::LeaveField | Action::Back => return Some(End::Cancel),
        Action::Submit => return Some(End::Submit),
        _ => {}
    }
    None
}

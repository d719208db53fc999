//! One-line text fields (the deck filter, an exam date, a tag to cram, a typed answer):
//! typing, Backspace, and Esc or Enter, which end the field. [`LineInput`] adds a cursor
//! (←/→, Home/End, Delete); every field takes Ctrl-U (delete to the start) and Ctrl-W (delete
//! the word before the cursor), as a shell's line editing does.

use unicode_segmentation::UnicodeSegmentation;

use super::Action;

/// How a field was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Cancel,
    Submit,
}

/// An edit of a field's text besides typing and Backspace ([`Action::EditField`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldEdit {
    /// The cursor one character left (a grapheme: an accent moves with its letter).
    Left,
    Right,
    /// The cursor to the start.
    Home,
    End,
    /// Deletes the character under the cursor.
    Delete,
    /// Ctrl-U: deletes everything before the cursor.
    DeleteToStart,
    /// Ctrl-W: deletes the word before the cursor, and the spaces after it.
    DeleteWord,
}

/// A field's text and its cursor, a byte offset on a grapheme boundary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    /// `text` with the cursor at its end.
    #[must_use]
    pub fn at_end(text: String) -> Self {
        let cursor = text.len();
        Self { text, cursor }
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before the cursor, and from the cursor on.
    #[must_use]
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Inserts `c` at the cursor, and moves past it.
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        let start = self.previous();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn apply(&mut self, edit: FieldEdit) {
        match edit {
            FieldEdit::Left => self.cursor = self.previous(),
            FieldEdit::Right => self.cursor = self.next(),
            FieldEdit::Home => self.cursor = 0,
            FieldEdit::End => self.cursor = self.text.len(),
            FieldEdit::Delete => {
                let end = self.next();
                self.text.replace_range(self.cursor..end, "");
            }
            FieldEdit::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            FieldEdit::DeleteWord => {
                let before = &self.text[..self.cursor];
                let word_end = before.trim_end().len();
                let start = before[..word_end]
                    .rfind(char::is_whitespace)
                    .map_or(0, |space| {
                        space + before[space..].chars().next().map_or(1, char::len_utf8)
                    });
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
    }

    /// The grapheme boundary before the cursor (0 at the start).
    fn previous(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(at, _)| at)
    }

    /// The grapheme boundary after the cursor (the end at the end).
    fn next(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }
}

/// Applies an action to `input`: a typed character that `accept` takes (given the text so
/// far), Backspace, an edit, or the end of the field (Esc cancels, Enter submits).
pub fn edit_input(
    input: &mut LineInput,
    action: &Action,
    accept: impl Fn(&str, char) -> bool,
) -> Option<End> {
    match action {
        Action::Type(c) if accept(&input.text, *c) => input.insert(*c),
        Action::Backspace => input.backspace(),
        Action::EditField(edit) => input.apply(*edit),
        Action::LeaveField | Action::Back => return Some(End::Cancel),
        Action::Submit => return Some(End::Submit),
        _ => {}
    }
    None
}

/// [`edit_input`] for a field kept as a bare `String`, edited at its end.
pub fn edit(
    text: &mut String,
    action: &Action,
    accept: impl Fn(&str, char) -> bool,
) -> Option<End> {
    let mut input = LineInput::at_end(std::mem::take(text));
    let end = edit_input(&mut input, action, accept);
    *text = input.text;
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::default();
        text.chars().for_each(|c| input.insert(c));
        input
    }

    fn at(input: &LineInput) -> String {
        let (before, after) = input.split();
        format!("{before}|{after}")
    }

    #[test]
    fn the_cursor_moves_by_whole_characters_and_edits_where_it_is() {
        // "e" and a combining acute: one character on screen, one step of the cursor.
        let mut input = typed("cafe\u{301}s");
        input.apply(FieldEdit::Left);
        input.apply(FieldEdit::Left);
        assert_eq!(at(&input), "caf|e\u{301}s");
        input.insert('X');
        assert_eq!(at(&input), "cafX|e\u{301}s");
        input.apply(FieldEdit::Delete);
        assert_eq!(at(&input), "cafX|s");
        input.backspace();
        input.apply(FieldEdit::Home);
        input.backspace();
        assert_eq!(at(&input), "|cafs");
        input.apply(FieldEdit::Left);
        assert_eq!(at(&input), "|cafs", "nothing left of the start");
        input.apply(FieldEdit::Right);
        input.apply(FieldEdit::Right);
        assert_eq!(at(&input), "ca|fs");
        input.apply(FieldEdit::End);
        input.apply(FieldEdit::Right);
        input.apply(FieldEdit::Delete);
        assert_eq!(at(&input), "cafs|", "nothing right of the end");
    }

    #[test]
    fn ctrl_u_and_ctrl_w_delete_before_the_cursor() {
        let mut input = typed("the quick  brown fox");
        input.apply(FieldEdit::DeleteWord);
        assert_eq!(at(&input), "the quick  brown |");
        // The spaces after a word go with it.
        input.apply(FieldEdit::DeleteWord);
        assert_eq!(at(&input), "the quick  |");
        input.apply(FieldEdit::DeleteWord);
        assert_eq!(at(&input), "the |");
        for _ in 0..4 {
            input.apply(FieldEdit::Left);
        }
        input.apply(FieldEdit::DeleteWord);
        assert_eq!(
            at(&input),
            "|the ",
            "nothing before the cursor: nothing deleted"
        );
        let mut input = typed("日本 の 東京");
        input.apply(FieldEdit::Left);
        input.apply(FieldEdit::DeleteToStart);
        assert_eq!(at(&input), "|京");
    }

    #[test]
    fn a_plain_string_field_takes_ctrl_u_and_ctrl_w_at_its_end() {
        let mut text = "cram this tag".to_owned();
        let end = edit(
            &mut text,
            &Action::EditField(FieldEdit::DeleteWord),
            |_, _| true,
        );
        assert_eq!((text.as_str(), end), ("cram this ", None));
        edit(&mut text, &Action::Type('x'), |_, _| true);
        edit(
            &mut text,
            &Action::EditField(FieldEdit::DeleteToStart),
            |_, _| true,
        );
        assert_eq!(text, "");
        assert_eq!(
            edit(&mut text, &Action::Submit, |_, _| true),
            Some(End::Submit)
        );
    }
}

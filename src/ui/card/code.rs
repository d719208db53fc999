//! A fenced code block's syntax highlighting: syntect's grammars (Sublime Text's, as `bat`
//! uses them) find keywords, strings, comments and constants, and the theme colours them, so
//! the monochrome theme (`NO_COLOR`) draws code with bold, italic and dim only.

use std::sync::LazyLock;

use ratatui::style::Style;
use ratatui::text::Span;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};

use crate::ui::theme::Syntax;

/// The grammars syntect ships, read once (tens of milliseconds) on the first code block.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// The scopes the theme has a style for, most specific use first.
static KINDS: LazyLock<[(Scope, Kind); 5]> = LazyLock::new(|| {
    // Literal scope names: each parses.
    let scope = |name| Scope::new(name).unwrap_or_default();
    [
        (scope("comment"), Kind::Comment),
        (scope("string"), Kind::String),
        (scope("constant"), Kind::Constant),
        (scope("keyword"), Kind::Keyword),
        (scope("storage"), Kind::Keyword),
    ]
});

#[derive(Clone, Copy)]
enum Kind {
    Comment,
    String,
    Constant,
    Keyword,
}

/// `code`'s lines as styled pieces: `base` for plain code, the theme's `syntax` styles over
/// it for what the grammar of `language` (a fence's info word: `rust`, `py`, `go`…) marks.
/// An unknown language, or a line the grammar cannot parse, is drawn in `base`.
#[must_use]
pub fn highlight(
    code: &str,
    language: &str,
    syntax: Syntax,
    base: Style,
) -> Vec<Vec<Span<'static>>> {
    let plain = |line: &str| vec![Span::styled(line.to_owned(), base)];
    let found = (!language.is_empty())
        .then(|| SYNTAXES.find_syntax_by_token(language))
        .flatten();
    let Some(grammar) = found else {
        return code.lines().map(plain).collect();
    };
    let mut state = ParseState::new(grammar);
    let mut stack = ScopeStack::new();
    let mut out = Vec::new();
    let mut broken = false;
    for line in code.lines() {
        // The grammars expect each line with its newline.
        let with_newline = format!("{line}\n");
        let ops = match state.parse_line(&with_newline, &SYNTAXES) {
            Ok(ops) if !broken => ops,
            _ => {
                broken = true;
                out.push(plain(line));
                continue;
            }
        };
        let mut spans = Vec::new();
        let mut at = 0;
        for (offset, op) in ops {
            let offset = offset.min(line.len());
            if offset > at {
                spans.push(Span::styled(
                    line[at..offset].to_owned(),
                    style_of(&stack, syntax, base),
                ));
                at = offset;
            }
            if stack.apply(&op).is_err() {
                broken = true;
            }
        }
        if at < line.len() {
            spans.push(Span::styled(
                line[at..].to_owned(),
                style_of(&stack, syntax, base),
            ));
        }
        out.push(spans);
    }
    out
}

/// The style of text under `stack`: its innermost scope the theme has a style for.
fn style_of(stack: &ScopeStack, syntax: Syntax, base: Style) -> Style {
    for scope in stack.as_slice().iter().rev() {
        if let Some((_, kind)) = KINDS.iter().find(|(prefix, _)| prefix.is_prefix_of(*scope)) {
            let style = match kind {
                Kind::Comment => syntax.comment,
                Kind::String => syntax.string,
                Kind::Constant => syntax.constant,
                Kind::Keyword => syntax.keyword,
            };
            return base.patch(style);
        }
    }
    base
}

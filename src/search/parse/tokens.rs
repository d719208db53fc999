//! Splitting a query into tokens (words, quoted parts, `(`, `)`, `-`, `or`, `and`), each
//! with its place, and the limit on how deep they nest.

use super::super::{SearchError, Span};

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Open,
    Close,
    Not,
    Or,
    And,
    /// A term: its text with quotes and escapes taken out, and whether it began with a quote
    /// (then it is text, whatever colons it holds).
    Word {
        text: String,
        quoted: bool,
    },
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) span: Span,
}

/// Refuses nesting deeper than [`super::super::MAX_DEPTH`]: open parentheses, and `-` in a row,
/// each add a level of the parser's recursion.
pub(super) fn check_depth(tokens: &[Token]) -> Result<(), SearchError> {
    let mut open = 0usize;
    let mut nots = 0usize;
    for token in tokens {
        match token.kind {
            Kind::Open => open += 1,
            Kind::Close => open = open.saturating_sub(1),
            _ => {}
        }
        nots = if matches!(token.kind, Kind::Not) {
            nots + 1
        } else {
            0
        };
        if open + nots > super::super::MAX_DEPTH {
            return Err(SearchError::TooDeep(token.span.clone()));
        }
    }
    Ok(())
}

pub(super) fn span(chars: &[char], start: usize, end: usize) -> Span {
    Span {
        offset: start,
        term: chars[start..end].iter().collect(),
    }
}

pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, SearchError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let single = |kind| Token {
            kind,
            span: span(&chars, i, i + 1),
        };
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push(single(Kind::Open));
                i += 1;
            }
            ')' => {
                tokens.push(single(Kind::Close));
                i += 1;
            }
            '-' => {
                tokens.push(single(Kind::Not));
                i += 1;
            }
            _ => {
                let (token, end) = word(&chars, i)?;
                tokens.push(token);
                i = end;
            }
        }
    }
    Ok(tokens)
}

/// The word starting at `start`, and where it ends: up to a blank or a parenthesis outside
/// quotes. A backslash takes the next character as it is.
fn word(chars: &[char], start: usize) -> Result<(Token, usize), SearchError> {
    let mut text = String::new();
    let mut plain = true;
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        match c {
            c if c.is_whitespace() || c == '(' || c == ')' => break,
            '"' => {
                plain = false;
                let open = i;
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(SearchError::UnclosedQuote(span(chars, open, i))),
                        Some('"') => break,
                        Some('\\') if i + 1 < chars.len() => {
                            text.push(chars[i + 1]);
                            i += 1;
                        }
                        Some(&c) => text.push(c),
                    }
                    i += 1;
                }
                i += 1;
            }
            '\\' if i + 1 < chars.len() => {
                plain = false;
                text.push(chars[i + 1]);
                i += 2;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    let kind = match text.to_lowercase().as_str() {
        "or" if plain => Kind::Or,
        "and" if plain => Kind::And,
        _ => Kind::Word {
            text,
            quoted: chars[start] == '"',
        },
    };
    let token = Token {
        kind,
        span: span(chars, start, i),
    };
    Ok((token, i))
}

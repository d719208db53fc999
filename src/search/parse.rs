//! Parsing a query: split it into tokens (words, quoted parts, `(`, `)`, `-`, `or`, `and`),
//! each with its place, then build the tree by recursive descent:
//!
//! ```text
//! query := or
//! or    := and ("or" and)*
//! and   := unary (["and"] unary)*
//! unary := "-" unary | "(" or ")" | term
//! ```

use super::{Comparison, Field, Node, Property, SearchError, Span, State, Term};
use crate::scheduler::Rating;
use crate::session::grade::normalise;

mod tokens;

use tokens::{Kind, Token, check_depth, tokenize};

/// The tree of `text`.
pub(super) fn parse(text: &str) -> Result<Node, SearchError> {
    let length = text.chars().count();
    if length > super::MAX_LENGTH {
        let after: String = text.chars().skip(super::MAX_LENGTH).take(20).collect();
        return Err(SearchError::TooLong {
            length,
            span: Span {
                offset: super::MAX_LENGTH,
                term: after,
            },
        });
    }
    let tokens = tokenize(text)?;
    check_depth(&tokens)?;
    let mut parser = Parser { tokens, next: 0 };
    let root = parser.or()?;
    match parser.tokens.get(parser.next) {
        // `or()` stops only at the end or at a `)` that no `(` opened.
        Some(token) => Err(SearchError::StrayParenthesis(token.span.clone())),
        None => Ok(root),
    }
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Kind> {
        self.tokens.get(self.next).map(|t| &t.kind)
    }

    /// Takes the next token, if there is one.
    fn take(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    /// Whether the next token cannot start a search (the end, `)`, `or`, `and`).
    fn at_boundary(&self) -> bool {
        matches!(self.peek(), None | Some(Kind::Close | Kind::Or | Kind::And))
    }

    fn or(&mut self) -> Result<Node, SearchError> {
        let mut choices = vec![self.and()?];
        while let Some(Kind::Or) = self.peek() {
            let or = self.take();
            let first_empty = matches!(choices.first(), Some(Node::And(items)) if items.is_empty());
            if first_empty || self.at_boundary() {
                return Err(dangling(or));
            }
            choices.push(self.and()?);
        }
        Ok(single_or(choices, Node::Or))
    }

    fn and(&mut self) -> Result<Node, SearchError> {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(Kind::Close | Kind::Or) => break,
                Some(Kind::And) => {
                    let and = self.take();
                    if items.is_empty() || self.at_boundary() {
                        return Err(dangling(and));
                    }
                }
                Some(_) => items.push(self.unary()?),
            }
        }
        Ok(single_or(items, Node::And))
    }

    fn unary(&mut self) -> Result<Node, SearchError> {
        let Some(token) = self.take() else {
            // `and` looks before calling: there is a token.
            return Ok(Node::And(Vec::new()));
        };
        match token.kind {
            Kind::Not => {
                if self.at_boundary() {
                    return Err(SearchError::DanglingNot(token.span));
                }
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            Kind::Open => {
                let inner = self.or()?;
                if self.take().is_none() {
                    return Err(SearchError::UnclosedParenthesis(token.span));
                }
                if matches!(&inner, Node::And(items) if items.is_empty()) {
                    return Err(SearchError::EmptyParentheses(token.span));
                }
                Ok(inner)
            }
            Kind::Word { text, quoted } => term(&text, quoted, token.span).map(Node::Term),
            // `and` stops before these.
            Kind::Close | Kind::Or | Kind::And => Err(dangling(Some(token))),
        }
    }
}

/// The node itself for a group of one, else the group.
fn single_or(mut nodes: Vec<Node>, group: fn(Vec<Node>) -> Node) -> Node {
    if nodes.len() == 1 {
        nodes.remove(0)
    } else {
        group(nodes)
    }
}

fn dangling(token: Option<Token>) -> SearchError {
    SearchError::DanglingOperator(token.map_or_else(
        || Span {
            offset: 0,
            term: String::new(),
        },
        |t| t.span,
    ))
}

/// One term from a word's text.
fn term(text: &str, quoted: bool, span: Span) -> Result<Term, SearchError> {
    let prefixed = text.split_once(':').filter(|(prefix, _)| {
        !quoted && !prefix.is_empty() && prefix.chars().all(char::is_alphabetic)
    });
    let Some((prefix, value)) = prefixed else {
        return text_term(Field::Either, text, span);
    };
    match prefix.to_lowercase().as_str() {
        "front" => text_term(Field::Front, value, span),
        "back" => text_term(Field::Back, value, span),
        "deck" => {
            let pattern = value.to_lowercase().replace("::", "/");
            let pattern = pattern.trim_end_matches('/');
            if pattern.is_empty() {
                return Err(SearchError::Empty(span));
            }
            Ok(Term::Deck(pattern.to_owned()))
        }
        "tag" => {
            let pattern = value.to_lowercase();
            let pattern = pattern.trim_end_matches(':');
            if pattern.is_empty() {
                return Err(SearchError::Empty(span));
            }
            Ok(Term::Tag(pattern.to_owned()))
        }
        "is" => {
            let value = value.to_lowercase();
            State::NAMES
                .iter()
                .find(|(name, _)| *name == value)
                .map(|&(_, state)| Term::Is(state))
                .ok_or(SearchError::UnknownState(span))
        }
        "prop" => prop(value, span),
        "rated" => {
            let (days, rating) = match value.split_once(':') {
                Some((days, rating)) => (days, Some(rating)),
                None => (value, None),
            };
            let days = days_of(days, &span)?;
            let rating = rating.map(|r| rating_of(r, &span)).transpose()?;
            Ok(Term::Rated { days, rating })
        }
        "introduced" => Ok(Term::Introduced {
            days: days_of(value, &span)?,
        }),
        _ => Err(SearchError::UnknownSearch(span)),
    }
}

fn text_term(field: Field, text: &str, span: Span) -> Result<Term, SearchError> {
    let text = normalise(text);
    if text.is_empty() {
        return Err(SearchError::Empty(span));
    }
    Ok(Term::Text { field, text })
}

fn prop(value: &str, span: Span) -> Result<Term, SearchError> {
    let name_end = value
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(value.len());
    let (name, rest) = value.split_at(name_end);
    let name = name.to_lowercase();
    let Some(&(_, property)) = Property::NAMES.iter().find(|(n, _)| *n == name) else {
        return Err(SearchError::UnknownProperty(span));
    };
    let Some(&(symbol, comparison)) = Comparison::NAMES
        .iter()
        .find(|(symbol, _)| rest.starts_with(symbol))
    else {
        return Err(SearchError::MissingComparison(span));
    };
    let number = &rest[symbol.len()..];
    let Some((value, decimals)) = decimal(number) else {
        return Err(SearchError::BadNumber {
            number: number.to_owned(),
            span,
        });
    };
    if property == Property::Retrievability && !(0.0..=1.0).contains(&value) {
        return Err(SearchError::OutOfRange {
            expected: "retrievability is from 0 to 1 (0.8 for 80%)",
            span,
        });
    }
    Ok(Term::Prop {
        property,
        comparison,
        value,
        precision: 0.5 / 10f64.powi(decimals),
    })
}

/// A number written as `-12`, `30` or `0.85` (no exponent, no `inf`), and its decimals.
fn decimal(text: &str) -> Option<(f64, i32)> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || fraction.len() > 6 {
        return None;
    }
    let decimals = i32::try_from(fraction.len()).ok()?;
    Some((text.parse().ok()?, decimals))
}

fn days_of(text: &str, span: &Span) -> Result<u32, SearchError> {
    match text.parse::<u32>() {
        Ok(0) => Err(SearchError::OutOfRange {
            expected: "days count from 1 (today)",
            span: span.clone(),
        }),
        Ok(days) => Ok(days),
        Err(_) => Err(SearchError::BadNumber {
            number: text.to_owned(),
            span: span.clone(),
        }),
    }
}

fn rating_of(text: &str, span: &Span) -> Result<Rating, SearchError> {
    let number = text.parse::<u8>().map_err(|_| SearchError::BadNumber {
        number: text.to_owned(),
        span: span.clone(),
    })?;
    Rating::ALL
        .into_iter()
        .find(|rating| *rating as u8 == number)
        .ok_or(SearchError::OutOfRange {
            expected: "the rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
            span: span.clone(),
        })
}

//! The search query language: one syntax, a subset of Anki's, for the card browser, the
//! command line and anything later. Pure: a query is parsed once ([`Query::parse`]) and
//! matched against the facts of one card at a time ([`CardFacts`]), which [`Index::build`]
//! gathers from a [`crate::study::Study`] at a given "now".
//!
//! The syntax, the folding rules and the errors are described for users in `docs/search.md`.
//!
//! | file | owns |
//! |---|---|
//! | `search.rs` | the query's tree ([`Query`], [`Node`], [`Term`]) and its errors ([`SearchError`]) |
//! | `search/parse.rs` | splitting a query into tokens and parsing them, with each term's position |
//! | `search/matcher.rs` | [`CardFacts`], and whether a query matches them |
//! | `search/index.rs` | [`Index`]: every card's facts (and every orphaned history's) from a study |
//! | `search/sort.rs` | [`SortColumn`]: ordering found cards by a column |

mod index;
mod matcher;
mod parse;
mod sort;

pub use index::{Index, search};
pub use matcher::CardFacts;
pub use sort::SortColumn;

use crate::scheduler::Rating;

/// A parsed search. Build one with [`Query::parse`]; match it with [`Query::matches`].
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    root: Node,
    /// Names `is:orphan` somewhere: only such a search finds orphaned histories.
    orphans: bool,
}

impl Query {
    /// Parses `text`. An empty (or all-blank) query matches every card.
    pub fn parse(text: &str) -> Result<Self, SearchError> {
        parse::parse(text).map(|root| {
            let orphans = mentions(&root, &|term| matches!(term, Term::Is(State::Orphan)));
            Self { root, orphans }
        })
    }

    /// Whether matching needs each card's answers (`rated:`, `introduced:`), which take
    /// the whole history to gather; other terms need only the cards' states.
    #[must_use]
    pub fn needs_answers(&self) -> bool {
        mentions(&self.root, &|term| {
            matches!(term, Term::Rated { .. } | Term::Introduced { .. })
        })
    }

    /// Whether the search names `is:orphan`: orphaned histories are histories, not cards, so
    /// only a search that asks for them finds them (negated or not; `-is:orphan` then leaves
    /// them out again).
    #[must_use]
    pub fn needs_orphans(&self) -> bool {
        self.orphans
    }

    /// The query's tree.
    #[must_use]
    pub fn root(&self) -> &Node {
        &self.root
    }
}

/// Whether any term of the tree under `node` is one `wanted` picks.
fn mentions(node: &Node, wanted: &dyn Fn(&Term) -> bool) -> bool {
    match node {
        Node::And(children) | Node::Or(children) => children.iter().any(|c| mentions(c, wanted)),
        Node::Not(child) => mentions(child, wanted),
        Node::Term(term) => wanted(term),
    }
}

/// One node of a query's tree. AND binds tighter than OR, as in Anki: `a b or c` is
/// `Or[And[a, b], c]`. A group of one is the node itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Every child matches; no children (the empty query) matches every card.
    And(Vec<Node>),
    /// At least one child matches.
    Or(Vec<Node>),
    /// The child does not match (`-term`, `-(…)`).
    Not(Box<Node>),
    /// One search term.
    Term(Term),
}

/// One search term, its text already folded for matching.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// Text in the front, the back or either (`word`, `"a phrase"`, `front:word`,
    /// `back:"a phrase"`), folded as the grader folds answers
    /// ([`crate::session::grade::normalise`]): matched anywhere inside the folded field.
    Text {
        /// Which side.
        field: Field,
        /// The folded text, never empty.
        text: String,
    },
    /// `deck:…`: a lowercase pattern over deck ids (`lang/spanish`), `*` for any run of
    /// characters; a deck matches with its subfolders.
    Deck(String),
    /// `tag:…`: a lowercase pattern over tags, `*` for any run of characters; a tag matches
    /// with its children (`lang::es` takes `lang::es::verbs`).
    Tag(String),
    /// `is:…`: where the card is in its life, or a flag on it.
    Is(State),
    /// `prop:…`: a number about the card compared with `value`. `=` and `!=` compare the
    /// card's number rounded to the decimals typed: `precision` is half a unit of the last
    /// digit typed (0.5 for `30`, 0.05 for `0.8`).
    Prop {
        /// Which number.
        property: Property,
        /// How it is compared.
        comparison: Comparison,
        /// The number typed, in the property's unit (days, 1-10, 0-1 or a count).
        value: f64,
        /// Half a unit of the last digit typed.
        precision: f64,
    },
    /// `rated:days` or `rated:days:rating`: answered (with that rating) in review mode
    /// today or in the `days - 1` days before.
    Rated {
        /// 1 or more: 1 is today.
        days: u32,
        /// Any rating when `None`.
        rating: Option<Rating>,
    },
    /// `introduced:days`: first answered in review mode today or in the `days - 1` days before.
    Introduced {
        /// 1 or more: 1 is today.
        days: u32,
    },
}

/// Which side of a card a text term searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The front or the back (each on its own: a phrase does not run from one into the other).
    Either,
    /// The front only (`front:`).
    Front,
    /// The back only (`back:`).
    Back,
}

/// The values of `is:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Never answered in review mode.
    New,
    /// In learning or relearning (Anki counts relearning as both learn and review).
    Learn,
    /// In review or relearning.
    Review,
    /// A review or (re)learning card due today or earlier, neither suspended nor buried.
    Due,
    /// Left out of every queue.
    Suspended,
    /// Buried until a later day, by hand or because a sibling was answered today.
    Buried,
    /// Buried by hand (Anki's `is:buried-manually`).
    BuriedManually,
    /// Buried because a sibling was answered today (Anki's `is:buried-sibling`).
    BuriedSibling,
    /// Lapsed as often as the leech threshold.
    Leech,
    /// Starred in any mode.
    Starred,
    /// A history in the log whose card no deck has any more.
    Orphan,
}

impl State {
    /// Every value with its spelling after `is:`.
    pub const NAMES: [(&'static str, State); 11] = [
        ("new", State::New),
        ("learn", State::Learn),
        ("review", State::Review),
        ("due", State::Due),
        ("suspended", State::Suspended),
        ("buried", State::Buried),
        ("buried-manually", State::BuriedManually),
        ("buried-sibling", State::BuriedSibling),
        ("leech", State::Leech),
        ("starred", State::Starred),
        ("orphan", State::Orphan),
    ];
}

/// The numbers `prop:` compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// `ivl`: the interval, days; review and relearning cards only.
    Interval,
    /// `due`: days from today to the due day (negative: overdue; 0: today); not new cards.
    Due,
    /// `reps`: answers in review mode.
    Reps,
    /// `lapses`: times a review card was forgotten.
    Lapses,
    /// `s`: FSRS stability, days; answered cards only.
    Stability,
    /// `d`: FSRS difficulty, 1 to 10; answered cards only.
    Difficulty,
    /// `r`: the probability of recall now, 0 to 1; answered cards only.
    Retrievability,
}

impl Property {
    /// Every property with its spelling after `prop:`.
    pub const NAMES: [(&'static str, Property); 7] = [
        ("ivl", Property::Interval),
        ("due", Property::Due),
        ("reps", Property::Reps),
        ("lapses", Property::Lapses),
        ("s", Property::Stability),
        ("d", Property::Difficulty),
        ("r", Property::Retrievability),
    ];
}

/// A comparison in `prop:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `=`
    Equal,
    /// `!=`
    NotEqual,
    /// `<`
    Less,
    /// `<=`
    LessOrEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterOrEqual,
}

impl Comparison {
    /// Every comparison with its spelling, two-character ones first (for parsing).
    pub const NAMES: [(&'static str, Comparison); 6] = [
        ("<=", Comparison::LessOrEqual),
        (">=", Comparison::GreaterOrEqual),
        ("!=", Comparison::NotEqual),
        ("=", Comparison::Equal),
        ("<", Comparison::Less),
        (">", Comparison::Greater),
    ];

    /// Whether `left` compares so with `right`; for `=` and `!=`, `left` is taken as equal
    /// when it rounds to `right` at `precision` (half a unit of `right`'s last digit).
    #[must_use]
    pub fn holds(self, left: f64, right: f64, precision: f64) -> bool {
        let equal = left >= right - precision && left < right + precision;
        match self {
            Self::Equal => equal,
            Self::NotEqual => !equal,
            Self::Less => left < right,
            Self::LessOrEqual => left <= right,
            Self::Greater => left > right,
            Self::GreaterOrEqual => left >= right,
        }
    }
}

/// Where in a query a problem is: the offending term as typed, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Characters (not bytes) before the term, from 0: where a caret goes.
    pub offset: usize,
    /// The term as typed.
    pub term: String,
}

impl Span {
    /// The term's first character counted from 1, as messages print it.
    #[must_use]
    pub fn column(&self) -> usize {
        self.offset + 1
    }
}

/// Why a query cannot be searched. Each variant points at the offending term; none is ever
/// turned into an empty result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// A `name:` that is not a search (`dek:sales`).
    #[error("unknown search `{}` at character {}; known: front:, back:, deck:, tag:, is:, prop:, rated:, introduced: (to search for the text, put it in quotes)", .0.term, .0.column())]
    UnknownSearch(Span),
    /// A `prop:` name that is not a property.
    #[error("unknown property `{}` at character {}; known: ivl, due, reps, lapses, s, d, r", .0.term, .0.column())]
    UnknownProperty(Span),
    /// An `is:` value that is not a state.
    #[error("unknown `is:` value `{}` at character {}; known: new, learn, review, due, suspended, buried, buried-manually, buried-sibling, leech, starred, orphan", .0.term, .0.column())]
    UnknownState(Span),
    /// A `prop:` without `=`, `!=`, `<`, `<=`, `>` or `>=`.
    #[error("`{}` at character {} needs a comparison after the property: = != < <= > >=", .0.term, .0.column())]
    MissingComparison(Span),
    /// A number that is not one (`ten`, `1e3`, empty).
    #[error("bad number `{number}` in `{}` at character {}", .span.term, .span.column())]
    BadNumber { number: String, span: Span },
    /// A number outside what the term takes (`rated:0`, a rating of 5, `prop:r<80`).
    #[error("`{}` at character {}: {expected}", .span.term, .span.column())]
    OutOfRange { expected: &'static str, span: Span },
    /// A term with nothing to search for (`deck:`, `!!!`).
    #[error("`{}` at character {} has nothing to search for", .0.term, .0.column())]
    Empty(Span),
    /// A `"` without its closing one; the term runs from it to the end.
    #[error("unclosed quote `{}` at character {}", .0.term, .0.column())]
    UnclosedQuote(Span),
    /// A `(` without its `)`; the term is the `(`.
    #[error("unclosed parenthesis at character {}", .0.column())]
    UnclosedParenthesis(Span),
    /// A `)` without its `(`.
    #[error("`)` at character {} closes no parenthesis", .0.column())]
    StrayParenthesis(Span),
    /// `()` with nothing inside; the term is the `(`.
    #[error("empty parentheses `()` at character {}", .0.column())]
    EmptyParentheses(Span),
    /// `or` or `and` without a search on one side.
    #[error("`{}` at character {} needs a search on each side", .0.term, .0.column())]
    DanglingOperator(Span),
    /// `-` with nothing after it.
    #[error("`-` at character {} needs a search after it", .0.column())]
    DanglingNot(Span),
    /// More than [`MAX_DEPTH`] parentheses or `-` one inside another; the term is the one
    /// that goes too deep.
    #[error("`{}` at character {} is nested too deep: at most {} parentheses and `-` one inside another", .0.term, .0.column(), MAX_DEPTH)]
    TooDeep(Span),
    /// A query longer than [`MAX_LENGTH`] characters; the term is what comes after them.
    #[error("the search is {length} characters long; at most {max} are searched", max = MAX_LENGTH)]
    TooLong { length: usize, span: Span },
}

/// The most parentheses and `-` one inside another a query may have: deeper nesting would
/// exhaust the stack of the recursive parser, and no one writes it by hand.
pub const MAX_DEPTH: usize = 32;

/// The longest query searched, in characters: each keystroke searches every card again.
pub const MAX_LENGTH: usize = 1000;

impl SearchError {
    /// Where the problem is.
    #[must_use]
    pub fn span(&self) -> &Span {
        match self {
            Self::UnknownSearch(span)
            | Self::UnknownProperty(span)
            | Self::UnknownState(span)
            | Self::MissingComparison(span)
            | Self::BadNumber { span, .. }
            | Self::OutOfRange { span, .. }
            | Self::Empty(span)
            | Self::UnclosedQuote(span)
            | Self::UnclosedParenthesis(span)
            | Self::StrayParenthesis(span)
            | Self::EmptyParentheses(span)
            | Self::DanglingOperator(span)
            | Self::DanglingNot(span)
            | Self::TooDeep(span)
            | Self::TooLong { span, .. } => span,
        }
    }
}

#[cfg(test)]
mod tests;

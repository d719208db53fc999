//! The parser: every term, precedence, and errors with their position.

use crate::scheduler::Rating;
use crate::search::{Comparison, Field, Node, Property, Query, SearchError, Span, State, Term};

fn parsed(text: &str) -> Node {
    match Query::parse(text) {
        Ok(query) => query.root().clone(),
        Err(error) => panic!("{text:?} did not parse: {error}"),
    }
}

fn text(field: Field, text: &str) -> Node {
    Node::Term(Term::Text {
        field,
        text: text.into(),
    })
}

fn word(text: &str) -> Node {
    self::text(Field::Either, text)
}

fn prop(property: Property, comparison: Comparison, value: f64, precision: f64) -> Node {
    Node::Term(Term::Prop {
        property,
        comparison,
        value,
        precision,
    })
}

#[test]
fn every_term_parses_to_its_node() {
    let table: Vec<(&str, Node)> = vec![
        ("Kam", word("kam")),
        ("Ñandú!", word("nandu")),
        ("KAM's", word("kams")),
        ("\"Key Account, Manager\"", word("key account manager")),
        ("front:Hola", text(Field::Front, "hola")),
        ("FRONT:hola", text(Field::Front, "hola")),
        ("back:\"two words\"", text(Field::Back, "two words")),
        ("\"front:hola\"", word("front hola")),
        ("10:30", word("10 30")),
        ("3.5", word("3.5")),
        ("deck:Sales", Node::Term(Term::Deck("sales".into()))),
        (
            "deck:lang::spanish",
            Node::Term(Term::Deck("lang/spanish".into())),
        ),
        ("deck:lang/*", Node::Term(Term::Deck("lang/*".into()))),
        ("deck:\"my deck\"", Node::Term(Term::Deck("my deck".into()))),
        ("tag:Lang::es", Node::Term(Term::Tag("lang::es".into()))),
        ("tag:k*", Node::Term(Term::Tag("k*".into()))),
        (
            "prop:ivl>=10",
            prop(Property::Interval, Comparison::GreaterOrEqual, 10.0, 0.5),
        ),
        (
            "prop:due<=-3",
            prop(Property::Due, Comparison::LessOrEqual, -3.0, 0.5),
        ),
        (
            "prop:reps>5",
            prop(Property::Reps, Comparison::Greater, 5.0, 0.5),
        ),
        (
            "prop:lapses!=3",
            prop(Property::Lapses, Comparison::NotEqual, 3.0, 0.5),
        ),
        (
            "prop:s=30",
            prop(Property::Stability, Comparison::Equal, 30.0, 0.5),
        ),
        (
            "prop:d<7.5",
            prop(Property::Difficulty, Comparison::Less, 7.5, 0.05),
        ),
        (
            "prop:r<0.8",
            prop(Property::Retrievability, Comparison::Less, 0.8, 0.05),
        ),
        (
            "rated:7",
            Node::Term(Term::Rated {
                days: 7,
                rating: None,
            }),
        ),
        (
            "rated:7:1",
            Node::Term(Term::Rated {
                days: 7,
                rating: Some(Rating::Again),
            }),
        ),
        ("introduced:30", Node::Term(Term::Introduced { days: 30 })),
        ("", Node::And(vec![])),
        ("   ", Node::And(vec![])),
    ];
    for (query, expected) in table {
        assert_eq!(parsed(query), expected, "{query:?}");
    }
    for (name, state) in State::NAMES {
        assert_eq!(parsed(&format!("is:{name}")), Node::Term(Term::Is(state)));
        assert_eq!(
            parsed(&format!("IS:{}", name.to_uppercase())),
            Node::Term(Term::Is(state))
        );
    }
}

#[test]
fn and_binds_tighter_than_or_and_minus_negates() {
    let (a, b, c, d) = (word("a"), word("b"), word("c"), word("d"));
    let not = |node: Node| Node::Not(Box::new(node));
    let table: Vec<(&str, Node)> = vec![
        ("a b", Node::And(vec![a.clone(), b.clone()])),
        ("a and b", Node::And(vec![a.clone(), b.clone()])),
        (
            "a b or c",
            Node::Or(vec![Node::And(vec![a.clone(), b.clone()]), c.clone()]),
        ),
        (
            "a OR b c",
            Node::Or(vec![a.clone(), Node::And(vec![b.clone(), c.clone()])]),
        ),
        (
            "a or b Or c",
            Node::Or(vec![a.clone(), b.clone(), c.clone()]),
        ),
        (
            "(a or b) c",
            Node::And(vec![Node::Or(vec![a.clone(), b.clone()]), c.clone()]),
        ),
        ("-a", not(a.clone())),
        ("-(a or b)", not(Node::Or(vec![a.clone(), b.clone()]))),
        ("--a", not(not(a.clone()))),
        (
            "-a b or -c d",
            Node::Or(vec![
                Node::And(vec![not(a.clone()), b.clone()]),
                Node::And(vec![not(c.clone()), d.clone()]),
            ]),
        ),
        ("((a))", a.clone()),
        ("well-known", word("well known")),
        ("\"or\"", word("or")),
        ("-\"a b\"", not(word("a b"))),
        (
            "prop:due>-3",
            prop(Property::Due, Comparison::Greater, -3.0, 0.5),
        ),
    ];
    for (query, expected) in table {
        assert_eq!(parsed(query), expected, "{query:?}");
    }
}

#[test]
fn errors_point_at_the_offending_term() {
    let span = |offset: usize, term: &str| Span {
        offset,
        term: term.into(),
    };
    let bad_number = |number: &str, offset, term| SearchError::BadNumber {
        number: number.into(),
        span: span(offset, term),
    };
    let table: Vec<(&str, SearchError)> = vec![
        (
            "a prop:foo>1",
            SearchError::UnknownProperty(span(2, "prop:foo>1")),
        ),
        ("is:nwe", SearchError::UnknownState(span(0, "is:nwe"))),
        (
            "x dek:sales",
            SearchError::UnknownSearch(span(2, "dek:sales")),
        ),
        (
            "prop:ivl10",
            SearchError::MissingComparison(span(0, "prop:ivl10")),
        ),
        ("prop:ivl>=ten", bad_number("ten", 0, "prop:ivl>=ten")),
        ("prop:s>nan", bad_number("nan", 0, "prop:s>nan")),
        ("prop:s>1e3", bad_number("1e3", 0, "prop:s>1e3")),
        ("prop:s>.5", bad_number(".5", 0, "prop:s>.5")),
        ("prop:s>", bad_number("", 0, "prop:s>")),
        ("rated:x", bad_number("x", 0, "rated:x")),
        ("rated:7:good", bad_number("good", 0, "rated:7:good")),
        (
            "rated:0",
            SearchError::OutOfRange {
                expected: "days count from 1 (today)",
                span: span(0, "rated:0"),
            },
        ),
        (
            "rated:7:5",
            SearchError::OutOfRange {
                expected: "the rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
                span: span(0, "rated:7:5"),
            },
        ),
        (
            "prop:r<80",
            SearchError::OutOfRange {
                expected: "retrievability is from 0 to 1 (0.8 for 80%)",
                span: span(0, "prop:r<80"),
            },
        ),
        ("deck:", SearchError::Empty(span(0, "deck:"))),
        ("a !!!", SearchError::Empty(span(2, "!!!"))),
        ("ñ \"abc", SearchError::UnclosedQuote(span(2, "\"abc"))),
        ("front:\"ab", SearchError::UnclosedQuote(span(6, "\"ab"))),
        ("a (b or c", SearchError::UnclosedParenthesis(span(2, "("))),
        ("a b) c", SearchError::StrayParenthesis(span(3, ")"))),
        ("a () b", SearchError::EmptyParentheses(span(2, "("))),
        ("a or", SearchError::DanglingOperator(span(2, "or"))),
        ("or a", SearchError::DanglingOperator(span(0, "or"))),
        ("a or or b", SearchError::DanglingOperator(span(2, "or"))),
        ("(a or) b", SearchError::DanglingOperator(span(3, "or"))),
        ("and a", SearchError::DanglingOperator(span(0, "and"))),
        ("a -", SearchError::DanglingNot(span(2, "-"))),
        ("-(a or b) -", SearchError::DanglingNot(span(10, "-"))),
    ];
    for (query, expected) in table {
        assert_eq!(Query::parse(query), Err(expected), "{query:?}");
    }
}

#[test]
fn error_messages_name_the_term_its_place_and_what_is_known() {
    let message = |query: &str| Query::parse(query).unwrap_err().to_string();
    assert_eq!(
        message("is:due prop:foo>1"),
        "unknown property `prop:foo>1` at character 8; known: ivl, due, reps, lapses, s, d, r"
    );
    assert_eq!(
        message("is:nwe"),
        "unknown `is:` value `is:nwe` at character 1; known: new, learn, review, due, \
         suspended, buried, buried-manually, buried-sibling, leech, starred, orphan"
    );
    assert_eq!(
        message("prop:ivl>=ten"),
        "bad number `ten` in `prop:ivl>=ten` at character 1"
    );
    assert_eq!(message("(a"), "unclosed parenthesis at character 1");
    assert_eq!(message("a \"bc"), "unclosed quote `\"bc` at character 3");
    assert_eq!(Query::parse("a prop:x").unwrap_err().span().offset, 2);
}

/// `docs/search.md`, so that its examples are the parser's.
const DOCS: &str = include_str!("../../../docs/search.md");

/// The first column of each table row in `section` of the docs, with the rest of the row.
fn doc_rows(section: &str) -> Vec<(&'static str, &'static str)> {
    let start = DOCS.find(section).expect("the section is in the docs");
    let body = &DOCS[start + section.len()..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    body.lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|row| row.split_once("` | "))
        .map(|(query, rest)| (query, rest.trim_end_matches(" |")))
        .collect()
}

#[test]
fn the_docs_examples_parse_and_their_errors_are_the_parsers() {
    let examples = doc_rows("## Terms");
    assert!(examples.len() > 30, "{}", examples.len());
    for (query, _) in examples.into_iter().chain(doc_rows("## Combining terms")) {
        assert!(Query::parse(query).is_ok(), "{query:?}");
    }
    let errors = doc_rows("## Errors");
    assert_eq!(errors.len(), 16);
    for (query, message) in errors {
        assert_eq!(
            Query::parse(query).map_err(|e| e.to_string()),
            Err(message.to_owned()),
            "{query:?}"
        );
    }
}

#[test]
fn nesting_and_length_have_limits_instead_of_exhausting_the_stack() {
    let deep = format!("{}a", "(".repeat(999));
    let error = Query::parse(&deep).unwrap_err();
    assert_eq!(error.span().offset, 32, "the 33rd `(` goes too deep");
    let nots = format!("{}a", "-".repeat(40));
    assert!(matches!(Query::parse(&nots), Err(SearchError::TooDeep(_))));
    // 32 levels are fine.
    let fine = format!("{}a{}", "(".repeat(32), ")".repeat(32));
    assert!(Query::parse(&fine).is_ok());
    let long = "kam ".repeat(300);
    assert_eq!(
        Query::parse(&long).unwrap_err().to_string(),
        "the search is 1200 characters long; at most 1000 are searched"
    );
}

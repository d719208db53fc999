//! The compact form of match tiles: a card's lines as lines where the tile has room, else one
//! flow with a dim " /" where each line ended, without quote bars, bullets or indentation in
//! the middle of a line.

use super::*;

#[test]
fn a_tile_joins_the_lines_and_cuts_the_last() {
    let theme = Theme::default();
    // As lines "one two", "three", "four five": three, for two rows. Joined, "one two /"
    // fills the 9 columns, then "three", "four five": two lines fit, the second marked as cut.
    let tile = compact("**one** two\nthree four five", 9, 2, Style::new(), &theme);
    assert_eq!(shown(&tile), ["one two /", "three…"]);
    // A last line as wide as the tile gives up its last word for the "…", never doubling it:
    // "What is KAM’s" is 13 columns, so 12 are left for words: "What is" and "…".
    let tile = compact(
        "What is KAM’s external objective?",
        13,
        1,
        Style::new(),
        &theme,
    );
    assert_eq!(shown(&tile), ["What is…"]);
    // A word wider than the tile is cut to make room: "Particularly" (12) in 7 columns.
    let tile = compact("Particularly important", 7, 2, Style::new(), &theme);
    assert_eq!(shown(&tile), ["Particu", "larly…"]);
    let tile = compact("Accounts that matter", 7, 1, Style::new(), &theme);
    assert_eq!(shown(&tile), ["Accoun…"]);
}

#[test]
fn compact_keeps_a_tables_rows_and_a_rule_on_lines_of_their_own_at_the_tiles_width() {
    let theme = Theme::default();
    let text = "before\n\n| name | x |\n|---|---|\n| x | longvalue |\n\n---\n\nafter";
    // Aligned, the table needs 4 + 3 + 9 = 16 columns; at 14 each row is a line, cells
    // between dots (8 and 13 columns), and the rule is the tile's 14 columns.
    let at_14 = compact(text, 14, 10, Style::new(), &theme);
    assert_eq!(
        shown(&at_14),
        [
            "before",
            "name · x",
            "x · longvalue",
            "──────────────",
            "after"
        ]
    );
    // At 20 the table is aligned with its rule under the header (4 + 3 + 9 = 16 columns).
    let at_20 = compact(text, 20, 10, Style::new(), &theme);
    assert_eq!(
        shown(&at_20),
        [
            "before",
            "name │ x",
            "─────┼──────────",
            "x    │ longvalue",
            "────────────────────",
            "after",
        ]
    );
    // Five lines in three rows: joined, the rule left out and the table a row a line with its
    // cells between dots. A mark ends a line, never starts one: "before / name" would be 13,
    // but "name ·" holds its dot (15); "name · x / x ·" is 14; "longvalue /" (11) takes the
    // third row, with "…" as "after" is cut.
    let cut = compact(text, 14, 3, Style::new(), &theme);
    assert_eq!(shown(&cut), ["before /", "name · x / x ·", "longvalue /…"]);
    // Lines that fit stay lines.
    let plain = compact("one\ntwo", 14, 3, Style::new(), &theme);
    assert_eq!(shown(&plain), ["one", "two"]);
}

#[test]
fn a_tile_keeps_lines_where_it_has_room_and_joins_them_with_a_visible_mark_where_not() {
    let theme = Theme::default();
    let text = "> quoted\n\n- one\n- two\n\n```\nfn a() {\n    b\n}\n```";
    // Six lines in ten rows: as the card draws them, without its blank rows.
    let roomy = compact(text, 20, 10, Style::new(), &theme);
    assert_eq!(
        shown(&roomy),
        ["│ quoted", "- one", "- two", "fn a() {", "    b", "}"]
    );
    // Three rows: one flow, each line's text without its bar, bullet or indentation, a " /"
    // where it ended. "quoted / one / two /" is 20 columns; "fn a() { / b / }" is 16.
    let joined = compact(text, 20, 3, Style::new(), &theme);
    assert_eq!(shown(&joined), ["quoted / one / two /", "fn a() { / b / }"]);
    // The mark is dim, so that it reads as the tile's, not the card's.
    let mark = joined[0]
        .spans
        .iter()
        .find(|span| span.content.contains('/'))
        .unwrap();
    assert_eq!(mark.style, theme.dim);
    // A numbered list keeps its numbers, which say something; bullets do not.
    let numbered = compact("1. one\n2. two", 20, 1, Style::new(), &theme);
    assert_eq!(shown(&numbered), ["1. one / 2. two"]);
}

#[test]
fn a_tile_with_room_keeps_a_list_items_hanging_indent() {
    // Plain text (no Markdown) as other modes draw it: the wrapped line of an item starts
    // under the item's text. Worked at 40 columns: "1. … text that" is 39, "+ will" is 44.
    let theme = Theme::default();
    let text = "1. yo soy a very long line of text that will need to wrap around the card\n   \
                - sub b with more text that is also long enough to wrap at forty cols";
    assert_eq!(
        shown(&compact(text, 40, 10, Style::new(), &theme)),
        [
            "1. yo soy a very long line of text that",
            "   will need to wrap around the card",
            "   - sub b with more text that is also",
            "     long enough to wrap at forty cols",
        ]
    );
}

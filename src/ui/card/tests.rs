use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::*;

fn shown(lines: &[Line<'_>]) -> Vec<String> {
    lines.iter().map(ToString::to_string).collect()
}

/// The text of each span of `line` with whether it has `modifier`.
fn with(line: &Line<'_>, modifier: Modifier) -> Vec<(String, bool)> {
    line.spans
        .iter()
        .map(|s| {
            (
                s.content.to_string(),
                s.style.add_modifier.contains(modifier),
            )
        })
        .collect()
}

/// The text of `line` in the theme's highlight.
fn highlighted(line: &Line<'_>, theme: &Theme) -> String {
    line.spans
        .iter()
        .filter(|span| span.style == theme.highlight)
        .map(|span| span.content.as_ref())
        .collect()
}

fn piece(text: &str, on: bool) -> (String, bool) {
    (text.to_owned(), on)
}

#[test]
fn plain_text_wraps_as_before() {
    let theme = Theme::default();
    let text = "1. Customers are selected and grouped by potential,\n2. a team is formed.\n\n\
                C:\\Users and a_b_c and 2 * 3 * 4";
    for width in [20, 40, 80, 160] {
        let lines = lines(text, width, theme.title, &theme);
        let before: Vec<Line> = text::wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
        assert_eq!(lines, before, "at {width}");
    }
}

#[test]
fn tabs_expand_to_the_next_multiple_of_four() {
    // shared/cases/tab-indent's two tab-indented backs.
    let theme = Theme::default();
    let python = "for i in range(3):\n\tif i:\n\t\tprint(i)";
    assert_eq!(
        shown(&lines(python, 80, Style::new(), &theme)),
        ["for i in range(3):", "    if i:", "        print(i)"]
    );
    // "X" ends at column 5, its tab runs to 8; "Name" ends at 8, its tab runs to 12.
    let go = "type P struct {\n\tX\tint\n\tName\tstring\n}";
    assert_eq!(
        shown(&lines(go, 80, Style::new(), &theme)),
        ["type P struct {", "    X   int", "    Name    string", "}"]
    );
    // A marked range after a tab moves with its text: "bc" is bytes 2..4, then 4..6.
    let (expanded, marked) = expand_tabs("a\tbc", std::slice::from_ref(&(2..4)));
    assert_eq!(expanded, "a   bc");
    assert_eq!(marked, vec![4..6]);
}

#[test]
fn emphasis_code_and_escapes() {
    let theme = Theme::default();
    let lines = lines("**bold** and *it* and `x`", 80, Style::new(), &theme);
    assert_eq!(shown(&lines), ["bold and it and x"]);
    assert_eq!(
        with(&lines[0], Modifier::BOLD),
        [
            piece("bold", true),
            piece(" and ", false),
            piece("it", false),
            piece(" and ", false),
            piece("x", false)
        ]
    );
    assert_eq!(lines[0].spans[1].style, Style::new());
    assert!(
        lines[0].spans[2]
            .style
            .add_modifier
            .contains(Modifier::ITALIC)
    );
    assert_eq!(lines[0].spans[4].style.fg, theme.code.fg);
    // A backslash keeps an asterisk literal.
    let escaped = super::lines(r"\*not bold\* 2\*3", 80, Style::new(), &theme);
    assert_eq!(shown(&escaped), ["*not bold* 2*3"]);
    assert_eq!(
        with(&escaped[0], Modifier::BOLD),
        [piece("*not bold* 2*3", false)]
    );
}

#[test]
fn nested_lists_hang_under_their_text_at_every_width() {
    let theme = Theme::default();
    let text = "- **one** two three\n  1. four five six\n  2. seven";
    assert_eq!(
        shown(&lines(text, 80, Style::new(), &theme)),
        ["- one two three", "  1. four five six", "  2. seven"]
    );
    // 12 columns: "- " leads, "  1. " leads the nested items, wrapped text hangs under each.
    assert_eq!(
        shown(&lines(text, 12, Style::new(), &theme)),
        [
            "- one two",
            "  three",
            "  1. four",
            "     five",
            "     six",
            "  2. seven"
        ]
    );
}

#[test]
fn headings_quotes_links_and_rules() {
    let theme = Theme::default();
    let text = "# Title\n\n> quoted *words*\n\nsee [the docs](https://x.org)\n\n---\nend";
    let lines = lines(text, 30, Style::new(), &theme);
    assert_eq!(
        shown(&lines),
        [
            "Title",
            "",
            "│ quoted words",
            "",
            "see the docs",
            "",
            // No blank line after the rule in the text, no blank row after it.
            "──────────────────────────────",
            "end"
        ]
    );
    assert!(
        lines[0].spans[0]
            .style
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert_eq!(
        with(&lines[4], Modifier::UNDERLINED),
        [piece("see ", false), piece("the docs", true)]
    );
}

#[test]
fn blocks_on_adjacent_lines_stay_on_adjacent_rows() {
    // "A line break in the text stays a line break": a blank row only where the text has a
    // blank line (a quote's `>` alone counts as one).
    let theme = Theme::default();
    let cases: &[(&str, &[&str])] = &[
        (
            "#include <stdio.h>\n# not a heading?\n+1 for this\n1) first",
            &[
                "#include <stdio.h>",
                "not a heading?",
                "+1 for this",
                "1) first",
            ],
        ),
        (
            "# Big heading\n## Second\nbody text",
            &["Big heading", "Second", "body text"],
        ),
        (
            "# Big heading\n\n## Second\n\nbody text",
            &["Big heading", "", "Second", "", "body text"],
        ),
        ("text\n```\ncode\n```\nafter", &["text", "code", "after"]),
        (
            "> one\n>\n> two\nthree",
            &["│ one", "│", "│ two", "│ three"],
        ),
        ("para\n> quote", &["para", "│ quote"]),
        ("para\n\n\n> quote", &["para", "", "│ quote"]),
    ];
    for (text, expected) in cases {
        let rows = shown(&lines(text, 40, Style::new(), &theme));
        let rows: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
        assert_eq!(&rows, expected, "{text:?}");
    }
}

#[test]
fn entities_single_tildes_and_setext_underlines_show_as_the_deck_format_says() {
    // docs/deck-format.md: HTML is shown as written, `~~` strikes through, `---` on a line of
    // its own is a rule; CommonMark would resolve `&amp;`, strike `~one~` and make the line
    // above `---` or `===` a heading.
    let theme = Theme::default();
    let at = |text: &str, width: usize| shown(&lines(text, width, Style::new(), &theme));
    assert_eq!(at("&amp; &copy; &#169;", 40), ["&amp; &copy; &#169;"]);
    assert_eq!(at("**A** &amp; B", 40), ["A &amp; B"]);
    let drawn = lines("**x** ~approx~ ~~gone~~", 40, Style::new(), &theme);
    assert_eq!(shown(&drawn), ["x ~approx~ gone"]);
    assert_eq!(
        with(&drawn[0], Modifier::CROSSED_OUT),
        [
            piece("x", false),
            piece(" ~approx~ ", false),
            piece("gone", true)
        ]
    );
    assert_eq!(
        at("Separator below\n---", 20),
        ["Separator below", &"─".repeat(20)]
    );
    let drawn = lines("Title\n===", 20, Style::new(), &theme);
    assert_eq!(shown(&drawn), ["Title", "==="]);
    assert!(
        !drawn[0].spans[0]
            .style
            .add_modifier
            .contains(Modifier::BOLD)
    );
    // `# Title` is still a heading.
    let drawn = lines("# Title", 20, Style::new(), &theme);
    assert!(
        drawn[0].spans[0]
            .style
            .add_modifier
            .contains(Modifier::BOLD)
    );
}

#[test]
fn emphasis_follows_commonmark_and_a_backslash_keeps_the_mark() {
    // As docs/deck-format.md says: `*` between letters or digits is emphasis, `__init__` is
    // strong (CommonMark's rules 1 and 6), `\*` and `\_` show the mark itself.
    let theme = Theme::default();
    let drawn = lines("2*3*4 and __init__", 40, Style::new(), &theme);
    assert_eq!(shown(&drawn), ["234 and init"]);
    assert_eq!(
        with(&drawn[0], Modifier::ITALIC),
        [
            piece("2", false),
            piece("3", true),
            piece("4 and ", false),
            piece("init", false)
        ]
    );
    assert_eq!(
        with(&drawn[0], Modifier::BOLD),
        [
            piece("2", false),
            piece("3", false),
            piece("4 and ", false),
            piece("init", true)
        ]
    );
    assert_eq!(
        shown(&lines(
            r"2\*3\*4 and \_\_init\_\_ and \\d",
            40,
            Style::new(),
            &theme
        )),
        [r"2*3*4 and __init__ and \d"]
    );
}

#[test]
fn inline_code_and_bold_in_bold_text_stay_visible() {
    // Monochrome (NO_COLOR) draws code as plain text: its backticks stay. In colour they go.
    let mono = Theme::named(crate::config::ThemeName::Monochrome);
    let text = "run `ls -la` now";
    assert_eq!(
        shown(&lines(text, 40, Style::new(), &mono)),
        ["run `ls -la` now"]
    );
    let theme = Theme::default();
    assert_eq!(
        shown(&lines(text, 40, Style::new(), &theme)),
        ["run ls -la now"]
    );
    // A review question is all bold: bold in it is underlined as well, and italic in italic.
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let drawn = lines("what is **this** word", 40, bold, &theme);
    assert_eq!(
        with(&drawn[0], Modifier::UNDERLINED),
        [
            piece("what is ", false),
            piece("this", true),
            piece(" word", false)
        ]
    );
    let italic = Style::new().add_modifier(Modifier::ITALIC);
    let drawn = lines("an *odd* one", 40, italic, &theme);
    assert_eq!(
        with(&drawn[0], Modifier::UNDERLINED),
        [
            piece("an ", false),
            piece("odd", true),
            piece(" one", false)
        ]
    );
    // In plain text bold stays bold only.
    let drawn = lines("what is **this**", 40, Style::new(), &theme);
    assert_eq!(
        with(&drawn[0], Modifier::UNDERLINED),
        [piece("what is ", false), piece("this", false)]
    );
}

#[test]
fn a_code_block_is_highlighted_in_the_themes_colours_and_plain_in_monochrome() {
    let text = "```rust\nlet x = \"hi\"; // note\n```";
    let theme = Theme::default();
    let lines = lines(text, 80, Style::new(), &theme);
    assert_eq!(shown(&lines), ["let x = \"hi\"; // note"]);
    let style_of = |word: &str| {
        lines[0]
            .spans
            .iter()
            .find(|s| s.content.contains(word))
            .map(|s| s.style)
            .unwrap()
    };
    assert_eq!(style_of("let").fg, theme.syntax.keyword.fg);
    assert_eq!(style_of("hi").fg, theme.syntax.string.fg);
    assert_eq!(style_of("note").fg, theme.syntax.comment.fg);
    // Monochrome (NO_COLOR): no colour anywhere, the comment dim.
    let mono = Theme::named(crate::config::ThemeName::Monochrome);
    let lines = super::lines(text, 80, Style::new(), &mono);
    assert!(lines[0].spans.iter().all(|s| s.style.fg.is_none()));
    let comment = lines[0]
        .spans
        .iter()
        .find(|s| s.content.contains("note"))
        .unwrap();
    assert!(comment.style.add_modifier.contains(Modifier::DIM));
}

#[test]
fn math_shows_as_unicode_or_as_its_source() {
    let theme = Theme::default();
    assert_eq!(
        shown(&lines(
            r"Area: $\pi r^2$, $$\frac{a}{b}$$",
            80,
            Style::new(),
            &theme
        )),
        ["Area: π r², a/b"]
    );
    assert_eq!(
        shown(&lines(r"$e^{i\pi}$ stays", 80, Style::new(), &theme)),
        [r"$e^{i\pi}$ stays"]
    );
}

#[test]
fn an_unclosed_dollar_stays_and_the_text_after_it_is_markdown() {
    // The first `$` never closes: pulldown-cmark paired it with the `$` before `\beta`.
    let theme = Theme::default();
    let text = r"Unclosed $\alpha and **$\beta$** and *$x^2$*";
    let drawn = lines(text, 80, Style::new(), &theme);
    assert_eq!(shown(&drawn), [r"Unclosed $\alpha and β and x²"]);
    assert_eq!(
        with(&drawn[0], Modifier::BOLD),
        [
            piece(r"Unclosed $\alpha and ", false),
            piece("β", true),
            piece(" and ", false),
            piece("x²", false)
        ]
    );
    assert_eq!(
        with(&drawn[0], Modifier::ITALIC),
        [
            piece(r"Unclosed $\alpha and ", false),
            piece("β", false),
            piece(" and ", false),
            piece("x²", true)
        ]
    );
    // Money and a formula after it; a dollar followed by a digit closes nothing.
    assert_eq!(
        shown(&lines("$5 and $10, $a_1$", 80, Style::new(), &theme)),
        ["$5 and $10, a₁"]
    );
    // A cloze mark after the escaped dollar stays on its word.
    let text = r"$\alpha then **bold** $\beta$ word";
    let at = text.find("word").unwrap();
    let word = at..at + 4;
    let drawn = marked(text, std::slice::from_ref(&word), 80, Style::new(), &theme);
    assert_eq!(shown(&drawn), [r"$\alpha then bold β word"]);
    assert_eq!(highlighted(&drawn[0], &theme), "word");
}

#[test]
fn an_image_shows_its_alt_text_and_file_name() {
    let theme = Theme::default();
    assert_eq!(
        shown(&lines(
            "*Heart* ![the heart](media/heart.png)",
            80,
            Style::new(),
            &theme
        )),
        ["Heart [image: the heart] (heart.png)"]
    );
    // A path that names no file (a folder's, ending in `/`) shows as written, never "()".
    assert_eq!(
        shown(&lines("![x](media/)", 80, Style::new(), &theme)),
        ["[image: x] (media/)"]
    );
}

#[test]
fn a_table_aligns_where_it_fits_and_lists_its_rows_where_not() {
    let theme = Theme::default();
    let text = "| name | value |\n|---|---|\n| alpha | 1 |";
    assert_eq!(
        shown(&lines(text, 40, Style::new(), &theme)),
        ["name  │ value", "──────┼──────", "alpha │ 1"]
    );
    // 12 columns: the aligned table needs 5 + 3 + 5; rows with dots instead.
    assert_eq!(
        shown(&lines(text, 12, Style::new(), &theme)),
        ["name · value", "alpha · 1"]
    );
}

#[test]
fn cloze_marks_stay_on_their_words_in_markdown() {
    let theme = Theme::default();
    // "Paris" is bytes 8..13 of the text.
    let text = "**Cap** Paris is big";
    let lines = marked(
        text,
        std::slice::from_ref(&(8..13)),
        80,
        Style::new(),
        &theme,
    );
    assert_eq!(shown(&lines), ["Cap Paris is big"]);
    let paris = lines[0]
        .spans
        .iter()
        .find(|s| s.content == "Paris")
        .unwrap();
    assert_eq!(paris.style.fg, theme.highlight.fg);
    let rest = lines[0]
        .spans
        .iter()
        .find(|s| s.content == " is big")
        .unwrap();
    assert_ne!(rest.style.fg, theme.highlight.fg);
}

#[test]
fn wide_clusters_count_as_the_buffer_counts_them() {
    // A flag and a skin-toned thumb are one cluster of two columns each.
    assert_eq!(columns("🇯🇵"), 2);
    assert_eq!(columns("👍🏽"), 2);
    let theme = Theme::default();
    // 8 columns: "*zz* 👍🏽 tone" is "zz 👍🏽" (5) then "tone".
    assert_eq!(
        shown(&lines("*zz* 👍🏽 tone", 8, Style::new(), &theme)),
        ["zz 👍🏽", "tone"]
    );
}

#[test]
fn centring_moves_the_block_not_each_line() {
    let lines = vec![Line::from("1. one"), Line::from("2. three")];
    assert_eq!(shown(&centred(lines, 12)), ["  1. one", "  2. three"]);
}

/// `lines` drawn as review draws a card: a paragraph in an area of `width` × `height`.
fn drawn(lines: Vec<Line<'static>>, width: u16, height: u16) -> ratatui::buffer::Buffer {
    use ratatui::widgets::{Paragraph, Widget};
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    Paragraph::new(lines).render(area, &mut buffer);
    buffer
}

#[test]
fn a_card_without_markdown_draws_cell_for_cell_as_before() {
    let theme = Theme::default();
    let text = "KAM’s essence: a radically different process.\n\n1. Customers are selected and \
                grouped by potential,\n2. a team is formed.\n    indented line, C:\\path, 2 * 3\n\
                日本語のテキスト and 🇯🇵 with 👍🏽 — the end";
    // The card column of review at 80×24, 160×48 and 40×12 (its width less the scrollbar's).
    for (width, height) in [(80, 24), (160, 48), (40, 12)] {
        let columns = usize::from(width) - 2;
        let before: Vec<Line> = text::wrap(text, columns)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
        let now = lines(text, columns, theme.title, &theme);
        assert_eq!(
            drawn(now, width, height),
            drawn(before, width, height),
            "{width}×{height}"
        );
        // A cloze answer's marks too.
        let marks = [5..12, 60..70];
        let before = text::wrap_marked(text, &marks, columns, (theme.title, theme.highlight));
        let now = marked(text, &marks, columns, theme.title, &theme);
        assert_eq!(
            drawn(now, width, height),
            drawn(before, width, height),
            "{width}×{height}"
        );
    }
}

#[test]
fn a_markdown_list_keeps_its_alignment_in_the_buffer() {
    let theme = Theme::default();
    let text = "**Steps**\n\n1. select *customers* by potential\n2. form a team";
    let buffer = drawn(lines(text, 20, Style::new(), &theme), 20, 6);
    let mut expected = ratatui::buffer::Buffer::with_lines([
        "Steps               ",
        "",
        "1. select customers",
        "   by potential",
        "2. form a team",
        "",
    ]);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let italic = Style::new().add_modifier(Modifier::ITALIC);
    expected.set_style(ratatui::layout::Rect::new(0, 0, 5, 1), bold);
    expected.set_style(ratatui::layout::Rect::new(10, 2, 9, 1), italic);
    assert_eq!(buffer, expected);
}

#[test]
fn a_sound_shows_as_sound_and_its_name_and_marks_after_it_stay_on_their_words() {
    let theme = Theme::default();
    // "capital" as written: bytes 29..36, or 35..42 behind "media/" (6 bytes), which the
    // card does not show: a sound is named by its file, as a picture is.
    for (text, capital) in [
        ("Lima [sound:lima.mp3] is the capital", 29..36),
        ("Lima [sound:media/lima.mp3] is the capital", 35..42),
    ] {
        assert_eq!(&text[capital.clone()], "capital");
        let drawn = marked(
            text,
            std::slice::from_ref(&capital),
            80,
            Style::new(),
            &theme,
        );
        assert_eq!(shown(&drawn), ["Lima [sound: lima.mp3] is the capital"]);
        assert_eq!(highlighted(&drawn[0], &theme), "capital");
    }
    assert_eq!(
        plain("![p](media/pic.png) [sound:media/x.mp3]"),
        "[image: p] (pic.png) [sound: x.mp3]"
    );
    assert_eq!(
        shown(&lines("**Hear** [sound:a b.ogg]", 80, Style::new(), &theme)),
        ["Hear [sound: a b.ogg]"]
    );
}

#[test]
fn plain_is_the_rendered_text_on_one_line() {
    // Worked by hand: marks dropped, escapes resolved, math as Unicode, lines joined.
    let cases = [
        ("con **negrita** y `code`", "con negrita y code"),
        ("# Big heading", "Big heading"),
        ("Escapes: \\_under\\_", "Escapes: _under_"),
        (
            "Inline: **bold** and *italic*\nnext line",
            "Inline: bold and italic next line",
        ),
        ("$\\alpha \\to \\beta$", "α → β"),
        ("a\tb", "a b"),
        ("above\n\n---\n\nbelow", "above ─── below"),
        ("| a | b |\n|---|---|\n| c | d |", "a · b c · d"),
    ];
    for (text, expected) in cases {
        assert_eq!(plain(text), expected, "{text:?}");
    }
}

mod compact;

#[test]
fn wide_characters_at_the_cut_stay_whole() {
    // Each cluster before "yyy" after `x`s that fill the line up to and past the cut: a flag
    // (two regional indicators), a ZWJ family, a skin tone, a VS16 heart, Devanagari with its
    // signs, Thai with its marks and a CJK letter. At every width around the cut, each row
    // holds whole clusters only, and no row is wider than the width.
    use unicode_segmentation::UnicodeSegmentation;
    let theme = Theme::default();
    let clusters = ["🇯🇵", "👨‍👩‍👧", "👍🏽", "❤️", "क्षि", "กำ", "日"];
    for cluster in clusters {
        for width in 70..=82 {
            for xs in width - 6..=width + 1 {
                for markdown in ["", "**b** "] {
                    let text = format!("{markdown}{}{cluster}yyy", "x".repeat(xs));
                    let rows = shown(&lines(&text, width, Style::new(), &theme));
                    let joined: String = rows.concat();
                    let whole = |row: &String| row.graphemes(true).any(|g| g == cluster);
                    assert!(
                        rows.iter().any(whole),
                        "{cluster:?} split at {width} after {xs} x: {rows:?}"
                    );
                    assert!(joined.contains(cluster), "{cluster:?} lost: {rows:?}");
                    for row in &rows {
                        assert!(columns(row) <= width, "{row:?} wider than {width}");
                    }
                }
            }
        }
    }
}

//! Anki fields hold HTML; cards hold plain text. Line breaks, paragraphs and list items become
//! newlines (lists stay lists), other tags are dropped, and entities are decoded.

use std::fmt::Write as _;

/// Plain text for an HTML field.
pub(super) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // One entry per open list: `Some(n)` numbers an `<ol>`, `None` bullets a `<ul>`.
    let mut lists: Vec<Option<usize>> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        let Some(close) = after.find('>').filter(|_| is_tag) else {
            out.push('<');
            rest = after;
            continue;
        };
        let tag = &after[..close];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("br", _) => out.push('\n'),
            ("div" | "p", false) if !out.is_empty() && !out.ends_with('\n') => out.push('\n'),
            ("div" | "p", true) if !out.ends_with('\n') => out.push('\n'),
            ("ol", false) => lists.push(Some(0)),
            ("ul", false) => lists.push(None),
            ("ol" | "ul", true) => {
                lists.pop();
            }
            ("li", false) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        let _ = write!(out, "{n}. ");
                    }
                    _ => out.push_str("- "),
                }
            }
            _ => {}
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).replace('\u{a0}', " ");
    tidy(&decoded)
}

/// Trims each line's end and the text, and keeps at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines().map(str::trim_end) {
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn converts_anki_html() {
        assert_eq!(
            to_text("line one<br>line two<br />three"),
            "line one\nline two\nthree"
        );
        assert_eq!(to_text("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(to_text("<b>bold</b> &amp; <i>it</i>&nbsp;x"), "bold & it x");
        assert_eq!(to_text("a &lt; b and 3 < 4"), "a < b and 3 < 4");
        assert_eq!(
            to_text("Steps:<ol><li>one</li><li>two</li></ol>"),
            "Steps:\n1. one\n2. two"
        );
        assert_eq!(to_text("<ul><li>x<li>y</ul>"), "- x\n- y");
        assert_eq!(to_text("a<br><br><br><br>b"), "a\n\nb");
    }
}

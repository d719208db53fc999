//! Anki's card templates and field HTML into flashdeck's card text: `{{Field}}`,
//! `{{FrontSide}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`, filters such as
//! `{{text:Field}}` and `{{type:Field}}` (the rules of Anki's `rslib/src/template.rs`,
//! simplified to text); `<img src>` becomes `![alt](path)`, `[sound:x]` keeps its form with
//! the path rewritten (a name that is no plain file name stays as text, `[image: name]` or
//! `[sound file: name]`, never a link out of the media folder), and the rest of the HTML
//! becomes text as the plain-text importer does.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::super::html;

/// A note's fields by name, as HTML.
pub type Fields<'a> = HashMap<&'a str, &'a str>;

/// A rendered side: its HTML, and whether any field it shows was filled (Anki makes no card
/// whose question shows no filled field).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    pub html: String,
    pub filled: bool,
}

/// Renders `template`. `front_side` is the rendered question, for the answer's
/// `{{FrontSide}}`; `answer` says which side this is (`{{type:Field}}` shows its field only on
/// the answer side, where Anki compares the typed text).
#[must_use]
pub fn render(template: &str, fields: &Fields<'_>, front_side: &str, answer: bool) -> Rendered {
    let mut out = Rendered::default();
    render_into(template, fields, front_side, answer, &mut out);
    out
}

fn render_into(
    template: &str,
    fields: &Fields<'_>,
    front_side: &str,
    answer: bool,
    out: &mut Rendered,
) {
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.html.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            out.html.push_str(&rest[open..]);
            return;
        };
        let tag = after[..close].trim();
        rest = &after[close + 2..];
        if let Some(name) = tag.strip_prefix('#').or_else(|| tag.strip_prefix('^')) {
            let name = name.trim();
            let end_tag = format!("{{{{/{name}}}}}");
            let (inner, after_section) = match rest.find(&end_tag) {
                Some(end) => (&rest[..end], &rest[end + end_tag.len()..]),
                None => (rest, ""),
            };
            let filled = fields.get(name).is_some_and(|v| is_filled(v));
            if filled == tag.starts_with('#') {
                render_into(inner, fields, front_side, answer, out);
            }
            rest = after_section;
            continue;
        }
        if tag == "FrontSide" {
            out.html.push_str(front_side);
            continue;
        }
        let (filters, name) = match tag.rsplit_once(':') {
            Some((filters, name)) => (filters, name.trim()),
            None => ("", tag),
        };
        let value = fields.get(name).copied().unwrap_or_default();
        if filters.split(':').any(|f| f.trim() == "type") {
            if answer {
                out.html.push_str(value);
            }
            continue;
        }
        out.filled |= is_filled(value);
        out.html.push_str(value);
    }
    out.html.push_str(rest);
}

/// A field is empty when it holds only whitespace and markup (Anki's `field_is_empty`).
fn is_filled(value: &str) -> bool {
    !html::to_text(value).trim().is_empty() || value.contains("<img")
}

/// The answer side without the question Anki repeats above `<hr id=answer>`.
#[must_use]
pub fn answer_part(answer: &str) -> &str {
    let lower = answer.to_ascii_lowercase();
    match lower
        .find("<hr id=answer>")
        .or_else(|| lower.find("<hr id=\"answer\">"))
    {
        Some(at) => {
            let tag_end = answer[at..]
                .find('>')
                .map_or(answer.len(), |end| at + end + 1);
            &answer[tag_end..]
        }
        None => answer,
    }
}

/// Gives the path a deck file reaches a note's media name by, or `None` when the name must not
/// become a link (it is not a plain file name).
pub type MediaPath<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Field HTML as card text: images and sounds as references through `media`, or as text when
/// it refuses the name; everything else as text.
#[must_use]
pub fn to_text(field_html: &str, media: MediaPath<'_>) -> String {
    let with_images = images(field_html, media);
    let with_sounds = sounds(&with_images, media);
    html::to_text(&with_sounds)
}

/// `<img src="a.png" alt="x">` → `![x](media path)`, or `[image: a.png]`.
fn images(text: &str, media: MediaPath<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_ascii_ci(rest, "<img") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let tag = &rest[start..=start + len];
        rest = &rest[start + len + 1..];
        if let Some(src) = attribute(tag, "src") {
            let name = html_escape::decode_html_entities(src).into_owned();
            let alt = attribute(tag, "alt")
                .unwrap_or_default()
                .replace(['[', ']'], "");
            let _ = match media(&name) {
                Some(path) => write!(out, "![{alt}]({path})"),
                None => write!(out, "[image: {name}]"),
            };
        }
    }
    out.push_str(rest);
    out
}

/// `[sound:a.mp3]` → `[sound:media path]`, or `[sound file: a.mp3]`.
fn sounds(text: &str, media: MediaPath<'_>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[sound:") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 7..];
        let Some(end) = after.find(']') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        let _ = match media(name) {
            Some(path) => write!(out, "[sound:{path}]"),
            None => write!(out, "[sound file: {name}]"),
        };
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// An attribute's value in a tag, quoted with `"` or `'`, or bare.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or_default(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(pairs: &[(&'a str, &'a str)]) -> Fields<'a> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn fields_sections_and_front_side() {
        let f = fields(&[("Word", "comer"), ("Meaning", "to eat"), ("Example", "")]);
        let front = render("{{Word}}", &f, "", false);
        assert_eq!(
            front,
            Rendered {
                html: "comer".into(),
                filled: true
            }
        );
        let back = render(
            "{{FrontSide}}<hr id=answer>{{Meaning}}{{#Example}}<br><i>{{Example}}</i>{{/Example}}",
            &f,
            &front.html,
            true,
        );
        assert_eq!(back.html, "comer<hr id=answer>to eat");
        assert_eq!(answer_part(&back.html), "to eat");
        let inverted = render("{{^Example}}no example{{/Example}}", &f, "", false);
        assert_eq!(inverted.html, "no example");
        assert!(!inverted.filled);
    }

    #[test]
    fn a_question_showing_no_filled_field_is_empty() {
        // Anki's "Use it" template of a note without an example makes no card.
        let f = fields(&[("Meaning", "to drink"), ("Example", "")]);
        let front = render(
            "{{#Example}}Use in a sentence: {{Meaning}}{{/Example}}",
            &f,
            "",
            false,
        );
        assert_eq!(front, Rendered::default());
    }

    #[test]
    fn type_shows_its_field_only_on_the_answer() {
        let f = fields(&[("Front", "the water"), ("Back", "el agua")]);
        assert_eq!(
            render("{{Front}}\n\n{{type:Back}}", &f, "", false).html,
            "the water\n\n"
        );
        let back = render("{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}", &f, "", true);
        assert_eq!(answer_part(&back.html).trim(), "el agua");
        assert_eq!(render("{{text:Back}}", &f, "", false).html, "el agua");
    }

    #[test]
    fn images_and_sounds_become_references() {
        let media = |name: &str| Some(format!("../media/{name}"));
        assert_eq!(
            to_text(
                "What animal? <IMG alt='a cat' src=\"cat &amp; dog.png\">",
                &media
            ),
            "What animal? ![a cat](../media/cat & dog.png)"
        );
        assert_eq!(
            to_text("hola [sound:hola.mp3]<br>x", &media),
            "hola [sound:../media/hola.mp3]\nx"
        );
    }

    #[test]
    fn a_refused_name_stays_text() {
        let media = |name: &str| (!name.contains('/')).then(|| format!("../media/{name}"));
        assert_eq!(
            to_text(
                "<img src=\"../../../tmp/pwn.png\"> [sound:../x.mp3] <img src=ok.png>",
                &media
            ),
            "[image: ../../../tmp/pwn.png] [sound file: ../x.mp3] ![](../media/ok.png)"
        );
    }
}

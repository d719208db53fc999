//! The graded report of a practice test: the score, then each answer nearly right or wrong
//! beside the right one. Card text (prompts, options picked, answers) is drawn by the card
//! renderer; what was typed is shown as typed.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::{Theme, card, text};
use crate::session::practice_test::{Answer, Report, Wrong};

/// The report after submitting: the score, then what was nearly right and what was wrong.
pub(super) fn report_lines(report: &Report, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(""),
        Line::styled(
            format!(
                "Score: {}% ({} of {} right)",
                report.score, report.right, report.total
            ),
            theme.title,
        ),
        Line::from(""),
    ];
    if report.wrong.is_empty() {
        lines.push(Line::styled("Everything right!", theme.review));
    }
    let right_but = [
        ("Right, but mind the spelling:", &report.near, "as written:"),
        ("Right in part (key words):", &report.partial, "in full:"),
    ];
    for (heading, answers, label) in right_but {
        if answers.is_empty() {
            continue;
        }
        lines.push(Line::styled(heading, theme.notice));
        for near in answers {
            lines.extend(answered(near, (theme.notice, label), width, theme));
        }
        lines.push(Line::from(""));
    }
    if !report.wrong.is_empty() {
        lines.push(Line::styled("Wrong:", theme.error));
    }
    for wrong in &report.wrong {
        lines.extend(answered(wrong, (theme.error, "right:"), width, theme));
    }
    lines
}

/// One question of the report: its number and prompt, the claim it showed, what was answered
/// (in the style `yours`), and after `right` the right answer, with a false claim's card
/// answer.
fn answered(
    wrong: &Wrong,
    (yours, right): (Style, &str),
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let number = format!("{}.", wrong.number);
    let mut lines = labelled_card(&number, &wrong.prompt, width, theme.title, theme);
    if let Some(shown) = &wrong.shown {
        lines.extend(labelled_card("shown:", shown, width, theme.dim, theme));
    }
    lines.extend(answer_lines("yours:", &wrong.given, width, yours, theme));
    lines.extend(answer_lines(
        right,
        &wrong.expected,
        width,
        theme.review,
        theme,
    ));
    if let Some(answer) = &wrong.answer {
        lines.extend(labelled_card("answer:", answer, width, theme.review, theme));
    }
    lines
}

/// `label` and `text` on a line, the text's wrapped lines under its first word, not under
/// the label: "  yours: a long answer" / "         that goes on".
pub(super) fn labelled(label: &str, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let lines = text::wrap(text, text_width(label, width))
        .into_iter()
        .map(|piece| Line::from(Span::styled(piece, style)));
    under_label(label, lines, style)
}

/// An answer in the report after its `label`: a card's text as [`labelled_card`] draws it,
/// anything else (typed, true or false, none) as [`labelled`] does.
fn answer_lines(
    label: &str,
    answer: &Answer,
    width: usize,
    style: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    match answer {
        Answer::Card(text) => labelled_card(label, text, width, style, theme),
        other => labelled(label, other.text(), width, style),
    }
}

/// As [`labelled`], for card text: drawn by the one card renderer (Markdown, math, tabs to
/// the next multiple of 4), each of its lines under the first.
fn labelled_card(
    label: &str,
    text: &str,
    width: usize,
    style: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lines = card::lines(text, text_width(label, width), style, theme);
    under_label(label, lines, style)
}

/// The columns a text has after `label` in `width`: at least 10.
fn text_width(label: &str, width: usize) -> usize {
    width.saturating_sub(label.chars().count() + 3).max(10)
}

/// `lines` after `label`, the first beside it and the rest under the first.
fn under_label(
    label: &str,
    lines: impl IntoIterator<Item = Line<'static>>,
    style: Style,
) -> Vec<Line<'static>> {
    let indent = label.chars().count() + 3;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let head = if i == 0 {
                format!("  {label} ")
            } else {
                " ".repeat(indent)
            };
            let mut spans = vec![Span::styled(head, style)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

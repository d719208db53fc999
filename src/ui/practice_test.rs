//! The practice test: one question at a time, the submit page, and the graded report.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Widget, Wrap};

use super::{Theme, card, chrome, text};
use crate::app::{Action, App, Practice, keys};
use crate::session::practice_test::{Item, PracticeTest, Response};
use crate::session::questions::Ask;
use report::{labelled, report_lines};

mod report;

pub fn render(
    app: &App,
    screen: &Practice<PracticeTest>,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let test = &screen.session;
    let total = test.question_count();
    let status = match (&test.report, test.on_submit_page()) {
        (Some(report), _) => Line::styled(format!("score {}%", report.score), theme.title),
        (None, true) => Line::styled("ready to submit", theme.dim),
        (None, false) => {
            let numbers = test.numbers_of(test.position);
            let (first, last) = (*numbers.start(), *numbers.end());
            Line::styled(
                if first == last {
                    format!("question {first} of {total}")
                } else {
                    format!("questions {first}–{last} of {total}")
                },
                theme.dim,
            )
        }
    };
    let title = format!("Practice test · {}", test.title);
    // Centred in a readable column, as a review card is.
    let body = chrome::column(chrome::render(app, theme, &title, status, area, buf));
    // A column between the text and a scrollbar.
    let width = usize::from(body.width.saturating_sub(2));
    if screen.leaving {
        return leaving_lines(test, theme, body, buf);
    }
    let lines = if let Some(report) = &test.report {
        report_lines(report, theme, width)
    } else if test.on_submit_page() {
        submit_lines(test, theme, width)
    } else {
        question_lines(app, test, theme, (width, usize::from(body.height)))
    };
    super::scrolled(
        lines,
        test.scroll,
        false,
        (body, buf),
        |paragraph, area, buf| {
            paragraph.wrap(Wrap { trim: false }).render(area, buf);
        },
    );
}

/// The submit page: how many are answered, which are not, and the keys.
fn submit_lines(test: &PracticeTest, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let total = test.question_count();
    let missing = test.unanswered();
    let mut lines = vec![
        Line::from(""),
        Line::styled(
            format!(
                "You answered {} of {}.",
                total - missing.len(),
                crate::english::counted(total, "question")
            ),
            theme.title,
        ),
    ];
    if !missing.is_empty() {
        lines.extend(labelled(
            "Not answered:",
            &number_ranges(&missing),
            width,
            theme.error,
        ));
    }
    lines.push(Line::from(""));
    lines.extend(
        text::wrap(
            &format!(
                "{} submits the test{}; {} goes back to the questions.",
                keys::TEST_SUBMIT.label(&Action::Submit),
                if missing.is_empty() { "" } else { " as it is" },
                keys::TEST_SUBMIT.label(&Action::Left)
            ),
            width,
        )
        .into_iter()
        .map(Line::from),
    );
    lines
}

/// "2, 5–7, 9" for question numbers in order.
fn number_ranges(numbers: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs.iter()
        .map(|&(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}–{last}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Leaving a test with answers: what is kept, and the keys.
fn leaving_lines(test: &PracticeTest, theme: &Theme, body: Rect, buf: &mut Buffer) {
    let keys = keys::TEST_LEAVE;
    let total = test.question_count();
    let answered = total - test.unanswered().len();
    super::flashcards::message(
        &[
            "Leave the test?".to_owned(),
            format!(
                "{answered} of {} answered.",
                crate::english::counted(total, "question")
            ),
            format!(
                "{} leaves and keeps them: the test resumes when you open a practice test \
                 on these decks again.",
                keys.label(&Action::Back)
            ),
            format!(
                "{} discards the test; {} stays.",
                keys.label(&Action::Discard),
                keys.label(&Action::Stay)
            ),
        ],
        theme,
        body,
        buf,
    );
}

/// The question on screen, `width` columns wide in `rows` rows.
fn question_lines<'a>(
    app: &App,
    test: &'a PracticeTest,
    theme: &Theme,
    (width, rows): (usize, usize),
) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from("")];
    let response = &test.responses[test.position];
    match &test.items[test.position] {
        Item::Single(q) => {
            let starred = app.study.practice(&test.terms[q.term].id).starred;
            let star = if starred { "★ " } else { "" };
            lines.extend(card::lines(
                &format!("{star}{}", q.prompt),
                width,
                theme.title,
                theme,
            ));
            lines.push(Line::from(""));
            match &q.ask {
                Ask::Choice { options, .. } => {
                    for (i, option) in options.iter().enumerate() {
                        let chosen = *response == Response::Choice(i);
                        let style = if chosen { theme.selected } else { theme.dim };
                        lines.extend(card::hanging(
                            Span::styled(format!("  {}  ", option_key(i)), theme.key),
                            option,
                            width,
                            style,
                            theme,
                        ));
                    }
                }
                Ask::TrueFalse { shown, .. } => {
                    lines.push(Line::styled("Is this the answer?", theme.dim));
                    lines.extend(card::lines(shown, width, Style::new(), theme));
                    let pick = |value: bool| {
                        if *response == Response::TrueFalse(value) {
                            theme.selected
                        } else {
                            theme.dim
                        }
                    };
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("  {} ", keys::TEST_TRUE_FALSE.choice_label(1)),
                            theme.key,
                        ),
                        Span::styled("True", pick(true)),
                        Span::styled(
                            format!("   {} ", keys::TEST_TRUE_FALSE.choice_label(2)),
                            theme.key,
                        ),
                        Span::styled("False", pick(false)),
                    ]));
                }
                Ask::Written => {
                    let so_far = match response {
                        Response::Text(so_far) => so_far.as_str(),
                        _ => "",
                    };
                    let cursor = if app.typing() { "█" } else { "" };
                    lines.push(Line::styled("Type the answer:", theme.dim));
                    lines.extend(
                        text::wrap(&format!("> {so_far}{cursor}"), width)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.key)),
                    );
                }
            }
        }
        Item::Matching {
            prompts, answers, ..
        } => lines.extend(matching_lines(
            (prompts, answers),
            response,
            test.row,
            theme,
            (width, rows),
        )),
    }
    lines
}

/// The matching block: the prompts with the answer picked for each, then the answers, each
/// wrapped under its key as a multiple-choice option is. When that is taller than `rows`,
/// what matters most comes first: the prompt being answered (its number of the block's),
/// then the answers; ↑/↓ show the other prompts.
fn matching_lines(
    (prompts, answers): (&[String], &[String]),
    response: &Response,
    row: usize,
    theme: &Theme,
    (width, rows): (usize, usize),
) -> Vec<Line<'static>> {
    let picks = match response {
        Response::Matching(picks) => picks.clone(),
        _ => vec![None; prompts.len()],
    };
    let prompt_lines = |i: usize, prompt: &str, lead: String| {
        let pick = picks
            .get(i)
            .copied()
            .flatten()
            .map_or("·".to_owned(), option_key);
        let style = if i == row {
            theme.selected
        } else {
            theme.title
        };
        card::hanging(
            Span::styled(format!(" [{pick}] {lead}"), theme.key),
            prompt,
            width,
            style,
            theme,
        )
    };
    let mut answer_lines = Vec::new();
    for (i, answer) in answers.iter().enumerate() {
        answer_lines.extend(card::hanging(
            Span::styled(format!("  {}  ", option_key(i)), theme.key),
            answer,
            width,
            theme.dim,
            theme,
        ));
    }
    let mut lines = text::wrap(
        &format!(
            "Match each prompt with its answer: {}/{} pick a prompt, a number answers it.",
            keys::TEST_MATCHING.label(&Action::Up),
            keys::TEST_MATCHING.label(&Action::Down)
        ),
        width,
    )
    .into_iter()
    .map(|l| Line::styled(l, theme.dim))
    .collect::<Vec<_>>();
    for (i, prompt) in prompts.iter().enumerate() {
        lines.extend(prompt_lines(i, prompt, String::new()));
    }
    lines.push(Line::from(""));
    // The blank line above the block counts too.
    if lines.len() + answer_lines.len() < rows {
        lines.extend(answer_lines);
        return lines;
    }
    let Some(prompt) = prompts.get(row) else {
        return answer_lines;
    };
    let mut lines = prompt_lines(row, prompt, format!("{}/{} ", row + 1, prompts.len()));
    lines.extend(answer_lines);
    lines
}

/// The key that answers with option `index` (from 0), as the test's tables have it: the
/// choice's, or the matching block's past four.
fn option_key(index: usize) -> String {
    keys::TEST_CHOICE
        .pick_label(index + 1)
        .or_else(|| keys::TEST_MATCHING.pick_label(index + 1))
        .map_or_else(String::new, String::from)
}

//! Learn: the question, its options or answer field, the outcome, and each round's progress.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, card, chrome, flashcards::message, text};
use crate::app::{Action, App, Practice, keys};
use crate::session::grade::Grade;
use crate::session::learn::{Asked, Learn, Marked, Outcome, Stage};
use crate::session::questions::{Ask, Question};

pub fn render(app: &App, screen: &Practice<Learn>, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let learn = &screen.session;
    let (unseen, familiar, mastered) = learn.progress();
    let title = format!("Learn · {}", learn.title);
    let room = chrome::status_room(&title, area.width);
    let status = progress_line(learn.round, (unseen, familiar, mastered), room, theme);
    // Centred in a readable column, as a review card is.
    let body = chrome::column(chrome::render(app, theme, &title, status, area, buf));
    // A column between the text and a scrollbar.
    let width = usize::from(body.width.saturating_sub(2));
    match learn.stage {
        Stage::Done => {
            return message(
                &[match learn.terms.len() {
                    1 => "You have mastered the term!".to_owned(),
                    n => format!("You have mastered all {n} terms!"),
                }],
                theme,
                body,
                buf,
            );
        }
        Stage::RoundOver => {
            let mut lines = vec![
                format!("Round {} done.", learn.round),
                format!("{unseen} unseen · {familiar} familiar · {mastered} mastered"),
            ];
            if !learn.missed.is_empty() {
                lines.push(String::new());
                lines.push("Missed this round:".to_owned());
                lines.extend(learn.missed.iter().map(|&t| {
                    let term = &learn.terms[t];
                    format!("{} — {}", card::plain(&term.front), card::plain(&term.back))
                }));
            }
            lines.push(String::new());
            lines.push(format!(
                "{} starts the next round.",
                keys::LEARN_ROUND_OVER.label(&Action::Proceed)
            ));
            return message(&lines, theme, body, buf);
        }
        Stage::Asking => {}
    }
    let Some(asked) = &learn.current else { return };
    let starred = app
        .study
        .practice(&learn.terms[asked.question.term].id)
        .starred;
    let mut lines = Vec::new();
    if let Some(passed) = learn.passed.as_ref().filter(|_| asked.outcome.is_none()) {
        // One line: cut with "…" when the pair is longer.
        let recall = format!(
            "✓ Right: {} — {}",
            card::plain(&passed.prompt),
            card::plain(&passed.answer)
        );
        let pieces = text::wrap(&recall, width.saturating_sub(1));
        let first = pieces.first().cloned().unwrap_or_default();
        let cut = if pieces.len() > 1 { "…" } else { "" };
        lines.push(Line::styled(format!("{first}{cut}"), theme.review));
    }
    let (prompt, ask) = question_lines(asked, starred, app.typing(), theme, width);
    let feedback = asked.outcome.as_ref().map_or_else(Vec::new, |outcome| {
        outcome_lines(outcome, &asked.question, theme, width)
    });
    lines.extend(prompt);
    // Feedback below a question taller than the body would be out of sight (40×12 after a
    // miss): then it comes first, under the prompt, and the options follow.
    let height = usize::from(body.height);
    let all = || lines.iter().chain(&ask).chain(&feedback);
    // As `scrolled` draws it: without blank lines when it is too tall.
    let tall = all().count() > height && all().filter(|l| l.width() > 0).count() > height;
    if tall {
        lines.extend(feedback);
        lines.extend(ask);
    } else {
        lines.extend(ask);
        lines.extend(feedback);
    }
    super::scrolled(
        lines,
        screen.scroll,
        false,
        (body, buf),
        |paragraph, area, buf| {
            paragraph.render(area, buf);
        },
    );
}

/// Learn's header status, whole if it fits `room` columns, else without the round, else the
/// count that matters most: how many terms are mastered, of all.
fn progress_line(
    round: usize,
    (unseen, familiar, mastered): (usize, usize, usize),
    room: usize,
    theme: &Theme,
) -> Line<'static> {
    let counts = vec![
        Span::styled(unseen.to_string(), theme.new),
        Span::styled(" unseen · ", theme.dim),
        Span::styled(familiar.to_string(), theme.learning),
        Span::styled(" familiar · ", theme.dim),
        Span::styled(mastered.to_string(), theme.review),
        Span::styled(" mastered", theme.dim),
    ];
    let mut whole = vec![Span::styled(format!("round {round} · "), theme.dim)];
    whole.extend(counts.clone());
    let short = Line::from(vec![
        Span::styled(mastered.to_string(), theme.review),
        Span::styled(
            format!(" of {} mastered", unseen + familiar + mastered),
            theme.dim,
        ),
    ]);
    [Line::from(whole), Line::from(counts)]
        .into_iter()
        .find(|line| line.width() <= room)
        .unwrap_or(short)
}

/// The prompt, then how it is asked: options, a true/false claim, or the answer field.
fn question_lines(
    asked: &Asked,
    starred: bool,
    typing: bool,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let q = &asked.question;
    let mut prompt: Vec<Line> = vec![Line::from("")];
    let star = if starred { "★ " } else { "" };
    prompt.extend(card::lines(
        &format!("{star}{}", q.prompt),
        width,
        theme.title,
        theme,
    ));
    let mut lines = vec![Line::from("")];
    let outcome = asked.outcome.as_ref();
    match &q.ask {
        Ask::Choice { options, correct } => {
            for (i, option) in options.iter().enumerate() {
                let mark = match outcome {
                    Some(_) if i == *correct => theme.review,
                    Some(o) if !o.right && *option == o.given => theme.error,
                    _ => theme.dim,
                };
                let key = format!("  {}  ", keys::LEARN_CHOICE.choice_label(i + 1));
                lines.extend(card::hanging(
                    Span::styled(key, theme.key),
                    option,
                    width,
                    mark,
                    theme,
                ));
            }
        }
        Ask::TrueFalse { shown, .. } => {
            lines.push(Line::styled("Is this the answer?", theme.dim));
            lines.extend(card::lines(shown, width, Style::new(), theme));
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}", keys::LEARN_TRUE_FALSE.choice_label(1)),
                    theme.key,
                ),
                Span::raw(" True    "),
                Span::styled(keys::LEARN_TRUE_FALSE.choice_label(2), theme.key),
                Span::raw(" False"),
            ]));
        }
        Ask::Written => {
            let cursor = if outcome.is_none() && typing {
                "█"
            } else {
                ""
            };
            lines.push(Line::styled("Type the answer:", theme.dim));
            lines.extend(
                text::wrap(&format!("> {}{cursor}", asked.input), width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.key)),
            );
        }
    }
    (prompt, lines)
}

/// What the feedback line says, and whether the answer follows it.
fn verdict(outcome: &Outcome, ask: &Ask) -> (&'static str, bool) {
    match (outcome.right, outcome.grade, ask) {
        _ if outcome.marked == Marked::DontKnow => ("The answer:", true),
        _ if outcome.marked == Marked::ByUser => {
            ("✓ Counted as right. The answer as written:", true)
        }
        (true, Some(Grade::Close), _) => ("≈ Right, with a typo. The answer as written:", true),
        (true, Some(Grade::Accents), _) => ("≈ Right, but mind the accents:", true),
        (true, Some(Grade::KeyWords), _) => ("≈ Right in part (key words). In full:", true),
        (true, _, _) => ("✓ Right!", false),
        (false, _, Ask::TrueFalse { is_true: true, .. }) => ("✗ It was true.", false),
        (false, _, Ask::TrueFalse { .. }) => ("✗ It was false. The answer:", true),
        (false, _, _) => ("✗ Not quite. The answer:", true),
    }
}

/// Right or wrong, the answer when it helps, and the override hint.
fn outcome_lines(
    outcome: &Outcome,
    question: &Question,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from("")];
    let (said, with_answer) = verdict(outcome, &question.ask);
    let style = match (outcome.right, outcome.grade) {
        _ if outcome.marked == Marked::DontKnow => theme.title,
        (true, Some(Grade::Close | Grade::Accents | Grade::KeyWords)) => theme.notice,
        (true, _) => theme.review,
        (false, _) => theme.error,
    };
    lines.push(Line::styled(said, style));
    if with_answer {
        lines.extend(card::lines(&question.answer, width, Style::new(), theme));
    }
    if outcome.overridable {
        lines.push(Line::styled(
            format!(
                "Press {} if you were right after all.",
                keys::LEARN_FEEDBACK_OVERRIDE.label(&Action::Override)
            ),
            theme.dim,
        ));
    }
    lines
}

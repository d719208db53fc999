//! A practice mode's options screen; Enter starts with what is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, chrome};
use crate::app::{Action, App, OptionsScreen, PracticeMode, Setting};
use crate::session::practice_test::PracticeTest;
use crate::store::Question;

pub fn render(app: &App, screen: &OptionsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = format!("{} · {}", screen.mode.name(), screen.title);
    // In the readable column the mode it opens uses.
    let body = chrome::column(chrome::render(
        app,
        theme,
        &title,
        Line::styled("options", theme.dim),
        area,
        buf,
    ));
    if let Some(test) = &screen.resume {
        return resume_lines(test, screen, theme, body, buf);
    }
    let options = &screen.options;
    let on = |flag: bool| if flag { "on" } else { "off" };
    // The settings' keys, also while the count is typed.
    let keys = match screen.mode {
        PracticeMode::Test => crate::app::keys::OPTIONS_TEST,
        PracticeMode::Learn => crate::app::keys::OPTIONS_LEARN,
        _ => screen.keys(),
    };
    let label = |setting: Setting| keys.label(&Action::Setting(setting));
    let width = usize::from(body.width);
    let row = |key: &str, text: String| option_row(key, &text, width, theme);
    let mut lines = vec![Line::from("")];
    if screen.mode != PracticeMode::Match {
        lines.extend(row(
            label(Setting::AnswerWith),
            options.answer_with.label().to_owned(),
        ));
        lines.extend(row(
            label(Setting::Shuffle),
            format!("shuffle: {}", on(options.shuffle)),
        ));
    }
    let starred = screen
        .decks
        .iter()
        .flat_map(|&d| app.study.collection.decks[d].cards.iter())
        .filter(|c| app.study.practice(c.id.as_str()).starred)
        .count();
    lines.extend(row(
        label(Setting::StarredOnly),
        format!(
            "starred cards only: {} ({starred} starred)",
            on(options.starred_only)
        ),
    ));
    if screen.mode == PracticeMode::Flashcards {
        lines.extend(row(
            label(Setting::Sorting),
            format!(
                "card sorting (know it / still learning): {}",
                on(options.sorting)
            ),
        ));
    }
    if matches!(screen.mode, PracticeMode::Learn | PracticeMode::Test) {
        let kind = |name: &str, kind: Question| {
            row(
                label(Setting::Kind(kind)),
                format!("{name}: {}", on(options.questions.contains(&kind))),
            )
        };
        lines.extend(kind("written", Question::Written));
        lines.extend(kind("multiple choice", Question::Choice));
        lines.extend(kind("true/false", Question::TrueFalse));
        if screen.mode == PracticeMode::Learn {
            lines.extend(row(
                label(Setting::AutoAdvance),
                format!(
                    "move on by itself after a right answer: {}",
                    on(options.auto_advance)
                ),
            ));
        }
        if screen.mode == PracticeMode::Test {
            lines.extend(kind("matching (up to 6 pairs)", Question::Matching));
            lines.extend(count_lines(screen, theme, width));
        }
    }
    lines.push(Line::from(""));
    lines.extend(start_lines(app, screen, keys, theme, width));
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

/// "Enter to start", or why the mode cannot start: said before Enter, not only after it.
fn start_lines(
    app: &App,
    screen: &OptionsScreen,
    keys: crate::app::Keys,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let terms = crate::app::practice::terms(&app.study, &screen.decks, screen.options.starred_only);
    match screen.why_not_start(&terms) {
        Some(why) => super::text::wrap(&why, width.saturating_sub(3))
            .into_iter()
            .map(|l| Line::styled(format!("  {l}"), theme.notice))
            .collect(),
        None => vec![Line::from(vec![
            Span::styled(format!("  {}", keys.label(&Action::Start)), theme.key),
            Span::raw(" to start"),
        ])],
    }
}

/// A setting's line: its key right-aligned in a column, then what it is, wrapped under itself.
fn option_row(key: &str, text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let key = Span::styled(format!("  {key:>3}  "), theme.key);
    // One column for a scrollbar.
    super::text::hanging(
        key,
        text,
        width.saturating_sub(1),
        ratatui::style::Style::new(),
    )
}

/// The test's question count, with its keys, or the count being typed.
fn count_lines(screen: &OptionsScreen, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let label = |setting: Setting| crate::app::keys::OPTIONS_TEST.label(&Action::Setting(setting));
    let row = |key: &str, text: String| option_row(key, &text, width, theme);
    let more_fewer = format!(
        "{}/{}",
        label(Setting::MoreQuestions),
        label(Setting::FewerQuestions)
    );
    let count = row(
        &more_fewer,
        format!(
            "questions: {} (at most {}; a matching pair is one)",
            screen.question_count(),
            screen.most_questions()
        ),
    );
    let typing = match &screen.count_input {
        Some(typed) => vec![Line::from(vec![
            Span::styled(format!("  {:>3}  ", label(Setting::TypeCount)), theme.key),
            Span::raw("number of questions: "),
            Span::styled(format!("{typed}█"), theme.key),
        ])],
        None => row(
            label(Setting::TypeCount),
            "type the number of questions".to_owned(),
        ),
    };
    [count, typing].concat()
}

/// A test left in progress on these decks: how far it got, and the keys to resume or
/// discard it.
fn resume_lines(
    test: &PracticeTest,
    screen: &OptionsScreen,
    theme: &Theme,
    body: Rect,
    buf: &mut Buffer,
) {
    let keys = screen.keys();
    let total = test.question_count();
    let answered = total - test.unanswered().len();
    let lines = vec![
        Line::from(""),
        Line::styled("  A test is in progress on these decks.", theme.title),
        Line::from(format!(
            "  {answered} of {} answered.",
            crate::english::counted(total, "question")
        )),
        Line::from(""),
        Line::from(vec![
            Span::styled(format!("  {}", keys.label(&Action::Start)), theme.key),
            Span::raw(" resumes it; "),
            Span::styled(keys.label(&Action::Discard), theme.key),
            Span::raw(" discards it for a new one."),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
}

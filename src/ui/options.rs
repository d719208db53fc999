//! A practice mode's options screen; Enter starts with what is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, chrome};
use crate::app::{Action, App, OptionsScreen, PracticeMode, Setting};
use crate::store::Question;

pub fn render(app: &App, screen: &OptionsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = format!("{} · {}", screen.mode.name(), screen.title);
    let body = chrome::render(
        app,
        theme,
        &title,
        Line::styled("options", theme.dim),
        area,
        buf,
    );
    let options = &screen.options;
    let on = |flag: bool| if flag { "on" } else { "off" };
    let keys = screen.keys();
    let label = |setting: Setting| keys.label(&Action::Setting(setting));
    let row = |key: &str, text: String| {
        Line::from(vec![
            Span::styled(format!("  {key:>3}  "), theme.key),
            Span::raw(text),
        ])
    };
    let mut lines = vec![Line::from("")];
    if screen.mode != PracticeMode::Match {
        lines.push(row(
            label(Setting::AnswerWith),
            options.answer_with.label().to_owned(),
        ));
        lines.push(row(
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
    lines.push(row(
        label(Setting::StarredOnly),
        format!(
            "starred cards only: {} ({starred} starred)",
            on(options.starred_only)
        ),
    ));
    if screen.mode == PracticeMode::Flashcards {
        lines.push(row(
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
        lines.push(kind("written", Question::Written));
        lines.push(kind("multiple choice", Question::Choice));
        lines.push(kind("true/false", Question::TrueFalse));
        if screen.mode == PracticeMode::Test {
            lines.push(kind("matching (up to 6 pairs)", Question::Matching));
            let more_fewer = format!(
                "{}/{}",
                label(Setting::MoreQuestions),
                label(Setting::FewerQuestions)
            );
            lines.push(row(
                &more_fewer,
                format!("questions: {} of {}", options.count, screen.deck_size),
            ));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled(format!("  {}", keys.label(&Action::Start)), theme.key),
        Span::raw(" to start"),
    ]));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(body, buf);
}

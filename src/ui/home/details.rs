//! The details pane under the deck table: the selected row's name, file and problems, its
//! preset and exam, the backlog, and advice for cards set aside and first runs.

use ratatui::text::{Line, Span};

use crate::app::{Action, App, Keys, Row};
use crate::english::counted;
use crate::study::exam::Outlook;
use crate::study::presets::Reason;
use crate::ui::Theme;

/// Every line of the details pane for the selected row, with the deck list's `keys`.
pub(super) fn lines<'a>(app: &'a App, keys: Keys, theme: &Theme) -> Vec<Line<'a>> {
    let rows = app.rows();
    let figures = &app.home.figures;
    let key = |action: &Action| keys.label(action);
    let selected = rows.get(app.home.selected).copied();
    let mut details = details_lines(selected, &app.home.folded, keys, theme);
    if let Some(Row::Deck(index, _)) = selected {
        details.extend(preset_line(app, index, theme));
        if let Some(Some(outlook)) = figures.exams.get(index) {
            details.push(Line::styled(
                exam_text(outlook, key(&Action::SetExam)),
                theme.notice,
            ));
        }
    }
    if figures.catching_up > 0 {
        details.insert(
            0,
            Line::styled(
                format!(
                    "Catching up: {} still to come; {} until then. {} undoes the plan.",
                    counted(figures.catching_up, "moved review"),
                    crate::app::backlog::new_cards_wait(&app.study, &figures.waiting_decks),
                    key(&Action::UndoBacklog)
                ),
                theme.notice,
            ),
        );
    } else if let Some(backlog) = &figures.backlog {
        details.insert(
            0,
            Line::styled(
                format!(
                    "Backlog: {}. {} spreads them over days, the most at risk first.",
                    backlog.describe(),
                    key(&Action::Backlog)
                ),
                theme.notice,
            ),
        );
    }
    details.extend(advice(app, keys, theme));
    details
}

/// The exam's outlook with its condition: the figure holds only if the plan is followed.
fn exam_text(outlook: &Outlook, set_exam: &str) -> String {
    let days = counted(usize::try_from(outlook.days_left).unwrap_or(0), "day");
    format!(
        "Exam in {days}: {}. {set_exam} changes the date.",
        outlook.summary()
    )
}

/// The selected row's details; `folded_away` (folder paths) says whether a folder's hint
/// folds or unfolds it.
fn details_lines<'a>(
    row: Option<Row<'a>>,
    folded_away: &std::collections::BTreeSet<String>,
    keys: Keys,
    theme: &Theme,
) -> Vec<Line<'a>> {
    match row {
        Some(Row::Group(folder)) => vec![
            Line::from(Span::styled(format!("{folder}/"), theme.title)),
            Line::styled(
                format!(
                    "{} reviews every deck in this folder; {} and {} work on all of them too; {} {} it.",
                    keys.label(&Action::Open),
                    keys.label(&Action::Picker),
                    keys.label(&Action::Statistics),
                    keys.label(&Action::ToggleFolder),
                    if folded_away.contains(folder) {
                        "unfolds"
                    } else {
                        "folds"
                    },
                ),
                theme.dim,
            ),
        ],
        Some(Row::Deck(_, deck)) => {
            let mut lines = vec![Line::from(Span::styled(deck.name.as_str(), theme.title))];
            if !deck.description.is_empty() {
                lines.push(Line::from(deck.description.as_str()));
            }
            lines.push(Line::from(Span::styled(deck.source.to_string(), theme.dim)));
            lines
        }
        Some(Row::Broken(broken)) => {
            let cards = match broken.valid_cards {
                0 => "and no card of it reads yet".to_owned(),
                n => format!(
                    "its {} wait, with their history, until they are fixed",
                    counted(n, "valid card")
                ),
            };
            let mut lines = vec![Line::from(Span::styled(
                format!(
                    "{} has problems: {cards}. {} lists the problems, {} opens the file at the first.",
                    broken.id,
                    keys.label(&Action::Open),
                    keys.label(&Action::Edit),
                ),
                theme.error,
            ))];
            lines.extend(broken.problems.iter().map(|p| Line::from(p.to_string())));
            lines
        }
        None => Vec::new(),
    }
}

/// The deck's settings preset, when it has one or names one the settings lack.
fn preset_line(app: &App, deck: usize, theme: &Theme) -> Option<Line<'static>> {
    let presets = app.study.presets();
    let choice = presets.choice(deck);
    let name = presets.name(choice.preset).unwrap_or_default();
    match &choice.reason {
        Reason::Global => None,
        Reason::DeckFile { .. } | Reason::Glob(_) => Some(Line::styled(
            format!(
                "Scheduled with the preset {name} (`flashdeck config show` lists its settings)."
            ),
            theme.dim,
        )),
        Reason::Unknown { name, line } => Some(Line::styled(
            format!(
                "Its file names the preset {name} on line {line}, which the settings do not define: the global settings apply."
            ),
            theme.error,
        )),
    }
}

/// What the home screen advises below the details: cards set aside, and for a first run how
/// to start and where decks live.
fn advice<'a>(app: &App, list_keys: Keys, theme: &Theme) -> Vec<Line<'a>> {
    let key = |action: &Action| list_keys.label(action);
    let figures = &app.home.figures;
    let mut lines = Vec::new();
    let set_aside = figures.set_aside;
    // Only the counts that are not zero: "2 cards suspended", "1 leech", or both.
    let parts: Vec<String> = [
        (
            set_aside.suspended,
            format!("{} suspended", counted(set_aside.suspended, "card")),
        ),
        (set_aside.leeches, counted(set_aside.leeches, "leech")),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(_, text)| text)
    .collect();
    if !parts.is_empty() {
        lines.push(Line::styled(
            format!(
                "{}: {} lists them to unsuspend or forget.",
                parts.join(", "),
                key(&Action::BrowseTrouble),
            ),
            theme.notice,
        ));
    }
    // Before the history is read every study looks new: no advice for a first run yet.
    if !app.study.has_history() && figures.counting.is_none() {
        // First run: how to start, and where decks live.
        lines.push(Line::styled(format!("New here? Pick a deck and press {} to learn its first cards; {} offers other ways to study.", key(&Action::Open), key(&Action::Picker)), theme.notice));
        lines.push(Line::styled(format!("Decks are TOML files in {}; `flashdeck import` turns Quizlet, Knowt and Anki exports into decks.", app.decks_dir.display()), theme.notice));
    }
    lines
}

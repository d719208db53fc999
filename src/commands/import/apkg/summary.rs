//! What an import did, in words: the summary on standard output, and on standard error each
//! thing left out or changed (notes, media, review rows) and where the day rollover came from.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::english::noun;
use crate::import::apkg::{Converted, Kind, MEDIA_DIR, MediaPlan, Merged, Rollover};

/// `3 cards`, `1 card`.
fn count(n: usize, word: &str) -> String {
    format!("{n} {}", noun(n, word))
}

/// Everything the words are made from.
pub(super) struct Outcome<'a> {
    pub converted: &'a Converted,
    pub media: &'a MediaPlan,
    pub merged: &'a Merged,
    /// A `.colpkg`'s rollover; `None` for an `.apkg`.
    pub rollover: Option<Rollover>,
    pub new_events: usize,
    pub decks_dir: &'a Path,
    pub log: &'a Path,
}

impl Outcome<'_> {
    /// What was imported, for the user.
    pub(super) fn summary(&self) -> String {
        let converted = self.converted;
        let mut text = String::new();
        let cards: usize = converted.decks.iter().map(|d| d.cards).sum();
        let _ = writeln!(
            text,
            "imported {} and {} ({}) into {}",
            count(converted.notes - converted.skipped.len(), "note"),
            count(cards, "card"),
            count(converted.decks.len(), "deck"),
            self.decks_dir.display()
        );
        for deck in &converted.decks {
            let _ = writeln!(
                text,
                "  {} ({}): {}",
                deck.id,
                deck.name,
                count(deck.cards, "card")
            );
        }
        let _ = writeln!(text, "cards: {}", kinds(converted).join(", "));
        let t = &converted.tally;
        let _ = writeln!(
            text,
            "history: {}, {} forgotten, {} set due, {} suspended, {} buried, {} starred; {} new \
             in {}",
            count(t.reviews, "review"),
            t.forgets,
            t.set_due,
            t.suspended,
            t.buried,
            t.starred,
            count(self.new_events, "event"),
            self.log.display()
        );
        let media = self.media;
        let copied = media.copies.iter().filter(|c| !c.present).count();
        let renamed = media.copies.iter().filter(|c| c.target != c.name).count();
        let as_text = if converted.refused_media.is_empty() {
            String::new()
        } else {
            format!(
                "; {} kept as text (not plain file names)",
                count(converted.refused_media.len(), "reference")
            )
        };
        let _ = writeln!(
            text,
            "media: {} copied to {MEDIA_DIR}/, {renamed} renamed for a clash, {} already \
             there{as_text}",
            count(copied, "file"),
            media.copies.len() - copied
        );
        let presets = &self.merged.names;
        let _ = writeln!(
            text,
            "presets: {}",
            if presets.is_empty() {
                "none".to_owned()
            } else {
                presets.join(", ")
            }
        );
        if let Some(rollover) = self.rollover {
            let _ = writeln!(text, "{}", self.rollover_line(rollover));
        }
        if !converted.skipped.is_empty() {
            let _ = writeln!(
                text,
                "not imported: {} (listed below)",
                count(converted.skipped.len(), "note")
            );
        }
        if !converted.changed.is_empty() {
            let _ = writeln!(
                text,
                "imported with a change: {} (listed below)",
                count(converted.changed.len(), "note")
            );
        }
        text
    }

    /// `day rollover: 4:00, Anki's default (…); it replaces your rollover_hour = 2`.
    fn rollover_line(&self, rollover: Rollover) -> String {
        let source = if rollover.from_collection {
            "from the collection".to_owned()
        } else {
            "Anki's default, which the collection used (it sets no hour of its own)".to_owned()
        };
        let replaced = self
            .merged
            .replaced_rollover
            .map_or_else(String::new, |old| {
                format!("; it replaces your rollover_hour = {old} in the settings")
            });
        format!("day rollover: {}:00, {source}{replaced}", rollover.hour)
    }

    /// The notes, media and review rows left out or changed, and a deck package's lack of a
    /// rollover hour, on `err`.
    pub(super) fn report(&self, file: &Path, err: &mut dyn Write) -> Result<()> {
        let converted = self.converted;
        let file = file.display();
        for skipped in &converted.skipped {
            writeln!(
                err,
                "{file}: note {} ({}) not imported: {}",
                skipped.note, skipped.notetype, skipped.reason
            )?;
        }
        for changed in &converted.changed {
            writeln!(
                err,
                "{file}: note {} ({}) imported with a change: {}",
                changed.note, changed.notetype, changed.reason
            )?;
        }
        for (name, reason) in &self.media.left_out {
            writeln!(err, "{file}: media file {name} not copied: {reason}")?;
        }
        for name in &converted.refused_media {
            writeln!(
                err,
                "{file}: the media name {name:?} in a note is not a plain file name (Anki's \
                 media are flat names in collection.media); kept as text, not as a link"
            )?;
        }
        let tally = &converted.tally;
        if tally.left_out_rows > 0 {
            writeln!(
                err,
                "{file}: {} of cards this import did not make (of the notes listed above) \
                 left out",
                count(tally.left_out_rows, "review row")
            )?;
        }
        if tally.orphan_rows > 0 {
            writeln!(
                err,
                "{file}: {} of cards the package does not hold (deleted in Anki) left out",
                count(tally.orphan_rows, "review row")
            )?;
        }
        if self.rollover.is_none() {
            writeln!(
                err,
                "the package has no day rollover hour; the configured one is used \
                 (rollover_hour)"
            )?;
        }
        Ok(())
    }
}

/// `12 basic, 4 cloze (from 2 notes)`: the cards of each kind.
fn kinds(converted: &Converted) -> Vec<String> {
    converted
        .kinds
        .iter()
        .map(|(kind, (entries, cards))| {
            let name = match kind {
                Kind::Basic => "basic",
                Kind::Reversed => "with reverse",
                Kind::Typed => "typed",
                Kind::Cloze => "cloze",
                Kind::Template => "from other templates",
            };
            if entries == cards {
                format!("{cards} {name}")
            } else {
                format!("{cards} {name} (from {entries} notes)")
            }
        })
        .collect()
}

//! Match: six pairs on a grid of twelve tiles, fronts and backs shuffled together. Pick two
//! tiles that belong together and they disappear; a wrong pair flashes and costs a second. The
//! time, in tenths of a second, is the score, and the best per deck is kept in the log.

use chrono::{DateTime, Duration, FixedOffset};
use rand::SeedableRng;
use rand::seq::SliceRandom;

use super::Rng;
use super::questions::Term;
use crate::store::{NewEvent, NewKind};

/// Pairs in a game.
pub const PAIRS: usize = 6;
/// Tiles per row of the grid: the arrow keys move on it and the screen draws it.
pub const GRID_COLUMNS: usize = 4;
/// The cost of a wrong pair.
pub const PENALTY_MS: u64 = 1000;
/// How long a wrong pair flashes.
const FLASH_MS: i64 = 600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    pub text: String,
    pub term: usize,
    pub is_front: bool,
    pub gone: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub title: String,
    pub terms: Vec<Term>,
    pub tiles: Vec<Tile>,
    /// The tile the arrow keys are on.
    pub focus: usize,
    /// The first tile of a pair being picked.
    pub selected: Option<usize>,
    pub started: DateTime<FixedOffset>,
    pub finished: Option<DateTime<FixedOffset>>,
    pub penalty_ms: u64,
    pub mistakes: u32,
    /// A wrong pair, flashing until the given time.
    pub flash: Option<(usize, usize, DateTime<FixedOffset>)>,
    /// The deck's best time before this game.
    pub best_before: Option<u64>,
    /// Since when the clock stands still, while the tiles are hidden (help open, or the
    /// terminal too small): [`Match::resume`] moves the start on by the pause.
    pub paused_at: Option<DateTime<FixedOffset>>,
    decks: Vec<String>,
}

impl Match {
    /// A game on up to six of `terms`, picked at random.
    #[must_use]
    pub fn new(
        title: String,
        mut terms: Vec<Term>,
        decks: Vec<String>,
        best_before: Option<u64>,
        now: DateTime<FixedOffset>,
        seed: u64,
    ) -> Self {
        let mut rng = Rng::seed_from_u64(seed);
        terms.shuffle(&mut rng);
        terms.truncate(PAIRS);
        let mut tiles: Vec<Tile> = terms
            .iter()
            .enumerate()
            .flat_map(|(i, term)| {
                [
                    Tile {
                        text: term.front.clone(),
                        term: i,
                        is_front: true,
                        gone: false,
                    },
                    Tile {
                        text: term.back.clone(),
                        term: i,
                        is_front: false,
                        gone: false,
                    },
                ]
            })
            .collect();
        tiles.shuffle(&mut rng);
        Self {
            title,
            terms,
            tiles,
            focus: 0,
            selected: None,
            started: now,
            finished: None,
            penalty_ms: 0,
            mistakes: 0,
            flash: None,
            best_before,
            paused_at: None,
            decks,
        }
    }

    /// A new game with other pairs from the same cards; this game's time counts towards the
    /// best.
    #[must_use]
    pub fn again(&self, now: DateTime<FixedOffset>, seed: u64) -> Self {
        let best = match (self.best_before, self.finished) {
            (Some(best), Some(_)) => Some(best.min(self.elapsed_ms(now))),
            (None, Some(_)) => Some(self.elapsed_ms(now)),
            (best, None) => best,
        };
        Self::new(
            self.title.clone(),
            self.terms.clone(),
            self.decks.clone(),
            best,
            now,
            seed,
        )
    }

    /// Stops the clock at `now` (the tiles are hidden); nothing if it already stands or the
    /// game is over.
    pub fn pause(&mut self, now: DateTime<FixedOffset>) {
        if self.finished.is_none() && self.paused_at.is_none() {
            self.paused_at = Some(now);
        }
    }

    /// Starts the clock again at `now`: the time paused does not count, and a wrong pair
    /// flashes on for what was left of its flash.
    pub fn resume(&mut self, now: DateTime<FixedOffset>) {
        if let Some(paused_at) = self.paused_at.take() {
            let pause = (now - paused_at).max(Duration::zero());
            self.started += pause;
            if let Some((_, _, until)) = &mut self.flash {
                *until += pause;
            }
        }
    }

    /// Time so far (or the final time), penalties included, in milliseconds; a paused clock
    /// reads the time it stopped at.
    #[must_use]
    pub fn elapsed_ms(&self, now: DateTime<FixedOffset>) -> u64 {
        let end = self.finished.or(self.paused_at).unwrap_or(now);
        u64::try_from((end - self.started).num_milliseconds().max(0)).unwrap_or(0) + self.penalty_ms
    }

    /// The game ended faster than the deck's best.
    #[must_use]
    pub fn new_record(&self) -> bool {
        self.finished.is_some()
            && self
                .best_before
                .is_none_or(|best| self.elapsed_ms(self.started) < best)
    }

    /// Whether the wrong pair is still flashing at `now`.
    #[must_use]
    pub fn flashing(&self, now: DateTime<FixedOffset>) -> Option<(usize, usize)> {
        self.flash
            .filter(|(_, _, until)| now < *until)
            .map(|(a, b, _)| (a, b))
    }

    /// The card of the focused tile, for starring.
    #[must_use]
    pub fn current_card(&self) -> Option<&str> {
        self.tiles
            .get(self.focus)
            .map(|tile| self.terms[tile.term].id.as_ref())
    }

    /// Moves the focus by `dx`, `dy` on a grid `columns` wide, skipping nothing (gone tiles
    /// can be focused but not picked).
    pub fn move_focus(&mut self, dx: i32, dy: i32, columns: usize) {
        let columns = columns.max(1);
        let (row, column) = (self.focus / columns, self.focus % columns);
        let rows = self.tiles.len().div_ceil(columns);
        let wrap = |value: usize, delta: i32, size: usize| {
            (i64::try_from(value).unwrap_or(0) + i64::from(delta))
                .rem_euclid(i64::try_from(size).unwrap_or(1))
        };
        let row = usize::try_from(wrap(row, dy, rows)).unwrap_or(0);
        let column = usize::try_from(wrap(column, dx, columns)).unwrap_or(0);
        self.focus = (row * columns + column).min(self.tiles.len().saturating_sub(1));
    }

    /// Picks tile `index`. The second tile of a pair is checked; finishing the game returns its
    /// result events, one per deck.
    pub fn pick(&mut self, index: usize, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if self.finished.is_some() || self.tiles.get(index).is_none_or(|t| t.gone) {
            return Vec::new();
        }
        self.focus = index;
        let Some(first) = self.selected.take() else {
            self.selected = Some(index);
            return Vec::new();
        };
        if first == index {
            return Vec::new();
        }
        let (a, b) = (&self.tiles[first], &self.tiles[index]);
        if a.term == b.term && a.is_front != b.is_front {
            self.tiles[first].gone = true;
            self.tiles[index].gone = true;
            if self.tiles.iter().all(|t| t.gone) {
                self.finished = Some(now);
                return self.result_events(now);
            }
        } else {
            self.mistakes += 1;
            self.penalty_ms += PENALTY_MS;
            self.flash = Some((first, index, now + Duration::milliseconds(FLASH_MS)));
        }
        Vec::new()
    }

    fn result_events(&self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        let ms = self.elapsed_ms(now);
        self.decks
            .iter()
            .map(|deck| {
                NewEvent::for_deck(
                    deck,
                    now,
                    NewKind::Result {
                        mode: crate::practice::Mode::Match.into(),
                        ms: Some(ms),
                        mistakes: Some(self.mistakes),
                        score: None,
                        questions: None,
                    },
                )
            })
            .collect()
    }
}

/// "12.3 s" for a time in milliseconds.
#[must_use]
pub fn seconds(ms: u64) -> String {
    format!("{}.{} s", ms / 1000, (ms % 1000) / 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ms: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
            + Duration::milliseconds(ms)
    }

    fn game(best: Option<u64>) -> Match {
        let terms = (0..8)
            .map(|i| Term {
                id: format!("d/c{i}").into(),
                front: format!("F{i}"),
                back: format!("B{i}"),
            })
            .collect();
        Match::new("D".into(), terms, vec!["d".into()], best, t(0), 3)
    }

    fn partner(m: &Match, index: usize) -> usize {
        let tile = &m.tiles[index];
        m.tiles
            .iter()
            .position(|other| other.term == tile.term && other.is_front != tile.is_front)
            .unwrap()
    }

    #[test]
    fn six_pairs_on_twelve_tiles() {
        let m = game(None);
        assert_eq!(m.tiles.len(), 12);
        assert_eq!(m.tiles.iter().filter(|t| t.is_front).count(), 6);
        for i in 0..12 {
            assert_ne!(partner(&m, i), i);
        }
    }

    #[test]
    fn wrong_pairs_cost_a_second_and_flash() {
        let mut m = game(None);
        let wrong = (1..12).find(|&i| i != partner(&m, 0)).unwrap();
        m.pick(0, t(100));
        assert_eq!(m.selected, Some(0));
        assert!(m.pick(wrong, t(200)).is_empty());
        assert_eq!((m.mistakes, m.penalty_ms, m.selected), (1, 1000, None));
        assert_eq!(m.flashing(t(300)), Some((0, wrong)));
        assert_eq!(m.flashing(t(900)), None);
        assert_eq!(m.elapsed_ms(t(2000)), 3000);
    }

    #[test]
    fn clearing_the_board_records_the_time_and_a_record() {
        let mut m = game(Some(60_000));
        let mut events = Vec::new();
        let mut clock = 0;
        while let Some(first) = m.tiles.iter().position(|tile| !tile.gone) {
            clock += 1500;
            let second = partner(&m, first);
            m.pick(first, t(clock));
            events = m.pick(second, t(clock));
        }
        assert_eq!(m.finished, Some(t(9000)));
        assert_eq!(m.elapsed_ms(t(99_999)), 9000);
        assert!(m.new_record());
        let NewKind::Result { ms, mistakes, .. } = &events[0].kind else {
            panic!("{events:?}")
        };
        assert_eq!(
            (*ms, *mistakes, events[0].deck.as_deref()),
            (Some(9000), Some(0), Some("d"))
        );
        assert!(m.pick(0, t(99_999)).is_empty(), "the game is over");
        let slower = Match {
            best_before: Some(5000),
            ..m
        };
        assert!(!slower.new_record());
    }

    #[test]
    fn a_pause_does_not_count() {
        let mut m = game(None);
        m.pause(t(2000));
        assert_eq!(
            m.elapsed_ms(t(50_000)),
            2000,
            "the clock stands while paused"
        );
        m.resume(t(50_000));
        // 2 s before the pause and 1.5 s after it.
        assert_eq!(m.elapsed_ms(t(51_500)), 3500);
        let first = 0;
        m.pick(first, t(52_000));
        m.pick(partner(&m, first), t(52_000));
        m.pause(t(53_000));
        m.pause(t(60_000));
        m.resume(t(63_000));
        // 2 s, then 3 s (50 to 53), then 1 s (63 to 64); the second pause call changed nothing.
        assert_eq!(m.elapsed_ms(t(64_000)), 6000);
    }

    #[test]
    fn arrows_move_around_the_grid() {
        let mut m = game(None);
        m.move_focus(1, 0, 4);
        assert_eq!(m.focus, 1);
        m.move_focus(0, 1, 4);
        assert_eq!(m.focus, 5);
        m.move_focus(-2, 0, 4);
        assert_eq!(m.focus, 7, "wraps within the row");
        m.move_focus(0, -1, 4);
        m.move_focus(0, -1, 4);
        assert_eq!(m.focus, 11, "wraps to the last row");
        assert_eq!(seconds(12_345), "12.3 s");
    }
}

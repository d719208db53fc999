//! What the answers themselves show, each answer counted once: today's figures, answers per
//! day by kind (Anki's "Reviews" graph, `rslib/src/stats/graphs/reviews.rs`), per hour of
//! the day (`hours.rs`) and per rating button (`buttons.rs`).

use chrono::{FixedOffset, NaiveDate, Timelike};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Rate;
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{Day, MATURE_DAYS, Phase, Rating};
use crate::store::{Answer, PracticeAnswer};

/// What an answer was, as Anki's review log kinds split them, with practice modes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A new or learning card.
    Learning,
    /// A review card with an interval under 21 days.
    Young,
    /// A review card with an interval of 21 days or more.
    Mature,
    /// A lapsed card on its relearning steps.
    Relearning,
    /// Learn, test, match, sort or flashcards: no scheduling.
    Practice,
}

impl Kind {
    /// The kind of a scheduled answer, from the card's phase and interval before it.
    #[must_use]
    pub fn of(answer: &Answer) -> Self {
        match answer.phase_before {
            Phase::New | Phase::Learning { .. } => Self::Learning,
            Phase::Relearning { .. } => Self::Relearning,
            Phase::Review if answer.interval_before >= MATURE_DAYS => Self::Mature,
            Phase::Review => Self::Young,
        }
    }
}

/// One number per kind of answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Kinds<T> {
    pub learning: T,
    pub young: T,
    pub mature: T,
    pub relearning: T,
    pub practice: T,
}

impl<T: Copy + std::ops::Add<Output = T>> Kinds<T> {
    fn plus(self, other: Self) -> Self {
        Self {
            learning: self.learning + other.learning,
            young: self.young + other.young,
            mature: self.mature + other.mature,
            relearning: self.relearning + other.relearning,
            practice: self.practice + other.practice,
        }
    }

    fn slot(&mut self, kind: Kind) -> &mut T {
        match kind {
            Kind::Learning => &mut self.learning,
            Kind::Young => &mut self.young,
            Kind::Mature => &mut self.mature,
            Kind::Relearning => &mut self.relearning,
            Kind::Practice => &mut self.practice,
        }
    }

    /// All kinds together.
    #[must_use]
    pub fn total(&self) -> T {
        self.learning + self.young + self.mature + self.relearning + self.practice
    }
}

/// Today's answers in review mode, as Anki's "Today" section counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Today {
    pub answers: usize,
    /// Time spent on them, in whole seconds.
    pub seconds: u64,
    /// Share of today's answers that were Again (0–1).
    pub again_share: Option<f64>,
    /// Answers to new and learning cards.
    pub learn: usize,
    /// Answers to review cards.
    pub review: usize,
    /// Answers to lapsed cards on their relearning steps.
    pub relearn: usize,
    /// Answers in the practice modes, which the figures above leave out.
    pub practice: usize,
    /// Mature cards answered other than Again, of mature cards answered.
    pub mature_correct: Rate,
}

/// Answers and time in one day, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DayActivity {
    pub answers: Kinds<usize>,
    /// Milliseconds spent, by kind.
    pub ms: Kinds<u64>,
}

/// Answers per day, by kind, from `start` to today, one entry a day.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReviewsOverTime {
    /// The date of `days[0]`; today when there is no history.
    pub start: Option<NaiveDate>,
    pub days: Vec<DayActivity>,
}

/// Answers in one hour of the day, and how many were not Again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hour {
    pub hour: u32,
    pub rate: Rate,
}

/// How often each button was pressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Buttons {
    pub again: usize,
    pub hard: usize,
    pub good: usize,
    pub easy: usize,
}

impl Buttons {
    /// Answers other than Again, of all answers.
    #[must_use]
    pub fn correct(&self) -> Rate {
        Rate {
            passed: self.hard + self.good + self.easy,
            total: self.again + self.hard + self.good + self.easy,
        }
    }

    fn plus(self, other: Self) -> Self {
        Self {
            again: self.again + other.again,
            hard: self.hard + other.hard,
            good: self.good + other.good,
            easy: self.easy + other.easy,
        }
    }

    fn add(&mut self, rating: Rating) {
        *match rating {
            Rating::Again => &mut self.again,
            Rating::Hard => &mut self.hard,
            Rating::Good => &mut self.good,
            Rating::Easy => &mut self.easy,
        } += 1;
    }
}

/// The buttons pressed by kind of card, as Anki's "Answer Buttons" graph groups them:
/// learning holds relearning too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ButtonsByKind {
    pub learning: Buttons,
    pub young: Buttons,
    pub mature: Buttons,
}

/// Every answer's share of the figures, gathered in one pass over them.
pub(crate) struct Tally {
    today: Day,
    /// Hours are read in this offset: the user's now.
    offset: FixedOffset,
    pub today_figures: Today,
    today_ms: u64,
    today_again: usize,
    per_day: FxHashMap<Day, DayActivity>,
    pub hours: [Rate; 24],
    pub buttons: ButtonsByKind,
    pub total_answers: usize,
}

impl Tally {
    pub fn new(today: Day, offset: FixedOffset) -> Self {
        Self {
            today,
            offset,
            today_figures: Today::default(),
            today_ms: 0,
            today_again: 0,
            per_day: FxHashMap::default(),
            hours: [Rate::default(); 24],
            buttons: ButtonsByKind::default(),
            total_answers: 0,
        }
    }

    pub fn add(&mut self, answer: &Answer) {
        let kind = Kind::of(answer);
        let ms = u64::from(answer.duration_ms.unwrap_or(0));
        let passed = answer.rating != Rating::Again;
        self.total_answers += 1;
        self.add_to_day(answer.day, kind, ms);
        let hour = answer.time.with_timezone(&self.offset).hour();
        if let Some(rate) = self.hours.get_mut(hour as usize) {
            rate.add(passed);
        }
        match kind {
            Kind::Learning | Kind::Relearning => self.buttons.learning.add(answer.rating),
            Kind::Young => self.buttons.young.add(answer.rating),
            Kind::Mature => self.buttons.mature.add(answer.rating),
            Kind::Practice => {}
        }
        if answer.day == self.today {
            let today = &mut self.today_figures;
            today.answers += 1;
            self.today_ms += ms;
            self.today_again += usize::from(!passed);
            match kind {
                Kind::Learning => today.learn += 1,
                Kind::Young => today.review += 1,
                Kind::Mature => {
                    today.review += 1;
                    today.mature_correct.add(passed);
                }
                Kind::Relearning => today.relearn += 1,
                Kind::Practice => {}
            }
        }
    }

    /// Adds another tally's answers (of the same day and offset).
    pub fn merge(&mut self, other: Self) {
        let (mine, theirs) = (&mut self.today_figures, other.today_figures);
        mine.answers += theirs.answers;
        mine.learn += theirs.learn;
        mine.review += theirs.review;
        mine.relearn += theirs.relearn;
        mine.practice += theirs.practice;
        mine.mature_correct = mine.mature_correct.plus(theirs.mature_correct);
        self.today_ms += other.today_ms;
        self.today_again += other.today_again;
        for (day, activity) in other.per_day {
            let slot = self.per_day.entry(day).or_default();
            slot.answers = slot.answers.plus(activity.answers);
            slot.ms = slot.ms.plus(activity.ms);
        }
        for (mine, theirs) in self.hours.iter_mut().zip(other.hours) {
            *mine = mine.plus(theirs);
        }
        let (mine, theirs) = (&mut self.buttons, other.buttons);
        mine.learning = mine.learning.plus(theirs.learning);
        mine.young = mine.young.plus(theirs.young);
        mine.mature = mine.mature.plus(theirs.mature);
        self.total_answers += other.total_answers;
    }

    pub fn add_practice(&mut self, answer: &PracticeAnswer) {
        let ms = u64::from(answer.duration_ms.unwrap_or(0));
        self.add_to_day(answer.day, Kind::Practice, ms);
        self.today_figures.practice += usize::from(answer.day == self.today);
    }

    fn add_to_day(&mut self, day: Day, kind: Kind, ms: u64) {
        let slot = self.per_day.entry(day).or_default();
        *slot.answers.slot(kind) += 1;
        *slot.ms.slot(kind) += ms;
    }

    /// Days with an answer in review mode.
    pub fn days_studied(&self) -> usize {
        self.per_day
            .values()
            .filter(|d| d.answers.total() > d.answers.practice)
            .count()
    }

    /// Answers per day over the last `days` days, oldest first, ending today.
    pub fn calendar(&self, days: usize) -> Vec<usize> {
        (0..days)
            .rev()
            .map(|back| {
                let day = self.today - i32::try_from(back).unwrap_or(0);
                self.per_day
                    .get(&day)
                    .map_or(0, |d| d.answers.total() - d.answers.practice)
            })
            .collect()
    }

    pub fn today(&self) -> Today {
        Today {
            seconds: self.today_ms / 1000,
            again_share: (self.today_figures.answers > 0)
                .then(|| super::count(self.today_again) / super::count(self.today_figures.answers)),
            ..self.today_figures
        }
    }

    /// Every day from the first answered one to today; answers dated after today are left
    /// out (a clock set wrong once).
    pub fn over_time(&self) -> ReviewsOverTime {
        let Some(first) = self
            .per_day
            .keys()
            .copied()
            .filter(|&d| d <= self.today)
            .min()
        else {
            return ReviewsOverTime {
                start: date_of_day(self.today),
                days: Vec::new(),
            };
        };
        ReviewsOverTime {
            start: date_of_day(first),
            days: (first..=self.today)
                .map(|day| self.per_day.get(&day).copied().unwrap_or_default())
                .collect(),
        }
    }

    pub fn hourly(&self) -> Vec<Hour> {
        (0u32..)
            .zip(self.hours)
            .map(|(hour, rate)| Hour { hour, rate })
            .collect()
    }
}

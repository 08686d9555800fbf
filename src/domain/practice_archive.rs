//! Bounded practice logs. Every rating and drill pick is logged, and a training room
//! rates a lot; the oldest logs are folded into per-trainee totals so that progress stays
//! whole while the stored value stays small next to the customers.

use super::ids::TraineeId;
use super::practice::{DrillAttempt, PracticeState, ReviewLog};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Review logs kept in full; about 200,000 UTF-16 units when stored.
pub const KEPT_REVIEWS: usize = 20_000;
/// Drill attempts kept in full.
pub const KEPT_DRILLS: usize = 10_000;

/// What a trainee's folded logs contributed to progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedProgress {
    pub trainee: TraineeId,
    /// Every log of this trainee up to this time is counted here, not kept as a log.
    pub until: Option<NaiveDateTime>,
    pub repetitions: u32,
    pub typed_sum: u64,
    pub typed_count: u32,
    pub drill_rounds: u32,
    pub drill_correct: u32,
}

impl ArchivedProgress {
    /// A trainee with nothing folded yet.
    pub fn empty(trainee: TraineeId) -> ArchivedProgress {
        ArchivedProgress {
            trainee,
            until: None,
            repetitions: 0,
            typed_sum: 0,
            typed_count: 0,
            drill_rounds: 0,
            drill_correct: 0,
        }
    }
}

impl ArchivedProgress {
    /// Folds one review log into the totals.
    pub fn count_review(&mut self, log: &ReviewLog) {
        self.until = self.until.max(Some(log.at));
        self.repetitions += 1;
        if let Some(similarity) = log.similarity {
            self.typed_sum += u64::from(similarity);
            self.typed_count += 1;
        }
    }

    /// Folds one drill round into the totals.
    pub fn count_drill(&mut self, attempt: &DrillAttempt) {
        self.until = self.until.max(Some(attempt.at));
        self.drill_rounds += 1;
        self.drill_correct += u32::from(attempt.correct);
    }
}

impl PracticeState {
    /// Keeps the newest `keep_reviews` review logs and `keep_drills` drill attempts and
    /// folds the older ones into the trainees' totals.
    pub fn compact(&mut self, keep_reviews: usize, keep_drills: usize) {
        if self.reviews.len() > keep_reviews {
            super::practice::sort_reviews(&mut self.reviews);
            let folded = self.reviews.len() - keep_reviews;
            for log in self.reviews.drain(..folded).collect::<Vec<_>>() {
                self.archive_of(log.trainee, log.at).count_review(&log);
            }
        }
        if self.drills.len() > keep_drills {
            super::practice::sort_drills(&mut self.drills);
            let folded = self.drills.len() - keep_drills;
            for attempt in self.drills.drain(..folded).collect::<Vec<_>>() {
                self.archive_of(attempt.trainee, attempt.at)
                    .count_drill(&attempt);
            }
        }
    }

    pub fn archived(&self, trainee: TraineeId) -> Option<&ArchivedProgress> {
        self.archive.iter().find(|a| a.trainee == trainee)
    }

    fn archive_of(&mut self, trainee: TraineeId, at: NaiveDateTime) -> &mut ArchivedProgress {
        let index = match self.archive.iter().position(|a| a.trainee == trainee) {
            Some(index) => index,
            None => {
                self.archive.push(ArchivedProgress::empty(trainee));
                self.archive.len() - 1
            }
        };
        let entry = &mut self.archive[index];
        entry.until = entry.until.max(Some(at));
        entry
    }

    /// Drops logs a trainee's totals already count: after uniting two states, a log one
    /// side folded may still be a log on the other side.
    pub fn drop_archived_logs(&mut self) {
        let archive = self.archive.clone();
        let counted = |trainee: TraineeId, at: NaiveDateTime| {
            archive
                .iter()
                .any(|a| a.trainee == trainee && a.until.is_some_and(|until| at <= until))
        };
        self.reviews.retain(|r| !counted(r.trainee, r.at));
        self.drills.retain(|d| !counted(d.trainee, d.at));
    }
}

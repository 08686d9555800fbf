//! Bounded practice logs. Every rating and drill pick is logged, and a training room
//! rates a lot; the oldest logs are folded into per-trainee totals so that progress stays
//! whole while the stored value stays small next to the customers.

use crate::domain::ids::TraineeId;
use crate::domain::practice::state::{ArchivedProgress, PracticeState};
use chrono::NaiveDateTime;

impl PracticeState {
    /// Keeps the newest `keep_reviews` review logs and `keep_drills` drill attempts and
    /// folds the older ones into the trainees' totals.
    pub fn compact(&mut self, keep_reviews: usize, keep_drills: usize) {
        if self.reviews.len() > keep_reviews {
            crate::domain::practice::state::sort_reviews(&mut self.reviews);
            let folded = self.reviews.len() - keep_reviews;
            for log in self.reviews.drain(..folded).collect::<Vec<_>>() {
                self.archive_of(log.trainee, log.at).count_review(&log);
            }
        }
        if self.drills.len() > keep_drills {
            crate::domain::practice::state::sort_drills(&mut self.drills);
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

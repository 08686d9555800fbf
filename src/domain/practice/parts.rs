//! Practice kept in parts, one per trainee: what changed between two states, and
//! uniting parts by key, so a log is never counted twice and no merge is quadratic.

use crate::domain::ids::{LineId, TraineeId};
use crate::domain::practice::state::ArchivedProgress;
use crate::domain::practice::state::{
    sort_drills, sort_reviews, DrillAttempt, PracticeState, ReviewCard, ReviewLog, Trainee,
};
use chrono::NaiveDateTime;
use std::collections::{BTreeMap, BTreeSet};

/// What one trainee's practice gained: new or changed cards and new logs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TraineeChanges {
    pub cards: Vec<ReviewCard>,
    pub reviews: Vec<ReviewLog>,
    pub drills: Vec<DrillAttempt>,
}

impl TraineeChanges {
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.reviews.is_empty() && self.drills.is_empty()
    }
}

/// Everything a change to the practice state did, sorted by trainee.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PracticeChanges {
    pub new_trainees: Vec<Trainee>,
    pub by_trainee: BTreeMap<TraineeId, TraineeChanges>,
}

type ReviewKey = (
    NaiveDateTime,
    TraineeId,
    LineId,
    &'static str,
    Option<u8>,
    bool,
);
type DrillKey = (NaiveDateTime, TraineeId, bool, bool, u32);

/// Two logs with the same key are the same log.
pub fn review_key(log: &ReviewLog) -> ReviewKey {
    (
        log.at,
        log.trainee,
        log.line,
        log.rating.key(),
        log.similarity,
        log.cram,
    )
}

pub fn drill_key(attempt: &DrillAttempt) -> DrillKey {
    (
        attempt.at,
        attempt.trainee,
        attempt.correct,
        attempt.class_correct,
        attempt.millis,
    )
}

/// What `after` holds that `before` does not: logs by key, cards by trainee and line.
pub fn changes_between(before: &PracticeState, after: &PracticeState) -> PracticeChanges {
    let mut changes = PracticeChanges::default();
    let known: BTreeSet<TraineeId> = before.trainees.iter().map(|t| t.id).collect();
    changes.new_trainees = after
        .trainees
        .iter()
        .filter(|t| !known.contains(&t.id))
        .cloned()
        .collect();
    let old_cards: BTreeMap<(TraineeId, LineId), &ReviewCard> = before
        .cards
        .iter()
        .map(|c| ((c.trainee, c.line), c))
        .collect();
    for card in &after.cards {
        if old_cards.get(&(card.trainee, card.line)) != Some(&card) {
            changes.for_trainee(card.trainee).cards.push(card.clone());
        }
    }
    let old_reviews: BTreeSet<ReviewKey> = before.reviews.iter().map(review_key).collect();
    for log in &after.reviews {
        if !old_reviews.contains(&review_key(log)) {
            changes.for_trainee(log.trainee).reviews.push(log.clone());
        }
    }
    let old_drills: BTreeSet<DrillKey> = before.drills.iter().map(drill_key).collect();
    for attempt in &after.drills {
        if !old_drills.contains(&drill_key(attempt)) {
            changes
                .for_trainee(attempt.trainee)
                .drills
                .push(attempt.clone());
        }
    }
    changes
}

/// Adds to `held` the entries whose key it lacks (the same new entry twice counts once)
/// and puts it back in time order.
fn absorb<T, K: Ord>(
    held: &mut Vec<T>,
    incoming: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
    sort: fn(&mut [T]),
) {
    let mut known: BTreeSet<K> = held.iter().map(&key).collect();
    let before = held.len();
    held.extend(
        incoming
            .into_iter()
            .filter(|entry| known.insert(key(entry))),
    );
    if held.len() > before {
        sort(held);
    }
}

impl PracticeChanges {
    fn for_trainee(&mut self, trainee: TraineeId) -> &mut TraineeChanges {
        self.by_trainee.entry(trainee).or_default()
    }
}

impl PracticeState {
    /// Adds the logs not held yet, in time order.
    pub fn absorb_reviews(&mut self, logs: impl IntoIterator<Item = ReviewLog>) {
        absorb(&mut self.reviews, logs, review_key, sort_reviews);
    }

    pub fn absorb_drills(&mut self, attempts: impl IntoIterator<Item = DrillAttempt>) {
        absorb(&mut self.drills, attempts, drill_key, sort_drills);
    }

    /// Takes over one trainee's cards and folded totals as stored, and drops the logs
    /// those totals now count.
    pub fn set_trainee_part(
        &mut self,
        trainee: TraineeId,
        cards: Vec<ReviewCard>,
        archive: Option<ArchivedProgress>,
    ) {
        self.cards.retain(|c| c.trainee != trainee);
        self.cards.extend(cards);
        self.archive.retain(|a| a.trainee != trainee);
        self.archive.extend(archive);
        self.drop_archived_logs();
    }

    fn cards_of(&self, trainee: TraineeId) -> Vec<ReviewCard> {
        self.cards
            .iter()
            .filter(|c| c.trainee == trainee)
            .cloned()
            .collect()
    }

    /// The part of the state that belongs to one trainee.
    pub fn trainee_part(&self, trainee: TraineeId) -> TraineePart {
        TraineePart {
            cards: self.cards_of(trainee),
            reviews: self
                .reviews
                .iter()
                .filter(|r| r.trainee == trainee)
                .cloned()
                .collect(),
            drills: self
                .drills
                .iter()
                .filter(|d| d.trainee == trainee)
                .cloned()
                .collect(),
            archive: self.archived(trainee).cloned(),
        }
    }

    /// What a change to one trainee's practice runs on: every trainee, so a name stays
    /// unique, and that trainee's cards alone. Logs are only ever added, so none are
    /// needed; what the change adds is then exactly what is stored.
    pub fn working_copy(&self, trainee: TraineeId) -> PracticeState {
        PracticeState {
            trainees: self.trainees.clone(),
            cards: self.cards_of(trainee),
            ..PracticeState::default()
        }
    }

    /// Every trainee that has anything stored: listed, or holding cards or logs.
    pub fn trainees_with_data(&self) -> BTreeSet<TraineeId> {
        self.trainees
            .iter()
            .map(|t| t.id)
            .chain(self.cards.iter().map(|c| c.trainee))
            .chain(self.reviews.iter().map(|r| r.trainee))
            .chain(self.drills.iter().map(|d| d.trainee))
            .chain(self.archive.iter().map(|a| a.trainee))
            .collect()
    }
}

/// One trainee's cards, logs and totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TraineePart {
    pub cards: Vec<ReviewCard>,
    pub reviews: Vec<ReviewLog>,
    pub drills: Vec<DrillAttempt>,
    pub archive: Option<ArchivedProgress>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "parts_tests.rs"]
mod tests;

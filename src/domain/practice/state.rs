//! Practice phase: trainees, their review cards and drill results. The scheduling
//! itself belongs to the FSRS crate (see `scheduling`); these types hold what it needs
//! between sessions.

use crate::domain::ids::{LineId, TraineeId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trainee {
    pub id: TraineeId,
    pub name: String,
    pub created: NaiveDate,
}

/// The trainee's self-rating after the agreed line is revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn key(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// Keys 1–4 rate, as in every spaced-repetition tool.
    pub fn from_digit(key: &str) -> Option<Rating> {
        match key {
            "1" => Some(Rating::Again),
            "2" => Some(Rating::Hard),
            "3" => Some(Rating::Good),
            "4" => Some(Rating::Easy),
            _ => None,
        }
    }
}

/// Where a card stands in FSRS's learning cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CardPhase {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// One trainee × one playbook line, with the memory state FSRS keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewCard {
    pub trainee: TraineeId,
    pub line: LineId,
    /// The line version last rehearsed; a newer version brings the card back soon.
    pub line_version: u32,
    pub due: NaiveDateTime,
    pub stability: f64,
    pub difficulty: f64,
    pub reps: u32,
    pub lapses: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<NaiveDateTime>,
    #[serde(default)]
    pub phase: CardPhase,
    #[serde(default)]
    pub scheduled_days: i64,
    /// The day the card was first rehearsed, for the daily limit on new cards.
    pub introduced: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewLog {
    pub trainee: TraineeId,
    pub line: LineId,
    pub at: NaiveDateTime,
    pub rating: Rating,
    /// Word similarity of a typed answer, in percent; absent when spoken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<u8>,
    /// Cram repetitions count as practice but leave the schedule alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cram: bool,
}

/// One round of the class-glance drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillAttempt {
    pub trainee: TraineeId,
    pub at: NaiveDateTime,
    /// Both the class and the opening line were right.
    pub correct: bool,
    #[serde(default)]
    pub class_correct: bool,
    /// From the card showing to the class pick: the habit of looking at the class first.
    pub millis: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeState {
    pub trainees: Vec<Trainee>,
    /// The trainee at this machine right now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<TraineeId>,
    pub cards: Vec<ReviewCard>,
    pub reviews: Vec<ReviewLog>,
    pub drills: Vec<DrillAttempt>,
    /// Totals of logs folded away (see `archive`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub archive: Vec<ArchivedProgress>,
}

impl PracticeState {
    pub fn active_trainee(&self) -> Option<&Trainee> {
        self.active
            .and_then(|id| self.trainees.iter().find(|t| t.id == id))
    }

    /// `trainee` while they are still listed: a tab keeps its trainee across new data
    /// (a restore, another tab's changes) only as long as the trainee exists.
    pub fn still_listed(&self, trainee: Option<TraineeId>) -> Option<TraineeId> {
        trainee.filter(|id| self.trainees.iter().any(|t| t.id == *id))
    }

    pub fn card(&self, trainee: TraineeId, line: LineId) -> Option<&ReviewCard> {
        self.cards
            .iter()
            .find(|c| c.trainee == trainee && c.line == line)
    }

    /// Stores a rehearsal: the card's new schedule and the log entry.
    pub fn record_review(&mut self, card: ReviewCard, log: ReviewLog) {
        match self
            .cards
            .iter_mut()
            .find(|c| c.trainee == card.trainee && c.line == card.line)
        {
            Some(existing) => *existing = card,
            None => self.cards.push(card),
        }
        self.reviews.push(log);
    }

    /// A trainee name is unique, ignoring case and surrounding spaces.
    pub fn add_trainee(&mut self, trainee: Trainee) -> Result<(), TraineeError> {
        let name = trainee.name.trim();
        if name.is_empty() {
            return Err(TraineeError::EmptyName);
        }
        if self
            .trainees
            .iter()
            .any(|t| t.name.trim().to_lowercase() == name.to_lowercase())
        {
            return Err(TraineeError::NameTaken);
        }
        self.active = Some(trainee.id);
        self.trainees.push(Trainee {
            name: name.to_string(),
            ..trainee
        });
        Ok(())
    }
}

/// Logs in time order. One sort for every caller: each sort call site with its own
/// closure would add its own copy of the sort to the wasm bundle.
pub fn sort_reviews(logs: &mut [ReviewLog]) {
    logs.sort_by_key(|log| log.at);
}

pub fn sort_drills(attempts: &mut [DrillAttempt]) {
    attempts.sort_by_key(|attempt| attempt.at);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraineeError {
    EmptyName,
    NameTaken,
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "state_tests.rs"]
mod tests;

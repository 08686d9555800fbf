//! Practice phase: trainees, their review cards and drill results. The scheduling
//! itself belongs to the FSRS crate; these types hold what it needs between sessions.

use super::ids::{LineId, TraineeId};
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
}

/// One round of the class-glance drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillAttempt {
    pub trainee: TraineeId,
    pub at: NaiveDateTime,
    pub correct: bool,
    pub millis: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeState {
    pub trainees: Vec<Trainee>,
    pub cards: Vec<ReviewCard>,
    pub reviews: Vec<ReviewLog>,
    pub drills: Vec<DrillAttempt>,
}

use crate::domain::customer::class::CustomerClass;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// Where a class change came from; the ABC analysis leaves recent manual choices alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeSource {
    Manual,
    AbcAnalysis,
    DowngradeSuggestion,
    Import,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassChange {
    pub at: NaiveDateTime,
    pub who: String,
    pub from: CustomerClass,
    pub to: CustomerClass,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    pub source: ChangeSource,
}

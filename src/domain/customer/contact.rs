use crate::domain::customer::hook::HookKind;
use crate::domain::ids::{ContactId, LineId};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Email,
    Visit,
    Letter,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Self::Phone,
        Self::Email,
        Self::Visit,
        Self::Letter,
        Self::Other,
    ];
}

/// Inbound: the customer reached out (the reactive system). Outbound: we did (the active one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Direction {
    Inbound,
    Outbound,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactResult {
    Reached,
    Interested,
    Appointment,
    Refused,
    NotReached,
}

impl ContactResult {
    pub const ALL: [ContactResult; 5] = [
        Self::Reached,
        Self::Interested,
        Self::Appointment,
        Self::Refused,
        Self::NotReached,
    ];
}

/// One recorded contact: when, who, why, and how it went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub at: NaiveDateTime,
    pub who: String,
    pub channel: Channel,
    pub direction: Direction,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook: Option<HookKind>,
    /// The playbook line that opened the talk, so it is not told twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<LineId>,
    pub result: ContactResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Why a contact inside the minimum interval was made anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_override: Option<String>,
    /// The playbook objection the customer raised, so the next talk is prepared for it.
    /// Contacts stored before objections existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<LineId>,
}

impl Contact {
    /// A reached phone call with only its reason noted. Records with more to say set the
    /// other fields with struct update syntax: `Contact { hook, ..Contact::call(…) }`.
    pub fn call(id: ContactId, at: NaiveDateTime, direction: Direction, reason: &str) -> Contact {
        Contact {
            id,
            at,
            who: String::new(),
            channel: Channel::Phone,
            direction,
            reason: reason.to_string(),
            hook: None,
            line: None,
            result: ContactResult::Reached,
            follow_up: None,
            note: String::new(),
            interval_override: None,
            objection: None,
        }
    }

    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }
}

/// A contact planned for later (outreach agenda).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedContact {
    pub id: crate::domain::ids::PlanId,
    pub due: NaiveDate,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook: Option<HookKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<LineId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_override: Option<String>,
}

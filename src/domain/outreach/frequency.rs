//! How often is too often, and what this customer was already told.

use crate::domain::customer::contact::{Contact, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::ids::LineId;
use crate::domain::settings::ContactIntervals;
use chrono::NaiveDate;

/// A proactive contact planned or logged too soon after the last one.
#[derive(Debug, Clone, PartialEq)]
pub enum FrequencyWarning {
    /// The last proactive contact lies inside the class's minimum interval.
    TooSoon {
        last: Contact,
        days_since: i64,
        interval: u32,
    },
    /// This class is not contacted proactively at all (C by default).
    NotProactive,
}

/// The warning for contacting `customer` ourselves on `day`. Inbound contacts never warn.
pub fn frequency_warning(
    customer: &Customer,
    direction: Direction,
    day: NaiveDate,
    intervals: &ContactIntervals,
) -> Option<FrequencyWarning> {
    if direction == Direction::Inbound {
        return None;
    }
    let Some(interval) = intervals.for_class(customer.class()) else {
        return Some(FrequencyWarning::NotProactive);
    };
    let last = customer
        .contacts
        .iter()
        .filter(|c| c.direction == Direction::Outbound && c.date() <= day)
        .max_by_key(|c| c.at)?;
    let days_since = (day - last.date()).num_days();
    (days_since < i64::from(interval)).then(|| FrequencyWarning::TooSoon {
        last: last.clone(),
        days_since,
        interval,
    })
}

/// The day this hook was last used with the customer, if it was: the same story twice.
pub fn hook_used_before(customer: &Customer, hook: &HookKind) -> Option<NaiveDate> {
    customer
        .contacts
        .iter()
        .filter(|c| c.hook.as_ref() == Some(hook))
        .map(Contact::date)
        .max()
}

/// The day this playbook line was last used with the customer, if it was.
pub fn line_used_before(customer: &Customer, line: LineId) -> Option<NaiveDate> {
    customer
        .contacts
        .iter()
        .filter(|c| c.line == Some(line))
        .map(Contact::date)
        .max()
}

/// The day this objection was last heard from the customer, if it was: the next talk
/// should not run into it unprepared.
pub fn objection_heard_before(customer: &Customer, objection: LineId) -> Option<NaiveDate> {
    customer
        .contacts
        .iter()
        .filter(|c| c.objection == Some(objection))
        .map(Contact::date)
        .max()
}

/// Every objection heard from the customer, once each with the day it was last heard,
/// newest first.
pub fn objections_heard(customer: &Customer) -> Vec<(LineId, NaiveDate)> {
    let mut heard: Vec<(LineId, NaiveDate)> = Vec::new();
    for contact in &customer.contacts {
        let Some(objection) = contact.objection else {
            continue;
        };
        let mut day = contact.date();
        if let Some(at) = heard.iter().position(|(id, _)| *id == objection) {
            day = day.max(heard.remove(at).1);
        }
        // Kept in order while it grows: a customer raises only a few objections.
        let at = heard
            .iter()
            .position(|&(id, d)| (d, std::cmp::Reverse(id)) < (day, std::cmp::Reverse(objection)))
            .unwrap_or(heard.len());
        heard.insert(at, (objection, day));
    }
    heard
}

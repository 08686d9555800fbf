//! When an O customer who keeps refusing should become C.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Contact, ContactResult};
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::settings::MIN_DOWNGRADE_REFUSALS;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

/// An O customer who refused expansion often enough to be suggested for C.
#[derive(Debug, Clone, PartialEq)]
pub struct DowngradeSuggestion {
    pub id: CustomerId,
    /// The refused attempts, oldest first.
    pub refusals: Vec<Contact>,
}

/// Suggests O → C after at least `threshold` refusals on as many different days (never
/// fewer than two: one bad moment is no verdict). A dismissal holds until a new refusal.
pub fn downgrade_suggestion(customer: &Customer, threshold: u32) -> Option<DowngradeSuggestion> {
    if customer.class() != CustomerClass::O {
        return None;
    }
    let mut refusals: Vec<Contact> = customer
        .contacts
        .iter()
        .filter(|c| c.result == ContactResult::Refused)
        .cloned()
        .collect();
    refusals.sort_unstable_by_key(|c| c.at);
    let days: BTreeSet<NaiveDate> = refusals.iter().map(Contact::date).collect();
    if days.len() < threshold.max(MIN_DOWNGRADE_REFUSALS) as usize {
        return None;
    }
    if let Some(dismissed) = customer.downgrade_dismissed {
        if !refusals.iter().any(|c| c.at > dismissed) {
            return None;
        }
    }
    Some(DowngradeSuggestion {
        id: customer.id,
        refusals,
    })
}

/// Every customer to suggest for C, in the order given.
pub fn downgrade_suggestions<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    threshold: u32,
) -> Vec<DowngradeSuggestion> {
    customers
        .into_iter()
        .filter_map(|c| downgrade_suggestion(c, threshold))
        .collect()
}

impl Customer {
    /// The user keeps the customer in O for now: the suggestion is not offered again
    /// for the refusals known at `at`.
    pub fn dismiss_downgrade(&self, at: NaiveDateTime) -> Customer {
        Customer {
            downgrade_dismissed: Some(at),
            ..self.clone()
        }
    }
}

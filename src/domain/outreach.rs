//! The active system: who is worth contacting now, how often is too often, what was
//! already told, what is planned, and when an O customer should become C.

use super::class::CustomerClass;
use super::contact::{Contact, ContactResult, Direction};
use super::customer::Customer;
use super::hook::{HookKind, NoteValidity};
use super::ids::{CustomerId, LineId, PlanId};
use super::settings::{ContactIntervals, MIN_DOWNGRADE_REFUSALS};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

/// Why a customer is on the due list, in parts the UI turns into words.
#[derive(Debug, Clone, PartialEq)]
pub struct DueEntry {
    pub id: CustomerId,
    pub class: CustomerClass,
    /// Days since the last contact in either direction; `None`: never contacted.
    pub days_since_contact: Option<i64>,
    /// Days since the customer was created, for those never contacted.
    pub days_known: i64,
    /// A valid hook that ends soon: days left.
    pub hook_ends_in: Option<i64>,
    pub has_open_hook: bool,
    pub potential: bool,
    pub score: f64,
}

/// The day of the last contact in either direction: a call from the customer counts too.
pub fn last_contact_day(customer: &Customer) -> Option<NaiveDate> {
    customer.contacts.iter().map(Contact::date).max()
}

/// The last contact we made ourselves.
pub fn last_proactive(customer: &Customer) -> Option<&Contact> {
    customer
        .contacts
        .iter()
        .filter(|c| c.direction == Direction::Outbound)
        .max_by_key(|c| c.at)
}

/// Potential customers worth contacting now, most worthwhile first. Nobody inside their
/// class's minimum interval is listed, and no class without an interval (C by default).
pub fn due_list<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    intervals: &ContactIntervals,
    today: NaiveDate,
) -> Vec<DueEntry> {
    let mut due: Vec<DueEntry> = customers
        .into_iter()
        .filter_map(|c| due_entry(c, intervals, today))
        .collect();
    due.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    due
}

fn due_entry(
    customer: &Customer,
    intervals: &ContactIntervals,
    today: NaiveDate,
) -> Option<DueEntry> {
    let class = customer.class();
    // C customers are never approached proactively, whatever interval is set for them.
    if class == CustomerClass::C {
        return None;
    }
    let interval = i64::from(intervals.for_class(class)?.max(1));
    let days_since_contact = last_contact_day(customer).map(|d| (today - d).num_days());
    let days_known = (today - customer.created).num_days().max(0);
    let waited = days_since_contact.unwrap_or(days_known.max(interval));
    if waited < interval {
        return None;
    }
    let (hook_ends_in, has_open_hook) = match customer
        .fields
        .current_note
        .as_ref()
        .map(|n| n.validity(today))
    {
        Some(NoteValidity::ExpiringSoon { days_left }) => (Some(days_left), true),
        Some(NoteValidity::Valid { .. } | NoteValidity::Open) => (None, true),
        _ => (None, false),
    };
    let overdue = (waited - interval) as f64 / interval as f64;
    let hook_boost = match hook_ends_in {
        Some(days) => 2.0 - days as f64 / 14.0,
        None if has_open_hook => 0.5,
        None => 0.0,
    };
    let class_boost = match class {
        CustomerClass::B => 0.3,
        CustomerClass::O => 0.2,
        _ => 0.0,
    };
    let potential_boost = if customer.fields.potential { 0.3 } else { 0.0 };
    Some(DueEntry {
        id: customer.id,
        class,
        days_since_contact,
        days_known,
        hook_ends_in,
        has_open_hook,
        potential: customer.fields.potential,
        score: 1.0 + overdue.min(3.0) + hook_boost + class_boost + potential_boost,
    })
}

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

/// One line of the agenda: a planned contact or a follow-up from a logged one.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub id: CustomerId,
    pub due: NaiveDate,
    pub reason: String,
    pub hook: Option<HookKind>,
    /// Set for planned contacts, which are completed by logging them.
    pub plan: Option<PlanId>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Agenda {
    pub overdue: Vec<AgendaItem>,
    pub today: Vec<AgendaItem>,
    /// The six days after today.
    pub week: Vec<AgendaItem>,
}

/// Planned contacts and open follow-ups, by day. A follow-up is open until a later
/// contact with the customer is logged.
pub fn agenda<'a>(customers: impl IntoIterator<Item = &'a Customer>, today: NaiveDate) -> Agenda {
    let mut items: Vec<AgendaItem> = Vec::new();
    for customer in customers {
        items.extend(customer.plans.iter().map(|plan| AgendaItem {
            id: customer.id,
            due: plan.due,
            reason: plan.reason.clone(),
            hook: plan.hook.clone(),
            plan: Some(plan.id),
        }));
        let latest: Option<NaiveDateTime> = customer.contacts.iter().map(|c| c.at).max();
        items.extend(
            customer
                .contacts
                .iter()
                .filter(|c| Some(c.at) == latest)
                .filter_map(|c| {
                    c.follow_up.map(|due| AgendaItem {
                        id: customer.id,
                        due,
                        reason: c.reason.clone(),
                        hook: c.hook.clone(),
                        plan: None,
                    })
                }),
        );
    }
    items.sort_unstable_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then(a.id.cmp(&b.id))
            .then(a.plan.cmp(&b.plan))
    });
    let mut agenda = Agenda::default();
    for item in items {
        let days = (item.due - today).num_days();
        match days {
            d if d < 0 => agenda.overdue.push(item),
            0 => agenda.today.push(item),
            1..=6 => agenda.week.push(item),
            _ => {}
        }
    }
    agenda
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "outreach_tests.rs"]
mod tests;

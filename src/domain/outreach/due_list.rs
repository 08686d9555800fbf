//! Who is worth contacting now, and why: the due list with its ranking.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Contact, Direction};
use crate::domain::customer::hook::NoteValidity;
use crate::domain::customer::occasion::{nearest_ahead, OccasionHit, NEAR_DAYS};
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::settings::ContactIntervals;
use chrono::NaiveDate;

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
    /// The nearest occasion within [`NEAR_DAYS`], for B and O customers only: a
    /// cancellation deadline, a birthday, an anniversary. It ranks the customer up.
    pub occasion: Option<OccasionHit>,
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
/// A near occasion ranks a B or O customer up but never lists anyone by itself: the
/// interval still decides who is on the list.
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
    let occasion = class
        .is_potential_class()
        .then(|| nearest_ahead(&customer.fields.occasions, today))
        .flatten();
    let occasion_boost = occasion.as_ref().map_or(0.0, occasion_weight);
    Some(DueEntry {
        id: customer.id,
        class,
        days_since_contact,
        days_known,
        hook_ends_in,
        has_open_hook,
        potential: customer.fields.potential,
        occasion,
        score: 1.0 + overdue.min(3.0) + hook_boost + class_boost + potential_boost + occasion_boost,
    })
}

/// As much as an ending promotion when it is today, fading to nothing at
/// [`NEAR_DAYS`]; a cancellation deadline weighs a little more, since after it the
/// hook is gone for a year.
fn occasion_weight(hit: &OccasionHit) -> f64 {
    let nearness = 1.0 - hit.days.max(0) as f64 / (NEAR_DAYS + 1) as f64;
    let deadline = if hit.occurrence.moment.is_deadline() {
        0.5
    } else {
        0.0
    };
    1.5 * nearness + deadline
}

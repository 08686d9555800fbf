//! What is planned: planned contacts and follow-ups, by day, and the week's occasions.

use crate::domain::customer::hook::HookKind;
use crate::domain::customer::occasion::{occasions_around, OccasionHit};
use crate::domain::customer::record::Customer;
use crate::domain::ids::{CustomerId, PlanId};
use chrono::{NaiveDate, NaiveDateTime};

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

/// One occasion of one customer in the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaOccasion {
    pub id: CustomerId,
    pub hit: OccasionHit,
}

/// The occasions from today through the six days after it, the same seven days as
/// [`Agenda::today`] and [`Agenda::week`], so the two lists read side by side. A rolling
/// week rather than Monday to Sunday, so that on a Friday next Monday's deadline shows.
/// In date order, then by customer.
pub fn week_occasions<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    today: NaiveDate,
) -> Vec<AgendaOccasion> {
    let mut items: Vec<AgendaOccasion> = customers
        .into_iter()
        .flat_map(|customer| {
            occasions_around(&customer.fields.occasions, today, 0, 6)
                .into_iter()
                .map(move |hit| AgendaOccasion {
                    id: customer.id,
                    hit,
                })
        })
        .collect();
    items.sort_by_key(|item| {
        (
            item.hit.occurrence.date,
            item.id,
            item.hit.occurrence.occasion,
        )
    });
    items
}

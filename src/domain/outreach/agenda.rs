//! What is planned: planned contacts and follow-ups, by day.

use crate::domain::customer::hook::HookKind;
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

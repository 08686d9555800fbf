//! Planned contacts: a plan made from a checked draft, a customer's plans kept in due
//! order, and a plan completed into the contact it became.

use crate::domain::customer::contact::{
    Channel, Contact, ContactResult, Direction, PlannedContact,
};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::{Actor, Customer};
use crate::domain::ids::{ContactId, LineId, PlanId};
use crate::domain::outreach::contact_draft::{CheckedDraft, ContactDraft};
use chrono::NaiveDate;

impl PlannedContact {
    /// A plan from a checked draft, with the hook and playbook line it is to open with.
    pub fn from_draft(
        id: PlanId,
        checked: CheckedDraft,
        hook: Option<HookKind>,
        line: Option<LineId>,
    ) -> PlannedContact {
        PlannedContact {
            id,
            due: checked.day,
            reason: checked.reason,
            hook,
            line,
            interval_override: checked.interval_override,
        }
    }

    /// The plan completed `today`, as a draft to check: the interval counts from the day
    /// it is done, not from the planned day, so completing early may need a reason anew.
    pub fn completion_draft<'a>(
        &'a self,
        today: NaiveDate,
        override_reason: &'a str,
    ) -> ContactDraft<'a> {
        ContactDraft {
            direction: Direction::Outbound,
            day: Some(today),
            reason: &self.reason,
            override_reason,
        }
    }

    /// The contact that completes the plan: our call, made now, opened with the plan's
    /// hook and line so that neither is told twice.
    pub fn done(
        &self,
        id: ContactId,
        actor: &Actor,
        checked: CheckedDraft,
        result: ContactResult,
    ) -> Contact {
        Contact {
            id,
            at: actor.at,
            who: actor.who.clone(),
            channel: Channel::Phone,
            direction: Direction::Outbound,
            reason: checked.reason,
            hook: self.hook.clone(),
            line: self.line,
            result,
            follow_up: None,
            note: String::new(),
            interval_override: checked.interval_override,
            objection: None,
        }
    }
}

impl Customer {
    /// Adds a planned contact; the plans stay in due order.
    pub fn with_plan(&self, plan: PlannedContact) -> Customer {
        let mut next = self.clone();
        next.plans.push(plan);
        next.plans.sort_unstable_by_key(|p| p.due);
        next
    }

    pub fn plan(&self, id: PlanId) -> Option<&PlannedContact> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// Logs the contact that completed `plan` and takes the plan off the agenda, in one
    /// change, so the agenda never shows a plan already done.
    pub fn complete_plan(&self, plan: PlanId, contact: Contact) -> Customer {
        let mut next = self.with_contact(contact);
        next.plans.retain(|p| p.id != plan);
        next
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::class::CustomerClass;
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::CustomerId;
    use crate::domain::outreach::contact_draft::DraftProblem;
    use crate::domain::settings::ContactIntervals;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).expect("a valid day")
    }

    fn customer() -> Customer {
        let fields = CustomerFields {
            name: "Frieda".into(),
            class: CustomerClass::B,
            ..Default::default()
        };
        Customer::new(CustomerId(1), fields, day(1))
    }

    fn plan(id: u64, due: NaiveDate) -> PlannedContact {
        PlannedContact {
            id: PlanId(id),
            due,
            reason: "Angebot nachfassen".into(),
            hook: Some(HookKind::TimeLimitedPromotion),
            line: Some(LineId(7)),
            interval_override: None,
        }
    }

    fn actor() -> Actor {
        Actor {
            who: "Anna".into(),
            at: day(20).and_hms_opt(14, 30, 0).expect("valid"),
        }
    }

    #[test]
    fn a_plan_takes_the_checked_draft_and_its_approach() {
        let checked = CheckedDraft {
            day: day(12),
            reason: "Nachfassen".into(),
            interval_override: Some("Kunde bat darum".into()),
        };
        let made = PlannedContact::from_draft(
            PlanId(3),
            checked,
            Some(HookKind::LegalChange),
            Some(LineId(9)),
        );
        assert_eq!(
            made,
            PlannedContact {
                id: PlanId(3),
                due: day(12),
                reason: "Nachfassen".into(),
                hook: Some(HookKind::LegalChange),
                line: Some(LineId(9)),
                interval_override: Some("Kunde bat darum".into()),
            }
        );
    }

    #[test]
    fn completing_logs_our_call_now_and_takes_the_plan_off() {
        let planned = customer()
            .with_plan(plan(1, day(25)))
            .with_plan(plan(2, day(22)));
        let first = planned.plan(PlanId(1)).expect("planned").clone();
        let checked = first
            .completion_draft(actor().at.date(), "")
            .check(Some(&planned), &ContactIntervals::default())
            .expect("the first contact is never too soon");
        assert_eq!(checked.day, day(20), "done today, not on the planned day");
        let contact = first.done(ContactId(5), &actor(), checked, ContactResult::Interested);
        assert_eq!(
            (contact.at, contact.who.as_str(), contact.direction),
            (actor().at, "Anna", Direction::Outbound)
        );
        assert_eq!(
            (contact.hook.clone(), contact.line),
            (first.hook.clone(), first.line)
        );
        let done = planned.complete_plan(PlanId(1), contact);
        assert_eq!(done.contacts.len(), 1);
        assert_eq!(
            done.plans.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![PlanId(2)]
        );
        assert_eq!(done.plan(PlanId(1)), None);
    }

    #[test]
    fn completing_early_needs_a_reason_anew() {
        let mut called = customer().with_plan(plan(1, day(25)));
        called = called.with_contact(Contact {
            who: "Anna".into(),
            ..Contact::call(
                ContactId(1),
                day(10).and_hms_opt(9, 0, 0).expect("valid"),
                Direction::Outbound,
                "Erstes Gespräch",
            )
        });
        let planned = called.plan(PlanId(1)).expect("planned");
        let intervals = ContactIntervals::default();
        assert_eq!(
            planned
                .completion_draft(day(20), " ")
                .check(Some(&called), &intervals),
            Err(DraftProblem::OverrideMissing)
        );
        let checked = planned
            .completion_draft(day(20), "Kunde rief an")
            .check(Some(&called), &intervals)
            .expect("a reason was given");
        assert_eq!(checked.interval_override.as_deref(), Some("Kunde rief an"));
    }

    proptest! {
        /// However plans arrive, they stay in due order, and completing one removes
        /// exactly that one.
        #[test]
        fn plans_stay_in_due_order(dues in prop::collection::vec(1u32..29, 1..12), pick in any::<prop::sample::Index>()) {
            let mut c = customer();
            for (i, due) in dues.iter().enumerate() {
                c = c.with_plan(plan(i as u64 + 1, day(*due)));
            }
            prop_assert!(c.plans.windows(2).all(|w| w[0].due <= w[1].due));
            let chosen = c.plans[pick.index(c.plans.len())].id;
            let contact = Contact::call(ContactId(99), actor().at, Direction::Outbound, "x");
            let done = c.complete_plan(chosen, contact);
            prop_assert_eq!(done.plans.len(), dues.len() - 1);
            prop_assert!(done.plan(chosen).is_none());
            prop_assert!(done.plans.windows(2).all(|w| w[0].due <= w[1].due));
        }
    }
}

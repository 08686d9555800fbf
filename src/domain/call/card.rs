//! What the call card shows when a customer calls: derived from the customer file and
//! the playbook, in the order the user reads it.

use crate::domain::customer::contact::{Contact, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::occasion::{occasions_around, OccasionHit, NEAR_DAYS, RECENT_DAYS};
use crate::domain::customer::record::Customer;
use crate::domain::playbook::lines::{best_line, LineFit, PlaybookLine};
use chrono::NaiveDate;

/// The hook of the current note while it is valid; an expired promotion is no hook.
pub fn current_hook(customer: &Customer, today: NaiveDate) -> Option<&HookKind> {
    customer
        .fields
        .current_note
        .as_ref()
        .filter(|note| !note.is_expired(today))
        .map(|note| &note.hook)
}

/// The agreed opening line for this caller: class × inbound × current hook, or the nearest.
pub fn opening_line<'a>(
    customer: &Customer,
    playbook: &'a [PlaybookLine],
    today: NaiveDate,
) -> Option<(&'a PlaybookLine, LineFit)> {
    best_line(
        playbook,
        customer.class(),
        Direction::Inbound,
        current_hook(customer, today),
    )
}

/// The occasions to mention on the call: those in the next [`NEAR_DAYS`] and those of
/// the last [`RECENT_DAYS`] ("Geburtstag war vorgestern"), the closest first.
pub fn call_occasions(customer: &Customer, today: NaiveDate) -> Vec<OccasionHit> {
    occasions_around(&customer.fields.occasions, today, RECENT_DAYS, NEAR_DAYS)
}

/// The team's agreed line for opening with an occasion, when one is near and the
/// playbook has a line for exactly this class, inbound, and the occasion hook. Nearest
/// fits of other hooks are left to [`opening_line`].
pub fn occasion_opening_line<'a>(
    customer: &Customer,
    playbook: &'a [PlaybookLine],
    today: NaiveDate,
) -> Option<&'a PlaybookLine> {
    let hit = call_occasions(customer, today).into_iter().next()?;
    match best_line(
        playbook,
        customer.class(),
        Direction::Inbound,
        Some(&hit.occurrence.moment.hook()),
    ) {
        Some((line, LineFit::Exact)) => Some(line),
        _ => None,
    }
}

/// The latest `count` contacts, newest first.
pub fn recent_contacts(customer: &Customer, count: usize) -> Vec<&Contact> {
    let mut contacts: Vec<&Contact> = customer.contacts.iter().collect();
    contacts.sort_unstable_by_key(|c| std::cmp::Reverse(c.at));
    contacts.truncate(count);
    contacts
}

/// Every hook already used with this customer, once each, with the day it was last used,
/// newest first: so the same story is not told twice.
pub fn used_hooks(customer: &Customer) -> Vec<(HookKind, NaiveDate)> {
    let mut used: Vec<(HookKind, NaiveDate)> = Vec::new();
    for contact in recent_contacts(customer, usize::MAX) {
        if let Some(hook) = &contact.hook {
            if !used.iter().any(|(h, _)| h == hook) {
                used.push((hook.clone(), contact.date()));
            }
        }
    }
    used
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::class::CustomerClass;
    use crate::domain::customer::hook::CurrentNote;
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::{ContactId, CustomerId};
    use crate::domain::playbook::builder::LineBuilder;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid")
    }

    fn contact(id: u64, d: u32, hook: Option<HookKind>) -> Contact {
        let at = day(d).and_hms_opt(10, 0, 0).expect("valid");
        let reason = format!("Anlass {id}");
        Contact {
            who: "Anna".into(),
            hook,
            ..Contact::call(ContactId(id), at, Direction::Outbound, &reason)
        }
    }

    fn customer(until: Option<NaiveDate>) -> Customer {
        let fields = CustomerFields {
            name: "Berta".into(),
            class: CustomerClass::B,
            current_note: Some(CurrentNote {
                written: day(1),
                hook: HookKind::TimeLimitedPromotion,
                text: "Aktion".into(),
                valid_until: until,
            }),
            ..Default::default()
        };
        let mut c = Customer::new(CustomerId(1), fields, day(1));
        c.contacts = vec![
            contact(1, 2, Some(HookKind::LegalChange)),
            contact(2, 9, Some(HookKind::ExtraBenefit)),
            contact(3, 5, None),
            contact(4, 7, Some(HookKind::LegalChange)),
        ];
        c
    }

    fn line(id: u64, class: CustomerClass, hook: HookKind) -> PlaybookLine {
        LineBuilder::opening(id)
            .class(class)
            .hook(hook)
            .title("")
            .text(&format!("Zeile {id}"))
            .changed(day(1))
            .build()
    }

    #[test]
    fn an_expired_promotion_is_no_hook_for_the_opening() {
        let lines = [
            line(1, CustomerClass::B, HookKind::TimeLimitedPromotion),
            line(2, CustomerClass::B, HookKind::ExtraBenefit),
        ];
        let valid = customer(Some(day(30)));
        assert_eq!(
            opening_line(&valid, &lines, day(20)).map(|(l, f)| (l.id.0, f)),
            Some((1, LineFit::Exact))
        );
        let expired = customer(Some(day(10)));
        assert_eq!(current_hook(&expired, day(20)), None);
        assert_eq!(
            opening_line(&expired, &lines, day(20)).map(|(l, f)| (l.id.0, f)),
            Some((1, LineFit::SameClassAndDirection))
        );
    }

    #[test]
    fn recent_contacts_and_used_hooks_newest_first() {
        let c = customer(None);
        let ids: Vec<u64> = recent_contacts(&c, 3).iter().map(|c| c.id.0).collect();
        assert_eq!(ids, vec![2, 4, 3]);
        assert_eq!(
            used_hooks(&c),
            vec![
                (HookKind::ExtraBenefit, day(9)),
                (HookKind::LegalChange, day(7))
            ]
        );
    }

    #[test]
    fn the_card_shows_a_birthday_of_yesterday_and_a_near_deadline_closest_first() {
        use crate::domain::customer::builder::CustomerBuilder;
        use crate::domain::customer::occasion::{Moment, OccasionKind};
        let today = day(27);
        let c = CustomerBuilder::new(1, "Jörg Meier")
            .class(CustomerClass::B)
            .occasion(
                1,
                OccasionKind::ContractRenewal {
                    contract: "Kfz-Versicherung".into(),
                    renewal: NaiveDate::from_ymd_opt(2027, 1, 6).expect("valid"),
                    notice_months: 1,
                    yearly: false,
                },
            )
            .occasion(
                2,
                OccasionKind::Birthday {
                    date: NaiveDate::from_ymd_opt(1970, 11, 26).expect("valid"),
                },
            )
            .occasion(
                3,
                OccasionKind::Birthday {
                    date: NaiveDate::from_ymd_opt(1990, 11, 1).expect("valid"),
                },
            )
            .build();
        let hits = call_occasions(&c, today);
        let seen: Vec<(u64, i64)> = hits
            .iter()
            .map(|h| (h.occurrence.occasion.0, h.days))
            .collect();
        assert_eq!(seen, vec![(2, -1), (1, 9)]);
        assert_eq!(hits[0].occurrence.moment, Moment::Birthday { age: 56 });

        let mut lines = vec![line(1, CustomerClass::B, HookKind::ExtraBenefit)];
        assert_eq!(
            occasion_opening_line(&c, &lines, today),
            None,
            "no occasion line yet"
        );
        lines.push(line(2, CustomerClass::B, HookKind::Occasion));
        assert_eq!(
            occasion_opening_line(&c, &lines, today).map(|l| l.id.0),
            Some(2)
        );
        let quiet = CustomerBuilder::new(2, "Ohne Anlass")
            .class(CustomerClass::B)
            .build();
        assert_eq!(occasion_opening_line(&quiet, &lines, today), None);
    }
}

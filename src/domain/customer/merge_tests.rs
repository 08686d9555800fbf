use super::*;
use crate::domain::customer::builder::{actor, in_november, CustomerBuilder};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Contact, Direction, PlannedContact};
use crate::domain::customer::occasion::OccasionKind;
use crate::domain::customer::timeline::{timeline, TimelineEntry};
use crate::domain::ids::CustomerId;
use chrono::NaiveDateTime;
use proptest::prelude::*;

fn at(day: u32) -> NaiveDateTime {
    in_november(day, 10)
}

fn call(id: u64, day: u32) -> Contact {
    Contact::call(
        ContactId(id),
        at(day),
        Direction::Outbound,
        &format!("Gespräch {id}"),
    )
}

fn pair() -> (Customer, Customer) {
    let kept = CustomerBuilder::new(1, "Jörg Meier")
        .class(CustomerClass::O)
        .phone("+49 171 2345678")
        .number("K-0001")
        .contacts(vec![call(1, 2), call(5, 4)])
        .occasion(
            1,
            OccasionKind::Birthday {
                date: NaiveDate::from_ymd_opt(1970, 5, 12).expect("valid"),
            },
        )
        .fields(|f| f.notes = "Hund im Haushalt".into())
        .build();
    let mut other = CustomerBuilder::new(2, "Jörg Meier (alt)")
        .class(CustomerClass::B)
        .phone("0171 2345678")
        .phone("089 1234567")
        .fields(|f| {
            f.email = "joerg@example.de".into();
            f.notes = "Neues Auto geplant".into();
        })
        .contacts(vec![call(5, 20), call(9, 21)])
        .occasion(
            1,
            OccasionKind::ContractRenewal {
                contract: "Kfz".into(),
                renewal: NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid"),
                notice_months: 1,
                yearly: true,
            },
        )
        .build();
    other.plans.push(PlannedContact {
        id: crate::domain::ids::PlanId(3),
        due: NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid"),
        reason: "Angebot".into(),
        hook: None,
        line: None,
        interval_override: None,
    });
    (kept, other)
}

#[test]
fn defaults_take_the_only_or_the_newer_value() {
    let (kept, other) = pair();
    let choices = default_choices(&kept, &other);
    assert_eq!(
        choices.side(MergeField::Email),
        Side::Other,
        "only the other has one"
    );
    assert_eq!(
        choices.side(MergeField::Number),
        Side::Kept,
        "only the kept has one"
    );
    assert_eq!(
        choices.side(MergeField::Name),
        Side::Other,
        "the other was contacted later"
    );
    assert!(MergeChoices::differing(&kept, &other).contains(&MergeField::Class));
    assert!(!MergeChoices::differing(&kept, &other).contains(&MergeField::Company));
}

#[test]
fn the_merged_record_keeps_both_histories_and_says_so() {
    let (kept, other) = pair();
    let mut choices = default_choices(&kept, &other);
    choices.set(MergeField::Name, Side::Kept);
    let merged = merge_customers(&kept, &other, &choices, &actor("Anna", at(28)));
    assert_eq!(merged.id, kept.id);
    assert_eq!(merged.fields.name, "Jörg Meier");
    assert_eq!(merged.fields.email, "joerg@example.de");
    assert_eq!(merged.fields.class, CustomerClass::B);
    assert_eq!(merged.fields.phones, vec!["+49 171 2345678", "089 1234567"]);
    assert_eq!(
        merged.fields.notes,
        "Hund im Haushalt\n\nNeues Auto geplant"
    );
    assert_eq!(
        merged.contacts.len(),
        4,
        "the clashing id 5 got a fresh one"
    );
    assert_eq!(merged.fields.occasions.len(), 2);
    assert_ne!(merged.fields.occasions[0].id, merged.fields.occasions[1].id);
    assert_eq!(merged.plans.len(), 1);
    assert_eq!(merged.class_changes.len(), 1, "O → B is recorded");
    assert_eq!(merged.rev, kept.rev + 1);
    let entries = timeline(&merged);
    assert!(entries.iter().any(|e| matches!(
        e,
        TimelineEntry::Merge(m) if m.other == CustomerId(2) && m.other_name == "Jörg Meier (alt)"
    )));
}

#[test]
fn the_record_created_first_stays_and_the_smaller_id_on_the_same_day() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).expect("valid");
    let old = CustomerBuilder::new(9, "Alt").created(day(1)).build();
    let new = CustomerBuilder::new(3, "Neu").created(day(5)).build();
    assert_eq!(which_stays(&new, &old).0.id, CustomerId(9));
    assert_eq!(which_stays(&old, &new).0.id, CustomerId(9));
    let twin = CustomerBuilder::new(4, "Zwilling").created(day(1)).build();
    assert_eq!(which_stays(&old, &twin).0.id, CustomerId(4));
    assert_eq!(which_stays(&twin, &old).1.id, CustomerId(9));
}

proptest! {
    #[test]
    fn a_merge_never_loses_a_contact_plan_or_occasion(
        kept_days in prop::collection::vec((0u64..6, 1u32..28), 0..6),
        other_days in prop::collection::vec((0u64..6, 1u32..28), 0..6),
        take_other in prop::collection::vec(any::<bool>(), MergeField::ALL.len()),
    ) {
        let contacts = |days: &[(u64, u32)]| {
            let mut seen = std::collections::HashSet::new();
            days.iter().filter(|(id, _)| seen.insert(*id)).map(|(id, d)| call(*id, *d)).collect::<Vec<_>>()
        };
        let (mut kept, mut other) = pair();
        kept.contacts = contacts(&kept_days);
        other.contacts = contacts(&other_days);
        let mut choices = MergeChoices::default();
        for (field, other_side) in MergeField::ALL.into_iter().zip(take_other) {
            choices.set(field, if other_side { Side::Other } else { Side::Kept });
        }
        let merged = merge_customers(&kept, &other, &choices, &actor("Anna", at(28)));
        let same = |a: &Contact, b: &Contact| a.at == b.at && a.reason == b.reason && a.direction == b.direction;
        for contact in kept.contacts.iter().chain(&other.contacts) {
            prop_assert!(merged.contacts.iter().any(|m| same(m, contact)), "{:?} lost", contact.id);
        }
        let ids: std::collections::HashSet<_> = merged.contacts.iter().map(|c| c.id).collect();
        prop_assert_eq!(ids.len(), merged.contacts.len(), "contact ids stay unique");
        prop_assert!(merged.contacts.len() <= kept.contacts.len() + other.contacts.len());
        for occasion in kept.fields.occasions.iter().chain(&other.fields.occasions) {
            prop_assert!(merged.fields.occasions.iter().any(|o| o.kind == occasion.kind));
        }
        for plan in kept.plans.iter().chain(&other.plans) {
            prop_assert!(merged.plans.iter().any(|p| p.due == plan.due && p.reason == plan.reason));
        }
        prop_assert!(merged.merges.iter().any(|m| m.other == other.id));
    }
}

use super::*;
use crate::domain::customer::hook::{CurrentNote, NoteValidity};
use crate::domain::customer::phone::normalize_phone;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashSet};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date")
}

/// O customers with at least two refused outbound attempts on different days.
fn refusing_o_customers(dataset: &Dataset) -> usize {
    let refused_days = |c: &Customer| -> BTreeSet<NaiveDate> {
        let refused = c
            .contacts
            .iter()
            .filter(|k| k.result == ContactResult::Refused);
        refused
            .filter(|k| k.direction == Direction::Outbound)
            .map(Contact::date)
            .collect()
    };
    let customers = dataset.customers.values();
    customers
        .filter(|c| c.class() == O && refused_days(c).len() >= 2)
        .count()
}

/// Rules every generated set keeps, demo or benchmark.
fn assert_consistent(dataset: &Dataset, today: NaiveDate) {
    let (mut numbers, mut contact_ids) = (HashSet::new(), HashSet::new());
    for (id, customer) in &dataset.customers {
        let fields = &customer.fields;
        assert_eq!(*id, customer.id);
        assert!(numbers.insert(fields.number.clone()));
        assert!(!fields.name.trim().is_empty() && !fields.phones.is_empty());
        for phone in &fields.phones {
            assert!(normalize_phone(phone).len() >= 8, "{phone}");
        }
        let email = &fields.email;
        assert!(email.is_empty() || email.contains('@') && email.is_ascii());
        assert!(customer.contacts.windows(2).all(|p| p[0].at <= p[1].at));
        for contact in &customer.contacts {
            assert!(contact_ids.insert(contact.id));
            assert!(contact.date() < today && contact.date() >= customer.created);
            assert!(!contact.reason.is_empty() && !contact.who.is_empty());
        }
        for change in &customer.class_changes {
            assert!(change.at.date() >= customer.created && change.at.date() < today);
            assert_ne!(change.from, change.to);
        }
        if let Some(change) = customer.class_changes.last() {
            assert_eq!(change.to, customer.class());
        }
        if let Some(note) = &fields.current_note {
            assert!(note.written >= customer.created && note.written <= today);
            assert!(note.valid_until.is_none_or(|until| until >= note.written));
        }
    }
}

#[test]
fn demo_has_every_class_and_german_names() {
    let demo = demo_dataset(today());
    assert!((50..=70).contains(&demo.customers.len()));
    for class in CustomerClass::BOARD_ORDER {
        assert!(demo.class_summary(class).count > 0, "{class:?}");
    }
    let revenue = |class| demo.class_summary(class).revenue_cents;
    assert!(revenue(A) > revenue(B) && revenue(B) > revenue(C));
    let names: HashSet<_> = demo.customers.values().map(|c| &c.fields.name).collect();
    assert_eq!(names.len(), demo.customers.len());
    assert!(names
        .iter()
        .any(|n| n.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü'])));
    assert!(names.iter().any(|n| n.contains('ß')));
    let firms = demo
        .customers
        .values()
        .filter(|c| !c.fields.company.is_empty());
    assert!((10..50).contains(&firms.count()));
    assert!(demo.customers.values().any(|c| c.fields.potential));
    assert_eq!(demo.playbook, starter_playbook(starter_written()));
    assert_eq!(demo, demo_dataset(today()), "deterministic");
    assert_consistent(&demo, today());
}

#[test]
fn demo_notes_cover_every_hook_and_validity() {
    let demo = demo_dataset(today());
    let notes: Vec<&CurrentNote> = demo
        .customers
        .values()
        .filter_map(|c| c.fields.current_note.as_ref())
        .collect();
    for hook in HookKind::BUILT_IN {
        assert!(notes.iter().any(|n| n.hook == hook), "{hook:?}");
    }
    let validities: Vec<NoteValidity> = notes.iter().map(|n| n.validity(today())).collect();
    let has = |wanted: fn(&NoteValidity) -> bool| validities.iter().any(wanted);
    assert!(has(|v| matches!(v, NoteValidity::Expired { .. })));
    assert!(has(|v| matches!(v, NoteValidity::ExpiringSoon { .. })));
    assert!(has(|v| matches!(v, NoteValidity::Valid { .. })));
}

#[test]
fn demo_contacts_tell_varied_stories() {
    let demo = demo_dataset(today());
    assert!(refusing_o_customers(&demo) >= 3);
    let contacts: Vec<&Contact> = demo.customers.values().flat_map(|c| &c.contacts).collect();
    for channel in Channel::ALL {
        assert!(contacts.iter().any(|c| c.channel == channel), "{channel:?}");
    }
    for result in ContactResult::ALL {
        assert!(contacts.iter().any(|c| c.result == result), "{result:?}");
    }
    assert!(contacts.iter().any(|c| c.direction == Direction::Inbound));
    assert!(contacts.iter().any(|c| c.line.is_some()));
    assert!(contacts.iter().any(|c| c.follow_up > Some(today())));
    let staff: HashSet<_> = contacts.iter().map(|c| c.who.as_str()).collect();
    assert!((2..=3).contains(&staff.len()));
    let silent = demo.customers.values().filter(|c| c.contacts.is_empty());
    assert_eq!(silent.count(), 1);
    let changes: Vec<_> = demo
        .customers
        .values()
        .flat_map(|c| &c.class_changes)
        .collect();
    assert!(changes.len() >= 3);
    assert!(changes.iter().all(|c| c.source == ChangeSource::Manual));
}

#[test]
fn large_dataset_has_the_asked_size_and_distinct_ids() {
    let large = large_dataset(10_000, 5, 1, today());
    assert_eq!(large.customers.len(), 10_000);
    assert_eq!(large.contact_count(), 50_000);
    assert!(large
        .customers
        .keys()
        .all(|id| id.0 != 0 && id.0 <= ID_MASK));
    let share = |class| large.class_summary(class).count * 100 / 10_000;
    for (class, percent) in LARGE_CLASSES {
        assert!(share(class).abs_diff(percent as usize) <= 3, "{class:?}");
    }
    let notes: HashSet<_> = large.customers.values().map(|c| &c.fields.notes).collect();
    assert!(notes.len() > 300, "{} distinct notes", notes.len());
    assert!(!large.playbook.is_empty());
    assert_consistent(&large, today());
}

#[test]
fn large_dataset_depends_only_on_its_seed() {
    let first = large_dataset(300, 3, 7, today());
    assert_eq!(first, large_dataset(300, 3, 7, today()));
    assert_ne!(first, large_dataset(300, 3, 8, today()));
    assert!(large_dataset(0, 5, 7, today()).is_empty());
}

#[test]
fn every_planted_twin_is_found_beside_its_original() {
    use crate::domain::customer::duplicates::find_duplicates;
    let mut book = large_dataset(600, 1, 7, today());
    let planted = plant_twins(&mut book, 50);
    assert_eq!(planted, 12);
    assert_eq!(book.customers.len(), 612);
    let groups = find_duplicates(book.customers.values());
    for n in 0..planted as u64 {
        let twin = CustomerId(u64::MAX - n);
        assert!(
            groups
                .iter()
                .any(|g| g.members.contains(&twin) && g.members.len() >= 2),
            "twin {n} not found"
        );
    }
    assert_eq!(plant_twins(&mut book, 0), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn demo_keeps_its_promises_on_any_day(days in 0i64..20_000) {
        let today = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date")
            + TimeDelta::days(days);
        let demo = demo_dataset(today);
        assert_consistent(&demo, today);
        prop_assert!(refusing_o_customers(&demo) >= 3);
        let notes = demo.customers.values().filter_map(|c| c.fields.current_note.as_ref());
        prop_assert!(notes.filter(|n| n.is_expired(today)).count() >= 1);
    }
}

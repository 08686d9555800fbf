use super::*;
use crate::domain::customer::builder::{manual_change, CustomerBuilder};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Direction, PlannedContact};
use crate::domain::ids::PlanId;
use crate::domain::playbook::builder::LineBuilder;
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("valid")
}

fn at(d: u32, minute: u32) -> NaiveDateTime {
    day(d).and_hms_opt(10, minute, 0).expect("valid")
}

fn contact(id: u64, d: u32, note: &str) -> Contact {
    Contact {
        who: "Anna".into(),
        note: note.into(),
        ..Contact::call(ContactId(id), at(d, 0), Direction::Inbound, "Rückfrage")
    }
}

fn customer(id: u64, name: &str, rev: u32, created: u32) -> Customer {
    CustomerBuilder::new(id, name)
        .created(day(created))
        .rev(rev)
        .build()
}

fn dataset(customers: Vec<Customer>) -> Dataset {
    let mut ds = Dataset::default();
    for c in customers {
        ds.customers.insert(c.id, c);
    }
    ds
}

fn line(id: u64, version: u32, changed: u32, title: &str) -> PlaybookLine {
    LineBuilder::opening(id)
        .title(title)
        .version(version)
        .changed(day(changed))
        .build()
}

fn names(list: &[CustomerRef]) -> Vec<&str> {
    list.iter().map(|r| r.name.as_str()).collect()
}

fn now_and_then() -> (Dataset, Dataset) {
    let mut both_now = customer(1, "Müller", 3, 1).with_contact(contact(11, 2, ""));
    both_now.fields.notes = "neuer".into();
    let mut both_then = customer(1, "Müller alt", 2, 1)
        .with_contact(contact(11, 2, ""))
        .with_contact(contact(12, 3, "nur im Backup"));
    both_then.fields.notes = "älter".into();
    let current = dataset(vec![
        both_now,
        customer(2, "Nur jetzt", 1, 1),
        customer(3, "Gleich", 1, 1),
        customer(4, "Demo jetzt", 1, 5),
    ]);
    let backup = dataset(vec![
        both_then,
        customer(3, "Gleich", 1, 1),
        customer(4, "Demo damals", 1, 2).with_contact(contact(40, 2, "")),
        customer(5, "Nur im Backup", 1, 1).with_contact(contact(50, 1, "")),
    ]);
    (current, backup)
}

#[test]
fn preview_names_what_a_restore_would_change() {
    let (current, backup) = now_and_then();
    let preview = restore_preview(&current, &backup);
    assert_eq!(
        names(&preview.customers_added),
        vec!["Demo damals", "Nur im Backup"]
    );
    assert_eq!(names(&preview.customers_changed), vec!["Müller alt"]);
    assert_eq!(
        names(&preview.customers_removed),
        vec!["Demo jetzt", "Nur jetzt"]
    );
    assert_eq!(preview.contacts_added, 3);
    assert_eq!(
        restore_preview(&current, &current),
        RestorePreview {
            customers_removed: vec![],
            ..RestorePreview::default()
        }
    );
}

#[test]
fn merge_keeps_newer_fields_and_every_contact() {
    let (current, backup) = now_and_then();
    let merged = merge(&current, &backup);
    assert_eq!(merged.customers.len(), 6, "the collision keeps both");
    let muller = &merged.customers[&CustomerId(1)];
    assert_eq!(
        (muller.fields.name.as_str(), muller.rev),
        ("Müller", 3),
        "higher revision wins"
    );
    let ids: Vec<u64> = muller.contacts.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, vec![11, 12]);
    assert_eq!(merged.customers[&CustomerId(4)].fields.name, "Demo jetzt");
    let moved: Vec<&Customer> = merged
        .customers
        .values()
        .filter(|c| c.fields.name == "Demo damals")
        .collect();
    assert_eq!(moved.len(), 1);
    assert_ne!(moved[0].id, CustomerId(4));
    assert_eq!(moved[0].contacts.len(), 1);
    assert!(merged.customers.contains_key(&CustomerId(2)));
    assert!(merged.customers.contains_key(&CustomerId(5)));
    assert_eq!(merge(&current, &backup), merged, "merging is deterministic");
    assert_eq!(
        merge(&merged, &backup),
        merged,
        "merging twice adds nothing"
    );
    let again = restore_preview(&merged, &backup);
    assert_eq!(names(&again.customers_changed), vec!["Müller alt"]);
    assert_eq!((again.customers_added.len(), again.contacts_added), (0, 0));
}

#[test]
fn on_equal_revisions_the_current_fields_stay() {
    let now = customer(1, "Jetzt", 2, 1);
    let then = customer(1, "Damals", 2, 1);
    let merged = merge(&dataset(vec![now]), &dataset(vec![then.clone()]));
    assert_eq!(merged.customers[&CustomerId(1)].fields.name, "Jetzt");
    let newer = Customer { rev: 3, ..then };
    let merged = merge(
        &dataset(vec![customer(1, "Jetzt", 2, 1)]),
        &dataset(vec![newer]),
    );
    assert_eq!(merged.customers[&CustomerId(1)].fields.name, "Damals");
    assert_eq!(merged.customers[&CustomerId(1)].rev, 3);
}

#[test]
fn class_changes_and_plans_are_united() {
    let change = |minute, reason: &str| {
        manual_change(
            at(3, minute),
            "Anna",
            CustomerClass::O,
            CustomerClass::B,
            reason,
        )
    };
    let plan = |id, d| PlannedContact {
        id: PlanId(id),
        due: day(d),
        reason: "Nachfassen".into(),
        hook: None,
        line: None,
        interval_override: None,
    };
    let mut now = customer(1, "K", 2, 1);
    now.class_changes = vec![change(1, "Großauftrag")];
    now.plans = vec![plan(1, 20)];
    let mut then = customer(1, "K", 2, 1);
    then.class_changes = vec![change(1, ""), change(0, "früher")];
    then.plans = vec![plan(1, 20), plan(2, 10)];
    then.downgrade_dismissed = Some(at(4, 0));
    let merged = merge(&dataset(vec![now]), &dataset(vec![then]));
    let k = &merged.customers[&CustomerId(1)];
    let reasons: Vec<&str> = k.class_changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, vec!["früher", "Großauftrag"]);
    let plans: Vec<u64> = k.plans.iter().map(|p| p.id.0).collect();
    assert_eq!(plans, vec![2, 1]);
    assert_eq!(k.downgrade_dismissed, Some(at(4, 0)));
}

#[test]
fn contacts_with_colliding_ids_are_both_kept() {
    let now = customer(1, "K", 1, 1).with_contact(contact(7, 2, "heute"));
    let then = customer(1, "K", 1, 1).with_contact(contact(7, 1, "damals"));
    let merged = merge(&dataset(vec![now]), &dataset(vec![then]));
    let k = &merged.customers[&CustomerId(1)];
    let notes: Vec<&str> = k.contacts.iter().map(|c| c.note.as_str()).collect();
    assert_eq!(notes, vec!["damals", "heute"]);
    assert_ne!(k.contacts[0].id, k.contacts[1].id);
    let twice = merge(
        &merged,
        &dataset(vec![
            customer(1, "K", 1, 1).with_contact(contact(7, 1, "damals"))
        ]),
    );
    assert_eq!(twice, merged, "the moved contact is recognised");
}

#[test]
fn playbook_lines_take_the_newer_version_and_the_rest_stays_current() {
    let mut current = Dataset {
        playbook: vec![line(1, 2, 5, "jetzt v2"), line(2, 1, 9, "jetzt neuer")],
        ..Dataset::default()
    };
    current.settings.backup_after_days = 3;
    let mut backup = Dataset {
        playbook: vec![
            line(1, 3, 1, "backup v3"),
            line(2, 1, 4, "backup älter"),
            line(3, 1, 1, "nur backup"),
        ],
        ..Dataset::default()
    };
    backup.settings.backup_after_days = 30;
    let merged = merge(&current, &backup);
    let titles: Vec<&str> = merged.playbook.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, vec!["backup v3", "jetzt neuer", "nur backup"]);
    assert_eq!(merged.settings, current.settings);
    assert_eq!(merged.practice, current.practice);
}

#[test]
fn practice_progress_of_both_sides_is_kept() {
    use crate::domain::ids::{LineId, TraineeId};
    use crate::domain::practice::state::{
        CardPhase, DrillAttempt, Rating, ReviewCard, ReviewLog, Trainee,
    };
    let trainee = |id, name: &str| Trainee {
        id: TraineeId(id),
        name: name.into(),
        created: day(1),
    };
    let card = |t, reps, d| ReviewCard {
        trainee: TraineeId(t),
        line: LineId(1),
        line_version: 1,
        due: at(d + 1, 0),
        stability: 1.0,
        difficulty: 5.0,
        reps,
        lapses: 0,
        last_review: Some(at(d, 0)),
        phase: CardPhase::Review,
        scheduled_days: 1,
        introduced: day(1),
    };
    let log = |t, d| ReviewLog {
        trainee: TraineeId(t),
        line: LineId(1),
        at: at(d, 0),
        rating: Rating::Good,
        similarity: None,
        cram: false,
    };
    let mut current = Dataset::default();
    current.practice.trainees = vec![trainee(1, "Anna")];
    current.practice.cards = vec![card(1, 3, 5)];
    current.practice.reviews = vec![log(1, 5)];
    let mut backup = Dataset::default();
    backup.practice.trainees = vec![trainee(1, "Anna"), trainee(2, "Ben")];
    backup.practice.cards = vec![card(1, 2, 3), card(2, 1, 4)];
    backup.practice.reviews = vec![log(1, 3), log(1, 5), log(2, 4)];
    backup.practice.drills = vec![DrillAttempt {
        trainee: TraineeId(2),
        at: at(4, 0),
        correct: true,
        class_correct: true,
        millis: 800,
    }];
    let merged = merge(&current, &backup).practice;
    assert_eq!(merged.trainees.len(), 2);
    assert_eq!(merged.cards.len(), 2);
    assert_eq!(merged.cards[0].reps, 3, "the more recent card wins");
    assert_eq!(
        merged.reviews.len(),
        3,
        "a log both sides hold is kept once"
    );
    assert_eq!(merged.drills.len(), 1);
}

// --- properties ---

/// Two sides grown from shared ids: equal or different creation days (collisions),
/// contacts from a small id pool with random content.
fn side() -> impl Strategy<Value = Dataset> {
    let contact = (0u64..6, 1u32..28, "[a-c]{0,2}").prop_map(|(id, d, note)| contact(id, d, &note));
    let customer = (
        1u64..8,
        "[A-Z][a-z]{0,5}",
        1u32..5,
        1u32..3,
        prop::collection::vec(contact, 0..5),
    )
        .prop_map(|(id, name, rev, created, contacts)| {
            contacts
                .into_iter()
                .fold(customer(id, &name, rev, created), |c, k| c.with_contact(k))
        });
    prop::collection::vec(customer, 0..8).prop_map(dataset)
}

proptest! {
    #[test]
    fn merge_never_loses_a_customer_or_contact(current in side(), backup in side()) {
        let merged = merge(&current, &backup);
        for source in current.customers.values().chain(backup.customers.values()) {
            for contact in &source.contacts {
                prop_assert!(holds(&merged, source, contact), "lost {:?} of {:?}", contact, source.id);
            }
        }
        let collisions = current
            .customers
            .values()
            .filter(|c| backup.customers.get(&c.id).is_some_and(|b| b.created != c.created))
            .count();
        let union: std::collections::HashSet<_> =
            current.customers.keys().chain(backup.customers.keys()).collect();
        prop_assert_eq!(merged.customers.len(), union.len() + collisions);
        for (id, c) in &merged.customers {
            prop_assert_eq!(*id, c.id);
            let ids: std::collections::HashSet<_> = c.contacts.iter().map(|k| k.id).collect();
            prop_assert_eq!(ids.len(), c.contacts.len(), "contact ids stay unique");
        }
        let preview = restore_preview(&current, &backup);
        let backup_only = backup.customers.keys().filter(|id| !current.customers.contains_key(id)).count();
        let current_only = current.customers.keys().filter(|id| !backup.customers.contains_key(id)).count();
        prop_assert_eq!(preview.customers_added.len(), backup_only + collisions);
        prop_assert_eq!(preview.customers_removed.len(), current_only + collisions);
        prop_assert_eq!(merged.contact_count(), current.contact_count() + preview.contacts_added);
        prop_assert_eq!(merge(&merged, &backup), merged.clone(), "merging again changes nothing");
        let again = restore_preview(&merged, &backup);
        prop_assert_eq!((again.customers_added.len(), again.contacts_added), (0, 0));
    }
}

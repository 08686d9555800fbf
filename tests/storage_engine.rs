//! The storage engine's rules, run natively over an in-memory store.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::{NaiveDate, NaiveDateTime};
use klassenblick::domain::customer::builder::CustomerBuilder;
use klassenblick::domain::customer::class::CustomerClass;
use klassenblick::domain::customer::record::{Actor, Customer};
use klassenblick::domain::dataset::Dataset;
use klassenblick::domain::ids::CustomerId;
use klassenblick::storage::backend::{KeyValueStore, MemoryStore};
use klassenblick::storage::engine::{ExternalChange, Store};
use klassenblick::storage::error::{SaveError, StorageError};
use klassenblick::storage::keys;
use klassenblick::storage::schema::CURRENT_SCHEMA;

const STAMP: &str = "20261127T100000";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("valid")
}

fn actor() -> Actor {
    Actor {
        who: "Test".into(),
        at: now(),
    }
}

fn customer(id: u64, name: &str) -> Customer {
    CustomerBuilder::new(id, name)
        .class(CustomerClass::B)
        .revenue(100_000)
        .created(now().date())
        .build()
}

fn dataset(ids: &[u64]) -> Dataset {
    let mut ds = Dataset::default();
    for &id in ids {
        ds.customers
            .insert(CustomerId(id), customer(id, &format!("Kunde {id}")));
    }
    ds
}

fn rename(
    store: &Store<&MemoryStore>,
    id: u64,
    base_rev: u32,
    name: &str,
) -> Result<Customer, SaveError> {
    let write = store.update_customer(CustomerId(id), |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        let mut fields = stored.fields.clone();
        fields.name = name.into();
        Ok(Some(stored.apply_edit(base_rev, fields, "", &actor())?))
    })?;
    write
        .customers
        .into_iter()
        .find(|c| c.id == CustomerId(id))
        .ok_or(SaveError::Missing)
}

#[test]
fn a_fresh_store_records_its_schema_and_starts_empty() {
    let memory = MemoryStore::default();
    let opened = Store::new(&memory).open(STAMP);
    assert!(opened.dataset.is_empty());
    assert!(opened.problems.is_empty());
    assert_eq!(
        memory.get(keys::META),
        Ok(Some(format!("{{\"schema\":{CURRENT_SCHEMA}}}")))
    );
}

#[test]
fn everything_written_is_read_back() {
    let memory = MemoryStore::default();
    let ds = dataset(&[1, 2, 130, 4_000_000_000]);
    Store::new(&memory).replace_all(&ds).expect("fits");
    let opened = Store::new(&memory).open(STAMP);
    assert_eq!(opened.dataset, ds);
    assert!(opened.problems.is_empty());
}

#[test]
fn an_edit_rewrites_only_its_bucket() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1, 2, 3]))
        .expect("fits");
    let before = memory.snapshot();
    let store = Store::new(&memory);
    let saved = rename(&store, 2, 1, "Neu").expect("saves");
    assert_eq!((saved.fields.name.as_str(), saved.rev), ("Neu", 2));
    let after = memory.snapshot();
    let changed: Vec<_> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, vec![&keys::bucket_key(2)]);
}

#[test]
fn two_tabs_editing_different_customers_in_one_bucket_both_survive() {
    let memory = MemoryStore::default();
    // 1 and 257 share bucket 1.
    Store::new(&memory)
        .replace_all(&dataset(&[1, 257]))
        .expect("fits");
    let tab1 = Store::new(&memory);
    let tab2 = Store::new(&memory);
    rename(&tab1, 1, 1, "Eins").expect("tab 1 saves");
    rename(&tab2, 257, 1, "Zwei").expect("tab 2 saves");
    let opened = Store::new(&memory).open(STAMP);
    assert_eq!(opened.dataset.customers[&CustomerId(1)].fields.name, "Eins");
    assert_eq!(
        opened.dataset.customers[&CustomerId(257)].fields.name,
        "Zwei"
    );
}

#[test]
fn the_same_customer_edited_in_two_tabs_is_a_conflict_not_a_loss() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[7]))
        .expect("fits");
    let tab1 = Store::new(&memory);
    let tab2 = Store::new(&memory);
    rename(&tab1, 7, 1, "Von Tab 1").expect("first save wins");
    let before = memory.snapshot();
    match rename(&tab2, 7, 1, "Von Tab 2") {
        Err(SaveError::Conflict(conflict)) => {
            assert_eq!(conflict.stored.fields.name, "Von Tab 1");
            assert_eq!(conflict.base_rev, 1);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn a_full_quota_is_a_typed_error_and_leaves_storage_intact() {
    let ds = dataset(&[1, 2]);
    let probe = MemoryStore::default();
    Store::new(&probe).replace_all(&ds).expect("fits");
    let memory = MemoryStore::with_quota(probe.used_units() + 20);
    for (key, value) in probe.snapshot() {
        memory.set(&key, &value).expect("fits in the quota");
    }
    let before = memory.snapshot();
    let store = Store::new(&memory);
    let long_name: String = (0..4000)
        .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
        .collect();
    assert_eq!(
        rename(&store, 1, 1, &long_name),
        Err(SaveError::Storage(StorageError::QuotaExceeded))
    );
    assert_eq!(memory.snapshot(), before);
    assert_eq!(
        Store::new(&memory).replace_all(&dataset(&(0..400).collect::<Vec<_>>())),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        memory.snapshot(),
        before,
        "a failed replace leaves no half-written data set"
    );
}

#[test]
fn corrupt_and_unknown_values_are_quarantined_not_deleted() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1, 2]))
        .expect("fits");
    memory.set(&keys::bucket_key(2), "{kaputt").expect("plant");
    memory.set("kb:zukunft", "was auch immer").expect("plant");
    memory.set("fremd", "anderer Leute Daten").expect("plant");
    let opened = Store::new(&memory).open(STAMP);
    assert_eq!(
        opened.dataset.customers.len(),
        1,
        "the readable bucket still loads"
    );
    assert_eq!(opened.quarantine.len(), 2);
    assert_eq!(opened.problems.len(), 2);
    let kept = keys::quarantine_key(STAMP, &keys::bucket_key(2));
    assert_eq!(memory.get(&kept), Ok(Some("{kaputt".to_string())));
    assert_eq!(memory.get(&keys::bucket_key(2)), Ok(None));
    assert_eq!(
        memory.get("fremd"),
        Ok(Some("anderer Leute Daten".to_string()))
    );
    let again = Store::new(&memory).open("20261128T100000");
    assert_eq!(
        again.quarantine.len(),
        2,
        "quarantine is listed on every start"
    );
    assert!(again.problems.is_empty());
}

#[test]
fn a_corrupt_value_that_cannot_move_blocks_its_key() {
    let memory = MemoryStore::default();
    memory.set(keys::META, "{\"schema\":1}").expect("plant");
    memory.set(&keys::bucket_key(3), "{kaputt").expect("plant");
    let tight = MemoryStore::with_quota(memory.used_units());
    for (k, v) in memory.snapshot() {
        tight.set(&k, &v).expect("copy fits");
    }
    let mut store = Store::new(&tight);
    let opened = store.open(STAMP);
    assert!(opened.quarantine[0].in_place);
    let write = store.update_customer(CustomerId(3), |_| Ok(Some(customer(3, "Neu"))));
    assert!(matches!(
        write,
        Err(SaveError::Storage(StorageError::KeyBlocked { .. }))
    ));
    assert_eq!(
        tight.get(&keys::bucket_key(3)),
        Ok(Some("{kaputt".to_string()))
    );
}

#[test]
fn data_from_a_newer_version_is_neither_read_nor_overwritten() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1]))
        .expect("fits");
    memory.set(keys::META, "{\"schema\":9}").expect("plant");
    let before = memory.snapshot();
    let mut store = Store::new(&memory);
    let opened = store.open(STAMP);
    assert!(opened.dataset.is_empty());
    assert_eq!(
        opened.problems,
        vec![StorageError::NewerSchema {
            found: 9,
            supported: CURRENT_SCHEMA
        }]
    );
    assert!(store.replace_all(&dataset(&[2])).is_err());
    assert!(store.update_customer(CustomerId(1), |_| Ok(None)).is_err());
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn another_tabs_writes_decode_into_changes() {
    let memory = MemoryStore::default();
    let store = Store::new(&memory);
    store.replace_all(&dataset(&[5])).expect("fits");
    let raw = memory.get(&keys::bucket_key(5)).expect("readable");
    match store.external_change(Some(&keys::bucket_key(5)), raw.as_deref()) {
        ExternalChange::Bucket { bucket, customers } => {
            assert_eq!(bucket, 5);
            assert_eq!(customers[0].id, CustomerId(5));
        }
        other => panic!("expected a bucket change, got {other:?}"),
    }
    assert_eq!(store.external_change(None, None), ExternalChange::ReloadAll);
    assert!(matches!(
        store.external_change(Some(&keys::bucket_key(5)), Some("{kaputt")),
        ExternalChange::Unreadable(_)
    ));
    assert_eq!(
        store.external_change(Some("fremd"), Some("x")),
        ExternalChange::Ignored
    );
}

#[test]
fn a_batch_update_writes_each_bucket_once_or_not_at_all() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1, 257, 2, 3]))
        .expect("fits");
    let store = Store::new(&memory);
    let writes = store
        .update_customers(&[CustomerId(1), CustomerId(257), CustomerId(3)], |c| {
            c.move_to(
                CustomerClass::A,
                "",
                klassenblick::domain::customer::class_change::ChangeSource::AbcAnalysis,
                &actor(),
            )
        })
        .expect("saves");
    let buckets: Vec<u64> = writes.iter().map(|w| w.bucket).collect();
    assert_eq!(buckets, vec![1, 3]);
    let opened = Store::new(&memory).open(STAMP);
    let classes: Vec<_> = opened
        .dataset
        .customers
        .values()
        .map(|c| (c.id.0, c.class()))
        .collect();
    assert_eq!(
        classes,
        vec![
            (1, CustomerClass::A),
            (2, CustomerClass::B),
            (3, CustomerClass::A),
            (257, CustomerClass::A)
        ]
    );

    let tight = MemoryStore::with_quota(memory.used_units() + 10);
    for (k, v) in memory.snapshot() {
        tight.set(&k, &v).expect("copy fits");
    }
    let before = tight.snapshot();
    let long: String = (0..3000)
        .map(|i| char::from(b'a' + (i * 13 % 26) as u8))
        .collect();
    let result = Store::new(&tight).update_customers(&[CustomerId(2), CustomerId(3)], |c| {
        let mut next = c.clone();
        next.fields.notes = long.clone();
        next
    });
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(tight.snapshot(), before);
}

#[test]
fn an_import_stores_new_and_changed_customers_at_once_or_not_at_all() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1, 2]))
        .expect("fits");
    let store = Store::new(&memory);
    // Another tab logged a contact on customer 2 that this import has not seen.
    store
        .update_customer(CustomerId(2), |stored| {
            let stored = stored.ok_or(SaveError::Missing)?;
            use klassenblick::domain::customer::contact::{Contact, Direction};
            let contact = Contact {
                who: "Test".into(),
                ..Contact::call(
                    klassenblick::domain::ids::ContactId(77),
                    now(),
                    Direction::Inbound,
                    "Rückruf",
                )
            };
            Ok(Some(stored.with_contact(contact)))
        })
        .expect("saves");
    let mut renamed = customer(2, "Kunde 2 neu");
    renamed.rev = 2;
    let fresh = customer(258, "Neu");
    let writes = store.put_customers(&[renamed, fresh]).expect("fits");
    assert_eq!(writes.iter().map(|w| w.bucket).collect::<Vec<_>>(), vec![2]);
    let opened = Store::new(&memory).open(STAMP).dataset;
    assert_eq!(opened.customers.len(), 3);
    let two = &opened.customers[&CustomerId(2)];
    assert_eq!(two.fields.name, "Kunde 2 neu");
    assert_eq!(two.contacts.len(), 1, "the other tab's contact survives");

    let tight = MemoryStore::with_quota(memory.used_units() + 10);
    for (k, v) in memory.snapshot() {
        tight.set(&k, &v).expect("copy fits");
    }
    let before = tight.snapshot();
    let many: Vec<Customer> = (1000..1400).map(|id| customer(id, "Viele")).collect();
    assert_eq!(
        Store::new(&tight).put_customers(&many),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(tight.snapshot(), before);
}

#[test]
fn an_unreadable_backup_status_is_quarantined_not_reset() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&dataset(&[1]))
        .expect("fits");
    memory.set(keys::BACKUP_STATUS, "{kaputt").expect("plant");
    let (status, aside) = Store::new(&memory).count_change(STAMP).expect("counts");
    assert_eq!(status.changes_since, 1);
    let aside = aside.expect("the unreadable status was set aside");
    assert_eq!(aside.quarantine.len(), 1);
    assert_eq!(
        memory.get(&aside.quarantine[0].key),
        Ok(Some("{kaputt".to_string()))
    );
    assert!(matches!(aside.problems[0], StorageError::Corrupt { .. }));
}

//! Merging two customers kept in different buckets: one all-or-nothing write (the kept
//! record changed, the other removed), undone by writing both back exactly, and a tab
//! that dies half-way leaves the one or the other on the next start, never a mix.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDateTime;
use klassenblick::domain::customer::builder::{actor, in_november, CustomerBuilder};
use klassenblick::domain::customer::contact::{Contact, Direction};
use klassenblick::domain::customer::duplicates::{dismiss_pair, find_duplicates};
use klassenblick::domain::customer::merge::{default_choices, merge_customers};
use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::dataset::Dataset;
use klassenblick::domain::ids::{ContactId, CustomerId};
use klassenblick::storage::backend::{CutOffStore, KeyValueStore, MemoryStore};
use klassenblick::storage::engine::Store;
use klassenblick::storage::error::{SaveError, StorageError};
use klassenblick::storage::keys;
use std::collections::BTreeMap;

const STAMP: &str = "20261201T100000";

fn at(day: u32) -> NaiveDateTime {
    in_november(day, 10)
}

/// Customer 1 and customer 2 (buckets 1 and 2), the same phone number written two ways,
/// and a neighbour in bucket 1 that no write may touch.
fn stored() -> MemoryStore {
    let kept = CustomerBuilder::new(1, "Jörg Meier")
        .phone("+49 171 2345678")
        .contacts(vec![Contact::call(
            ContactId(1),
            at(2),
            Direction::Outbound,
            "Erstgespräch",
        )])
        .build();
    let other = CustomerBuilder::new(2, "Jörg Meier")
        .phone("0171/2345678")
        .fields(|f| f.email = "joerg@example.de".into())
        .contacts(vec![Contact::call(
            ContactId(1),
            at(20),
            Direction::Inbound,
            "Rückruf",
        )])
        .build();
    let neighbour = CustomerBuilder::new(257, "Nachbar im Fach").build();
    let mut dataset = Dataset::default();
    for c in [kept, other, neighbour] {
        dataset.customers.insert(c.id, c);
    }
    let memory = MemoryStore::default();
    Store::new(&memory).replace_all(&dataset).expect("fits");
    memory
}

fn ids() -> [CustomerId; 2] {
    [CustomerId(1), CustomerId(2)]
}

/// The merge as the app does it: both as stored now, the default choices, the kept one
/// changed and the other removed; both records as they were handed back for the undo.
fn merge<B: KeyValueStore>(store: &Store<B>) -> Result<(Customer, Customer), SaveError> {
    let (_, before) = store.change_linked(&ids(), |stored| {
        let kept = stored.get(&CustomerId(1)).ok_or(SaveError::Missing)?;
        let other = stored.get(&CustomerId(2)).ok_or(SaveError::Missing)?;
        let merged = merge_customers(
            kept,
            other,
            &default_choices(kept, other),
            &actor("Test", at(30)),
        );
        Ok((
            vec![(kept.id, Some(merged)), (other.id, None)],
            (kept.clone(), other.clone()),
        ))
    })?;
    Ok(before)
}

fn customers(memory: &MemoryStore) -> BTreeMap<CustomerId, Customer> {
    let opened = Store::new(memory).open(STAMP);
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    opened.dataset.customers
}

#[test]
fn a_merge_across_buckets_keeps_one_record_with_both_histories() {
    let memory = stored();
    let store = Store::new(&memory);
    let (writes, ()) = store
        .change_linked(&ids(), |stored| {
            let kept = &stored[&CustomerId(1)];
            let other = &stored[&CustomerId(2)];
            let merged = merge_customers(
                kept,
                other,
                &default_choices(kept, other),
                &actor("Test", at(30)),
            );
            Ok((vec![(kept.id, Some(merged)), (other.id, None)], ()))
        })
        .expect("saves");
    let buckets: Vec<u64> = writes.iter().map(|w| w.bucket).collect();
    assert_eq!(buckets, vec![1, 2]);
    // The other record's bucket held nothing else, so its key is gone.
    assert_eq!(memory.get(&keys::bucket_key(2)), Ok(None));
    let after = customers(&memory);
    assert_eq!(
        after.keys().map(|id| id.0).collect::<Vec<_>>(),
        vec![1, 257]
    );
    let merged = &after[&CustomerId(1)];
    let reasons: Vec<&str> = merged.contacts.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, vec!["Erstgespräch", "Rückruf"]);
    assert_eq!(merged.fields.email, "joerg@example.de");
    assert_eq!(merged.merges.len(), 1);
    assert_eq!(merged.merges[0].other, CustomerId(2));
}

#[test]
fn undoing_a_merge_puts_both_records_back_exactly() {
    let memory = stored();
    let before = memory.snapshot();
    let store = Store::new(&memory);
    let (kept, other) = merge(&store).expect("merges");
    assert_ne!(memory.snapshot(), before);
    store
        .change_linked(&ids(), |_| {
            Ok((vec![(kept.id, Some(kept)), (other.id, Some(other))], ()))
        })
        .expect("undoes");
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn a_refused_change_writes_nothing() {
    let memory = stored();
    let before = memory.snapshot();
    let result: Result<(_, ()), _> = Store::new(&memory).change_linked(&ids(), |stored| {
        assert_eq!(stored.len(), 2, "both are read as stored now");
        Err(SaveError::Missing)
    });
    assert_eq!(result.map(|_| ()), Err(SaveError::Missing));
    assert_eq!(memory.snapshot(), before);
}

#[test]
fn a_merge_that_does_not_fit_leaves_both_records() {
    let memory = stored();
    let tight = MemoryStore::with_quota(memory.used_units() + 8);
    for (k, v) in memory.snapshot() {
        tight.set(&k, &v).expect("copy fits");
    }
    let before = tight.snapshot();
    let result = merge(&Store::new(&tight));
    assert_eq!(
        result.map(|_| ()),
        Err(SaveError::Storage(StorageError::QuotaExceeded))
    );
    assert_eq!(tight.snapshot(), before);
}

#[test]
fn a_merge_cut_off_at_any_write_is_all_or_nothing_after_the_next_start() {
    let reference = stored();
    let old = customers(&reference);
    merge(&Store::new(&reference)).expect("merges");
    let new = customers(&reference);
    let mut cuts = 0;
    for budget in 0.. {
        let memory = stored();
        let result = merge(&Store::new(&CutOffStore::new(&memory, budget)));
        let after = customers(&memory);
        assert_eq!(memory.get(keys::JOURNAL), Ok(None));
        if result.is_ok() {
            assert_eq!(after, new, "a reported success is kept");
            break;
        }
        assert_eq!(after, old, "cut after {budget} writes left a mix");
        cuts += 1;
    }
    // The journal, the removal, the kept bucket: every one was a cut point.
    assert!(cuts >= 3, "{cuts}");
}

#[test]
fn keine_dublette_is_stored_on_both_and_the_pair_is_not_found_again() {
    let memory = stored();
    assert_eq!(find_duplicates(customers(&memory).values()).len(), 1);
    Store::new(&memory)
        .change_linked(&ids(), |stored| {
            let (a, b) = dismiss_pair(&stored[&CustomerId(1)], &stored[&CustomerId(2)]);
            Ok((vec![(a.id, Some(a)), (b.id, Some(b))], ()))
        })
        .expect("saves");
    let after = customers(&memory);
    assert!(after[&CustomerId(1)]
        .not_duplicates
        .contains(&CustomerId(2)));
    assert!(after[&CustomerId(2)]
        .not_duplicates
        .contains(&CustomerId(1)));
    assert!(find_duplicates(after.values()).is_empty());
}

//! Schema 1 → 2 on the frozen schema-1 profile in `tests/fixtures/`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::practice::state::PracticeState;
use klassenblick::storage::backend::{CutOffStore, KeyValueStore, MemoryStore};
use klassenblick::storage::codec::decode;
use klassenblick::storage::engine::Store;
use klassenblick::storage::keys;
use klassenblick::storage::migration::same_practice;
use std::collections::BTreeMap;

const STAMP: &str = "20261201T100000";

fn fixture() -> BTreeMap<String, String> {
    let text = include_str!("fixtures/schema1-profile.json");
    serde_json::from_str(text).expect("the fixture is a key → value object")
}

fn planted() -> MemoryStore {
    let memory = MemoryStore::default();
    for (key, value) in fixture() {
        memory.set(&key, &value).expect("fits");
    }
    memory
}

/// What schema 1 held, decoded the schema-1 way.
fn schema1_content() -> (BTreeMap<u64, Customer>, PracticeState) {
    let mut customers = BTreeMap::new();
    let mut practice = PracticeState::default();
    for (key, value) in fixture() {
        if key.starts_with("kb:c:") {
            for c in decode::<Vec<Customer>>(&value).expect("schema-1 bucket") {
                customers.insert(c.id.0, c);
            }
        } else if key == "kb:practice" {
            practice = decode(&value).expect("schema-1 practice");
        }
    }
    (customers, practice)
}

#[test]
fn the_schema1_profile_opens_under_schema2_with_everything_intact() {
    let memory = planted();
    let (customers, practice) = schema1_content();
    assert!(customers.len() > 60 && practice.trainees.len() == 2 && practice.reviews.len() > 10);
    for round in ["first start", "reload"] {
        let opened = Store::new(&memory).open(STAMP);
        assert!(
            opened.quarantine.is_empty(),
            "{round}: {:?}",
            opened.quarantine
        );
        assert!(opened.problems.is_empty(), "{round}: {:?}", opened.problems);
        assert_eq!(opened.migrated, round == "first start");
        assert!(opened.legacy_copy, "{round}: the schema-1 copy stays");
        let ds = opened.dataset;
        assert_eq!(ds.customers.len(), customers.len());
        for (id, customer) in &customers {
            assert_eq!(
                ds.customers
                    .get(&klassenblick::domain::ids::CustomerId(*id)),
                Some(customer)
            );
        }
        assert!(
            same_practice(&ds.practice, &practice),
            "{round}: practice differs"
        );
        assert_eq!(ds.practice.reviews.len(), practice.reviews.len());
        assert_eq!(ds.practice.drills.len(), practice.drills.len());
        assert_eq!(
            ds.practice.active, practice.active,
            "the last trainee is remembered"
        );
    }
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":2}"#.into())));
    assert_eq!(
        memory.get(keys::LEGACY_PRACTICE),
        Ok(fixture().get("kb:practice").cloned())
    );
    Store::new(&memory).remove_legacy_copy().expect("removes");
    let after = Store::new(&memory).open(STAMP);
    assert!(!after.legacy_copy);
    assert!(same_practice(&after.dataset.practice, &practice));
}

#[test]
fn a_migration_cut_off_at_any_step_is_finished_on_the_next_start() {
    let (customers, practice) = schema1_content();
    let mut steps = 0;
    loop {
        let memory = planted();
        let dying = CutOffStore::new(&memory, steps);
        let first = Store::new(&dying).open(STAMP);
        let finished = first.problems.is_empty();
        let opened = Store::new(&memory).open(STAMP);
        assert!(
            opened.problems.is_empty(),
            "cut after {steps}: {:?}",
            opened.problems
        );
        assert!(opened.quarantine.is_empty(), "cut after {steps}");
        assert_eq!(opened.dataset.customers.len(), customers.len());
        assert!(
            same_practice(&opened.dataset.practice, &practice),
            "cut after {steps}"
        );
        assert_eq!(memory.get(keys::JOURNAL), Ok(None));
        if finished {
            break;
        }
        steps += 1;
        assert!(steps < 200, "the migration never finished");
    }
    assert!(
        steps > 3,
        "the cut points covered the migration's writes ({steps})"
    );
}

//! A restore cut off at any point: the next start finds the journal and puts back the
//! data as it was before, never a mix.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDate;
use klassenblick::domain::dataset::Dataset;
use klassenblick::domain::demo::dataset::{demo_dataset, large_dataset};
use klassenblick::storage::backend::{CutOffStore, KeyValueStore, MemoryStore};
use klassenblick::storage::engine::Store;
use klassenblick::storage::error::StorageError;
use klassenblick::storage::keys;

const STAMP: &str = "20261201T100000";

fn same_data(a: &Dataset, b: &Dataset) -> bool {
    a.customers == b.customers
        && a.playbook == b.playbook
        && a.settings == b.settings
        && klassenblick::storage::migration::same_practice(&a.practice, &b.practice)
}

#[test]
fn a_restore_cut_off_after_any_write_is_undone_on_the_next_start() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid");
    let before = large_dataset(120, 2, 7, today);
    let backup = demo_dataset(today);
    let mut cuts = 0;
    for budget in 0.. {
        let memory = MemoryStore::default();
        Store::new(&memory).replace_all(&before).expect("fits");
        let stored_before = Store::new(&memory).open(STAMP).dataset;
        let result = Store::new(&CutOffStore::new(&memory, budget)).replace_all(&backup);
        let opened = Store::new(&memory).open(STAMP);
        assert!(
            opened.problems.is_empty(),
            "cut after {budget}: {:?}",
            opened.problems
        );
        assert_eq!(memory.get(keys::JOURNAL), Ok(None));
        match result {
            Ok(_) => {
                assert!(
                    same_data(&opened.dataset, &backup),
                    "a finished restore is kept"
                );
                assert_eq!(opened.recovered, None);
                break;
            }
            Err(_) => {
                assert!(
                    same_data(&opened.dataset, &stored_before),
                    "cut after {budget} writes left a mix"
                );
                // Once the journal is written, the next start reports what it put back.
                assert_eq!(opened.recovered.is_some(), budget > 0, "cut after {budget}");
                cuts += 1;
            }
        }
    }
    assert!(cuts > 100, "every bucket write was a cut point ({cuts})");
}

#[test]
fn a_restore_that_cannot_be_rolled_back_says_so() {
    let memory = MemoryStore::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid");
    Store::new(&memory)
        .replace_all(&large_dataset(50, 1, 3, today))
        .expect("fits");
    let result = Store::new(&CutOffStore::new(&memory, 10)).replace_all(&demo_dataset(today));
    assert!(
        matches!(result, Err(StorageError::RollbackFailed { .. })),
        "{result:?}"
    );
}

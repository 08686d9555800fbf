//! Practice per trainee (schema 2): bounded writes, tabs that rate at once, folding.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::{Duration, NaiveDate, NaiveDateTime};
use klassenblick::domain::dataset::Dataset;
use klassenblick::domain::ids::{LineId, TraineeId};
use klassenblick::domain::practice::parts::TraineeChanges;
use klassenblick::domain::practice::state::{Rating, ReviewCard, ReviewLog, Trainee};
use klassenblick::storage::backend::{utf16_units, KeyValueStore, MemoryStore};
use klassenblick::storage::engine::Store;
use klassenblick::storage::keys;
use std::cell::Cell;

const STAMP: &str = "20261127T100000";

fn start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 5)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("valid")
}

fn log(trainee: u64, n: i64) -> ReviewLog {
    ReviewLog {
        trainee: TraineeId(trainee),
        line: LineId(1000 + (n % 20) as u64),
        at: start() + Duration::minutes(n),
        rating: Rating::Good,
        similarity: Some(80),
        cram: false,
    }
}

fn card(trainee: u64, line: u64, reps: u32) -> ReviewCard {
    ReviewCard {
        trainee: TraineeId(trainee),
        line: LineId(line),
        line_version: 1,
        due: start(),
        stability: 3.0,
        difficulty: 5.0,
        reps,
        lapses: 0,
        last_review: Some(start()),
        phase: Default::default(),
        scheduled_days: 1,
        introduced: start().date(),
    }
}

fn trainee(id: u64, name: &str) -> Trainee {
    Trainee {
        id: TraineeId(id),
        name: name.into(),
        created: start().date(),
    }
}

/// Counts the UTF-16 units every `set` stores: what "written" means.
struct CountingStore<'a> {
    inner: &'a MemoryStore,
    units: Cell<usize>,
}

impl KeyValueStore for CountingStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, klassenblick::storage::error::StorageError> {
        self.inner.get(key)
    }
    fn set(
        &self,
        key: &str,
        value: &str,
    ) -> Result<(), klassenblick::storage::error::StorageError> {
        if key != keys::JOURNAL {
            self.units
                .set(self.units.get() + utf16_units(key) + utf16_units(value));
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), klassenblick::storage::error::StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, klassenblick::storage::error::StorageError> {
        self.inner.keys()
    }
}

fn with_history(ratings: i64) -> MemoryStore {
    let mut ds = Dataset::default();
    ds.practice.trainees.push(trainee(1, "Anna"));
    ds.practice.reviews = (0..ratings).map(|n| log(1, n)).collect();
    ds.practice.cards = (0..20).map(|l| card(1, 1000 + l, 3)).collect();
    let memory = MemoryStore::default();
    Store::new(&memory).replace_all(&ds).expect("fits");
    memory
}

fn one_rating_units(memory: &MemoryStore, n: i64) -> usize {
    let counting = CountingStore {
        inner: memory,
        units: Cell::new(0),
    };
    let changes = TraineeChanges {
        cards: vec![card(1, 1000, 9)],
        reviews: vec![log(1, n)],
        drills: Vec::new(),
    };
    Store::new(&counting)
        .record_practice(TraineeId(1), &changes)
        .expect("records");
    counting.units.get()
}

#[test]
fn one_rating_writes_the_same_amount_whatever_the_history() {
    let short = one_rating_units(&with_history(100), 100);
    let long = one_rating_units(&with_history(19_999), 19_999);
    assert!(short > 0);
    assert!(
        long <= short * 3 / 2 + 500,
        "100 ratings: {short} units, 20,000 ratings: {long} units"
    );
    assert!(long < 20_000, "one rating wrote {long} units");
}

#[test]
fn two_tabs_rating_two_trainees_keep_every_rating() {
    let memory = MemoryStore::default();
    Store::new(&memory)
        .replace_all(&Dataset::default())
        .expect("fits");
    let tab1 = Store::new(&memory);
    let tab2 = Store::new(&memory);
    assert_eq!(
        tab1.add_trainee(trainee(1, "Anna")),
        Ok(Ok(vec![trainee(1, "Anna")]))
    );
    let listed = tab2
        .add_trainee(trainee(2, "Ben"))
        .expect("stores")
        .expect("a free name");
    assert_eq!(listed.len(), 2, "the second tab adds to the stored list");
    assert!(tab2
        .add_trainee(trainee(3, "anna "))
        .expect("stores")
        .is_err());
    for n in 0..30 {
        let (tab, id) = if n % 2 == 0 { (&tab1, 1) } else { (&tab2, 2) };
        tab.record_practice(
            TraineeId(id),
            &TraineeChanges {
                cards: vec![card(id, 1000, n as u32)],
                reviews: vec![log(id, n)],
                drills: Vec::new(),
            },
        )
        .expect("records");
    }
    let practice = Store::new(&memory).open(STAMP).dataset.practice;
    assert_eq!(practice.trainees.len(), 2);
    assert_eq!(
        practice
            .reviews
            .iter()
            .filter(|r| r.trainee == TraineeId(1))
            .count(),
        15
    );
    assert_eq!(
        practice
            .reviews
            .iter()
            .filter(|r| r.trainee == TraineeId(2))
            .count(),
        15
    );
    assert_eq!(practice.cards.len(), 2);
}

#[test]
fn beyond_the_kept_chunks_the_oldest_are_folded_into_totals() {
    let memory = with_history(20_000);
    let store = Store::new(&memory);
    for n in 20_000..21_000 {
        store
            .record_practice(
                TraineeId(1),
                &TraineeChanges {
                    reviews: vec![log(1, n)],
                    ..TraineeChanges::default()
                },
            )
            .expect("records");
    }
    let practice = Store::new(&memory).open(STAMP).dataset.practice;
    let archived = practice.archived(TraineeId(1)).expect("totals").repetitions as usize;
    assert!(
        practice.reviews.len() <= 20_000,
        "{} kept",
        practice.reviews.len()
    );
    assert_eq!(
        archived + practice.reviews.len(),
        21_000,
        "every rating counted once"
    );
}

#[test]
fn the_last_chosen_trainee_is_remembered_for_the_next_start() {
    let memory = MemoryStore::default();
    let store = Store::new(&memory);
    store.replace_all(&Dataset::default()).expect("fits");
    store
        .add_trainee(trainee(7, "Cem"))
        .expect("stores")
        .expect("free");
    store.remember_trainee(Some(TraineeId(7))).expect("stores");
    assert_eq!(
        Store::new(&memory).open(STAMP).dataset.practice.active,
        Some(TraineeId(7))
    );
}

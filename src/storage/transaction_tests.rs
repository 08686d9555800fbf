use super::*;
use crate::storage::backend::{CutOffStore, MemoryStore};

#[test]
fn a_failing_write_restores_every_earlier_one() {
    let store = MemoryStore::with_quota(200);
    store.set("a", "old-a").expect("fits");
    store.set("c", "old-c").expect("fits");
    let before = store.snapshot();
    let writes = vec![
        ("a".to_string(), Some("new-a".to_string())),
        ("c".to_string(), None),
        ("b".to_string(), Some("x".repeat(300))),
    ];
    assert_eq!(write_all(&store, &writes), Err(StorageError::QuotaExceeded));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn success_writes_everything_counts_units_and_leaves_no_journal() {
    let store = MemoryStore::default();
    store.set("gone", "x").expect("fits");
    let writes = vec![
        ("a".to_string(), Some("1234".to_string())),
        ("gone".to_string(), None),
    ];
    assert_eq!(write_all(&store, &writes), Ok(4));
    assert_eq!(store.get("gone"), Ok(None));
    assert_eq!(store.get("a"), Ok(Some("1234".to_string())));
    assert_eq!(store.get(JOURNAL), Ok(None));
}

#[test]
fn no_room_for_the_journal_changes_nothing() {
    let store = MemoryStore::with_quota(30);
    store.set("a", "old").expect("fits");
    let before = store.snapshot();
    let writes = vec![
        ("a".to_string(), Some("new".to_string())),
        ("b".to_string(), Some("x".repeat(10))),
    ];
    assert_eq!(write_all(&store, &writes), Err(StorageError::QuotaExceeded));
    assert_eq!(store.snapshot(), before);
}

fn without_journal(store: &MemoryStore) -> std::collections::BTreeMap<String, String> {
    let mut snapshot = store.snapshot();
    snapshot.remove(JOURNAL);
    snapshot
}

#[test]
fn a_write_cut_off_after_any_step_is_put_back_on_the_next_start() {
    let writes: Vec<Write> = vec![
        ("a".into(), Some("new-a".into())),
        ("b".into(), None),
        ("c".into(), Some("new-c".into())),
        ("d".into(), Some("new-d".into())),
    ];
    let seed = |store: &MemoryStore| {
        store.set("a", "old-a").expect("fits");
        store.set("b", "old-b").expect("fits");
        store.set("d", "old-d").expect("fits");
        store.set("other", "untouched").expect("fits");
    };
    let reference_old = MemoryStore::default();
    seed(&reference_old);
    let reference_new = MemoryStore::default();
    seed(&reference_new);
    write_all(&reference_new, &writes).expect("a whole write");
    let (old, new) = (reference_old.snapshot(), reference_new.snapshot());
    // journal + 4 changes + commit: 6 steps; every cut from 0 to all of them.
    for budget in 0..=7 {
        let memory = MemoryStore::default();
        seed(&memory);
        let dying = CutOffStore::new(&memory, budget);
        let result = write_all(&dying, &writes);
        let recovered = recover(&memory).expect("recovery on the next start");
        let after = memory.snapshot();
        assert!(
            after == old || after == new,
            "cut after {budget} steps left a mix: {after:?}"
        );
        if result.is_ok() {
            assert_eq!(
                after, new,
                "a reported success is kept (cut after {budget})"
            );
            assert_eq!(recovered, None);
        }
        assert_eq!(without_journal(&memory), after);
    }
}

#[test]
fn a_recovery_cut_off_is_finished_by_the_start_after() {
    let writes: Vec<Write> = vec![
        ("a".into(), Some("new-a".into())),
        ("b".into(), Some("new-b".into())),
        ("c".into(), Some("new-c".into())),
    ];
    for write_budget in 1..=3 {
        for recovery_budget in 0..=4 {
            let memory = MemoryStore::default();
            memory.set("a", "old-a").expect("fits");
            memory.set("b", "old-b").expect("fits");
            let old = memory.snapshot();
            let dying = CutOffStore::new(&memory, write_budget);
            assert!(write_all(&dying, &writes).is_err());
            let dying_recovery = CutOffStore::new(&memory, recovery_budget);
            let _cut = recover(&dying_recovery);
            recover(&memory).expect("the next start finishes");
            assert_eq!(
                memory.snapshot(),
                old,
                "write {write_budget}, recovery {recovery_budget}"
            );
        }
    }
}

#[test]
fn a_failed_rollback_is_reported_and_left_to_the_next_start() {
    let memory = MemoryStore::default();
    memory.set("a", "old-a").expect("fits");
    let old = memory.snapshot();
    let dying = CutOffStore::new(&memory, 2);
    let writes: Vec<Write> = vec![
        ("a".into(), Some("new-a".into())),
        ("b".into(), Some("new-b".into())),
    ];
    let result = write_all(&dying, &writes);
    assert!(
        matches!(result, Err(StorageError::RollbackFailed { .. })),
        "{result:?}"
    );
    let recovered = recover(&memory)
        .expect("recovers")
        .expect("a journal was left");
    assert_eq!(recovered.keys, vec!["a".to_string(), "b".to_string()]);
    assert_eq!(memory.snapshot(), old);
}

//! All-or-nothing writes of several keys: on the first failure, every key already
//! written gets its previous value back.

use super::backend::KeyValueStore;
use super::error::StorageError;

/// `None` as a value removes the key.
pub type Write = (String, Option<String>);

/// Writes every entry or none. Returns the UTF-16 units written.
pub fn write_all(store: &impl KeyValueStore, writes: &[Write]) -> Result<usize, StorageError> {
    let mut undo: Vec<(&str, Option<String>)> = Vec::with_capacity(writes.len());
    let mut written = 0;
    // Removals first: they free room for the values that follow.
    let ordered = writes
        .iter()
        .filter(|(_, v)| v.is_none())
        .chain(writes.iter().filter(|(_, v)| v.is_some()));
    for (key, value) in ordered {
        let previous = match store.get(key) {
            Ok(previous) => previous,
            Err(e) => {
                roll_back(store, undo);
                return Err(e);
            }
        };
        if previous.as_deref() == value.as_deref() {
            continue;
        }
        let result = match value {
            Some(value) => store.set(key, value),
            None => store.remove(key),
        };
        if let Err(e) = result {
            roll_back(store, undo);
            return Err(e);
        }
        written += value.as_deref().map_or(0, super::backend::utf16_units);
        undo.push((key, previous));
    }
    Ok(written)
}

fn roll_back(store: &impl KeyValueStore, undo: Vec<(&str, Option<String>)>) {
    // Newest first, so each restore frees the room the next one needs.
    for (key, previous) in undo.into_iter().rev() {
        let _ignored_as_best_effort = match previous {
            Some(value) => store.set(key, &value),
            None => store.remove(key),
        };
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::storage::backend::MemoryStore;

    #[test]
    fn a_failing_write_restores_every_earlier_one() {
        let store = MemoryStore::with_quota(40);
        store.set("a", "old-a").expect("fits");
        store.set("c", "old-c").expect("fits");
        let before = store.snapshot();
        let writes = vec![
            ("a".to_string(), Some("new-a".to_string())),
            ("c".to_string(), None),
            ("b".to_string(), Some("x".repeat(60))),
        ];
        assert_eq!(write_all(&store, &writes), Err(StorageError::QuotaExceeded));
        assert_eq!(store.snapshot(), before);
    }

    #[test]
    fn success_writes_everything_and_counts_units() {
        let store = MemoryStore::default();
        store.set("gone", "x").expect("fits");
        let writes = vec![
            ("a".to_string(), Some("1234".to_string())),
            ("gone".to_string(), None),
        ];
        assert_eq!(write_all(&store, &writes), Ok(4));
        assert_eq!(store.get("gone"), Ok(None));
        assert_eq!(store.get("a"), Ok(Some("1234".to_string())));
    }
}

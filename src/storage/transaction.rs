//! All-or-nothing writes of several keys, also when the tab dies half-way.
//!
//! Before a write that changes more than one key, the previous values go into the
//! journal (`kb:tx`). The journal is removed once every key is written: that removal is
//! the commit. A start that finds a journal knows the last write never finished and
//! puts every key back as the journal has it.

use super::backend::{utf16_units, KeyValueStore};
use super::codec::from_json;
use super::error::StorageError;
use super::keys::JOURNAL;
use super::stored::json_text;
use serde::{Deserialize, Serialize};

/// `None` as a value removes the key.
pub type Write = (String, Option<String>);

/// The keys an unfinished write touches, with what each held before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Journal {
    before: Vec<(String, Option<String>)>,
}

/// What a start found of an unfinished write and put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub keys: Vec<String>,
}

/// Writes every entry or none. Returns the UTF-16 units written.
pub fn write_all(store: &impl KeyValueStore, writes: &[Write]) -> Result<usize, StorageError> {
    let mut changes: Vec<(&str, Option<&str>, Option<String>)> = Vec::new();
    for (key, value) in writes {
        let previous = store.get(key)?;
        if previous.as_deref() != value.as_deref() {
            changes.push((key, value.as_deref(), previous));
        }
    }
    // Removals first: they free room for the values that follow.
    let (mut changes, values): (Vec<_>, Vec<_>) = changes
        .into_iter()
        .partition(|(_, value, _)| value.is_none());
    changes.extend(values);
    let written = changes
        .iter()
        .map(|(_, value, _)| value.map_or(0, utf16_units))
        .sum();
    if let [(key, value, _)] = changes.as_slice() {
        // One key is written whole or not at all by the browser itself.
        apply(store, key, *value)?;
        return Ok(written);
    }
    if changes.is_empty() {
        return Ok(0);
    }
    let journal = Journal {
        before: changes
            .iter()
            .map(|(key, _, previous)| (key.to_string(), previous.clone()))
            .collect(),
    };
    let journal_text = json_text(&journal)?;
    store.set(JOURNAL, &journal_text)?;
    for (done, (key, value, _)) in changes.iter().enumerate() {
        if let Err(e) = apply(store, key, *value) {
            return Err(undo(store, &journal.before[..done], e));
        }
    }
    if let Err(e) = store.remove(JOURNAL) {
        return Err(undo(store, &journal.before, e));
    }
    Ok(written)
}

fn apply(store: &impl KeyValueStore, key: &str, value: Option<&str>) -> Result<(), StorageError> {
    match value {
        Some(value) => store.set(key, value),
        None => store.remove(key),
    }
}

/// Puts back what a failed write changed. If that fails too, the journal stays, the
/// next start finishes the job, and the user is told the truth.
fn undo(
    store: &impl KeyValueStore,
    written: &[(String, Option<String>)],
    cause: StorageError,
) -> StorageError {
    match restore(store, written).and_then(|()| store.remove(JOURNAL)) {
        Ok(()) => cause,
        Err(_) => StorageError::RollbackFailed {
            cause: Box::new(cause),
        },
    }
}

fn restore(
    store: &impl KeyValueStore,
    before: &[(String, Option<String>)],
) -> Result<(), StorageError> {
    // Newest first, so each restore frees the room the next one needs.
    for (key, previous) in before.iter().rev() {
        apply(store, key, previous.as_deref())?;
    }
    Ok(())
}

/// Finishes what an unfinished write left: every key it touched gets its earlier value.
/// `Ok(None)`: there was nothing to do.
pub fn recover(store: &impl KeyValueStore) -> Result<Option<Recovered>, StorageError> {
    let Some(text) = store.get(JOURNAL)? else {
        return Ok(None);
    };
    let journal: Journal = from_json(&text).map_err(|e| StorageError::Corrupt {
        key: JOURNAL.to_string(),
        reason: e.to_string(),
    })?;
    // Removals first, for room; the journal's own order is the write order.
    let (removals, values): (Vec<_>, Vec<_>) = journal
        .before
        .iter()
        .cloned()
        .partition(|(_, previous)| previous.is_none());
    for (key, previous) in removals.iter().chain(values.iter()) {
        apply(store, key, previous.as_deref()).map_err(|e| StorageError::RecoveryFailed {
            key: key.clone(),
            cause: Box::new(e),
        })?;
    }
    store.remove(JOURNAL)?;
    Ok(Some(Recovered {
        keys: journal.before.into_iter().map(|(key, _)| key).collect(),
    }))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "transaction_tests.rs"]
mod tests;

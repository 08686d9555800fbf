//! The steps from every earlier schema to the current one.
//!
//! Schema 1 → 2: practice moves from one key to one part per trainee. The new keys and
//! the new version are written in one journaled write, then read back and compared with
//! the old value. Only then does the new version count; the schema-1 value stays
//! untouched as the old copy until the user removes it. The version written is the
//! current one, since no later step changes what schema 1 → 2 writes.
//!
//! Schema 2 → 3, 3 → 4 and 4 → 5: only the version changes (see `schema.rs` for why it
//! changes at all).

use super::backend::KeyValueStore;
use super::codec::decode;
use super::engine::{Opened, Store};
use super::error::StorageError;
use super::keys;
use super::practice_store::{self, PracticeLoader};
use super::schema::Meta;
use super::stored::json_text;
use super::transaction::write_all;
use crate::domain::practice::parts::changes_between;
use crate::domain::practice::state::PracticeState;

pub(super) fn migrate_v1<B: KeyValueStore>(
    store: &mut Store<B>,
    opened: &mut Opened,
    stamp: &str,
) -> Result<(), StorageError> {
    let backend = store.backend();
    let practice = match backend.get(keys::LEGACY_PRACTICE)? {
        None => PracticeState::default(),
        Some(raw) => match decode::<PracticeState>(&raw) {
            Ok(practice) => practice,
            Err(e) => {
                // Unreadable in schema 1 too: set aside, as schema 1 itself would have.
                store.quarantine(keys::LEGACY_PRACTICE, &raw, stamp, &e.to_string(), opened);
                PracticeState::default()
            }
        },
    };
    let mut writes = practice_store::layout_writes(&practice)?;
    if let Some(active) = practice.active {
        writes.push((keys::LAST_TRAINEE.to_string(), Some(active.to_string())));
    }
    let meta = json_text(&Meta::current())?;
    writes.push((keys::META.to_string(), Some(meta)));
    for (key, _) in &writes {
        store.check_writable(key)?;
    }
    write_all(store.backend(), &writes)?;
    let read_back = read_practice(store.backend())?;
    if !same_practice(&read_back, &practice) {
        // Back to schema 1 exactly; the old copy was never touched.
        let undo: Vec<_> = writes
            .iter()
            .filter(|(key, _)| key != keys::META)
            .map(|(key, _)| (key.clone(), None))
            .chain(std::iter::once((
                keys::META.to_string(),
                Some(r#"{"schema":1}"#.to_string()),
            )))
            .collect();
        write_all(store.backend(), &undo)?;
        return Err(StorageError::MigrationMismatch);
    }
    opened.migrated = true;
    Ok(())
}

/// Schema 2 → 3 → 4 → 5: every value keeps its stored form, since the new fields default to
/// empty, so only `kb:meta` is written, straight to the current version. Nothing else
/// is touched, so there is no old copy to keep: the earlier values are the current ones.
pub(super) fn migrate_version_only<B: KeyValueStore>(
    store: &mut Store<B>,
    opened: &mut Opened,
) -> Result<(), StorageError> {
    store.check_writable(keys::META)?;
    let meta = json_text(&Meta::current())?;
    store.backend().set(keys::META, &meta)?;
    opened.migrated = true;
    Ok(())
}

/// Practice as the schema-2 keys hold it now.
pub fn read_practice(backend: &impl KeyValueStore) -> Result<PracticeState, StorageError> {
    let mut loader = PracticeLoader::default();
    for key in backend.keys()? {
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        if let Some(Err(e)) = loader.load(keys::classify(&key), &raw) {
            return Err(StorageError::Corrupt {
                key,
                reason: e.to_string(),
            });
        }
    }
    Ok(loader.finish())
}

fn same_list<T: PartialEq>(x: &[T], y: &[T]) -> bool {
    x.len() == y.len() && x.iter().all(|e| y.contains(e))
}

/// Equal as stored data: the same trainees, cards, logs and totals, whatever the order.
/// The active trainee is no longer stored with practice.
pub fn same_practice(a: &PracticeState, b: &PracticeState) -> bool {
    let unchanged = |from: &PracticeState, to: &PracticeState| {
        let changes = changes_between(from, to);
        changes.new_trainees.is_empty() && changes.by_trainee.is_empty()
    };
    a.reviews.len() == b.reviews.len()
        && a.drills.len() == b.drills.len()
        && a.cards.len() == b.cards.len()
        && same_list(&a.trainees, &b.trainees)
        && same_list(&a.archive, &b.archive)
        && unchanged(a, b)
        && unchanged(b, a)
}

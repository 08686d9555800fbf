//! Whole-data actions: demo data and restores, imports, settings, backups.

use super::{locked, report_storage, write_buckets, write_through};
use crate::domain::customer::record::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::settings::Settings;
use crate::storage::error::StorageError;
use crate::ui::clock;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Replaces everything: demo data or a restored backup. All or nothing, and a tab that
/// dies half-way is put right on the next start.
pub async fn replace_all(state: AppState, mut dataset: Dataset) -> Result<(), StorageError> {
    let stored = dataset.clone();
    write_through(state, move |store| store.replace_all(&stored)).await?;
    // This tab keeps its trainee if the new data still has them.
    let active = state.practice.with_untracked(|p| p.active);
    dataset.practice.active = dataset.practice.still_listed(active);
    state.set_dataset(dataset);
    state.error.set(None);
    Ok(())
}

pub async fn save_settings(state: AppState, settings: Settings) -> Result<(), StorageError> {
    let settings = settings.sanitized();
    let stored = settings.clone();
    write_through(state, move |store| store.save_settings(&stored)).await?;
    state.settings.set(settings);
    Ok(())
}

/// Marks the moment a backup file was produced, for the reminder.
pub async fn record_backup(state: AppState) {
    let status = BackupStatus {
        last_backup: Some(clock::today()),
        changes_since: 0,
    };
    let stored = status.clone();
    if write_through(state, move |store| store.save_backup_status(&stored))
        .await
        .is_ok()
    {
        state.backup.set(status);
    }
}

/// Stores an import's new and changed customers in one all-or-nothing write.
pub async fn import_customers(
    state: AppState,
    customers: Vec<Customer>,
) -> Result<(), StorageError> {
    write_buckets(state, move |store| store.put_customers(&customers)).await
}

/// Removes the schema-1 copy the migration kept.
pub async fn remove_legacy_copy(state: AppState) -> bool {
    match locked(state, |store| store.remove_legacy_copy()).await {
        Ok(()) => {
            state.legacy_copy.set(false);
            true
        }
        Err(e) => {
            report_storage(&state, &e);
            false
        }
    }
}

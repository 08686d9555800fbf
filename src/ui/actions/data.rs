//! Whole-data actions: demo data and restores, imports, settings, backups.

use super::{stored, write_buckets, ActionError};
use crate::domain::customer::record::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::settings::Settings;
use crate::ui::clock;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Replaces everything: demo data or a restored backup. All or nothing, and a tab that
/// dies half-way is put right on the next start.
pub async fn replace_all(state: AppState, mut dataset: Dataset) -> Result<(), ActionError> {
    let kept = dataset.clone();
    stored(state, move |store| store.replace_all(&kept)).await?;
    // This tab keeps its trainee if the new data still has them.
    let active = state.practice.with_untracked(|p| p.active);
    dataset.practice.active = dataset.practice.still_listed(active);
    state.set_dataset(dataset);
    state.error.set(None);
    Ok(())
}

pub async fn save_settings(state: AppState, settings: Settings) -> Result<(), ActionError> {
    let settings = settings.sanitized();
    let kept = settings.clone();
    stored(state, move |store| store.save_settings(&kept)).await?;
    state.settings.set(settings);
    Ok(())
}

/// Marks the moment a backup file was produced, for the reminder.
pub async fn record_backup(state: AppState) -> Result<(), ActionError> {
    let status = BackupStatus {
        last_backup: Some(clock::today()),
        changes_since: 0,
    };
    let kept = status.clone();
    stored(state, move |store| store.save_backup_status(&kept)).await?;
    state.backup.set(status);
    Ok(())
}

/// Stores an import's new and changed customers in one all-or-nothing write.
pub async fn import_customers(
    state: AppState,
    customers: Vec<Customer>,
) -> Result<(), ActionError> {
    write_buckets(state, move |store| store.put_customers(&customers)).await
}

/// Removes the schema-1 copy the migration kept.
pub async fn remove_legacy_copy(state: AppState) -> Result<(), ActionError> {
    stored(state, |store| store.remove_legacy_copy()).await?;
    state.legacy_copy.set(false);
    Ok(())
}

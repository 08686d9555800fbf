//! What the user does, carried out in storage first and in memory only on success,
//! so the screen never shows a change that was not saved. Every write runs while this
//! tab holds the cross-tab lock (`storage::lock`) and re-reads what it changes.
//!
//! One file per feature; every action returns `Result<_, ActionError>`, and every
//! failure reaches the user through [`error::report`]: in the banner, and as a toast
//! beside whatever they just pressed, or in the form that acted.

mod board;
mod customers;
mod data;
mod duplicates;
mod error;
mod outreach;
mod playbook;
mod practice;
mod tabs;

pub use board::{accept_abc, move_customer, set_move_reason, undo_move, LastMove};
pub use customers::{
    create_customer, delete_customer, log_contact, save_edit, undo_delete, EditBase,
};
pub use data::{import_customers, record_backup, remove_legacy_copy, replace_all, save_settings};
pub use duplicates::{dismiss_duplicate, merge_pair, undo_merge, Seen};
pub use error::ActionError;
pub use outreach::{complete_plan, confirm_downgrade, dismiss_downgrade, plan_contact};
pub use playbook::change_playbook;
pub use practice::{add_trainee, choose_trainee, record_practice};
pub use tabs::{apply_foreign_changes, listen_to_other_tabs, reload_all, PendingChanges};

use super::clock;
use super::i18n::{storage_message, texts};
use super::state::{AppState, AppStore};
use crate::domain::customer::record::{Actor, Customer};
use crate::domain::ids::CustomerId;
use crate::storage::engine::BucketWrite;
use crate::storage::error::{SaveError, StorageError};
use crate::storage::keys;
use crate::storage::lock;
use error::{report, Feedback};
use leptos::prelude::*;

pub fn actor(state: &AppState) -> Actor {
    let name = state.settings.with_untracked(|s| s.user_name.clone());
    Actor {
        who: if name.is_empty() {
            texts().me.to_string()
        } else {
            name
        },
        at: clock::now(),
    }
}

/// Starts an action whose failure needs nothing beyond what the banner shows.
pub fn spawn(action: impl std::future::Future<Output = Result<(), ActionError>> + 'static) {
    leptos::task::spawn_local(async move {
        let _ = action.await;
    });
}

/// Runs `work` on the store while this tab holds the cross-tab lock.
pub(crate) async fn locked<R: 'static>(
    state: AppState,
    work: impl FnOnce(&AppStore) -> R + 'static,
) -> R {
    let result = locked_boxed(state, Box::new(work)).await;
    tabs::apply_pending(&state);
    result
}

/// Boxed, so the lock's code exists once per kind of result, not once per call site.
async fn locked_boxed<R: 'static>(state: AppState, work: Box<dyn FnOnce(&AppStore) -> R>) -> R {
    lock::exclusive(move || state.store.with_value(work)).await
}

/// Like [`locked`], for work that changes the store itself (opening it again).
pub(crate) async fn locked_mut<R: Default + 'static>(
    state: AppState,
    work: impl FnOnce(&mut AppStore) -> R + 'static,
) -> R {
    let result =
        lock::exclusive(move || state.store.try_update_value(work).unwrap_or_default()).await;
    tabs::apply_pending(&state);
    result
}

/// A change to one customer as stored now; `None` in, `None` out: not stored.
type CustomerChange = Box<dyn FnOnce(Option<&Customer>) -> Result<Option<Customer>, SaveError>>;

/// Runs one customer change through storage, then mirrors the fresh bucket in memory.
async fn change_customer(
    state: AppState,
    id: CustomerId,
    change: impl FnOnce(Option<&Customer>) -> Result<Option<Customer>, SaveError> + 'static,
) -> Result<Option<Customer>, ActionError> {
    change_customer_boxed(state, id, Box::new(change), Feedback::Toast).await
}

/// Changes a customer that must still be stored: one deleted in another tab fails as
/// [`ActionError::Missing`].
async fn change_stored(
    state: AppState,
    id: CustomerId,
    change: impl FnOnce(&Customer) -> Result<Customer, SaveError> + 'static,
) -> Result<Option<Customer>, ActionError> {
    change_customer(state, id, move |stored| {
        change(stored.ok_or(SaveError::Missing)?).map(Some)
    })
    .await
}

/// A customer form's save: the form shows a failure beside its button.
async fn change_customer_from_form(
    state: AppState,
    id: CustomerId,
    change: impl FnOnce(Option<&Customer>) -> Result<Option<Customer>, SaveError> + 'static,
) -> Result<Option<Customer>, ActionError> {
    change_customer_boxed(state, id, Box::new(change), Feedback::InForm).await
}

/// The one copy of the write path, whatever the change.
async fn change_customer_boxed(
    state: AppState,
    id: CustomerId,
    change: CustomerChange,
    feedback: Feedback,
) -> Result<Option<Customer>, ActionError> {
    let write = locked(state, move |store| store.update_customer(id, change)).await;
    let write = reported(&state, write.map_err(ActionError::from), feedback)?;
    let saved = write.customers.iter().find(|c| c.id == id).cloned();
    replace_buckets(&state, [(write.bucket, write.customers)]);
    count_change(state).await;
    state.error.set(None);
    Ok(saved)
}

/// Passes a result on, showing its failure first.
fn reported<T>(
    state: &AppState,
    result: Result<T, ActionError>,
    feedback: Feedback,
) -> Result<T, ActionError> {
    if let Err(e) = &result {
        report(state, e, feedback);
    }
    result
}

/// Runs storage work under the lock; a failure is shown as a toast and returned.
async fn stored<R: 'static>(
    state: AppState,
    work: impl FnOnce(&AppStore) -> Result<R, StorageError> + 'static,
) -> Result<R, ActionError> {
    let result = locked(state, work).await.map_err(ActionError::from);
    reported(&state, result, Feedback::Toast)
}

/// Mirrors fresh buckets in memory: one change of `customers`, however many buckets.
fn replace_buckets(state: &AppState, buckets: impl IntoIterator<Item = (u64, Vec<Customer>)>) {
    state.customers.update(|all| {
        for (bucket, customers) in buckets {
            all.retain(|id, _| keys::bucket_of(*id) != bucket);
            all.extend(customers.into_iter().map(|c| (c.id, c)));
        }
    });
}

/// Writes several buckets at once under the lock, then mirrors every fresh bucket.
async fn write_buckets(
    state: AppState,
    write: impl FnOnce(&AppStore) -> Result<Vec<BucketWrite>, StorageError> + 'static,
) -> Result<(), ActionError> {
    let writes = stored(state, write).await?;
    replace_buckets(&state, writes.into_iter().map(|w| (w.bucket, w.customers)));
    count_change(state).await;
    Ok(())
}

/// Counts a change for the backup reminder; a failure there is a storage problem too.
async fn count_change(state: AppState) {
    let stamp = clock::stamp();
    if let Ok((status, aside)) = stored(state, move |store| store.count_change(&stamp)).await {
        state.backup.set(status);
        if let Some(aside) = aside {
            state.quarantine.update(|q| q.extend(aside.quarantine));
            if let Some(problem) = aside.problems.first() {
                state.show_error(storage_message(problem));
            }
        }
    }
}

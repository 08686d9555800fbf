//! Values other tabs wrote, mirrored in this tab's memory.
//!
//! A restore in another tab arrives as some 260 `storage` events. Each is decoded when
//! it arrives, in its own short task; the decoded changes are applied together in an
//! animation frame once the events have paused for a frame (or have waited
//! `MAX_WAIT_MS`), so the board and the search index are rebuilt a few times at most,
//! not once per event, and no single task decodes the whole restore.

use super::locked_mut;
use crate::domain::customer::record::Customer;
use crate::storage::engine::ExternalChange;
use crate::storage::tab_sync;
use crate::ui::clock;
use crate::ui::i18n::storage_message;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// A hidden tab gets no animation frames; this timer lets it catch up all the same.
const HIDDEN_TAB_FALLBACK: Duration = Duration::from_millis(100);
/// Events closer together than a frame belong to one burst, such as a restore.
const QUIET_MS: f64 = 16.0;
/// The longest a decoded change waits for its burst to end.
const MAX_WAIT_MS: f64 = 400.0;

/// Other tabs' changes, decoded and not yet applied.
#[derive(Default)]
pub struct PendingChanges {
    changes: Vec<ExternalChange>,
    first_at: f64,
    last_at: f64,
    /// Which of the scheduled checks is the current one; older ones do nothing.
    generation: u64,
}

/// Listens for other tabs' writes for as long as the page lives. An error means this
/// tab will not hear of them.
pub fn listen_to_other_tabs(state: AppState) -> Result<(), wasm_bindgen::JsValue> {
    tab_sync::listen(move |write| {
        let change = state.store.with_value(|store| {
            store.external_change(write.key.as_deref(), write.value.as_deref())
        });
        if matches!(change, ExternalChange::Ignored) {
            return;
        }
        let now = clock::millis();
        let first = state
            .foreign
            .try_update_value(|q| {
                q.changes.push(change);
                q.last_at = now;
                if q.changes.len() == 1 {
                    q.first_at = now;
                }
                q.changes.len() == 1
            })
            .unwrap_or(false);
        if first {
            schedule_check(state);
        }
    })
}

/// Checks at the next frame, or after the fallback timer in a tab without frames,
/// whichever comes first.
fn schedule_check(state: AppState) {
    let Some(generation) = state.foreign.try_update_value(|q| {
        q.generation += 1;
        q.generation
    }) else {
        return;
    };
    let check = move || {
        let current = state.foreign.try_with_value(|q| q.generation) == Some(generation);
        if current {
            apply_when_quiet(state);
        }
    };
    request_animation_frame(check);
    set_timeout(check, HIDDEN_TAB_FALLBACK);
}

fn apply_when_quiet(state: AppState) {
    let now = clock::millis();
    let ready = state.foreign.try_with_value(|q| {
        (!q.changes.is_empty())
            .then_some(now - q.last_at >= QUIET_MS || now - q.first_at >= MAX_WAIT_MS)
    });
    match ready {
        Some(Some(true)) => apply_pending(&state),
        Some(Some(false)) => schedule_check(state),
        _ => {}
    }
}

/// Applies the queued changes of other tabs now. This tab's own write calls it before
/// it mirrors its result: what is queued then was written before it, and must not land
/// over it a frame later.
pub(crate) fn apply_pending(state: &AppState) {
    let changes = state
        .foreign
        .try_update_value(|q| std::mem::take(&mut q.changes))
        .unwrap_or_default();
    if !changes.is_empty() {
        apply_foreign_changes(state, changes);
    }
}

/// Applies changes in the order they came, with one update per collection.
pub fn apply_foreign_changes(state: &AppState, changes: Vec<ExternalChange>) {
    let mut buckets: Vec<(u64, Vec<Customer>)> = Vec::new();
    let mut practice = Vec::new();
    let mut reload = false;
    for change in changes {
        match change {
            ExternalChange::Bucket { bucket, customers } => buckets.push((bucket, customers)),
            change @ (ExternalChange::Trainees(_)
            | ExternalChange::TraineeHead(..)
            | ExternalChange::Reviews(_)
            | ExternalChange::Drills(_)) => practice.push(change),
            ExternalChange::Playbook(lines) => state.playbook.set(lines),
            ExternalChange::LegacyCopy(kept) => state.legacy_copy.set(kept),
            ExternalChange::Settings(settings) => state.settings.set(settings),
            ExternalChange::BackupStatus(status) => state.backup.set(status),
            ExternalChange::ReloadAll | ExternalChange::QuarantineChanged => reload = true,
            ExternalChange::Unreadable(e) => state.show_error(storage_message(&e)),
            ExternalChange::Ignored => {}
        }
    }
    if !buckets.is_empty() {
        super::replace_buckets(state, buckets);
    }
    if !practice.is_empty() {
        state.practice.update(|p| {
            for change in practice {
                match change {
                    ExternalChange::Trainees(trainees) => {
                        p.trainees = trainees;
                        p.active = p.still_listed(p.active);
                    }
                    ExternalChange::TraineeHead(trainee, head) => {
                        p.set_trainee_part(trainee, head.cards, head.archive)
                    }
                    ExternalChange::Reviews(logs) => p.absorb_reviews(logs),
                    ExternalChange::Drills(attempts) => p.absorb_drills(attempts),
                    _ => {}
                }
            }
        });
    }
    if reload {
        leptos::task::spawn_local(reload_all(*state));
    }
    // A User Timing mark per batch, so the state benchmark can count how often other
    // tabs' writes reach the views.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("kb-foreign-applied");
    }
}

/// Reads everything again, as on start, under the lock: an unfinished write of another
/// tab is never mistaken for a dead one.
pub async fn reload_all(state: AppState) {
    let stamp = clock::stamp();
    let opened = locked_mut(state, move |store| store.open(&stamp)).await;
    if let Some(problem) = opened.problems.first() {
        state.show_error(storage_message(problem));
    }
    let active = state.practice.with_untracked(|p| p.active);
    let mut dataset = opened.dataset;
    dataset.practice.active = dataset
        .practice
        .still_listed(active)
        .or(dataset.practice.active);
    state.quarantine.set(opened.quarantine);
    state.legacy_copy.set(opened.legacy_copy);
    state.set_dataset(dataset);
}

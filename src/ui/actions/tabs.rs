//! Values other tabs wrote, mirrored in this tab's memory.
//!
//! A restore in another tab arrives as some 260 `storage` events. They are queued and
//! applied together once per animation frame, so the board and the search index are
//! rebuilt once, not once per event.

use super::locked_mut;
use crate::domain::customer::record::Customer;
use crate::storage::engine::ExternalChange;
use crate::storage::tab_sync::{self, ForeignWrite};
use crate::ui::clock;
use crate::ui::i18n::storage_message;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// A hidden tab gets no animation frames; this timer lets it catch up all the same.
const HIDDEN_TAB_FALLBACK: Duration = Duration::from_millis(100);

/// Listens for other tabs' writes for as long as the page lives. An error means this
/// tab will not hear of them.
pub fn listen_to_other_tabs(state: AppState) -> Result<(), wasm_bindgen::JsValue> {
    let queue = state.foreign;
    tab_sync::listen(move |write| {
        let first = queue
            .try_update_value(|q| {
                q.push(write);
                q.len() == 1
            })
            .unwrap_or(false);
        if first {
            let flush = move || apply_pending(&state);
            // Whichever comes first applies the queue; the other finds it empty.
            request_animation_frame(flush);
            set_timeout(flush, HIDDEN_TAB_FALLBACK);
        }
    })
}

/// Applies the queued writes of other tabs now. This tab's own write calls it before
/// it mirrors its result: what is queued then was written before it, and must not land
/// over it a frame later.
pub(crate) fn apply_pending(state: &AppState) {
    let writes = state
        .foreign
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    if !writes.is_empty() {
        apply_foreign_writes(state, writes);
    }
}

/// Applies writes in the order they came, with one change per collection.
pub fn apply_foreign_writes(state: &AppState, writes: Vec<ForeignWrite>) {
    let mut buckets: Vec<(u64, Vec<Customer>)> = Vec::new();
    let mut practice = Vec::new();
    let mut reload = false;
    for write in writes {
        let change = state.store.with_value(|store| {
            store.external_change(write.key.as_deref(), write.value.as_deref())
        });
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

//! Values other tabs wrote, mirrored in this tab's memory.

use super::locked_mut;
use crate::storage::engine::ExternalChange;
use crate::storage::tab_sync::ForeignWrite;
use crate::ui::clock;
use crate::ui::i18n::storage_message;
use crate::ui::state::AppState;
use leptos::prelude::*;

pub fn apply_foreign_write(state: &AppState, write: ForeignWrite) {
    let change = state
        .store
        .with_value(|store| store.external_change(write.key.as_deref(), write.value.as_deref()));
    match change {
        ExternalChange::Bucket { bucket, customers } => {
            super::replace_bucket(state, bucket, customers)
        }
        ExternalChange::Playbook(lines) => state.data.update(|d| d.playbook = lines),
        ExternalChange::Trainees(trainees) => state.data.update(|d| {
            d.practice.trainees = trainees;
            d.practice.active = d.practice.still_listed(d.practice.active);
        }),
        ExternalChange::TraineeHead(trainee, head) => state.data.update(|d| {
            d.practice
                .set_trainee_part(trainee, head.cards, head.archive)
        }),
        ExternalChange::Reviews(logs) => state.data.update(|d| d.practice.absorb_reviews(logs)),
        ExternalChange::Drills(attempts) => {
            state.data.update(|d| d.practice.absorb_drills(attempts))
        }
        ExternalChange::LegacyCopy(kept) => state.legacy_copy.set(kept),
        ExternalChange::Settings(settings) => state.data.update(|d| d.settings = settings),
        ExternalChange::BackupStatus(status) => state.data.update(|d| d.backup = status),
        ExternalChange::ReloadAll | ExternalChange::QuarantineChanged => {
            let state = *state;
            leptos::task::spawn_local(reload_all(state));
        }
        ExternalChange::Unreadable(e) => state.show_error(storage_message(&e)),
        ExternalChange::Ignored => {}
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
    let active = state.data.with_untracked(|d| d.practice.active);
    let mut dataset = opened.dataset;
    dataset.practice.active = dataset
        .practice
        .still_listed(active)
        .or(dataset.practice.active);
    state.quarantine.set(opened.quarantine);
    state.legacy_copy.set(opened.legacy_copy);
    state.data.set(dataset);
}

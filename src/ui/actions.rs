//! What the user does, carried out in storage first and in memory only on success,
//! so the screen never shows a change that was not saved.

use super::clock;
use super::i18n::{save_message, storage_message, texts};
use super::state::{AppState, Notice};
use crate::domain::class::CustomerClass;
use crate::domain::class_change::{ChangeSource, ClassChange};
use crate::domain::contact::{Contact, PlannedContact};
use crate::domain::customer::{Actor, Customer, CustomerFields};
use crate::domain::dataset::Dataset;
use crate::domain::ids::{CustomerId, PlanId};
use crate::domain::playbook::PlaybookLine;
use crate::storage::engine::{ExternalChange, Store};
use crate::storage::error::{SaveError, StorageError};
use crate::storage::keys;
use crate::storage::local::LocalStore;
use crate::storage::tab_sync::ForeignWrite;
use leptos::prelude::*;

pub fn actor(state: &AppState) -> Actor {
    let name = state.data.with_untracked(|d| d.settings.user_name.clone());
    Actor {
        who: if name.is_empty() {
            texts().me.to_string()
        } else {
            name
        },
        at: clock::now(),
    }
}

/// Runs one customer change through storage, then mirrors the fresh bucket in memory.
/// Without local storage the change applies to this session only, as the banner says.
fn change_customer(
    state: &AppState,
    id: CustomerId,
    change: impl FnOnce(Option<&Customer>) -> Result<Option<Customer>, SaveError>,
) -> Result<Option<Customer>, SaveError> {
    if state.store.with_value(Option::is_none) {
        let current = state.data.with_untracked(|d| d.customers.get(&id).cloned());
        let next = change(current.as_ref())?;
        state.data.update(|d| match &next {
            Some(customer) => {
                d.customers.insert(id, customer.clone());
            }
            None => {
                d.customers.remove(&id);
            }
        });
        return Ok(next);
    }
    let write = state
        .store
        .with_value(|store| store.as_ref().map(|s| s.update_customer(id, change)));
    match write {
        Some(Ok(write)) => {
            let saved = write.customers.iter().find(|c| c.id == id).cloned();
            replace_bucket(state, write.bucket, write.customers);
            count_change(state);
            state.error.set(None);
            Ok(saved)
        }
        Some(Err(e)) => {
            if !matches!(e, SaveError::Conflict(_)) {
                state.show_error(save_message(&e));
            }
            Err(e)
        }
        None => Err(SaveError::Storage(StorageError::Unavailable)),
    }
}

fn replace_bucket(state: &AppState, bucket: u64, customers: Vec<Customer>) {
    state.data.update(|d| {
        d.customers.retain(|id, _| keys::bucket_of(*id) != bucket);
        d.customers.extend(customers.into_iter().map(|c| (c.id, c)));
    });
}

fn count_change(state: &AppState) {
    let counted = state
        .store
        .with_value(|store| store.as_ref().map(|s| s.count_change()));
    if let Some(Ok(status)) = counted {
        state.data.update(|d| d.backup = status);
    }
}

pub fn create_customer(state: &AppState, fields: CustomerFields) -> Result<CustomerId, SaveError> {
    let id = loop {
        let candidate = CustomerId(clock::random_id());
        if state
            .data
            .with_untracked(|d| !d.customers.contains_key(&candidate))
        {
            break candidate;
        }
    };
    let customer = Customer::new(id, fields, clock::today());
    change_customer(state, id, move |_| Ok(Some(customer)))?;
    Ok(id)
}

pub fn save_edit(
    state: &AppState,
    id: CustomerId,
    base_rev: u32,
    fields: CustomerFields,
    class_reason: &str,
) -> Result<Option<Customer>, SaveError> {
    let actor = actor(state);
    change_customer(state, id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.apply_edit(
            base_rev,
            fields,
            class_reason,
            &actor,
        )?))
    })
}

/// The user saw the conflict and chose their own version.
pub fn overwrite_edit(
    state: &AppState,
    id: CustomerId,
    fields: CustomerFields,
    class_reason: &str,
) -> Result<Option<Customer>, SaveError> {
    let actor = actor(state);
    change_customer(state, id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.overwrite_fields(fields, class_reason, &actor)))
    })
}

pub fn log_contact(
    state: &AppState,
    id: CustomerId,
    contact: Contact,
) -> Result<Option<Customer>, SaveError> {
    change_customer(state, id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.with_contact(contact)))
    })
}

pub fn delete_customer(state: &AppState, id: CustomerId) -> Result<(), SaveError> {
    let mut removed = None;
    change_customer(state, id, |stored| {
        removed = stored.cloned();
        Ok(None)
    })?;
    if let Some(customer) = removed {
        state.notice.set(Some(Notice {
            text: (texts().deleted)(&customer.fields.name),
            undo: Some(Box::new(customer)),
        }));
    }
    Ok(())
}

pub fn undo_delete(state: &AppState, customer: Customer) {
    let id = customer.id;
    if change_customer(state, id, move |_| Ok(Some(customer))).is_ok() {
        state.show_notice(texts().restored);
    }
}

/// Writes through the store (without one, the change lives in memory for the session),
/// and shows the banner when the write fails.
fn write_through(
    state: &AppState,
    write: impl FnOnce(&Store<LocalStore>) -> Result<usize, StorageError>,
) -> Result<(), StorageError> {
    let result = state.store.with_value(|store| match store {
        Some(store) => write(store).map(|_| ()),
        None => Ok(()),
    });
    if let Err(e) = &result {
        state.show_error(storage_message(e));
    }
    result
}

/// Replaces everything: demo data or a restored backup. All or nothing.
pub fn replace_all(state: &AppState, dataset: Dataset) -> Result<(), StorageError> {
    write_through(state, |store| store.replace_all(&dataset))?;
    state.data.set(dataset);
    state.error.set(None);
    Ok(())
}

pub fn save_settings(
    state: &AppState,
    settings: crate::domain::settings::Settings,
) -> Result<(), StorageError> {
    let settings = settings.sanitized();
    write_through(state, |store| store.save_settings(&settings))?;
    state.data.update(|d| d.settings = settings);
    Ok(())
}

/// Marks the moment a backup file was produced, for the reminder.
pub fn record_backup(state: &AppState) {
    let status = crate::domain::dataset::BackupStatus {
        last_backup: Some(clock::today()),
        changes_since: 0,
    };
    let saved = state
        .store
        .with_value(|store| store.as_ref().map(|s| s.save_backup_status(&status)));
    if let Some(Err(e)) = saved {
        state.show_error(storage_message(&e));
    }
    state.data.update(|d| d.backup = status);
}

/// Mirrors a value another tab wrote.
pub fn apply_foreign_write(state: &AppState, write: ForeignWrite) {
    let change = state.store.with_value(|store| {
        store
            .as_ref()
            .map(|s| s.external_change(write.key.as_deref(), write.value.as_deref()))
    });
    match change {
        Some(ExternalChange::Bucket { bucket, customers }) => {
            replace_bucket(state, bucket, customers)
        }
        Some(ExternalChange::Playbook(lines)) => state.data.update(|d| d.playbook = lines),
        Some(ExternalChange::Practice(practice)) => state.data.update(|d| d.practice = practice),
        Some(ExternalChange::Settings(settings)) => state.data.update(|d| d.settings = settings),
        Some(ExternalChange::BackupStatus(status)) => state.data.update(|d| d.backup = status),
        Some(ExternalChange::ReloadAll) => reload_all(state),
        Some(ExternalChange::QuarantineChanged) => reload_all(state),
        Some(ExternalChange::Unreadable(e)) => state.show_error(storage_message(&e)),
        Some(ExternalChange::Ignored) | None => {}
    }
}

/// Reads everything again, as on start.
pub fn reload_all(state: &AppState) {
    let opened = state
        .store
        .try_update_value(|store| store.as_mut().map(|s| s.open(&clock::stamp())))
        .flatten();
    if let Some(opened) = opened {
        if let Some(problem) = opened.problems.first() {
            state.show_error(storage_message(problem));
        }
        state.quarantine.set(opened.quarantine);
        state.data.set(opened.dataset);
    }
}

/// A move the user may still give a reason for or take back.
#[derive(Debug, Clone, PartialEq)]
pub struct LastMove {
    pub id: CustomerId,
    pub name: String,
    pub change: ClassChange,
}

/// Moves a customer to another class from the board; returns the recorded move.
pub fn move_customer(state: &AppState, id: CustomerId, to: CustomerClass) -> Option<LastMove> {
    let actor = actor(state);
    let saved = change_customer(state, id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.move_to(to, "", ChangeSource::Manual, &actor)))
    })
    .ok()
    .flatten()?;
    let change = saved
        .class_changes
        .last()
        .filter(|c| c.to == to && c.at == actor.at)?
        .clone();
    Some(LastMove {
        id,
        name: saved.fields.name,
        change,
    })
}

pub fn set_move_reason(state: &AppState, last: &LastMove, reason: &str) -> bool {
    change_customer(state, last.id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.with_change_reason(&last.change, reason)))
    })
    .is_ok()
}

pub fn undo_move(state: &AppState, last: &LastMove) -> bool {
    change_customer(state, last.id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(
            stored
                .undo_move(&last.change)
                .unwrap_or_else(|| stored.clone()),
        ))
    })
    .is_ok()
}

/// Applies accepted ABC proposals, each bucket written once, all or nothing.
pub fn accept_abc(
    state: &AppState,
    accepted: &[(CustomerId, CustomerClass)],
) -> Result<usize, StorageError> {
    let actor = actor(state);
    let targets: std::collections::HashMap<CustomerId, CustomerClass> =
        accepted.iter().copied().collect();
    let reason = texts().abc_reason;
    let change = |c: &Customer| match targets.get(&c.id) {
        Some(to) => c.move_to(*to, reason, ChangeSource::AbcAnalysis, &actor),
        None => c.clone(),
    };
    let ids: Vec<CustomerId> = targets.keys().copied().collect();
    let has_store = state.store.with_value(Option::is_some);
    if !has_store {
        state.data.update(|d| {
            for id in &ids {
                if let Some(next) = d.customers.get(id).map(change) {
                    d.customers.insert(*id, next);
                }
            }
        });
        return Ok(ids.len());
    }
    let result = state
        .store
        .with_value(|store| store.as_ref().map(|s| s.update_customers(&ids, change)));
    match result {
        Some(Ok(writes)) => {
            for write in writes {
                replace_bucket(state, write.bucket, write.customers);
            }
            count_change(state);
            Ok(ids.len())
        }
        Some(Err(e)) => {
            state.show_error(storage_message(&e));
            Err(e)
        }
        None => Err(StorageError::Unavailable),
    }
}

pub fn plan_contact(state: &AppState, id: CustomerId, plan: PlannedContact) -> bool {
    change_customer(state, id, |stored| {
        let mut next = stored.cloned().ok_or(SaveError::Missing)?;
        next.plans.push(plan);
        next.plans.sort_unstable_by_key(|p| p.due);
        Ok(Some(next))
    })
    .is_ok()
}

/// Logs a planned contact as done and takes it off the agenda, in one write.
pub fn complete_plan(state: &AppState, id: CustomerId, plan: PlanId, contact: Contact) -> bool {
    change_customer(state, id, |stored| {
        let mut next = stored.ok_or(SaveError::Missing)?.with_contact(contact);
        next.plans.retain(|p| p.id != plan);
        Ok(Some(next))
    })
    .is_ok()
}

pub fn confirm_downgrade(state: &AppState, id: CustomerId, reason: &str) -> bool {
    let actor = actor(state);
    change_customer(state, id, |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.move_to(
            CustomerClass::C,
            reason,
            ChangeSource::DowngradeSuggestion,
            &actor,
        )))
    })
    .is_ok()
}

pub fn dismiss_downgrade(state: &AppState, id: CustomerId) -> bool {
    let at = clock::now();
    change_customer(state, id, |stored| {
        let mut next = stored.cloned().ok_or(SaveError::Missing)?;
        next.downgrade_dismissed = Some(at);
        Ok(Some(next))
    })
    .is_ok()
}

/// Stores the whole playbook; it is small, and other tabs pick it up as one value.
pub fn save_playbook(state: &AppState, lines: Vec<PlaybookLine>) -> bool {
    if write_through(state, |store| store.save_playbook(&lines)).is_err() {
        return false;
    }
    state.data.update(|d| d.playbook = lines);
    count_change(state);
    true
}

/// Stores all practice progress as one value. Practice is not customer data, so it does
/// not count towards the backup reminder.
pub fn save_practice(state: &AppState, practice: crate::domain::practice::PracticeState) -> bool {
    let mut merged = None;
    let saved = write_through(state, |store| {
        store.save_practice_merged(&practice).map(|stored| {
            merged = Some(stored);
            0
        })
    });
    if saved.is_err() {
        return false;
    }
    state
        .data
        .update(|d| d.practice = merged.unwrap_or(practice));
    true
}

/// Changes the practice state through `change` and stores it.
pub fn change_practice(
    state: &AppState,
    change: impl FnOnce(&mut crate::domain::practice::PracticeState),
) -> bool {
    let mut practice = state.data.with_untracked(|d| d.practice.clone());
    change(&mut practice);
    save_practice(state, practice)
}

/// Stores an import's new and changed customers in one all-or-nothing write.
pub fn import_customers(state: &AppState, customers: Vec<Customer>) -> Result<(), StorageError> {
    write_through(state, |store| {
        store
            .put_customers(&customers)
            .map(|writes| writes.iter().map(|w| w.units_written).sum())
    })?;
    state.data.update(|d| {
        for customer in customers {
            let id = customer.id;
            match d.customers.get_mut(&id) {
                Some(stored) => {
                    let kept: Vec<_> = stored
                        .contacts
                        .iter()
                        .filter(|c| !customer.contacts.iter().any(|n| n.id == c.id))
                        .cloned()
                        .collect();
                    *stored = customer;
                    stored.contacts.extend(kept);
                }
                None => {
                    d.customers.insert(id, customer);
                }
            }
        }
    });
    count_change(state);
    Ok(())
}

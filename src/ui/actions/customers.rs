//! Creating, editing, deleting customers and logging contacts.

use super::{actor, change_customer, change_customer_from_form};
use crate::domain::customer::contact::Contact;
use crate::domain::customer::record::{Customer, CustomerFields};
use crate::domain::ids::CustomerId;
use crate::storage::error::SaveError;
use crate::ui::clock;
use crate::ui::i18n::texts;
use crate::ui::state::{AppState, Notice, Undo};
use leptos::prelude::*;

pub async fn create_customer(
    state: AppState,
    fields: CustomerFields,
) -> Result<CustomerId, SaveError> {
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
    change_customer_from_form(state, id, move |_| Ok(Some(customer))).await?;
    Ok(id)
}

pub async fn save_edit(
    state: AppState,
    id: CustomerId,
    base_rev: u32,
    fields: CustomerFields,
    class_reason: String,
) -> Result<Option<Customer>, SaveError> {
    let actor = actor(&state);
    change_customer_from_form(state, id, move |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.apply_edit(
            base_rev,
            fields,
            &class_reason,
            &actor,
        )?))
    })
    .await
}

/// The user saw the conflict and chose their own version.
pub async fn overwrite_edit(
    state: AppState,
    id: CustomerId,
    fields: CustomerFields,
    class_reason: String,
) -> Result<Option<Customer>, SaveError> {
    let actor = actor(&state);
    change_customer_from_form(state, id, move |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.overwrite_fields(fields, &class_reason, &actor)))
    })
    .await
}

pub async fn log_contact(
    state: AppState,
    id: CustomerId,
    contact: Contact,
) -> Result<Option<Customer>, SaveError> {
    change_customer(state, id, move |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.with_contact(contact)))
    })
    .await
}

pub async fn delete_customer(state: AppState, id: CustomerId) -> Result<(), SaveError> {
    let removed = std::rc::Rc::new(std::cell::RefCell::new(None));
    let keep = removed.clone();
    change_customer(state, id, move |stored| {
        *keep.borrow_mut() = stored.cloned();
        Ok(None)
    })
    .await?;
    let removed = removed.borrow_mut().take();
    if let Some(customer) = removed {
        state.notice.set(Some(Notice {
            text: (texts().deleted)(&customer.fields.name),
            undo: Some(Undo::Delete(Box::new(customer))),
            alert: false,
        }));
    }
    Ok(())
}

pub async fn undo_delete(state: AppState, customer: Customer) {
    let id = customer.id;
    if change_customer(state, id, move |_| Ok(Some(customer)))
        .await
        .is_ok()
    {
        state.show_notice(texts().restored);
    }
}

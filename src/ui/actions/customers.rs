//! Creating, editing, deleting customers and logging contacts.

use super::{actor, change_customer, change_customer_from_form, change_stored, ActionError};
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
) -> Result<CustomerId, ActionError> {
    let id = loop {
        let candidate = CustomerId(clock::random_id());
        if state
            .customers
            .with_untracked(|all| !all.contains_key(&candidate))
        {
            break candidate;
        }
    };
    let customer = Customer::new(id, fields, clock::today());
    change_customer_from_form(state, id, move |_| Ok(Some(customer))).await?;
    Ok(id)
}

/// What an edit from the form is saved over.
pub enum EditBase {
    /// The revision the form was opened on: a newer stored one is a conflict.
    Revision(u32),
    /// Whatever is stored now: the user saw the conflict and chose their own version.
    Overwrite,
}

/// An edit of the stored customer by this user now, saved from a form.
pub async fn save_edit(
    state: AppState,
    id: CustomerId,
    base: EditBase,
    fields: CustomerFields,
    class_reason: String,
) -> Result<Option<Customer>, ActionError> {
    let actor = actor(&state);
    change_customer_from_form(state, id, move |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        let saved = match base {
            EditBase::Revision(rev) => stored.apply_edit(rev, fields, &class_reason, &actor)?,
            EditBase::Overwrite => stored.overwrite_fields(fields, &class_reason, &actor),
        };
        Ok(Some(saved))
    })
    .await
}

pub async fn log_contact(
    state: AppState,
    id: CustomerId,
    contact: Contact,
) -> Result<Option<Customer>, ActionError> {
    change_stored(state, id, move |stored| Ok(stored.with_contact(contact))).await
}

pub async fn delete_customer(state: AppState, id: CustomerId) -> Result<(), ActionError> {
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

pub async fn undo_delete(state: AppState, customer: Customer) -> Result<(), ActionError> {
    let id = customer.id;
    change_customer(state, id, move |_| Ok(Some(customer))).await?;
    state.show_notice(texts().restored);
    Ok(())
}

//! Class moves on the board and accepted ABC proposals.

use super::{actor, change_stored, write_buckets, ActionError};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::storage::error::SaveError;
use crate::ui::i18n::texts;
use crate::ui::state::AppState;

/// A move the user may still give a reason for or take back.
#[derive(Debug, Clone, PartialEq)]
pub struct LastMove {
    pub id: CustomerId,
    pub name: String,
    pub change: ClassChange,
}

/// Moves a customer to another class from the board; returns the recorded move, or
/// `None` when nothing moved (the customer was in that class already).
pub async fn move_customer(
    state: AppState,
    id: CustomerId,
    to: CustomerClass,
) -> Result<Option<LastMove>, ActionError> {
    let actor = actor(&state);
    let at = actor.at;
    let saved = change_stored(state, id, move |stored| {
        Ok(stored.move_to(to, "", ChangeSource::Manual, &actor))
    })
    .await?;
    Ok(saved.and_then(|saved| {
        let change = saved
            .class_changes
            .last()
            .filter(|c| c.to == to && c.at == at)?
            .clone();
        Some(LastMove {
            id,
            name: saved.fields.name,
            change,
        })
    }))
}

pub async fn set_move_reason(
    state: AppState,
    last: LastMove,
    reason: String,
) -> Result<(), ActionError> {
    change_stored(state, last.id, move |stored| {
        Ok(stored.with_change_reason(&last.change, &reason))
    })
    .await?;
    Ok(())
}

/// Takes a move back; a move a later change builds on is refused, and the user is told.
pub async fn undo_move(state: AppState, last: LastMove) -> Result<(), ActionError> {
    change_stored(state, last.id, move |stored| {
        stored.undo_move(&last.change).ok_or(SaveError::UndoRefused)
    })
    .await?;
    Ok(())
}

/// Applies accepted ABC proposals, each bucket written once, all or nothing.
pub async fn accept_abc(
    state: AppState,
    accepted: Vec<(CustomerId, CustomerClass)>,
) -> Result<usize, ActionError> {
    let actor = actor(&state);
    let targets: std::collections::HashMap<CustomerId, CustomerClass> =
        accepted.iter().copied().collect();
    let reason = texts().abc_reason;
    let ids: Vec<CustomerId> = targets.keys().copied().collect();
    let count = ids.len();
    let change = move |c: &Customer| match targets.get(&c.id) {
        Some(to) => c.move_to(*to, reason, ChangeSource::AbcAnalysis, &actor),
        None => c.clone(),
    };
    write_buckets(state, move |store| store.update_customers(&ids, change)).await?;
    Ok(count)
}

//! Planned contacts and downgrade suggestions.

use super::{actor, change_customer};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::ChangeSource;
use crate::domain::customer::contact::{Contact, PlannedContact};
use crate::domain::ids::{CustomerId, PlanId};
use crate::storage::error::SaveError;
use crate::ui::clock;
use crate::ui::state::AppState;

pub async fn plan_contact(state: AppState, id: CustomerId, plan: PlannedContact) -> bool {
    change_customer(state, id, move |stored| {
        Ok(Some(stored.ok_or(SaveError::Missing)?.with_plan(plan)))
    })
    .await
    .is_ok()
}

/// Logs a planned contact as done and takes it off the agenda, in one write.
pub async fn complete_plan(
    state: AppState,
    id: CustomerId,
    plan: PlanId,
    contact: Contact,
) -> bool {
    change_customer(state, id, move |stored| {
        Ok(Some(
            stored
                .ok_or(SaveError::Missing)?
                .complete_plan(plan, contact),
        ))
    })
    .await
    .is_ok()
}

pub async fn confirm_downgrade(state: AppState, id: CustomerId, reason: String) -> bool {
    let actor = actor(&state);
    change_customer(state, id, move |stored| {
        let stored = stored.ok_or(SaveError::Missing)?;
        Ok(Some(stored.move_to(
            CustomerClass::C,
            &reason,
            ChangeSource::DowngradeSuggestion,
            &actor,
        )))
    })
    .await
    .is_ok()
}

pub async fn dismiss_downgrade(state: AppState, id: CustomerId) -> bool {
    let at = clock::now();
    change_customer(state, id, move |stored| {
        Ok(Some(
            stored.ok_or(SaveError::Missing)?.dismiss_downgrade(at),
        ))
    })
    .await
    .is_ok()
}

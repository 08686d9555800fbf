//! Planned contacts and downgrade suggestions.

use super::{actor, change_stored, ActionError};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::ChangeSource;
use crate::domain::customer::contact::{Contact, PlannedContact};
use crate::domain::ids::{CustomerId, PlanId};
use crate::ui::clock;
use crate::ui::state::AppState;

pub async fn plan_contact(
    state: AppState,
    id: CustomerId,
    plan: PlannedContact,
) -> Result<(), ActionError> {
    change_stored(state, id, move |stored| Ok(stored.with_plan(plan))).await?;
    Ok(())
}

/// Logs a planned contact as done and takes it off the agenda, in one write.
pub async fn complete_plan(
    state: AppState,
    id: CustomerId,
    plan: PlanId,
    contact: Contact,
) -> Result<(), ActionError> {
    change_stored(state, id, move |stored| {
        Ok(stored.complete_plan(plan, contact))
    })
    .await?;
    Ok(())
}

pub async fn confirm_downgrade(
    state: AppState,
    id: CustomerId,
    reason: String,
) -> Result<(), ActionError> {
    let actor = actor(&state);
    change_stored(state, id, move |stored| {
        Ok(stored.move_to(
            CustomerClass::C,
            &reason,
            ChangeSource::DowngradeSuggestion,
            &actor,
        ))
    })
    .await?;
    Ok(())
}

pub async fn dismiss_downgrade(state: AppState, id: CustomerId) -> Result<(), ActionError> {
    let at = clock::now();
    change_stored(state, id, move |stored| Ok(stored.dismiss_downgrade(at))).await?;
    Ok(())
}

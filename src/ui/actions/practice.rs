//! Trainees and their practice. Each rating writes that trainee's part only; the
//! active trainee belongs to the tab.

use super::{stored, ActionError};
use crate::domain::ids::TraineeId;
use crate::domain::practice::parts::changes_between;
use crate::domain::practice::state::{PracticeState, Trainee};
use crate::storage::tab_session;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Adds a trainee, unique by name among those stored now, and makes them this tab's.
/// A refused name comes back as [`ActionError::Trainee`] for the form to show.
pub async fn add_trainee(state: AppState, trainee: Trainee) -> Result<(), ActionError> {
    let id = trainee.id;
    let trainees = stored(state, move |store| store.add_trainee(trainee)).await??;
    state.practice.update(|p| p.trainees = trainees);
    // The trainee is stored; a failure to remember the choice was shown already.
    let _ = choose_trainee(state, Some(id)).await;
    Ok(())
}

/// Makes `trainee` this tab's trainee; other tabs keep theirs. The choice is also
/// remembered for the next start.
pub async fn choose_trainee(
    state: AppState,
    trainee: Option<TraineeId>,
) -> Result<(), ActionError> {
    tab_session::set_active_trainee(trainee);
    state.practice.update(|p| p.active = trainee);
    stored(state, move |store| store.remember_trainee(trainee)).await
}

/// Records what `change` does to one trainee's practice (a rating, a drill round): the
/// change runs on that trainee's cards alone, and only what it adds is stored.
pub async fn record_practice(
    state: AppState,
    trainee: TraineeId,
    change: impl FnOnce(&mut PracticeState) + 'static,
) -> Result<(), ActionError> {
    record_boxed(state, trainee, Box::new(change)).await
}

async fn record_boxed(
    state: AppState,
    trainee: TraineeId,
    change: Box<dyn FnOnce(&mut PracticeState)>,
) -> Result<(), ActionError> {
    let before = state.practice.with_untracked(|p| p.working_copy(trainee));
    let mut after = before.clone();
    change(&mut after);
    let Some(changes) = changes_between(&before, &after)
        .by_trainee
        .remove(&trainee)
        .filter(|c| !c.is_empty())
    else {
        return Ok(());
    };
    let write = stored(state, move |store| store.record_practice(trainee, &changes)).await?;
    state.practice.update(|practice| {
        practice.reviews.extend(write.reviews);
        practice.drills.extend(write.drills);
        practice.set_trainee_part(trainee, write.head.cards, write.head.archive);
    });
    // A User Timing mark, so the practice benchmark can time a rating until stored.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("kb-rating-stored");
    }
    Ok(())
}

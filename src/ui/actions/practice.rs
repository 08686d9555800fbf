//! Trainees and their practice. Each rating writes that trainee's part only; the
//! active trainee belongs to the tab.

use super::{locked, report_storage};
use crate::domain::ids::TraineeId;
use crate::domain::practice::parts::changes_between;
use crate::domain::practice::state::{PracticeState, Trainee, TraineeError};
use crate::storage::tab_session;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Adds a trainee, unique by name among those stored now, and makes them this tab's.
/// `Err(None)`: storage failed, and the user was told.
pub async fn add_trainee(state: AppState, trainee: Trainee) -> Result<(), Option<TraineeError>> {
    let id = trainee.id;
    match locked(state, move |store| store.add_trainee(trainee)).await {
        Ok(Ok(trainees)) => {
            state.practice.update(|p| p.trainees = trainees);
            choose_trainee(state, Some(id)).await;
            Ok(())
        }
        Ok(Err(e)) => Err(Some(e)),
        Err(e) => {
            report_storage(&state, &e);
            Err(None)
        }
    }
}

/// Makes `trainee` this tab's trainee; other tabs keep theirs. The choice is also
/// remembered for the next start.
pub async fn choose_trainee(state: AppState, trainee: Option<TraineeId>) {
    tab_session::set_active_trainee(trainee);
    state.practice.update(|p| p.active = trainee);
    if let Err(e) = locked(state, move |store| store.remember_trainee(trainee)).await {
        report_storage(&state, &e);
    }
}

/// Records what `change` does to one trainee's practice (a rating, a drill round): the
/// change runs on that trainee's cards alone, and only what it adds is stored.
pub async fn record_practice(
    state: AppState,
    trainee: TraineeId,
    change: impl FnOnce(&mut PracticeState) + 'static,
) -> bool {
    record_boxed(state, trainee, Box::new(change)).await
}

async fn record_boxed(
    state: AppState,
    trainee: TraineeId,
    change: Box<dyn FnOnce(&mut PracticeState)>,
) -> bool {
    let before = state.practice.with_untracked(|p| p.working_copy(trainee));
    let mut after = before.clone();
    change(&mut after);
    let Some(changes) = changes_between(&before, &after)
        .by_trainee
        .remove(&trainee)
        .filter(|c| !c.is_empty())
    else {
        return true;
    };
    match locked(state, move |store| store.record_practice(trainee, &changes)).await {
        Ok(write) => {
            state.practice.update(|practice| {
                practice.reviews.extend(write.reviews);
                practice.drills.extend(write.drills);
                practice.set_trainee_part(trainee, write.head.cards, write.head.archive);
            });
            // A User Timing mark, so the practice benchmark can time a rating until stored.
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("kb-rating-stored");
            }
            true
        }
        Err(e) => {
            report_storage(&state, &e);
            false
        }
    }
}

//! What belongs to one tab: the trainee practising in it, kept in `sessionStorage` so a
//! reload keeps it and other tabs keep theirs.

use crate::domain::ids::TraineeId;

const ACTIVE_TRAINEE: &str = "kb-active-trainee";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn active_trainee() -> Option<TraineeId> {
    session()?
        .get_item(ACTIVE_TRAINEE)
        .ok()
        .flatten()?
        .parse()
        .ok()
}

/// Best effort: without session storage the choice lasts until the tab reloads.
pub fn set_active_trainee(trainee: Option<TraineeId>) {
    let Some(session) = session() else {
        return;
    };
    let _best_effort = match trainee {
        Some(id) => session.set_item(ACTIVE_TRAINEE, &id.to_string()),
        None => session.remove_item(ACTIVE_TRAINEE),
    };
}

//! What belongs to one tab: the trainee practising in it, kept in `sessionStorage` so a
//! reload keeps it and other tabs keep theirs.

use crate::domain::ids::TraineeId;

const ACTIVE_TRAINEE: &str = "kb-active-trainee";
/// Written by `pwa/recovery.js` when it set aside the value the last start died on.
const SET_ASIDE: &str = "kb-set-aside";

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

/// The key the recovery script set aside before this start, once.
pub fn take_set_aside_key() -> Option<String> {
    let session = session()?;
    let key = session.get_item(SET_ASIDE).ok().flatten()?;
    let _read_once = session.remove_item(SET_ASIDE);
    Some(key)
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

//! The team's opening lines.

use super::{count_change, stored, ActionError};
use crate::domain::playbook::lines::PlaybookLine;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Changes the playbook as stored now (another tab's edit included) and stores it
/// whole: it is small, and other tabs pick it up as one value.
pub async fn change_playbook(
    state: AppState,
    change: impl FnOnce(&mut Vec<PlaybookLine>) + 'static,
) -> Result<(), ActionError> {
    change_playbook_boxed(state, Box::new(change)).await
}

type PlaybookChange = Box<dyn FnOnce(&mut Vec<PlaybookLine>)>;

async fn change_playbook_boxed(state: AppState, change: PlaybookChange) -> Result<(), ActionError> {
    let lines = stored(state, move |store| {
        let mut lines = store.read_playbook()?;
        change(&mut lines);
        store.save_playbook(&lines).map(|_| lines)
    })
    .await?;
    state.playbook.set(lines);
    count_change(state).await;
    Ok(())
}

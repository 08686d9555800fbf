//! Merging two records of one customer, taking a merge back, and "Keine Dublette".
//!
//! Each is one linked write (`storage::linked_write`): both records are read as stored
//! now under the lock and their buckets are written all or nothing.

use super::{actor, count_change, locked, replace_buckets, ActionError};
use crate::domain::customer::duplicates::dismiss_pair;
use crate::domain::customer::merge::{merge_customers, MergeChoices};
use crate::domain::customer::record::{Customer, EditConflict};
use crate::domain::ids::CustomerId;
use crate::storage::engine::BucketWrite;
use crate::storage::error::SaveError;
use crate::storage::linked_write::Outcome;
use crate::ui::i18n::texts;
use crate::ui::state::{AppState, MergeUndo, Notice, Undo};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One record as the user saw it when they chose: its id and revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub id: CustomerId,
    pub rev: u32,
}

type Stored = BTreeMap<CustomerId, Customer>;

/// The record as stored now, refused when it is gone or another tab saved it since.
fn as_seen(stored: &Stored, seen: Seen) -> Result<&Customer, SaveError> {
    let customer = stored.get(&seen.id).ok_or(SaveError::Missing)?;
    if customer.rev != seen.rev {
        return Err(EditConflict {
            base_rev: seen.rev,
            stored: Box::new(customer.clone()),
        }
        .into());
    }
    Ok(customer)
}

/// A refusal in the words of what was asked: the form's conflict question and the move's
/// undo text do not fit a merge.
fn linked_message(error: &SaveError) -> String {
    match error {
        SaveError::Conflict(c) => (texts().merge.conflict)(&c.stored.fields.name),
        SaveError::UndoRefused => texts().merge.undo_refused.to_string(),
        other => ActionError::from(other.clone()).message(),
    }
}

/// Runs a linked write under the lock and mirrors every fresh bucket in memory; a
/// failure goes to the banner and a toast, in a merge's own words.
async fn write_linked<T: 'static>(
    state: AppState,
    ids: Vec<CustomerId>,
    change: impl FnOnce(&Stored) -> Result<(Outcome, T), SaveError> + 'static,
) -> Result<T, ActionError> {
    let result: Result<(Vec<BucketWrite>, T), SaveError> =
        locked(state, move |store| store.change_linked(&ids, change)).await;
    match result {
        Ok((writes, handed_back)) => {
            replace_buckets(&state, writes.into_iter().map(|w| (w.bucket, w.customers)));
            count_change(state).await;
            state.error.set(None);
            Ok(handed_back)
        }
        Err(e) => {
            let message = linked_message(&e);
            state.show_alert(message.clone());
            state.show_error(message);
            Err(e.into())
        }
    }
}

/// `other` merged into `kept` with the user's choices, in one write; the notice offers
/// to take it back.
pub async fn merge_pair(
    state: AppState,
    kept: Seen,
    other: Seen,
    choices: MergeChoices,
) -> Result<(), ActionError> {
    let actor = actor(&state);
    let before = write_linked(state, vec![kept.id, other.id], move |stored| {
        let kept = as_seen(stored, kept)?;
        let other = as_seen(stored, other)?;
        let merged = merge_customers(kept, other, &choices, &actor);
        let before = MergeUndo {
            kept: kept.clone(),
            other: other.clone(),
            merged_rev: merged.rev,
        };
        Ok((vec![(kept.id, Some(merged)), (other.id, None)], before))
    })
    .await?;
    state.notice.set(Some(Notice {
        text: (texts().merge.done)(&before.other.fields.name),
        undo: Some(Undo::Merge(Box::new(before))),
        alert: false,
    }));
    Ok(())
}

/// Puts both records back as they were before the merge. Refused when the merged
/// record was changed since: taking the merge back would drop that change.
pub async fn undo_merge(state: AppState, before: MergeUndo) -> Result<(), ActionError> {
    let ids = vec![before.kept.id, before.other.id];
    write_linked(state, ids, move |stored| {
        let merged = stored.get(&before.kept.id).ok_or(SaveError::Missing)?;
        if merged.rev != before.merged_rev || merged.merges.len() <= before.kept.merges.len() {
            return Err(SaveError::UndoRefused);
        }
        Ok((
            vec![
                (before.kept.id, Some(before.kept)),
                (before.other.id, Some(before.other)),
            ],
            (),
        ))
    })
    .await?;
    state.show_notice(texts().merge.undone);
    Ok(())
}

/// "Keine Dublette": both records remember the other, so the pair is not offered again.
pub async fn dismiss_duplicate(
    state: AppState,
    a: CustomerId,
    b: CustomerId,
) -> Result<(), ActionError> {
    write_linked(state, vec![a, b], move |stored| {
        let first = stored.get(&a).ok_or(SaveError::Missing)?;
        let second = stored.get(&b).ok_or(SaveError::Missing)?;
        let (first, second) = dismiss_pair(first, second);
        Ok((vec![(a, Some(first)), (b, Some(second))], ()))
    })
    .await?;
    state.show_notice(texts().duplicate_dismissed);
    Ok(())
}

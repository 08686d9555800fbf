//! The one failure type every action returns, and the one way it reaches the user.

use crate::domain::customer::record::EditConflict;
use crate::domain::practice::state::TraineeError;
use crate::storage::error::{SaveError, StorageError};
use crate::ui::i18n::{storage_message, texts};
use crate::ui::state::AppState;

/// Why an action did not happen. Storage failures, a newer version from another tab,
/// a customer deleted elsewhere, a move that can no longer be undone, a trainee refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionError {
    Storage(StorageError),
    /// Another tab saved this customer after the form was opened; the form shows both.
    Conflict(Box<EditConflict>),
    /// The customer was deleted in another tab.
    Missing,
    /// A class move can no longer be taken back: a later change builds on it.
    UndoRefused,
    /// The new trainee's name is empty or taken; the form says which.
    Trainee(TraineeError),
}

impl From<StorageError> for ActionError {
    fn from(error: StorageError) -> Self {
        Self::Storage(error)
    }
}

impl From<SaveError> for ActionError {
    fn from(error: SaveError) -> Self {
        match error {
            SaveError::Storage(e) => Self::Storage(e),
            SaveError::Conflict(c) => Self::Conflict(c),
            SaveError::Missing => Self::Missing,
            SaveError::UndoRefused => Self::UndoRefused,
        }
    }
}

impl From<TraineeError> for ActionError {
    fn from(error: TraineeError) -> Self {
        Self::Trainee(error)
    }
}

impl ActionError {
    /// The failure in the words of the catalog in force.
    pub fn message(&self) -> String {
        let t = texts();
        match self {
            Self::Storage(e) => storage_message(e),
            Self::Conflict(c) => (t.conflict_text)(&c.stored.fields.name),
            Self::Missing => t.err.missing.into(),
            Self::UndoRefused => t.err.undo_refused.into(),
            Self::Trainee(TraineeError::EmptyName) => t.trainee_name_missing.into(),
            Self::Trainee(TraineeError::NameTaken) => t.trainee_name_taken.into(),
        }
    }

    /// Failures the form that caused them lays out itself (both versions of a
    /// conflict, a refused name beside its field), so nothing else shows them.
    fn shown_by_form(&self) -> bool {
        matches!(self, Self::Conflict(_) | Self::Trainee(_))
    }
}

/// Where a failure shows besides the banner: as a toast, or in the form that saved,
/// which then shows it beside its button (a toast would cover that button).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Feedback {
    Toast,
    InForm,
}

/// Shows a failure where the user looks: the banner on top, and a toast in view
/// unless the form that acted shows it itself.
pub(crate) fn report(state: &AppState, error: &ActionError, feedback: Feedback) {
    if error.shown_by_form() {
        return;
    }
    let message = error.message();
    if feedback == Feedback::Toast {
        state.show_alert(message.clone());
    }
    state.show_error(message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::DE;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_save_error_becomes_the_same_failure_in_german() {
        let missing = ActionError::from(SaveError::Missing);
        assert_eq!(missing, ActionError::Missing);
        assert_eq!(missing.message(), DE.err.missing);
        let quota = ActionError::from(SaveError::Storage(StorageError::QuotaExceeded));
        assert_eq!(quota, ActionError::Storage(StorageError::QuotaExceeded));
        assert_eq!(quota.message(), DE.err.quota);
    }

    #[test]
    fn only_conflicts_and_refused_names_are_left_to_the_form() {
        assert!(ActionError::from(TraineeError::NameTaken).shown_by_form());
        assert_eq!(
            ActionError::from(TraineeError::EmptyName).message(),
            DE.trainee_name_missing
        );
        assert!(!ActionError::UndoRefused.shown_by_form());
        assert!(!ActionError::Storage(StorageError::Unavailable).shown_by_form());
    }
}

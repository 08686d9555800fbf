//! App-wide state: a small `Copy` struct of signals, read with `expect_context()`.

use crate::domain::customer::Customer;
use crate::domain::dataset::Dataset;
use crate::storage::engine::{QuarantineEntry, Store};
use crate::storage::local::LocalStore;
use crate::storage::persist::PersistState;
use leptos::prelude::*;

/// A short, quiet message; a deletion carries what it takes to undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Box<Customer>>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Dataset>,
    pub quarantine: RwSignal<Vec<QuarantineEntry>>,
    /// The visible error banner.
    pub error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    pub persist: RwSignal<Option<PersistState>>,
    /// `None` when local storage is blocked: the app then runs in memory only.
    pub store: StoredValue<Option<Store<LocalStore>>, LocalStorage>,
}

impl AppState {
    pub fn show_error(&self, message: String) {
        self.error.set(Some(message));
    }

    pub fn show_notice(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
        }));
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

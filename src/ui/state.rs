//! App-wide state: a small `Copy` struct of signals, read with `expect_context()`.

use crate::domain::customer::record::Customer;
use crate::domain::dataset::Dataset;
use crate::storage::backend::KeyValueStore;
use crate::storage::engine::{QuarantineEntry, Store};
use crate::storage::persist::PersistState;
use leptos::prelude::*;

/// Local storage, or memory for this session when the browser blocks storage.
pub type AppStore = Store<Box<dyn KeyValueStore>>;

/// A short message at the bottom of the screen. A deletion or a merge carries what it
/// takes to undo it; an alert is a failure the user must not miss.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Undo>,
    pub alert: bool,
}

/// What the notice's undo button puts back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// The deleted customer, as stored before.
    Delete(Box<Customer>),
    /// Both records of a merge as stored before it.
    Merge(Box<MergeUndo>),
}

/// Both records as they were before the merge, and the revision the merge gave the kept
/// one: a record changed since is not silently rolled back.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeUndo {
    pub kept: Customer,
    pub other: Customer,
    pub merged_rev: u32,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Dataset>,
    pub quarantine: RwSignal<Vec<QuarantineEntry>>,
    /// The visible error banner.
    pub error: RwSignal<Option<String>>,
    /// A calm banner: what the start put right, or a safety caveat of this browser.
    pub info: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    pub persist: RwSignal<Option<PersistState>>,
    /// The schema-1 copy kept after the migration is still stored.
    pub legacy_copy: RwSignal<bool>,
    pub store: StoredValue<AppStore, LocalStorage>,
}

impl AppState {
    pub fn show_error(&self, message: String) {
        self.error.set(Some(message));
    }

    pub fn show_notice(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
            alert: false,
        }));
    }

    /// A failure shown in view, replacing whatever quiet message was there.
    pub fn show_alert(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            undo: None,
            alert: true,
        }));
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

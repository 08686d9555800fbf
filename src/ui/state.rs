//! App-wide state: a small `Copy` struct of signals, read with `expect_context()`.
//!
//! Each collection of the data set is its own signal, so a view subscribes to what it
//! shows: a backup count or a settings change leaves the board alone, and a board move
//! changes `customers` once. Whole-data work (backup export, restore preview) reads a
//! [`Dataset`] assembled from the parts.

use crate::domain::customer::lookup::SearchIndex;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::ids::CustomerId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::PracticeState;
use crate::domain::settings::Settings;
use crate::storage::backend::KeyValueStore;
use crate::storage::engine::{QuarantineEntry, Store};
use crate::storage::persist::PersistState;
use crate::ui::actions::PendingChanges;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Local storage, or memory for this session when the browser blocks storage.
pub type AppStore = Store<Box<dyn KeyValueStore>>;

/// Every customer this tab knows, by id.
pub type Customers = BTreeMap<CustomerId, Customer>;

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
    pub customers: RwSignal<Customers>,
    pub playbook: RwSignal<Vec<PlaybookLine>>,
    /// Trainees, cards and logs; `active` is this tab's trainee.
    pub practice: RwSignal<PracticeState>,
    pub settings: RwSignal<Settings>,
    pub backup: RwSignal<BackupStatus>,
    /// The search index over all customers, shared by the call page and the customer
    /// list. Built only while a view reads it, at most once per change of `customers`.
    pub search_index: Memo<SearchIndex>,
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
    /// Other tabs' writes not yet applied (`actions/tabs.rs`).
    pub foreign: StoredValue<PendingChanges, LocalStorage>,
}

impl AppState {
    /// The signals of a freshly read data set; call inside the app's reactive owner.
    pub fn new(dataset: Dataset, store: AppStore) -> Self {
        let customers = RwSignal::new(Default::default());
        let state = AppState {
            customers,
            playbook: RwSignal::new(Default::default()),
            practice: RwSignal::new(Default::default()),
            settings: RwSignal::new(Default::default()),
            backup: RwSignal::new(Default::default()),
            search_index: Memo::new(move |_| customers.with(|all| SearchIndex::new(all.values()))),
            quarantine: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            info: RwSignal::new(None),
            notice: RwSignal::new(None),
            persist: RwSignal::new(None),
            legacy_copy: RwSignal::new(false),
            store: StoredValue::new_local(store),
            foreign: StoredValue::new_local(PendingChanges::default()),
        };
        state.set_dataset(dataset);
        state
    }

    /// The whole data set, copied; for work that truly needs all of it. Subscribes to
    /// every collection.
    pub fn dataset(&self) -> Dataset {
        self.track_data();
        self.dataset_untracked()
    }

    pub fn dataset_untracked(&self) -> Dataset {
        Dataset {
            customers: self.customers.get_untracked(),
            playbook: self.playbook.get_untracked(),
            practice: self.practice.get_untracked(),
            settings: self.settings.get_untracked(),
            backup: self.backup.get_untracked(),
        }
    }

    /// Subscribes to every collection, for a view of how much is stored at all.
    pub fn track_data(&self) {
        self.customers.track();
        self.playbook.track();
        self.practice.track();
        self.settings.track();
        self.backup.track();
    }

    /// Replaces every collection; views update once, after all of them are set.
    pub fn set_dataset(&self, dataset: Dataset) {
        let Dataset {
            customers,
            playbook,
            practice,
            settings,
            backup,
        } = dataset;
        self.customers.set(customers);
        self.playbook.set(playbook);
        self.practice.set(practice);
        self.settings.set(settings);
        self.backup.set(backup);
    }

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

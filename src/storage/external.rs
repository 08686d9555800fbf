//! What another tab wrote, decoded for this tab's memory.

use super::backend::KeyValueStore;
use super::codec::decode;
use super::engine::Store;
use super::error::StorageError;
use super::keys::{self, KeyKind};
use super::practice_store::TraineeHead;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::BackupStatus;
use crate::domain::ids::TraineeId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::{DrillAttempt, ReviewLog, Trainee};
use crate::domain::settings::Settings;
use serde::de::DeserializeOwned;

/// A value another tab wrote, decoded for this tab's memory.
#[derive(Debug, Clone, PartialEq)]
pub enum ExternalChange {
    Bucket {
        bucket: u64,
        customers: Vec<Customer>,
    },
    Playbook(Vec<PlaybookLine>),
    Trainees(Vec<Trainee>),
    TraineeHead(TraineeId, TraineeHead),
    Reviews(Vec<ReviewLog>),
    Drills(Vec<DrillAttempt>),
    /// The schema-1 copy was removed (or put back).
    LegacyCopy(bool),
    Settings(Settings),
    BackupStatus(BackupStatus),
    /// Storage was cleared or the schema changed: read everything again.
    ReloadAll,
    QuarantineChanged,
    Ignored,
    Unreadable(StorageError),
}

impl<B: KeyValueStore> Store<B> {
    /// Decodes what another tab wrote under `key` (`None`: storage was cleared).
    pub fn external_change(&self, key: Option<&str>, value: Option<&str>) -> ExternalChange {
        let Some(key) = key else {
            return ExternalChange::ReloadAll;
        };
        match keys::classify(key) {
            KeyKind::Bucket(bucket) => match value {
                None => ExternalChange::Bucket {
                    bucket,
                    customers: Vec::new(),
                },
                Some(raw) => decoded(key, raw, |customers| ExternalChange::Bucket {
                    bucket,
                    customers,
                }),
            },
            KeyKind::Playbook => with_value(key, value, ExternalChange::Playbook),
            KeyKind::Trainees => with_value(key, value, ExternalChange::Trainees),
            KeyKind::TraineeHead(trainee) => with_value(key, value, |head| {
                ExternalChange::TraineeHead(trainee, head)
            }),
            // A removed chunk was folded into totals, which the head brings.
            KeyKind::ReviewChunk(..) => with_value(key, value, ExternalChange::Reviews),
            KeyKind::DrillChunk(..) => with_value(key, value, ExternalChange::Drills),
            KeyKind::LegacyPractice => ExternalChange::LegacyCopy(value.is_some()),
            KeyKind::Journal | KeyKind::LastTrainee => ExternalChange::Ignored,
            KeyKind::Settings => with_value(key, value, |s: Settings| {
                ExternalChange::Settings(s.sanitized())
            }),
            KeyKind::BackupStatus => with_value(key, value, ExternalChange::BackupStatus),
            KeyKind::Meta => ExternalChange::ReloadAll,
            KeyKind::Quarantine => ExternalChange::QuarantineChanged,
            KeyKind::Unknown | KeyKind::Foreign => ExternalChange::Ignored,
        }
    }
}

fn with_value<T: DeserializeOwned + Default>(
    key: &str,
    value: Option<&str>,
    wrap: impl FnOnce(T) -> ExternalChange,
) -> ExternalChange {
    match value {
        None => wrap(T::default()),
        Some(raw) => decoded(key, raw, wrap),
    }
}

fn decoded<T: DeserializeOwned>(
    key: &str,
    raw: &str,
    wrap: impl FnOnce(T) -> ExternalChange,
) -> ExternalChange {
    match decode(raw) {
        Ok(value) => wrap(value),
        Err(e) => ExternalChange::Unreadable(StorageError::Corrupt {
            key: key.to_string(),
            reason: e.to_string(),
        }),
    }
}

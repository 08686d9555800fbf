use crate::domain::customer::record::EditConflict;
use std::fmt;

/// Everything that can go wrong between the app and local storage.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// Local storage is blocked or missing (private mode, disabled site data).
    Unavailable,
    /// The browser's quota is used up; nothing was changed.
    QuotaExceeded,
    /// The stored data was written by a newer version of the app.
    NewerSchema { found: u32, supported: u32 },
    /// An older schema this version has no migration for.
    UnsupportedSchema { found: u32 },
    /// A stored value could not be read; it has been quarantined.
    Corrupt { key: String, reason: String },
    /// A key holds unreadable data that could not be moved aside, so it is not overwritten.
    KeyBlocked { key: String },
    /// A write failed and putting the earlier values back failed too. The journal
    /// stays, so the next start puts them back.
    RollbackFailed { cause: Box<StorageError> },
    /// A start found an unfinished write and could not put this key back.
    RecoveryFailed {
        key: String,
        cause: Box<StorageError>,
    },
    /// Migrated data did not read back as it was; the old data is kept as it was.
    MigrationMismatch,
    /// Any other failure the browser reported.
    Browser(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => write!(f, "local storage unavailable"),
            Self::QuotaExceeded => write!(f, "quota exceeded"),
            Self::NewerSchema { found, supported } => {
                write!(f, "schema {found} is newer than {supported}")
            }
            Self::UnsupportedSchema { found } => write!(f, "schema {found} has no migration"),
            Self::Corrupt { key, reason } => write!(f, "corrupt value at {key}: {reason}"),
            Self::KeyBlocked { key } => write!(f, "key {key} holds quarantined data"),
            Self::RollbackFailed { cause } => write!(f, "rollback failed after: {cause}"),
            Self::RecoveryFailed { key, cause } => {
                write!(
                    f,
                    "could not restore {key} after an unfinished write: {cause}"
                )
            }
            Self::MigrationMismatch => write!(f, "migrated data did not read back equal"),
            Self::Browser(message) => write!(f, "browser error: {message}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// Saving a customer either fails in storage or meets a newer version from another tab.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Storage(StorageError),
    Conflict(Box<EditConflict>),
    /// The customer was deleted in another tab.
    Missing,
    /// A class move can no longer be taken back: a later change builds on it.
    UndoRefused,
}

impl From<StorageError> for SaveError {
    fn from(error: StorageError) -> Self {
        SaveError::Storage(error)
    }
}

impl From<EditConflict> for SaveError {
    fn from(conflict: EditConflict) -> Self {
        SaveError::Conflict(Box::new(conflict))
    }
}

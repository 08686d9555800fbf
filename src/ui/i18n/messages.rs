//! Typed errors and domain values in the words of the catalog in force.

use super::texts;
use crate::domain::customer::occasion_draft::OccasionError;
use crate::domain::customer::validation::FieldError;
use crate::domain::exchange::csv_import::{BadRowReason, CsvReadError, DuplicateKey};
use crate::storage::backup::BackupError;
use crate::storage::error::StorageError;
use crate::storage::playbook_file::PlaybookFileError;

pub fn storage_message(error: &StorageError) -> String {
    let t = texts();
    match error {
        StorageError::Unavailable => t.err.storage_unavailable.into(),
        StorageError::QuotaExceeded => t.err.quota.into(),
        StorageError::NewerSchema { found, supported } => (t.err.newer_schema)(*found, *supported),
        StorageError::UnsupportedSchema { found } => (t.err.unsupported_schema)(*found),
        StorageError::Corrupt { key, .. } => (t.err.corrupt)(key),
        StorageError::KeyBlocked { .. } => t.err.key_blocked.into(),
        StorageError::RollbackFailed { .. } => t.err.rollback_failed.into(),
        StorageError::RecoveryFailed { key, .. } => (t.err.recovery_failed)(key),
        StorageError::MigrationMismatch => t.err.migration_mismatch.into(),
        StorageError::Browser(detail) => (t.err.browser)(detail),
    }
}

pub fn backup_message(error: &BackupError) -> String {
    let t = texts();
    match error {
        BackupError::NotJson(_) => t.err.backup_not_json.into(),
        BackupError::NotABackup => t.err.backup_not_backup.into(),
        BackupError::NewerSchema { found, supported } => (t.err.backup_newer)(*found, *supported),
        BackupError::Invalid(detail) => (t.err.backup_invalid)(detail),
        BackupError::DuplicateCustomer(name) => (t.err.backup_duplicate)(name),
    }
}

pub fn field_message(error: &FieldError) -> &'static str {
    let t = texts();
    match error {
        FieldError::NameMissing => t.err.name_missing,
        FieldError::RevenueInvalid(_) => t.err.revenue,
        FieldError::PotentialInvalid(_) => t.err.potential,
        FieldError::EmailInvalid => t.err.email,
        FieldError::NoteHookUnknown => t.err.note_hook,
        FieldError::NoteValidUntilInvalid => t.err.note_until,
        FieldError::NoteValidUntilBeforeWritten => t.err.note_until_before,
    }
}

pub fn occasion_message(error: &OccasionError) -> &'static str {
    let t = texts();
    match error {
        OccasionError::DateInvalid => t.occasion.err_date,
        OccasionError::LabelMissing => t.occasion.err_label,
        OccasionError::NoticeInvalid => t.occasion.err_notice,
    }
}

pub fn playbook_file_message(error: &PlaybookFileError) -> String {
    let t = texts();
    match error {
        PlaybookFileError::NotJson(_) => t.err.playbook_not_json.into(),
        PlaybookFileError::NotAPlaybook => t.err.playbook_not_playbook.into(),
        PlaybookFileError::NewerSchema { found, supported } => {
            (t.err.playbook_newer)(*found, *supported)
        }
        PlaybookFileError::Invalid(detail) => (t.err.playbook_invalid)(detail),
        PlaybookFileError::DuplicateLine(title) => (t.err.playbook_duplicate)(title),
    }
}

pub fn csv_read_message(error: &CsvReadError) -> String {
    let t = texts();
    match error {
        CsvReadError::Empty => t.err.csv_empty.into(),
        CsvReadError::NoHeader => t.err.csv_no_header.into(),
        CsvReadError::Malformed { row, message } => (t.err.csv_malformed)(*row, message),
    }
}

pub fn bad_row_reason(reason: &BadRowReason) -> String {
    let t = texts();
    match reason {
        BadRowReason::NameMissing => t.csv.bad_name.into(),
        BadRowReason::AmountUnparsable(text) => (t.csv.bad_amount)(text),
        BadRowReason::ClassUnknown(text) => (t.csv.bad_class)(text),
        BadRowReason::EmailInvalid(text) => (t.csv.bad_email)(text),
        BadRowReason::PotentialFlagUnknown(text) => (t.csv.bad_potential_flag)(text),
        BadRowReason::NoteHookMissing => t.csv.bad_note_hook.into(),
        BadRowReason::NoteTextMissing => t.csv.bad_note_text.into(),
        BadRowReason::NoteValidUntilUnparsable(text) => (t.csv.bad_note_until)(text),
        BadRowReason::NoteValidUntilBeforeWritten(text) => (t.csv.bad_note_until_before)(text),
        BadRowReason::NoteWrittenUnparsable(text) => (t.csv.bad_note_written)(text),
        BadRowReason::BirthdayUnparsable(text) => (t.csv.bad_birthday)(text),
        BadRowReason::RenewalUnparsable(text) => (t.csv.bad_renewal)(text),
        BadRowReason::NoticeUnparsable(text) => (t.csv.bad_notice)(text),
        BadRowReason::RenewsYearlyUnknown(text) => (t.csv.bad_renews_yearly)(text),
        BadRowReason::RenewalMissing => t.csv.bad_renewal_missing.into(),
    }
}

pub fn duplicate_key_label(key: DuplicateKey) -> &'static str {
    let t = texts();
    match key {
        DuplicateKey::Number => t.csv.key_number,
        DuplicateKey::Email => t.csv.key_email,
        DuplicateKey::Phone => t.csv.key_phone,
    }
}

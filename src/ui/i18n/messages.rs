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
        StorageError::Unavailable => t.err_storage_unavailable.into(),
        StorageError::QuotaExceeded => t.err_quota.into(),
        StorageError::NewerSchema { found, supported } => (t.err_newer_schema)(*found, *supported),
        StorageError::UnsupportedSchema { found } => (t.err_unsupported_schema)(*found),
        StorageError::Corrupt { key, .. } => (t.err_corrupt)(key),
        StorageError::KeyBlocked { .. } => t.err_key_blocked.into(),
        StorageError::RollbackFailed { .. } => t.err_rollback_failed.into(),
        StorageError::RecoveryFailed { key, .. } => (t.err_recovery_failed)(key),
        StorageError::MigrationMismatch => t.err_migration_mismatch.into(),
        StorageError::Browser(detail) => (t.err_browser)(detail),
    }
}

pub fn backup_message(error: &BackupError) -> String {
    let t = texts();
    match error {
        BackupError::NotJson(_) => t.err_backup_not_json.into(),
        BackupError::NotABackup => t.err_backup_not_backup.into(),
        BackupError::NewerSchema { found, supported } => (t.err_backup_newer)(*found, *supported),
        BackupError::Invalid(detail) => (t.err_backup_invalid)(detail),
        BackupError::DuplicateCustomer(name) => (t.err_backup_duplicate)(name),
    }
}

pub fn field_message(error: &FieldError) -> &'static str {
    let t = texts();
    match error {
        FieldError::NameMissing => t.err_name_missing,
        FieldError::RevenueInvalid(_) => t.err_revenue,
        FieldError::PotentialInvalid(_) => t.err_potential,
        FieldError::EmailInvalid => t.err_email,
        FieldError::NoteHookUnknown => t.err_note_hook,
        FieldError::NoteValidUntilInvalid => t.err_note_until,
        FieldError::NoteValidUntilBeforeWritten => t.err_note_until_before,
    }
}

pub fn occasion_message(error: &OccasionError) -> &'static str {
    let t = texts();
    match error {
        OccasionError::DateInvalid => t.occasion_err_date,
        OccasionError::LabelMissing => t.occasion_err_label,
        OccasionError::NoticeInvalid => t.occasion_err_notice,
    }
}

pub fn playbook_file_message(error: &PlaybookFileError) -> String {
    let t = texts();
    match error {
        PlaybookFileError::NotJson(_) => t.err_playbook_not_json.into(),
        PlaybookFileError::NotAPlaybook => t.err_playbook_not_playbook.into(),
        PlaybookFileError::NewerSchema { found, supported } => {
            (t.err_playbook_newer)(*found, *supported)
        }
        PlaybookFileError::Invalid(detail) => (t.err_playbook_invalid)(detail),
        PlaybookFileError::DuplicateLine(title) => (t.err_playbook_duplicate)(title),
    }
}

pub fn csv_read_message(error: &CsvReadError) -> String {
    let t = texts();
    match error {
        CsvReadError::Empty => t.err_csv_empty.into(),
        CsvReadError::NoHeader => t.err_csv_no_header.into(),
        CsvReadError::Malformed { row, message } => (t.err_csv_malformed)(*row, message),
    }
}

pub fn bad_row_reason(reason: &BadRowReason) -> String {
    let t = texts();
    match reason {
        BadRowReason::NameMissing => t.csv_bad_name.into(),
        BadRowReason::AmountUnparsable(text) => (t.csv_bad_amount)(text),
        BadRowReason::ClassUnknown(text) => (t.csv_bad_class)(text),
        BadRowReason::EmailInvalid(text) => (t.csv_bad_email)(text),
        BadRowReason::PotentialFlagUnknown(text) => (t.csv_bad_potential_flag)(text),
        BadRowReason::NoteHookMissing => t.csv_bad_note_hook.into(),
        BadRowReason::NoteTextMissing => t.csv_bad_note_text.into(),
        BadRowReason::NoteValidUntilUnparsable(text) => (t.csv_bad_note_until)(text),
        BadRowReason::NoteValidUntilBeforeWritten(text) => (t.csv_bad_note_until_before)(text),
        BadRowReason::NoteWrittenUnparsable(text) => (t.csv_bad_note_written)(text),
        BadRowReason::BirthdayUnparsable(text) => (t.csv_bad_birthday)(text),
        BadRowReason::RenewalUnparsable(text) => (t.csv_bad_renewal)(text),
        BadRowReason::NoticeUnparsable(text) => (t.csv_bad_notice)(text),
        BadRowReason::RenewsYearlyUnknown(text) => (t.csv_bad_renews_yearly)(text),
        BadRowReason::RenewalMissing => t.csv_bad_renewal_missing.into(),
    }
}

pub fn duplicate_key_label(key: DuplicateKey) -> &'static str {
    let t = texts();
    match key {
        DuplicateKey::Number => t.csv_key_number,
        DuplicateKey::Email => t.csv_key_email,
        DuplicateKey::Phone => t.csv_key_phone,
    }
}

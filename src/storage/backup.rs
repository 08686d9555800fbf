//! The full backup file: readable JSON with a format name and the schema version.

use super::codec::{from_json, to_json};
use super::schema::BACKUP_SCHEMA;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::PracticeState;
use crate::domain::settings::Settings;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "klassenblick-backup";

/// What identifies a backup, read before the whole file so that a foreign or newer
/// file is named as such rather than as broken.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupFile {
    pub format: String,
    pub schema: u32,
    pub exported_at: NaiveDateTime,
    pub customers: Vec<Customer>,
    pub playbook: Vec<PlaybookLine>,
    pub practice: PracticeState,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    NotJson(String),
    NotABackup,
    NewerSchema { found: u32, supported: u32 },
    Invalid(String),
    DuplicateCustomer(String),
}

pub fn backup_json(dataset: &Dataset, exported_at: NaiveDateTime) -> Result<String, BackupError> {
    let file = BackupFile {
        format: FORMAT.to_string(),
        schema: BACKUP_SCHEMA,
        exported_at,
        customers: dataset.customers.values().cloned().collect(),
        playbook: dataset.playbook.clone(),
        practice: dataset.practice.clone(),
        settings: dataset.settings.clone(),
    };
    to_json(&file).map_err(|e| BackupError::Invalid(e.to_string()))
}

/// Reads a backup file. The backup status of the restored data starts over.
pub fn parse_backup(text: &str) -> Result<(Dataset, NaiveDateTime), BackupError> {
    let text = text.trim_start_matches('\u{feff}');
    let header: Header = from_json(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let schema = header.schema.ok_or(BackupError::NotABackup)?;
    if schema > u64::from(BACKUP_SCHEMA) {
        return Err(BackupError::NewerSchema {
            found: u32::try_from(schema).unwrap_or(u32::MAX),
            supported: BACKUP_SCHEMA,
        });
    }
    let file: BackupFile = from_json(text).map_err(|e| BackupError::Invalid(e.to_string()))?;
    let mut dataset = Dataset {
        playbook: file.playbook,
        practice: file.practice,
        settings: file.settings.sanitized(),
        backup: BackupStatus::default(),
        ..Dataset::default()
    };
    for customer in file.customers {
        if let Some(twin) = dataset.customers.insert(customer.id, customer) {
            return Err(BackupError::DuplicateCustomer(twin.fields.name));
        }
    }
    Ok((dataset, file.exported_at))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::CustomerId;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("valid")
    }

    fn dataset() -> Dataset {
        let mut ds = Dataset::default();
        for id in [3, 1] {
            let fields = CustomerFields {
                name: format!("<script>alert({id})</script> Müller"),
                ..Default::default()
            };
            ds.customers.insert(
                CustomerId(id),
                Customer::new(CustomerId(id), fields, now().date()),
            );
        }
        ds
    }

    #[test]
    fn export_then_import_gives_identical_data() {
        let text = backup_json(&dataset(), now()).expect("exports");
        let (back, at) = parse_backup(&text).expect("imports");
        assert_eq!(back, dataset());
        assert_eq!(at, now());
    }

    #[test]
    fn a_backup_written_before_occasions_still_restores() {
        let old = r#"{"format":"klassenblick-backup","schema":1,
            "exported_at":"2026-06-01T08:00:00",
            "customers":[{"id":5,"rev":2,"created":"2025-01-01",
              "fields":{"name":"Jörg Meier","revenue_cents":120000,"class":"B"}}],
            "playbook":[],"practice":{},"settings":{}}"#;
        let (restored, _) = parse_backup(old).expect("a version-1 file reads");
        let customer = &restored.customers[&CustomerId(5)];
        assert_eq!(customer.fields.name, "Jörg Meier");
        assert!(customer.fields.occasions.is_empty());
        assert!(customer.not_duplicates.is_empty() && customer.merges.is_empty());
    }

    #[test]
    fn a_backup_written_before_postcodes_still_restores_and_new_ones_keep_them() {
        let old = r#"{"format":"klassenblick-backup","schema":3,
            "exported_at":"2026-11-01T08:00:00",
            "customers":[{"id":5,"rev":2,"created":"2025-01-01",
              "fields":{"name":"Jörg Meier","company":"Meier Bau","revenue_cents":120000,"class":"B"}}],
            "playbook":[],"practice":{},"settings":{}}"#;
        let (mut restored, _) = parse_backup(old).expect("a version-3 file reads");
        let customer = restored
            .customers
            .get_mut(&CustomerId(5))
            .expect("restored");
        assert_eq!(customer.fields.company, "Meier Bau");
        assert_eq!(customer.fields.postcode, "");
        customer.fields.postcode = "01067".into();
        let text = backup_json(&restored, now()).expect("exports");
        assert!(text.contains("\"postcode\":\"01067\""));
        let (back, _) = parse_backup(&text).expect("imports");
        assert_eq!(back.customers[&CustomerId(5)].fields.postcode, "01067");
    }

    #[test]
    fn occasions_travel_in_the_backup() {
        use crate::domain::customer::occasion::{Occasion, OccasionKind};
        use crate::domain::ids::OccasionId;
        let mut ds = dataset();
        let renewal = Occasion::new(
            OccasionId(2),
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid"),
                notice_months: 3,
                yearly: true,
            },
        );
        if let Some(c) = ds.customers.get_mut(&CustomerId(1)) {
            c.fields.occasions.push(renewal.clone());
            c.not_duplicates.insert(CustomerId(3));
        }
        let text = backup_json(&ds, now()).expect("exports");
        assert!(text.contains("\"schema\":4"));
        let (back, _) = parse_backup(&text).expect("imports");
        assert_eq!(back, ds);
        assert_eq!(
            back.customers[&CustomerId(1)].fields.occasions,
            vec![renewal]
        );
    }

    #[test]
    fn foreign_newer_and_broken_files_are_refused() {
        assert!(matches!(
            parse_backup("kein json"),
            Err(BackupError::NotJson(_))
        ));
        assert_eq!(parse_backup("{\"a\":1}"), Err(BackupError::NotABackup));
        let text = backup_json(&dataset(), now()).expect("exports");
        let newer = text.replacen("\"schema\":4", "\"schema\":99", 1);
        assert_eq!(
            parse_backup(&newer),
            Err(BackupError::NewerSchema {
                found: 99,
                supported: BACKUP_SCHEMA
            })
        );
        let broken = text.replacen("\"customers\"", "\"kunden\"", 1);
        assert!(matches!(
            parse_backup(&broken),
            Err(BackupError::Invalid(_))
        ));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "backup_damage_tests.rs"]
mod damage_tests;

//! The playbook alone as a file, for exchanging lines within a team. A full backup is
//! accepted as well, so a colleague's backup can serve as the source.

use super::backup::FORMAT as BACKUP_FORMAT;
use super::codec::{from_json, to_json};
use super::schema::{BACKUP_SCHEMA, FILE_SCHEMA};
use crate::domain::playbook::lines::PlaybookLine;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "klassenblick-playbook";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PlaybookFile {
    format: String,
    schema: u32,
    exported_at: NaiveDateTime,
    #[serde(alias = "playbook")]
    lines: Vec<PlaybookLine>,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema: Option<u64>,
}

/// Only the lines of a full backup matter here.
#[derive(Deserialize)]
struct BackupLines {
    playbook: Vec<PlaybookLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaybookFileError {
    NotJson(String),
    NotAPlaybook,
    NewerSchema { found: u32, supported: u32 },
    Invalid(String),
    DuplicateLine(String),
}

pub fn playbook_json(
    lines: &[PlaybookLine],
    exported_at: NaiveDateTime,
) -> Result<String, PlaybookFileError> {
    let file = PlaybookFile {
        format: FORMAT.to_string(),
        schema: FILE_SCHEMA,
        exported_at,
        lines: lines.to_vec(),
    };
    to_json(&file).map_err(|e| PlaybookFileError::Invalid(e.to_string()))
}

pub fn parse_playbook_file(text: &str) -> Result<Vec<PlaybookLine>, PlaybookFileError> {
    let text = text.trim_start_matches('\u{feff}');
    let header: Header = from_json(text).map_err(|e| PlaybookFileError::NotJson(e.to_string()))?;
    let schema = header.schema.ok_or(PlaybookFileError::NotAPlaybook)?;
    // A backup's playbook part is read the same way in every backup version so far.
    let supported = match header.format.as_deref() {
        Some(BACKUP_FORMAT) => BACKUP_SCHEMA,
        _ => FILE_SCHEMA,
    };
    if schema > u64::from(supported) {
        return Err(PlaybookFileError::NewerSchema {
            found: u32::try_from(schema).unwrap_or(u32::MAX),
            supported,
        });
    }
    let invalid = |e: super::codec::CodecError| PlaybookFileError::Invalid(e.to_string());
    let lines = match header.format.as_deref() {
        Some(FORMAT) => from_json::<PlaybookFile>(text).map_err(invalid)?.lines,
        Some(BACKUP_FORMAT) => from_json::<BackupLines>(text).map_err(invalid)?.playbook,
        _ => return Err(PlaybookFileError::NotAPlaybook),
    };
    for (i, line) in lines.iter().enumerate() {
        if lines[..i].iter().any(|l| l.id == line.id) {
            return Err(PlaybookFileError::DuplicateLine(line.title.clone()));
        }
    }
    Ok(lines)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::dataset::Dataset;
    use crate::domain::playbook::starter::starter_playbook;
    use crate::storage::backup::backup_json;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("valid")
    }

    #[test]
    fn a_playbook_file_round_trips() {
        let lines = starter_playbook(now().date());
        let json = playbook_json(&lines, now()).expect("serialises");
        assert!(json.contains(FORMAT));
        assert_eq!(parse_playbook_file(&json), Ok(lines));
    }

    #[test]
    fn a_file_from_before_objections_reads_as_opening_lines() {
        let old = r#"{"format":"klassenblick-playbook","schema":1,"exported_at":"2026-11-01T09:00:00",
            "lines":[{"id":5,"situation":{"class":"O","direction":"Outbound","hook":"ComprehensiveConsultation"},
            "title":"Rundum","text":"Darf ich Ihnen eine Rundum-Beratung anbieten?","status":"Agreed","version":2,"changed":"2026-10-01"}]}"#;
        let lines = parse_playbook_file(old).expect("reads");
        assert_eq!(lines.len(), 1);
        assert!(lines[0].is_opening());
        let objections = starter_playbook(now().date())
            .into_iter()
            .filter(|l| l.is_objection())
            .collect::<Vec<_>>();
        assert!(!objections.is_empty());
        let json = playbook_json(&objections, now()).expect("serialises");
        assert_eq!(parse_playbook_file(&json), Ok(objections));
    }

    #[test]
    fn a_full_backup_serves_as_a_source_too() {
        let dataset = Dataset {
            playbook: starter_playbook(now().date()),
            ..Dataset::default()
        };
        let json = backup_json(&dataset, now()).expect("serialises");
        assert_eq!(parse_playbook_file(&json), Ok(dataset.playbook));
    }

    #[test]
    fn foreign_newer_and_broken_files_are_refused() {
        assert!(matches!(
            parse_playbook_file("nope"),
            Err(PlaybookFileError::NotJson(_))
        ));
        assert_eq!(
            parse_playbook_file(r#"{"format":"other","schema":1}"#),
            Err(PlaybookFileError::NotAPlaybook)
        );
        assert_eq!(
            parse_playbook_file(r#"{"format":"klassenblick-playbook","schema":99}"#),
            Err(PlaybookFileError::NewerSchema {
                found: 99,
                supported: FILE_SCHEMA
            })
        );
        assert!(matches!(
            parse_playbook_file(r#"{"format":"klassenblick-playbook","schema":1,"lines":[{}]}"#),
            Err(PlaybookFileError::Invalid(_))
        ));
        let lines = starter_playbook(now().date());
        let twice = [lines[0].clone(), lines[0].clone()];
        let json = playbook_json(&twice, now()).expect("serialises");
        assert!(matches!(
            parse_playbook_file(&json),
            Err(PlaybookFileError::DuplicateLine(_))
        ));
    }
}

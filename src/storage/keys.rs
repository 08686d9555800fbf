//! The key layout. Customers live in a fixed number of buckets, so one edit rewrites
//! one bucket (about 1/256 of the data), never the whole set.

use crate::domain::ids::{CustomerId, TraineeId};

pub const PREFIX: &str = "kb:";
pub const META: &str = "kb:meta";
pub const PLAYBOOK: &str = "kb:playbook";
/// Schema 1 kept all practice in this one key; schema 2 keeps it as the old copy
/// until the user removes it.
pub const LEGACY_PRACTICE: &str = "kb:practice";
/// The trainee list, shared by every trainee.
pub const TRAINEES: &str = "kb:p";
/// The trainee chosen last on this device, for the next start.
pub const LAST_TRAINEE: &str = "kb:p:last";
/// The intent record of an unfinished multi-key write.
pub const JOURNAL: &str = "kb:tx";
const TRAINEE_PREFIX: &str = "kb:p:";
pub const SETTINGS: &str = "kb:settings";
pub const BACKUP_STATUS: &str = "kb:backup";
pub const QUARANTINE_PREFIX: &str = "kb:q:";
const BUCKET_PREFIX: &str = "kb:c:";

pub const BUCKET_COUNT: u64 = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyKind {
    Meta,
    Bucket(u64),
    Playbook,
    LegacyPractice,
    Trainees,
    LastTrainee,
    /// A trainee's cards and totals.
    TraineeHead(TraineeId),
    /// One chunk of a trainee's review log.
    ReviewChunk(TraineeId, u32),
    /// One chunk of a trainee's drill log.
    DrillChunk(TraineeId, u32),
    Journal,
    Settings,
    BackupStatus,
    Quarantine,
    /// Under our prefix but not ours: written by a newer version or by hand.
    Unknown,
    /// Not under our prefix: another app on the same origin; never touched.
    Foreign,
}

pub fn bucket_of(id: CustomerId) -> u64 {
    id.0 % BUCKET_COUNT
}

pub fn bucket_key(bucket: u64) -> String {
    format!("{BUCKET_PREFIX}{bucket:03}")
}

pub fn classify(key: &str) -> KeyKind {
    if !key.starts_with(PREFIX) {
        return KeyKind::Foreign;
    }
    match key {
        META => KeyKind::Meta,
        PLAYBOOK => KeyKind::Playbook,
        LEGACY_PRACTICE => KeyKind::LegacyPractice,
        TRAINEES => KeyKind::Trainees,
        LAST_TRAINEE => KeyKind::LastTrainee,
        JOURNAL => KeyKind::Journal,
        SETTINGS => KeyKind::Settings,
        BACKUP_STATUS => KeyKind::BackupStatus,
        _ if key.starts_with(QUARANTINE_PREFIX) => KeyKind::Quarantine,
        _ if key.starts_with(TRAINEE_PREFIX) => classify_trainee_key(&key[TRAINEE_PREFIX.len()..]),
        _ => key
            .strip_prefix(BUCKET_PREFIX)
            .filter(|n| n.len() == 3)
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n < BUCKET_COUNT)
            .map_or(KeyKind::Unknown, KeyKind::Bucket),
    }
}

fn classify_trainee_key(rest: &str) -> KeyKind {
    let (id, chunk) = match rest.split_once(':') {
        Some((id, chunk)) => (id, Some(chunk)),
        None => (rest, None),
    };
    let Some(trainee) = canonical_number(id).map(TraineeId) else {
        return KeyKind::Unknown;
    };
    let chunk_number = |text: &str, mark: char| {
        text.strip_prefix(mark)
            .and_then(canonical_number)
            .and_then(|n| u32::try_from(n).ok())
    };
    match chunk {
        None => KeyKind::TraineeHead(trainee),
        Some(c) => match (chunk_number(c, 'r'), chunk_number(c, 'd')) {
            (Some(n), _) => KeyKind::ReviewChunk(trainee, n),
            (_, Some(n)) => KeyKind::DrillChunk(trainee, n),
            _ => KeyKind::Unknown,
        },
    }
}

/// Only the form this app writes, so one value never has two keys.
fn canonical_number(text: &str) -> Option<u64> {
    let n: u64 = text.parse().ok()?;
    (n.to_string() == text).then_some(n)
}

pub fn trainee_head_key(trainee: TraineeId) -> String {
    format!("{TRAINEE_PREFIX}{trainee}")
}

pub fn review_chunk_key(trainee: TraineeId, chunk: u32) -> String {
    format!("{TRAINEE_PREFIX}{trainee}:r{chunk}")
}

pub fn drill_chunk_key(trainee: TraineeId, chunk: u32) -> String {
    format!("{TRAINEE_PREFIX}{trainee}:d{chunk}")
}

/// Where an unreadable value is kept: "kb:q:<stamp>:<original key>".
pub fn quarantine_key(stamp: &str, original: &str) -> String {
    format!("{QUARANTINE_PREFIX}{stamp}:{original}")
}

/// The original key and stamp of a quarantine key.
pub fn parse_quarantine_key(key: &str) -> Option<(&str, &str)> {
    let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
    let (stamp, original) = rest.split_once(':')?;
    Some((stamp, original))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_are_classified() {
        assert_eq!(classify("kb:meta"), KeyKind::Meta);
        assert_eq!(classify(&bucket_key(5)), KeyKind::Bucket(5));
        assert_eq!(classify("kb:c:5"), KeyKind::Unknown);
        assert_eq!(classify("kb:c:999"), KeyKind::Unknown);
        assert_eq!(classify("kb:c:255"), KeyKind::Bucket(255));
        assert_eq!(classify("kb:c:256"), KeyKind::Unknown);
        assert_eq!(classify("kb:q:2026:kb:c:005"), KeyKind::Quarantine);
        assert_eq!(classify("kb:whatever"), KeyKind::Unknown);
        assert_eq!(classify("kb:practice"), KeyKind::LegacyPractice);
        assert_eq!(classify("kb:p"), KeyKind::Trainees);
        assert_eq!(classify("kb:p:last"), KeyKind::LastTrainee);
        assert_eq!(classify("kb:tx"), KeyKind::Journal);
        assert_eq!(classify("kb:p:17"), KeyKind::TraineeHead(TraineeId(17)));
        assert_eq!(
            classify("kb:p:17:r3"),
            KeyKind::ReviewChunk(TraineeId(17), 3)
        );
        assert_eq!(
            classify("kb:p:17:d0"),
            KeyKind::DrillChunk(TraineeId(17), 0)
        );
        assert_eq!(classify("kb:p:017"), KeyKind::Unknown);
        assert_eq!(classify("kb:p:17:r03"), KeyKind::Unknown);
        assert_eq!(classify("kb:p:17:x1"), KeyKind::Unknown);
        assert_eq!(classify("theme"), KeyKind::Foreign);
    }

    #[test]
    fn quarantine_keys_remember_the_original() {
        let key = quarantine_key("20261127T101500", "kb:c:005");
        assert_eq!(
            parse_quarantine_key(&key),
            Some(("20261127T101500", "kb:c:005"))
        );
    }

    proptest! {
        #[test]
        fn every_trainee_key_is_classified_back(id in any::<u64>(), chunk in any::<u32>()) {
            let t = TraineeId(id);
            prop_assert_eq!(classify(&trainee_head_key(t)), KeyKind::TraineeHead(t));
            prop_assert_eq!(classify(&review_chunk_key(t, chunk)), KeyKind::ReviewChunk(t, chunk));
            prop_assert_eq!(classify(&drill_chunk_key(t, chunk)), KeyKind::DrillChunk(t, chunk));
        }

        #[test]
        fn every_id_has_a_valid_bucket_key(id in any::<u64>()) {
            let key = bucket_key(bucket_of(CustomerId(id)));
            prop_assert_eq!(classify(&key), KeyKind::Bucket(bucket_of(CustomerId(id))));
        }
    }
}

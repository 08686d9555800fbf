//! The key layout. Customers live in a fixed number of buckets, so one edit rewrites
//! one bucket (about 1/256 of the data), never the whole set.

use crate::domain::ids::CustomerId;

pub const PREFIX: &str = "kb:";
pub const META: &str = "kb:meta";
pub const PLAYBOOK: &str = "kb:playbook";
pub const PRACTICE: &str = "kb:practice";
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
    Practice,
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
        PRACTICE => KeyKind::Practice,
        SETTINGS => KeyKind::Settings,
        BACKUP_STATUS => KeyKind::BackupStatus,
        _ if key.starts_with(QUARANTINE_PREFIX) => KeyKind::Quarantine,
        _ => key
            .strip_prefix(BUCKET_PREFIX)
            .filter(|n| n.len() == 3)
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| *n < BUCKET_COUNT)
            .map_or(KeyKind::Unknown, KeyKind::Bucket),
    }
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
        fn every_id_has_a_valid_bucket_key(id in any::<u64>()) {
            let key = bucket_key(bucket_of(CustomerId(id)));
            prop_assert_eq!(classify(&key), KeyKind::Bucket(bucket_of(CustomerId(id))));
        }
    }
}

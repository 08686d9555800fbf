//! Opening the store: an unfinished write put back, the schema checked or migrated,
//! every value read, and unreadable ones set aside.

use super::backend::{utf16_units, KeyValueStore};
use super::codec::decode;
use super::engine::Store;
use super::error::StorageError;
use super::keys::{self, KeyKind};
use super::practice_store::PracticeLoader;
use super::schema::{schema_action, Meta, SchemaAction, CURRENT_SCHEMA};
use super::transaction::{recover, Recovered};
use crate::domain::customer::record::Customer;
use crate::domain::dataset::Dataset;
use crate::domain::ids::TraineeId;
use crate::domain::practice::state::Trainee;
use crate::domain::settings::Settings;

/// An unreadable value kept aside, listed on the data page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantineEntry {
    /// Where the value is now.
    pub key: String,
    pub original_key: String,
    pub stamp: String,
    pub units: usize,
    /// The value could not be moved (quota) and stays under its original key,
    /// which is then never written.
    pub in_place: bool,
}

/// What opening the store found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Opened {
    pub dataset: Dataset,
    /// Nothing was stored before: a first start.
    pub fresh: bool,
    pub quarantine: Vec<QuarantineEntry>,
    pub problems: Vec<StorageError>,
    /// An unfinished write found and put back.
    pub recovered: Option<Recovered>,
    /// The schema-1 practice value is still kept beside its schema-2 copy.
    pub legacy_copy: bool,
    /// This start moved schema-1 data to the current schema.
    pub migrated: bool,
}

impl<B: KeyValueStore> Store<B> {
    /// Reads everything. Never fails as a whole: unreadable values are quarantined and
    /// problems reported, so the app always starts. An unfinished write is put back
    /// first and schema-1 data is migrated. `stamp` names quarantine entries.
    /// In the browser this runs under the cross-tab lock, like every write.
    pub fn open(&mut self, stamp: &str) -> Opened {
        let mut opened = Opened::default();
        self.write_block = None;
        self.recover_journal(&mut opened, stamp);
        let meta = self.read_meta(&mut opened, stamp);
        let action = schema_action(meta.as_ref());
        opened.fresh = action == SchemaAction::Fresh;
        match action {
            SchemaAction::Newer { found } => {
                return self.refuse(
                    opened,
                    StorageError::NewerSchema {
                        found,
                        supported: CURRENT_SCHEMA,
                    },
                )
            }
            SchemaAction::Migrate { from: 1 } => {
                if let Err(e) = super::migration::migrate_v1(self, &mut opened, stamp) {
                    return self.refuse(opened, e);
                }
            }
            SchemaAction::Migrate { from: 2..=4 } => {
                if let Err(e) = super::migration::migrate_version_only(self, &mut opened) {
                    return self.refuse(opened, e);
                }
            }
            SchemaAction::Migrate { from } => {
                return self.refuse(opened, StorageError::UnsupportedSchema { found: from })
            }
            SchemaAction::Fresh => {
                if let Err(e) = self.write_json(keys::META, &Meta::current()) {
                    opened.problems.push(e);
                }
            }
            SchemaAction::Current => {}
        }
        let keys = match self.backend.keys() {
            Ok(keys) => keys,
            Err(e) => {
                opened.problems.push(e);
                return opened;
            }
        };
        let mut practice = PracticeLoader::default();
        for key in keys {
            self.watch_decoding(Some(&key));
            self.load_key(&key, &mut opened, &mut practice, stamp);
        }
        self.watch_decoding(None);
        opened.dataset.practice = practice.finish();
        opened.dataset.practice.active = self.last_trainee(&opened.dataset.practice.trainees);
        opened
    }

    fn recover_journal(&mut self, opened: &mut Opened, stamp: &str) {
        match recover(&self.backend) {
            Ok(recovered) => opened.recovered = recovered,
            Err(StorageError::Corrupt { key, reason }) => {
                if let Ok(Some(raw)) = self.backend.get(&key) {
                    self.quarantine(&key, &raw, stamp, &reason, opened);
                }
            }
            Err(e) => {
                // Some keys may still hold a half-written change: read them, write nothing.
                opened.problems.push(e.clone());
                self.write_block = Some(e);
            }
        }
    }

    /// The trainee chosen last on this device, if still listed.
    fn last_trainee(&self, trainees: &[Trainee]) -> Option<TraineeId> {
        let raw = self.backend.get(keys::LAST_TRAINEE).ok().flatten()?;
        let id: TraineeId = raw.trim().parse().ok()?;
        trainees.iter().any(|t| t.id == id).then_some(id)
    }

    pub(super) fn refuse(&mut self, mut opened: Opened, reason: StorageError) -> Opened {
        opened.problems.push(reason.clone());
        self.write_block = Some(reason);
        opened
    }

    pub(super) fn read_meta(&self, opened: &mut Opened, stamp: &str) -> Option<Meta> {
        let raw = match self.backend.get(keys::META) {
            Ok(raw) => raw?,
            Err(e) => {
                opened.problems.push(e);
                return None;
            }
        };
        match super::codec::from_json::<Meta>(&raw) {
            Ok(meta) => Some(meta),
            Err(e) => {
                self.quarantine(keys::META, &raw, stamp, &e.to_string(), opened);
                // The data keys are still ours; read them as the current schema.
                Some(Meta::current())
            }
        }
    }

    fn load_key(&self, key: &str, opened: &mut Opened, practice: &mut PracticeLoader, stamp: &str) {
        let kind = keys::classify(key);
        if matches!(
            kind,
            KeyKind::Meta | KeyKind::Foreign | KeyKind::Journal | KeyKind::LastTrainee
        ) {
            return;
        }
        if kind == KeyKind::LegacyPractice {
            opened.legacy_copy = true;
            return;
        }
        let raw = match self.backend.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return,
            Err(e) => {
                opened.problems.push(e);
                return;
            }
        };
        if let Some(loaded) = practice.load(kind, &raw) {
            if let Err(e) = loaded {
                self.quarantine(key, &raw, stamp, &e.to_string(), opened);
            }
            return;
        }
        let ds = &mut opened.dataset;
        let reason = |e: super::codec::CodecError| e.to_string();
        let loaded: Result<(), String> = match kind {
            KeyKind::Bucket(_) => decode::<Vec<Customer>>(&raw)
                .map(|customers| {
                    ds.customers
                        .extend(customers.into_iter().map(|c| (c.id, c)))
                })
                .map_err(reason),
            KeyKind::Playbook => decode(&raw).map(|v| ds.playbook = v).map_err(reason),
            KeyKind::Settings => decode::<Settings>(&raw)
                .map(|v| ds.settings = v.sanitized())
                .map_err(reason),
            KeyKind::BackupStatus => decode(&raw).map(|v| ds.backup = v).map_err(reason),
            KeyKind::Quarantine => {
                if let Some(entry) = quarantine_entry(key, &raw) {
                    opened.quarantine.push(entry);
                }
                Ok(())
            }
            KeyKind::Unknown => Err("unbekannter Schlüssel".to_string()),
            // Taken above: skipped, or practice.
            _ => Ok(()),
        };
        if let Err(reason) = loaded {
            self.quarantine(key, &raw, stamp, &reason, opened);
        }
    }

    /// Moves an unreadable value aside; where that fails, blocks its key instead.
    pub(super) fn quarantine(
        &self,
        key: &str,
        raw: &str,
        stamp: &str,
        reason: &str,
        opened: &mut Opened,
    ) {
        let target = self.free_quarantine_key(stamp, key);
        // The original goes only once its copy is in place.
        let moved = self.backend.copy_exact(key, &target).and_then(|copied| {
            if copied {
                self.backend.remove(key)
            } else {
                Ok(())
            }
        });
        let entry = match moved {
            Ok(()) => QuarantineEntry {
                key: target,
                original_key: key.to_string(),
                stamp: stamp.to_string(),
                units: utf16_units(raw),
                in_place: false,
            },
            Err(_) => {
                self.blocked_keys.borrow_mut().insert(key.to_string());
                QuarantineEntry {
                    key: key.to_string(),
                    original_key: key.to_string(),
                    stamp: stamp.to_string(),
                    units: utf16_units(raw),
                    in_place: true,
                }
            }
        };
        opened.quarantine.push(entry);
        opened.problems.push(StorageError::Corrupt {
            key: key.to_string(),
            reason: reason.to_string(),
        });
    }

    /// A quarantine key not taken yet: the same key set aside twice in one second keeps
    /// both copies.
    fn free_quarantine_key(&self, stamp: &str, key: &str) -> String {
        let mut target = keys::quarantine_key(stamp, key);
        let mut n = 2;
        while matches!(self.backend.get(&target), Ok(Some(_))) {
            target = keys::quarantine_key(&format!("{stamp}-{n}"), key);
            n += 1;
        }
        target
    }
}

fn quarantine_entry(key: &str, raw: &str) -> Option<QuarantineEntry> {
    let (stamp, original) = keys::parse_quarantine_key(key)?;
    Some(QuarantineEntry {
        key: key.to_string(),
        original_key: original.to_string(),
        stamp: stamp.to_string(),
        units: utf16_units(raw),
        in_place: false,
    })
}

//! Loading and saving the data set through any [`KeyValueStore`].

use super::backend::{utf16_units, KeyValueStore};
use super::codec::{decode, encode};
use super::error::{SaveError, StorageError};
use super::keys::{self, KeyKind};
use super::practice_store::{self, PracticeLoader, TraineeHead, TraineeWrite};
use super::schema::{schema_action, Meta, SchemaAction, CURRENT_SCHEMA};
use super::transaction::{recover, write_all, Recovered, Write};
use crate::domain::customer::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::ids::CustomerId;
use crate::domain::ids::TraineeId;
use crate::domain::playbook::PlaybookLine;
use crate::domain::practice::{DrillAttempt, ReviewLog, Trainee, TraineeError};
use crate::domain::practice_parts::TraineeChanges;
use crate::domain::settings::Settings;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

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

/// The result of rewriting one customer bucket: its fresh content, which may include
/// changes another tab made to its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct BucketWrite {
    pub bucket: u64,
    pub customers: Vec<Customer>,
    pub units_written: usize,
}

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

/// Told which stored key is being decoded (`None`: decoding is over). A panic can't be
/// caught in wasm, so the browser notes the key where the next start can find it.
pub type DecodeWatch = fn(Option<&str>);

pub struct Store<B> {
    backend: B,
    write_block: Option<StorageError>,
    blocked_keys: RefCell<BTreeSet<String>>,
    decode_watch: Option<DecodeWatch>,
}

impl<B: KeyValueStore> Store<B> {
    pub fn new(backend: B) -> Self {
        Store {
            backend,
            write_block: None,
            blocked_keys: RefCell::default(),
            decode_watch: None,
        }
    }

    pub fn set_decode_watch(&mut self, watch: DecodeWatch) {
        self.decode_watch = Some(watch);
    }

    fn watch_decoding(&self, key: Option<&str>) {
        if let Some(watch) = self.decode_watch {
            watch(key);
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Reads everything. Never fails as a whole: unreadable values are quarantined and
    /// problems reported, so the app always starts. An unfinished write is put back
    /// first and schema-1 data is migrated. `stamp` names quarantine entries.
    /// In the browser this runs under the cross-tab lock, like every write.
    pub fn open(&mut self, stamp: &str) -> Opened {
        let mut opened = Opened::default();
        self.write_block = None;
        self.recover_journal(&mut opened, stamp);
        let meta = self.read_meta(&mut opened, stamp);
        match schema_action(meta.as_ref()) {
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
        opened.fresh = matches!(schema_action(meta.as_ref()), SchemaAction::Fresh);
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
            KeyKind::Trainees => decode(&raw).map(|v| practice.trainees(v)).map_err(reason),
            KeyKind::TraineeHead(trainee) => decode(&raw)
                .map(|v| practice.head(trainee, v))
                .map_err(reason),
            KeyKind::ReviewChunk(..) => decode(&raw).map(|v| practice.reviews(v)).map_err(reason),
            KeyKind::DrillChunk(..) => decode(&raw).map(|v| practice.drills(v)).map_err(reason),
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
            KeyKind::Meta
            | KeyKind::Foreign
            | KeyKind::Journal
            | KeyKind::LastTrainee
            | KeyKind::LegacyPractice => Ok(()),
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

    pub(super) fn check_writable(&self, key: &str) -> Result<(), StorageError> {
        if let Some(block) = &self.write_block {
            return Err(block.clone());
        }
        if self.blocked_keys.borrow().contains(key) {
            return Err(StorageError::KeyBlocked {
                key: key.to_string(),
            });
        }
        Ok(())
    }

    /// Reads one bucket as stored now.
    pub fn read_bucket(&self, bucket: u64) -> Result<Vec<Customer>, StorageError> {
        let key = keys::bucket_key(bucket);
        match self.backend.get(&key)? {
            None => Ok(Vec::new()),
            Some(raw) => decode(&raw).map_err(|e| StorageError::Corrupt {
                key,
                reason: e.to_string(),
            }),
        }
    }

    /// Applies `change` to the customer as stored now (not as this tab remembers it)
    /// and writes its bucket back. `change` gets `None` for a customer not stored.
    pub fn update_customer(
        &self,
        id: CustomerId,
        change: impl FnOnce(Option<&Customer>) -> Result<Option<Customer>, SaveError>,
    ) -> Result<BucketWrite, SaveError> {
        let bucket = keys::bucket_of(id);
        let key = keys::bucket_key(bucket);
        self.check_writable(&key)?;
        let mut customers = self.read_bucket(bucket)?;
        let position = customers.iter().position(|c| c.id == id);
        let next = change(position.map(|i| &customers[i]))?;
        match (position, next) {
            (Some(i), Some(customer)) => customers[i] = customer,
            (Some(i), None) => {
                customers.remove(i);
            }
            (None, Some(customer)) => customers.push(customer),
            (None, None) => {}
        }
        customers.sort_unstable_by_key(|c| c.id);
        let value = if customers.is_empty() {
            None
        } else {
            Some(encode(&customers).map_err(|e| StorageError::Browser(e.to_string()))?)
        };
        let units_written = write_all(&self.backend, &[(key.clone(), value)])?;
        Ok(BucketWrite {
            bucket,
            customers,
            units_written: units_written
                + if units_written > 0 {
                    utf16_units(&key)
                } else {
                    0
                },
        })
    }

    /// Applies `change` to several customers as stored now, writing each affected bucket
    /// once, all or nothing. Customers not stored are skipped.
    pub fn update_customers(
        &self,
        ids: &[CustomerId],
        change: impl Fn(&Customer) -> Customer,
    ) -> Result<Vec<BucketWrite>, StorageError> {
        let wanted: BTreeSet<CustomerId> = ids.iter().copied().collect();
        let buckets: BTreeSet<u64> = ids.iter().map(|id| keys::bucket_of(*id)).collect();
        self.rewrite_buckets(buckets, |_, customers| {
            customers
                .into_iter()
                .map(|c| {
                    if wanted.contains(&c.id) {
                        change(&c)
                    } else {
                        c
                    }
                })
                .collect()
        })
    }

    /// Stores new and changed customers (an import), writing each affected bucket once,
    /// all or nothing. A customer already stored keeps any contact this tab has not seen,
    /// so an import never drops what another tab logged meanwhile.
    pub fn put_customers(&self, incoming: &[Customer]) -> Result<Vec<BucketWrite>, StorageError> {
        let mut by_bucket: BTreeMap<u64, Vec<&Customer>> = BTreeMap::new();
        for customer in incoming {
            by_bucket
                .entry(keys::bucket_of(customer.id))
                .or_default()
                .push(customer);
        }
        let buckets: Vec<u64> = by_bucket.keys().copied().collect();
        self.rewrite_buckets(buckets, |bucket, mut customers| {
            for customer in by_bucket.get(&bucket).into_iter().flatten() {
                match customers.iter_mut().find(|c| c.id == customer.id) {
                    Some(stored) => {
                        let mut next = (*customer).clone();
                        for contact in &stored.contacts {
                            if !next.contacts.iter().any(|c| c.id == contact.id) {
                                next.contacts.push(contact.clone());
                            }
                        }
                        *stored = next;
                    }
                    None => customers.push((*customer).clone()),
                }
            }
            customers.sort_unstable_by_key(|c| c.id);
            customers
        })
    }

    /// Reads each bucket as stored now, lets `change` turn its customers into the new
    /// ones, and writes every bucket back in one all-or-nothing write.
    fn rewrite_buckets(
        &self,
        buckets: impl IntoIterator<Item = u64>,
        mut change: impl FnMut(u64, Vec<Customer>) -> Vec<Customer>,
    ) -> Result<Vec<BucketWrite>, StorageError> {
        let mut results = Vec::new();
        let mut writes = Vec::new();
        for bucket in buckets {
            let key = keys::bucket_key(bucket);
            self.check_writable(&key)?;
            let customers = change(bucket, self.read_bucket(bucket)?);
            let value = encode_for_storage(&customers)?;
            let units = utf16_units(&key) + utf16_units(&value);
            writes.push((key, Some(value)));
            results.push(BucketWrite {
                bucket,
                customers,
                units_written: units,
            });
        }
        write_all(&self.backend, &writes)?;
        Ok(results)
    }

    /// Replaces everything stored with `dataset`, all or nothing.
    pub fn replace_all(&self, dataset: &Dataset) -> Result<usize, StorageError> {
        let writes = self.all_writes(dataset)?;
        for (key, _) in &writes {
            self.check_writable(key)?;
        }
        write_all(&self.backend, &writes)
    }

    fn all_writes(&self, dataset: &Dataset) -> Result<Vec<Write>, StorageError> {
        let mut buckets: Vec<Vec<&Customer>> = vec![Vec::new(); keys::BUCKET_COUNT as usize];
        for customer in dataset.customers.values() {
            buckets[keys::bucket_of(customer.id) as usize].push(customer);
        }
        let mut writes = Vec::with_capacity(buckets.len() + 5);
        for (bucket, customers) in buckets.iter().enumerate() {
            let value = if customers.is_empty() {
                None
            } else {
                Some(encode_for_storage(customers)?)
            };
            writes.push((keys::bucket_key(bucket as u64), value));
        }
        writes.push((
            keys::PLAYBOOK.into(),
            Some(encode_for_storage(&dataset.playbook)?),
        ));
        let practice = practice_store::layout_writes(&dataset.practice)?;
        // Practice keys the new data does not have go, so nothing stale is read back.
        for key in self.backend.keys()? {
            let stale = matches!(
                keys::classify(&key),
                KeyKind::TraineeHead(_) | KeyKind::ReviewChunk(..) | KeyKind::DrillChunk(..)
            ) && !practice.iter().any(|(k, _)| *k == key);
            if stale {
                writes.push((key, None));
            }
        }
        writes.extend(practice);
        writes.push((keys::SETTINGS.into(), Some(json(&dataset.settings)?)));
        writes.push((keys::BACKUP_STATUS.into(), Some(json(&dataset.backup)?)));
        writes.push((keys::META.into(), Some(json(&Meta::current())?)));
        Ok(writes)
    }

    /// The playbook as stored now.
    pub fn read_playbook(&self) -> Result<Vec<PlaybookLine>, StorageError> {
        practice_store::read(&self.backend, keys::PLAYBOOK)
    }

    pub fn save_playbook(&self, lines: &[PlaybookLine]) -> Result<usize, StorageError> {
        self.write_one(keys::PLAYBOOK, encode_for_storage(&lines)?)
    }

    /// Adds a trainee to the list as stored now. The outer error is storage's, the inner
    /// one the name's.
    pub fn add_trainee(
        &self,
        trainee: Trainee,
    ) -> Result<Result<Vec<Trainee>, TraineeError>, StorageError> {
        self.check_writable(keys::TRAINEES)?;
        match practice_store::add_trainee_writes(&self.backend, trainee)? {
            Ok((trainees, write)) => {
                write_all(&self.backend, &[write])?;
                Ok(Ok(trainees))
            }
            Err(e) => Ok(Err(e)),
        }
    }

    /// Records one trainee's new cards and logs on top of what is stored now, writing a
    /// bounded amount: the trainee's head and newest log chunks.
    pub fn record_practice(
        &self,
        trainee: TraineeId,
        changes: &TraineeChanges,
    ) -> Result<TraineeWrite, StorageError> {
        let (write, writes) = practice_store::record_writes(&self.backend, trainee, changes)?;
        for (key, _) in &writes {
            self.check_writable(key)?;
        }
        write_all(&self.backend, &writes)?;
        Ok(write)
    }

    /// Remembers the trainee chosen last on this device for the next start. Other tabs
    /// keep their own choice.
    pub fn remember_trainee(&self, trainee: Option<TraineeId>) -> Result<(), StorageError> {
        self.check_writable(keys::LAST_TRAINEE)?;
        match trainee {
            Some(id) => self.backend.set(keys::LAST_TRAINEE, &id.to_string()),
            None => self.backend.remove(keys::LAST_TRAINEE),
        }
    }

    /// Removes the schema-1 copy kept after the migration.
    pub fn remove_legacy_copy(&self) -> Result<(), StorageError> {
        self.check_writable(keys::LEGACY_PRACTICE)?;
        self.backend.remove(keys::LEGACY_PRACTICE)
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<usize, StorageError> {
        self.write_json(keys::SETTINGS, settings)
    }

    pub fn save_backup_status(&self, status: &BackupStatus) -> Result<usize, StorageError> {
        self.write_json(keys::BACKUP_STATUS, status)
    }

    /// Counts one more change since the last backup, as stored now (other tabs count
    /// too). An unreadable stored status is quarantined, not silently reset; its entry
    /// comes back with the new count.
    pub fn count_change(
        &self,
        stamp: &str,
    ) -> Result<(BackupStatus, Option<Opened>), StorageError> {
        let mut aside = None;
        let mut status: BackupStatus = match self.backend.get(keys::BACKUP_STATUS)? {
            Some(raw) => match decode(&raw) {
                Ok(status) => status,
                Err(e) => {
                    let mut opened = Opened::default();
                    self.quarantine(
                        keys::BACKUP_STATUS,
                        &raw,
                        stamp,
                        &e.to_string(),
                        &mut opened,
                    );
                    aside = Some(opened);
                    BackupStatus::default()
                }
            },
            None => BackupStatus::default(),
        };
        status.changes_since = status.changes_since.saturating_add(1);
        self.save_backup_status(&status)?;
        Ok((status, aside))
    }

    pub(super) fn write_json<T: Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<usize, StorageError> {
        self.write_one(key, json(value)?)
    }

    fn write_one(&self, key: &str, value: String) -> Result<usize, StorageError> {
        self.check_writable(key)?;
        write_all(&self.backend, &[(key.to_string(), Some(value))])
    }

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

    /// The raw value kept under a quarantine key, for download.
    pub fn quarantined_value(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.backend.get(key)
    }

    /// Total UTF-16 units this app stores, keys included.
    pub fn used_units(&self) -> Result<usize, StorageError> {
        let mut total = 0;
        for key in self.backend.keys()? {
            if keys::classify(&key) != KeyKind::Foreign {
                let value = self.backend.get(&key)?.unwrap_or_default();
                total += utf16_units(&key) + utf16_units(&value);
            }
        }
        Ok(total)
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

fn encode_for_storage<T: Serialize + ?Sized>(value: &T) -> Result<String, StorageError> {
    encode(value).map_err(|e| StorageError::Browser(e.to_string()))
}

fn json<T: Serialize>(value: &T) -> Result<String, StorageError> {
    super::codec::to_json(value).map_err(|e| StorageError::Browser(e.to_string()))
}

//! Loading and saving the data set through any [`KeyValueStore`].

use super::backend::{utf16_units, KeyValueStore};
use super::codec::decode;
use super::error::{SaveError, StorageError};
use super::keys::{self, KeyKind};
use super::practice_store::{self, TraineeWrite};
use super::schema::Meta;
use super::stored::{encoded, json_text, read_or_default};
use super::transaction::{write_all, Write};
use crate::domain::customer::record::Customer;
use crate::domain::dataset::{BackupStatus, Dataset};
use crate::domain::exchange::import_merge::imported_over;
use crate::domain::ids::CustomerId;
use crate::domain::ids::TraineeId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::parts::TraineeChanges;
use crate::domain::practice::state::{Trainee, TraineeError};
use crate::domain::settings::Settings;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

pub use super::external::ExternalChange;
pub use super::open::{Opened, QuarantineEntry};

/// The result of rewriting one customer bucket: its fresh content, which may include
/// changes another tab made to its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct BucketWrite {
    pub bucket: u64,
    pub customers: Vec<Customer>,
    pub units_written: usize,
}

/// Told which stored key is being decoded (`None`: decoding is over). A panic can't be
/// caught in wasm, so the browser notes the key where the next start can find it.
pub type DecodeWatch = fn(Option<&str>);

pub struct Store<B> {
    pub(super) backend: B,
    /// Set when the data may not be written at all (a newer schema, a failed recovery).
    pub(super) write_block: Option<StorageError>,
    /// Keys holding unreadable values that could not be moved aside.
    pub(super) blocked_keys: RefCell<BTreeSet<String>>,
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

    pub(super) fn watch_decoding(&self, key: Option<&str>) {
        if let Some(watch) = self.decode_watch {
            watch(key);
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
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
        read_or_default(&self.backend, &keys::bucket_key(bucket))
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
            Some(encoded(&customers)?)
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
    /// all or nothing, over the buckets as stored now ([`imported_over`]).
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
                    Some(stored) => *stored = imported_over(customer, stored),
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
            let value = encoded(&customers)?;
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
                Some(encoded(customers)?)
            };
            writes.push((keys::bucket_key(bucket as u64), value));
        }
        writes.push((keys::PLAYBOOK.into(), Some(encoded(&dataset.playbook)?)));
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
        writes.push((keys::SETTINGS.into(), Some(json_text(&dataset.settings)?)));
        writes.push((
            keys::BACKUP_STATUS.into(),
            Some(json_text(&dataset.backup)?),
        ));
        writes.push((keys::META.into(), Some(json_text(&Meta::current())?)));
        Ok(writes)
    }

    /// The playbook as stored now.
    pub fn read_playbook(&self) -> Result<Vec<PlaybookLine>, StorageError> {
        read_or_default(&self.backend, keys::PLAYBOOK)
    }

    pub fn save_playbook(&self, lines: &[PlaybookLine]) -> Result<usize, StorageError> {
        self.write_one(keys::PLAYBOOK, encoded(&lines)?)
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
        self.write_one(key, json_text(value)?)
    }

    fn write_one(&self, key: &str, value: String) -> Result<usize, StorageError> {
        self.check_writable(key)?;
        write_all(&self.backend, &[(key.to_string(), Some(value))])
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

//! Writes that decide several customers together from what is stored now for all of
//! them: a merge (one record kept and changed, the other removed), its undo (both put
//! back) and a "Keine Dublette" answer (both marked). The records may sit in different
//! buckets, so every bucket goes in one journaled write: all of it or none.

use super::backend::{utf16_units, KeyValueStore};
use super::engine::{BucketWrite, Store};
use super::error::SaveError;
use super::keys;
use super::stored::encoded;
use super::transaction::write_all;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

/// What becomes of each customer a linked write decides: its new record, or `None`
/// when it is removed. Customers not named stay as they are.
pub type Outcome = Vec<(CustomerId, Option<Customer>)>;

impl<B: KeyValueStore> Store<B> {
    /// Reads the customers `ids` as stored now (a missing one is absent from the map),
    /// lets `change` decide what becomes of them, and writes every bucket concerned once,
    /// all or nothing. `change` may refuse (a conflict, a record gone); then nothing is
    /// written. Besides the fresh buckets it returns what `change` handed back.
    pub fn change_linked<T>(
        &self,
        ids: &[CustomerId],
        change: impl FnOnce(&BTreeMap<CustomerId, Customer>) -> Result<(Outcome, T), SaveError>,
    ) -> Result<(Vec<BucketWrite>, T), SaveError> {
        let mut buckets: BTreeMap<u64, Vec<Customer>> = BTreeMap::new();
        for id in ids {
            let bucket = keys::bucket_of(*id);
            if let Entry::Vacant(slot) = buckets.entry(bucket) {
                slot.insert(self.read_bucket(bucket)?);
            }
        }
        let stored: BTreeMap<CustomerId, Customer> = buckets
            .values()
            .flatten()
            .filter(|c| ids.contains(&c.id))
            .map(|c| (c.id, c.clone()))
            .collect();
        let (outcome, handed_back) = change(&stored)?;
        for (id, next) in outcome {
            let bucket = keys::bucket_of(id);
            let customers = match buckets.entry(bucket) {
                Entry::Occupied(slot) => slot.into_mut(),
                Entry::Vacant(slot) => slot.insert(self.read_bucket(bucket)?),
            };
            customers.retain(|c| c.id != id);
            customers.extend(next);
            customers.sort_unstable_by_key(|c| c.id);
        }
        let mut writes = Vec::with_capacity(buckets.len());
        let mut results = Vec::with_capacity(buckets.len());
        for (bucket, customers) in buckets {
            let key = keys::bucket_key(bucket);
            self.check_writable(&key)?;
            // An emptied bucket goes, as a single deletion does.
            let value = if customers.is_empty() {
                None
            } else {
                Some(encoded(&customers)?)
            };
            let units = utf16_units(&key) + value.as_deref().map_or(0, utf16_units);
            writes.push((key, value));
            results.push(BucketWrite {
                bucket,
                customers,
                units_written: units,
            });
        }
        write_all(&self.backend, &writes)?;
        Ok((results, handed_back))
    }
}

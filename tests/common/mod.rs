//! Test doubles shared by the native storage tests.
#![allow(dead_code)]

use klassenblick::storage::backend::{KeyValueStore, MemoryStore};
use klassenblick::storage::error::StorageError;
use std::cell::Cell;

/// A tab that dies after `budget` writes: every later write fails, as nothing more
/// runs. Reads still see what was written before.
pub struct DyingStore<'a> {
    pub inner: &'a MemoryStore,
    pub budget: Cell<usize>,
}

impl<'a> DyingStore<'a> {
    pub fn new(inner: &'a MemoryStore, budget: usize) -> Self {
        DyingStore {
            inner,
            budget: Cell::new(budget),
        }
    }

    fn spend(&self) -> Result<(), StorageError> {
        if self.budget.get() == 0 {
            return Err(StorageError::Browser("tab closed".into()));
        }
        self.budget.set(self.budget.get() - 1);
        Ok(())
    }
}

impl KeyValueStore for DyingStore<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.spend()?;
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.spend()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

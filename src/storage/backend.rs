use super::error::StorageError;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// The few operations the engine needs from a string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;

    /// Copies a value to another key exactly as stored. The browser store overrides this
    /// so the value never passes through a Rust `String`, which would replace lone
    /// surrogates.
    fn copy_exact(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        match self.get(from)? {
            Some(value) => self.set(to, &value).map(|()| true),
            None => Ok(false),
        }
    }
}

/// Passes every call on to the store behind a pointer.
macro_rules! delegate_store {
    ($($pointer:ty),*) => {$(
        impl<T: KeyValueStore + ?Sized> KeyValueStore for $pointer {
            fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
                (**self).get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
                (**self).set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), StorageError> {
                (**self).remove(key)
            }
            fn keys(&self) -> Result<Vec<String>, StorageError> {
                (**self).keys()
            }
            fn copy_exact(&self, from: &str, to: &str) -> Result<bool, StorageError> {
                (**self).copy_exact(from, to)
            }
        }
    )*};
}

// Two engines over one store behave like two tabs over one origin; a box lets the app
// choose local storage or memory at start.
delegate_store!(&T, Box<T>);

/// Sizes are counted as browsers count them: UTF-16 code units of keys and values.
pub fn utf16_units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// An in-memory store with an optional quota, for native tests of the engine.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota_units: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(quota_units: usize) -> Self {
        MemoryStore {
            entries: RefCell::default(),
            quota_units: Some(quota_units),
        }
    }

    pub fn used_units(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| utf16_units(k) + utf16_units(v))
            .sum()
    }

    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota_units {
            let current = self
                .entries
                .borrow()
                .get(key)
                .map(|old| utf16_units(key) + utf16_units(old));
            let after =
                self.used_units() - current.unwrap_or(0) + utf16_units(key) + utf16_units(value);
            if after > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// Stops writing after `budget` writes, as a tab that dies half-way would: every later
/// write fails, reads still see what was written. For crash tests, natively and in the
/// browser behind a test-only switch.
pub struct CutOffStore<B> {
    inner: B,
    budget: Cell<usize>,
}

impl<B: KeyValueStore> CutOffStore<B> {
    pub fn new(inner: B, budget: usize) -> Self {
        CutOffStore {
            inner,
            budget: Cell::new(budget),
        }
    }

    fn spend(&self) -> Result<(), StorageError> {
        let left = self.budget.get();
        if left == 0 {
            return Err(StorageError::Browser("writes cut off".into()));
        }
        self.budget.set(left - 1);
        Ok(())
    }
}

impl<B: KeyValueStore> KeyValueStore for CutOffStore<B> {
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
    fn copy_exact(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        self.spend()?;
        self.inner.copy_exact(from, to)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn quota_counts_keys_and_values_in_utf16_units() {
        let store = MemoryStore::with_quota(10);
        store.set("ab", "cdef").expect("6 units fit");
        assert_eq!(store.used_units(), 6);
        store
            .set("ab", "cdefghij")
            .expect("replacing counts the new value only");
        assert_eq!(store.set("x", "yz"), Err(StorageError::QuotaExceeded));
        assert_eq!(store.get("x"), Ok(None));
    }
}

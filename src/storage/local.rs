//! The browser's local storage behind [`KeyValueStore`].

use super::backend::KeyValueStore;
use super::error::StorageError;
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStore {
    storage: web_sys::Storage,
}

const PROBE_KEY: &str = "kb:probe";

impl LocalStore {
    /// Opens local storage and proves it writable; blocked storage (private mode,
    /// disabled site data) is reported instead of failing later.
    pub fn open() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        let storage = window
            .local_storage()
            .ok()
            .flatten()
            .ok_or(StorageError::Unavailable)?;
        let store = LocalStore { storage };
        match store.set(PROBE_KEY, "1") {
            Ok(()) | Err(StorageError::QuotaExceeded) => {}
            Err(_) => return Err(StorageError::Unavailable),
        }
        let _probe_cleanup = store.storage.remove_item(PROBE_KEY);
        Ok(store)
    }
}

fn browser_error(error: JsValue) -> StorageError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded,
        Ok(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Ok(e) => StorageError::Browser(format!("{}: {}", e.name(), e.message())),
        Err(other) => StorageError::Browser(format!("{other:?}")),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(browser_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(browser_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(browser_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(browser_error)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = self.storage.key(index).map_err(browser_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

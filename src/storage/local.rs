//! The browser's local storage behind [`KeyValueStore`].

use super::backend::KeyValueStore;
use super::error::StorageError;
use js_sys::{Function, Reflect};
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

    /// A method of the Storage object, to be called with JavaScript values as they are.
    fn method(&self, name: &str) -> Result<Function, StorageError> {
        Reflect::get(self.storage.as_ref(), &JsValue::from_str(name))
            .map_err(browser_error)?
            .dyn_into()
            .map_err(|_| StorageError::Browser(format!("Storage.{name} is not a function")))
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

    /// `getItem` and `setItem` hand the stored value over as a JavaScript string, so a
    /// lone surrogate survives; `get` would turn it into U+FFFD.
    fn copy_exact(&self, from: &str, to: &str) -> Result<bool, StorageError> {
        let storage: &JsValue = self.storage.as_ref();
        let value = self
            .method("getItem")?
            .call1(storage, &JsValue::from_str(from))
            .map_err(browser_error)?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        self.method("setItem")?
            .call2(storage, &JsValue::from_str(to), &value)
            .map_err(browser_error)?;
        Ok(true)
    }
}

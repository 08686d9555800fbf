//! Reading and writing one stored value in the app's encoding, with storage's errors.

use super::backend::KeyValueStore;
use super::codec::{decode, encode, to_json};
use super::error::StorageError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The value under `key` as stored now; nothing stored reads as the default. An
/// unreadable value is `Corrupt`, never replaced.
pub fn read_or_default<T: DeserializeOwned + Default>(
    store: &impl KeyValueStore,
    key: &str,
) -> Result<T, StorageError> {
    match store.get(key)? {
        None => Ok(T::default()),
        Some(raw) => decode(&raw).map_err(|e| StorageError::Corrupt {
            key: key.to_string(),
            reason: e.to_string(),
        }),
    }
}

/// `value` as compact JSON, for the small values kept readable (meta, settings).
pub fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String, StorageError> {
    to_json(value).map_err(|e| StorageError::Browser(e.to_string()))
}

/// `value` packed for storage.
pub fn encoded<T: Serialize + ?Sized>(value: &T) -> Result<String, StorageError> {
    encode(value).map_err(|e| StorageError::Browser(e.to_string()))
}

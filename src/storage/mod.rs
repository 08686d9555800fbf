//! The one place that touches local storage: key layout, encoding, schema version,
//! quarantine, bounded writes, backups and cross-tab changes.
//!
//! The engine is written against [`backend::KeyValueStore`], so its rules run natively
//! on [`backend::MemoryStore`] and in the browser on `local::LocalStore`.

pub mod backend;
pub mod backup;
pub mod capacity;
pub mod codec;
pub mod engine;
pub mod error;
pub mod external;
pub mod keys;
pub mod linked_write;
pub mod migration;
pub mod open;
pub mod playbook_file;
pub mod practice_store;
pub mod schema;
pub mod stored;
pub mod transaction;

#[cfg(target_arch = "wasm32")]
pub mod decode_marker;
#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod lock;
#[cfg(target_arch = "wasm32")]
pub mod persist;
#[cfg(target_arch = "wasm32")]
pub mod tab_session;
#[cfg(target_arch = "wasm32")]
pub mod tab_sync;
#[cfg(target_arch = "wasm32")]
pub mod test_switch;
